import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG } from '../../src/config/mapping-config.js';
import { verifyPassword } from '../../src/emulator/password-verify.js';
import { readClerkUsers } from '../../src/sources/clerk/users.js';
import { readFirebaseUsers } from '../../src/sources/firebase/users.js';
import { readCognitoUsers } from '../../src/sources/cognito/users.js';
import type { Summary } from '../../src/report/summary.js';
import { readAll } from '../sources/new/read.js';
import { checkCase, runCase, type CaseRun, type Expectation } from './harness.js';
import { startEmulator } from '../../src/emulator/server.js';

// Export files in the shapes their owners have them (written for this suite, in the layouts
// the tools write), each with what the tool reads from it.

const SHAPES = join(import.meta.dirname, 'real-shapes');
const shape = (name: string) => join(SHAPES, name);
const config = DEFAULT_MAPPING_CONFIG;

/**
 * A dry run of the CLI over real-shape files (`{users}` in `args` is the first file, and so
 * on by name), checked the way the corpus checks every case: exit code, one sentence or
 * counts that add up, no stack trace. Returns the summary for a run that wrote one.
 */
async function dryRun(
  files: Record<string, string>,
  args: string[],
  expect: Expectation,
  extra: Record<string, string> = {},
): Promise<{ run: CaseRun; summary?: Summary; errors: { code: string; severity?: string; source_id?: string }[] }> {
  const contents = Object.fromEntries(Object.entries(files).map(([as, name]) => [as, readFileSync(shape(name))]));
  const c = { name: args.join(' '), files: { ...contents, ...extra }, args, expect };
  const run = await runCase(c);
  await checkCase(c, run);
  if (expect.exit === 2) return { run, errors: [] };
  const summary = JSON.parse(readFileSync(join(run.out, 'summary.json'), 'utf8')) as Summary;
  const errors = readFileSync(join(run.out, 'errors.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { code: string; severity?: string; source_id?: string });
  return { run, summary, errors };
}

const cognitoPlan = (...extra: string[]) => ['plan', '--source', 'cognito', '--users', '{users.json}', ...extra];

describe('one firebase-scrypt form from every source', () => {
  // The published test vector of github.com/firebase/scrypt: project parameters (signer key,
  // salt separator Bw==, 8 rounds, mem_cost 14), then user1password with its salt and hash.
  it('sends the form WorkOS documents from Clerk and Firebase alike, and the stand-in verifies both', async () => {
    const clerk = await readAll(readClerkUsers({ usersPath: shape('clerk-scrypt-firebase.csv'), config }));
    const firebase = await readAll(
      readFirebaseUsers({
        usersPath: shape('firebase-scrypt-users.json'),
        hashConfigPath: shape('firebase-hash-config.txt'),
        config,
      }),
    );
    const fromClerk = clerk.users[0]!.password!;
    const fromFirebase = firebase.users[0]!.password!;
    // WorkOS's Firebase guide: $firebase-scrypt$sk=…,ss=…,r=…,m=…$<salt>$<hash>, base64 unpadded.
    const documented =
      /^\$firebase-scrypt\$sk=[A-Za-z0-9+/]+,ss=[A-Za-z0-9+/]+,r=\d+,m=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
    expect(fromClerk.hash).toMatch(documented);
    expect(fromClerk).toEqual(fromFirebase);
    for (const password of [fromClerk, fromFirebase]) {
      expect(await verifyPassword('user1password', password)).toBe(true);
      expect(await verifyPassword('user2password', password)).toBe(false);
    }
  });
});

describe('Cognito list-users output', () => {
  it('refuses a page that still carries a pagination token, naming the whole-pool export and the policy', async () => {
    await dryRun({ 'users.json': 'cognito-partial-page.json' }, cognitoPlan(), {
      exit: 2,
      says: [
        /pagination token/,
        /part of the user pool/,
        /aws cognito-idp list-users --user-pool-id/,
        /--max-items/,
        /policies\.partialExports: import/,
      ],
    });
  });

  it('reads a partial page when the config says it is meant', async () => {
    const { summary } = await dryRun(
      { 'users.json': 'cognito-partial-page.json' },
      cognitoPlan('--config', '{config.yml}'),
      { exit: 0, good: { users: 2 } },
      { 'config.yml': 'policies:\n  partialExports: import\n' },
    );
    expect(summary!.users.total).toBe(2);
  });

  it('never prunes under the partial policy', async () => {
    const c = {
      name: 'prune with a partial export',
      files: {
        'users.json': readFileSync(shape('cognito-partial-page.json')),
        'config.yml': 'policies:\n  partialExports: import\n',
      },
      args: [...cognitoPlan('--config', '{config.yml}', '--prune')].map((a) => (a === 'plan' ? 'import' : a)),
      expect: {
        exit: 2 as const,
        says: [/--prune cannot run with policies\.partialExports: import/, /Nothing was written/],
      },
      importIds: [],
    };
    const run = await runCase(c);
    try {
      await checkCase(c, run);
      expect(run.emulator!.stats().writes).toBe(0);
    } finally {
      await run.emulator?.close();
    }
  });

  it('counts users by status, skips unconfirmed sign-ups by default and names each status', async () => {
    const { summary, errors, run } = await dryRun({ 'users.json': 'cognito-statuses.json' }, cognitoPlan(), {
      exit: 0,
      good: { users: 3 },
      skipped: 2,
    });
    expect(summary!.sourceStatuses).toEqual({ UNCONFIRMED: 2, FORCE_CHANGE_PASSWORD: 1, RESET_REQUIRED: 1 });
    expect(errors.map((e) => [e.source_id?.slice(-1), e.code, e.severity])).toEqual([
      ['2', 'status_unconfirmed', 'skip'],
      ['3', 'status_force_change_password', 'warning'],
      ['4', 'status_reset_required', 'warning'],
      ['5', 'status_unconfirmed', 'skip'],
    ]);
    expect(readFileSync(join(run.out, 'summary.md'), 'utf8')).toMatch(
      /Source statuses\*\*: 2 UNCONFIRMED, 1 FORCE\\?_CHANGE\\?_PASSWORD, 1 RESET\\?_REQUIRED/,
    );
  });

  it('reads admin-get-user records (UserAttributes, UserMFASettingList) as list-users ones', async () => {
    const { users, problems } = await readAll(
      readCognitoUsers({ usersPath: shape('cognito-admin-get-user.json'), config }),
    );
    expect(problems).toEqual([]);
    expect(
      users.map((u) => [u.sourceId, u.idField, u.email, u.emailVerified, u.firstName, u.lastName, u.mfaFactors]),
    ).toEqual([
      [
        'b5e1f0a2-7c3d-4e8f-9a1b-2c3d4e5f6a71',
        'UserAttributes.sub',
        'priya.raman@example.com',
        true,
        'Priya',
        'Raman',
        ['totp'],
      ],
      [
        'c6f2a1b3-8d4e-4f90-ab2c-3d4e5f6a7b82',
        'UserAttributes.sub',
        'jonas.weber@example.com',
        false,
        'Jonas',
        'Weber',
        [],
      ],
    ]);
  });

  it('imports unconfirmed sign-ups under the import policy, always with their email unverified', async () => {
    const importing = { ...config, policies: { ...config.policies, unconfirmedUsers: 'import' as const } };
    const { users } = await readAll(readCognitoUsers({ usersPath: shape('cognito-statuses.json'), config: importing }));
    expect(users.map((u) => [u.sourceId.slice(-1), u.emailVerified])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
      ['4', true],
      ['5', false],
    ]);
  });
});

describe('Auth0 Management API user profiles', () => {
  it('reads a linked social identity without isSocial and MFA kept only in guardian_authenticators', async () => {
    const { summary, run } = await dryRun(
      { 'users.json': 'auth0-api-users.json' },
      ['plan', '--source', 'auth0', '--users', '{users.json}'],
      { exit: 0, good: { users: 2 } },
    );
    expect(summary!.social).toEqual({ 'google-oauth2': 1 });
    expect(summary!.mfa).toEqual({ totp: 1 });
    // Hana signs in with Google; only Tomas (no hash, no social sign-in) needs a reset.
    expect(summary!.passwords.reset).toBe(1);
    expect(readFileSync(join(run.out, 'password-reset.csv'), 'utf8')).not.toContain('65c8a0f4b1e2d3c4a5b6c7d1');
  });
});

describe('the older Clerk dashboard CSV', () => {
  it('reads its email_addresses column (the first address is primary, none known verified) and its metadata JSON', async () => {
    const { users, problems } = await readAll(
      readClerkUsers({
        usersPath: shape('clerk-older-dashboard.csv'),
        config: { ...config, metadata: { users: { plan: 'public_metadata.plan' }, organizations: {} } },
      }),
    );
    expect(users.map((u) => [u.sourceId.slice(-1), u.email, u.emailVerified, u.metadata.plan])).toEqual([
      ['1', 'ada.byron@example.com', false, 'pro'],
      ['2', 'grace.hopper@example.com', false, 'free'],
      ['3', 'alan.turing@example.com', false, undefined],
      ['4', 'katherine.johnson@example.com', false, undefined],
    ]);
    expect(users.map((u) => u.password?.type ?? u.passwordGap)).toEqual(['bcrypt', 'missing', 'missing', 'bcrypt']);
    expect(problems.map((p) => [p.location.line, p.code])).toEqual([[3, 'secondary_emails']]);
  });

  it('plans the four users in a dry run', async () => {
    await dryRun(
      { 'users.csv': 'clerk-older-dashboard.csv' },
      ['plan', '--source', 'clerk', '--users', '{users.csv}'],
      {
        exit: 0,
        good: { users: 4 },
      },
    );
  });
});

describe('Firebase CSV and emulator exports', () => {
  it('reads auth:export users.csv (no header, columns by position), its hashes verifying', async () => {
    const { users, problems, byId } = await readAll(
      readFirebaseUsers({
        usersPath: shape('firebase-users.csv'),
        hashConfigPath: shape('firebase-hash-config.txt'),
        config: { ...config, metadata: { users: { tier: 'customAttributes.tier' }, organizations: {} } },
      }),
    );
    expect(users.map((u) => [u.sourceId, u.email, u.emailVerified, u.firstName, u.passwordGap])).toEqual([
      ['vectorUser0001', 'vera.vector@example.com', true, 'Vera', 'none'],
      ['gUser00000002', 'gus.grant@example.com', true, 'Gus', 'missing'],
      ['offUser000004', 'olga.off@example.com', true, 'Olga', 'missing'],
    ]);
    expect(await verifyPassword('user1password', byId.get('vectorUser0001')!.password!)).toBe(true);
    expect(byId.get('gUser00000002')!.socialProviders).toEqual(['google']);
    expect(byId.get('offUser000004')).toMatchObject({ blocked: true, metadata: { tier: 'gold' } });
    expect(problems.map((p) => [p.location.line, p.code])).toEqual([[3, 'missing_email']]);
  });

  it('plans the CSV in a dry run: the phone-only user named with its line, the disabled one skipped', async () => {
    await dryRun(
      { 'users.csv': 'firebase-users.csv', 'hash-config.txt': 'firebase-hash-config.txt' },
      ['plan', '--source', 'firebase', '--users', '{users.csv}', '--hash-config', '{hash-config.txt}'],
      { exit: 1, errors: [{ file: 'users.csv', line: 3, code: 'missing_email' }], good: { users: 2 }, skipped: 1 },
    );
  });

  it('reads an Auth Emulator export without hash parameters: fakeHash passwords are named, never sent', async () => {
    const { summary, errors, run } = await dryRun(
      { 'accounts.json': 'firebase-emulator-accounts.json' },
      ['plan', '--source', 'firebase', '--users', '{accounts.json}'],
      { exit: 0, good: { users: 3 } },
    );
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      ['emulator_password', 'warning'],
      ['emulator_password', 'warning'],
    ]);
    expect(summary!.passwords).toMatchObject({ withHash: 0, reset: 2 });
    const reports = ['errors.jsonl', 'summary.md', 'summary.json'].map((f) => readFileSync(join(run.out, f), 'utf8'));
    for (const text of [...reports, run.stdout, run.stderr])
      expect(text).not.toMatch(/hunter2|fakeSalt|\$firebase-scrypt/);
  });

  it("describes a hash that is not base64 in the export's own terms, not the PHC string built from it", async () => {
    const { users, problems } = await readAll(
      readFirebaseUsers({
        usersPath: shape('firebase-bad-hash.json'),
        hashConfigPath: shape('firebase-hash-config.txt'),
        config,
      }),
    );
    expect(users.map((u) => u.passwordGap)).toEqual(['unsupported']);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['invalid_password_hash', 'passwordHash']]);
    expect(problems[0]!.message).toMatch(/^The passwordHash is not base64, as firebase auth:export writes it/);
    expect(problems[0]!.message).not.toMatch(/firebase-scrypt|PHC|sk=/);
  });

  it('says the same of emulator passwords when hash parameters are given', async () => {
    const { errors } = await dryRun(
      { 'accounts.json': 'firebase-emulator-accounts.json', 'hash-config.txt': 'firebase-hash-config.txt' },
      ['plan', '--source', 'firebase', '--users', '{accounts.json}', '--hash-config', '{hash-config.txt}'],
      { exit: 0, good: { users: 3 } },
    );
    expect(errors.map((e) => e.code)).toEqual(['emulator_password', 'emulator_password']);
  });
});

