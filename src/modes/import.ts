import type { WorkOS } from '@workos-inc/node';
import type { ApplyContext } from '../apply/apply-record.js';
import { applyDiff, type DiffLimits } from '../apply/apply-diff.js';
import { deleteAll, deleteFailureProblem } from '../apply/deletes.js';
import type { Journal } from '../checkpoint/journal.js';
import { UsageError } from '../model/types.js';
import type { MigrationDiff, Removal } from '../model/changes.js';
import { deletableRemovals, passwordMemory } from '../plan/diff.js';
import { conflictProblems, removalCounts } from '../plan/diff-outcomes.js';
import { createPlannedRoles } from '../apply/roles.js';
import { reconcile } from '../reconcile/reconcile.js';
import { removalsCsv } from '../report/files.js';
import type { OutcomeStream } from '../report/outcome-stream.js';
import type { Summary } from '../report/summary.js';
import {
  diffRun,
  finishRun,
  openJournal,
  outcomeStream,
  prepareRun,
  readWorkOS,
  requireWorkOS,
  warnForcedPasswords,
  whenUnreachable,
  exportRunOptions,
  type ExportRunOptions,
  type MigrationSettings,
  type ResolvedRun,
  type MigrationResult,
  type PreparedRun,
  forecastWebhooks,
  writeChangesFile,
} from './pipeline.js';

export interface ImportOptions extends ExportRunOptions, DiffLimits {
  /** Writes per second for the whole process. */
  rateLimit?: number;
  /** Delete the removals (records of this migration gone from the export). */
  prune?: boolean;
  /** Refuse to prune more removals than this (default 10 % of the export's users). */
  pruneLimit?: number;
  /** Read WorkOS back after an import that wrote something (default true). */
  reconcileAfterImport?: boolean;
}

/** import's options, from the settings the CLI or the action parsed. */
export function importOptions(settings: MigrationSettings, resolved: ResolvedRun): ImportOptions {
  return {
    ...exportRunOptions(settings, resolved),
    rateLimit: settings.rateLimit,
    concurrency: settings.concurrency,
    maxRecords: settings.maxRecords,
    timeBudgetMs: settings.timeBudgetMs,
    prune: settings.prune,
    pruneLimit: settings.pruneLimit,
  };
}

/**
 * `import`: read WorkOS, diff, write the difference, then read WorkOS again to say what it holds.
 * WorkOS is the truth; the journal only remembers hashes sent and what this migration made.
 */
export async function runImport(options: ImportOptions): Promise<MigrationResult> {
  const run = await prepareRun('import', options);
  const workos = requireWorkOS(run);
  const journal = openJournal(run, 'write');
  // WorkOS unreachable before or while writing: the reports are still written, then exit 2.
  return importWith(run, options, workos, journal)
    .catch(whenUnreachable(run))
    .finally(() => journal?.close());
}

async function importWith(
  run: PreparedRun,
  options: ImportOptions,
  workos: WorkOS,
  journal: Journal | undefined,
): Promise<MigrationResult> {
  const outcomes = outcomeStream(run);
  try {
    return await importStreaming(run, options, workos, journal, outcomes);
  } catch (error) {
    outcomes.discard();
    throw error;
  }
}

