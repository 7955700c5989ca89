import type { WorkOS } from '@workos-inc/node';
import type { Outcome } from '../model/outcome.js';
import type { RecordProblem } from '../model/types.js';
import type { Removal } from '../model/changes.js';
import { applyDelete, type ApplyContext } from './apply-record.js';
import { DEFAULT_PACING } from '../workos/pacing-defaults.js';
import { runWorkQueue, type StopReason } from './work-queue.js';

export interface DeletedCounts {
  users: number;
  organizations: number;
  memberships: number;
}

/** Memberships first, then users, then organizations; each delete journaled (a rerun skips what is gone). */
export async function deleteAll(
  workos: WorkOS,
  targets: readonly Removal[],
  ctx: ApplyContext,
  limits: { concurrency?: number; signal?: AbortSignal },
): Promise<{ deleted: DeletedCounts; failed: Outcome[]; stoppedBy?: StopReason }> {
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
          { caller: ctx.caller, journal: ctx.journal },
        );
        if (outcome.status === 'failed') failed.push(outcome);
        else deleted[`${entity}s`]++;
      },
      { concurrency: limits.concurrency ?? DEFAULT_PACING.concurrency, signal: limits.signal },
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