describe('a file given as the wrong source or file kind', () => {
  it('refuses a Supabase auth.users dump given as --source csv, naming --source supabase', async () => {
    await dryRun({ 'users.csv': 'supabase-auth-users.csv' }, ['plan', '--source', 'csv', '--users', '{users.csv}'], {
      exit: 2,
      says: [/Supabase's auth\.users/, /--source supabase/],
    });
  });

  it('reads the same dump with --source supabase', async () => {
    await dryRun(
      { 'users.csv': 'supabase-auth-users.csv' },
      ['plan', '--source', 'supabase', '--users', '{users.csv}'],
      {
        exit: 0,
        good: { users: 2 },
      },
    );
  });

  it("refuses Auth0's password file given as --users, naming --passwords", async () => {
    await dryRun(
      { 'passwords.ndjson': 'auth0-passwords.ndjson' },
      ['plan', '--source', 'auth0', '--users', '{passwords.ndjson}'],
      {
        exit: 2,
        says: [/password-hash export/, /--passwords FILE/, /--users FILE/],
      },
    );
  });

  it('reads an Auth0 Management API page saved with include_totals', async () => {
    await dryRun({ 'users.json': 'auth0-api-page.json' }, ['plan', '--source', 'auth0', '--users', '{users.json}'], {
      exit: 0,
      good: { users: 2 },
    });
  });

  it('refuses a Management API page that holds part of the tenant, unless the config says it is meant', async () => {
    await dryRun(
      { 'users.json': 'auth0-api-page-partial.json' },
      ['plan', '--source', 'auth0', '--users', '{users.json}'],
      {
        exit: 2,
        says: [/users 1–2 of 7/, /users-exports job/, /policies\.partialExports: import/],
      },
    );
    await dryRun(
      { 'users.json': 'auth0-api-page-partial.json' },
      ['plan', '--source', 'auth0', '--users', '{users.json}', '--config', '{config.yml}'],
      { exit: 0, good: { users: 2 } },
      { 'config.yml': 'policies:\n  partialExports: import\n' },
    );
  });

  it('names the right source for a JSON export of another source', async () => {
    await dryRun(
      { 'users.json': 'cognito-statuses.json' },
      ['plan', '--source', 'firebase', '--users', '{users.json}'],
      {
        exit: 2,
        says: [/AWS Cognito list-users output/, /--source cognito/],
      },
    );
    await dryRun(
      { 'users.json': 'firebase-scrypt-users.json' },
      ['plan', '--source', 'auth0', '--users', '{users.json}'],
      {
        exit: 2,
        says: [/Firebase auth:export/, /--source firebase/],
      },
    );
  });
});

describe('messages that say what is wrong', () => {
  it('a malformed Clerk argon2 digest is called malformed, not a hasher WorkOS cannot verify', async () => {
    const { users, problems } = await readAll(readClerkUsers({ usersPath: shape('clerk-argon2.csv'), config }));
    expect(users.map((u) => [u.sourceId.slice(-1), u.password?.type ?? u.passwordGap])).toEqual([
      ['1', 'argon2'],
      ['2', 'unsupported'],
      ['3', 'unsupported'],
    ]);
    expect(await verifyPassword('argon-pass-1', users[0]!.password!)).toBe(true);
    expect(problems.map((p) => [p.location.line, p.code, p.field])).toEqual([
      [3, 'invalid_password_hash', 'password_digest'],
      [4, 'invalid_password_hash', 'password_digest'],
    ]);
    for (const p of problems) {
      expect(p.message).not.toMatch(/not one WorkOS can verify|no WorkOS equivalent/);
      expect(p.message).toMatch(/argon2/);
      expect(p.message).not.toContain('Y2xlcmtTYWx0');
    }
  });
});

describe('a generic CSV without ids', () => {
  it('writes no external id of its own, tracks the users by email in the journal, and claims a user who was there', async () => {
    const emulator = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 1000 } });
    try {
      // Pat signed up on their own before the migration, with a password of their own.
      emulator.seedUser({
        email: 'pat.reyes@example.com',
        first_name: 'Pat',
        last_name: 'Reyes',
        password: 'pat-own-pass',
      });
      const env = { WORKOS_API_KEY: 'sk_test_shapes_5e3b', WORKOS_API_URL: emulator.url };
      const importArgs = ['import', '--source', 'csv', '--users', '{users.csv}', '--state', '{dir}/state'];
      const files = { 'users.csv': readFileSync(shape('csv-without-ids.csv')) };
      const first = await runCase({ name: 'first', files, args: importArgs, env, expect: { exit: 0 } });
      const held = () =>
        emulator
          .snapshot()
          .users.map((u) => [u.email, u.external_id ?? null])
          .sort();
      expect(held()).toEqual([
        ['nora.lind@example.com', null],
        ['omar.said@example.com', null],
        ['pat.reyes@example.com', null],
      ]);
      const summary = JSON.parse(readFileSync(join(first.out, 'summary.json'), 'utf8')) as Summary;
      expect(summary.users).toMatchObject({ total: 3, created: 2, updated: 0, unchanged: 1, failed: 0 });
      // Pat keeps the password they set: nothing of theirs was overwritten.
      const pat = emulator.snapshot().users.find((u) => u.email === 'pat.reyes@example.com')!;
      expect(emulator.passwordOf(pat.id)).toEqual({ type: 'password' });

      // The same import again, from the same checkpoint: every user is found by email, nothing written.
      const writes = emulator.stats().writes;
      const dir = first.dir;
      const again = await runCase({
        name: 'again',
        files,
        args: ['import', '--source', 'csv', '--users', '{users.csv}', '--state', `${dir}/state`],
        env,
        expect: { exit: 0 },
      });
      const second = JSON.parse(readFileSync(join(again.out, 'summary.json'), 'utf8')) as Summary;
      expect(second.users).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 3 });
      expect(emulator.stats().writes).toBe(writes);
      expect(held().every(([, id]) => id === null)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});
