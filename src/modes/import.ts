import type { WorkOS } from '@workos-inc/node';
import {
  applyDelete,
  applyWrite,
  type ApplyContext,
  type EntityWriter,
  type PlannedWrite,
} from '../apply/apply-record.js';
import { RateLimiter } from '../apply/rate-limiter.js';
import { WorkOSUnreachableError } from '../apply/workos-caller.js';
import { FatalRunError, runWorkQueue, type StageLimits, type StopReason } from '../apply/work-queue.js';
import { membershipWriter, type WorkOSIds } from '../apply/writers/memberships.js';
import { organizationWriter } from '../apply/writers/organizations.js';
import { userWriter } from '../apply/writers/users.js';
import type { Journal } from '../checkpoint/journal.js';
import type { Outcome } from '../model/outcome.js';
import type { PlannedMembership, PlannedRecord } from '../model/planned.js';
import { UsageError, type RecordProblem } from '../model/types.js';
import {
  deletableRemovals,
  passwordDigest,
  passwordMemory,
  type Change,
  type MigrationDiff,
  type Removal,
  type UserChange,
} from '../plan/diff.js';
import { reconcile } from '../reconcile/reconcile.js';
import { changesJsonl, removalsCsv } from '../report/files.js';
import { ProgressMeter } from '../report/progress.js';
import type { Summary } from '../report/summary.js';
import {
  conflictProblems,
  diffRun,
  finishRun,
  openJournal,
  prepareRun,
  readWorkOS,
  removalCounts,
  requireWorkOS,
  warnForcedPasswords,
  whenUnreachable,
  DEFAULTS,
  type MigrationOptions,
  type MigrationResult,
  type PreparedRun,
} from './pipeline.js';

// WorkOS allows 50 organization deletes per 60 s per API key (DESIGN §7).
const ORGANIZATION_DELETES_PER_SECOND = 50 / 60;

/**
 * `import`: read WorkOS, diff, write the difference, then read WorkOS again to say what it holds.
 * WorkOS is the truth; the journal only remembers hashes sent and what this migration made.
 */
export async function runImport(options: MigrationOptions): Promise<MigrationResult> {
  const run = await prepareRun(options);
  const workos = requireWorkOS(run);
  const journal = openJournal(run, 'write');
  // WorkOS unreachable before or while writing: the reports are still written, then exit 2.
  return importWith(run, workos, journal)
    .catch(whenUnreachable(run))
    .finally(() => journal?.close());
}

async function importWith(run: PreparedRun, workos: WorkOS, journal: Journal | undefined): Promise<MigrationResult> {
  const { options } = run;
  if (options.prune && run.config.policies.partialExports === 'import')
    throw new UsageError(
      '--prune cannot run with policies.partialExports: import: with part of the export, every user left out would look removed. Nothing was written; prune from a whole export, without that policy.',
    );
  const live = await readWorkOS(run, workos);
  const diff = diffRun(run, live, journal, true);
  warnForcedPasswords(run, diff);
  // Only what this checkpoint records as created is ever deleted; the rest is listed, and said.
  const toPrune = deletableRemovals(diff.removals);
  if (options.prune) explainKeptRemovals(run, diff.removals);
  // Before any write: a truncated export must stop the run, not half of it.
  if (options.prune) checkPruneLimit(run, toPrune);
  const ctx: ApplyContext = { caller: run.caller, journal };
  const applied = await applyDiff(run, workos, diff, ctx);
  let deleted: Summary['deleted'] | undefined;
  const deleteProblems: RecordProblem[] = [];
  let stoppedBy = applied.stoppedBy;
  if (options.prune && toPrune.length > 0 && !stoppedBy) {
    const pruned = await run.log.group(`Pruning ${toPrune.length} removal(s)`, () => prune(run, workos, toPrune, ctx));
    deleted = pruned.deleted;
    deleteProblems.push(...pruned.failed.map(deleteFailureProblem));
    stoppedBy ??= pruned.stoppedBy;
  }
  const wrote = applied.processed > 0 || deleted !== undefined;
  if (applied.unreachable) {
    const report = await finishRun(run, {
      outcomes: applied.outcomes,
      problems: [...run.problems, ...conflictProblems(diff)],
      stoppedBy: 'unreachable',
      fatal: applied.unreachable.message,
      diff,
      passwords: applied.passwords,
      processed: applied.processed,
      journalAppended: journal?.appendedCount ?? 0,
    });
    return report;
  }
  if (stoppedBy) run.log.info(`Stopped by ${stoppedBy}; run again to go on from the checkpoint.`);
  else if (!wrote) run.log.info('Nothing to write: WorkOS already holds every record as planned.');

  // The live check: after writes WorkOS is read again; with nothing written the first read stands.
  let after = diff;
  if (!stoppedBy && wrote && options.reconcileAfterImport !== false) {
    // WorkOS never shows a hash: without a checkpoint the read-back compares fields only (a hash
    // this run just sent is not drift); with one, the journal says which hashes were sent.
    after = await run.log.group('Reading WorkOS back', async () =>
      diffRun(run, await readWorkOS(run, workos), journal, journal !== undefined),
    );
  }
  const reconciliation = stoppedBy ? undefined : reconcile(after);
  const removals = deleted ? after.removals : diff.removals;
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
    outcomes: applied.outcomes,
    problems: [...run.problems, ...conflictProblems(diff), ...deleteProblems],
    stoppedBy,
    reconciliation,
    diff,
    removals,
    deleted,
    passwords: applied.passwords,
    processed: applied.processed,
    journalAppended: journal?.appendedCount ?? 0,
    extraFiles: {
      'changes.jsonl': changesJsonl(diff, run.options.includePii ?? false),
      'removals.csv': removalsCsv(removals, run.options.includePii ?? false),
    },
  });
}

