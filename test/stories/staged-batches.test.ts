import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { runImport } from '../../src/modes/import.js';
import type { CliRun } from '../support/cli.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import {
  API_KEY,
  cli,
  examplePii,
  expectCountsAddUp,
  expectNoPii,
  filesUnder,
  journalEntries,
  readReport,
  shown,
  tempDir,
} from './story-support.js';

// A migration too big for one job runs in stages: each run (a cron, say) imports a slice,
// checkpoints, and says how much is left; the next one goes on; once everything is in, a run
// says so and touches nothing. The first and last runs go through the CLI as a user would; the
// middle ones in process, which is much faster.

const USERS = 35;

let emulator: Emulator;
let data: SyntheticExport;

beforeAll(async () => {
  emulator = await startEmulator();
  data = writeSyntheticAuth0Export(tempDir('staged-data'), USERS);
});
beforeEach(() => emulator.reset());
afterAll(async () => emulator?.close());

/** The synthetic users' emails must not show either: the check for unmasked addresses covers them. */
function expectNothingPersonal(run: CliRun, out: string): void {
  expectNoPii(
    [
      { where: 'stdout', text: run.stdout },
      { where: 'stderr', text: run.stderr },
      ...filesUnder(out).map((f) => ({ where: f.path, text: f.text })),
    ],
    examplePii(),
  );
}

const flags = () => [
  '--source',
  'auth0',
  '--users',
  data.usersPath,
  '--passwords',
  data.passwordsPath,
  '--api-url',
  emulator.url,
];

function importStage(stateDir: string, maxRecords?: number) {
  return runImport({
    source: 'auth0',
    files: { users: data.usersPath, passwords: data.passwordsPath },
    stateDir,
    target: { apiKey: API_KEY, apiUrl: emulator.url },
    rateLimit: 500,
    maxRecords,
  });
}

describe('an import in stages of --max-records 10', () => {
  it('imports 10 per run, says how many are pending, goes on until complete, then writes nothing', async () => {
    const state = tempDir('staged-state');

    const out = tempDir('staged-out');
    const firstRun = await cli(['import', ...flags(), '--state', state, '--out', out, '--max-records', '10']);
    expect(firstRun.code, shown(firstRun)).toBe(0);
    const first = readReport(out).summary;
    expect(first).toMatchObject({
      complete: false,
      stoppedBy: 'max-records',
      users: { total: USERS, created: 10, pending: 25, failed: 0 },
    });
    expect(emulator.snapshot().users).toHaveLength(10);
    expectNothingPersonal(firstRun, out);

    // The next stages, as the next cron runs would make them.
    const created = [10];
    for (let stage = 2; stage <= 10; stage++) {
      const { summary } = await importStage(state, 10);
      expectCountsAddUp(summary);
      expect(summary.users.failed).toBe(0);
      created.push(summary.users.created);
      expect(summary.users.unchanged).toBe(created.slice(0, -1).reduce((a, b) => a + b, 0));
      expect(emulator.snapshot().users).toHaveLength(created.reduce((a, b) => a + b, 0));
      if (summary.complete) break;
      expect(summary.users.pending).toBe(USERS - created.reduce((a, b) => a + b, 0));
    }
    expect(created).toEqual([10, 10, 10, 5]);
    expect(
      emulator
        .snapshot()
        .users.map((u) => u.external_id)
        .sort(),
    ).toEqual([...data.expectedExternalIds].sort());

    // One more scheduled run: nothing pending, nothing written, the checkpoint untouched.
    const journalBefore = readFileSync(join(state, 'journal.ndjson'));
    const writesBefore = emulator.stats().writes;
    const lastOut = tempDir('staged-out');
    const lastRun = await cli(['import', ...flags(), '--state', state, '--out', lastOut, '--max-records', '10']);
    expect(lastRun.code, shown(lastRun)).toBe(0);
    const last = readReport(lastOut).summary;
    expect(last).toMatchObject({
      complete: true,
      users: { total: USERS, created: 0, updated: 0, unchanged: USERS, pending: 0 },
    });
    expect(last.stoppedBy).toBeUndefined();
    expect(last.requests?.writes).toBe(0);
    expect(emulator.stats().writes - writesBefore).toBe(0);
    expect(readFileSync(join(state, 'journal.ndjson')).equals(journalBefore)).toBe(true);
    expectNothingPersonal(lastRun, lastOut);
  });
});

describe('an import with --time-budget 1s against a slow WorkOS', () => {
  it('stops cleanly with some pending, every write it made on record, and the next run finishes', async () => {
    emulator.setFaults({ latencyMs: 400 });
    const state = tempDir('budget-state');
    const out = tempDir('budget-out');
    const started = Date.now();
    const run = await cli([
      'import',
      ...flags(),
      '--state',
      state,
      '--out',
      out,
      '--time-budget',
      '1s',
      '--concurrency',
      '2',
    ]);
    const elapsed = Date.now() - started;
    expect(run.code, shown(run)).toBe(0);
    const summary = readReport(out).summary;
    expect(summary).toMatchObject({ complete: false, stoppedBy: 'time-budget', users: { total: USERS, failed: 0 } });
    expect(summary.users.created).toBeGreaterThan(0);
    expect(summary.users.pending).toBeGreaterThan(0);
    expect(summary.users.created + summary.users.pending).toBe(USERS);
    // 35 creates at 400 ms, two at a time, would take over 7 s.
    expect(elapsed).toBeLessThan(6_000);
    expectNothingPersonal(run, out);

    // Writes in flight at the deadline were waited for: WorkOS, the journal and the report agree.
    const held = emulator.snapshot().users;
    expect(held).toHaveLength(summary.users.created);
    const journal = journalEntries(state).filter((e) => e.entity === 'user');
    expect(journal.map((e) => e.source_id).sort()).toEqual(held.map((u) => u.external_id).sort());

    emulator.setFaults({});
    const next = await importStage(state);
    expectCountsAddUp(next.summary);
    expect(next.summary).toMatchObject({
      complete: true,
      users: { created: summary.users.pending, unchanged: summary.users.created, failed: 0 },
    });
    expect(
      emulator
        .snapshot()
        .users.map((u) => u.external_id)
        .sort(),
    ).toEqual([...data.expectedExternalIds].sort());
  });
});
