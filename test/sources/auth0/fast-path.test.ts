import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auth0MetadataFields } from '../../../src/sources/auth0/map-user.js';
import {
  Auth0IdentitySchema,
  Auth0PasswordRowSchema,
  Auth0UserSchema,
  normalizeAuth0Keys,
  parseAuth0PasswordRow,
  isCanonicalAuth0User,
} from '../../../src/sources/auth0/schema.js';

// The hand-written checks of the fast path stand in for the zod schemas on well-formed records.
// They must never accept what zod refuses, and a record they accept must equal zod's output,
// value for value, and give the same metadata fields in the same order. The records are built
// from the schemas' own field lists, so a field added to a schema and not to the checks fails
// the second property.

/** Builds the object through JSON.parse, as the readers do: a `__proto__` key is then an own key. */
function fromEntries(entries: [string, unknown][]): Record<string, unknown> {
  return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
}

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom('true', 'false', '', ' x ', 'auth0|1', 'a@example.com'),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const shallow = fc.oneof(
  scalar,
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('plan', 'theme', '1', '__proto__', 'a.b'), scalar, { maxKeys: 3 }),
);

const identity = fc
  .array(
    fc.tuple(
      fc.constantFrom(...Object.keys(Auth0IdentitySchema.shape), 'extra', '__proto__'),
      fc.oneof(scalar, shallow),
    ),
    { maxLength: 6 },
  )
  .map(fromEntries);
const identityLike = fc.oneof(identity, shallow);

const userFields = Object.keys(Auth0UserSchema.shape);
const labels = ['Id', 'id', 'user id', 'Email Verified', 'Given Name', 'BLOCKED', ' nickname '];
const extras = ['picture', 'logins_count', 'app_metadata.plan', 'updated_at', '__proto__'];

const fieldValue = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 2, arbitrary: shallow },
  { weight: 2, arbitrary: fc.array(identityLike, { maxLength: 3 }) },
);

const anyUser = fc
  .array(fc.tuple(fc.constantFrom(...userFields, ...labels, ...extras), fieldValue), { maxLength: 12 })
  .map(fromEntries);

/** Bulk-export keys only, flags as booleans: the fast path must decide every one of these itself. */
const canonicalUser = fc
  .array(
    fc.tuple(
      fc.constantFrom(...userFields, 'picture', 'logins_count', 'app_metadata.plan'),
      fc.oneof(
        fc.constant(null),
        fc.boolean(),
        fc.string({ maxLength: 6 }),
        fc.integer(),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
        fc.array(
          identity.filter((i) => !Object.hasOwn(i, '__proto__')),
          { maxLength: 2 },
        ),
        fc.dictionary(fc.constantFrom('plan', 'theme'), scalar, { maxKeys: 2 }),
      ),
    ),
    { maxLength: 12 },
  )
  .map(fromEntries)
  .filter((user) => !hasTextFlag(user));

function hasTextFlag(user: Record<string, unknown>): boolean {
  const isText = (v: unknown) => typeof v === 'string';
  if (isText(user.email_verified) || isText(user.blocked)) return true;
  return Array.isArray(user.identities) && user.identities.some((i) => typeof i === 'object' && isText(i?.isSocial));
}

function viaZod(raw: Record<string, unknown>) {
  return Auth0UserSchema.safeParse(normalizeAuth0Keys(raw).value);
}

/** Equal values all the way down, and the same metadata fields in the same order. */
function expectSameOutput(raw: Record<string, unknown>, zod: Record<string, unknown> | undefined): void {
  expect(raw).toStrictEqual(zod);
  expect(JSON.stringify(auth0MetadataFields(raw))).toBe(JSON.stringify(auth0MetadataFields(zod!)));
}

