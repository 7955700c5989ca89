import { describe, expect, it } from 'vitest';
import type { PlannedMembership } from '../../src/model/planned.js';
import { inputDigest } from '../../src/model/digest.js';
import { PlannedMemberships } from '../../src/plan/memberships.js';

function planned(org: string, user: string, roles: string[], line: number, column?: number): PlannedMembership {
  return {
    sourceId: `${org}:${user}`,
    organizationSourceId: org,
    userSourceId: user,
    roles,
    digest: inputDigest({ roles }),
    location: column === undefined ? { file: `${org}.json`, line } : { file: `${org}.json`, line, column },
  };
}

describe('PlannedMemberships', () => {
  it('gives back each membership as it was planned, in order, from its columns', () => {
    const given = Array.from({ length: 3000 }, (_, i) =>
      planned(
        `org_${i % 7}`,
        `auth0|ü${i}`,
        i % 3 === 0 ? [] : i % 3 === 1 ? ['member'] : ['admin', 'member'],
        i + 1,
        i % 2 === 0 ? 5 : undefined,
      ),
    );
    const list = PlannedMemberships.of(given);
    expect(list.length).toBe(3000);
    expect([...list]).toEqual(given);
    expect(list.get(2999)).toEqual(given[2999]);
  });

  it('merges a second membership of the same organization and user: roles of both, the first location', () => {
    const list = new PlannedMemberships();
    list.add('org_1', 'auth0|a', ['member'], { file: 'orgs.json', line: 2 });
    list.add('org_2', 'auth0|a', ['member'], { file: 'orgs.json', line: 3 });
    list.add('org_1', 'auth0|a', ['admin', 'member'], { file: 'orgs.json', line: 4 });
    const at = (line: number) => ({ location: { file: 'orgs.json', line } });
    expect([...list]).toEqual([
      { ...planned('org_1', 'auth0|a', ['admin', 'member'], 2), ...at(2) },
      { ...planned('org_2', 'auth0|a', ['member'], 3), ...at(3) },
    ]);
  });

  it('keeps a second membership of the same organization and user when told not to merge (the export as read)', () => {
    const list = new PlannedMemberships({ merge: false });
    list.add('org_1', 'auth0|a', ['member'], { file: 'orgs.json', line: 2 });
    list.add('org_1', 'auth0|a', ['admin'], { file: 'orgs.json', line: 3 });
    expect([...list].map((m) => [m.sourceId, m.roles, m.location.line])).toEqual([
      ['org_1:auth0|a', ['member'], 2],
      ['org_1:auth0|a', ['admin'], 3],
    ]);
  });

  it('hands out a new roles array each time: a caller changing one changes nothing held', () => {
    const list = PlannedMemberships.of([planned('org_1', 'u1', ['member'], 1), planned('org_1', 'u2', ['member'], 2)]);
    list.get(0).roles.push('admin');
    expect(list.get(0).roles).toEqual(['member']);
    expect(list.get(1).roles).toEqual(['member']);
  });
});
