import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { cli, journalEntries, readReport, sdkFor, shown, tempDir } from './story-support.js';

// A Clerk instance with two custom roles (billing managers and auditors, each with its own
// permissions) and domains Clerk verified moves into a fresh WorkOS environment: the roles are
// made first, named as in Clerk, every membership gets its role and the verified domains stay
// verified. Run again, nothing is written; run again without the checkpoint, no role is made
// twice; rolled back, what the import made is gone, and the roles it made are named.

const ACME = 'org_2lAcmeRoles000000000001';
const GLOBEX = 'org_2lGlobexRoles00000000002';
const USERS = ['user_2lRoleAda000000000001', 'user_2lRoleBen000000000002', 'user_2lRoleCyd000000000003'];

const BILLING = ['org:invoices:create', 'org:invoices:read', 'org:sys_memberships:read'];
const AUDITOR = ['org:invoices:read', 'org:reports:read'];

function member(userId: string, role: string, roleName: string, permissions: string[]) {
  return {
    object: 'organization_membership',
    role,
    role_name: roleName,
    permissions,
    public_user_data: { user_id: userId },
  };
}

const ORGANIZATIONS = {
  organizations: [
    {
      id: ACME,
      name: 'Acme Roles',
      slug: 'acme-roles',
      domains: [
        { object: 'organization_domain', name: 'acme-roles.example', verification: { status: 'verified' } },
        { object: 'organization_domain', name: 'acme-lab.example', verification: { status: 'unverified' } },
      ],
      memberships: [
        member(USERS[0]!, 'org:admin', 'Admin', []),
        member(USERS[1]!, 'org:billing_manager', 'Billing Manager', BILLING),
        member(USERS[2]!, 'org:auditor', 'Compliance Auditor', AUDITOR),
      ],
    },
    {
      id: GLOBEX,
      name: 'Globex Roles',
      slug: 'globex-roles',
      domains: [{ name: 'globex-roles.example', verification: { status: 'verified' } }],
      memberships: [
        member(USERS[0]!, 'org:billing_manager', 'Billing Manager', BILLING),
        member(USERS[2]!, 'org:member', 'Member', []),
      ],
    },
  ],
};

const HEADER =
  'id,first_name,last_name,username,primary_email_address,primary_phone_number,verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,password_digest,password_hasher';

let emulator: Emulator;
const files = tempDir('roles-files');
const dirs: string[] = [files];
const usersFile = join(files, 'users.csv');
const orgsFile = join(files, 'organizations.json');

function flags(): string[] {
  return ['--source', 'clerk', '--users', usersFile, '--organizations', orgsFile, '--api-url', emulator.url];
}

async function run(mode: string, extra: string[] = []) {
  const out = tempDir(`roles-${mode}`);
  dirs.push(out);
  const result = await cli([mode, ...(mode === 'rollback' ? [] : flags()), '--out', out, ...extra]);
  return { result, out, report: readReport(out) };
}

function heldMemberships(): string[] {
  const held = emulator.snapshot();
  const orgs = new Map(held.organizations.map((o) => [o.id, o.external_id]));
  const users = new Map(held.users.map((u) => [u.id, u.external_id]));
  return held.memberships
    .map((m) => `${orgs.get(m.organization_id)} ${users.get(m.user_id)} ${m.roles.map((r) => r.slug).join(',')}`)
    .sort();
}

const EXPECTED_MEMBERSHIPS = [
  `${ACME} ${USERS[0]} admin`,
  `${ACME} ${USERS[1]} billing_manager`,
  `${ACME} ${USERS[2]} auditor`,
  `${GLOBEX} ${USERS[0]} billing_manager`,
  `${GLOBEX} ${USERS[2]} member`,
].sort();

beforeAll(async () => {
  emulator = await startEmulator();
  writeFileSync(
    usersFile,
    [HEADER, ...USERS.map((id, i) => `${id},U${i},R,,u${i}@roles.example,,u${i}@roles.example,,,,,,`), ''].join('\n'),
  );
  writeFileSync(orgsFile, JSON.stringify(ORGANIZATIONS));
});

