import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

// The stand-in's Events API, read through the real SDK: sign-ins on its authenticate endpoint
// and writes become events with the payloads WorkOS's OpenAPI description gives them, listed
// by name and time range, oldest first with `order=asc`, and paged by the `after` cursor.

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

describe('GET /events', () => {
  it('records password sign-ins (succeeded and failed) and user, organization and membership writes', async () => {
    const workos = sdkFor(emulator);
    const user = await workos.userManagement.createUser({ email: 'eve@example.test', password: 'right-password' });
    const organization = await workos.organizations.createOrganization({ name: 'Initech' });
    const membership = await workos.userManagement.createOrganizationMembership({
      userId: user.id,
      organizationId: organization.id,
    });
    await workos.userManagement.authenticateWithPassword({
      clientId: 'client_emulator',
      email: 'eve@example.test',
      password: 'right-password',
    });
    await rejectionOf(
      workos.userManagement.authenticateWithPassword({
        clientId: 'client_emulator',
        email: 'eve@example.test',
        password: 'wrong',
      }),
    );
    await workos.userManagement.deleteOrganizationMembership(membership.id);

    const signIns = await workos.events.listEvents({
      events: ['authentication.password_succeeded', 'authentication.password_failed'],
      order: 'asc',
    });
    expect(signIns.data.map((e) => e.event)).toEqual([
      'authentication.password_succeeded',
      'authentication.password_failed',
    ]);
    expect(signIns.data[1]).toMatchObject({
      data: {
        type: 'password',
        status: 'failed',
        userId: user.id,
        email: 'eve@example.test',
        error: { code: 'invalid_credentials' },
      },
    });
    const raw = emulator.events().find((e) => e.event === 'authentication.password_failed')!;
    // Every field the description requires of an authentication.password_failed event.
    expect(Object.keys(raw).sort()).toEqual(['created_at', 'data', 'event', 'id', 'object']);
    expect(Object.keys(raw.data).sort()).toEqual(
      ['email', 'error', 'ip_address', 'status', 'type', 'user_agent', 'user_id'].sort(),
    );

    const writes = await workos.events.listEvents({
      events: [
        'user.created',
        'organization.created',
        'organization_membership.created',
        'organization_membership.deleted',
      ],
      order: 'asc',
    });
    expect(writes.data.map((e) => e.event)).toEqual([
      'user.created',
      'organization.created',
      'organization_membership.created',
      'organization_membership.deleted',
    ]);
  });

  it('filters by time range, pages with after, and refuses a request without events (422)', async () => {
    const workos = sdkFor(emulator);
    const old = new Date(Date.now() - 7 * 86_400_000).toISOString();
    for (let i = 0; i < 5; i++)
      emulator.recordEvent('authentication.oauth_succeeded', { type: 'oauth', status: 'succeeded' }, old);
    const rangeStart = new Date(Date.now() - 8 * 86_400_000).toISOString();
    const rangeEnd = new Date(Date.now() - 6 * 86_400_000).toISOString();
    const first = await workos.events.listEvents({
      events: ['authentication.oauth_succeeded'],
      rangeStart,
      rangeEnd,
      limit: 3,
      order: 'asc',
    });
    expect(first.data).toHaveLength(3);
    const rest = await workos.events.listEvents({
      events: ['authentication.oauth_succeeded'],
      rangeStart,
      rangeEnd,
      limit: 3,
      order: 'asc',
      after: first.listMetadata.after!,
    });
    expect(rest.data).toHaveLength(2);
    expect(rest.listMetadata.after).toBeNull();
    const none = await workos.events.listEvents({ events: ['authentication.oauth_succeeded'], rangeStart: rangeEnd });
    expect(none.data).toHaveLength(0);

    const refused = await fetch(`${emulator.url}/events`, { headers: { authorization: 'Bearer sk_test_emulator' } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ field: 'events', code: 'required' }] });
  });
});
