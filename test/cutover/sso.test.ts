import { createHash } from 'node:crypto';
import type { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideCutover } from '../../src/cutover/decide.js';
import { passwordResetCsv, peopleEvidence } from '../../src/cutover/people.js';
import { renderSsoSetupCsv } from '../../src/cutover/render.js';
import { foundRecords, rollbackCoverage } from '../../src/cutover/rollback.js';
import { enterpriseMembers, gatherSsoEvidence } from '../../src/cutover/sso.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { PlannedUser } from '../../src/model/planned.js';
import { UserTally } from '../../src/model/user-tally.js';
import { connectionsReader } from '../../src/workos/connections.js';
import { sdkFor } from '../emulator/sdk-client.js';
import { readyEvidence } from './evidence-fixture.js';

describe('enterpriseMembers', () => {
  it('groups enterprise users by organization, in export order, and counts the ones in none', () => {
    const members = enterpriseMembers({
      users: [
        { sourceId: 'samlp|acme|1', enterpriseConnection: { type: 'samlp', connection: 'acme' } },
        { sourceId: 'waad|2', enterpriseConnection: { type: 'waad', connection: 'acme-azure' } },
        { sourceId: 'auth0|3' },
        { sourceId: 'adfs|4', enterpriseConnection: { type: 'adfs', connection: 'contoso' } },
      ],
      organizations: [
        { sourceId: 'org_plain', domains: [] },
        { sourceId: 'org_globex', domains: ['globex.com'] },
        { sourceId: 'org_acme', domains: ['acme.com'] },
      ],
      memberships: [
        { organizationSourceId: 'org_acme', userSourceId: 'samlp|acme|1' },
        { organizationSourceId: 'org_acme', userSourceId: 'waad|2' },
        { organizationSourceId: 'org_globex', userSourceId: 'waad|2' },
        { organizationSourceId: 'org_plain', userSourceId: 'auth0|3' },
      ],
      workosOrganizationId: (id) => (id === 'org_acme' ? 'org_01ACME' : undefined),
    });
    expect(members).toEqual({
      organizations: [
        { externalId: 'org_globex', domains: ['globex.com'], connectionTypes: ['waad'], users: 1 },
        {
          externalId: 'org_acme',
          workosId: 'org_01ACME',
          domains: ['acme.com'],
          connectionTypes: ['samlp', 'waad'],
          users: 2,
        },
      ],
      users: 2,
      usersWithoutOrganization: { contoso: 1 },
    });
  });

  it('attributes a connection to the organization holding most of its users, not to a partner some of them also belong to; counts people once', () => {
    const okta = (i: number) => ({
      sourceId: `okta|acme|${i}`,
      enterpriseConnection: { type: 'okta', connection: 'acme-okta' },
    });
    const members = enterpriseMembers({
      users: [okta(1), okta(2), okta(3), { sourceId: 'auth0|4' }],
      organizations: [
        { sourceId: 'org_acme', domains: ['acme.com'] },
        { sourceId: 'org_partner', domains: [] },
      ],
      memberships: [
        { organizationSourceId: 'org_acme', userSourceId: 'okta|acme|1' },
        { organizationSourceId: 'org_acme', userSourceId: 'okta|acme|2' },
        { organizationSourceId: 'org_acme', userSourceId: 'okta|acme|3' },
        { organizationSourceId: 'org_partner', userSourceId: 'okta|acme|1' },
        { organizationSourceId: 'org_partner', userSourceId: 'auth0|4' },
      ],
      workosOrganizationId: () => undefined,
    });
    expect(members.organizations.map((o) => [o.externalId, o.users])).toEqual([['org_acme', 3]]);
    expect(members).toMatchObject({ users: 3, usersWithoutOrganization: {} });
  });
});