afterAll(async () => {
  await emulator?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a Clerk export with custom roles and verified domains', () => {
  const state = tempDir('roles-state');
  dirs.push(state);

  it('plans the two roles the environment lacks (changes.roles) before any write', async () => {
    const { result, report } = await run('plan');
    expect(result.code, shown(result)).toBe(0);
    expect(report.summary.changes?.roles).toMatchObject({ create: 2, unchanged: 2 });
    expect(report.errors.map((e) => e.code)).not.toContain('unknown_role');
    expect(emulator.snapshot().users).toHaveLength(0);
  });

  it('imports exactly: the roles named as in Clerk with their permissions, every membership with its role', async () => {
    const { result, report } = await run('import', ['--state', state]);
    expect(result.code, shown(result)).toBe(0);
    expect(report.errors.map((e) => e.code)).not.toContain('unknown_role');
    expect(report.summary.memberships).toMatchObject({ total: 5, created: 5, failed: 0, invalid: 0 });
    expect(report.summary.roles).toEqual({ created: 2, existing: 0, failed: 0, permissionsCreated: 4 });
    expect(heldMemberships()).toEqual(EXPECTED_MEMBERSHIPS);

    const roles = (await sdkFor(emulator).authorization.listEnvironmentRoles()).data;
    const bySlug = new Map(roles.map((r) => [r.slug, r]));
    expect(bySlug.get('billing_manager')).toMatchObject({
      name: 'Billing Manager',
      permissions: ['invoices:create', 'invoices:read', 'sys_memberships:read'],
    });
    expect(bySlug.get('auditor')).toMatchObject({
      name: 'Compliance Auditor',
      permissions: ['invoices:read', 'reports:read'],
    });
    expect(roles).toHaveLength(4);
    expect(journalEntries(state).filter((e) => e.entity === 'role')).toHaveLength(2);
  });

  it('keeps the domains Clerk verified verified, the others pending', () => {
    const orgs = new Map(emulator.snapshot().organizations.map((o) => [o.external_id, o]));
    const states = (id: string) => Object.fromEntries(orgs.get(id)!.domains.map((d) => [d.domain, d.state]));
    expect(states(ACME)).toEqual({ 'acme-roles.example': 'verified', 'acme-lab.example': 'pending' });
    expect(states(GLOBEX)).toEqual({ 'globex-roles.example': 'verified' });
  });

  it('writes nothing when run again', async () => {
    const before = emulator.stats().writes;
    const { result, report } = await run('import', ['--state', state]);
    expect(result.code, shown(result)).toBe(0);
    expect(report.summary.requests?.writes).toBe(0);
    expect(emulator.stats().writes).toBe(before);
    expect(report.summary.roles).toBeUndefined();
  });

  it('makes no second role when run with a fresh checkpoint', async () => {
    const fresh = tempDir('roles-fresh');
    dirs.push(fresh);
    const { result, report } = await run('import', ['--state', fresh]);
    expect(result.code, shown(result)).toBe(0);
    expect(report.summary.requests?.writes).toBe(0);
    const roles = (await sdkFor(emulator).authorization.listEnvironmentRoles()).data;
    expect(roles.map((r) => r.slug).sort()).toEqual(['admin', 'auditor', 'billing_manager', 'member']);
  });

  it('repairs a domain that lost its verification like any other drift', async () => {
    const workos = sdkFor(emulator);
    const acme = emulator.snapshot().organizations.find((o) => o.external_id === ACME)!;
    await workos.organizations.updateOrganization({
      organization: acme.id,
      domainData: [{ domain: 'acme-roles.example', state: 'pending' as never }],
    });
    const plan = await run('plan');
    expect(plan.report.summary.changes?.organizations).toMatchObject({ update: 1 });
    const { result } = await run('import', ['--state', state]);
    expect(result.code, shown(result)).toBe(0);
    const domains = emulator.snapshot().organizations.find((o) => o.external_id === ACME)!.domains;
    expect(Object.fromEntries(domains.map((d) => [d.domain, d.state]))).toEqual({
      'acme-roles.example': 'verified',
      'acme-lab.example': 'pending',
    });
  });

  it('rolls back what it made: permissions deleted, the roles it created named for the dashboard', async () => {
    const { result, out } = await run('rollback', ['--state', state, '--confirm', '--api-url', emulator.url]);
    expect(result.code, shown(result)).toBe(0);
    expect(emulator.snapshot().memberships).toHaveLength(0);
    const permissions = await (await sdkFor(emulator).authorization.listPermissions()).autoPagination();
    expect(permissions).toHaveLength(0);
    expect(result.stdout + result.stderr).toMatch(/auditor, billing_manager/);
    const rollbackCsv = readFileSync(join(out, 'rollback.csv'), 'utf8');
    expect(rollbackCsv).toMatch(/^role,billing_manager,role_\w+,delete_in_dashboard,/m);
  });
});

describe('with policies.missingRoles: report', () => {
  it('creates no role and reports the memberships as unknown_role, as before', async () => {
    emulator.reset();
    const config = join(files, 'report.yml');
    writeFileSync(config, 'policies:\n  missingRoles: report\n');
    const { result, report } = await run('import', ['--config', config]);
    expect(result.code, shown(result)).toBe(0);
    expect(report.errors.filter((e) => e.code === 'unknown_role')).toHaveLength(3);
    const roles = (await sdkFor(emulator).authorization.listEnvironmentRoles()).data;
    expect(roles.map((r) => r.slug).sort()).toEqual(['admin', 'member']);
  });
});

