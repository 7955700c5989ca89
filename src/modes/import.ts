import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import {
  applyDelete,
  applyWrite,
  type ApplyContext,
  type EntityWriter,
  type PlannedWrite,
} from '../apply/apply-record.js';
import { StringMap } from '../compact/string-map.js';
import { WorkOSUnreachableError } from '../workos/workos-caller.js';
import { FatalRunError, runWorkQueue, type StageLimits, type StopReason } from '../apply/work-queue.js';
import { membershipWriter, type WorkOSIds } from '../apply/writers/memberships.js';
import { organizationWriter } from '../apply/writers/organizations.js';
import { userWriter } from '../apply/writers/users.js';
import type { Journal } from '../checkpoint/journal.js';
import type { Outcome } from '../model/outcome.js';
import type { PlannedMembership, PlannedRecord, PlannedUser } from '../model/planned.js';
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
import { writeLines } from '../io/write-lines.js';
import { changesLines, removalsCsv } from '../report/files.js';
import type { Logger } from '../report/logger.js';
import type { OutcomeStream } from '../report/outcome-stream.js';
import { ProgressMeter } from '../report/progress.js';
import type { Summary } from '../report/summary.js';
import {
  conflictProblems,
  diffRun,
  finishRun,
  openJournal,
  outcomeStream,
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
  const outcomes = outcomeStream(run);
  try {
    return await importStreaming(run, workos, journal, outcomes);
  } catch (error) {
    outcomes.discard();
    throw error;
  }
}

async function importStreaming(
  run: PreparedRun,
  workos: WorkOS,
  journal: Journal | undefined,
  outcomes: OutcomeStream,
): Promise<MigrationResult> {
  const { options } = run;
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
  if (options.prune) checkPruneLimit(run, toPrune);
  const problems = [...run.problems, ...conflictProblems(diff)];
  const writtenFiles: string[] = [];
  if (options.outDir) {
    await mkdir(options.outDir, { recursive: true });
    await writeLines(join(options.outDir, 'changes.jsonl'), changesLines(diff, pii));
    writtenFiles.push('changes.jsonl');
  }
  const ctx: ApplyContext = { caller: run.caller, journal };
  const applied = await applyDiff(run, workos, diff, ctx, outcomes);
  // Without the read-back the first diff stands for what WorkOS holds; otherwise it goes now.
  let after: MigrationDiff | undefined = options.reconcileAfterImport === false ? diff : applied.firstDiff;
  applied.firstDiff = undefined;
  diff = undefined;
  let deleted: Summary['deleted'] | undefined;
  let stoppedBy = applied.stoppedBy;
  if (options.prune && toPrune.length > 0 && !stoppedBy) {
    const pruned = await run.log.group(`Pruning ${toPrune.length} removal(s)`, () => prune(run, workos, toPrune, ctx));
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
      passwords: applied.passwords,
      processed: applied.processed,
      journalAppended: journal?.appendedCount ?? 0,
      writtenFiles,
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
  // Import reports counts and drift; the WorkOS id of every record found is cutover's.
  const reconciliation = stoppedBy || !after ? undefined : reconcile(after, { found: false });
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
    passwords: applied.passwords,
    processed: applied.processed,
    journalAppended: journal?.appendedCount ?? 0,
    extraFiles: { 'removals.csv': removalsCsv(removals, pii) },
    writtenFiles,
  });
}

interface Applied {
  /** WorkOS stopped answering mid-run: the report is written, then the run ends with exit 2. */
  unreachable?: WorkOSUnreachableError;
  stoppedBy?: StopReason;
  processed: number;
  passwords: { sent: number; recordedEarlier: number; keptExisting: number; keptSignedIn: number };
  /** The diff, kept only when nothing was written (it is then what WorkOS holds). */
  firstDiff?: MigrationDiff;
}

/** Where a phase's outcomes go, one at a time (never gathered: a million of them do not fit). */
export type OutcomeSink = (outcome: Outcome) => void;

/**
 * Users, then organizations, then memberships (which need both), under one stage budget. Each
 * outcome goes to `outcomes` as it happens; what the memberships need of the users and
 * organizations (their WorkOS ids, whether they failed) is kept as it goes by.
 */
