import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { runImport } from '../../src/modes/import.js';
import { countsAddUp } from '../../src/report/summary.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import { tempDirForFile } from '../support/temp-dir.js';

let emulator: Emulator;
let data: SyntheticExport;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, writeLimit: { requests: 100_000, windowMs: 10_000 } });
  data = writeSyntheticAuth0Export(tempDirForFile('faults-'), 150);
});
afterAll(async () => emulator?.close());

function importOnce(stateDir?: string) {
  return runImport({
    source: 'auth0',
    files: { users: data.usersPath, passwords: data.passwordsPath },
    target: { apiKey: 'sk_test_faults', apiUrl: emulator.url, timeoutMs: 15_000 },
    stateDir,
    rateLimit: 1000,
    readRateLimit: 1000,
    concurrency: 6,
  });
}

describe('an import through an unreliable WorkOS', () => {
  it('ends with exactly the expected users despite 5xx, a 429 storm and lost answers', async () => {
    emulator.reset();
    emulator.setFaults({
      serverErrorRate: 0.1,
      afterCommitFailureRate: 0.05,
      rateLimitStorm: { durationMs: 1500, retryAfterSeconds: 1 },
    });
    const result = await importOnce(tempDirForFile('faults-state-'));
    const users = result.summary.users;
    expect(countsAddUp(users)).toBe(true);
    expect(users.failed, JSON.stringify(result.outcomes.filter((o) => o.status === 'failed'))).toBe(0);
    expect(users.created).toBe(150);
    expect(result.summary.requests!.rateLimited).toBeGreaterThan(0);
    expect(result.summary.requests!.transient).toBeGreaterThan(0);
    const held = emulator
      .snapshot()
      .users.map((u) => u.external_id)
      .sort();
    expect(held).toEqual([...data.expectedExternalIds].sort());
    expect(result.summary.workos?.users).toMatchObject({ expected: 150, found: 150, missing: 0, mismatched: 0 });
  });

  it('without a checkpoint, a second import finds every user, creates none, and sends only the hashes no checkpoint records', async () => {
    emulator.reset();
    await importOnce();
    const again = await importOnce();
    // WorkOS never returns hashes: with no journal to say they were sent, each one is sent again.
    expect(again.summary.users).toMatchObject({ total: 150, created: 0, updated: 150, unchanged: 0, failed: 0 });
    expect(again.summary.passwords).toMatchObject({ sent: 150, recordedEarlier: 0 });
    expect(again.summary.requests!.writes).toBe(150);
    expect(emulator.snapshot().users).toHaveLength(150);
  });

  it('with a checkpoint, a second import sends no request at all for users', async () => {
    emulator.reset();
    const state = tempDirForFile('faults-state-');
    await importOnce(state);
    const again = await importOnce(state);
    expect(again.summary.users).toMatchObject({ created: 0, unchanged: 150 });
    expect(again.summary.requests!.writes).toBe(0);
    expect(again.journalAppended).toBe(0);
  });
});
