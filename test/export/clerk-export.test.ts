import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClerkStandIn, type ClerkStandIn } from '../../src/emulator/clerk/server.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import {
  clerkExampleApiUsers,
  clerkExampleOrganizations,
  cliInProcess,
  EXAMPLES,
  tempDir,
  workosState,
} from './export-support.js';

// A team whose Clerk instance holds the users and organizations of examples/clerk runs
// `export --source clerk`, then `import` with the two files. WorkOS must hold what importing the
// dashboard CSV and the organizations file gives (passwords aside: the Backend API has none).

const SECRET = 'sk_test_clerk_stand_in_secret';
const config = join(EXAMPLES, 'mapping.yml');
let clerk: ClerkStandIn;
let expected: ReturnType<typeof workosState>;
const emulators: Emulator[] = [];

async function importInto(users: string, organizations: string): Promise<Emulator> {
  const workos = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
  emulators.push(workos);
  const run = await cliInProcess(
    [
      'import',
      '--source',
      'clerk',
      '--users',
      users,
      '--organizations',
      organizations,
      '--config',
      config,
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
  clerk = await startClerkStandIn({
    users: clerkExampleApiUsers(),
    organizations: clerkExampleOrganizations(),
    secretKey: SECRET,
  });
  expected = workosState(
    await importInto(join(EXAMPLES, 'clerk', 'users.csv'), join(EXAMPLES, 'clerk', 'organizations.json')),
  );
});
afterAll(async () => {
  await clerk?.close();
  for (const e of emulators) await e.close();
});

describe('export --source clerk, then import', () => {
  it('writes users and organizations with memberships and roles that import reads into the same WorkOS state', async () => {
    const out = tempDir('clerk');
    const run = await cliInProcess(['export', '--source', 'clerk', '--out', out], {
      CLERK_API_URL: clerk.url,
      CLERK_SECRET_KEY: SECRET,
    });
    expect(run.code, run.stderr).toBe(0);
    const users = JSON.parse(readFileSync(join(out, 'users.json'), 'utf8')) as Record<string, unknown>[];
    expect(users).toHaveLength(clerkExampleApiUsers().length);
    expect(users.some((u) => 'password_digest' in u)).toBe(false);
    expect(run.stdout).toMatch(/no password digests/);

    const state = workosState(await importInto(join(out, 'users.json'), join(out, 'organizations.json')));
    expect(state.users.length).toBeGreaterThan(10);
    expect(state.memberships.length).toBeGreaterThan(5);
    expect(state).toEqual(expected);
    expect(run.stdout + run.stderr).not.toMatch(/@|user_2|org_2|sk_test/);
  });

  it('pages past 500 with offsets and rides out 429 storms', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({
      id: `user_many${String(i).padStart(5, '0')}`,
      first_name: `F${i}`,
      email_addresses: [
        { id: `idn_${i}`, email_address: `m${i}@many.example.com`, verification: { status: 'verified' } },
      ],
      primary_email_address_id: `idn_${i}`,
    }));
    const memberships = many
      .slice(0, 1100)
      .map((u, i) => ({ user_id: u.id, role: i % 7 === 0 ? 'org:admin' : 'org:member' }));
    const stand = await startClerkStandIn({
      users: many,
      organizations: [
        {
          id: 'org_many',
          name: 'Many',
          memberships,
          domains: [
            { name: 'many.example.com', verified: true },
            { name: 'not-proven.example.com', verified: false },
          ],
        },
      ],
      secretKey: SECRET,
      faults: { stormRate: 0.3 },
      seed: 7,
    });
    try {
      const out = tempDir('clerk-many');
      const run = await cliInProcess(['export', '--source', 'clerk', '--out', out], {
        CLERK_API_URL: stand.url,
        CLERK_SECRET_KEY: SECRET,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(stand.stats().rateLimited).toBeGreaterThan(0);
      const users = JSON.parse(readFileSync(join(out, 'users.json'), 'utf8')) as { id: string }[];
      expect(users.map((u) => u.id)).toEqual(many.map((u) => u.id));
      const orgs = JSON.parse(readFileSync(join(out, 'organizations.json'), 'utf8')) as {
        organizations: { domains: unknown[]; memberships: { role: string; public_user_data: { user_id: string } }[] }[];
      };
      expect(orgs.organizations[0]!.domains).toEqual([{ name: 'many.example.com' }]);
      expect(orgs.organizations[0]!.memberships.map((m) => [m.public_user_data.user_id, m.role])).toEqual(
        memberships.map((m) => [m.user_id, m.role]),
      );
    } finally {
      await stand.close();
    }
  });

  it('stops with exit 2 when Clerk refuses the key, and names the variable when it is missing', async () => {
    const wrong = await cliInProcess(['export', '--source', 'clerk', '--out', tempDir('clerk-401')], {
      CLERK_API_URL: clerk.url,
      CLERK_SECRET_KEY: 'sk_test_wrong',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Clerk Backend API refused the credentials \(HTTP 401/);
    expect(wrong.stderr).not.toContain('sk_test_wrong');
    const none = await cliInProcess(['export', '--source', 'clerk', '--out', tempDir('clerk-none')], {
      CLERK_API_URL: clerk.url,
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/CLERK_SECRET_KEY/);
  });
});
