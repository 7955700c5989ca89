import { describe, expect, it } from 'vitest';
import type { PlannedRecord } from '../../src/model/planned.js';
import type { Change, MigrationDiff } from '../../src/model/changes.js';
import { FoundRecords, liveOutcomes, reconcile } from '../../src/reconcile/reconcile.js';
import { OutcomeStream } from '../../src/report/outcome-stream.js';

// verify and cutover at 200,000 users and as many memberships: what they take from the live
// diff is counted as the changes go by. The diff's user and membership changes are sequences
// worked out on each pass (as UserChanges and MembershipChanges are), never arrays.
const USERS = 200_000;

type Entity = 'user' | 'organization' | 'membership';

function change(entity: Entity, i: number, action: Change<PlannedRecord>['action']): Change<PlannedRecord> {
  const record = { sourceId: `${entity}-${i}`, location: { file: 'export', line: i + 1 } } as PlannedRecord;
  return {
    entity,
    record,
    action,
    fields: action === 'update' ? ['email'] : [],
    ...(action === 'create' ? {} : { workosId: `${entity}_${i}` }),
  };
}

/** Users: every 1000th missing, every 500th (not missing) mismatched; memberships: every 2000th missing. */
function changes(entity: 'user' | 'membership'): Iterable<Change<PlannedRecord>> & { length: number } {
  return {
    length: USERS,
    *[Symbol.iterator]() {
      for (let i = 0; i < USERS; i++) {
        const missing = entity === 'user' ? i % 1000 === 0 : i % 2000 === 0;
        const mismatched = entity === 'user' && i % 500 === 0;
        yield change(entity, i, missing ? 'create' : mismatched ? 'update' : 'unchanged');
      }
    },
  };
}

const diff = {
  users: changes('user'),
  organizations: [0, 1, 2, 3].map((i) => change('organization', i, i === 3 ? 'create' : 'unchanged')),
  memberships: changes('membership'),
  removals: [],
} as unknown as MigrationDiff;

describe(`the live check of ${USERS} users and ${USERS} memberships`, () => {
  it('counts found, missing and mismatched records, and keeps no entry per record found', () => {
    const r = reconcile(diff);
    expect(r.users).toEqual({ expected: USERS, found: USERS - 200, missing: 200, mismatched: 200, unexpected: 0 });
    expect(r.organizations).toEqual({ expected: 4, found: 3, missing: 1, mismatched: 0, unexpected: 0 });
    expect(r.memberships).toEqual({ expected: USERS, found: USERS - 100, missing: 100, mismatched: 0, unexpected: 0 });
    expect(r.drift).toHaveLength(200 + 200 + 1 + 100);
    // The WorkOS id of every record found was a map of 400,000 keys: it is worked out when asked.
    expect(Object.keys(r).sort()).toEqual(['drift', 'memberships', 'organizations', 'users']);
  });

  it("a dry run's view counts the records WorkOS does not hold yet, one line per entity, and keeps every other drift", () => {
    const r = reconcile(diff, { missingAsPlanned: true });
    expect(r.users.missing).toBe(200);
    const missing = r.drift.filter((p) => p.code === 'missing_in_workos');
    expect(missing.map((p) => [p.entity, p.message])).toEqual([
      ['user', 'WorkOS does not hold 200 planned users yet: an import creates them (each is in changes.jsonl).'],
      ['organization', 'WorkOS does not hold 1 planned organization yet: an import creates it (each is in changes.jsonl).'],
      ['membership', 'WorkOS does not hold 100 planned memberships yet: an import creates them (each is in changes.jsonl).'],
    ]);
    expect(r.drift.filter((p) => p.code === 'mismatch')).toHaveLength(200);
    expect(r.drift).toHaveLength(200 + 3);
  });

  it('streams one outcome per planned record to the report counts', () => {
    const stream = new OutcomeStream(undefined, [], false);
    for (const outcome of liveOutcomes(diff)) stream.add(outcome);
    expect(stream.counts.user).toMatchObject({ unchanged: USERS - 400, pending: 400 });
    expect(stream.counts.organization).toMatchObject({ unchanged: 3, pending: 1 });
    expect(stream.counts.membership).toMatchObject({ unchanged: USERS - 100, pending: 100 });
    stream.finish();
  });

  it("gives cutover every record found with its WorkOS id, on each pass, and the organizations' ids", () => {
    const found = new FoundRecords(diff);
    for (const pass of [1, 2]) {
      let count = 0;
      let last: unknown;
      for (const record of found) {
        count++;
        last = record;
      }
      expect([pass, count]).toEqual([pass, USERS - 200 + 3 + USERS - 100]);
      expect(last).toEqual({
        entity: 'membership',
        sourceId: `membership-${USERS - 1}`,
        workosId: `membership_${USERS - 1}`,
      });
    }
    expect(found.organization('organization-2')).toBe('organization_2');
    expect(found.organization('organization-3')).toBeUndefined();
  });
});
