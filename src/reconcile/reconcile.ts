import type { Outcome } from '../model/outcome.js';
import type { Entity, RecordProblem } from '../model/types.js';
import type { Change, MigrationDiff, Removal } from '../model/changes.js';
import type { FoundCounts, Reconciliation } from '../model/reconciliation.js';

export type { FoundCounts, Reconciliation } from '../model/reconciliation.js';
import type { PlannedRecord } from '../model/planned.js';

/**
 * The live check: a diff taken from a fresh read of WorkOS, seen as found / missing /
 * mismatched. "Complete" in a report rests on this, never on the journal. Counts only: the
 * changes are worked out as they are counted (a million users and memberships are never held).
 */
export function reconcile(diff: MigrationDiff, options: { missingAsPlanned?: boolean } = {}): Reconciliation {
  const drift: RecordProblem[] = [];
  /** A dry run's records WorkOS does not hold yet, counted per entity (see missingLine). */
  const missing = new Map<Entity, number>();
  const count = (
    changes: Iterable<Change<PlannedRecord>> & { readonly length: number },
    entity: Removal['entity'],
  ): FoundCounts => {
    const c: FoundCounts = { expected: changes.length, found: 0, missing: 0, mismatched: 0, unexpected: 0 };
    for (const change of changes) {
      const problem = driftOf(change);
      if (problem?.code === 'missing_in_workos' && options.missingAsPlanned)
        missing.set(problem.entity, (missing.get(problem.entity) ?? 0) + 1);
      else if (problem) drift.push(problem);
      if (change.action === 'create') {
        c.missing++;
        continue;
      }
      c.found++;
      if (change.action === 'update' || (change.action === 'conflict' && change.fields.length > 0)) c.mismatched++;
    }
    c.unexpected = diff.removals.filter((r) => r.entity === entity).length;
    return c;
  };
  const counts = {
    users: count(diff.users, 'user'),
    organizations: count(diff.organizations, 'organization'),
    memberships: count(diff.memberships, 'membership'),
  };
  for (const [entity, n] of missing) drift.push(missingLine(entity, n));
  return { ...counts, drift };
}

/** A planned record the live diff found in WorkOS, with its WorkOS id. */
export interface FoundRecord {
  entity: Exclude<Entity, 'password'>;
  sourceId: string;
  workosId: string;
}

/**
 * The planned records WorkOS holds (cutover's rollback coverage), worked out from the diff on
 * each pass rather than kept (a million users and memberships would be two million map keys);
 * the few organizations' WorkOS ids are kept, to be looked up.
 */
export class FoundRecords implements Iterable<FoundRecord> {
  private readonly organizations = new Map<string, string>();

  constructor(private readonly diff: MigrationDiff) {
    for (const change of diff.organizations)
      if (change.action !== 'create' && change.workosId)
        this.organizations.set(change.record.sourceId, change.workosId);
  }

  /** The WorkOS id of a planned organization WorkOS holds. */
  organization(sourceId: string): string | undefined {
    return this.organizations.get(sourceId);
  }

  *[Symbol.iterator](): Iterator<FoundRecord> {
    const changes: Iterable<Change<PlannedRecord>>[] = [
      this.diff.users,
      this.diff.organizations,
      this.diff.memberships,
    ];
    for (const entityChanges of changes)
      for (const change of entityChanges)
        if (change.action !== 'create' && change.workosId)
          yield { entity: change.entity, sourceId: change.record.sourceId, workosId: change.workosId };
  }
}

/**
 * What each planned record is in WorkOS now, for the reports of a read-only check (verify,
 * cutover): unchanged when WorkOS holds it as planned, pending when an import would write it.
 * One at a time, in the order the phases write them: give each to an OutcomeStream, never to an array.
 */
export function* liveOutcomes(diff: MigrationDiff): Generator<Outcome> {
  const changes: Iterable<Change<PlannedRecord>>[] = [diff.users, diff.organizations, diff.memberships];
  for (const entityChanges of changes)
    for (const change of entityChanges) {
      const inStep = change.action === 'unchanged' || (change.action === 'conflict' && change.fields.length === 0);
      yield {
        entity: change.entity,
        sourceId: change.record.sourceId,
        location: change.record.location,
        status: inStep ? 'unchanged' : 'pending',
        ...(change.workosId ? { workosId: change.workosId } : {}),
      };
    }
}

const NOUN: Record<Removal['entity'], string> = {
  user: 'user',
  organization: 'organization',
  membership: 'membership',
};

function driftOf(change: Change<PlannedRecord>): RecordProblem | undefined {
  const where = {
    entity: change.entity,
    sourceId: change.record.sourceId,
    location: change.record.location,
    severity: 'warning' as const,
  };
  switch (change.action) {
    case 'unchanged':
      return undefined;
    case 'create':
      return {
        ...where,
        code: 'missing_in_workos',
        message: `WorkOS has no such ${NOUN[change.entity]}. Run import to create it.`,
      };
    case 'update':
      return {
        ...where,
        field: change.fields.join(','),
        code: 'mismatch',
        message: `The WorkOS ${NOUN[change.entity]} differs from the export in ${change.fields.join(', ')}. Run import to update it.`,
      };
    case 'conflict':
      return change.fields.length > 0
        ? {
            ...where,
            field: 'email',
            code: 'email_conflict',
            message: `The export changes this user's email to one that WorkOS user ${change.workosId ?? '?'} already holds under another external id. Resolve the duplicate in WorkOS, then run import.`,
          }
        : undefined;
  }
}

/**
 * A dry run's view of records WorkOS does not hold yet (`reconcile(diff, { missingAsPlanned:
 * true })`): creating them is the plan itself (the changes table and changes.jsonl list each),
 * not drift. One line per entity instead of one per record, counted as the diff goes by: a
 * first plan of a million users against an empty environment neither buries the problems that
 * need a person nor holds two million of them.
 */
function missingLine(entity: Entity, count: number): RecordProblem {
  const noun = `${NOUN[entity as Removal['entity']]}${count === 1 ? '' : 's'}`;
  return {
    entity,
    location: { file: 'WorkOS', line: 0 },
    code: 'missing_in_workos',
    message: `WorkOS does not hold ${count} planned ${noun} yet: an import creates ${count === 1 ? 'it' : 'them'} (each is in changes.jsonl).`,
    severity: 'warning',
  };
}