describe('rollbackCoverage', () => {
  it('counts what the journal created, and what it does not know or knows under another id', () => {
    const found = foundRecords(
      new Map([
        ['user:auth0|1', 'user_A'],
        ['user:auth0|2', 'user_B'],
        ['organization:org_1', 'org_A'],
        ['membership:org_1:auth0|1', 'om_A'],
        ['user:auth0|3', 'user_C'],
      ]),
    );
    expect(found[3]).toEqual({ entity: 'membership', sourceId: 'org_1:auth0|1', workosId: 'om_A' });
    const journal = new Map([
      ['user auth0|1', { workos_id: 'user_A', status: 'created' as const }],
      ['user auth0|2', { workos_id: 'user_B', status: 'unchanged' as const }],
      ['organization org_1', { workos_id: 'org_A', status: 'created' as const }],
      ['membership org_1:auth0|1', { workos_id: 'om_OTHER', status: 'created' as const }],
    ]);
    expect(rollbackCoverage({ found, journal: (entity, id) => journal.get(`${entity} ${id}`) })).toEqual({
      journal: true,
      inWorkOS: 5,
      created: 2,
      unknown: 2,
    });
    expect(rollbackCoverage({ found, journal: undefined })).toEqual({
      journal: false,
      inWorkOS: 5,
      created: 0,
      unknown: 5,
    });
  });
});

describe('gatherSsoEvidence against the stand-in', () => {
  let emulator: Emulator;
  let workos: WorkOS;
  let reads = 0;
  const read = <T>(request: () => Promise<T>) => {
    reads++;
    return request();
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    workos = sdkFor(emulator);
  });
  afterAll(async () => emulator?.close());
  beforeEach(() => {
    emulator.reset();
    reads = 0;
  });

  async function setUp() {
    const acme = await workos.organizations.createOrganization({
      name: 'Acme',
      externalId: 'org_acme',
      domainData: [{ domain: 'acme.com', state: 'verified' as never }],
    });
    const globex = await workos.organizations.createOrganization({ name: 'Globex', externalId: 'org_globex' });
    emulator.seedConnection({ organization_id: acme.id, connection_type: 'OktaSAML', state: 'draft' });
    emulator.seedConnection({ organization_id: globex.id, connection_type: 'AzureSAML' });
    const members = {
      organizations: [
        { externalId: 'org_acme', workosId: acme.id, domains: ['acme.com'], connectionTypes: ['samlp'], users: 40 },
        { externalId: 'org_globex', workosId: globex.id, domains: [], connectionTypes: ['waad'], users: 3 },
        { externalId: 'org_missing', domains: [], connectionTypes: ['oidc'], users: 1 },
      ],
      usersWithoutOrganization: {},
    };
    return { acme, globex, members };
  }

  it('finds which organizations lack an active connection (a draft is not one), writing nothing', async () => {
    const { acme, globex, members } = await setUp();
    const before = emulator.snapshot();
    const { writes } = emulator.stats();
    const sso = await gatherSsoEvidence(members, connectionsReader(workos, read), { portalLinks: false });
    expect(sso.organizations).toEqual([
      {
        externalId: 'org_acme',
        workosId: acme.id,
        connectionTypes: ['samlp'],
        users: 40,
        domains: ['acme.com'],
        workosConnections: [{ type: 'OktaSAML', state: 'draft' }],
        activeConnection: false,
      },
      {
        externalId: 'org_globex',
        workosId: globex.id,
        connectionTypes: ['waad'],
        users: 3,
        domains: [],
        workosConnections: [{ type: 'AzureSAML', state: 'active' }],
        activeConnection: true,
      },
      {
        externalId: 'org_missing',
        connectionTypes: ['oidc'],
        users: 1,
        domains: [],
        workosConnections: [],
        activeConnection: false,
      },
    ]);
    // Connections of the two organizations in WorkOS, and the domains of the one that has some.
    expect(reads).toBe(3);
    expect(emulator.snapshot()).toEqual(before);
    expect(emulator.stats().writes).toBe(writes);

    const evidence = readyEvidence({ sso });
    expect(decideCutover(evidence).go).toBe(false);
    expect(renderSsoSetupCsv(evidence)).toBe(
      'organization_external_id,workos_organization_id,connection_types,users,domains\n' +
        `org_acme,${acme.id},samlp,40,acme.com\n` +
        'org_missing,,oidc,1,\n',
    );
  });

  it('counts a validating connection as set up, with a warning, and fails a domain WorkOS holds pending', async () => {
    const { acme, members } = await setUp();
    emulator.seedConnection({ organization_id: acme.id, connection_type: 'OktaSAML', state: 'validating' });
    const only = { ...members, organizations: members.organizations.slice(0, 2) };
    const validating = await gatherSsoEvidence(only, connectionsReader(workos, read), { portalLinks: false });
    expect(validating.organizations[0]).toMatchObject({ activeConnection: true, awaitingFirstSignIn: true });
    const go = decideCutover(readyEvidence({ sso: validating }));
    const sso = go.checks.find((c) => c.name === 'enterprise-sso')!;
    expect(go.go).toBe(true);
    expect(sso).toMatchObject({ ok: true, warning: true });
    expect(sso.detail).toContain(
      'org_acme that connection is validating: imported into WorkOS, awaiting its first sign-in',
    );

    await workos.organizations.updateOrganization({
      organization: acme.id,
      domainData: [{ domain: 'acme.com', state: 'pending' as never }],
    });
    const pending = await gatherSsoEvidence(only, connectionsReader(workos, read), { portalLinks: false });
    expect(pending.organizations[0]).toMatchObject({ unverifiedDomains: ['acme.com'] });
    const noGo = decideCutover(readyEvidence({ sso: pending }));
    expect(noGo.go).toBe(false);
    expect(noGo.checks.find((c) => c.name === 'enterprise-sso')!.detail).toContain(
      '1 organization with enterprise sign-in has a domain WorkOS does not hold verified: org_acme (acme.com)',
    );
  });

  it('makes a portal link for each organization in WorkOS that lacks one, and goes once it is active', async () => {
    const { acme, members } = await setUp();
    const sso = await gatherSsoEvidence(members, connectionsReader(workos, read), { portalLinks: true });
    expect(sso.organizations.map((o) => o.portalLink)).toEqual([
      expect.stringContaining('/portal/launch?intent=sso&token='),
      undefined,
      undefined,
    ]);
    expect(emulator.stats().byRoute['POST /portal/generate_link']).toMatchObject({ requests: 1 });

    emulator.seedConnection({ organization_id: acme.id, connection_type: 'OktaSAML' });
    const only = { ...members, organizations: members.organizations.slice(0, 2) };
    const after = await gatherSsoEvidence(only, connectionsReader(workos, read), { portalLinks: true });
    expect(after.organizations.every((o) => o.activeConnection && o.portalLink === undefined)).toBe(true);
    expect(decideCutover(readyEvidence({ sso: after })).go).toBe(true);
  });
});

