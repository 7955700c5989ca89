import { describe, expect, it } from 'vitest';
import { liveMembershipKey, LiveMemberships, type LiveMembership } from '../../src/model/live-state.js';

const membership = (i: number, roles = 'member'): LiveMembership => ({
  id: `om_${i}`,
  organizationId: `org_${i % 3}`,
  userId: `user_${i}`,
  roles,
});
const keyOf = (m: LiveMembership) => liveMembershipKey(m.organizationId, m.userId);

describe('LiveMemberships', () => {
  it('finds each membership by organization and user, and gives them all back in the order read', () => {
    const live = new LiveMemberships();
    const read = Array.from({ length: 2000 }, (_, i) => membership(i, i % 2 ? 'admin,member' : ''));
    for (const m of read) live.set(keyOf(m), m);
    expect(live.size).toBe(2000);
    expect(live.get(keyOf(read[1234]!))).toEqual(read[1234]);
    expect(live.get(liveMembershipKey('org_0', 'user_1'))).toBeUndefined();
    expect([...live.values()]).toEqual(read);
  });

  it('keeps one membership per key: a second one read takes the place of the first', () => {
    const live = new LiveMemberships();
    live.set(keyOf(membership(1)), membership(1));
    live.set(keyOf(membership(2)), membership(2));
    const again = { ...membership(1, 'admin'), id: 'om_again' };
    live.set(keyOf(again), again);
    expect(live.size).toBe(2);
    expect(live.get(keyOf(again))).toEqual(again);
    expect([...live.values()]).toEqual([membership(2), again]);
  });

  it('gives back the memberships whose keys were not given, current ones only, in the order read', () => {
    const live = new LiveMemberships();
    const read = Array.from({ length: 1000 }, (_, i) => membership(i));
    for (const m of read) live.set(keyOf(m), m);
    const replaced = { ...membership(7, 'admin'), id: 'om_7b' };
    live.set(keyOf(replaced), replaced);
    const given = read.filter((_, i) => i % 10 !== 0 && i !== 7).map(keyOf);
    // A key WorkOS does not hold is no trouble.
    given.push(liveMembershipKey('org_9', 'user_missing'));
    const left = [...live.valuesNotIn(given)];
    expect(left).toEqual([...read.filter((_, i) => i % 10 === 0), replaced]);
    expect([...live.valuesNotIn(read.map(keyOf))]).toEqual([]);
  });
});
