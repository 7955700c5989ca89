import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32 } from '../../src/emulator/factors.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { CliRun } from '../support/cli.js';
import { cli, filesUnder, readReport, sdkFor, shown, tempDir, type Report } from './story-support.js';

// A team moves a Clerk instance whose users use authenticator apps. The export (Clerk's JSON
// user objects) carries each user's TOTP secret: three valid ones (one written the way
// authenticator apps show it, in lower-case groups of four), one malformed, and one user whose
// second factor is SMS. Two users are in WorkOS already: Eve (claimed by email) and Fay, who
// set up her own authenticator there. After the import, a code computed from the source secret
// signs each of them in; reruns add nothing; rollback takes back exactly what it enrolled.

/** RFC 6238 (SHA-1, 6 digits, 30 s), written here from the RFC, not taken from the stand-in. */
function totpNow(secret: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of secret.replace(/\s/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000)));
  const mac = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = mac[19]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const ADA_SECRET = base32(randomBytes(20));
// As authenticator apps show it: lower case, in groups of four.
const ADA_EXPORTED = ADA_SECRET.toLowerCase()
  .replace(/(.{4})/g, '$1 ')
  .trim();
const BEN_SECRET = base32(randomBytes(20));
const EVE_SECRET = base32(randomBytes(20));
const FAY_SECRET = base32(randomBytes(20));
const FAY_OWN_SECRET = base32(randomBytes(20));
// Base32 has no 0, 1, 8 or 9.
const CY_MALFORMED = `${base32(randomBytes(10)).slice(0, 12)}0189${base32(randomBytes(10)).slice(0, 12)}`;
const SECRETS = [ADA_SECRET, ADA_EXPORTED, BEN_SECRET, EVE_SECRET, FAY_SECRET, FAY_OWN_SECRET, CY_MALFORMED];

const email = (name: string) => `${name}@totp-story.example`;
function clerkUser(id: string, name: string, extra: Record<string, unknown>) {
  return {
    id,
    first_name: name,
    primary_email_address_id: `idn_${name}`,
    email_addresses: [{ id: `idn_${name}`, email_address: email(name), verification: { status: 'verified' } }],
    ...extra,
  };
}
const USERS = [
  clerkUser('user_ada', 'ada', { totp_secret: ADA_EXPORTED }),
  clerkUser('user_ben', 'ben', { totp_secret: BEN_SECRET }),
  clerkUser('user_cy', 'cy', { totp_secret: CY_MALFORMED }),
  clerkUser('user_dee', 'dee', {
    phone_numbers: [{ id: 'idn_dee_phone', phone_number: '+15550100', reserved_for_second_factor: true }],
  }),
  clerkUser('user_eve', 'eve', { totp_secret: EVE_SECRET }),
  clerkUser('user_fay', 'fay', { totp_secret: FAY_SECRET }),
];

let emulator: Emulator;
let sdk: WorkOS;
const work = tempDir('totp');
const usersFile = join(work, 'users.json');
const state = join(work, 'state');
const runs: { run: CliRun; out: string }[] = [];
let eveId: string;
let fayId: string;

async function run(mode: string, extra: string[]): Promise<{ run: CliRun; report: Report }> {
  const out = tempDir(`totp-${mode}`);
  const done = await cli([mode, '--out', out, '--api-url', emulator.url, ...extra]);
  runs.push({ run: done, out });
  return { run: done, report: readReport(out) };
}
const source = () => ['--source', 'clerk', '--users', usersFile];

function workosUser(name: string) {
  return emulator.snapshot().users.find((u) => u.email === email(name));
}
function totpFactors(name: string) {
  const user = workosUser(name);
  return user ? emulator.factorsOf(user.id).filter((f) => f.type === 'totp') : [];
}

beforeAll(async () => {
  writeFileSync(usersFile, JSON.stringify(USERS, null, 2));
  emulator = await startEmulator();
  sdk = sdkFor(emulator);
  eveId = emulator.seedUser({ email: email('eve'), email_verified: true }).id;
  fayId = emulator.seedUser({ email: email('fay'), email_verified: true }).id;
  await sdk.multiFactorAuth.createUserAuthFactor({ userId: fayId, type: 'totp', totpSecret: FAY_OWN_SECRET });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(work, { recursive: true, force: true });
  for (const { out } of runs) rmSync(out, { recursive: true, force: true });
});

