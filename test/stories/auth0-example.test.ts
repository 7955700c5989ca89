import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { CliRun } from '../support/cli.js';
import {
  AUTH0,
  auth0Flags,
  cli,
  examplePii,
  expectNoPii,
  filesUnder,
  readReport,
  sdkFor,
  shown,
  tempDir,
  type Report,
} from './story-support.js';

// A team moves the Auth0 tenant of examples/auth0 (README there) into a fresh WorkOS
// environment with the CLI, runs it again (from the checkpoint, then without one), and its
// users sign in with their old passwords. Expected values come from the example's files and
// README, not from the tool's own output.

const ACME = 'org_Qm8tXvL2aB4cD6eF';
const GLOBEX = 'org_Rn9uYwM3bC5dE7fG';
const INITECH = 'org_So0vZxN4cD6eF8gH';
const id = (suffix: string) => `auth0|665f1c0e8a4b2d0019e3a${suffix}`;

/** Line numbers in users.ndjson that the README says do not become WorkOS users of their own. */
const NOT_OWN_USERS = {
  7: 'blocked: skipped',
  21: 'unlinked Google identity of line 9: merged into it',
  27: 'no email: invalid',
} as const;

let emulator: Emulator;
const state = tempDir('auth0-state');
const runs: { name: string; run: CliRun; out: string }[] = [];
let first: { run: CliRun; report: Report };

async function importRun(name: string, extra: string[]): Promise<{ run: CliRun; report: Report; out: string }> {
  const out = tempDir(`auth0-${name}`);
  const run = await cli(['import', ...auth0Flags(), '--out', out, '--api-url', emulator.url, ...extra]);
  runs.push({ name, run, out });
  return { run, report: readReport(out), out };
}

function exampleUserIds(): string[] {
  return readFileSync(AUTH0.users, 'utf8')
    .trim()
    .split('\n')
    .map((line, i) => ({ line: i + 1, userId: (JSON.parse(line) as { user_id: string }).user_id }))
    .filter(({ line }) => !(line in NOT_OWN_USERS))
    .map(({ userId }) => userId);
}

/** The stand-in's state in source terms: users by external id, memberships as `org | user | roles`. */
function heldState() {
  const held = emulator.snapshot();
  const userById = new Map(held.users.map((u) => [u.id, u]));
  const orgById = new Map(held.organizations.map((o) => [o.id, o]));
  return {
    users: new Map(held.users.map((u) => [u.external_id, u])),
    organizations: new Map(held.organizations.map((o) => [o.external_id, o])),
    memberships: held.memberships
      .map(
        (m) =>
          `${orgById.get(m.organization_id)?.external_id} | ${userById.get(m.user_id)?.external_id} | ${m.roles.map((r) => r.slug).join(',')}`,
      )
      .sort(),
    raw: held,
  };
}

beforeAll(async () => {
  emulator = await startEmulator();
  const { run, report } = await importRun('first', ['--state', state]);
  first = { run, report };
});
afterAll(async () => emulator?.close());

