import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { API_KEY, cli, shown, tempDir } from './story-support.js';

// A week after cutover, the team's scheduled job runs `watch`. Acme's people sign in fine;
// Globex's password hashes did not move, so most of its sign-ins fail. watch must count each
// organization exactly, name Globex and exit 1, and stay quiet (exit 0) when the threshold is
// above Globex's failure share. It reads only: WorkOS holds the same afterwards.

let emulator: Emulator;
const dirs: string[] = [];
const out = (name: string) => {
  const dir = tempDir(name);
  dirs.push(dir);
  return dir;
};

const PASSWORD = 'correct horse battery staple';
const acme = ['ann@acme.test', 'bob@acme.test', 'cy@acme.test'];
const globex = ['gus@globex.test', 'gia@globex.test', 'gil@globex.test'];

beforeAll(async () => {
  emulator = await startEmulator();
  const workos = new WorkOS(API_KEY, { apiHostname: '127.0.0.1', port: emulator.port, https: false, maxRetries: 0 });
  const members = async (name: string, emails: string[]) => {
    const organization = await workos.organizations.createOrganization({ name, externalId: `org_${name}` });
    for (const email of emails) {
      const user = emulator.seedUser({ email, password: PASSWORD, external_id: `auth0|${email.split('@')[0]}` });
      await workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: organization.id });
    }
  };
  await members('Acme', acme);
  await members('Globex', globex);
  const signIn = (email: string, password: string) =>
    workos.userManagement
      .authenticateWithPassword({ clientId: 'client_watch', email, password })
      .then(() => true)
      .catch(() => false);
  // Acme: 6 password sign-ins succeed, 1 typo fails.
  for (const email of acme) {
    expect(await signIn(email, PASSWORD)).toBe(true);
    expect(await signIn(email, PASSWORD)).toBe(true);
  }
  expect(await signIn(acme[0]!, 'typo')).toBe(false);
  // Globex: gus gets in twice; gia and gil fail three times each and never get in.
  expect(await signIn(globex[0]!, PASSWORD)).toBe(true);
  expect(await signIn(globex[0]!, PASSWORD)).toBe(true);
  for (const email of [globex[1]!, globex[2]!])
    for (let i = 0; i < 3; i++) expect(await signIn(email, 'old')).toBe(false);
  // A Google sign-in for Acme (WorkOS records it; the stand-in's endpoint only does passwords).
  const ann = emulator.snapshot().users.find((u) => u.email === acme[0])!;
  emulator.recordEvent('authentication.oauth_succeeded', {
    type: 'oauth',
    status: 'succeeded',
    user_id: ann.id,
    email: ann.email,
    ip_address: null,
    user_agent: null,
  });
  // Initech's IdP still points at the old provider: two SSO sign-ins fail, each naming Initech.
  const initech = await workos.organizations.createOrganization({ name: 'Initech' });
  for (let i = 0; i < 2; i++)
    emulator.recordEvent('authentication.sso_failed', {
      type: 'sso',
      status: 'failed',
      user_id: null,
      email: 'peter@initech.test',
      ip_address: null,
      user_agent: null,
      sso: { organization_id: initech.id, connection_id: 'conn_initech', session_id: null },
      error: { code: 'sso_connection_inactive', message: 'The connection is not active.' },
    });
  // Outside the window: three days ago, a storm of failures that must not count.
  for (let i = 0; i < 5; i++)
    emulator.recordEvent(
      'authentication.password_failed',
      {
        type: 'password',
        status: 'failed',
        user_id: ann.id,
        email: ann.email,
        ip_address: null,
        user_agent: null,
        error: { code: 'invalid_credentials', message: 'Invalid credentials.' },
      },
      new Date(Date.now() - 3 * 86_400_000).toISOString(),
    );
});

afterAll(async () => {
  await emulator?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface OrganizationRow {
  name: string;
  external_id: string | null;
  attempts: number;
  succeeded: number;
  failed: number;
  failure_share: number;
  failure_codes: Record<string, number>;
}

function readReport(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'watch.json'), 'utf8')) as {
    alert: boolean;
    alerts: { scope: string; organization?: { name: string }; failure_share: number }[];
    unknown_user_failures: number;
    sign_ins: { attempts: number; succeeded: number; failed: number };
    methods: Record<string, { succeeded: number; failed: number }>;
    failure_codes: Record<string, number>;
    organizations: OrganizationRow[];
    first_sign_in_failures: { user: string; failed: number; email?: string }[];
  };
}

