import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { CliRun } from '../support/cli.js';
import {
  clerkFlags,
  clerkRows,
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

// A team moves the Clerk instance of examples/clerk (README there) into a fresh WorkOS
// environment with the dashboard CSV, the organizations file and examples/mapping.yml, runs it
// again, and its users sign in with their old passwords, whatever hasher Clerk used.

const NORTHWIND = 'org_2lNorthwindTraders0000001';
const BLUE_HARBOR = 'org_2lBlueHarborLabs00000002';
const SILVER_PINE = 'org_2lSilverPineStudio0000003';
const AMARA = 'user_2lAmaraOkonkwo0000000001';
const BRUNO = 'user_2lBrunoCastillo000000002';
const CHEN = 'user_2lChenWei00000000000003';
const DALIA = 'user_2lDaliaHaddad00000000004';
const EMEKA = 'user_2lEmekaObi0000000000005';
const HANA = 'user_2lHanaSato00000000000008';
const INGRID = 'user_2lIngridNilsson000000009';
const JAMAL = 'user_2lJamalCarter0000000010';
const KEIKO = 'user_2lKeikoTanaka0000000011';
const MEI = 'user_2lMeiLin000000000000013';
const NADIA = 'user_2lNadiaPetrova000000014';
const QUINN = 'user_2lQuinnMurphy0000000017';

let emulator: Emulator;
const state = tempDir('clerk-state');
const runs: { name: string; run: CliRun; out: string }[] = [];
let first: { run: CliRun; report: Report };

async function importRun(name: string, extra: string[]): Promise<{ run: CliRun; report: Report }> {
  const out = tempDir(`clerk-${name}`);
  const run = await cli(['import', ...clerkFlags(), '--out', out, '--api-url', emulator.url, ...extra]);
  runs.push({ name, run, out });
  return { run, report: readReport(out) };
}

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
  };
}

beforeAll(async () => {
  emulator = await startEmulator();
  first = await importRun('first', ['--state', state]);
});
afterAll(async () => emulator?.close());