interface Applied {
  /** WorkOS stopped answering mid-run: the report is written, then the run ends with exit 2. */
  unreachable?: WorkOSUnreachableError;
  outcomes: Outcome[];
  stoppedBy?: StopReason;
  processed: number;
  passwords: { sent: number; recordedEarlier: number; keptExisting: number; keptSignedIn: number };
}

/** Users, then organizations, then memberships (which need both), under one stage budget. */
async function applyDiff(run: PreparedRun, workos: WorkOS, diff: MigrationDiff, ctx: ApplyContext): Promise<Applied> {
  const { options } = run;
  const deadline = options.timeBudgetMs !== undefined ? Date.now() + options.timeBudgetMs : undefined;
  const outcomes: Outcome[] = [];
  let processed = 0;
  let stoppedBy: StopReason | undefined;
  let unreachable: WorkOSUnreachableError | undefined;
  const limits = (): StageLimits => ({
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    // The limiter paces; in flight is whatever reaches its rate at the measured latency.
    inFlight: () => ctx.caller.inFlightTarget(),
    maxRecords: stoppedBy
      ? 0
      : options.maxRecords !== undefined
        ? Math.max(0, options.maxRecords - processed)
        : undefined,
    deadline,
    signal: options.signal,
  });
  const phase = async <P extends PlannedRecord>(
    label: string,
    changes: readonly Change<P>[],
    writer: EntityWriter<P>,
    toWrite: (c: Change<P>) => PlannedWrite<P>,
  ) => {
    const writes: PlannedWrite<P>[] = [];
    for (const change of changes) {
      const done = settled(change);
      if (done) outcomes.push(done);
      else writes.push(toWrite(change));
    }
    const result = await applyWrites(label, writes, writer, ctx, limits(), run);
    outcomes.push(...result.outcomes);
    processed += result.processed;
    stoppedBy ??= result.stoppedBy;
    unreachable ??= result.unreachable;
    return result.outcomes;
  };

  const userOutcomes = await phase('users', diff.users, userWriter(workos), (c) =>
    userWrite(c as UserChange, options.forcePasswords),
  );
  await phase('organizations', diff.organizations, organizationWriter(workos), (c) => ({
    record: c.record,
    action: writeAction(c),
    workosId: c.workosId,
    sendPassword: false,
  }));
  const ids = workosIds(outcomes);
  const { ready, blocked } = membershipsReady(diff.memberships, ids, outcomes);
  outcomes.push(...blocked);
  await phase('memberships', ready, membershipWriter(workos, ids), (c) => ({
    record: c.record,
    action: writeAction(c),
    workosId: c.workosId,
    sendPassword: false,
  }));
  return { outcomes, stoppedBy, processed, passwords: passwordsOf(diff, userOutcomes), unreachable };
}

function writeAction(change: Change<PlannedRecord>): 'create' | 'update' {
  return change.action === 'update' && change.workosId ? 'update' : 'create';
}

