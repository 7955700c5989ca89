import type { User, WorkOS } from '@workos-inc/node';
import type { Journal } from '../checkpoint/journal.js';
import type { PlannedUser } from '../plan/users.js';
import { toCreateUserOptions, toUpdateUserOptions, userLookups, userMatchesInput } from '../workos/users.js';
import type { Outcome } from './outcome.js';
import { AmbiguousWriteError, WorkOSCallError, type WorkOSCaller } from './workos-caller.js';

export interface ApplyContext {
  workos: WorkOS;
  caller: WorkOSCaller;
  journal?: Journal;
}

/** True when the journal already holds this user as we would write it now: no request needed. */
export function userIsJournaled(user: PlannedUser, journal: Journal | undefined): boolean {
  return journal?.get('user', user.sourceId)?.input_digest === user.digest;
}

/**
 * Brings one WorkOS user to what the plan says, whatever happened before: a run killed after
 * WorkOS created the user but before the journal line, a user who signed up on their own, an
 * earlier run with other data. Never creates a second user for one source user (DESIGN §3).
 */
export async function applyUser(user: PlannedUser, ctx: ApplyContext): Promise<Outcome> {
  const base = { entity: 'user' as const, sourceId: user.sourceId, location: user.location };
  try {
    const journaled = ctx.journal?.get('user', user.sourceId);
    if (journaled && journaled.input_digest === user.digest) {
      return { ...base, status: 'unchanged', workosId: journaled.workos_id };
    }
    const result = journaled
      ? await updateJournaledUser(journaled.workos_id, user, ctx)
      : await createOrResolveUser(user, ctx);
    ctx.journal?.record({
      entity: 'user',
      source_id: user.sourceId,
      workos_id: result.workosId,
      status: result.status,
      input_digest: user.digest,
    });
    return { ...base, ...result };
  } catch (error) {
    return { ...base, status: 'failed', failure: describeFailure(error) };
  }
}

type Resolved = { status: 'created' | 'updated' | 'unchanged'; workosId: string };

async function updateJournaledUser(workosId: string, user: PlannedUser, ctx: ApplyContext): Promise<Resolved> {
  try {
    const updated = await ctx.caller.idempotentWrite(() =>
      ctx.workos.userManagement.updateUser(toUpdateUserOptions(workosId, user.input, { withPassword: true })),
    );
    return { status: 'updated', workosId: updated.id };
  } catch (error) {
    // Deleted in WorkOS since the journal line was written: bring it back.
    if (error instanceof WorkOSCallError && error.failure.kind === 'not_found') return createOrResolveUser(user, ctx);
    throw error;
  }
}

async function createOrResolveUser(user: PlannedUser, ctx: ApplyContext): Promise<Resolved> {
  const lookups = userLookups(ctx.workos);
  let sentAmbiguously = false;
  for (let attempt = 1; ; attempt++) {
    if (sentAmbiguously) {
      // An earlier attempt may have created the user; look before creating again.
      const existing = await ctx.caller.read(() => lookups.byExternalId(user.sourceId));
      if (existing) return reconcileExisting(existing, user, ctx, { createdByThisRun: true });
    }
    try {
      const created = await ctx.caller.create(() => ctx.workos.userManagement.createUser(toCreateUserOptions(user.input)));
      return { status: 'created', workosId: created.id };
    } catch (error) {
      if (error instanceof AmbiguousWriteError) {
        if (attempt >= ctx.caller.maxTransientAttempts) throw error;
        sentAmbiguously = true;
        await ctx.caller.backoff(attempt);
        continue;
      }
      if (error instanceof WorkOSCallError && error.failure.kind === 'conflict') {
        const existing =
          error.failure.code === 'external_id_already_used'
            ? await ctx.caller.read(() => lookups.byExternalId(user.sourceId))
            : await ctx.caller.read(() => lookups.byEmail(user.input.email));
        if (existing) return reconcileExisting(existing, user, ctx, { createdByThisRun: sentAmbiguously });
      }
      throw error;
    }
  }
}

/**
 * A user with our email or external id exists. If it is ours (same external id) bring its fields
 * up to date; if someone else's with the same email (signed up directly, or another source),
 * keep it and its password, and only claim it with our external id when it has none.
 */
async function reconcileExisting(existing: User, user: PlannedUser, ctx: ApplyContext, how: { createdByThisRun: boolean }): Promise<Resolved> {
  if (existing.externalId === user.sourceId) {
    if (existing.email.toLowerCase() !== user.input.email.toLowerCase()) {
      throw new WorkOSCallError({
        kind: 'rejected',
        status: 409,
        code: 'external_id_conflict',
        message: 'A WorkOS user with this external id has a different email. Resolve it in WorkOS (or delete that user) and run again.',
      });
    }
    if (how.createdByThisRun) return { status: 'created', workosId: existing.id };
    if (userMatchesInput(existing, user.input)) return { status: 'unchanged', workosId: existing.id };
    // The password is left alone: it may have been set by the user since it was imported.
    const updated = await ctx.caller.idempotentWrite(() =>
      ctx.workos.userManagement.updateUser(toUpdateUserOptions(existing.id, user.input, { withPassword: false })),
    );
    return { status: 'updated', workosId: updated.id };
  }
  if (existing.externalId) {
    // Same email, another external id: most often the other source of a two-source migration.
    return { status: 'unchanged', workosId: existing.id };
  }
  const claimed = await ctx.caller.idempotentWrite(() =>
    ctx.workos.userManagement.updateUser({ userId: existing.id, externalId: user.sourceId }),
  );
  return { status: 'updated', workosId: claimed.id };
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
