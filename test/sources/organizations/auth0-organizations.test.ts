import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, type MappingConfig } from '../../../src/config/mapping-config.js';
import { readAuth0Organizations } from '../../../src/sources/auth0/organizations.js';
import { collectSourceRecords } from '../../../src/sources/index.js';
import { tempDirForFile } from '../../support/temp-dir.js';

const EXAMPLE = 'examples/auth0/organizations.json';
const dir = tempDirForFile('auth0-orgs-');

function readAll(path: string, config: MappingConfig = DEFAULT_MAPPING_CONFIG) {
  return collectSourceRecords(readAuth0Organizations({ path, config }));
}

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

describe('readAuth0Organizations', () => {
  it('reads the example: display names, the slug as auth0_name, domains from metadata, roles by name', async () => {
    const { organizations, memberships, problems } = await readAll(EXAMPLE);
    expect(problems).toEqual([]);
    expect(organizations.map((o) => [o.sourceId, o.name, o.domains, o.metadata, o.location.line])).toEqual([
      [
        'org_Qm8tXvL2aB4cD6eF',
        'Acme Corporation',
        ['acme-corp.example.com', 'acme.example.org'],
        { auth0_name: 'acme-corp' },
        3,
      ],
      ['org_Rn9uYwM3bC5dE7fG', 'Globex Research', ['globex.example.com'], { auth0_name: 'globex' }, 15],
      ['org_So0vZxN4cD6eF8gH', 'Initech', [], { auth0_name: 'initech' }, 26],
    ]);
    expect(memberships).toHaveLength(10);
    expect(
      memberships
        .filter((m) => m.userSourceId === 'auth0|665f1c0e8a4b2d0019e3a101')
        .map((m) => [m.organizationSourceId, m.roles]),
    ).toEqual([
      ['org_Qm8tXvL2aB4cD6eF', ['admin']],
      ['org_Rn9uYwM3bC5dE7fG', ['member']],
    ]);
    // A member without roles gets the environment's default role.
    expect(memberships.find((m) => m.userSourceId === 'google-oauth2|104958372615009281302')!.roles).toEqual([]);
  });

  it('names only users that exist in the example user export', async () => {
    const userIds = new Set(
      readFileSync('examples/auth0/users.ndjson', 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { user_id: string }).user_id),
    );
    const { memberships } = await readAll(EXAMPLE);
    expect(memberships.filter((m) => !userIds.has(m.userSourceId))).toEqual([]);
  });

  it('maps roles by name, then id, and copies mapped metadata fields', async () => {
    const config: MappingConfig = {
      ...DEFAULT_MAPPING_CONFIG,
      roles: { Member: 'viewer', rol_A1dm1nR0l3xYz001: 'owner' },
      metadata: { users: {}, organizations: { tier: 'metadata.tier' } },
    };
    const { organizations, memberships } = await readAll(EXAMPLE, config);
    expect(organizations.map((o) => o.metadata)).toEqual([
      { auth0_name: 'acme-corp', tier: 'enterprise' },
      { auth0_name: 'globex', tier: 'team' },
      { auth0_name: 'initech' },
    ]);
    expect(memberships[0]!.roles).toEqual(['owner']);
    expect(memberships[1]!.roles).toEqual(['viewer']);
  });

  it('reads a bare array and one organization a line', async () => {
    const orgs = [
      {
        id: 'org_1',
        name: 'one',
        members: [{ user_id: 'auth0|1', roles: [{ id: 'rol_x', name: 'Billing Admin' }, 'Support'] }],
      },
      { id: 'org_2', display_name: 'Two', metadata: { domains: ['two.example.com'] } },
    ];
    const bare = await readAll(file('bare.json', orgs));
    const ndjson = await readAll(file('orgs.ndjson', orgs.map((o) => JSON.stringify(o)).join('\n')));
    for (const read of [bare, ndjson]) {
      expect(read.organizations.map((o) => [o.sourceId, o.name, o.domains, o.metadata])).toEqual([
        ['org_1', 'one', [], { auth0_name: 'one' }],
        ['org_2', 'Two', ['two.example.com'], {}],
      ]);
      expect(read.memberships.map((m) => m.roles)).toEqual([['billing-admin', 'support']]);
    }
    expect(ndjson.organizations[1]!.location.line).toBe(2);
  });

  it('reports an organization that cannot be imported, and each of its members, once each', async () => {
    const path = file('invalid.json', {
      organizations: [
        { id: 'org_nameless', members: [{ user_id: 'auth0|1' }] },
        {
          id: 'org_domains',
          name: 'd',
          metadata: { domains: 'ok.example.com, not_a_domain' },
          members: [{ user_id: 'auth0|2' }, { user_id: 'auth0|3' }],
        },
        { id: 'org_members', name: 'm', members: 'everyone' },
        {
          id: 'org_fine',
          name: 'fine',
          members: [{ roles: [{ name: 'Admin' }] }, { user_id: 'auth0|4', roles: [{ id: 'rol_nameless' }] }],
        },
      ],
    });
    const { organizations, memberships, problems } = await readAll(path);
    expect(organizations.map((o) => o.sourceId)).toEqual(['org_fine']);
    expect(memberships.map((m) => [m.userSourceId, m.roles])).toEqual([['auth0|4', []]]);
    expect(problems.map((p) => [p.entity, p.sourceId, p.field, p.code, p.severity])).toEqual([
      ['organization', 'org_nameless', 'display_name', 'missing_name', 'error'],
      ['membership', 'org_nameless:auth0|1', 'members[0]', 'organization_not_imported', 'error'],
      ['organization', 'org_domains', 'metadata.domains', 'invalid_domain', 'error'],
      ['membership', 'org_domains:auth0|2', 'members[0]', 'organization_not_imported', 'error'],
      ['membership', 'org_domains:auth0|3', 'members[1]', 'organization_not_imported', 'error'],
      ['organization', 'org_members', 'members', 'invalid_field_type', 'error'],
      ['membership', undefined, 'members[0].user_id', 'missing_user_id', 'error'],
      ['membership', 'org_fine:auth0|4', 'members[1].roles[0]', 'default_role', 'warning'],
    ]);
    expect(problems[2]!.message).toBe('Domain 2 in metadata.domains is not a domain name (like example.com).');
    expect(problems[5]!.message).toBe('The field members must be an array of member objects, not a string.');
  });

  it('reports a broken element at its line and reads on', async () => {
    const path = file(
      'broken.json',
      '{"organizations": [\n{"id": "org_1", "name": "one"},\n{"id": "org_2", "name": },\n{"id": "org_3", "name": "three"}\n]}\n',
    );
    const { organizations, problems } = await readAll(path);
    expect(organizations.map((o) => o.sourceId)).toEqual(['org_1', 'org_3']);
    expect(problems.map((p) => [p.location.line, p.code])).toEqual([[3, 'invalid_json']]);
  });
});
