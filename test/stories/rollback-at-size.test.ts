import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/checkpoint/journal.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { runRollback } from '../../src/modes/rollback.js';

// rollback of a checkpoint that records 25,000 users as created: its deletes go out a batch of
// 10,000 at a time while each is journaled, so a pass over the journal that lost its place
// would delete a user twice (a 404) or leave one behind.
const USERS = 25_000;
const UNLIMITED = { requests: 1_000_000_000, windowMs: 1 };

let emulator: Emulator;
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `rollback-at-size-${prefix}-`));
  dirs.push(dir);
  return dir;
};
beforeAll(async () => {
  emulator = await startEmulator({ writeLimit: UNLIMITED, readLimit: null });
});
afterAll(async () => {
  await emulator?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe(`rollback --confirm of ${USERS} users this migration created`, () => {
  it('deletes each once, journals each, and lists each in rollback.csv', async () => {
    const state = tempDir('state');
    const out = tempDir('out');
    const journal = Journal.open(state, { source: 'auth0', fingerprint: 'f' });
    for (let i = 0; i < USERS; i++) {
      const externalId = `auth0|${i}`;
      const user = emulator.seedUser({ email: `user${i}@example.com`, external_id: externalId });
      journal.record({
        entity: 'user',
        source_id: externalId,
        workos_id: user.id,
        status: 'created',
        input_digest: 'd',
      });
    }
    // One user that was in WorkOS before (claimed by the import): it stays.
    const kept = emulator.seedUser({ email: 'kept@example.com', external_id: 'auth0|kept' });
    journal.record({
      entity: 'user',
      source_id: 'auth0|kept',
      workos_id: kept.id,
      status: 'updated',
      claimed: true,
      input_digest: 'd',
    });
    journal.close();
    const writesBefore = emulator.stats().writes;

    const result = await runRollback({
      source: 'auth0',
      stateDir: state,
      outDir: out,
      confirm: true,
      target: { apiKey: 'sk_test_rollback', apiUrl: emulator.url },
      rateLimit: 1_000_000,
      readRateLimit: 1_000_000,
    });

    expect(result.summary.deleted).toEqual({ users: USERS, organizations: 0, memberships: 0 });
    expect(result.summary.removals).toEqual({ users: USERS, organizations: 0, memberships: 0 });
    expect(result.problems).toEqual([]);
    expect(emulator.snapshot().users.map((u) => u.id)).toEqual([kept.id]);
    // One delete a user (and one update clearing the kept user's lazy mark, if any): none twice.
    expect(emulator.stats().writes - writesBefore).toBeLessThanOrEqual(USERS + 1);
    expect(emulator.stats().writes - writesBefore).toBeGreaterThanOrEqual(USERS);
    const rows = readFileSync(join(out, 'rollback.csv'), 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(USERS + 2);
    expect(rows.filter((r) => r.endsWith(',delete,'))).toHaveLength(USERS);
    expect(rows.at(-1)).toBe(`user,auth0|kept,${kept.id},keep_claimed,existed_before`);
    const after = Journal.open(state, { source: 'auth0', fingerprint: 'f' }, { force: true, readOnly: true });
    let deleted = 0;
    for (const entry of after.entries()) if (entry.status === 'deleted') deleted++;
    after.close();
    expect(deleted).toBe(USERS);
  }, 300_000);
});
