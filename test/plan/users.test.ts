import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../src/model/types.js';
import { DEFAULT_USER_POLICIES, planUsers } from '../../src/plan/users.js';

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

const HASH = { type: 'bcrypt' as const, hash: '$2b$10$' + 'x'.repeat(53) };
const OTHER_HASH = { type: 'bcrypt' as const, hash: '$2b$10$' + 'y'.repeat(53) };

describe('planUsers', () => {
  it('merges verified users whose emails differ only in case, and the one with a password keeps the external id', () => {
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
        emailVerified: true,
        password: HASH,
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

  // The account-takeover case: someone signed up with the victim's address (never verified),
  // and the victim signs in with Google. Merged, the squatter's password would open the victim's user.
  const victim = () =>
    user({
      sourceId: 'google-oauth2|victim',
      email: 'victim@corp.example',
      emailVerified: true,
      socialProviders: ['google-oauth2'],
      location: { file: 'users.ndjson', line: 1 },
    });
  const squatter = () =>
    user({
      sourceId: 'auth0|squatter',
      email: 'Victim@corp.example',
      password: HASH,
      passwordGap: 'none',
      firstName: 'Mallory',
      location: { file: 'users.ndjson', line: 2 },
    });

  it('imports the verified user alone, without the password of an unverified account with its email', () => {
    const plan = planUsers([victim(), squatter()]);
    expect([...plan.users].map((u) => u.sourceId)).toEqual(['google-oauth2|victim']);
    const [imported] = plan.users;
    expect(imported!.input).toMatchObject({ externalId: 'google-oauth2|victim', emailVerified: true });
    expect(imported!.input.password).toBeUndefined();
    expect(imported!.input.firstName).toBeUndefined();
    expect(imported!.mergedSourceIds).toEqual([]);
    expect(plan.merges).toEqual([]);
    expect(plan.users.ownerOf('auth0|squatter')).toBeUndefined();
    expect(plan.users.tally).toMatchObject({ withHash: 0, missing: 1 });
    expect(plan.invalid).toEqual([
      expect.objectContaining({
        sourceId: 'auth0|squatter',
        code: 'merge_unverified',
        severity: 'skip',
        location: { file: 'users.ndjson', line: 2 },
      }),
    ]);
    expect(plan.invalid[0]!.message).toContain('google-oauth2|victim (users.ndjson:1)');
    expect(plan.invalid[0]!.message).toMatch(/may belong to someone else/);
    expect(plan.invalid[0]!.message).not.toContain('@');
  });

  it('still merges the verified records of such an email among themselves, the password from a verified one', () => {
    const plan = planUsers([
      squatter(),
      victim(),
      user({
        sourceId: 'auth0|owner',
        email: 'victim@corp.example',
        emailVerified: true,
        password: OTHER_HASH,
        passwordGap: 'none',
      }),
    ]);
    expect([...plan.users].map((u) => [u.sourceId, u.mergedSourceIds])).toEqual([
      ['auth0|owner', ['google-oauth2|victim']],
    ]);
    const [merged] = plan.users;
    expect(merged!.input).toMatchObject({ externalId: 'auth0|owner', emailVerified: true, password: OTHER_HASH });
    expect(plan.invalid.map((p) => [p.sourceId, p.code])).toEqual([['auth0|squatter', 'merge_unverified']]);
  });

  it('imports neither side of such a conflict under policies.unverifiedDuplicates: import-neither', () => {
    const plan = planUsers([victim(), squatter()], {
      ...DEFAULT_USER_POLICIES,
      unverifiedDuplicates: 'import-neither',
    });
    expect(plan.users).toHaveLength(0);
    expect(plan.users.tally).toMatchObject({ withHash: 0, missing: 0 });
    expect(plan.invalid.map((p) => [p.sourceId, p.code, p.severity])).toEqual([
      ['google-oauth2|victim', 'merge_unverified', 'skip'],
      ['auth0|squatter', 'merge_unverified', 'skip'],
    ]);
  });

  it('merges a group where nothing is verified as before: the record with a password, unverified', () => {
    const plan = planUsers([
      user({ sourceId: 'google-oauth2|2', email: 'b@example.com', socialProviders: ['google-oauth2'] }),
      user({ sourceId: 'auth0|b', email: 'B@example.com', password: HASH, passwordGap: 'none' }),
    ]);
    const [merged] = plan.users;
    expect(merged!.input).toMatchObject({ externalId: 'auth0|b', emailVerified: false, password: HASH });
    expect(merged!.mergedSourceIds).toEqual(['google-oauth2|2']);
    expect(plan.invalid).toEqual([]);
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
        verified: fc.boolean(),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        user({
          sourceId: `auth0|${r.id}`,
          email: r.email,
          blocked: r.blocked,
          emailVerified: r.verified,
          location: { file: 'users.ndjson', line: i + 1 },
          // Each record's own hash, so a merged user's hash tells which record it came from.
          ...(r.hash
            ? {
                password: { type: 'bcrypt' as const, hash: `$2b$10$${String(i).padStart(53, 'a')}` },
                passwordGap: 'none' as const,
              }
            : {}),
        }),
      ),
    );

  /**
   * The records the planner takes in (first of their id, not blocked); `contested`: a verified
   * record has the email; `mixed`: an unverified one has it too.
   */
  function accepted(input: UserRecord[]) {
    const firstOfId = new Set<string>();
    const taken = input.filter((r) => {
      const first = !firstOfId.has(r.sourceId);
      firstOfId.add(r.sourceId);
      return first && !r.blocked;
    });
    const emailsOf = (verified: boolean) =>
      new Set(taken.filter((r) => r.emailVerified === verified).map((r) => r.email.toLowerCase()));
    const verifiedEmails = emailsOf(true);
    const unverifiedEmails = emailsOf(false);
    const contested = (r: UserRecord) => verifiedEmails.has(r.email.toLowerCase());
    const mixed = (r: UserRecord) => contested(r) && unverifiedEmails.has(r.email.toLowerCase());
    return { taken, contested, mixed };
  }

  it('imports each accepted record once, as a user or merged into the one that kept its email, in export order', () => {
    fc.assert(
      fc.property(records, (input) => {
        const plan = planUsers(input);
        const planned = [...plan.users];
        const { taken, contested } = accepted(input);
        // An unverified record beside a verified one is left out for a person; every other lands.
        const imported = taken.filter((r) => r.emailVerified || !contested(r));
        const conflicts = taken.filter((r) => !r.emailVerified && contested(r));
        // Every imported record lands in exactly one planned user, the one holding its email.
        const landed = planned.flatMap((u) => [u.sourceId, ...u.mergedSourceIds]);
        expect([...landed].sort()).toEqual(imported.map((r) => r.sourceId).sort());
        for (const r of imported) {
          const owner = planned.find((u) => u.input.email.toLowerCase() === r.email.toLowerCase())!;
          expect(plan.users.ownerOf(r.sourceId)).toBe(owner.sourceId);
        }
        for (const r of conflicts) expect(plan.users.ownerOf(r.sourceId)).toBeUndefined();
        // One user per email, listed where the email first appeared.
        const emails = [...new Set(imported.map((r) => r.email.toLowerCase()))];
        expect(planned.map((u) => u.input.email.toLowerCase())).toEqual(emails);
        expect(plan.users.length).toBe(planned.length);
        // Duplicates, blocked users and conflicts are problems, not users; conflicts are skips.
        expect(plan.invalid.length).toBe(input.length - imported.length);
        expect(plan.invalid.filter((p) => p.code === 'merge_unverified').map((p) => p.sourceId)).toEqual(
          expect.arrayContaining(conflicts.map((r) => r.sourceId)),
        );
        expect(plan.invalid.filter((p) => p.code === 'merge_unverified')).toHaveLength(conflicts.length);
        for (const r of input.filter((r) => r.blocked)) {
          if (!landed.includes(r.sourceId)) expect(plan.users.ownerOf(r.sourceId)).toBeUndefined();
        }
        // The tally counts the planned users.
        expect(plan.users.tally.withHash).toBe(planned.filter((u) => u.passwordGap === 'none').length);
        expect(plan.users.tally.missing).toBe(planned.filter((u) => u.passwordGap === 'missing').length);
      }),
    );
  });

  it('never lets an unverified record supply the password, external id or verified flag beside a verified one', () => {
    fc.assert(
      fc.property(records, fc.constantFrom('import-verified' as const, 'import-neither' as const), (input, policy) => {
        const plan = planUsers(input, { ...DEFAULT_USER_POLICIES, unverifiedDuplicates: policy });
        const { taken, contested, mixed } = accepted(input);
        const byId = new Map(taken.map((r) => [r.sourceId, r]));
        for (const u of plan.users) {
          const group = [u.sourceId, ...u.mergedSourceIds].map((id) => byId.get(id)!);
          const supplier = byId.get(u.input.externalId ?? u.sourceId)!;
          // The verified flag is the one of the record that supplies the external id (and the hash).
          expect(u.input.emailVerified).toBe(supplier.emailVerified);
          if (u.input.password) {
            const owner = group.find((r) => r.password?.hash === u.input.password!.hash)!;
            expect(owner.emailVerified).toBe(supplier.emailVerified);
          }
          if (!contested(supplier)) continue;
          if (policy === 'import-neither' && mixed(supplier))
            expect.fail(`${u.sourceId}: a contested email was imported`);
          expect(group.every((r) => r.emailVerified)).toBe(true);
          expect(u.input.emailVerified).toBe(true);
        }
      }),
    );
  });
});
