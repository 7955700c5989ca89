import type { Outcome } from '../model/outcome.js';
import type { PlannedRecord } from '../model/planned.js';
import type { Change, MigrationDiff } from './diff.js';

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
