import type { WorkOS } from '@workos-inc/node';
import { StringMap } from '../compact/string-map.js';
import type { Journal } from '../checkpoint/journal.js';
import type { Outcome } from '../model/outcome.js';
import type { PlannedMembership, PlannedRecord, PlannedUser } from '../model/planned.js';
import { UsageError } from '../model/types.js';
import type { Change, IdLookup, MigrationDiff, UserChange } from '../model/changes.js';
import type { PlannedFactor } from '../model/factors.js';
import { passwordDigest } from '../model/digest.js';
import type { Logger } from '../report/logger.js';
import { ProgressMeter } from '../report/progress.js';
import { applyWrite, type ApplyContext, type EntityWriter, type PlannedWrite } from './apply-record.js';
import { TotpFactorStage, type FactorsApplied } from './factors.js';
import { DEFAULT_PACING } from '../workos/pacing-defaults.js';
import { FatalRunError, runWorkQueue, type StageLimits, type StopReason } from './work-queue.js';
import { WorkOSUnreachableError } from '../workos/workos-caller.js';
import { membershipWriter, type WorkOSIds } from './writers/memberships.js';
import { organizationWriter } from './writers/organizations.js';
import { userWriter } from './writers/users.js';

// The diff's executor: every create and update the diff asks for, phase by phase, under the
// run's limits; what needs no request is settled at once. Each outcome is handed on as it
// happens, never gathered: a million of them do not fit.

/** Where a phase's outcomes go, one at a time (never gathered: a million of them do not fit). */
export type OutcomeSink = (outcome: Outcome) => void;

/** What a diff's executor is held to: the stage budget of one run. */
export interface DiffLimits {
  /** The most writes in flight at once (`--concurrency`): a ceiling; the pace is the caller's. */
  concurrency?: number;
  /** Records that need a request; those settled without one do not count (`--max-records`). */
  maxRecords?: number;
  /** How long this run may write (`--time-budget`); in-flight writes finish. */
  timeBudgetMs?: number;
  signal?: AbortSignal;
}

export interface AppliedDiff {
  /** WorkOS stopped answering mid-run: the report is written, then the run ends with exit 2. */
  unreachable?: WorkOSUnreachableError;
  stoppedBy?: StopReason;
  /** Records written (a request was sent): 0 means WorkOS still holds what the diff read. */
  processed: number;
  /** Users whose hash went with their write in this run. */
  passwordsSent: number;
  /** The TOTP factors enrolled after their users (none planned: all counts 0). */
  factors: FactorsApplied;
}

/**
 * Users, then organizations, then memberships (which need both), then the TOTP factors (which
 * need their users), under one stage budget. Each outcome goes to `outcomes` as it happens; what
 * the memberships and factors need of the users and organizations (their WorkOS ids, whether
 * they failed) is kept as it goes by.
 */
export async function applyDiff(
  workos: WorkOS,
  diff: MigrationDiff,
  ctx: ApplyContext,
  options: {
    limits: DiffLimits;
    forcePasswords?: boolean;
    log: Logger;
    outcomes: OutcomeSink;
    /** TOTP factors that move with their secrets, enrolled once their users exist. */
    factors?: readonly PlannedFactor[];
  },
): Promise<AppliedDiff> {
  const { limits: budget, outcomes } = options;
  const deadline = budget.timeBudgetMs !== undefined ? Date.now() + budget.timeBudgetMs : undefined;
  let processed = 0;
  let stoppedBy: StopReason | undefined;
  let unreachable: WorkOSUnreachableError | undefined;
  const limits = (): StageLimits => ({
    concurrency: budget.concurrency ?? DEFAULT_PACING.concurrency,
    // The limiter paces; in flight is whatever reaches its rate at the measured latency.
    inFlight: () => ctx.caller.inFlightTarget(),
    maxRecords: stoppedBy
      ? 0
      : budget.maxRecords !== undefined
        ? Math.max(0, budget.maxRecords - processed)
        : undefined,
    deadline,
    signal: budget.signal,
  });
  const phase = async <P extends PlannedRecord, C extends Change<P>>(
    label: string,
    changes: Iterable<C>,
    writer: EntityWriter<P>,
    toWrite: (c: C) => PlannedWrite<P>,
    sink: (outcome: Outcome, change: C) => void,
  ) => {
    const result = await runPhase(label, changes, writer, toWrite, ctx, limits(), options.log, sink);
    processed += result.processed;
    stoppedBy ??= result.stoppedBy;
    unreachable ??= result.unreachable;
  };

  const ids = new WorkOSIdsSoFar(diff.workosUserIds);
  const factorStage = new TotpFactorStage(options.factors ?? []);
  let sent = 0;
  await phase(
    'users',
    diff.users,
    userWriter(workos),
    (c) => userWrite(c, options.forcePasswords),
    (outcome, change) => {
      outcomes(outcome);
      ids.take(outcome);
      factorStage.noteUser(outcome);
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
    outcomes(outcome);
    ids.take(outcome);
  });
  const ready = membershipsReady(diff.memberships, ids, outcomes);
  await phase('memberships', ready, membershipWriter(workos, ids), writeOf, (outcome) => outcomes(outcome));
  // After their users exist: the TOTP factors that move with their secrets.
  const factors = await factorStage.run({ workos, ...ctx, limits: limits(), log: options.log });
  processed += factors.processed;
  stoppedBy ??= factors.stoppedBy;
  unreachable ??= factors.unreachable;
  return { stoppedBy, processed, passwordsSent: sent, factors, unreachable };
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
 * which of them failed. A user is kept only where its outcome says other than the diff did
 * (created now, or without an id): a rerun of a million unchanged users keeps none.
 */
class WorkOSIdsSoFar implements WorkOSIds {
  /** A million users: their ids as bytes outside the collector's heap ('' for an outcome without one). */
  private readonly users = new StringMap();
  private readonly organizations = new Map<string, string>();
  private readonly failedUsers = new Set<string>();
  private readonly failedOrganizations = new Set<string>();

  constructor(private readonly found: IdLookup) {}

  take(o: Outcome): void {
    if (o.entity !== 'user' && o.entity !== 'organization') return;
    if (o.status === 'failed') (o.entity === 'user' ? this.failedUsers : this.failedOrganizations).add(o.sourceId);
    if (o.entity === 'organization') {
      if (o.workosId) this.organizations.set(o.sourceId, o.workosId);
    } else if ((o.workosId ?? '') !== (this.found.get(o.sourceId) ?? '')) this.users.set(o.sourceId, o.workosId ?? '');
  }

  user = (sourceId: string): string | undefined => {
    const taken = this.users.get(sourceId);
    return (taken ?? this.found.get(sourceId)) || undefined;
  };
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
