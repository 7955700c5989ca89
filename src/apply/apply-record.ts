import type { Journal, JournalEntry } from '../checkpoint/journal.js';
import type { Outcome } from '../model/outcome.js';
import type { PlannedRecord } from '../model/planned.js';
import type { Entity } from '../model/types.js';
import { AmbiguousWriteError, WorkOSCallError, WorkOSUnreachableError, type WorkOSCaller } from '../workos/workos-caller.js';

export type { PlannedRecord } from '../model/planned.js';

/** A WorkOS record found for a planned one, and how it relates to it. */
export interface ExistingRecord {
  id: string;
  /**
   * `ours`: made for this source record (same external id, or a membership of the same pair);
   * `unclaimed`: same email/slot, no external id yet (e.g. the user signed up on their own);
   * `other`: belongs to another source record (another source of a two-source migration);
   * `conflict`: ours by external id but irreconcilable (another email): a person must look.
   */
  owner: 'ours' | 'unclaimed' | 'other' | 'conflict';
  /** True when it already holds what we would write. */
  matches: boolean;
  /** With `conflict`: what a person should do. */
  message?: string;
  /** Users: has signed in to WorkOS (`last_sign_in_at`), so the password there wins unless forced. */
  signedIn?: boolean;
}

export interface WriteOptions {
  /** The password hash goes with this write (WorkOS accepts it on update: a backfill). */
  sendPassword: boolean;
}

/** The few entity-specific requests; pacing and retries are the caller's (WorkOSCaller). */
export interface EntityWriter<P extends PlannedRecord> {
  readonly entity: Exclude<Entity, 'password'>;
  /** Look before the first create too (memberships: the API's duplicate answer is undocumented). */
  readonly lookBeforeCreate?: boolean;
  create(record: P): Promise<string>;
  /** Brings an existing WorkOS record to the plan (a claimed user gets our external id this way). */
  update(workosId: string, record: P, options: WriteOptions): Promise<string>;
  /** Looks the record up; `conflictCode` is the API's code when a create was refused. */
  find(record: P, conflictCode?: string): Promise<ExistingRecord | undefined>;
  delete(workosId: string): Promise<void>;
}

export interface ApplyContext {
  caller: WorkOSCaller;
  journal?: Journal;
}

/** One write the diff asked for. */
export interface PlannedWrite<P extends PlannedRecord> {
  record: P;
  action: 'create' | 'update';
  workosId?: string;
  sendPassword: boolean;
  /** An existing user that gets our external id: rollback must keep it. */
  claim?: boolean;
  /** Users: digest of the hash, journaled when it is sent. */
  passwordDigest?: string;
  /** Users: send the hash even to a user found signed in to WorkOS (`--force-passwords`). */
  forcePasswords?: boolean;
}

type Resolved = {
  status: 'created' | 'updated' | 'unchanged';
  workosId: string;
  passwordSent: boolean;
  claimed?: boolean;
};

/**
 * Carries out one write of the diff, whatever happened since WorkOS was read or before: a run
 * killed after WorkOS wrote but before the journal line, a record deleted or made meanwhile.
 * Never creates a second WorkOS record for one source record (DESIGN §3). Journals what it did.
 */
export async function applyWrite<P extends PlannedRecord>(
  write: PlannedWrite<P>,
  writer: EntityWriter<P>,
  ctx: ApplyContext,
): Promise<Outcome> {
  const { record } = write;
  const base = { entity: writer.entity, sourceId: record.sourceId, location: record.location };
  try {
    const result =
      write.action === 'update' && write.workosId
        ? await updateExisting(write.workosId, write, writer, ctx)
        : await createOrResolve(write, writer, ctx);
    if (result.status !== 'unchanged') {
      const entry: JournalEntry = {
        entity: writer.entity,
        source_id: record.sourceId,
        workos_id: result.workosId,
        status: result.status,
        input_digest: record.digest,
        ...(result.passwordSent && write.passwordDigest ? { password_digest: write.passwordDigest } : {}),
        ...(result.claimed ? { claimed: true } : {}),
      };
      ctx.journal?.record(entry);
    }
    return { ...base, status: result.status, workosId: result.workosId };
  } catch (error) {
    // WorkOS unreachable: stop the run (exit 2) instead of failing every record alike.
    if (error instanceof WorkOSUnreachableError) throw error;
    return { ...base, status: 'failed', failure: describeFailure(error) };
  }
}

async function updateExisting<P extends PlannedRecord>(
  workosId: string,
  write: PlannedWrite<P>,
  writer: EntityWriter<P>,
  ctx: ApplyContext,
): Promise<Resolved> {
  try {
    const id = await ctx.caller.idempotentWrite(() =>
      writer.update(workosId, write.record, { sendPassword: write.sendPassword }),
    );
    return { status: 'updated', workosId: id, passwordSent: write.sendPassword, claimed: write.claim };
  } catch (error) {
    // Deleted in WorkOS since it was read: bring it back (with its hash: it is a new user).
    if (error instanceof WorkOSCallError && error.failure.kind === 'not_found') {
      return createOrResolve({ ...write, action: 'create', sendPassword: true, claim: false }, writer, ctx);
    }
    throw error;
  }
}