describe('webhooks named before they fire', () => {
  it('plan and import say how many deliveries the enabled endpoints will get, before any write', async () => {
    emulator.reset();
    emulator.seedWebhookEndpoint({ events: ['user.created', 'organization_membership.created'] });
    emulator.seedWebhookEndpoint({ events: ['organization.created', 'role.created'] });
    emulator.seedWebhookEndpoint({ status: 'disabled', events: ['user.created'] });
    const events = {
      'user.created': 3,
      'organization.created': 2,
      'organization_membership.created': 5,
      'role.created': 2,
      'permission.created': 4,
    };

    const plan = await run('plan');
    expect(plan.result.code, shown(plan.result)).toBe(0);
    expect(plan.report.summary.webhooks).toEqual({ endpoints: 2, deliveries: 3 + 5 + 2 + 2, events });
    expect(plan.result.stdout + plan.result.stderr).toContain(
      'An import now would send about 12 webhook deliveries to 2 enabled endpoint(s)',
    );

    const { result, out, report } = await run('import');
    expect(result.code, shown(result)).toBe(0);
    expect(report.summary.webhooks).toEqual({ endpoints: 2, deliveries: 12, events });
    const printed = result.stdout + result.stderr;
    const warning = printed.indexOf('This import sends about 12 webhook deliveries to 2 enabled endpoint(s)');
    expect(warning, printed).toBeGreaterThan(-1);
    // Said before the first write: the roles are the first thing import creates.
    expect(warning, printed).toBeLessThan(printed.indexOf('Creating 2 role(s)'));
    const markdown = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(markdown).toContain('This import sends about 12 webhook deliveries to 2 enabled endpoint(s)');
    expect(markdown).toContain('Webhooks during an import');

    const again = await run('import');
    expect(again.report.summary.webhooks).toEqual({ endpoints: 0, deliveries: 0, events: {} });
    expect(readFileSync(join(again.out, 'summary.md'), 'utf8')).not.toContain('webhook deliveries');
  });
});

describe('cutover judges domains and validating connections', () => {
  const INITRODE = 'org_initrode';
  const auth0Users = join(files, 'auth0-users.ndjson');
  const auth0Orgs = join(files, 'auth0-orgs.json');
  const state = tempDir('roles-cutover-state');
  dirs.push(state);
  const auth0 = () => ['--source', 'auth0', '--users', auth0Users, '--organizations', auth0Orgs];

  async function cutover() {
    const out = tempDir('roles-cutover');
    dirs.push(out);
    const result = await cli(['cutover', ...auth0(), '--state', state, '--out', out, '--api-url', emulator.url]);
    const verdict = JSON.parse(readFileSync(join(out, 'cutover.json'), 'utf8')) as {
      go: boolean;
      checks: { name: string; ok: boolean; detail: string }[];
    };
    return { result, verdict, sso: verdict.checks.find((c) => c.name === 'enterprise-sso')!, out };
  }

  it('fails while the domain is pending, passes with a warning once verified and the connection validates', async () => {
    emulator.reset();
    writeFileSync(
      auth0Users,
      `${JSON.stringify({
        user_id: 'samlp|initrode-okta|pat',
        email: 'pat@initrode.example',
        email_verified: true,
        identities: [{ connection: 'initrode-okta', provider: 'samlp', user_id: 'initrode-okta|pat', isSocial: false }],
      })}\n`,
    );
    writeFileSync(
      auth0Orgs,
      JSON.stringify({
        organizations: [
          {
            id: INITRODE,
            name: 'initrode',
            display_name: 'Initrode',
            metadata: { domains: 'initrode.example' },
            members: [{ user_id: 'samlp|initrode-okta|pat', roles: [{ name: 'Member' }] }],
          },
        ],
      }),
    );
    const imported = await cli(['import', ...auth0(), '--state', state, '--api-url', emulator.url]);
    expect(imported.code, shown(imported)).toBe(0);
    const org = emulator.snapshot().organizations.find((o) => o.external_id === INITRODE)!;
    expect(org.domains.map((d) => d.state)).toEqual(['pending']);
    emulator.seedConnection({ organization_id: org.id, connection_type: 'OktaSAML', state: 'validating' });

    const pending = await cutover();
    expect(pending.result.code, shown(pending.result)).toBe(1);
    expect(pending.sso.ok).toBe(false);
    expect(pending.sso.detail).toContain('has a domain WorkOS does not hold verified: org_initrode (initrode.example)');

    await sdkFor(emulator).organizations.updateOrganization({
      organization: org.id,
      domainData: [{ domain: 'initrode.example', state: 'verified' as never }],
    });
    const ready = await cutover();
    expect(ready.result.code, shown(ready.result)).toBe(0);
    expect(ready.verdict.go).toBe(true);
    expect(ready.sso.ok).toBe(true);
    expect(ready.sso.detail).toContain('awaiting its first sign-in');
    expect(readFileSync(join(ready.out, 'cutover.md'), 'utf8')).toContain('⚠️ pass, see detail');
  });
});