describe('the fast path of Auth0 users', () => {
  it('never accepts what zod refuses, and outputs what zod outputs', () => {
    fc.assert(
      fc.property(anyUser, (raw) => {
        const zod = viaZod(raw);
        const fast = isCanonicalAuth0User(raw);
        if (!zod.success) expect(fast).toBe(false);
        if (fast) expectSameOutput(raw, zod.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('decides every record in the bulk export format as zod does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(canonicalUser, (raw) => {
        const zod = viaZod(raw);
        const fast = isCanonicalAuth0User(raw);
        expect(fast).toBe(zod.success);
        if (fast) {
          accepted++;
          expectSameOutput(raw, zod.data);
        }
      }),
      { numRuns: 3000 },
    );
    // The property says little unless a fair share of the records are accepted.
    expect(accepted).toBeGreaterThan(100);
  });

  it.each([
    ['an ordinary bulk export user', realUser()],
    [
      'a user with numeric identity ids and multifactor',
      { ...realUser(), multifactor: ['sms'], identities: [{ provider: 'github', user_id: 7, isSocial: true }] },
    ],
    [
      'nulls everywhere',
      { user_id: 'auth0|1', email: null, given_name: null, identities: null, app_metadata: null, blocked: null },
    ],
  ])('takes %s', (_, raw) => {
    expect(isCanonicalAuth0User(raw)).toBe(true);
    expectSameOutput(raw, viaZod(raw).data);
  });

  it.each([
    ['a label to rename', { 'Email Verified': true, user_id: 'auth0|1' }],
    ['a flag written as text', { user_id: 'auth0|1', blocked: 'true' }],
    ['a wrong type', { user_id: 7 }],
    ['a wrong identity', { user_id: 'auth0|1', identities: [{ isSocial: 1 }] }],
    ['a __proto__ key', JSON.parse('{"user_id":"auth0|1","__proto__":{"blocked":true}}')],
    ['a __proto__ key in metadata', JSON.parse('{"user_id":"auth0|1","app_metadata":{"__proto__":{}}}')],
  ])('leaves %s to zod', (_, raw) => {
    expect(isCanonicalAuth0User(raw)).toBe(false);
  });
});

function realUser(): Record<string, unknown> {
  return JSON.parse(
    '{"user_id":"auth0|0","email":"user0@example.com","email_verified":false,"given_name":"Given0","family_name":"Family0","name":"Given0 Family0","nickname":"user0","picture":"https://s.gravatar.com/avatar/x.png","identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"0","isSocial":false}],"app_metadata":{"plan":"pro"},"user_metadata":{"theme":"dark"},"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-06-01T00:00:00.000Z","last_login":"2024-06-01T00:00:00.000Z","logins_count":0}',
  );
}

const dateLike = fc.oneof(
  scalar,
  shallow,
  fc.record({ $date: fc.oneof(scalar, shallow, fc.record({ $numberLong: fc.oneof(scalar, shallow) })) }),
);
const anyPasswordRow = fc
  .array(
    fc.tuple(
      fc.constantFrom(...Object.keys(Auth0PasswordRowSchema.shape), 'email_verified', '__proto__'),
      fc.oneof(scalar, shallow, dateLike, fc.record({ $oid: fc.oneof(scalar, shallow) }, { requiredKeys: [] })),
    ),
    { maxLength: 9 },
  )
  .map(fromEntries);

describe('the fast path of Auth0 password rows', () => {
  it('accepts and refuses as zod does, and gives equal rows', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyPasswordRow, (raw) => {
        const zod = Auth0PasswordRowSchema.safeParse(raw);
        const fast = parseAuth0PasswordRow(raw);
        expect(fast.success).toBe(zod.success);
        if (fast.success) {
          accepted++;
          expect(fast.data).toStrictEqual(zod.data);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes an ordinary row', () => {
    const raw = JSON.parse(
      '{"_id":{"$oid":"0"},"email":"a@example.com","email_verified":false,"passwordHash":"$2b$10$x","password_set_date":{"$date":"2024-01-01T00:00:00.000Z"},"tenant":"t","connection":"Username-Password-Authentication"}',
    );
    expect(parseAuth0PasswordRow(raw)).toEqual({ success: true, data: Auth0PasswordRowSchema.parse(raw) });
  });
});
