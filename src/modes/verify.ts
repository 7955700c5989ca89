import type { WorkOS } from '@workos-inc/node';
import type { Journal } from '../checkpoint/journal.js';
import { passwordMemory, type MigrationDiff } from '../plan/diff.js';
import { runLoginProbes, type LoginProbeResult } from '../reconcile/login-probes.js';
import { reconcile, type Reconciliation } from '../reconcile/reconcile.js';
import { removalsCsv } from '../report/files.js';
import { passwordsNotRead } from '../report/people.js';
import type { LazyCounts } from '../model/live-state.js';
import { diffOutcomes, factorChanges } from './plan.js';
import {
  conflictProblems,
  diffRun,
  finishRun,
  openJournal,
  prepareRun,
  readWorkOS,
  requireWorkOS,
  whenUnreachable,
  type MigrationOptions,
  type MigrationResult,
  type PreparedRun,
} from './pipeline.js';

export interface LiveCheck {
  diff: MigrationDiff;
  reconciliation: Reconciliation;
  logins?: LoginProbeResult;
  /** Users marked for a lazy migration, when WorkOS holds any. */
  lazy?: LazyCounts;
}

/**
 * The read-only check verify and cutover share: WorkOS read and diffed (hashes count only with
 * a checkpoint: WorkOS never returns them, so only the journal knows), then the test sign-ins.
 */
export async function checkLive(run: PreparedRun, workos: WorkOS, journal: Journal | undefined): Promise<LiveCheck> {
  const live = await readWorkOS(run, workos);
  const diff = diffRun(run, live, journal, journal !== undefined);
  const lazy = live.lazy.pending + live.lazy.moved > 0 ? { ...live.lazy } : undefined;
  const probes = run.options.loginProbes;
  const logins = probes
    ? await run.log.group(`Signing in ${probes.probes.length} test account(s)`, () =>
        runLoginProbes(workos, run.caller, probes.clientId, probes.probes, probes.label),
      )
    : undefined;
  return { diff, reconciliation: reconcile(diff), ...(logins ? { logins } : {}), ...(lazy ? { lazy } : {}) };
}

/**
 * `verify`: no writes. Reads WorkOS and says whether it holds every planned record as planned
 * (a record missing or different is drift, and `import` repairs it), plus test sign-ins.
 */
export async function runVerify(options: MigrationOptions): Promise<MigrationResult> {
  const run = await prepareRun(options);
  const workos = requireWorkOS(run);
  const journal = openJournal(run, 'read');
  try {
    const { diff, reconciliation, logins, lazy } = await checkLive(run, workos, journal);
    // Each TOTP factor the export moves: a user without one in WorkOS is drift (`factors.pending`).
    const factors = await factorChanges(run, workos, diff);
    return await finishRun(run, {
      factors,
      outcomes: diffOutcomes(diff),
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
    return whenUnreachable(run)(error);
  } finally {
    journal?.close();
  }
}