async function applyDiff(
  run: PreparedRun,
  workos: WorkOS,
  diff: MigrationDiff,
  ctx: ApplyContext,
  outcomes: OutcomeStream,
): Promise<Applied> {
  const { options } = run;
  const deadline = options.timeBudgetMs !== undefined ? Date.now() + options.timeBudgetMs : undefined;
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
  const phase = async <P extends PlannedRecord, C extends Change<P>>(
    label: string,
    changes: Iterable<C>,
    writer: EntityWriter<P>,
    toWrite: (c: C) => PlannedWrite<P>,
    sink: (outcome: Outcome, change: C) => void,
  ) => {
    const result = await runPhase(label, changes, writer, toWrite, ctx, limits(), run.log, sink);
    processed += result.processed;
    stoppedBy ??= result.stoppedBy;
    unreachable ??= result.unreachable;
  };

  // Before any write: the user changes are worked out again on each pass, from the journal as it is then.
  const memory = passwordMemory(diff);
  const ids = new WorkOSIdsSoFar();
  let sent = 0;
  await phase(
    'users',
    diff.users,
    userWriter(workos),
    (c) => userWrite(c, options.forcePasswords),
    (outcome, change) => {
      outcomes.add(outcome);
      ids.take(outcome);
      if (
        change.record.input.password &&
        (outcome.status === 'created' || (outcome.status === 'updated' && change.sendPassword))
      )
        sent++;
    },
  );
  const writeOf = (c: Change<PlannedRecord>) => ({
    record: c.record,
    action: writeAction(c),
    workosId: c.workosId,
    sendPassword: false,
  });
  await phase('organizations', diff.organizations, organizationWriter(workos), writeOf, (outcome) => {
    outcomes.add(outcome);
    ids.take(outcome);
  });
  const ready = membershipsReady(diff.memberships, ids, (outcome) => outcomes.add(outcome));
  await phase('memberships', ready, membershipWriter(workos, ids), writeOf, (outcome) => outcomes.add(outcome));
  return {
    stoppedBy,
    processed,
    passwords: {
      sent,
      recordedEarlier: memory.recordedEarlier,
      keptExisting: memory.keptExisting,
      keptSignedIn: memory.keptSignedIn,
    },
    unreachable,
    ...(processed === 0 ? { firstDiff: diff } : {}),
  };
}

/** Writes go to the queue this many at a time, so that only a batch of changes is held. */
const WRITE_BATCH = 10_000;

/**
 * One phase: the changes that need no request are settled at once, the rest written under
 * `limits`, a batch at a time; every outcome goes to `sink` with its change, as it happens.
 * `changes` is gone through twice (to count the writes, then to make them): user changes are
 * worked out on each pass, never held all at once.
 */
export async function runPhase<P extends PlannedRecord, C extends Change<P>>(
  label: string,
  changes: Iterable<C>,
  writer: EntityWriter<P>,
  toWrite: (c: C) => PlannedWrite<P>,
  ctx: ApplyContext,
  limits: StageLimits,
  log: Logger,
  sink: (outcome: Outcome, change: C) => void,
): Promise<{ stoppedBy?: StopReason; processed: number; unreachable?: WorkOSUnreachableError }> {
  let writes = 0;
  for (const change of changes) if (needsWrite(change)) writes++;
  const meter = writes > 0 ? new ProgressMeter(log, label, Math.min(writes, limits.maxRecords ?? Infinity)) : undefined;
  let processed = 0;
  let stoppedBy: StopReason | undefined;
  let unreachable: WorkOSUnreachableError | undefined;
  let batch: C[] = [];
  const flush = async (): Promise<void> => {
    const maxRecords = limits.maxRecords === undefined ? undefined : Math.max(0, limits.maxRecords - processed);
    const result = await writeBatch(batch, writer, toWrite, ctx, { ...limits, maxRecords }, sink, meter);
    batch = [];
    processed += result.processed;
    stoppedBy ??= result.stoppedBy;
    unreachable ??= result.unreachable;
  };
  for (const change of changes) {
    const done = settled(change);
    if (done?.status === 'unchanged' && done.workosId && ctx.journal)
      followMovedRecord(ctx.journal, change, done.workosId);
    if (done) sink(done, change);
    else if (stoppedBy) sink(pendingOutcome(writer.entity, change), change);
    else {
      batch.push(change);
      if (batch.length >= WRITE_BATCH) await flush();
    }
  }
  if (batch.length > 0) await flush();
  return { stoppedBy, processed, unreachable };
}

