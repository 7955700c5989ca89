import { NotFoundException, UnprocessableEntityException, type WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { generateSsoPortalLink, listOrganizationConnections, type PacedRead } from '../../src/workos/connections.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

let emulator: Emulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startEmulator();
  workos = sdkFor(emulator);
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

async function organization(name: string, domains: string[] = []) {
  return workos.organizations.createOrganization({
    name,
    domainData: domains.map((domain) => ({ domain, state: 'verified' as never })),
  });
}

describe('SSO connections through the real SDK', () => {
  it('lists the connections seeded for an organization, in the SDK shape, filtered by organization and type', async () => {
    const acme = await organization('Acme', ['acme.com']);
    const globex = await organization('Globex');
    const okta = emulator.seedConnection({ organization_id: acme.id, connection_type: 'OktaSAML' });
    const draft = emulator.seedConnection({
      organization_id: acme.id,
      connection_type: 'GenericOIDC',
      state: 'draft',
      name: 'Acme OIDC',
    });
    emulator.seedConnection({ organization_id: globex.id, connection_type: 'AzureSAML', domains: ['globex.example'] });

    const page = await workos.sso.listConnections({ organizationId: acme.id, order: 'asc' });
    expect(page.data).toEqual([
      {
        object: 'connection',
        id: okta.id,
        organizationId: acme.id,
        name: 'Acme',
        type: 'OktaSAML',
        state: 'active',
        domains: [{ object: 'connection_domain', id: expect.stringMatching(/^conn_domain_/), domain: 'acme.com' }],
        createdAt: okta.created_at,
        updatedAt: okta.updated_at,
      },
      expect.objectContaining({ id: draft.id, name: 'Acme OIDC', type: 'GenericOIDC', state: 'draft' }),
    ]);
    expect(okta.id).toMatch(/^conn_/);
    const saml = await workos.sso.listConnections({ organizationId: acme.id, connectionType: 'OktaSAML' as never });
    expect(saml.data.map((c) => c.id)).toEqual([okta.id]);
    expect((await workos.sso.listConnections({ domain: 'globex.example' })).data.map((c) => c.organizationId)).toEqual([
      globex.id,
    ]);
    expect((await workos.sso.listConnections()).data).toHaveLength(3);
    expect(await workos.sso.getConnection(okta.id)).toEqual(page.data[0]);
  });

  it('pages with before, after and limit, newest first by default', async () => {
    const acme = await organization('Acme');
    const ids = Array.from(
      { length: 7 },
      () => emulator.seedConnection({ organization_id: acme.id, connection_type: 'GenericSAML' }).id,
    );
    const first = await workos.sso.listConnections({ organizationId: acme.id, limit: 3 });
    expect(first.data.map((c) => c.id)).toEqual([ids[6], ids[5], ids[4]]);
    const second = await workos.sso.listConnections({
      organizationId: acme.id,
      limit: 3,
      after: first.listMetadata.after!,
    });
    expect(second.data.map((c) => c.id)).toEqual([ids[3], ids[2], ids[1]]);
    const back = await workos.sso.listConnections({
      organizationId: acme.id,
      limit: 3,
      before: second.listMetadata.before!,
    });
    expect(back.data.map((c) => c.id)).toEqual([ids[6], ids[5], ids[4]]);
    const all = await (await workos.sso.listConnections({ organizationId: acme.id })).autoPagination();
    expect(all.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('refuses an unknown connection type, forgets a deleted connection and the connections of a deleted organization', async () => {
    const acme = await organization('Acme');
    const gone = await organization('Gone');
    const connection = emulator.seedConnection({ organization_id: acme.id, connection_type: 'OktaSAML' });
    emulator.seedConnection({ organization_id: gone.id, connection_type: 'OktaSAML' });
    expect(await rejectionOf(workos.sso.listConnections({ connectionType: 'Carrier pigeon' as never }))).toBeInstanceOf(
      UnprocessableEntityException,
    );

    await workos.organizations.deleteOrganization(gone.id);
    expect((await workos.sso.listConnections()).data.map((c) => c.id)).toEqual([connection.id]);
    await workos.sso.deleteConnection(connection.id);
    expect(await rejectionOf(workos.sso.getConnection(connection.id))).toBeInstanceOf(NotFoundException);
    expect(emulator.connections()).toEqual([]);
  });

  it('seeds connections over HTTP and explains a seed it cannot follow', async () => {
    const acme = await organization('Acme', ['acme.com']);
    const requests = emulator.stats().requests;
    const seeded = await admin('POST', 'connections', {
      organization_id: acme.id,
      connection_type: 'AzureSAML',
      state: 'inactive',
    });
    expect(seeded.status).toBe(201);
    expect(seeded.json).toMatchObject({
      object: 'connection',
      organization_id: acme.id,
      connection_type: 'AzureSAML',
      state: 'inactive',
    });
    expect((await admin('GET', 'connections')).json).toEqual([seeded.json]);

    expect(await admin('POST', 'connections', { organization_id: acme.id, connection_type: 'Okta' })).toMatchObject({
      status: 400,
      json: { message: expect.stringContaining('connection_type must be one of') },
    });
    expect(
      await admin('POST', 'connections', { organization_id: 'org_nobody', connection_type: 'OktaSAML' }),
    ).toMatchObject({
      status: 400,
      json: { message: "Organization not found: 'org_nobody'." },
    });
    expect((await admin('GET', 'stats')).json).toMatchObject({ requests });
  });
});

describe('Admin Portal links through the real SDK', () => {
  it('generates a fresh sso link for an organization, without writing anything', async () => {
    const acme = await organization('Acme');
    const before = emulator.snapshot();
    const { writes, committed } = emulator.stats();
    const { link } = await workos.adminPortal.generateLink({ organization: acme.id, intent: 'sso' });
    const again = await workos.adminPortal.generateLink({ organization: acme.id, intent: 'sso' });
    expect(link).toMatch(new RegExp(`^${emulator.url}/portal/launch\\?intent=sso&token=[\\w-]{20,}$`));
    expect(again.link).not.toBe(link);
    expect(emulator.snapshot()).toEqual(before);
    expect(emulator.stats()).toMatchObject({
      writes,
      committed,
      byRoute: { 'POST /portal/generate_link': { requests: 2, byStatus: { '201': 2 } } },
    });
  });

  it('answers 404 for an unknown organization and 422 for an unknown intent', async () => {
    expect(
      await rejectionOf(workos.adminPortal.generateLink({ organization: 'org_nobody', intent: 'sso' })),
    ).toBeInstanceOf(NotFoundException);
    const acme = await organization('Acme');
    expect(
      await rejectionOf(workos.adminPortal.generateLink({ organization: acme.id, intent: 'everything' as never })),
    ).toBeInstanceOf(UnprocessableEntityException);
  });
});

describe('src/workos/connections.ts', () => {
  it('lists every connection of an organization across pages, each page through the given read', async () => {
    const acme = await organization('Acme', ['acme.com']);
    const other = await organization('Other');
    for (let i = 0; i < 130; i++)
      emulator.seedConnection({
        organization_id: acme.id,
        connection_type: i === 0 ? 'OktaSAML' : 'GenericSAML',
        state: i === 0 ? 'active' : 'draft',
      });
    emulator.seedConnection({ organization_id: other.id, connection_type: 'OktaSAML' });
    let reads = 0;
    const read: PacedRead = (request) => {
      reads++;
      return request();
    };
    const connections = await listOrganizationConnections(workos, read, acme.id);
    expect(connections).toHaveLength(130);
    expect(connections[0]).toEqual({
      id: expect.stringMatching(/^conn_/),
      type: 'OktaSAML',
      state: 'active',
      domains: ['acme.com'],
    });
    expect(new Set(connections.map((c) => c.id)).size).toBe(130);
    expect(reads).toBe(2);
    expect(await listOrganizationConnections(workos, read, (await organization('None')).id)).toEqual([]);
  });

  it('generates a portal link through the given read', async () => {
    const acme = await organization('Acme');
    let reads = 0;
    const link = await generateSsoPortalLink(
      workos,
      (request) => {
        reads++;
        return request();
      },
      acme.id,
    );
    expect(link).toContain('/portal/launch?intent=sso&token=');
    expect(reads).toBe(1);
  });
});