async function createOrResolve<P extends PlannedRecord>(
  write: PlannedWrite<P>,
  writer: EntityWriter<P>,
  ctx: ApplyContext,
): Promise<Resolved> {
  const { record } = write;
  let sentAmbiguously = false;
  for (let attempt = 1; ; attempt++) {
    if (sentAmbiguously || (attempt === 1 && writer.lookBeforeCreate)) {
      // An earlier attempt may have been carried out; look before writing again.
      const existing = await ctx.caller.read(() => writer.find(record));
      if (existing) return resolveExisting(existing, write, writer, ctx, sentAmbiguously);
    }
    try {
      const id = await ctx.caller.create(() => writer.create(record));
      return { status: 'created', workosId: id, passwordSent: true };
    } catch (error) {
      if (error instanceof AmbiguousWriteError) {
        if (attempt >= ctx.caller.maxTransientAttempts) throw error;
        sentAmbiguously = true;
        await ctx.caller.backoff(attempt);
        continue;
      }
      if (error instanceof WorkOSCallError && error.failure.kind === 'conflict') {
        const code = error.failure.code;
        const existing = await ctx.caller.read(() => writer.find(record, code));
        if (existing) return resolveExisting(existing, write, writer, ctx, sentAmbiguously);
      }
      throw error;
    }
  }
}

async function resolveExisting<P extends PlannedRecord>(
  existing: ExistingRecord,
  write: PlannedWrite<P>,
  writer: EntityWriter<P>,
  ctx: ApplyContext,
  createdByThisRun: boolean,
): Promise<Resolved> {
  const update = (sendPassword: boolean) =>
    ctx.caller.idempotentWrite(() => writer.update(existing.id, write.record, { sendPassword }));
  switch (existing.owner) {
    case 'ours': {
      // Made by our own create whose answer was lost: it holds what we sent, hash included.
      if (createdByThisRun) return { status: 'created', workosId: existing.id, passwordSent: true };
      // Made meanwhile by another run: what it sent is not known here, so the hash goes again,
      // unless the user has signed in to WorkOS since (the password there wins).
      const send = write.sendPassword && (!existing.signedIn || write.forcePasswords === true);
      if (existing.matches && !send) return { status: 'unchanged', workosId: existing.id, passwordSent: false };
      return { status: 'updated', workosId: await update(send), passwordSent: send };
    }
    case 'unclaimed':
      return { status: 'updated', workosId: await update(false), passwordSent: false, claimed: true };
    case 'other':
      return { status: 'unchanged', workosId: existing.id, passwordSent: false };
    case 'conflict':
      throw new WorkOSCallError({
        kind: 'rejected',
        status: 409,
        code: 'external_id_conflict',
        message: existing.message ?? 'conflict',
      });
  }
}

/** Deletes one WorkOS record (prune, rollback); already gone counts as done. Journaled. */
export async function applyDelete(
  target: { entity: Exclude<Entity, 'password'>; sourceId: string; workosId: string; location: Outcome['location'] },
  remove: (workosId: string) => Promise<void>,
  ctx: ApplyContext & { limiter?: { acquire(): Promise<void> } },
): Promise<Outcome & { alreadyGone?: boolean }> {
  const base = {
    entity: target.entity,
    sourceId: target.sourceId,
    location: target.location,
    workosId: target.workosId,
  };
  let alreadyGone = false;
  try {
    await ctx.limiter?.acquire();
    await ctx.caller.idempotentWrite(() => remove(target.workosId));
  } catch (error) {
    if (error instanceof WorkOSUnreachableError) throw error;
    if (!(error instanceof WorkOSCallError && error.failure.kind === 'not_found')) {
      return { ...base, status: 'failed', failure: describeFailure(error) };
    }
    alreadyGone = true;
  }
  ctx.journal?.record({
    entity: target.entity,
    source_id: target.sourceId,
    workos_id: target.workosId,
    status: 'deleted',
    input_digest: '',
  });
  return { ...base, status: 'updated', alreadyGone };
}

export function describeFailure(error: unknown): NonNullable<Outcome['failure']> {
  if (error instanceof WorkOSCallError || error instanceof AmbiguousWriteError) {
    const f = error.failure;
    switch (f.kind) {
      case 'rejected':
        return {
          code: f.code,
          message: `WorkOS rejected the record (${f.status} ${f.code}): ${f.message}`,
          requestId: f.requestId,
        };
      case 'transient':
        return {
          code: 'workos_unavailable',
          message: `WorkOS did not answer after several attempts (${f.status ?? 'network error'}); run again to retry this record.`,
        };
      case 'rate_limited':
        return {
          code: 'rate_limited',
          message: 'WorkOS kept answering 429 Too Many Requests; run again later or lower --rate-limit.',
        };
      case 'unauthorized':
        return { code: 'unauthorized', message: f.message };
      case 'not_found':
        return { code: 'not_found', message: f.message };
      case 'conflict':
        return { code: f.code, message: `WorkOS reported ${f.code} and the existing record could not be found.` };
    }
  }
  return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}
