import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { CliRun } from '../support/cli.js';
import { auth0Flags, cli, readReport, sdkFor, shown, tempDir, type Report } from './story-support.js';

// An account takeover the merge must not make: an Auth0 tenant holds Vera's Google sign-in
// (verified, no password) and a database account someone made with her address and never
// verified (Auth0 database sign-ups need no verification by default). Merged by email, that
// account's password would sign in to Vera's WorkOS user. Beside them, Pat has a verified
// database account and a verified Google identity: those still become one user.

const VERA = 'google-oauth2|104958372615000000001';
const SQUATTER = 'auth0|66a0000000000000000000a1';
const PAT_DB = 'auth0|66a0000000000000000000b2';
const PAT_GOOGLE = 'google-oauth2|104958372615000000002';
const ORG = 'org_MergeSafety0001';
const SQUATTER_PASSWORD = 'Squatter-Pass-1!';
const PAT_PASSWORD = 'Pat-Pass-1!';
const DB = 'Username-Password-Authentication';

const google = (userId: string, email: string) => ({
  user_id: userId,
  email,
  email_verified: true,
  identities: [
    { connection: 'google-oauth2', provider: 'google-oauth2', user_id: userId.split('|')[1], isSocial: true },
  ],
});
const database = (userId: string, email: string, verified: boolean) => ({
  user_id: userId,
  email,
  email_verified: verified,
  given_name: verified ? 'Pat' : 'Mallory',
  identities: [{ connection: DB, provider: 'auth0', user_id: userId.split('|')[1], isSocial: false }],
});
const passwordRow = (userId: string, email: string, verified: boolean, password: string) => ({
  _id: { $oid: userId.split('|')[1] },
  email,
  email_verified: verified,
  passwordHash: bcrypt.hashSync(password, 10),
  password_set_date: { $date: '2025-01-02T03:04:05.000Z' },
  tenant: 'example-tenant',
  connection: DB,
});

const dir = tempDir('merge-safety');
const files = {
  users: join(dir, 'users.ndjson'),
  passwords: join(dir, 'passwords.ndjson'),
  organizations: join(dir, 'organizations.json'),
};
const ndjson = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

let emulator: Emulator;
let imported: { run: CliRun; report: Report; out: string };

async function run(mode: 'plan' | 'import', extra: string[] = []) {
  const out = join(dir, `out-${mode}-${extra.length}`);
  const args = [mode, ...auth0Flags(files), '--out', out, ...extra];
  const done = await cli([...args, '--api-url', emulator.url]);
  return { run: done, report: readReport(out), out };
}

const signIn = (email: string, password: string) =>
  sdkFor(emulator).userManagement.authenticateWithPassword({ clientId: 'client_story_app', email, password });

beforeAll(async () => {
  writeFileSync(
    files.users,
    ndjson([
      google(VERA, 'vera@corp.example'),
      database(SQUATTER, 'Vera@corp.example', false),
      database(PAT_DB, 'pat@corp.example', true),
      google(PAT_GOOGLE, 'pat@corp.example'),
    ]),
  );
  writeFileSync(
    files.passwords,
    ndjson([
      passwordRow(SQUATTER, 'Vera@corp.example', false, SQUATTER_PASSWORD),
      passwordRow(PAT_DB, 'pat@corp.example', true, PAT_PASSWORD),
    ]),
  );
  writeFileSync(
    files.organizations,
    JSON.stringify({
      organizations: [
        {
          id: ORG,
          name: 'corp',
          display_name: 'Corp',
          members: [{ user_id: VERA }, { user_id: SQUATTER, roles: [{ id: 'rol_1', name: 'Admin' }] }],
        },
      ],
    }),
  );
  emulator = await startEmulator();
  imported = await run('import', ['--state', join(dir, 'state')]);
});

afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an unverified account with a verified user’s email', () => {
  it('does not fail the import: the verified user is imported, the other account skipped', () => {
    expect(imported.run.code, shown(imported.run)).toBe(0);
    expect(imported.report.summary.users).toMatchObject({
      total: 3,
      created: 2,
      skipped: 1,
      invalid: 0,
      failed: 0,
      merged: 1,
      mergeConflicts: 1,
    });
    // The squatter's membership cannot be imported; it is a skip, not an invalid record.
    expect(imported.report.summary.memberships).toMatchObject({ total: 2, created: 1, skipped: 1, invalid: 0 });
  });

  it('gives Vera’s WorkOS user neither the squatter’s password nor its external id', async () => {
    const vera = emulator.snapshot().users.find((u) => u.email.toLowerCase() === 'vera@corp.example')!;
    expect(vera).toMatchObject({ external_id: VERA, email_verified: true, first_name: null });
    await expect(signIn('vera@corp.example', SQUATTER_PASSWORD)).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(emulator.snapshot().users.some((u) => u.external_id === SQUATTER)).toBe(false);
    expect(imported.report.idMap.has(`user,${SQUATTER}`)).toBe(false);
  });

  it('names the squatter in errors.jsonl for a person, and lists the conflict in the summary', () => {
    const squatter = imported.report.errors.filter((e) => e.source_id === SQUATTER);
    expect(squatter).toEqual([
      expect.objectContaining({ entity: 'user', code: 'merge_unverified', severity: 'skip', line: 2 }),
    ]);
    expect(squatter[0]!.message).toMatch(/may belong to someone else/);
    expect(imported.report.errors).toContainEqual(
      expect.objectContaining({ entity: 'membership', source_id: `${ORG}:${SQUATTER}`, code: 'merge_unverified' }),
    );
    const markdown = readFileSync(join(imported.out, 'summary.md'), 'utf8');
    expect(markdown).toMatch(/\*\*Merge conflicts\*\*: 1 source user\(s\) are not imported/);
  });

  it('says so in the output, and passes a dry run under the default --fail-on invalid', async () => {
    expect(imported.run.stdout, shown(imported.run)).toMatch(
      /1 source user\(s\) not imported: an unverified account shares a verified user's email/,
    );
    const plan = await run('plan');
    expect(plan.run.code, shown(plan.run)).toBe(0);
    expect(plan.report.summary.users).toMatchObject({ skipped: 1, invalid: 0, mergeConflicts: 1 });
  });
});

describe('a verified database account and a verified Google identity with one email', () => {
  it('still merge into one WorkOS user that signs in with the database password', async () => {
    const session = await signIn('pat@corp.example', PAT_PASSWORD);
    expect(session.user.externalId).toBe(PAT_DB);
    expect(session.user.emailVerified).toBe(true);
    expect(imported.report.idMap.get(`user,${PAT_GOOGLE}`)).toBe(session.user.id);
    expect(imported.report.idMap.get(`user,${PAT_DB}`)).toBe(session.user.id);
  });
});
