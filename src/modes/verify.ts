import { passwordMemory } from '../plan/diff.js';
import { liveOutcomes } from '../reconcile/reconcile.js';
import { removalsCsv } from '../report/files.js';
import { passwordsNotRead } from '../report/people.js';
import { conflictProblems } from '../plan/diff-outcomes.js';
import {
  checkLive,
  factorChanges,
  finishRun,
  openJournal,
  outcomeStream,
  prepareRun,
  requireWorkOS,
  whenUnreachable,
  exportRunOptions,
  type ExportRunOptions,
  type LoginProbeSet,
  type MigrationSettings,
  type ResolvedRun,
  type MigrationResult,
} from './pipeline.js';

export interface VerifyOptions extends ExportRunOptions {
  loginProbes?: LoginProbeSet;
}

/** verify's options, from the settings the CLI or the action parsed. */
export function verifyOptions(settings: MigrationSettings, resolved: ResolvedRun): VerifyOptions {
  return { ...exportRunOptions(settings, resolved), loginProbes: resolved.loginProbes };
}

/**
 * `verify`: no writes. Reads WorkOS and says whether it holds every planned record as planned
 * (a record missing or different is drift, and `import` repairs it), plus test sign-ins.
 */
export async function runVerify(options: VerifyOptions): Promise<MigrationResult> {
  const run = await prepareRun('verify', options);
  const workos = requireWorkOS(run);
  const journal = openJournal(run, 'read');
  const outcomes = outcomeStream(run);
  try {
    const { diff, reconciliation, logins, lazy } = await checkLive(run, workos, journal, options.loginProbes);
    // Each TOTP factor the export moves: a user without one in WorkOS is drift (`factors.pending`).
    const factors = await factorChanges(run, workos, diff);
    // Counted and written as they are worked out: a million users and memberships are never held.
    for (const outcome of liveOutcomes(diff)) outcomes.add(outcome);
    return await finishRun(run, {
      factors,
      outcomes: [],
      streamed: outcomes,
      problems: [...run.problems, ...conflictProblems(diff)],
      reconciliation,
      diff,
      removals: diff.removals,
      passwords: {
        sent: 0,
        ...passwordMemory(diff),
        ...(passwordsNotRead(options.source, options.files) ? { notChecked: true as const } : {}),
      },
      logins,
      lazy,
      extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
    });
  } catch (error) {
    outcomes.discard();
    return whenUnreachable(run)(error);
  } finally {
    journal?.close();
  }
}
