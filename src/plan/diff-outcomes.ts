import type { MigrationDiff, Removal } from '../model/changes.js';
import type { RecordProblem } from '../model/types.js';

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