describe('password-reset.csv', () => {
  const user = (sourceId: string, extra: Partial<PlannedUser>): PlannedUser => ({
    sourceId,
    mergedSourceIds: [],
    input: { email: `${sourceId.replace(/\W/g, '')}@acme.com`, emailVerified: true, externalId: sourceId },
    digest: 'd',
    location: { file: 'users.ndjson', line: 1 },
    passwordGap: 'missing',
    mfaFactors: [],
    socialProviders: [],
    ...extra,
  });
  const users = [
    user('auth0|1', { passwordGap: 'none' }),
    user('auth0|2', {}),
    user('auth0|3', { passwordGap: 'unsupported' }),
    user('google-oauth2|4', { socialProviders: ['google-oauth2'] }),
    user('samlp|acme|ann@acme.com', { enterpriseConnection: { type: 'samlp', connection: 'acme' } }),
    user('email|ben@acme.com', {}),
  ];

  it('lists users without a usable password and no social or enterprise way in, with no email unless include-pii', () => {
    const csv = passwordResetCsv(users, false);
    expect(csv).toBe(
      'reason,source_id\n' +
        'no_password_hash,auth0|2\n' +
        'hash_not_importable,auth0|3\n' +
        `no_password_hash,sha256:${createHash('sha256').update('email|ben@acme.com').digest('hex')}\n`,
    );
    expect(passwordResetCsv(users, true).split('\n')[3]).toBe(
      'no_password_hash,email|ben@acme.com,emailbenacmecom@acme.com',
    );
    expect(peopleEvidence(tallyOf(users), {})).toEqual({
      reenroll: 0,
      passwordReset: 3,
      files: {},
      socialProviders: { 'google-oauth2': 1 },
    });
  });
});

function tallyOf(users: readonly PlannedUser[]): UserTally {
  const tally = new UserTally();
  for (const user of users) tally.add(user, 1);
  return tally;
}
