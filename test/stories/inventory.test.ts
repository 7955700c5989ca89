import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth0Configuration } from '../../src/emulator/auth0/configuration.js';
import { startAuth0StandIn, type Auth0StandIn } from '../../src/emulator/auth0/server.js';
import { startClerkStandIn } from '../../src/emulator/clerk/server.js';
import { runCliProcess } from '../support/cli.js';
import { shown, tempDir } from './story-support.js';

// Before the cutover plan is approved, the team runs `inventory --source auth0` against its
// tenant. The tenant has every kind of dependency, and the Management API hands back secrets
// with them (client secrets, rule and action code, action secrets, database scripts and their
// configuration, social client secrets, log-stream keys). The inventory must list each enabled
// item with its class, the unambiguous ones right, mark the unused ones, and hold no secret.

const CLIENT = { id: 'inventory-m2m', secret: 'SECRET_m2m_client_secret_91c' };

/** Every secret planted in the tenant's answers: none may reach an output. */
const SECRETS = [
  'SECRET_db_script_login_7f2',
  'SECRET_db_configuration_password_5e1',
  'SECRET_google_client_secret_0aa',
  'SECRET_facebook_client_secret_3b4',
  'SECRET_saml_signing_key_8d8',
  'SECRET_twilio_auth_token_c3c',
  'SECRET_rule_script_api_key_1d9',
  'SECRET_old_rule_script_2d9',
  'SECRET_action_code_token_6a6',
  'SECRET_action_secret_value_4f4',
  'SECRET_hook_script_9e9',
  'SECRET_datadog_api_key_7c7',
  'SECRET_http_authorization_2b2',
  'SECRET_client_secret_web_5a5',
  'SECRET_client_secret_m2m_6b6',
  'SECRET_global_client_secret_7d7',
  'SECRET_resource_server_signing_8e8',
  CLIENT.secret,
];

const FACTORS = [
  'push-notification',
  'sms',
  'email',
  'duo',
  'otp',
  'webauthn-roaming',
  'webauthn-platform',
  'recovery-code',
];

