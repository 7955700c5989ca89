import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceItem } from '../../../src/model/types.js';
import {
  type LoadedPasswords,
  loadAuth0Passwords,
  loadAuth0PasswordsInBackground,
  type PasswordLoad,
} from '../../../src/sources/auth0/passwords.js';
import { readAuth0UserBatches } from '../../../src/sources/auth0/users.js';

// The password file is read in the background while users are read; users read before it is
// ready wait and are joined afterwards. Whenever it becomes ready, the output must be what
// reading the password file first gives: same users, same hashes, same problems, same order.

const dir = mkdtempSync(join(tmpdir(), 'waiting-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hash = (i: number) => `$2b$10$${String(i).padStart(53, 'a')}`;

/** An export with every kind of join and problem, large enough to take several batches. */
function writeExport(): { usersPath: string; passwordsPath: string } {
  const users: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const id = i.toString(16).padStart(24, '0');
    const email = `person${i}@example.com`;
    if (i % 97 === 5) users.push('{"user_id": "auth0|broken", "email": ');
    else if (i % 89 === 3) users.push(JSON.stringify({ user_id: `auth0|${id}`, email: 'not an email' }));
    else if (i % 53 === 7)
      users.push(JSON.stringify({ user_id: `auth0|${id}`, email, app_metadata: { plan: { nested: true } } }));
    else
      users.push(
        JSON.stringify({
          user_id: i % 31 === 0 ? `google-oauth2|${id}` : `auth0|${id}`,
          email,
          email_verified: true,
          given_name: `Ä${i}`,
          identities: [{ connection: 'Username-Password-Authentication', provider: 'auth0', user_id: id }],
          app_metadata: { plan: `p${i % 3}` },
        }),
      );
    // Most rows by id; some only by email and connection; some twice; some with a bad hash.
    const row: Record<string, unknown> = {
      email: i % 41 === 0 ? email.toUpperCase() : email,
      passwordHash: i % 67 === 1 ? 'not-a-hash' : hash(i),
      connection: 'Username-Password-Authentication',
      password_set_date: { $date: new Date(1.6e12 + i * 1000).toISOString() },
    };
    if (i % 23 !== 0) row._id = { $oid: id };
    rows.push(JSON.stringify(row));
    if (i % 71 === 2)
      rows.push(
        JSON.stringify({ ...row, passwordHash: hash(i + 1), password_set_date: { $date: '2020-01-01T00:00:00Z' } }),
      );
  }
  rows.push(JSON.stringify({ _id: { $oid: 'f'.repeat(24) }, email: 'nobody@example.com', passwordHash: hash(1) }));
  // Shuffled, as support's export is in no particular order.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const usersPath = join(dir, 'users.ndjson');
  const passwordsPath = join(dir, 'passwords.ndjson');
  writeFileSync(usersPath, users.join('\n') + '\n');
  writeFileSync(passwordsPath, rows.join('\n') + '\n');
  return { usersPath, passwordsPath };
}

const metadataMap = { plan: 'app_metadata.plan' };

async function readWith(
  files: { usersPath: string; passwordsPath: string },
  startLoad: (path: string) => PasswordLoad,
) {
  const items: SourceItem[] = [];
  for await (const batch of readAuth0UserBatches({ ...files, metadataMap }, startLoad)) items.push(...batch);
  return items;
}

/** The real load (on this thread), finished before the first user is read. */
async function readFirst(path: string): Promise<PasswordLoad> {
  const loaded = await loadAuth0Passwords(path);
  return { settled: true, result: Promise.resolve(loaded), cancel: () => {} };
}

/** The real load, started only when the reader waits for it: every user read waits. */
function readLast(path: string): PasswordLoad {
  let started: Promise<LoadedPasswords> | undefined;
  // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose: the load starts only when the reader awaits it.
  const result = { then: (ok: never, fail: never) => (started ??= loadAuth0Passwords(path)).then(ok, fail) };
  return { settled: false, result: result as Promise<LoadedPasswords>, cancel: () => {} };
}

describe('users read while the password file loads', () => {
  it('come out exactly as if the password file had been read first', async () => {
    const files = writeExport();
    const loadedFirst = await readFirst(files.passwordsPath);
    const first = await readWith(files, () => loadedFirst);
    // The export exercises what it should.
    const users = first.flatMap((i) => (i.kind === 'user' ? [i.record] : []));
    const codes = new Set(first.flatMap((i) => (i.kind === 'problem' ? [i.problem.code] : [])));
    expect(users.filter((u) => u.password).length).toBeGreaterThan(3000);
    for (const code of ['invalid_json', 'password_duplicate', 'password_unmatched', 'invalid_email'])
      expect(codes, code).toContain(code);

    // Every user waits, then joins.
    expect(await readWith(files, readLast)).toEqual(first);
    // Loaded alongside, on this thread: some users wait, the rest join as they are read.
    expect(await readWith(files, loadAuth0PasswordsInBackground)).toEqual(first);
  });
});
