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
export function reconcile(diff: MigrationDiff): Reconciliation {
  const drift: RecordProblem[] = [];
  const count = (
    changes: Iterable<Change<PlannedRecord>> & { readonly length: number },
    entity: Removal['entity'],
  ): FoundCounts => {
    const c: FoundCounts = { expected: changes.length, found: 0, missing: 0, mismatched: 0, unexpected: 0 };
    for (const change of changes) {
      const problem = driftOf(change);
      if (problem) drift.push(problem);
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
  return {
    users: count(diff.users, 'user'),
    organizations: count(diff.organizations, 'organization'),
    memberships: count(diff.memberships, 'membership'),
    drift,
  };
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
 * A dry run's view of records WorkOS does not hold yet: creating them is the plan itself (the
 * changes table and changes.jsonl list each), not drift. One line per entity instead of one per
 * record, so a first plan against an empty environment does not bury the problems that need a person.
 */
export function missingAsPlanned(r: Reconciliation): Reconciliation {
  const missing = new Map<Entity, RecordProblem[]>();
  const drift: RecordProblem[] = [];
  for (const p of r.drift) {
    if (p.code !== 'missing_in_workos') {
      drift.push(p);
      continue;
    }
    const list = missing.get(p.entity) ?? [];
    list.push(p);
    missing.set(p.entity, list);
  }
  for (const [entity, list] of missing) {
    const noun = `${NOUN[entity as Removal['entity']]}${list.length === 1 ? '' : 's'}`;
    drift.push({
      entity,
      location: { file: 'WorkOS', line: 0 },
      code: 'missing_in_workos',
      message: `WorkOS does not hold ${list.length} planned ${noun} yet: an import creates ${list.length === 1 ? 'it' : 'them'} (each is in changes.jsonl).`,
      severity: 'warning',
    });
  }
  return { ...r, drift };
}