describe('importing the Auth0 example into a fresh WorkOS environment', () => {
  it('creates one WorkOS user per exported person, keyed by the Auth0 user_id', () => {
    const { users } = heldState();
    expect([...users.keys()].sort()).toEqual(exampleUserIds().sort());
    expect(users.size).toBe(27);
  });

  it('carries names and verification as the export has them', () => {
    const { users } = heldState();
    const pick = (externalId: string) => {
      const u = users.get(externalId);
      return (
        u && {
          email: u.email.toLowerCase(),
          email_verified: u.email_verified,
          first_name: u.first_name,
          last_name: u.last_name,
        }
      );
    };
    expect(pick(id('101'))).toEqual({
      email: 'ava.thornton@example.com',
      email_verified: true,
      first_name: 'Ava',
      last_name: 'Thornton',
    });
    // Line 3 has only `name`: split into first and last name.
    expect(pick(id('103'))).toEqual({
      email: 'chloe.ramirez@example.org',
      email_verified: true,
      first_name: 'Chloe',
      last_name: 'Ramirez',
    });
    // Line 4's `name` is its email (Auth0's default): no name at all.
    expect(pick(id('104'))).toEqual({
      email: 'dmitri.volkov@example.com',
      email_verified: true,
      first_name: null,
      last_name: null,
    });
    // Lines 9 and 21 are one person: the database user keeps the external id.
    expect(pick(id('109'))).toEqual({
      email: 'isaac.moreno@example.com',
      email_verified: true,
      first_name: 'Isaac',
      last_name: 'Moreno',
    });
    expect(pick(id('10a'))).toEqual({
      email: 'julia.novak@example.com',
      email_verified: false,
      first_name: 'Julia',
      last_name: 'Novak',
    });
    expect(pick('auth0|legacy-10042')).toEqual({
      email: 'liam.obrien@example.com',
      email_verified: true,
      first_name: 'Liam',
      last_name: "O'Brien",
    });
    expect(pick('samlp|acme-okta|nora.kim@example.net')).toEqual({
      email: 'nora.kim@example.net',
      email_verified: true,
      first_name: 'Nora',
      last_name: 'Kim',
    });
    expect(pick('email|665f1c0e8a4b2d0019e3b002')).toEqual({
      email: 'zoe.adler@example.com',
      email_verified: true,
      first_name: null,
      last_name: null,
    });
    // No metadata map in this run: app_metadata / user_metadata stay behind.
    expect(users.get(id('105'))?.metadata).toEqual({});
  });

  it('creates the three organizations under their display names, with their domains', () => {
    const { organizations } = heldState();
    const shape = [...organizations.entries()]
      .map(([externalId, o]) => ({ externalId, name: o.name, domains: o.domains.map((d) => d.domain).sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(shape).toEqual([
      { externalId: ACME, name: 'Acme Corporation', domains: ['acme-corp.example.com', 'acme.example.org'] },
      { externalId: GLOBEX, name: 'Globex Research', domains: ['globex.example.com'] },
      { externalId: INITECH, name: 'Initech', domains: [] },
    ]);
  });

  it('gives every member their role, the merged Google identity’s membership included', () => {
    expect(heldState().memberships).toEqual(
      [
        `${ACME} | ${id('101')} | admin`,
        `${ACME} | ${id('102')} | member`,
        `${ACME} | ${id('103')} | member`,
        // No roles in Auth0: the environment's default role.
        `${ACME} | google-oauth2|104958372615009281302 | member`,
        `${GLOBEX} | ${id('104')} | admin`,
        `${GLOBEX} | ${id('101')} | member`,
        `${GLOBEX} | auth0|legacy-10042 | member`,
        `${INITECH} | ${id('105')} | admin`,
        `${INITECH} | samlp|acme-okta|nora.kim@example.net | member`,
        // Line 21's membership belongs to the user it merged into (line 9).
        `${INITECH} | ${id('109')} | member`,
      ].sort(),
    );
  });

  it('exits 0 (nothing failed) and reports the blocked user (skipped) and the user without email (invalid) by line, the rest as created', () => {
    const { run, report } = first;
    // An import fails on failed records by default; a policy skip and an invalid record are reported, not failures.
    expect(run.code, shown(run)).toBe(0);
    expect(report.summary).toMatchObject({
      mode: 'import',
      source: 'auth0',
      complete: true,
      users: { total: 29, created: 27, skipped: 1, invalid: 1, failed: 0, pending: 0, merged: 1 },
      organizations: { total: 3, created: 3, failed: 0 },
      memberships: { total: 10, created: 10, failed: 0 },
      passwords: { withHash: 17, sent: 17, recordedEarlier: 0 },
      mfa: { sms: 2, totp: 1 },
      social: { 'google-oauth2': 5, github: 1, windowslive: 1 },
    });
    const lines = report.errors
      .map((e) => `${e.severity ?? 'error'} ${e.code} ${e.file.split('/').pop()}:${e.line}`)
      .sort();
    expect(lines).toEqual([
      'error missing_email users.ndjson:27',
      'skip blocked users.ndjson:7',
      'warning password_unmatched passwords.ndjson:10',
    ]);
  });

  it('writes an id map that names every WorkOS user, the merged identity too', () => {
    const { users } = heldState();
    const map = first.report.idMap;
    for (const userId of exampleUserIds()) expect(map.get(`user,${userId}`), userId).toBe(users.get(userId)?.id);
    expect(map.get('user,google-oauth2|104958372615009281301')).toBe(users.get(id('109'))?.id);
    expect(map.get(`organization,${ACME}`)).toBe(heldState().organizations.get(ACME)?.id);
  });

  it('lists the users who must re-enroll MFA, without emails by default', () => {
    expect(first.report.reenroll).toEqual([
      ['factor', 'source_id'],
      ['sms', id('102')],
      ['totp', id('106')],
      ['sms', id('108')],
    ]);
  });
});

describe('an imported Auth0 user signing in to WorkOS', () => {
  const signIn = (email: string, password: string) =>
    sdkFor(emulator).userManagement.authenticateWithPassword({ clientId: 'client_story_app', email, password });

  it('signs in with the original password (bcrypt from Auth0 support’s file)', async () => {
    // Maya's row joins by email and connection, Liam's by alt_id, Isaac's merged identity by id.
    for (const [email, password, externalId] of [
      ['maya.lindqvist@example.org', 'Password-13!', id('10d')],
      ['liam.obrien@example.com', 'Password-12!', 'auth0|legacy-10042'],
      ['isaac.moreno@example.com', 'Password-9!', id('109')],
    ] as const) {
      const session = await signIn(email, password);
      expect(session.user.externalId, email).toBe(externalId);
      expect(session.accessToken).toBeTruthy();
    }
  });

  it('is refused with a wrong password, and so is a user who had no password row', async () => {
    await expect(signIn('maya.lindqvist@example.org', 'Password-14!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    // Samuel (line 19) has no row in passwords.ndjson: no password in WorkOS.
    await expect(signIn('samuel.greene@example.com', 'Password-19!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });
});

describe('running the same import again', () => {
  it('with the same --state: nothing is created and not one write is sent', async () => {
    const before = emulator.stats().writes;
    const held = emulator.snapshot();
    const { run, report } = await importRun('again-state', ['--state', state]);
    expect(run.code, shown(run)).toBe(0);
    expect(report.summary.users).toMatchObject({
      total: 29,
      created: 0,
      updated: 0,
      unchanged: 27,
      skipped: 1,
      invalid: 1,
    });
    expect(report.summary.passwords).toMatchObject({ sent: 0, recordedEarlier: 17 });
    expect(report.summary.organizations).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(report.summary.memberships).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    expect(report.summary.requests?.writes).toBe(0);
    expect(emulator.stats().writes - before).toBe(0);
    expect(emulator.snapshot()).toEqual(held);
  });

  it('without --state, into the same environment: nothing is created; hashes not recorded as sent are sent again, except to users who signed in to WorkOS; nothing else changes', async () => {
    const before = emulator.stats().committed;
    const fields = () => emulator.snapshot().users.map(({ updated_at: _, ...rest }) => rest);
    const held = fields();
    const { run, report } = await importRun('again-no-state', []);
    expect(run.code, shown(run)).toBe(0);
    // WorkOS never returns hashes: without the checkpoint nothing says they were sent, so they are.
    expect(report.summary.users).toMatchObject({
      total: 29,
      created: 0,
      updated: 14,
      unchanged: 13,
      skipped: 1,
      invalid: 1,
      failed: 0,
    });
    // The three users who signed in to WorkOS above keep the password they use there (Safety rule 3).
    expect(report.summary.passwords).toMatchObject({ sent: 14, recordedEarlier: 0, keptSignedIn: 3 });
    expect(report.summary.organizations).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(report.summary.memberships).toMatchObject({ total: 10, created: 0, updated: 0, unchanged: 10, failed: 0 });
    expect(emulator.stats().committed - before).toBe(14);
    expect(fields()).toEqual(held);
  });

  it('with --include-pii: emails in reenroll.csv and password-reset.csv, and nowhere else', async () => {
    const { run, report, out } = await importRun('include-pii', ['--state', state, '--include-pii']);
    expect(run.code, shown(run)).toBe(0);
    expect(report.reenroll).toEqual([
      ['factor', 'source_id', 'email'],
      ['sms', id('102'), 'ben.okafor@example.com'],
      ['totp', id('106'), 'farid.haddad@example.com'],
      ['sms', id('108'), 'hannah.becker@example.org'],
    ]);
    const withEmails = [join(out, 'reenroll.csv'), join(out, 'password-reset.csv')];
    expectNoPii(
      filesUnder(out).map((f) => ({ where: f.path, text: f.text })),
      examplePii(),
      (where) => withEmails.includes(where),
    );
  });
});

describe('what the Auth0 runs showed and wrote', () => {
  it('holds no email, password hash or API key in output, reports or checkpoint (emails masked in logs)', () => {
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const texts = runs
      .filter((r) => r.name !== 'include-pii')
      .flatMap((r) => [
        { where: `${r.name} stdout`, text: r.run.stdout },
        { where: `${r.name} stderr`, text: r.run.stderr },
        ...filesUnder(r.out).map((f) => ({ where: f.path, text: f.text })),
      ]);
    expectNoPii([...texts, ...filesUnder(state).map((f) => ({ where: f.path, text: f.text }))], examplePii());
  });
});
