import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
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
} from './story-support.js';

// Real exports are not clean, and WorkOS is not always willing: one broken line or hash must
// not stop the other users, and a burst of 429s is something to wait out, not a failure.

const NOAH = 'auth0|665f1c0e8a4b2d0019e3a10e'; // users.ndjson line 14, in no organization
const OLIVIA = 'auth0|665f1c0e8a4b2d0019e3a10f'; // her password row is passwords.ndjson line 16
const BROKEN_USER_LINE = 14;
const BROKEN_HASH_LINE = 16;

let emulator: Emulator;
const broken = { users: '', passwords: '', organizations: AUTH0.organizations };

/** The example with line 14 of users.ndjson cut short and Olivia's bcrypt hash truncated. */
function writeBrokenCopy(dir: string): void {
  const users = readFileSync(AUTH0.users, 'utf8').split('\n');
  expect(JSON.parse(users[BROKEN_USER_LINE - 1]!).user_id).toBe(NOAH);
  users[BROKEN_USER_LINE - 1] = users[BROKEN_USER_LINE - 1]!.slice(0, 80);
  broken.users = join(dir, 'users.ndjson');
  writeFileSync(broken.users, users.join('\n'));

  const passwords = readFileSync(AUTH0.passwords, 'utf8').split('\n');
  const row = JSON.parse(passwords[BROKEN_HASH_LINE - 1]!) as { _id: { $oid: string }; passwordHash: string };
  expect(`auth0|${row._id.$oid}`).toBe(OLIVIA);
  row.passwordHash = row.passwordHash.slice(0, 40);
  passwords[BROKEN_HASH_LINE - 1] = JSON.stringify(row);
  broken.passwords = join(dir, 'passwords.ndjson');
  writeFileSync(broken.passwords, passwords.join('\n'));
}

function exampleUserIds(): string[] {
  return readFileSync(AUTH0.users, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { user_id: string }).user_id);
}

beforeAll(async () => {
  emulator = await startEmulator();
  writeBrokenCopy(tempDir('broken-export'));
});
beforeEach(() => emulator.reset());
afterAll(async () => emulator?.close());

async function importBroken(extra: string[] = []) {
  const out = tempDir('broken-out');
  const run = await cli([
    'import',
    ...auth0Flags(broken),
    '--state',
    tempDir('broken-state'),
    '--out',
    out,
    '--api-url',
    emulator.url,
    '--rate-limit',
    '500',
    ...extra,
  ]);
  return { run, out, report: readReport(out) };
}

describe('an export with a malformed line and a malformed password hash', () => {
  it('reports both by file and line, exits 0 (nothing failed to write), and imports every other user', async () => {
    const { run, out, report } = await importBroken();
    expect(run.code, shown(run)).toBe(0);

    const brokenLine = report.errors.find((e) => e.file === broken.users && e.line === BROKEN_USER_LINE);
    expect(brokenLine, JSON.stringify(report.errors)).toMatchObject({ entity: 'user', code: 'invalid_json' });
    const brokenHash = report.errors.find((e) => e.file === broken.passwords && e.line === BROKEN_HASH_LINE);
    expect(brokenHash, JSON.stringify(report.errors)).toMatchObject({
      entity: 'password',
      code: 'invalid_password_hash',
      field: 'passwordHash',
    });

    // Everyone the intact example imports, except the user on the broken line.
    const held = emulator.snapshot().users.map((u) => u.external_id);
    const expected = exampleUserIds().filter(
      (id) =>
        id !== NOAH &&
        id !== 'auth0|665f1c0e8a4b2d0019e3a107' &&
        id !== 'google-oauth2|104958372615009281301' &&
        !id.startsWith('sms|'),
    );
    expect(held.sort()).toEqual(expected.sort());
    expect(report.summary.users).toMatchObject({ created: 26, failed: 0, pending: 0, invalid: 2, skipped: 1 });
    expect(report.summary.memberships).toMatchObject({ created: 10, failed: 0 });
    // 17 in the intact example, less Noah's and Olivia's.
    expect(report.summary.passwords.sent).toBe(15);

    // Olivia is in WorkOS, without the password her broken hash would have given her.
    expect(held).toContain(OLIVIA);
    const signIn = sdkFor(emulator).userManagement.authenticateWithPassword({
      clientId: 'client_story_app',
      email: 'olivia.rossi@example.com',
      password: 'Password-15!',
    });
    await expect(signIn).rejects.toMatchObject({ code: 'invalid_credentials' });

    // The broken line held an email; no message repeats it, and no hash is quoted.
    expectNoPii(
      [
        { where: 'stdout', text: run.stdout },
        { where: 'stderr', text: run.stderr },
        ...filesUnder(out).map((f) => ({ where: f.path, text: f.text })),
      ],
      examplePii(),
    );
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).not.toContain(
      readFileSync(AUTH0.passwords, 'utf8')
        .split('\n')
        [BROKEN_HASH_LINE - 1]!.match(/\$2b\$10\$[^"]{10}/)![0],
    );
  });

  it('with --fail-on invalid: exit 1 and the same report', async () => {
    const strict = await importBroken(['--fail-on', 'invalid']);
    emulator.reset();
    const lenient = await importBroken();
    expect(strict.run.code).toBe(1);
    expect(lenient.run.code, shown(lenient.run)).toBe(0);
    const { requests: _a, ...strictSummary } = strict.report.summary;
    const { requests: _b, ...lenientSummary } = lenient.report.summary;
    expect(lenientSummary).toEqual(strictSummary);
    expect(readFileSync(join(lenient.out, 'errors.jsonl'), 'utf8')).toBe(
      readFileSync(join(strict.out, 'errors.jsonl'), 'utf8'),
    );
  });
});

describe('a storm of 429s from WorkOS', () => {
  it('is waited out: the import completes with nothing failed', async () => {
    emulator.setFaults({ rateLimitStorm: { durationMs: 2500, retryAfterSeconds: 1 } });
    const out = tempDir('storm-out');
    const run = await cli([
      'import',
      ...auth0Flags(),
      '--state',
      tempDir('storm-state'),
      '--out',
      out,
      '--api-url',
      emulator.url,
      '--rate-limit',
      '500',
    ]);
    const report = readReport(out);
    expect(run.code, shown(run)).toBe(0); // nothing failed: the example's skipped and invalid users do not fail an import
    expect(emulator.stats().faults.rateLimitStorm).toBeGreaterThan(0);
    expect(report.summary).toMatchObject({
      complete: true,
      users: { created: 27, failed: 0, pending: 0 },
      organizations: { created: 3, failed: 0, pending: 0 },
      memberships: { created: 10, failed: 0, pending: 0 },
    });
    expect(report.summary.requests?.rateLimited).toBeGreaterThan(0);
    expect(
      report.errors
        .filter((e) => e.severity !== 'warning')
        .map((e) => e.code)
        .sort(),
    ).toEqual(['blocked', 'missing_email']);
    expect(emulator.snapshot().users).toHaveLength(27);
    expect(emulator.snapshot().memberships).toHaveLength(10);
  });
});