describe('TOTP factors move with their secrets', () => {
  let plan: Report;
  let first: Report;

  beforeAll(async () => {
    const planned = await run('plan', source());
    expect(planned.run.code, shown(planned.run)).toBe(0);
    plan = planned.report;
    const imported = await run('import', [...source(), '--state', state]);
    expect(imported.run.code, shown(imported.run)).toBe(0);
    first = imported.report;
  });

  it('plan counts the factors to enroll before anything is written', () => {
    // Ada, Ben and Eve get one; Fay has her own already; Cy's secret is malformed.
    expect(plan.summary.factors).toEqual({ total: 4, enrolled: 0, unchanged: 1, failed: 0, pending: 3 });
  });

  it('gives each user with a valid secret exactly one TOTP factor, with that secret', () => {
    expect(first.summary.factors).toEqual({ total: 4, enrolled: 3, unchanged: 1, failed: 0, pending: 0 });
    expect(totpFactors('ada').map((f) => f.secret)).toEqual([ADA_SECRET]);
    expect(totpFactors('ben').map((f) => f.secret)).toEqual([BEN_SECRET]);
    expect(totpFactors('eve').map((f) => f.secret)).toEqual([EVE_SECRET]);
    // Fay keeps the authenticator she set up in WorkOS; no second factor.
    expect(totpFactors('fay').map((f) => f.secret)).toEqual([FAY_OWN_SECRET]);
    expect(totpFactors('cy')).toEqual([]);
    expect(totpFactors('dee')).toEqual([]);
    expect(first.summary.complete).toBe(true);
  });

  it('a code computed from the source secret verifies in WorkOS', async () => {
    for (const [name, secret] of [
      ['ada', ADA_SECRET],
      ['ben', BEN_SECRET],
      ['eve', EVE_SECRET],
    ] as const) {
      const [factor] = totpFactors(name);
      const challenge = await sdk.multiFactorAuth.challengeFactor({ authenticationFactorId: factor!.id });
      const verified = await sdk.multiFactorAuth.verifyChallenge({
        authenticationChallengeId: challenge.id,
        code: totpNow(secret),
      });
      expect(verified.valid, name).toBe(true);
    }
  });

  it('sends only the malformed secret and the SMS user to re-enrollment, saying what is wrong', () => {
    expect(first.reenroll.slice(1).sort()).toEqual([
      ['sms', 'user_dee'],
      ['totp', 'user_cy'],
    ]);
    expect(first.summary.mfa).toEqual({ sms: 1, totp: 1 });
    const problem = first.errors.find((e) => e.code === 'invalid_totp_secret');
    expect(problem).toMatchObject({ source_id: 'user_cy', field: 'totp_secret', severity: 'warning' });
    expect(problem!.message).toMatch(/character 13 is not Base32/);
  });

  it('journals a digest of each secret it enrolled, never the secret', () => {
    const lines = readFileSync(join(state, 'journal.ndjson'), 'utf8').trim().split('\n').slice(1);
    const factors = lines.map((l) => JSON.parse(l) as Record<string, string>).filter((e) => e.entity === 'factor');
    expect(factors.map((e) => e.source_id).sort()).toEqual(['user_ada', 'user_ben', 'user_eve']);
    for (const entry of factors) expect(entry.input_digest).toMatch(/^[0-9a-f]{20}$/);
  });

  it('verify finds every factor in WorkOS, and a missing one is drift', async () => {
    const verified = await run('verify', source());
    expect(verified.run.code, shown(verified.run)).toBe(0);
    expect(verified.report.summary.factors).toEqual({ total: 4, enrolled: 0, unchanged: 4, failed: 0, pending: 0 });
    const [ben] = totpFactors('ben');
    await sdk.multiFactorAuth.deleteFactor(ben!.id);
    const drifted = await run('verify', source());
    expect(drifted.run.code, shown(drifted.run)).toBe(1);
    expect(drifted.report.summary.factors?.pending).toBe(1);
    // import repairs it, with the same secret.
    const repaired = await run('import', [...source(), '--state', state]);
    expect(repaired.run.code, shown(repaired.run)).toBe(0);
    expect(repaired.report.summary.factors).toMatchObject({ enrolled: 1, unchanged: 3 });
    expect(totpFactors('ben').map((f) => f.secret)).toEqual([BEN_SECRET]);
  });

  describe('run again', () => {
    it('with the same checkpoint: nothing is written', async () => {
      const again = await run('import', [...source(), '--state', state]);
      expect(again.run.code, shown(again.run)).toBe(0);
      expect(again.report.summary.requests?.writes).toBe(0);
      expect(again.report.summary.factors).toEqual({ total: 4, enrolled: 0, unchanged: 4, failed: 0, pending: 0 });
    });

    it('with a fresh checkpoint: no user gets a second factor', async () => {
      const fresh = join(work, 'fresh-state');
      const again = await run('import', [...source(), '--state', fresh]);
      expect(again.run.code, shown(again.run)).toBe(0);
      expect(again.report.summary.factors?.enrolled).toBe(0);
      for (const name of ['ada', 'ben', 'eve', 'fay']) expect(totpFactors(name), name).toHaveLength(1);
    });
  });

  describe('rollback', () => {
    it('deletes the factors it enrolled, also on the claimed user it keeps, and no other', async () => {
      const rolled = await run('rollback', ['--state', state, '--confirm']);
      expect(rolled.run.code, shown(rolled.run)).toBe(0);
      expect(rolled.report.summary.deleted).toMatchObject({ users: 4, factors: 3 });
      expect(workosUser('ada')).toBeUndefined();
      expect(workosUser('eve')?.id).toBe(eveId);
      expect(emulator.factorsOf(eveId)).toEqual([]);
      expect(emulator.factorsOf(fayId).map((f) => f.secret)).toEqual([FAY_OWN_SECRET]);
    });
  });

  it('no secret appears in any output, report, log or checkpoint', () => {
    const texts = [
      ...runs.flatMap(({ run: r, out }) => [
        { where: 'stdout', text: r.stdout },
        { where: 'stderr', text: r.stderr },
        ...filesUnder(out).map((f) => ({ where: f.path, text: f.text })),
      ]),
      ...filesUnder(work)
        .filter((f) => f.path !== usersFile)
        .map((f) => ({ where: f.path, text: f.text })),
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const { where, text } of texts)
      for (const secret of SECRETS) {
        expect(text.includes(secret), `a TOTP secret in ${where}`).toBe(false);
        expect(text.toUpperCase().includes(secret.replace(/\s/g, '').toUpperCase()), `a TOTP secret in ${where}`).toBe(
          false,
        );
      }
  });
});
