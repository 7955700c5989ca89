import type { Mode } from '../report/summary.js';
import { sumOver, type Summary } from '../report/summary.js';

export type FailOn = 'invalid' | 'failed' | 'never';

/** A dry run is about the export (invalid records are its news); an import about its writes. */
export function defaultFailOn(mode: Mode): FailOn {
  return mode === 'plan' ? 'invalid' : 'failed';
}

/**
 * Exit code for record-level outcomes (DESIGN §2): 1 when the run's records call for a look.
 * Policy skips and pending work never fail a run (a cron stage goes on next time); verify fails
 * on drift or a failed sign-in, and passes when WorkOS matches.
 */
export function recordExitCode(summary: Summary, failOn: FailOn = defaultFailOn(summary.mode)): 0 | 1 | 2 {
  // The run had to stop (WorkOS unreachable): reports are written, and it could not do its work.
  if (summary.fatal) return 2;
  // cutover: 0 go, 1 no-go (the checks are the point; fail-on does not apply).
  if (summary.mode === 'cutover') return summary.cutover?.go ? 0 : 1;
  if (failOn === 'never') return 0;
  // A TOTP factor that could not be enrolled is a failed write like any other.
  const failed = sumOver(summary, 'failed') > 0 || (summary.factors?.failed ?? 0) > 0;
  if (summary.mode === 'verify') {
    // A factor WorkOS lacks is drift too (its user signs in without it).
    const drift =
      sumOver(summary, 'pending') > 0 || (summary.factors?.pending ?? 0) > 0 || (summary.logins?.failed ?? 0) > 0;
    if (drift) return 1;
  }
  if (summary.mode === 'rollback') return summary.deleted && !summary.complete ? 1 : 0;
  // A bad hash does not keep its user out, but that user cannot sign in as before: worth a 1.
  const invalid = sumOver(summary, 'invalid') > 0 || summary.passwords.invalid > 0;
  return failed || (failOn === 'invalid' && invalid) ? 1 : 0;
}