async function writeBatch<P extends PlannedRecord, C extends Change<P>>(
  writes: C[],
  writer: EntityWriter<P>,
  toWrite: (c: C) => PlannedWrite<P>,
  ctx: ApplyContext,
  limits: StageLimits,
  sink: (outcome: Outcome, change: C) => void,
  meter: ProgressMeter | undefined,
): Promise<{ stoppedBy?: StopReason; processed: number; unreachable?: WorkOSUnreachableError }> {
  let unreachable: WorkOSUnreachableError | undefined;
  // Writes start in order: those begun are the first `begun`; those in flight are few.
  let begun = 0;
  const inFlight = new Set<C>();
  const { notStarted, stoppedBy } = await runWorkQueue(
    writes,
    async (change) => {
      begun++;
      inFlight.add(change);
      const outcome = await applyWrite(toWrite(change), writer, ctx);
      inFlight.delete(change);
      // A bad key fails every record alike: stop and say so once.
      if (outcome.failure?.code === 'unauthorized') throw new FatalRunError(outcome.failure.message);
      sink(outcome, change);
      meter?.tick();
    },
    limits,
  ).catch((error: unknown): { notStarted: C[]; stoppedBy?: StopReason } => {
    if (error instanceof FatalRunError) throw new UsageError(error.message);
    // WorkOS stopped answering: what was written stands (journaled); the rest waits for a rerun.
    if (error instanceof WorkOSUnreachableError) {
      unreachable = error;
      // Those whose request failed get no outcome from the queue: they are pending, like the rest.
      return { notStarted: [...inFlight, ...writes.slice(begun)], stoppedBy: 'fatal' };
    }
    throw error;
  });
  for (const change of notStarted) sink(pendingOutcome(writer.entity, change), change);
  return { stoppedBy, processed: writes.length - notStarted.length, unreachable };
}

function writeAction(change: Change<PlannedRecord>): 'create' | 'update' {
  return change.action === 'update' && change.workosId ? 'update' : 'create';
}

function userWrite(change: UserChange, forcePasswords = false): PlannedWrite<PlannedUser> {
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

/**
 * A record WorkOS holds as planned that the journal does not know under that id (made outside
 * this checkpoint, e.g. by an import without --state, or deleted and made again): the journal
 * follows WorkOS, so rollback and cutover name the record WorkOS holds, as one this checkpoint
 * did not create.
 */
function followMovedRecord(journal: Journal, change: Change<PlannedRecord>, workosId: string): void {
  const entry = journal.get(change.entity, change.record.sourceId);
  if (entry && entry.status !== 'deleted' && entry.workos_id === workosId) return;
  journal.record({
    entity: change.entity,
    source_id: change.record.sourceId,
    workos_id: workosId,
    status: 'unchanged',
    input_digest: change.record.digest,
  });
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

/** Creates and updates; everything else is settled without a request. */
function needsWrite(change: Change<PlannedRecord>): boolean {
  return change.action === 'create' || change.action === 'update';
}

function pendingOutcome(entity: Outcome['entity'], change: Change<PlannedRecord>): Outcome {
  return { entity, sourceId: change.record.sourceId, status: 'pending', location: change.record.location };
}

/**
 * The WorkOS ids of users and organizations as their outcomes go by, for the memberships; and
 * which of them failed. An entry per user, not an outcome.
 */
class WorkOSIdsSoFar implements WorkOSIds {
  /** A million users: their ids as bytes outside the collector's heap. */
  private readonly users = new StringMap();
  private readonly organizations = new Map<string, string>();
  private readonly failedUsers = new Set<string>();
  private readonly failedOrganizations = new Set<string>();

  take(o: Outcome): void {
    if (o.entity !== 'user' && o.entity !== 'organization') return;
    if (o.status === 'failed') (o.entity === 'user' ? this.failedUsers : this.failedOrganizations).add(o.sourceId);
    if (o.workosId) (o.entity === 'user' ? this.users : this.organizations).set(o.sourceId, o.workosId);
  }

  user = (sourceId: string): string | undefined => this.users.get(sourceId);
  organization = (sourceId: string): string | undefined => this.organizations.get(sourceId);

  failed(m: PlannedMembership): boolean {
    return this.failedUsers.has(m.userSourceId) || this.failedOrganizations.has(m.organizationSourceId);
  }
}

/**
 * A membership waits for its user and organization: pending if they are, failed if they failed
 * (told to `blocked` now); the ready ones are worked out again on each pass, like the changes.
 */
function membershipsReady(
  changes: Iterable<Change<PlannedMembership>>,
  ids: WorkOSIdsSoFar,
  blocked: OutcomeSink,
): Iterable<Change<PlannedMembership>> {
  const ready = (m: PlannedMembership) => ids.user(m.userSourceId) && ids.organization(m.organizationSourceId);
  for (const change of changes) {
    const m = change.record;
    if (ready(m)) continue;
    const base = { entity: 'membership' as const, sourceId: m.sourceId, location: m.location };
    blocked(
      ids.failed(m)
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
  return {
    *[Symbol.iterator]() {
      for (const change of changes) if (ready(change.record)) yield change;
    },
  };
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
          // Organization deletes have their own WorkOS limit: the caller's transport paces that bucket.
          { caller: ctx.caller, journal },
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