describe('watch after cutover', () => {
  it('counts each organization exactly, names the failing one and exits 1', async () => {
    const dir = out('watch-alert');
    const before = emulator.snapshot();
    const run = await cli(['watch', '--since', '24h', '--min-attempts', '5', '--out', dir, '--api-url', emulator.url]);
    expect(run.code, shown(run)).toBe(1);
    expect(run.stdout).toContain('Globex 75 %');
    expect(run.stdout).not.toContain('Acme');
    const report = readReport(dir);
    const byName = Object.fromEntries(report.organizations.map((o) => [o.name, o]));
    expect(byName.Acme).toMatchObject({ attempts: 8, succeeded: 7, failed: 1, failure_share: 12.5 });
    expect(byName.Acme!.failure_codes).toEqual({ invalid_credentials: 1 });
    expect(byName.Globex).toMatchObject({ attempts: 8, succeeded: 2, failed: 6, failure_share: 75 });
    expect(byName.Globex!.failure_codes).toEqual({ invalid_credentials: 6 });
    // SSO sign-ins count in the organization they name, whoever signs in.
    expect(byName.Initech).toMatchObject({ attempts: 2, succeeded: 0, failed: 2, failure_share: 100 });
    expect(byName.Initech!.failure_codes).toEqual({ sso_connection_inactive: 2 });
    expect(report.sign_ins).toMatchObject({ attempts: 18, succeeded: 9, failed: 9 });
    expect(report.methods).toEqual({
      oauth: { attempts: 1, succeeded: 1, failed: 0, failure_share: 0 },
      password: { attempts: 15, succeeded: 8, failed: 7, failure_share: 46.7 },
      sso: { attempts: 2, succeeded: 0, failed: 2, failure_share: 100 },
    });
    expect(report.failure_codes).toEqual({ invalid_credentials: 7, sso_connection_inactive: 2 });
    // Nobody in WorkOS has Peter's email: his failures are counted as unknown users, not as a person.
    expect(report.unknown_user_failures).toBe(2);
    expect(report.alerts.map((a) => a.organization?.name ?? a.scope)).toEqual(['overall', 'Globex']);
    // gia and gil never signed in: their digests, never their emails.
    expect(report.first_sign_in_failures.map((f) => f.failed)).toEqual([3, 3]);
    expect(report.first_sign_in_failures.every((f) => /^sha256:[0-9a-f]{64}$/.test(f.user) && !f.email)).toBe(true);
    const markdown = readFileSync(join(dir, 'watch.md'), 'utf8');
    expect(markdown).toContain('Organization **Globex**: 6 of 8 failed (75 %)');
    // Read-only, and no email anywhere it wrote or printed.
    expect(emulator.snapshot()).toEqual(before);
    const outputs = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
    for (const text of outputs) expect(text).not.toMatch(/(acme|globex|initech)\.test/);
  });

  it('exits 0 when the threshold is above Globex’s failure share', async () => {
    const dir = out('watch-quiet');
    const run = await cli([
      'watch',
      '--since',
      '24h',
      '--fail-above',
      '80',
      '--min-attempts',
      '5',
      '--out',
      dir,
      '--api-url',
      emulator.url,
    ]);
    expect(run.code, shown(run)).toBe(0);
    expect(run.stdout).toContain('healthy');
    expect(readReport(dir).alert).toBe(false);
  });

  it('ignores organizations with fewer attempts than --min-attempts, and a window before the sign-ins is empty', async () => {
    const few = await cli(['watch', '--min-attempts', '20', '--api-url', emulator.url]);
    expect(few.code, shown(few)).toBe(0);
    const dir = out('watch-old');
    const old = await cli([
      'watch',
      '--since',
      new Date(Date.now() - 4 * 86_400_000).toISOString(),
      '--until',
      new Date(Date.now() - 2 * 86_400_000).toISOString(),
      '--min-attempts',
      '1',
      '--out',
      dir,
      '--api-url',
      emulator.url,
    ]);
    // Only the five failures of three days ago: Acme at 100 %.
    expect(old.code, shown(old)).toBe(1);
    const report = readReport(dir);
    expect(report.sign_ins).toMatchObject({ attempts: 5, failed: 5 });
    expect(report.organizations.map((o) => [o.name, o.failed])).toEqual([['Acme', 5]]);
  });

  it('names the migrated users whose first sign-ins fail by email only with --include-pii', async () => {
    const dir = out('watch-pii');
    const run = await cli(['watch', '--min-attempts', '5', '--include-pii', '--out', dir, '--api-url', emulator.url]);
    expect(run.code, shown(run)).toBe(1);
    expect(
      readReport(dir)
        .first_sign_in_failures.map((f) => f.email)
        .sort(),
    ).toEqual([globex[1], globex[2]].sort());
  });

  it('exits 2 with a sentence when it cannot run', async () => {
    const badFlag = await cli(['watch', '--since', 'yesterday', '--api-url', emulator.url]);
    expect(badFlag.code, shown(badFlag)).toBe(2);
    expect(badFlag.stderr).toContain('--since "yesterday"');
    const noKey = await cli(['watch', '--api-url', emulator.url], { WORKOS_API_KEY: '' });
    expect(noKey.code, shown(noKey)).toBe(2);
    expect(noKey.stderr).toContain('WORKOS_API_KEY');
  });
});
