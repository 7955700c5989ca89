import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuth0StandIn, type Auth0SeedOrganization, type Auth0StandIn } from '../../src/emulator/auth0/server.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import {
  auth0ExampleOrganizations,
  auth0ExampleUsers,
  cliInProcess,
  EXAMPLES,
  tempDir,
  workosState,
} from './export-support.js';

// A team whose Auth0 tenant holds the users and organizations of examples/auth0 runs
// `export --source auth0`, then `import` with the files it wrote. WorkOS must end up exactly as
// if the team had imported Auth0's own export and a hand-built organizations file: same users,
// organizations, memberships and roles. Also under 429 storms, and for a 2,500-member organization.

const CLIENT = { id: 'm2m-client-id', secret: 'm2m-client-secret-value' };
const passwords = join(EXAMPLES, 'auth0', 'passwords.ndjson');
let auth0: Auth0StandIn;
let expected: ReturnType<typeof workosState>;
const emulators: Emulator[] = [];

function env(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return { AUTH0_API_URL: url, AUTH0_CLIENT_ID: CLIENT.id, AUTH0_CLIENT_SECRET: CLIENT.secret, ...extra };
}

async function importInto(users: string, organizations: string): Promise<Emulator> {
  const workos = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
  emulators.push(workos);
  const run = await cliInProcess(
    [
      'import',
      '--source',
      'auth0',
      '--users',
      users,
      '--passwords',
      passwords,
      '--organizations',
      organizations,
      '--state',
      tempDir('state'),
      '--out',
      tempDir('report'),
      '--api-url',
      workos.url,
      '--fail-on',
      'never',
    ],
    { WORKOS_API_KEY: 'sk_test_export' },
  );
  expect(run.code, run.stderr).toBe(0);
  return workos;
}

beforeAll(async () => {
  auth0 = await startAuth0StandIn({
    users: auth0ExampleUsers(),
    organizations: auth0ExampleOrganizations(),
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    contentEncodingGzip: true,
  });
  // The state the tenant's data implies: Auth0's own users file and the organizations file as a team would write it.
  expected = workosState(
    await importInto(join(EXAMPLES, 'auth0', 'users.ndjson'), join(EXAMPLES, 'auth0', 'organizations.json')),
  );
});
afterAll(async () => {
  await auth0?.close();
  for (const e of emulators) await e.close();
});

