import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startCli } from '../support/cli.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import { tempDirForFile } from '../support/temp-dir.js';

// Given an export imported by a CLI that is SIGKILLed at random moments (including while a
// write whose answer is lost is in flight), run again until it finishes: WorkOS holds exactly
// the exported users, once each, and the journal and id map agree with it.

const USERS = 120;
const TRIALS = 20;

let emulator: Emulator;
let data: SyntheticExport;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 7, writeLimit: { requests: 100_000, windowMs: 10_000 } });
  data = writeSyntheticAuth0Export(tempDirForFile('crash-data-'), USERS);
});
afterAll(async () => emulator?.close());

/** A simple seeded generator so a failing trial can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('an import killed with SIGKILL and run again', () => {
  it(`ends with exactly the exported users in ${TRIALS} trials`, async () => {
    const rand = random(20261123);
    let kills = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      emulator.reset();
      // Every 10th write is committed and then its answer lost; all answers are a little slow.
      emulator.setFaults({ latencyMs: 25, afterCommitFailureRate: 0.1 });
      const state = tempDirForFile('crash-state-');
      const out = tempDirForFile('crash-out-');
      const args = [
        'import',
        '--users',
        data.usersPath,
        '--passwords',
        data.passwordsPath,
        '--state',
        state,
        '--out',
        out,
        '--api-url',
        emulator.url,
        '--rate-limit',
        '2000',
        '--concurrency',
        '4',
      ];
      let finished = false;
      for (let attempt = 0; attempt < 30 && !finished; attempt++) {
        // A SIGKILLed CLI cannot remove its own temporary files: they go in a folder the test removes.
        const { child, done } = startCli(args, {
          WORKOS_API_KEY: 'sk_test_crash',
          TMPDIR: tempDirForFile('crash-tmp-'),
        });
        // Kill early in most attempts (where the writes are); let the last attempts finish.
        const killAfter = attempt < 3 ? 250 + rand() * 1000 : undefined;
        const timer = killAfter !== undefined ? setTimeout(() => child.kill('SIGKILL'), killAfter) : undefined;
        const run = await done;
        clearTimeout(timer);
        if (run.signal === 'SIGKILL') {
          kills++;
          continue;
        }
        expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
        finished = true;
      }
      expect(finished).toBe(true);

      const held = emulator.snapshot().users;
      const externalIds = held.map((u) => u.external_id ?? '').sort();
      expect(externalIds).toEqual([...data.expectedExternalIds].sort());

      const byExternalId = new Map(held.map((u) => [u.external_id ?? '', u.id]));
      const journal = readFileSync(join(state, 'journal.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => JSON.parse(l) as { source_id: string; workos_id: string });
      for (const entry of journal) expect(byExternalId.get(entry.source_id)).toBe(entry.workos_id);
      expect(new Set(journal.map((e) => e.source_id)).size).toBe(USERS);

      const idMap = readFileSync(join(out, 'id-map.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      expect(idMap).toHaveLength(USERS);
      for (const [, sourceId, workosId] of idMap) expect(byExternalId.get(sourceId ?? '')).toBe(workosId);
    }
    // The test is only worth something if it really killed runs mid-import.
    expect(kills).toBeGreaterThanOrEqual(TRIALS);
  }, 600_000);
});
