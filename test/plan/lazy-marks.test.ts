import { describe, expect, it } from 'vitest';
import { LAZY_METADATA_KEY } from '../../src/lazy/marks.js';
import { metadataDigest } from '../../src/model/live-state.js';
import type { UserRecord } from '../../src/model/types.js';
import { lazyRows, passwordResetRows } from '../../src/report/people.js';
import { DEFAULT_USER_POLICIES, planUsers } from '../../src/plan/users.js';

// import --lazy-passwords: who is marked pending, and what the reports list.

function user(overrides: Partial<UserRecord> & { sourceId: string; email: string }): UserRecord {
  return {
    emailVerified: true,
    passwordGap: 'missing',
    metadata: {},
    mfaFactors: [],
    socialProviders: [],
    blocked: false,
    location: { file: 'users.ndjson', line: 1 },
    ...overrides,
  };
}

const HASH = { type: 'bcrypt' as const, hash: `$2b$10$${'x'.repeat(53)}` };
const records = [
  user({ sourceId: 'auth0|hash', email: 'hash@example.com', password: HASH, passwordGap: 'none' }),
  user({ sourceId: 'auth0|none', email: 'none@example.com', metadata: { plan: 'pro' } }),
  user({ sourceId: 'auth0|odd', email: 'odd@example.com', passwordGap: 'unsupported' }),
  user({ sourceId: 'google-oauth2|1', email: 'g@example.com', socialProviders: ['google-oauth2'] }),
  // Shares an email with a user who brings a hash: the merged user has the hash, so no mark.
  user({ sourceId: 'auth0|dup', email: 'HASH@example.com' }),
];

describe('import --lazy-passwords', () => {
  const plan = planUsers(records, { ...DEFAULT_USER_POLICIES, lazyPasswords: true });
  const marks = Object.fromEntries([...plan.users].map((u) => [u.sourceId, u.input.metadata?.[LAZY_METADATA_KEY]]));

  it('marks pending exactly the users who would need a reset, never one with an imported hash', () => {
    expect(marks).toEqual({
      'auth0|hash': undefined,
      'auth0|none': 'pending',
      'auth0|odd': 'pending',
      'google-oauth2|1': undefined,
    });
    expect([...plan.users].find((u) => u.sourceId === 'auth0|none')!.input.metadata).toEqual({
      plan: 'pro',
      [LAZY_METADATA_KEY]: 'pending',
    });
    expect(plan.users.tally).toMatchObject({ lazyPending: 2, passwordReset: 0 });
  });

  it('lists them in lazy.csv and not in password-reset.csv', () => {
    expect([...lazyRows(plan.users.needingPasswordReset(), false)]).toEqual([
      'source_id\n',
      'auth0|none\n',
      'auth0|odd\n',
    ]);
    expect([...passwordResetRows(plan.users.needingPasswordReset(), false)]).toEqual(['reason,source_id\n']);
  });

  it('marks nobody without the flag', () => {
    const plain = planUsers(records);
    expect([...plain.users].some((u) => u.input.metadata?.[LAZY_METADATA_KEY] !== undefined)).toBe(false);
    expect(plain.users.tally).toMatchObject({ lazyPending: 0, passwordReset: 2 });
  });

  it('a moved user is not metadata drift from the planned pending mark, but an unmarked one is', () => {
    const planned = { plan: 'pro', [LAZY_METADATA_KEY]: 'pending' };
    expect(metadataDigest({ plan: 'pro', [LAZY_METADATA_KEY]: 'moved' })).toBe(metadataDigest(planned));
    expect(metadataDigest({ plan: 'pro' })).not.toBe(metadataDigest(planned));
  });
});
