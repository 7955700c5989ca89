import {
  BadRequestException,
  GenericServerException,
  NotFoundException,
  UnauthorizedException,
  UnprocessableEntityException,
  type WorkOS,
} from '@workos-inc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

let emulator: Emulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
  workos = sdkFor(emulator);
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

async function createMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) =>
      workos.userManagement.createUser({ email: `user${start + i}@example.com`, externalId: `auth0|${start + i}` }),
    );
    for (const user of await Promise.all(batch)) ids.push(user.id);
  }
  return ids;
}

describe('users through the real SDK', () => {
  it('creates a user and reads it back by id and by external id, without the password', async () => {
    const created = await workos.userManagement.createUser({
      email: 'Ada@Example.com',
      password: 'correct horse',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailVerified: true,
      externalId: 'auth0|ada',
      metadata: { plan: 'pro' },
    });
    expect(created).toMatchObject({
      object: 'user',
      email: 'Ada@Example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailVerified: true,
      externalId: 'auth0|ada',
      metadata: { plan: 'pro' },
    });
    expect(created.id).toMatch(/^user_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.createdAt).toBe(created.updatedAt);

    expect(await workos.userManagement.getUser(created.id)).toEqual(created);
    expect(await workos.userManagement.getUserByExternalId('auth0|ada')).toEqual(created);
    const [held] = emulator.snapshot().users;
    expect(Object.keys(held!)).not.toContain('password');
    expect(JSON.stringify(held)).not.toContain('correct horse');
    expect(emulator.passwordOf(created.id)).toEqual({ type: 'password' });
  });

  it('pages through 230 users 100 at a time, newest first, with working cursors both ways', async () => {
    const ids = await createMany(230);
    const newestFirst = [...ids].sort().reverse();

    const first = await workos.userManagement.listUsers({ limit: 100 });
    expect(first.data.map((u) => u.id)).toEqual(newestFirst.slice(0, 100));
    expect(first.listMetadata).toEqual({ before: null, after: newestFirst[99] });

    const second = await workos.userManagement.listUsers({ limit: 100, after: first.listMetadata.after! });
    expect(second.data.map((u) => u.id)).toEqual(newestFirst.slice(100, 200));
    expect(second.listMetadata).toEqual({ before: newestFirst[100], after: newestFirst[199] });

    const third = await workos.userManagement.listUsers({ limit: 100, after: second.listMetadata.after! });
    expect(third.data.map((u) => u.id)).toEqual(newestFirst.slice(200));
    expect(third.listMetadata.after).toBeNull();

    const back = await workos.userManagement.listUsers({ limit: 100, before: second.listMetadata.before! });
    expect(back.data.map((u) => u.id)).toEqual(newestFirst.slice(0, 100));

    const oldestFirst = await workos.userManagement.listUsers({ limit: 100, order: 'asc' });
    expect(oldestFirst.data.map((u) => u.id)).toEqual([...ids].sort().slice(0, 100));

    const everyone = await (await workos.userManagement.listUsers()).autoPagination();
    expect(everyone.map((u) => u.id)).toEqual(newestFirst);
  }, 30_000);

  it('filters by email case-insensitively and by organization', async () => {
    const ada = await workos.userManagement.createUser({ email: 'ada@example.com' });
    await workos.userManagement.createUser({ email: 'grace@example.com' });
    const found = await workos.userManagement.listUsers({ email: 'ADA@Example.COM' });
    expect(found.data.map((u) => u.id)).toEqual([ada.id]);
    expect((await workos.userManagement.listUsers({ email: 'nobody@example.com' })).data).toEqual([]);

    const org = await workos.organizations.createOrganization({ name: 'Acme' });
    await workos.userManagement.createOrganizationMembership({ userId: ada.id, organizationId: org.id });
    const members = await workos.userManagement.listUsers({ organizationId: org.id });
    expect(members.data.map((u) => u.email)).toEqual(['ada@example.com']);
  });

  it('refuses a second user with the same email, in any case, as WorkOS does on create and on update', async () => {
    await workos.userManagement.createUser({ email: 'ada@example.com' });
    const onCreate = await rejectionOf(workos.userManagement.createUser({ email: 'ADA@example.com' }));
    // A create answers user_creation_error with the reason in `errors` (the SDK's BadRequestException).
    expect(onCreate).toBeInstanceOf(BadRequestException);
    expect(onCreate).toMatchObject({
      status: 400,
      code: 'user_creation_error',
      errors: [{ code: 'email_not_available' }],
    });

    const grace = await workos.userManagement.createUser({ email: 'grace@example.com' });
    const onUpdate = await rejectionOf(
      workos.userManagement.updateUser({ userId: grace.id, email: 'Ada@example.com' }),
    );
    expect(onUpdate).toBeInstanceOf(GenericServerException);
    expect(onUpdate).toMatchObject({ status: 400, code: 'email_not_available' });
    expect(emulator.snapshot().users.map((u) => u.email)).toEqual(['ada@example.com', 'grace@example.com']);
  });

  it('answers a top-level email_not_available on create when asked to', async () => {
    const other = await startEmulator({ duplicateEmailError: 'email_not_available' });
    try {
      const sdk = sdkFor(other);
      await sdk.userManagement.createUser({ email: 'ada@example.com' });
      const error = await rejectionOf(sdk.userManagement.createUser({ email: 'ada@example.com' }));
      expect(error).toBeInstanceOf(GenericServerException);
      expect(error).toMatchObject({ status: 400, code: 'email_not_available' });
    } finally {
      await other.close();
    }
  });

  it('refuses an external id that another user holds, as a GenericServerException with its code', async () => {
    const ada = await workos.userManagement.createUser({ email: 'ada@example.com', externalId: 'auth0|1' });
    const onCreate = await rejectionOf(
      workos.userManagement.createUser({ email: 'grace@example.com', externalId: 'auth0|1' }),
    );
    expect(onCreate).toBeInstanceOf(GenericServerException);
    expect(onCreate).toMatchObject({ status: 400, code: 'external_id_already_used' });

    const grace = await workos.userManagement.createUser({ email: 'grace@example.com', externalId: 'auth0|2' });
    const onUpdate = await rejectionOf(workos.userManagement.updateUser({ userId: grace.id, externalId: 'auth0|1' }));
    expect(onUpdate).toMatchObject({ status: 400, code: 'external_id_already_used' });
    // Giving a user back its own external id is no conflict.
    await workos.userManagement.updateUser({ userId: ada.id, externalId: 'auth0|1' });
  });

  it('answers 404 entity_not_found for unknown ids and external ids', async () => {
    const byId = await rejectionOf(workos.userManagement.getUser('user_01UNKNOWN'));
    expect(byId).toBeInstanceOf(NotFoundException);
    expect(byId).toMatchObject({ code: 'entity_not_found', message: "User not found: 'user_01UNKNOWN'." });
    expect(await rejectionOf(workos.userManagement.getUserByExternalId('auth0|nobody'))).toBeInstanceOf(
      NotFoundException,
    );
    expect(await rejectionOf(workos.userManagement.deleteUser('user_01UNKNOWN'))).toBeInstanceOf(NotFoundException);
  });

  it('rejects a request with a bad key with 401 and writes nothing', async () => {
    const error = await rejectionOf(
      sdkFor(emulator, { key: 'client_01NOTAKEY' }).userManagement.createUser({ email: 'ada@example.com' }),
    );
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect(emulator.snapshot().users).toEqual([]);
  });

  it('accepts only the configured key when one is set', async () => {
    const strict = await startEmulator({ apiKey: 'sk_test_right' });
    try {
      expect(await rejectionOf(sdkFor(strict, { key: 'sk_test_wrong' }).userManagement.listUsers())).toBeInstanceOf(
        UnauthorizedException,
      );
      await expect(sdkFor(strict, { key: 'sk_test_right' }).userManagement.listUsers()).resolves.toBeDefined();
    } finally {
      await strict.close();
    }
  });

  it('rejects malformed input with the API codes and keeps nothing', async () => {
    const badEmail = await rejectionOf(workos.userManagement.createUser({ email: 'not-an-email' }));
    expect(badEmail).toBeInstanceOf(UnprocessableEntityException);
    expect(badEmail).toMatchObject({ status: 422, code: 'invalid_request_parameters' });
    expect(badEmail.message).toContain('email_invalid');

    const badHash = await rejectionOf(
      workos.userManagement.createUser({
        email: 'ada@example.com',
        passwordHash: '$2b$10$tooshort',
        passwordHashType: 'bcrypt',
      }),
    );
    expect(badHash).toBeInstanceOf(GenericServerException);
    expect(badHash).toMatchObject({ status: 400, code: 'invalid_password_hash' });
    expect(badHash.message).not.toContain('tooshort');

    const unknownType = await rejectionOf(
      workos.userManagement.createUser({
        email: 'ada@example.com',
        passwordHash: 'abc',
        passwordHashType: 'md5' as 'bcrypt',
      }),
    );
    expect(unknownType).toBeInstanceOf(UnprocessableEntityException);
    expect(unknownType.message).toContain('password_hash_type_invalid');

    const both = await rejectionOf(
      workos.userManagement.createUser({
        email: 'ada@example.com',
        password: 'pw',
        passwordHash: '$2b$04$' + 'a'.repeat(53),
        passwordHashType: 'bcrypt',
      }),
    );
    expect(both).toMatchObject({ status: 400, code: 'password_and_password_hash_provided' });

    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const cases: Array<[Record<string, string>, string]> = [
      [tooMany, 'metadata_too_many_keys'],
      [{ ['k'.repeat(41)]: 'v' }, 'metadata_key_too_long'],
      [{ k: 'v'.repeat(601) }, 'metadata_value_too_long'],
      [{ k: 42 as unknown as string }, 'metadata_value_must_be_string'],
    ];
    for (const [metadata, code] of cases) {
      const error = await rejectionOf(workos.userManagement.createUser({ email: 'ada@example.com', metadata }));
      expect(error).toBeInstanceOf(UnprocessableEntityException);
      expect(error.message).toContain(code);
    }
    // At the limits exactly, all is well.
    const atLimits = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`${i}`.padEnd(40, 'k'), 'v'.repeat(600)]),
    );
    await workos.userManagement.createUser({ email: 'ada@example.com', metadata: atLimits });

    const longExternalId = await rejectionOf(
      workos.userManagement.createUser({ email: 'grace@example.com', externalId: 'x'.repeat(129) }),
    );
    expect(longExternalId.message).toContain('external_id_invalid');
    expect(emulator.snapshot().users.map((u) => u.email)).toEqual(['ada@example.com']);
  });

  it('updates only what is sent, backfills a password hash, and replaces metadata', async () => {
    const user = await workos.userManagement.createUser({
      email: 'ada@example.com',
      firstName: 'Ada',
      metadata: { a: '1', b: '2' },
    });
    const hash = '$2b$04$' + 'a'.repeat(53);
    const updated = await workos.userManagement.updateUser({
      userId: user.id,
      lastName: 'Lovelace',
      metadata: { c: '3' },
      passwordHash: hash,
      passwordHashType: 'bcrypt',
    });
    expect(updated).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', metadata: { c: '3' } });
    expect(emulator.passwordOf(user.id)).toEqual({ type: 'bcrypt', hash });
  });

  it('refuses to unverify a verified email, as WorkOS does', async () => {
    const user = await workos.userManagement.createUser({ email: 'ada@example.com', emailVerified: true });
    const error = await rejectionOf(workos.userManagement.updateUser({ userId: user.id, emailVerified: false }));
    expect(error).toMatchObject({ status: 400, code: 'email_already_verified' });
    await workos.userManagement.updateUser({ userId: user.id, emailVerified: true, firstName: 'Ada' });
  });

  it('deletes a user together with its memberships', async () => {
    const user = await workos.userManagement.createUser({ email: 'ada@example.com', externalId: 'auth0|1' });
    const org = await workos.organizations.createOrganization({ name: 'Acme' });
    await workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: org.id });
    await workos.userManagement.deleteUser(user.id);
    expect(emulator.snapshot()).toMatchObject({ users: [], memberships: [] });
    // Email and external id are free again.
    await workos.userManagement.createUser({ email: 'ada@example.com', externalId: 'auth0|1' });
  });

  it('refuses a page size outside 1–100', async () => {
    const error = await rejectionOf(workos.userManagement.listUsers({ limit: 101 }));
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect(error.message).toContain('limit_out_of_range');
  });
});
