import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, type MappingConfig } from '../../../src/config/mapping-config.js';
import { readClerkOrganizations } from '../../../src/sources/clerk/organizations.js';
import { collectSourceRecords } from '../../../src/sources/index.js';
import { tempDirForFile } from '../../support/temp-dir.js';

const EXAMPLE = 'examples/clerk/organizations.json';
const dir = tempDirForFile('clerk-orgs-');

function readAll(path: string, config: MappingConfig = DEFAULT_MAPPING_CONFIG) {
  return collectSourceRecords(readClerkOrganizations({ path, config }));
}

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

const membership = (role: string, userId: string) => ({
  object: 'organization_membership',
  role,
  public_user_data: { user_id: userId },
});

describe('readClerkOrganizations', () => {
  it('reads the example: 3 organizations, 9 memberships, Clerk roles as WorkOS slugs, a user in two organizations', async () => {
    const { organizations, memberships, problems } = await readAll(EXAMPLE);
    expect(problems).toEqual([]);
    expect(organizations.map((o) => [o.sourceId, o.name, o.metadata, o.location.line])).toEqual([
      ['org_2lNorthwindTraders0000001', 'Northwind Traders', { clerk_slug: 'northwind' }, 3],
      ['org_2lBlueHarborLabs00000002', 'Blue Harbor Labs', { clerk_slug: 'blue-harbor' }, 18],
      ['org_2lSilverPineStudio0000003', 'Silver Pine Studio', { clerk_slug: 'silver-pine' }, 32],
    ]);
    expect(memberships).toHaveLength(9);
    expect(
      memberships
        .filter((m) => m.userSourceId === 'user_2lAmaraOkonkwo0000000001')
        .map((m) => [m.organizationSourceId, m.roles]),
    ).toEqual([
      ['org_2lNorthwindTraders0000001', ['admin']],
      ['org_2lBlueHarborLabs00000002', ['member']],
    ]);
    expect(new Set(memberships.flatMap((m) => m.roles))).toEqual(new Set(['admin', 'member']));
    expect(memberships.find((m) => m.organizationSourceId === 'org_2lSilverPineStudio0000003')!.location).toEqual({
      file: EXAMPLE,
      line: 32,
    });
  });

  it('maps roles and metadata through the config', async () => {
    const config: MappingConfig = {
      ...DEFAULT_MAPPING_CONFIG,
      roles: { 'org:member': 'viewer' },
      metadata: { users: {}, organizations: { plan: 'public_metadata.plan', crm: 'private_metadata.crm_id' } },
    };
    const { organizations, memberships } = await readAll(EXAMPLE, config);
    expect(organizations[0]!.metadata).toEqual({ clerk_slug: 'northwind', plan: 'enterprise', crm: 'NW-0042' });
    expect(organizations[2]!.metadata).toEqual({ clerk_slug: 'silver-pine' });
    expect(new Set(memberships.flatMap((m) => m.roles))).toEqual(new Set(['admin', 'viewer']));
  });

  it('reads Backend API pages ({data, total_count}, one after another) and a bare array', async () => {
    const page = (id: string, user: string) => ({
      data: [{ id, name: `Org ${id}`, slug: id, memberships: [membership('org:admin', user)] }],
      total_count: 2,
    });
    const pages = file(
      'pages.json',
      `${JSON.stringify(page('org_a', 'user_1'), null, 2)}\n${JSON.stringify(page('org_b', 'user_2'), null, 2)}\n`,
    );
    const fromPages = await readAll(pages);
    expect(fromPages.organizations.map((o) => o.sourceId)).toEqual(['org_a', 'org_b']);
    expect(fromPages.memberships.map((m) => [m.organizationSourceId, m.userSourceId, m.roles])).toEqual([
      ['org_a', 'user_1', ['admin']],
      ['org_b', 'user_2', ['admin']],
    ]);
    expect(fromPages.problems).toEqual([]);

    const bare = await readAll(
      file('bare.json', [{ id: 'org_c', name: 'C', public_metadata: { data: [1] }, memberships: [] }]),
    );
    expect(bare.organizations.map((o) => o.sourceId)).toEqual(['org_c']);
  });

  it('reports an organization that cannot be imported, and each of its memberships, once each', async () => {
    const path = file('invalid.json', {
      organizations: [
        { id: 'org_ok', name: 'Fine', memberships: [membership('org:member', 'user_1')] },
        { name: 'No Id', memberships: [membership('org:member', 'user_1'), membership('org:admin', 'user_2')] },
        {
          id: 'org_domain',
          name: 'Bad Domain',
          domains: ['example.com', 'not a domain'],
          memberships: [membership('org:member', 'user_3')],
        },
        { id: 'org_md', name: 'Too Much', slug: 'x'.repeat(601), memberships: [] },
      ],
    });
    const { organizations, memberships, problems } = await readAll(path);
    expect(organizations.map((o) => o.sourceId)).toEqual(['org_ok']);
    expect(memberships.map((m) => m.userSourceId)).toEqual(['user_1']);
    expect(problems.map((p) => [p.entity, p.sourceId, p.field, p.code])).toEqual([
      ['organization', undefined, 'id', 'missing_organization_id'],
      ['membership', undefined, 'memberships[0]', 'organization_not_imported'],
      ['membership', undefined, 'memberships[1]', 'organization_not_imported'],
      ['organization', 'org_domain', 'domains[1]', 'invalid_domain'],
      ['membership', 'org_domain:user_3', 'memberships[0]', 'organization_not_imported'],
      ['organization', 'org_md', 'metadata.clerk_slug', 'metadata_value_too_long'],
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reports a membership without a user, and warns when a role yields no slug', async () => {
    const path = file('members.json', {
      organizations: [
        {
          id: 'org_1',
          name: 'One',
          memberships: [
            { role: 'org:admin', public_user_data: {} },
            { role: 'org:', public_user_data: { user_id: 'user_2' } },
            { public_user_data: { user_id: 'user_3' } },
            'junk',
          ],
        },
      ],
    });
    const { memberships, problems } = await readAll(path);
    expect(memberships.map((m) => [m.userSourceId, m.roles])).toEqual([
      ['user_2', []],
      ['user_3', []],
    ]);
    expect(problems.map((p) => [p.sourceId, p.field, p.code, p.severity])).toEqual([
      [undefined, 'memberships[0].public_user_data.user_id', 'missing_user_id', 'error'],
      ['org_1:user_2', 'memberships[1].role', 'default_role', 'warning'],
      ['org_1:user_3', 'memberships[2].role', 'default_role', 'warning'],
      [undefined, 'memberships[3]', 'invalid_membership', 'error'],
    ]);
  });
});