describe('importing the Clerk example into a fresh WorkOS environment', () => {
  it('creates one WorkOS user per CSV row with an email, keyed by the Clerk id', () => {
    // users.csv line 8 (Gustavo) has only a phone number.
    const expected = clerkRows()
      .filter((row) => row.id !== 'user_2lGustavoLima0000000007')
      .map((row) => row.id);
    expect([...heldState().users.keys()].sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(19);
  });

  it('carries names, the primary address, verification and the mapped metadata', () => {
    const { users } = heldState();
    const pick = (externalId: string) => {
      const u = users.get(externalId);
      return (
        u && {
          email: u.email.toLowerCase(),
          email_verified: u.email_verified,
          first_name: u.first_name,
          last_name: u.last_name,
          metadata: u.metadata,
        }
      );
    };
    // mapping.yml maps the CSV's username column to metadata clerk_username.
    expect(pick(AMARA)).toEqual({
      email: 'amara.okonkwo@example.com',
      email_verified: true,
      first_name: 'Amara',
      last_name: 'Okonkwo',
      metadata: { clerk_username: 'amara' },
    });
    expect(pick(NADIA)).toMatchObject({ metadata: { clerk_username: 'npetrova' } });
    // Quoted cells with a comma and doubled quotes.
    expect(pick(HANA)).toEqual({
      email: 'hana.sato@example.com',
      email_verified: true,
      first_name: 'Hana "Hanny"',
      last_name: 'Sato, Jr.',
      metadata: {},
    });
    // Secondary addresses stay behind; only the primary is imported.
    expect(pick(CHEN)).toMatchObject({ email: 'chen.wei@example.com' });
    // No primary column: the first verified address.
    expect(pick(INGRID)).toMatchObject({ email: 'ingrid.nilsson@example.org', email_verified: true });
    expect(pick(JAMAL)).toMatchObject({ email: 'jamal.carter@example.com', email_verified: false });
    expect(pick(QUINN)).toMatchObject({ email: 'quinn.murphy@example.com', first_name: 'Quinn', last_name: 'Murphy' });
    // The TOTP secret never becomes metadata.
    expect(pick(BRUNO)?.metadata).toEqual({});
  });

  it('creates the three organizations with their Clerk slug and mapped plan as metadata', () => {
    const shape = [...heldState().organizations.entries()]
      .map(([externalId, o]) => ({ externalId, name: o.name, metadata: o.metadata }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(shape).toEqual([
      { externalId: BLUE_HARBOR, name: 'Blue Harbor Labs', metadata: { clerk_slug: 'blue-harbor', plan: 'team' } },
      { externalId: NORTHWIND, name: 'Northwind Traders', metadata: { clerk_slug: 'northwind', plan: 'enterprise' } },
      { externalId: SILVER_PINE, name: 'Silver Pine Studio', metadata: { clerk_slug: 'silver-pine' } },
    ]);
  });

  it('gives the nine members their roles (org:admin → admin, org:member → member)', () => {
    expect(heldState().memberships).toEqual(
      [
        `${NORTHWIND} | ${AMARA} | admin`,
        `${NORTHWIND} | ${BRUNO} | member`,
        `${NORTHWIND} | ${CHEN} | member`,
        `${NORTHWIND} | ${DALIA} | member`,
        `${BLUE_HARBOR} | ${EMEKA} | admin`,
        `${BLUE_HARBOR} | ${AMARA} | member`,
        `${BLUE_HARBOR} | ${HANA} | member`,
        `${SILVER_PINE} | ${KEIKO} | admin`,
        `${SILVER_PINE} | ${MEI} | member`,
      ].sort(),
    );
  });

  it('exits 0 (an invalid row is reported, not a failed import) and reports it and the warnings by line', () => {
    const { run, report } = first;
    expect(run.code, shown(run)).toBe(0);
    expect(report.summary).toMatchObject({
      mode: 'import',
      source: 'clerk',
      complete: true,
      users: { total: 20, created: 19, invalid: 1, failed: 0, pending: 0 },
      organizations: { total: 3, created: 3, failed: 0 },
      memberships: { total: 9, created: 9, failed: 0 },
      passwords: { withHash: 17, sent: 17, missing: 1, unsupported: 1 },
      // Bruno's TOTP secret moves with him: enrolled, not a re-enrollment.
      mfa: {},
      factors: { total: 1, enrolled: 1, unchanged: 0, failed: 0, pending: 0 },
    });
    const lines = report.errors
      .map((e) => `${e.severity ?? 'error'} ${e.code} ${e.file.split('/').pop()}:${e.line}`)
      .sort();
    expect(lines).toEqual([
      'error missing_email users.csv:8',
      'warning secondary_emails users.csv:4',
      'warning unsupported_password_hasher users.csv:7',
    ]);
    expect(report.reenroll).toEqual([['factor', 'source_id']]);
  });
});

describe('an imported Clerk user signing in to WorkOS', () => {
  const signIn = (email: string, password: string) =>
    sdkFor(emulator).userManagement.authenticateWithPassword({ clientId: 'client_story_app', email, password });

  it('signs in with the original password, whichever hasher Clerk used', async () => {
    for (const [email, password, externalId] of [
      ['dalia.haddad@example.org', 'Clerk-Argon-4!', DALIA], // argon2id
      ['emeka.obi@example.com', 'Clerk-Pbkdf2-5!', EMEKA], // pbkdf2_sha256
      ['hana.sato@example.com', 'Clerk-Pass-8!', HANA], // bcrypt $2b$
    ] as const) {
      const session = await signIn(email, password);
      expect(session.user.externalId, email).toBe(externalId);
    }
  });

  it('is refused with a wrong password, and so is the md5 user (no password could move)', async () => {
    await expect(signIn('dalia.haddad@example.org', 'Clerk-Argon-5!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(signIn('emeka.obi@example.com', 'clerk-pbkdf2-5!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(signIn('fiona.gallagher@example.com', 'Clerk-Md5-6!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });
});

describe('running the same Clerk import again', () => {
  it('with the same --state: nothing is created and not one write is sent', async () => {
    const before = emulator.stats().writes;
    const held = emulator.snapshot();
    const { run, report } = await importRun('again-state', ['--state', state]);
    expect(run.code, shown(run)).toBe(0);
    expect(report.summary.users).toMatchObject({ total: 20, created: 0, updated: 0, unchanged: 19, invalid: 1 });
    expect(report.summary.organizations).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(report.summary.memberships).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
    expect(report.summary.requests?.writes).toBe(0);
    expect(emulator.stats().writes - before).toBe(0);
    expect(emulator.snapshot()).toEqual(held);
  });

  it('without --state, into the same environment: nothing is created; only hashes not recorded as sent are sent again, except to users who signed in to WorkOS', async () => {
    const before = emulator.stats().committed;
    const fields = () => emulator.snapshot().users.map(({ updated_at: _, ...rest }) => rest);
    const held = fields();
    const { run, report } = await importRun('again-no-state', []);
    expect(run.code, shown(run)).toBe(0);
    expect(report.summary.users).toMatchObject({
      total: 20,
      created: 0,
      updated: 14,
      unchanged: 5,
      invalid: 1,
      failed: 0,
    });
    // The three users who signed in to WorkOS above keep the password they use there (Safety rule 3).
    expect(report.summary.passwords).toMatchObject({ sent: 14, recordedEarlier: 0, keptSignedIn: 3 });
    expect(report.summary.organizations).toMatchObject({ total: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(report.summary.memberships).toMatchObject({ total: 9, created: 0, updated: 0, unchanged: 9, failed: 0 });
    expect(emulator.stats().committed - before).toBe(14);
    expect(fields()).toEqual(held);
  });

  it('holds no email, password digest, TOTP secret or API key in output, reports or checkpoint', () => {
    const texts = runs.flatMap((r) => [
      { where: `${r.name} stdout`, text: r.run.stdout },
      { where: `${r.name} stderr`, text: r.run.stderr },
      ...filesUnder(r.out).map((f) => ({ where: f.path, text: f.text })),
    ]);
    expectNoPii([...texts, ...filesUnder(state).map((f) => ({ where: f.path, text: f.text }))], examplePii());
  });
});