const configuration: Auth0Configuration = {
  connections: [
    {
      id: 'con_db',
      name: 'Username-Password-Authentication',
      strategy: 'auth0',
      enabled_clients: ['app_web'],
      options: { brute_force_protection: true, passwordPolicy: 'good' },
    },
    {
      id: 'con_legacy',
      name: 'legacy-users',
      strategy: 'auth0',
      enabled_clients: ['app_web'],
      options: {
        enabledDatabaseCustomization: true,
        import_mode: true,
        customScripts: { login: 'function login(email, password, cb) { /* SECRET_db_script_login_7f2 */ }' },
        configuration: { DB_PASSWORD: 'SECRET_db_configuration_password_5e1' },
      },
    },
    {
      id: 'con_google',
      name: 'google-oauth2',
      strategy: 'google-oauth2',
      enabled_clients: ['app_web'],
      options: { client_id: 'google-id', client_secret: 'SECRET_google_client_secret_0aa' },
    },
    {
      id: 'con_facebook',
      name: 'facebook',
      strategy: 'facebook',
      enabled_clients: [],
      options: { client_secret: 'SECRET_facebook_client_secret_3b4' },
    },
    {
      id: 'con_saml',
      name: 'acme-okta',
      strategy: 'samlp',
      enabled_clients: ['app_web'],
      options: { signingKey: { key: 'SECRET_saml_signing_key_8d8' } },
    },
    { id: 'con_email', name: 'email', strategy: 'email', enabled_clients: ['app_web'], options: {} },
    {
      id: 'con_sms',
      name: 'sms',
      strategy: 'sms',
      enabled_clients: ['app_web'],
      options: { twilio_sid: 'AC123', twilio_token: 'SECRET_twilio_auth_token_c3c' },
    },
  ],
  rules: [
    {
      id: 'rul_1',
      name: 'add-roles-to-token',
      enabled: true,
      order: 1,
      stage: 'login_success',
      script: 'function (user, context, callback) { const key = "SECRET_rule_script_api_key_1d9"; }',
    },
    { id: 'rul_2', name: 'old-geo-block', enabled: false, order: 2, script: '/* SECRET_old_rule_script_2d9 */' },
  ],
  actions: [
    {
      id: 'act_1',
      name: 'enrich-claims',
      supported_triggers: [{ id: 'post-login', version: 'v3' }],
      code: 'exports.onExecutePostLogin = async () => { "SECRET_action_code_token_6a6" };',
      secrets: [{ name: 'CRM_KEY', value: 'SECRET_action_secret_value_4f4' }],
      status: 'built',
    },
    {
      id: 'act_2',
      name: 'draft-welcome-mail',
      supported_triggers: [{ id: 'post-user-registration', version: 'v2' }],
      code: '// draft',
      status: 'built',
    },
  ],
  bindings: { 'post-login': ['act_1'] },
  hooks: [
    {
      id: 'hook_1',
      name: 'm2m-scopes',
      triggerId: 'credentials-exchange',
      enabled: true,
      script: 'module.exports = function () { "SECRET_hook_script_9e9" }',
    },
  ],
  customDomains: [
    {
      custom_domain_id: 'cd_1',
      domain: 'login.acme.test',
      primary: true,
      status: 'ready',
      type: 'auth0_managed_certs',
    },
  ],
  guardianFactors: FACTORS.map((name) => ({
    name,
    enabled: name === 'otp' || name === 'sms' || name === 'webauthn-roaming',
    trial_expired: false,
  })),
  branding: { colors: { primary: '#0059d6' }, logo_url: 'https://cdn.acme.test/logo.png' },
  logStreams: [
    {
      id: 'lst_1',
      name: 'datadog',
      type: 'datadog',
      status: 'active',
      sink: { datadogApiKey: 'SECRET_datadog_api_key_7c7', datadogRegion: 'us' },
    },
    {
      id: 'lst_2',
      name: 'siem-webhook',
      type: 'http',
      status: 'paused',
      sink: { httpEndpoint: 'https://siem.acme.test/in', httpAuthorization: 'Bearer SECRET_http_authorization_2b2' },
    },
  ],
  clients: [
    { client_id: 'app_web', name: 'Acme Web', app_type: 'regular_web', client_secret: 'SECRET_client_secret_web_5a5' },
    {
      client_id: 'app_m2m',
      name: 'Billing worker',
      app_type: 'non_interactive',
      client_secret: 'SECRET_client_secret_m2m_6b6',
    },
    { client_id: 'glob', name: 'All Applications', global: true, client_secret: 'SECRET_global_client_secret_7d7' },
  ],
  resourceServers: [
    { id: 'rs_sys', name: 'Auth0 Management API', identifier: 'https://tenant/api/v2/', is_system: true },
    {
      id: 'rs_1',
      name: 'Acme API',
      identifier: 'https://api.acme.test',
      signing_secret: 'SECRET_resource_server_signing_8e8',
    },
  ],
  roles: [
    { id: 'rol_1', name: 'admin', description: 'Administrators' },
    { id: 'rol_2', name: 'billing', description: 'Billing team' },
  ],
};

let auth0: Auth0StandIn;
let restricted: Auth0StandIn;
const dirs: string[] = [];
const out = (name: string) => {
  const dir = tempDir(name);
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  const organizations = [
    { id: 'org_1', name: 'acme', display_name: 'Acme' },
    { id: 'org_2', name: 'globex', display_name: 'Globex' },
  ];
  auth0 = await startAuth0StandIn({
    users: [],
    organizations,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    configuration,
  });
  restricted = await startAuth0StandIn({
    users: [],
    organizations,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    configuration: { ...configuration, forbidden: ['rules', 'log-streams'] },
  });
});
afterAll(async () => {
  await auth0?.close();
  await restricted?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const env = (url: string) => ({ AUTH0_API_URL: url, AUTH0_CLIENT_ID: CLIENT.id, AUTH0_CLIENT_SECRET: CLIENT.secret });

interface Item {
  kind: string;
  name: string;
  enabled: boolean;
  classification: string;
  replacement: string;
  action: string;
  docs: string;
}

function readInventory(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'inventory.json'), 'utf8')) as {
    counts: Record<string, number>;
    items: Item[];
    unread: { kind: string; scope: string }[];
  };
}

