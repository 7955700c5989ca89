import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/model/types.js';
import { planUsers } from '../../src/plan/users.js';

function user(overrides: Partial<UserRecord> & { sourceId: string; email: string }): UserRecord {
  return {
    emailVerified: false,
    passwordGap: 'missing',
    metadata: {},
    mfaFactors: [],
    socialProviders: [],
    blocked: false,
    location: { file: 'users.ndjson', line: 1 },
    ...overrides,
  };
}

describe('planUsers', () => {
  it('merges users whose emails differ only in case, and the one with a password keeps the external id', () => {
    const plan = planUsers([
      user({
        sourceId: 'google-oauth2|1',
        email: 'Ada@Example.com',
        emailVerified: true,
        socialProviders: ['google-oauth2'],
      }),
      user({
        sourceId: 'auth0|a',
        email: 'ada@example.com',
        password: { type: 'bcrypt', hash: '$2b$10$' + 'x'.repeat(53) },
        passwordGap: 'none',
        firstName: 'Ada',
      }),
    ]);
    expect(plan.users).toHaveLength(1);
    const [merged] = plan.users;
    expect(merged!.sourceId).toBe('auth0|a');
    expect(merged!.input.externalId).toBe('auth0|a');
    expect(merged!.mergedSourceIds).toEqual(['google-oauth2|1']);
    expect(merged!.input.emailVerified).toBe(true);
    expect(merged!.socialProviders).toEqual(['google-oauth2']);
    expect(plan.merges).toHaveLength(1);
  });

  it('skips blocked users as invalid with code blocked, unless the policy imports them', () => {
    const records = [user({ sourceId: 'auth0|b', email: 'b@example.com', blocked: true })];
    const skipped = planUsers(records);
    expect(skipped.users).toHaveLength(0);
    expect(skipped.invalid.map((p) => p.code)).toEqual(['blocked']);
    const imported = planUsers(records, { blockedUsers: 'import', unverifiedEmails: 'import' });
    expect(imported.users.map((u) => u.sourceId)).toEqual(['auth0|b']);
  });

  it('gives the same digest to the same input and another to a changed one', () => {
    const a = planUsers([user({ sourceId: 'auth0|c', email: 'c@example.com', firstName: 'C' })]).users[0]!;
    const again = planUsers([user({ sourceId: 'auth0|c', email: 'c@example.com', firstName: 'C' })]).users[0]!;
    const changed = planUsers([user({ sourceId: 'auth0|c', email: 'c@example.com', firstName: 'See' })]).users[0]!;
    expect(again.digest).toBe(a.digest);
    expect(changed.digest).not.toBe(a.digest);
  });
});
