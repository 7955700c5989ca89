import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.js';

// A password file of 8 MB or more is read on a worker thread of the CLI bundle (dist/password-worker/),
// and its index handed to the main thread: what a user sees must be what the export says.

const dir = mkdtempSync(join(tmpdir(), 'password-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USERS = 40_000;

function writeExport() {
  const users: string[] = [];
  const rows: string[] = [];
  let social = 0;
  let badHash = 0;
  for (let i = 0; i < USERS; i++) {
    const id = (i * 2654435761).toString(16).padStart(24, '0').slice(-24);
    const email = `member${i}@worker.example.org`;
    if (i % 10_000 === 9) users.push('{"user_id": "auth0|cut-short", ');
    if (i % 50 === 7) {
      social++;
      users.push(
        JSON.stringify({
          user_id: `github|${i}`,
          email,
          email_verified: true,
          identities: [{ provider: 'github', isSocial: true }],
        }),
      );
      continue;
    }
    users.push(
      JSON.stringify({
        user_id: `auth0|${id}`,
        email,
        email_verified: true,
        identities: [{ connection: 'Username-Password-Authentication', provider: 'auth0', user_id: id }],
      }),
    );
    const bad = i % 100 === 3;
    if (bad) badHash++;
    rows.push(
      JSON.stringify({
        _id: { $oid: id },
        email,
        passwordHash: bad ? 'md5:0cc175b9c0f1b6a8' : `$2b$10$${String(i).padStart(53, 'x')}`,
        password_set_date: { $date: '2024-01-01T00:00:00.000Z' },
        connection: 'Username-Password-Authentication',
        tenant: 'worker-test',
      }),
    );
  }
  for (let i = 0; i < 10; i++)
    rows.push(
      JSON.stringify({ _id: { $oid: `e${String(i).padStart(23, '0')}` }, passwordHash: `$2b$10$${'y'.repeat(53)}` }),
    );
  // In another order than the users, as support's file is.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = (i * 48271) % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const files = { users: join(dir, 'users.ndjson'), passwords: join(dir, 'passwords.ndjson') };
  writeFileSync(files.users, users.join('\n') + '\n');
  writeFileSync(files.passwords, rows.join('\n') + '\n');
  return { files, social, badHash, withHash: USERS - social - badHash };
}

describe('the password file on a worker thread', () => {
  it('joins every user to its hash and reports the same problems', async () => {
    const { files, social, badHash, withHash } = writeExport();
    expect(statSync(files.passwords).size).toBeGreaterThan(8 * 1024 * 1024);
    const out = join(dir, 'out');
    const run = await runCliProcess([
      'plan',
      '--source',
      'auth0',
      '--users',
      files.users,
      '--passwords',
      files.passwords,
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(1); // invalid hashes are errors: a plan with errors exits 1
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.users.pending).toBe(USERS);
    expect(summary.passwords.withHash).toBe(withHash);
    expect(summary.passwords.unsupported).toBe(badHash);
    expect(summary.passwords.missing).toBe(social);
    const problems = readFileSync(join(out, 'errors.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { code: string; line: number; file: string });
    const codes = (code: string) => problems.filter((p) => p.code === code);
    expect(codes('invalid_password_hash')).toHaveLength(badHash);
    expect(codes('password_unmatched')).toHaveLength(10);
    // Each names the line of the password file it is about.
    for (const problem of [...codes('invalid_password_hash'), ...codes('password_unmatched')]) {
      expect(problem.file).toBe(files.passwords);
      expect(problem.line).toBeGreaterThan(0);
    }
    // In the order of reading the password file first: its rows' problems, then the users', then
    // the rows no user joined.
    const userProblems = problems.flatMap((p, at) => (p.file === files.users ? [at] : []));
    expect(userProblems).toHaveLength(4);
    const at = (code: string) => problems.flatMap((p, index) => (p.code === code ? [index] : []));
    expect(Math.max(...at('invalid_password_hash'))).toBeLessThan(Math.min(...userProblems));
    expect(Math.max(...userProblems)).toBeLessThan(Math.min(...at('password_unmatched')));
  }, 60_000);
});