describe('inventory --source auth0', () => {
  it('classifies every enabled item, the unambiguous ones right, marks the unused, and writes no secret', async () => {
    const dir = out('inventory');
    const run = await runCliProcess(['inventory', '--source', 'auth0', '--out', dir], env(auth0.url));
    expect(run.code, shown(run)).toBe(0);
    const { items, counts } = readInventory(dir);
    const item = (kind: string, name: string) => {
      const found = items.find((i) => i.kind === kind && i.name === name);
      expect(found, `${kind} ${name} in ${JSON.stringify(items.map((i) => `${i.kind}:${i.name}`))}`).toBeDefined();
      return found!;
    };
    const classOf = (kind: string, name: string) => {
      const found = item(kind, name);
      return `${found.classification}${found.enabled ? '' : ' (unused)'}`;
    };
    // The unambiguous ones.
    expect(classOf('connection', 'Username-Password-Authentication')).toBe('portable');
    expect(classOf('mfa_factor', 'otp')).toBe('portable');
    expect(classOf('rule', 'add-roles-to-token')).toBe('redesign');
    expect(classOf('action', 'enrich-claims')).toBe('redesign');
    expect(classOf('hook', 'm2m-scopes')).toBe('redesign');
    expect(classOf('connection', 'legacy-users')).toBe('redesign');
    expect(item('mfa_factor', 'sms').classification).not.toBe('portable');
    expect(item('connection', 'sms').classification).not.toBe('portable');
    // The rest of the tenant, each kind present.
    expect(classOf('connection', 'google-oauth2')).toBe('replaceable');
    expect(classOf('connection', 'acme-okta')).toBe('replaceable');
    expect(classOf('connection', 'email')).toBe('replaceable');
    expect(classOf('mfa_factor', 'webauthn-roaming')).toBe('replaceable');
    expect(classOf('custom_domain', 'login.acme.test')).toBe('replaceable');
    expect(classOf('branding', 'Universal Login branding')).toBe('replaceable');
    expect(classOf('log_stream', 'datadog')).toBe('replaceable');
    expect(classOf('application', 'Acme Web')).toBe('replaceable');
    expect(classOf('application', 'Billing worker')).toBe('replaceable');
    expect(classOf('api', 'Acme API')).toBe('replaceable');
    expect(classOf('role', 'admin')).toBe('portable');
    expect(classOf('organizations', '2 organization(s)')).toBe('portable');
    // Unused: listed as such.
    expect(item('rule', 'old-geo-block').enabled).toBe(false);
    expect(item('action', 'draft-welcome-mail').enabled).toBe(false);
    expect(item('connection', 'facebook').enabled).toBe(false);
    expect(item('log_stream', 'siem-webhook').enabled).toBe(false);
    // Not dependencies: disabled factors, the tenant-wide settings entry, Auth0's own API.
    expect(
      items
        .filter((i) => i.kind === 'mfa_factor')
        .map((i) => i.name)
        .sort(),
    ).toEqual(['otp', 'sms', 'webauthn-roaming']);
    expect(items.some((i) => i.name === 'All Applications' || i.name === 'Auth0 Management API')).toBe(false);
    for (const i of items) {
      expect(['portable', 'replaceable', 'redesign']).toContain(i.classification);
      expect(i.docs).toMatch(/^https:\/\/workos\.com\/docs\//);
      expect(i.replacement.length * i.action.length).toBeGreaterThan(0);
    }
    expect(counts).toEqual({
      portable: items.filter((i) => i.enabled && i.classification === 'portable').length,
      replaceable: items.filter((i) => i.enabled && i.classification === 'replaceable').length,
      redesign: items.filter((i) => i.enabled && i.classification === 'redesign').length,
      unused: 4,
    });
    expect(run.stdout).toContain(
      `${counts.redesign} redesign, ${counts.replaceable} replaceable, ${counts.portable} portable, 4 unused`,
    );
    const markdown = readFileSync(join(dir, 'inventory.md'), 'utf8');
    expect(markdown).toContain('### Redesign');
    expect(markdown).toContain('add-roles-to-token');

    const outputs = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
    for (const text of outputs) for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(outputs.join('\n')).not.toContain('SECRET_');
  });

  it('lists what the credentials may not read, with the scope to grant, and goes on', async () => {
    const dir = out('inventory-scopes');
    const run = await runCliProcess(['inventory', '--source', 'auth0', '--out', dir], env(restricted.url));
    expect(run.code, shown(run)).toBe(0);
    const report = readInventory(dir);
    expect(report.unread).toEqual([
      expect.objectContaining({ kind: 'rule', scope: 'read:rules' }),
      expect.objectContaining({ kind: 'log_stream', scope: 'read:log_streams' }),
    ]);
    expect(report.items.some((i) => i.kind === 'rule' || i.kind === 'log_stream')).toBe(false);
    expect(report.items.some((i) => i.kind === 'action')).toBe(true);
    expect(run.stdout).toContain('grant read:rules');
    expect(readFileSync(join(dir, 'inventory.md'), 'utf8')).toContain('**Incomplete:**');
  });

  it('exits 2 naming the read scopes when credentials are missing', async () => {
    const run = await runCliProcess(['inventory', '--source', 'auth0', '--out', out('inventory-none')], {
      AUTH0_API_URL: auth0.url,
    });
    expect(run.code, shown(run)).toBe(2);
    expect(run.stderr).toContain('inventory --source auth0 needs AUTH0_CLIENT_ID');
    expect(run.stderr).toContain('read:rules');
  });
});

describe('inventory --source clerk', () => {
  it('lists SAML connections, organization roles, JWT templates, domains and OAuth applications, with no secret', async () => {
    const clerkSecrets = [
      'SECRET_clerk_oauth_client_secret_1a1',
      'SECRET_clerk_jwt_signing_key_2b2',
      'SECRET_clerk_idp_cert_3c3',
    ];
    const secretKey = 'sk_test_SECRET_clerk_key_4d4';
    const clerk = await startClerkStandIn({
      users: [],
      secretKey,
      configuration: {
        samlConnections: [
          {
            id: 'samlc_1',
            name: 'Acme Okta',
            domain: 'acme.test',
            provider: 'saml_okta',
            active: true,
            idp_certificate: clerkSecrets[2],
          },
          { id: 'samlc_2', name: 'Old Entra', domain: 'old.test', provider: 'saml_microsoft', active: false },
        ],
        organizationRoles: [
          { id: 'role_1', key: 'org:admin', name: 'Admin' },
          { id: 'role_2', key: 'org:billing', name: 'Billing' },
        ],
        organizationSettings: { object: 'organization_settings', enabled: true },
        jwtTemplates: [
          {
            id: 'jtmp_1',
            name: 'hasura',
            claims: { role: '{{user.public_metadata.role}}' },
            signing_key: clerkSecrets[1],
          },
        ],
        domains: [{ id: 'dmn_1', name: 'auth.acme.test', is_satellite: false }],
        oauthApplications: [{ id: 'oa_1', name: 'Partner portal', client_id: 'pp', client_secret: clerkSecrets[0] }],
      },
    });
    try {
      const dir = out('inventory-clerk');
      const run = await runCliProcess(['inventory', '--source', 'clerk', '--out', dir], {
        CLERK_API_URL: clerk.url,
        CLERK_SECRET_KEY: secretKey,
      });
      expect(run.code, shown(run)).toBe(0);
      const { items } = readInventory(dir);
      const summary = items.map((i) => `${i.kind}:${i.name}:${i.classification}${i.enabled ? '' : ':unused'}`).sort();
      expect(summary).toEqual([
        'application:Partner portal:replaceable',
        'connection:Acme Okta:replaceable',
        'connection:Old Entra:replaceable:unused',
        'custom_domain:auth.acme.test:replaceable',
        'jwt_template:hasura:replaceable',
        'organizations:Organizations:portable',
        'role:org:admin:portable',
        'role:org:billing:portable',
        'webhooks:Webhook endpoints (Svix):replaceable',
      ]);
      const outputs = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
      for (const text of outputs) for (const secret of [...clerkSecrets, secretKey]) expect(text).not.toContain(secret);
    } finally {
      await clerk.close();
    }
  });
});
