import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { sdkFor } from './sdk-client.js';

// The controls a test in another process uses: plain HTTP, no key.

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ writeLimit: { requests: 1, windowMs: 60_000 } });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

// biome-ignore lint/suspicious/noExplicitAny: the admin API's JSON, read field by field in each test
async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('the stand-in controls over HTTP', () => {
  it('seeds a user with a password hash, shows it in the state, and the SDK can sign in as it', async () => {
    const hash = bcrypt.hashSync('secret', 4);
    const seeded = await admin('POST', 'users', {
      email: 'ada@example.com',
      external_id: 'auth0|1',
      password_hash: hash,
      password_hash_type: 'bcrypt',
    });
    expect(seeded.status).toBe(201);
    expect(seeded.json).toMatchObject({ object: 'user', email: 'ada@example.com', external_id: 'auth0|1' });
    expect(JSON.stringify(seeded.json)).not.toContain(hash);

    const state = await admin('GET', 'state');
    expect(state.json).toMatchObject({
      users: [{ id: seeded.json.id, email: 'ada@example.com' }],
      organizations: [],
      memberships: [],
    });
    await expect(
      sdkFor(emulator).userManagement.authenticateWithPassword({ email: 'ada@example.com', password: 'secret' }),
    ).resolves.toMatchObject({
      user: { id: seeded.json.id },
    });
  });

  it('is never rate limited, faulted or counted', async () => {
    await admin('PUT', 'faults', { dropRate: 1 });
    for (let i = 0; i < 5; i++) expect((await admin('POST', 'users', { email: `u${i}@example.com` })).status).toBe(201);
    const stats = await admin('GET', 'stats');
    expect(stats.json).toMatchObject({ requests: 0, writes: 0, faults: { drop: 0 } });
  });

  it('sets faults that the API then shows, and refuses a config it cannot follow', async () => {
    const set = await admin('PUT', 'faults', { rateLimitStorm: { durationMs: 60_000, retryAfterSeconds: 3 } });
    expect(set.status).toBe(200);
    await expect(sdkFor(emulator).userManagement.listUsers()).rejects.toMatchObject({ status: 429, retryAfter: 3 });
    const stats = await admin('GET', 'stats');
    expect(stats.json).toMatchObject({
      requests: 1,
      faults: { rateLimitStorm: 1 },
      byRoute: { 'GET /user_management/users': { requests: 1, byStatus: { '429': 1 } } },
    });

    const bad = await admin('PUT', 'faults', { timeoutRate: 'often' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('timeoutRate');
  });

  it('resets state, stats and faults', async () => {
    await admin('POST', 'users', { email: 'ada@example.com' });
    await admin('PUT', 'faults', { serverErrorRate: 1 });
    expect((await admin('POST', 'reset')).status).toBe(200);
    expect((await admin('GET', 'state')).json.users).toEqual([]);
    await expect(sdkFor(emulator).userManagement.listUsers()).resolves.toBeDefined();
  });

  it('defines roles and says what it offers for an unknown control', async () => {
    expect((await admin('POST', 'roles', { slug: 'billing', name: 'Billing' })).status).toBe(201);
    const org = await sdkFor(emulator).organizations.createOrganization({ name: 'Acme' });
    expect((await sdkFor(emulator).authorization.listOrganizationRoles(org.id)).data.map((r) => r.slug)).toContain(
      'billing',
    );
    const unknown = await admin('GET', 'nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toContain('GET /_emulator/state');
  });
});