function userWrite(change: UserChange, forcePasswords = false): PlannedWrite<UserChange['record']> {
  const password = change.record.input.password;
  return {
    record: change.record,
    action: writeAction(change),
    workosId: change.workosId,
    sendPassword: change.sendPassword,
    claim: change.claim,
    ...(password ? { passwordDigest: passwordDigest(password) } : {}),
    ...(forcePasswords ? { forcePasswords } : {}),
  };
}

/** A change that needs no request: as planned already, or held by another system's user. */
function settled(change: Change<PlannedRecord>): Outcome | undefined {
  const base = { entity: change.entity, sourceId: change.record.sourceId, location: change.record.location };
  if (change.action === 'unchanged') return { ...base, status: 'unchanged', workosId: change.workosId };
  if (change.action !== 'conflict') return undefined;
  if (change.fields.length === 0) return { ...base, status: 'unchanged', workosId: change.workosId };
  return {
    ...base,
    status: 'failed',
    workosId: change.workosId,
    failure: {
      code: 'email_conflict',
      message:
        'The export gives this user an email that another WorkOS user holds under another external id. Resolve the duplicate in WorkOS, then run import again.',
    },
  };
}

/** Hashes sent now, recorded earlier, or kept by a user who was in WorkOS before. */
function passwordsOf(diff: MigrationDiff, userOutcomes: readonly Outcome[]): Applied['passwords'] {
  const byId = new Map(diff.users.map((c) => [c.record.sourceId, c]));
  let sent = 0;
  for (const o of userOutcomes) {
    const change = byId.get(o.sourceId);
    if (!change?.record.input.password) continue;
    if (o.status === 'created' || (o.status === 'updated' && change.sendPassword)) sent++;
  }
  const { recordedEarlier, keptExisting, keptSignedIn } = passwordMemory(diff);
  return { sent, recordedEarlier, keptExisting, keptSignedIn };
}

async function applyWrites<P extends PlannedRecord>(
  label: string,
  writes: PlannedWrite<P>[],
  writer: EntityWriter<P>,
  ctx: ApplyContext,
  limits: StageLimits,
  run: PreparedRun,
): Promise<{ outcomes: Outcome[]; stoppedBy?: StopReason; processed: number; unreachable?: WorkOSUnreachableError }> {
  const outcomes: Outcome[] = [];
  if (writes.length === 0) return { outcomes, processed: 0 };
  const meter = new ProgressMeter(run.log, label, Math.min(writes.length, limits.maxRecords ?? Infinity));
  let unreachable: WorkOSUnreachableError | undefined;
  const { notStarted, stoppedBy } = await runWorkQueue(
    writes,
    async (write) => {
      const outcome = await applyWrite(write, writer, ctx);
      // A bad key fails every record alike: stop and say so once.
      if (outcome.failure?.code === 'unauthorized') throw new FatalRunError(outcome.failure.message);
      outcomes.push(outcome);
      meter.tick();
    },
    limits,
  ).catch((error: unknown): { notStarted: PlannedWrite<P>[]; stoppedBy?: StopReason } => {
    if (error instanceof FatalRunError) throw new UsageError(error.message);
    // WorkOS stopped answering: what was written stands (journaled); the rest waits for a rerun.
    if (error instanceof WorkOSUnreachableError) {
      unreachable = error;
      const done = new Set(outcomes.map((o) => o.sourceId));
      return { notStarted: writes.filter((w) => !done.has(w.record.sourceId)), stoppedBy: 'fatal' };
    }
    throw error;
  });
  for (const { record } of notStarted)
    outcomes.push({ entity: writer.entity, sourceId: record.sourceId, status: 'pending', location: record.location });
  return { outcomes, stoppedBy, processed: writes.length - notStarted.length, unreachable };
}

function workosIds(outcomes: readonly Outcome[]): WorkOSIds {
  const userIds = new Map<string, string>();
  const organizationIds = new Map<string, string>();
  for (const o of outcomes) {
    if (!o.workosId) continue;
    if (o.entity === 'user') userIds.set(o.sourceId, o.workosId);
    if (o.entity === 'organization') organizationIds.set(o.sourceId, o.workosId);
  }
  return { user: (id) => userIds.get(id), organization: (id) => organizationIds.get(id) };
}

