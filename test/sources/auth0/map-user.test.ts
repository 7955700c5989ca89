import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../../src/model/types.js';
import { auth0MetadataFields, mapAuth0User } from '../../../src/sources/auth0/map-user.js';
import { readAuth0Users } from '../../../src/sources/auth0/users.js';
import { tempDirForFile } from '../../support/temp-dir.js';

const at = { file: 'users.ndjson', line: 1 };

function record(raw: Record<string, unknown>) {
  const mapped = mapAuth0User(raw, at);
  if (!mapped.ok) throw new Error(mapped.problem.message);
  return mapped.record;
}

describe('mapAuth0User', () => {
  it('splits `name` only when there are no given and family names and it is not the email', () => {
    expect(record({ user_id: 'auth0|1', email: 'a@example.com', name: 'Mary Ann Evans' })).toMatchObject({
      firstName: 'Mary',
      lastName: 'Ann Evans',
    });
    expect(record({ user_id: 'auth0|1', email: 'a@example.com', name: 'Cher' })).toMatchObject({ firstName: 'Cher' });
    expect(
      record({ user_id: 'auth0|1', email: 'a@example.com', given_name: 'Ada', name: 'Someone Else' }),
    ).toMatchObject({ firstName: 'Ada' });
    const fromEmail = record({ user_id: 'auth0|1', email: 'A@Example.com', name: 'a@example.com' });
    expect(fromEmail.firstName).toBeUndefined();
    expect(fromEmail.lastName).toBeUndefined();
  });

  it('maps MFA factors and social providers, from identities or from the user id', () => {
    expect(
      record({
        user_id: 'auth0|1',
        email: 'a@example.com',
        multifactor: ['sms', 'otp', 'email', 'webauthn-platform', 'sms'],
      }).mfaFactors,
    ).toEqual(['sms', 'totp', 'email', 'webauthn']);
    expect(record({ user_id: 'auth0|1', email: 'a@example.com', multifactor: 'guardian' }).mfaFactors).toEqual([
      'push',
    ]);
    expect(record({ user_id: 'apple|000123.abc', email: 'a@example.com' }).socialProviders).toEqual(['apple']);
    expect(record({ user_id: 'samlp|acme|a@example.com', email: 'a@example.com' }).socialProviders).toEqual([]);
    expect(
      record({
        user_id: 'auth0|1',
        email: 'a@example.com',
        identities: [
          { provider: 'auth0', connection: 'db', user_id: '1', isSocial: false },
          { provider: 'linkedin', connection: 'linkedin', user_id: 'x', isSocial: true },
        ],
      }).socialProviders,
    ).toEqual(['linkedin']);
  });

  it('keeps metadata out of the record and offers it flat to a metadata map', () => {
    const raw = {
      user_id: 'auth0|1',
      email: 'a@example.com',
      logins_count: 4,
      app_metadata: { plan: 'pro', roles: ['admin'], billing: { tier: 2 } },
      user_metadata: { preferences: { theme: 'dark' } },
      identities: [{ provider: 'auth0' }],
    };
    expect(record(raw).metadata).toEqual({});
    expect(auth0MetadataFields(raw)).toEqual({
      user_id: 'auth0|1',
      email: 'a@example.com',
      logins_count: 4,
      'app_metadata.plan': 'pro',
      'app_metadata.roles': ['admin'],
      'app_metadata.billing.tier': 2,
      'user_metadata.preferences.theme': 'dark',
    });
  });

  it('names the field with the wrong type', () => {
    const mapped = mapAuth0User({ user_id: 'auth0|1', email: 'a@example.com', app_metadata: 'plan=pro' }, at);
    expect(mapped).toMatchObject({
      ok: false,
      problem: {
        field: 'app_metadata',
        code: 'invalid_field_type',
        message: 'The field app_metadata must be an object, not a string.',
      },
    });
    expect(mapAuth0User({ user_id: 7, email: 'a@example.com' }, at)).toMatchObject({
      ok: false,
      problem: { field: 'user_id', code: 'invalid_field_type' },
    });
  });
});

describe('an invalid user with a password row', () => {
  it('is reported once, and its row is not reported as unmatched', async () => {
    const dir = tempDirForFile('auth0-map-');
    const users = join(dir, 'users.ndjson');
    const passwords = join(dir, 'passwords.ndjson');
    writeFileSync(users, `${JSON.stringify({ user_id: 'auth0|abc', email: 'not-an-email' })}\n`);
    writeFileSync(
      passwords,
      `${JSON.stringify({ _id: { $oid: 'abc' }, email: 'not-an-email', passwordHash: bcrypt.hashSync('x', 4), connection: 'db' })}\n`,
    );
    const items: SourceItem[] = [];
    for await (const item of readAuth0Users({ usersPath: users, passwordsPath: passwords })) items.push(item);
    expect(items).toEqual([
      {
        kind: 'problem',
        problem: expect.objectContaining({ entity: 'user', code: 'invalid_email', sourceId: 'auth0|abc' }),
      },
    ]);
  });
});
