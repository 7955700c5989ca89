import type { Journal } from '../checkpoint/journal.js';
import type { Entity, SourceLocation } from '../model/types.js';
import type { Outcome } from './outcome.js';
import { AmbiguousWriteError, WorkOSCallError, WorkOSUnreachableError, type WorkOSCaller } from './workos-caller.js';

/** What every planned record has, whatever its entity. */
export interface PlannedRecord {
  sourceId: string;
  digest: string;
  location: SourceLocation;
}

/** A WorkOS record found for a planned one, and how it relates to it. */
export interface ExistingRecord {
  id: string;
  /**
   * `ours`: made for this source record (same external id, or a membership of the same pair);
   * `unclaimed`: same email/slot, no external id yet (e.g. the user signed up on their own);
   * `other`: belongs to another source record (another source of a two-source migration).
   */
  owner: 'ours' | 'unclaimed' | 'other';
  /** True when it already holds what we would write. */
  matches: boolean;
}

/** The few entity-specific requests; pacing and retries are the caller's (WorkOSCaller). */
export interface EntityWriter<P extends PlannedRecord> {
  readonly entity: Entity;
  /** Look before the first create too (memberships: the API's duplicate answer is undocumented). */
  readonly lookBeforeCreate?: boolean;
  create(record: P): Promise<string>;
  /** Brings an existing WorkOS record up to date; `fromJournal` when we know we wrote it before. */
  update(workosId: string, record: P, fromJournal: boolean): Promise<string>;
  /** Sets our external id on an unclaimed record. */
  claim(workosId: string, record: P): Promise<string>;
  /** Looks the record up; `conflictCode` is the API's code when a create was refused. */
  find(record: P, conflictCode?: string): Promise<ExistingRecord | undefined>;
}

export interface ApplyContext {
  caller: WorkOSCaller;
  journal?: Journal;
}

type Resolved = { status: 'created' | 'updated' | 'unchanged'; workosId: string };

/** True when the journal already holds this record as we would write it now: no request needed. */
export function isJournaled(entity: Entity, record: PlannedRecord, journal: Journal | undefined): string | undefined {
  const entry = journal?.get(entity, record.sourceId);
  return entry && entry.input_digest === record.digest ? entry.workos_id : undefined;
}

/**
 * Brings one WorkOS record to what the plan says, whatever happened before: a run killed after
 * WorkOS wrote it but before the journal line, a record made outside the migration, an earlier
 * run with other data. Never creates a second WorkOS record for one source record (DESIGN §3).
 */
export async function applyRecord<P extends PlannedRecord>(record: P, writer: EntityWriter<P>, ctx: ApplyContext): Promise<Outcome> {
  const base = { entity: writer.entity, sourceId: record.sourceId, location: record.location };
  try {
    const journaled = ctx.journal?.get(writer.entity, record.sourceId);
    if (journaled && journaled.input_digest === record.digest) {
      return { ...base, status: 'unchanged', workosId: journaled.workos_id };
    }
    const result = journaled ? await updateJournaled(journaled.workos_id, record, writer, ctx) : await createOrResolve(record, writer, ctx);
    ctx.journal?.record({ entity: writer.entity, source_id: record.sourceId, workos_id: result.workosId, status: result.status, input_digest: record.digest });
    return { ...base, ...result };
  } catch (error) {
    // WorkOS unreachable: stop the run (exit 2) instead of failing every record alike.
    if (error instanceof WorkOSUnreachableError) throw error;
    return { ...base, status: 'failed', failure: describeFailure(error) };
  }
}

async function updateJournaled<P extends PlannedRecord>(workosId: string, record: P, writer: EntityWriter<P>, ctx: ApplyContext): Promise<Resolved> {
  try {
    return { status: 'updated', workosId: await ctx.caller.idempotentWrite(() => writer.update(workosId, record, true)) };
  } catch (error) {
    // Deleted in WorkOS since the journal line was written: bring it back.
    if (error instanceof WorkOSCallError && error.failure.kind === 'not_found') return createOrResolve(record, writer, ctx);
    throw error;
  }
}

async function createOrResolve<P extends PlannedRecord>(record: P, writer: EntityWriter<P>, ctx: ApplyContext): Promise<Resolved> {
  let sentAmbiguously = false;
  for (let attempt = 1; ; attempt++) {
    if (sentAmbiguously || (attempt === 1 && writer.lookBeforeCreate)) {
      // An earlier attempt may have been carried out; look before writing again.
      const existing = await ctx.caller.read(() => writer.find(record));
      if (existing) return resolveExisting(existing, record, writer, ctx, sentAmbiguously);
    }
    try {
      return { status: 'created', workosId: await ctx.caller.create(() => writer.create(record)) };
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
        if (existing) return resolveExisting(existing, record, writer, ctx, sentAmbiguously);
      }
      throw error;
    }
  }
}

async function resolveExisting<P extends PlannedRecord>(
  existing: ExistingRecord,
  record: P,
  writer: EntityWriter<P>,
  ctx: ApplyContext,
  createdByThisRun: boolean,
): Promise<Resolved> {
  switch (existing.owner) {
    case 'ours':
      if (createdByThisRun) return { status: 'created', workosId: existing.id };
      if (existing.matches) return { status: 'unchanged', workosId: existing.id };
      return { status: 'updated', workosId: await ctx.caller.idempotentWrite(() => writer.update(existing.id, record, false)) };
    case 'unclaimed':
      return { status: 'updated', workosId: await ctx.caller.idempotentWrite(() => writer.claim(existing.id, record)) };
    case 'other':
      return { status: 'unchanged', workosId: existing.id };
  }
}

export function describeFailure(error: unknown): NonNullable<Outcome['failure']> {
  if (error instanceof WorkOSCallError || error instanceof AmbiguousWriteError) {
    const f = error.failure;
    switch (f.kind) {
      case 'rejected':
        return { code: f.code, message: `WorkOS rejected the record (${f.status} ${f.code}): ${f.message}`, requestId: f.requestId };
      case 'transient':
        return { code: 'workos_unavailable', message: `WorkOS did not answer after several attempts (${f.status ?? 'network error'}); run again to retry this record.` };
      case 'rate_limited':
        return { code: 'rate_limited', message: 'WorkOS kept answering 429 Too Many Requests; run again later or lower --rate-limit.' };
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
