import fc from 'fast-check';
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
    expect([...imported.users].map((u) => u.sourceId)).toEqual(['auth0|b']);
  });

  it('gives the same digest to the same input and another to a changed one', () => {
    const a = [...planUsers([user({ sourceId: 'auth0|c', email: 'c@example.com', firstName: 'C' })]).users][0]!;
    const again = [...planUsers([user({ sourceId: 'auth0|c', email: 'c@example.com', firstName: 'C' })]).users][0]!;
    const changed = [...planUsers([user({ sourceId: 'auth0|c', email: 'c@example.com', firstName: 'See' })]).users][0]!;
    expect(again.digest).toBe(a.digest);
    expect(changed.digest).not.toBe(a.digest);
  });
});

describe('planUsers on any export', () => {
  const records = fc
    .array(
      fc.record({
        id: fc.integer({ min: 0, max: 30 }),
        email: fc.constantFrom('a@x.com', 'A@x.com', 'b@x.com', 'c@x.com', 'd@x.com', 'e@x.com'),
        blocked: fc.boolean(),
        hash: fc.boolean(),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        user({
          sourceId: `auth0|${r.id}`,
          email: r.email,
          blocked: r.blocked,
          location: { file: 'users.ndjson', line: i + 1 },
          ...(r.hash
            ? { password: { type: 'bcrypt' as const, hash: `$2b$10$${'a'.repeat(53)}` }, passwordGap: 'none' as const }
            : {}),
        }),
      ),
    );

  it('imports each accepted record once, as a user or merged into the one that kept its email, in export order', () => {
    fc.assert(
      fc.property(records, (input) => {
        const plan = planUsers(input);
        const planned = [...plan.users];
        const firstOfId = new Set<string>();
        const accepted = input.filter((r) => {
          const first = !firstOfId.has(r.sourceId);
          firstOfId.add(r.sourceId);
          return first && !r.blocked;
        });
        // Every accepted record lands in exactly one planned user, the one holding its email.
        const landed = planned.flatMap((u) => [u.sourceId, ...u.mergedSourceIds]);
        expect([...landed].sort()).toEqual(accepted.map((r) => r.sourceId).sort());
        for (const r of accepted) {
          const owner = planned.find((u) => u.input.email.toLowerCase() === r.email.toLowerCase())!;
          expect(plan.users.ownerOf(r.sourceId)).toBe(owner.sourceId);
        }
        // One user per email, listed where the email first appeared.
        const emails = [...new Set(accepted.map((r) => r.email.toLowerCase()))];
        expect(planned.map((u) => u.input.email.toLowerCase())).toEqual(emails);
        expect(plan.users.length).toBe(planned.length);
        // Duplicates and blocked users are problems, not users.
        expect(plan.invalid.length).toBe(input.length - accepted.length);
        for (const r of input.filter((r) => r.blocked)) {
          if (!landed.includes(r.sourceId)) expect(plan.users.ownerOf(r.sourceId)).toBeUndefined();
        }
        // The tally counts the planned users.
        expect(plan.users.tally.withHash).toBe(planned.filter((u) => u.passwordGap === 'none').length);
        expect(plan.users.tally.missing).toBe(planned.filter((u) => u.passwordGap === 'missing').length);
      }),
    );
  });
});