describe('export --source auth0, then import', () => {
  it('writes Auth0’s export byte for byte and an organizations file that import reads into the same WorkOS state', async () => {
    const out = tempDir('auth0');
    const run = await cliInProcess(['export', '--source', 'auth0', '--out', out], env(auth0.url));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Exported 30 users, 3 organizations');

    const users = readFileSync(join(out, 'users.ndjson.gz'));
    expect(users.equals(auth0.lastExportBytes()!)).toBe(true);
    expect(gunzipSync(users).toString().trim().split('\n')).toHaveLength(30);

    const workos = await importInto(join(out, 'users.ndjson.gz'), join(out, 'organizations.json'));
    const state = workosState(workos);
    expect(state.users.length).toBeGreaterThan(20);
    expect(state.memberships.length).toBeGreaterThan(5);
    expect(state).toEqual(expected);

    // Nothing but counts in the output: no email, id, secret or token.
    const printed = run.stdout + run.stderr;
    expect(printed).not.toMatch(/@|auth0\||org_|rol_|m2m-client|eyJ/);
    expect(existsSync(join(out, '.export-parts'))).toBe(false);
  });

  it('honours 429 storms and an empty rate limit bucket and still exports everything', async () => {
    const calm = tempDir('auth0-calm');
    expect((await cliInProcess(['export', '--source', 'auth0', '--out', calm], env(auth0.url))).code).toBe(0);
    const stormy = await startAuth0StandIn({
      users: auth0ExampleUsers(),
      organizations: auth0ExampleOrganizations(),
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      faults: { stormRate: 0.35, rateLimit: { requests: 3, windowMs: 1000 } },
      seed: 42,
    });
    try {
      const out = tempDir('auth0-storm');
      const run = await cliInProcess(['export', '--source', 'auth0', '--out', out], env(stormy.url));
      expect(run.code, run.stderr).toBe(0);
      expect(stormy.stats().rateLimited).toBeGreaterThan(2);
      expect(run.stderr).toMatch(/[1-9]\d* rate limited/);
      expect(readFileSync(join(out, 'users.ndjson.gz')).equals(stormy.lastExportBytes()!)).toBe(true);
      expect(readFileSync(join(out, 'organizations.json'), 'utf8')).toBe(
        readFileSync(join(calm, 'organizations.json'), 'utf8'),
      );
      const state = workosState(await importInto(join(out, 'users.ndjson.gz'), join(out, 'organizations.json')));
      expect(state).toEqual(expected);
    } finally {
      await stormy.close();
    }
  });

  it('exports an organization of 2,500 members whole, with their roles, through checkpoint paging', async () => {
    const members = Array.from({ length: 2500 }, (_, i) => ({
      user_id: `auth0|big${String(i).padStart(5, '0')}`,
      roles: i % 10 === 0 ? [{ id: 'rol_admin', name: 'Admin' }] : [{ id: 'rol_member', name: 'Member' }],
    }));
    const big: Auth0SeedOrganization = { id: 'org_big', name: 'big-co', display_name: 'Big Co', members };
    const stand = await startAuth0StandIn({ users: [], organizations: [big], managementToken: 'static-token' });
    try {
      const out = tempDir('auth0-big');
      const run = await cliInProcess(['export', '--source', 'auth0', '--out', out], {
        AUTH0_API_URL: stand.url,
        AUTH0_MANAGEMENT_TOKEN: 'static-token',
      });
      expect(run.code, run.stderr).toBe(0);
      const file = JSON.parse(readFileSync(join(out, 'organizations.json'), 'utf8')) as {
        organizations: { id: string; members: { user_id: string; roles: unknown[] }[] }[];
      };
      const exported = file.organizations[0]!.members;
      expect(exported).toHaveLength(2500);
      expect(new Set(exported.map((m) => m.user_id)).size).toBe(2500);
      expect(exported).toEqual(members);
      expect(stand.stats().routes['GET members']).toBe(25);
    } finally {
      await stand.close();
    }
  });

  it('gets a fresh link when the download link has expired, and a new job when links keep failing', async () => {
    for (const [expire, jobs] of [
      [2, 1],
      [4, 2],
    ] as const) {
      const stand = await startAuth0StandIn({
        users: auth0ExampleUsers(),
        organizations: [],
        managementToken: 't',
        expireFirstDownloads: expire,
      });
      try {
        const out = tempDir('auth0-expired');
        const run = await cliInProcess(['export', '--source', 'auth0', '--out', out], {
          AUTH0_API_URL: stand.url,
          AUTH0_MANAGEMENT_TOKEN: 't',
        });
        expect(run.code, run.stderr).toBe(0);
        expect(stand.jobs()).toBe(jobs);
        expect(readFileSync(join(out, 'users.ndjson.gz')).equals(stand.lastExportBytes()!)).toBe(true);
      } finally {
        await stand.close();
      }
    }
  });

  it('gets a new access token when the one it has expires during the export', async () => {
    const stand = await startAuth0StandIn({
      users: auth0ExampleUsers(),
      organizations: auth0ExampleOrganizations(),
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      tokenTtlMs: 400,
      jobMs: 900,
    });
    try {
      const out = tempDir('auth0-token');
      const run = await cliInProcess(['export', '--source', 'auth0', '--out', out], env(stand.url));
      expect(run.code, run.stderr).toBe(0);
      expect(stand.stats().unauthorized).toBeGreaterThan(0);
      expect(run.stdout).toContain('Exported 30 users, 3 organizations');
    } finally {
      await stand.close();
    }
  });

  it('stops with exit 2 and says what to check when Auth0 refuses the credentials', async () => {
    const out = tempDir('auth0-401');
    const wrongSecret = await cliInProcess(
      ['export', '--source', 'auth0', '--out', out],
      env(auth0.url, { AUTH0_CLIENT_SECRET: 'wrong' }),
    );
    expect(wrongSecret.code).toBe(2);
    expect(wrongSecret.stderr).toMatch(/refused the client credentials \(HTTP 401\).*AUTH0_CLIENT_SECRET/);
    expect(wrongSecret.stderr).not.toContain('wrong');
    const badToken = await cliInProcess(['export', '--source', 'auth0', '--out', tempDir('auth0-401b')], {
      AUTH0_API_URL: auth0.url,
      AUTH0_MANAGEMENT_TOKEN: 'expired-or-made-up',
    });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toMatch(/refused the credentials \(HTTP 401/);
    const none = await cliInProcess(['export', '--source', 'auth0', '--out', tempDir('auth0-none')], {
      AUTH0_API_URL: auth0.url,
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET/);
  });
});
