import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAuth0StandIn, type Auth0SeedOrganization } from '../../src/emulator/auth0/server.js';
import { startClerkStandIn } from '../../src/emulator/clerk/server.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startCli } from '../support/cli.js';
import {
  auth0ExampleOrganizations,
  auth0ExampleUsers,
  clerkExampleApiUsers,
  clerkExampleOrganizations,
  cliInProcess,
  EXAMPLES,
  tempDir,
  workosState,
} from './export-support.js';

// The export's CLI process is SIGKILLed again and again, each time a little further in (at the
// 2nd or 3rd request of each attempt), and run again in the same --out until it finishes. The files
// must equal those of an uninterrupted export, and importing them must give the WorkOS state the
// source's data implies. Runs the bundle (dist/cli), as users do.

const emulators: Emulator[] = [];
afterAll(async () => {
  for (const e of emulators) await e.close();
});

async function importInto(
  source: string,
  users: string,
  organizations: string,
  extra: string[] = [],
): Promise<ReturnType<typeof workosState>> {
  const workos = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
  emulators.push(workos);
  const run = await cliInProcess(
    [
      'import',
      '--source',
      source,
      '--users',
      users,
      '--organizations',
      organizations,
      ...extra,
      '--state',
      tempDir('state'),
      '--out',
      tempDir('report'),
      '--api-url',
      workos.url,
      '--fail-on',
      'never',
      '--rate-limit',
      '2000',
    ],
    { WORKOS_API_KEY: 'sk_test_export' },
  );
  expect(run.code, run.stderr).toBe(0);
  return workosState(workos);
}

/** Runs `export` in a child until an attempt ends on its own; each attempt is killed at its 2nd or 3rd request. */
async function exportWithKills(
  stand: { onRequest(listener: ((route: string) => void) | undefined): void },
  args: string[],
  env: Record<string, string>,
) {
  let kills = 0;
  let resumed = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    // A SIGKILLed CLI cannot remove its own temporary files: they go in a folder the test removes.
    const { child, done } = startCli(args, { ...env, TMPDIR: tempDir('tmp') });
    let seen = 0;
    stand.onRequest(() => {
      if (++seen === 2 + (attempt % 2)) child.kill('SIGKILL');
    });
    const run = await done;
    stand.onRequest(undefined);
    if (run.signal === 'SIGKILL') {
      kills++;
      continue;
    }
    if (run.stderr.includes('Resuming')) resumed++;
    expect(run.code, run.stderr).toBe(0);
    return { kills, resumed, run };
  }
  throw new Error('the export never finished');
}