async function importStreaming(
  run: PreparedRun,
  options: ImportOptions,
  workos: WorkOS,
  journal: Journal | undefined,
  outcomes: OutcomeStream,
): Promise<MigrationResult> {
  if (options.prune && run.config.policies.partialExports === 'import')
    throw new UsageError(
      '--prune cannot run with policies.partialExports: import: with part of the export, every user left out would look removed. Nothing was written; prune from a whole export, without that policy.',
    );
  const pii = options.includePii ?? false;
  let diff: MigrationDiff | undefined = diffRun(run, await readWorkOS(run, workos), journal, true);
  warnForcedPasswords(run, diff);
  // What the first diff says is taken now, so that it can go before WorkOS is read back.
  const first = diff.removals;
  // Only what this checkpoint records as created is ever deleted; the rest is listed, and said.
  const toPrune = deletableRemovals(first);
  if (options.prune) explainKeptRemovals(run, first);
  // Before any write: a truncated export must stop the run, not half of it.
  if (options.prune) checkPruneLimit(run, toPrune, options.pruneLimit);
  const problems = [...run.problems, ...conflictProblems(diff)];
  const writtenFiles = await writeChangesFile(run, diff);
  const ctx: ApplyContext = { caller: run.caller, journal };
  const environment = await prepareEnvironment(run, workos, diff, journal);
  problems.push(...environment.problems);
  // Before any write: the user changes are worked out again on each pass, from the journal as it is then.
  const memory = passwordMemory(diff);
  const applied = await applyDiff(workos, diff, ctx, {
    limits: options,
    forcePasswords: options.forcePasswords,
    log: run.log,
    outcomes: (outcome) => outcomes.add(outcome),
    factors: run.plan.factors.factors,
  });
  const passwords = {
    sent: applied.passwordsSent,
    recordedEarlier: memory.recordedEarlier,
    keptExisting: memory.keptExisting,
    keptSignedIn: memory.keptSignedIn,
  };
  // Without the read-back, or with nothing written, the first diff stands for what WorkOS
  // holds; otherwise it goes now.
  let after: MigrationDiff | undefined =
    options.reconcileAfterImport === false || applied.processed === 0 ? diff : undefined;
  diff = undefined;
  let deleted: Summary['deleted'] | undefined;
  let stoppedBy = applied.stoppedBy;
  problems.push(...applied.factors.problems);
  if (options.prune && toPrune.length > 0 && !stoppedBy) {
    const pruned = await run.log.group(`Pruning ${toPrune.length} removal(s)`, () =>
      deleteAll(workos, toPrune, ctx, options),
    );
    deleted = pruned.deleted;
    for (const failed of pruned.failed) problems.push(deleteFailureProblem(failed));
    stoppedBy ??= pruned.stoppedBy;
  }
  const wrote = applied.processed > 0 || deleted !== undefined;
  if (applied.unreachable) {
    return await finishRun(run, {
      outcomes: [],
      streamed: outcomes,
      problems,
      stoppedBy: 'unreachable',
      fatal: applied.unreachable.message,
      passwords,
      factors: applied.factors.counts,
      processed: applied.processed,
      journalAppended: journal?.appendedCount ?? 0,
      writtenFiles,
      roles: environment.roles,
      webhooks: environment.webhooks,
    });
  }
  if (stoppedBy) run.log.info(`Stopped by ${stoppedBy}; run again to go on from the checkpoint.`);
  else if (!wrote) run.log.info('Nothing to write: WorkOS already holds every record as planned.');

  // The live check: after writes WorkOS is read again; with nothing written the first read stands.
  if (!stoppedBy && wrote && options.reconcileAfterImport !== false) {
    after = undefined;
    // WorkOS never shows a hash: without a checkpoint the read-back compares fields only (a hash
    // this run just sent is not drift); with one, the journal says which hashes were sent.
    after = await run.log.group('Reading WorkOS back', async () =>
      diffRun(run, await readWorkOS(run, workos), journal, journal !== undefined),
    );
  }
  // Import reports counts and drift.
  const reconciliation = stoppedBy || !after ? undefined : reconcile(after);
  const removals = deleted && after ? after.removals : first;
  // The read-back (its live index) goes before the reports are written.
  after = undefined;
  if (removals.length > 0 && !options.prune) {
    const deletable = deletableRemovals(removals).length;
    run.log.info(
      `${removals.length} record(s) of this migration are no longer in the export (removals.csv); import with --prune deletes ` +
        (deletable === removals.length
          ? 'them.'
          : `the ${deletable} this checkpoint records as created and keeps the others (kept_because in removals.csv).`),
    );
  }
  return await finishRun(run, {
    outcomes: [],
    streamed: outcomes,
    problems,
    stoppedBy,
    reconciliation,
    removals,
    deleted,
    passwords,
    factors: applied.factors.counts,
    processed: applied.processed,
    journalAppended: journal?.appendedCount ?? 0,
    extraFiles: { 'removals.csv': removalsCsv(removals, pii) },
    writtenFiles,
    roles: environment.roles,
    webhooks: environment.webhooks,
  });
}

/**
 * Before any record is written: say how many webhook events the writes will send, then create
 * the roles the memberships need (apply/roles.ts).
 */
async function prepareEnvironment(run: PreparedRun, workos: WorkOS, diff: MigrationDiff, journal: Journal | undefined) {
  const webhooks = await forecastWebhooks(run, workos, diff, 'import');
  const plan = run.plan.roles;
  if (!plan || plan.create.length + plan.createPermissions.length === 0) return { webhooks, problems: [] };
  const { problems, ...roles } = await run.log.group(`Creating ${plan.create.length} role(s)`, () =>
    createPlannedRoles(workos, run.caller, plan, journal),
  );
  return { webhooks, roles, problems };
}

/** A truncated export must never wipe an environment: past the limit, nothing is deleted. */
function checkPruneLimit(run: PreparedRun, removals: readonly Removal[], pruneLimit: number | undefined): void {
  const exportUsers = run.plan.users.users.length;
  const limit = pruneLimit ?? Math.max(1, Math.floor(exportUsers * 0.1));
  if (removals.length > limit) {
    const c = removalCounts(removals);
    throw new UsageError(
      `--prune would delete ${removals.length} record(s) (${c.users} users, ${c.organizations} organizations, ${c.memberships} memberships), more than the prune limit of ${limit}` +
        `${pruneLimit === undefined ? " (10 % of the export's users)" : ''}. Nothing was written. Check removals.csv from a dry run (plan); if the export is whole, raise --prune-limit.`,
    );
  }
}

/** Removals that prune lists and keeps: a user reads why nothing happened to them. */
function explainKeptRemovals(run: PreparedRun, removals: readonly Removal[]): void {
  const kept = removals.filter((r) => r.keptBecause !== undefined);
  if (kept.length === 0) return;
  const c = removalCounts(kept);
  const existed = kept.filter((r) => r.keptBecause === 'existed_before').length;
  run.log.warn(
    `--prune deletes only what this checkpoint records as created; kept: ${c.users} user(s), ${c.organizations} organization(s), ${c.memberships} membership(s) ` +
      `(${existed} existed in WorkOS before the migration, ${kept.length - existed} not created by this checkpoint; kept_because in removals.csv). Delete them in WorkOS yourself if they should go.`,
  );
}