/** A membership waits for its user and organization: pending if they are, failed if they failed. */
function membershipsReady(changes: readonly Change<PlannedMembership>[], ids: WorkOSIds, outcomes: readonly Outcome[]) {
  const status = new Map(outcomes.map((o) => [`${o.entity}\u0000${o.sourceId}`, o.status]));
  const ready: Change<PlannedMembership>[] = [];
  const blocked: Outcome[] = [];
  for (const change of changes) {
    const m = change.record;
    if (ids.user(m.userSourceId) && ids.organization(m.organizationSourceId)) {
      ready.push(change);
      continue;
    }
    const failed =
      status.get(`user\u0000${m.userSourceId}`) === 'failed' ||
      status.get(`organization\u0000${m.organizationSourceId}`) === 'failed';
    const base = { entity: 'membership' as const, sourceId: m.sourceId, location: m.location };
    blocked.push(
      failed
        ? {
            ...base,
            status: 'failed',
            failure: {
              code: 'dependency_failed',
              message: 'Its user or organization failed to import; a rerun retries both.',
            },
          }
        : { ...base, status: 'pending' },
    );
  }
  return { ready, blocked };
}

/** A truncated export must never wipe an environment: past the limit, nothing is deleted. */
function checkPruneLimit(run: PreparedRun, removals: readonly Removal[]): void {
  const exportUsers = run.plan.users.users.length;
  const limit = run.options.pruneLimit ?? Math.max(1, Math.floor(exportUsers * 0.1));
  if (removals.length > limit) {
    const c = removalCounts(removals);
    throw new UsageError(
      `--prune would delete ${removals.length} record(s) (${c.users} users, ${c.organizations} organizations, ${c.memberships} memberships), more than the prune limit of ${limit}` +
        `${run.options.pruneLimit === undefined ? " (10 % of the export's users)" : ''}. Nothing was written. Check removals.csv from a dry run (plan); if the export is whole, raise --prune-limit.`,
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

/** Memberships first, then users, then organizations; each delete journaled (a rerun skips what is gone). */
export async function deleteAll(
  run: PreparedRun,
  workos: WorkOS,
  targets: readonly Removal[],
  ctx: ApplyContext,
  journal: Journal | undefined,
): Promise<{ deleted: NonNullable<Summary['deleted']>; failed: Outcome[]; stoppedBy?: StopReason }> {
  const deleted = { users: 0, organizations: 0, memberships: 0 };
  const failed: Outcome[] = [];
  const orgDeletes = new RateLimiter(ORGANIZATION_DELETES_PER_SECOND, 1);
  const remove = {
    membership: (id: string) => workos.userManagement.deleteOrganizationMembership(id),
    user: (id: string) => workos.userManagement.deleteUser(id),
    organization: (id: string) => workos.organizations.deleteOrganization(id),
  };
  let stoppedBy: StopReason | undefined;
  for (const entity of ['membership', 'user', 'organization'] as const) {
    const batch = targets.filter((t) => t.entity === entity);
    if (batch.length === 0 || stoppedBy) continue;
    const result = await runWorkQueue(
      batch,
      async (t) => {
        const outcome = await applyDelete(
          { entity, sourceId: t.externalId, workosId: t.workosId, location: { file: 'WorkOS', line: 0 } },
          remove[entity],
          { caller: ctx.caller, journal, ...(entity === 'organization' ? { limiter: orgDeletes } : {}) },
        );
        if (outcome.status === 'failed') failed.push(outcome);
        else deleted[`${entity}s`]++;
      },
      { concurrency: run.options.concurrency ?? DEFAULTS.concurrency, signal: run.options.signal },
    );
    stoppedBy = result.stoppedBy;
  }
  return { deleted, failed, stoppedBy };
}

/** A delete that failed is not a planned record: it is reported, and the removal stays listed. */
export function deleteFailureProblem(outcome: Outcome): RecordProblem {
  return {
    entity: outcome.entity,
    sourceId: outcome.sourceId,
    location: outcome.location,
    code: outcome.failure?.code ?? 'delete_failed',
    message: `Could not delete WorkOS ${outcome.entity} ${outcome.workosId ?? ''}: ${outcome.failure?.message ?? 'failed'}`,
    severity: 'warning',
  };
}

function prune(run: PreparedRun, workos: WorkOS, removals: readonly Removal[], ctx: ApplyContext) {
  return deleteAll(run, workos, removals, ctx, ctx.journal);
}