describe('an export killed with SIGKILL and run again', () => {
  it('Auth0: ends with the files of an uninterrupted export and the WorkOS state the tenant implies', async () => {
    const extraUsers = Array.from({ length: 130 }, (_, i) => ({
      user_id: `auth0|k${String(i).padStart(23, '0')}`,
      email: `kill${i}@resume.example.com`,
      email_verified: true,
      given_name: `K${i}`,
      identities: [
        {
          connection: 'Username-Password-Authentication',
          provider: 'auth0',
          user_id: `k${String(i).padStart(23, '0')}`,
          isSocial: false,
        },
      ],
    }));
    const big: Auth0SeedOrganization = {
      id: 'org_KillResume000001',
      name: 'kill-resume',
      display_name: 'Kill Resume Inc',
      members: extraUsers.map((u, i) => ({
        user_id: u.user_id,
        roles: [{ id: 'rol_x', name: i % 5 === 0 ? 'Admin' : 'Member' }],
      })),
    };
    const users = [...auth0ExampleUsers(), ...extraUsers];
    const organizations = [...auth0ExampleOrganizations(), big];
    const stand = await startAuth0StandIn({
      users,
      organizations,
      clientId: 'cid',
      clientSecret: 'csecret',
      jobMs: 600,
    });
    try {
      const env = { AUTH0_API_URL: stand.url, AUTH0_CLIENT_ID: 'cid', AUTH0_CLIENT_SECRET: 'csecret' };
      const clean = tempDir('auth0-clean');
      expect((await cliInProcess(['export', '--source', 'auth0', '--out', clean], env)).code).toBe(0);

      const out = tempDir('auth0-killed');
      const { kills, resumed } = await exportWithKills(stand, ['export', '--source', 'auth0', '--out', out], env);
      expect(kills).toBeGreaterThanOrEqual(5);
      expect(resumed).toBe(1);
      expect(readFileSync(join(out, 'organizations.json'), 'utf8')).toBe(
        readFileSync(join(clean, 'organizations.json'), 'utf8'),
      );
      expect(readFileSync(join(out, 'users.ndjson.gz')).equals(stand.lastExportBytes()!)).toBe(true);

      // What the tenant's data implies: its users and organizations imported as files.
      const seedDir = tempDir('auth0-seed');
      writeFileSync(join(seedDir, 'users.ndjson'), users.map((u) => JSON.stringify(u)).join('\n') + '\n');
      writeFileSync(join(seedDir, 'organizations.json'), JSON.stringify({ organizations }));
      const passwords = ['--passwords', join(EXAMPLES, 'auth0', 'passwords.ndjson')];
      const expected = await importInto(
        'auth0',
        join(seedDir, 'users.ndjson'),
        join(seedDir, 'organizations.json'),
        passwords,
      );
      const state = await importInto('auth0', join(out, 'users.ndjson.gz'), join(out, 'organizations.json'), passwords);
      expect(state.memberships.length).toBeGreaterThan(130);
      expect(state).toEqual(expected);
    } finally {
      await stand.close();
    }
  }, 240_000);

  it('Clerk: ends with the files of an uninterrupted export and the same WorkOS state', async () => {
    const extraUsers = Array.from({ length: 505 }, (_, i) => ({
      id: `user_kill${String(i).padStart(5, '0')}`,
      first_name: `K${i}`,
      email_addresses: [
        { id: `idn_k${i}`, email_address: `kill${i}@resume.example.com`, verification: { status: 'verified' } },
      ],
      primary_email_address_id: `idn_k${i}`,
    }));
    const organizations = [
      ...clerkExampleOrganizations(),
      {
        id: 'org_killresume',
        name: 'Kill Resume',
        slug: 'kill-resume',
        memberships: extraUsers.map((u, i) => ({ user_id: u.id, role: i % 4 === 0 ? 'org:admin' : 'org:member' })),
      },
    ];
    const secret = 'sk_test_kill_resume';
    const stand = await startClerkStandIn({
      users: [...clerkExampleApiUsers(), ...extraUsers],
      organizations,
      secretKey: secret,
    });
    try {
      const env = { CLERK_API_URL: stand.url, CLERK_SECRET_KEY: secret };
      const clean = tempDir('clerk-clean');
      expect((await cliInProcess(['export', '--source', 'clerk', '--out', clean], env)).code).toBe(0);
      const out = tempDir('clerk-killed');
      const { kills, resumed } = await exportWithKills(stand, ['export', '--source', 'clerk', '--out', out], env);
      expect(kills).toBeGreaterThanOrEqual(4);
      expect(resumed).toBe(1);
      for (const file of ['users.json', 'organizations.json']) {
        expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join(clean, file), 'utf8'));
      }
      const config = ['--config', join(EXAMPLES, 'mapping.yml')];
      const expected = await importInto('clerk', join(clean, 'users.json'), join(clean, 'organizations.json'), config);
      const state = await importInto('clerk', join(out, 'users.json'), join(out, 'organizations.json'), config);
      expect(state.users.length).toBeGreaterThan(505);
      expect(state).toEqual(expected);
    } finally {
      await stand.close();
    }
  }, 240_000);

  it('Ctrl-C (SIGINT) stops with exit 130, says how to resume, and the next run finishes', async () => {
    const stand = await startClerkStandIn({
      users: clerkExampleApiUsers(),
      organizations: clerkExampleOrganizations(),
      secretKey: 'sk_test_int',
    });
    try {
      const env = { CLERK_API_URL: stand.url, CLERK_SECRET_KEY: 'sk_test_int' };
      const out = tempDir('clerk-sigint');
      const { child, done } = startCli(['export', '--source', 'clerk', '--out', out], env);
      let seen = 0;
      stand.onRequest(() => {
        if (++seen === 2) child.kill('SIGINT');
      });
      const stopped = await done;
      stand.onRequest(undefined);
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toContain('run the same command again to resume');
      const again = await cliInProcess(['export', '--source', 'clerk', '--out', out], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('Resuming');
    } finally {
      await stand.close();
    }
  }, 60_000);
});
