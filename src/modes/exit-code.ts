import type { Summary } from '../report/summary.js';

export type FailOn = 'invalid' | 'failed' | 'never';

/** Exit code for record-level problems (DESIGN §2): 1 when the run's records call for a look. */
export function recordExitCode(summary: Summary, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const entities = [summary.users, summary.organizations, summary.memberships];
  const failed = entities.some((c) => c.failed > 0);
  // A bad hash does not keep its user out, but that user cannot sign in as before: worth a 1.
  const invalid = entities.some((c) => c.invalid > 0) || summary.passwords.invalid > 0;
  // In verify, anything not found as planned is drift: the check failed.
  if (summary.mode === 'verify' && (entities.some((c) => c.pending > 0) || (summary.logins?.failed ?? 0) > 0)) return 1;
  return failed || (failOn === 'invalid' && invalid) ? 1 : 0;
}
