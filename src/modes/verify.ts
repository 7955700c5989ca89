import { reconcile } from '../reconcile/reconcile.js';
import { runLoginProbes } from '../reconcile/login-probes.js';
import { removalsCsv } from '../report/files.js';
import { diffOutcomes } from './plan.js';
import { conflictProblems, diffRun, finishRun, openJournal, prepareRun, readWorkOS, requireWorkOS, type MigrationOptions, type MigrationResult } from './pipeline.js';

/**
 * `verify`: no writes. Reads WorkOS and says whether it holds every planned record as planned
 * (a record missing or different is drift, and `import` repairs it), plus test sign-ins.
 * Hashes count only with a checkpoint: WorkOS never returns them, so only the journal knows.
 */
export async function runVerify(options: MigrationOptions): Promise<MigrationResult> {
  const run = await prepareRun(options);
  const workos = requireWorkOS(run);
  const journal = openJournal(run, 'read');
  const diff = diffRun(run, await readWorkOS(run, workos), journal, journal !== undefined);
  const reconciliation = reconcile(diff);
  const probes = options.loginProbes;
  const logins = probes
    ? await run.log.group(`Signing in ${probes.probes.length} test account(s)`, () => runLoginProbes(workos, run.caller, probes.clientId, probes.probes, probes.label))
    : undefined;
  return finishRun(run, {
    outcomes: diffOutcomes(diff),
    problems: [...run.problems, ...conflictProblems(diff)],
    reconciliation,
    diff,
    removals: diff.removals,
    logins,
    extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
  });
}
