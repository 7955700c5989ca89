import { describe, expect, it } from 'vitest';
import { LiveUsers, type LiveUser } from '../../src/model/live-state.js';

const user = (i: number, extra: Partial<LiveUser> = {}): LiveUser => ({
  id: `user_${i}`,
  externalId: i % 4 === 0 ? null : `auth0|${i}`,
  emailKey: `ünïcode${i}@example.com`,
  emailVerified: i % 2 === 0,
  firstName: i % 3 === 0 ? null : `First ${i}`,
  lastName: i % 5 === 0 ? null : '',
  metadataDigest: `digest${i}`,
  signedIn: i % 7 === 0,
  ...extra,
});

describe('LiveUsers', () => {
  it('finds each user by external id and by email, every field as read', () => {
    const live = new LiveUsers();
    const read = Array.from({ length: 3000 }, (_, i) => user(i));
    for (const u of read) live.add(u);
    expect(live.size).toBe(3000);
    expect(live.byExternalId('auth0|1233')).toEqual(read[1233]);
    expect(live.byEmail('ünïcode1200@example.com')).toEqual(read[1200]);
    expect(live.byExternalId('auth0|1200')).toBeUndefined();
    expect(live.byEmail('nobody@example.com')).toBeUndefined();
    expect([...live.withExternalId()]).toEqual(read.filter((u) => u.externalId !== null));
  });

  it('lets a user read again take the place of the one read before', () => {
    const live = new LiveUsers();
    live.add(user(1));
    live.add(user(2));
    const again = user(1, { id: 'user_again', firstName: 'Renamed' });
    live.add(again);
    expect(live.size).toBe(2);
    expect(live.byExternalId('auth0|1')).toEqual(again);
    expect(live.byEmail(again.emailKey)).toEqual(again);
    expect([...live.withExternalId()]).toEqual([user(2), again]);
  });
});
