import type { Outcome } from '../model/outcome.js';
import type { PlannedRecord } from '../model/planned.js';
import type { Change, MigrationDiff, Removal } from '../model/changes.js';
import type { RecordProblem } from '../model/types.js';

/** Per planned record: `unchanged` when WorkOS holds it as planned, else `pending` (an import would write it). */
export function diffOutcomes(diff: MigrationDiff): Outcome[] {
  const all: Change<PlannedRecord>[] = [...diff.users, ...diff.organizations, ...diff.memberships];
  return all.map((change): Outcome => {
    const inStep = change.action === 'unchanged' || (change.action === 'conflict' && change.fields.length === 0);
    return {
      entity: change.entity,
      sourceId: change.record.sourceId,
      location: change.record.location,
      status: inStep ? 'unchanged' : 'pending',
      ...(change.workosId ? { workosId: change.workosId } : {}),
    };
  });
}

/** Users the export moves to an address another WorkOS user holds, and users kept under another id. */
export function conflictProblems(diff: MigrationDiff): RecordProblem[] {
  return diff.users
    .filter((c) => c.action === 'conflict' && c.fields.length === 0)
    .map((c) => ({
      entity: 'user' as const,
      sourceId: c.record.sourceId,
      location: c.record.location,
      field: 'email',
      code: 'email_held_by_other',
      message: `WorkOS user ${c.workosId} already has this email under another external id; it is kept as it is and gets this user's memberships. Check that they are the same person.`,
      severity: 'warning' as const,
    }));
}

export function removalCounts(removals: readonly Removal[]): Record<'users' | 'organizations' | 'memberships', number> {
  return {
    users: removals.filter((r) => r.entity === 'user').length,
    organizations: removals.filter((r) => r.entity === 'organization').length,
    memberships: removals.filter((r) => r.entity === 'membership').length,
  };
}
