import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_FILE } from '../../../src/checkpoint/journal.js';
import type * as Stores from '../../../src/checkpoint/stores/index.js';
import { startFakeGitHub, type FakeGitHub } from '../../fakes/github.js';
import { journalWith, stubActionsEnv } from '../../support/state-fixtures.js';


let fake: FakeGitHub;
let stores: typeof Stores;
let names = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  // @actions/github reads GITHUB_API_URL once, when imported, and @actions/artifact downloads through it.
  stubActionsEnv(fake);
  stores = await import('../../../src/checkpoint/stores/index.js');
});
afterAll(() => fake.close());
beforeEach(() => {
  stubActionsEnv(fake);
  // @actions/artifact narrates every step on stdout; the assertions say what matters.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A fresh state name per test: the fake is shared by the whole file. */
function stateName(): string {
  return `workos-migration-state-t${++names}`;
}

/** Starts a run the way the runner would: its id, attempt and runtime token in the step's env. */
function startRun(options: { workflowId?: number; attempt?: number } = {}) {
  const run = fake.newRun(options);
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', run.runtimeToken);
  vi.stubEnv('GITHUB_RUN_ID', String(run.runId));
  return { runId: run.runId, runAttempt: options.attempt ?? 1 };
}

function storeFor(name: string, run: { runId: number; runAttempt: number }, token = fake.token) {
  return stores.artifactStateStore({ name, token, owner: fake.owner, repo: fake.repo, retentionDays: 7, ...run });
}

function stateDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'artifact-store-')), 'state');
}

describe('artifact state store', () => {
  it('restores in run 2 the journal run 1 saved, byte for byte', async () => {
    const name = stateName();
    const run1 = startRun();
    const dir1 = stateDir();
    const saved = journalWith(dir1, [1, 2, 3]);
    const result = await storeFor(name, run1).save(dir1);
    expect(result).toEqual({ saved: true, name: `${name}-${run1.runId}-1-1` });
    expect(fake.artifacts().find((a) => a.name === result.name)?.files).toEqual([JOURNAL_FILE]);

    const run2 = startRun();
    const dir2 = stateDir();
    const restored = await storeFor(name, run2).restore(dir2);
    expect(restored).toEqual({ restored: true, from: `artifact ${name}-${run1.runId}-1-1 of run ${run1.runId}` });
    expect(readFileSync(join(dir2, JOURNAL_FILE), 'utf8')).toBe(saved);
  });

  it('says there is nothing to restore on a first run and leaves the directory alone', async () => {
    const dir = stateDir();
    const result = await storeFor(stateName(), startRun()).restore(dir);
    expect(result).toEqual({ restored: false });
    expect(existsSync(dir)).toBe(false);
  });

  it('restores the newest of several saves in one run, and the post step continues the numbering', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    const main = storeFor(name, run);
    journalWith(dir, [1]);
    expect((await main.save(dir)).name).toBe(`${name}-${run.runId}-1-1`);
    journalWith(dir, [1, 2]);
    expect((await main.save(dir)).name).toBe(`${name}-${run.runId}-1-2`);
    // The post step is another process with a new store: it must not reuse main's names (a 409).
    journalWith(dir, [1, 2, 3]);
    expect((await storeFor(name, run).save(dir)).name).toBe(`${name}-${run.runId}-1-3`);
    // Main saves once more: its next name was taken by the post step, so it answers 409 and main moves on.
    const newest = journalWith(dir, [1, 2, 3, 4]);
    expect((await main.save(dir)).name).toBe(`${name}-${run.runId}-1-4`);
    expect(fake.requests().filter((r) => r.path.endsWith('/CreateArtifact') && r.status === 409)).toHaveLength(1);

    const next = stateDir();
    await storeFor(name, startRun()).restore(next);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(newest);
  });

  it('does not upload again when nothing changed since the last save', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    const store = storeFor(name, run);
    journalWith(dir, [1]);
    await store.save(dir);
    const again = await store.save(dir);
    expect(again).toEqual({ saved: false, name: `${name}-${run.runId}-1-1`, reason: 'unchanged since the last save' });
    expect(fake.artifacts().filter((a) => a.name.startsWith(`${name}-`))).toHaveLength(1);
  });

  it('a re-attempt resumes from the first attempt and saves under its own attempt number', async () => {
    const name = stateName();
    const attempt1 = startRun();
    const dir1 = stateDir();
    const saved = journalWith(dir1, [1, 2]);
    await storeFor(name, attempt1).save(dir1);

    const attempt2 = startRun({ attempt: 2 });
    expect(attempt2.runId).toBe(attempt1.runId);
    const dir2 = stateDir();
    expect((await storeFor(name, attempt2).restore(dir2)).restored).toBe(true);
    expect(readFileSync(join(dir2, JOURNAL_FILE), 'utf8')).toBe(saved);
    journalWith(dir2, [1, 2, 3]);
    expect((await storeFor(name, attempt2).save(dir2)).name).toBe(`${name}-${attempt1.runId}-2-1`);
  });

  it('looks past runs that saved nothing to the newest run that did', async () => {
    const name = stateName();
    const dir = stateDir();
    const saved = journalWith(dir, [1]);
    await storeFor(name, startRun()).save(dir);
    startRun();
    startRun();
    const next = stateDir();
    expect((await storeFor(name, startRun()).restore(next)).restored).toBe(true);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(saved);
  });

  it('ignores checkpoints of another workflow and of other state names', async () => {
    const name = stateName();
    const dir = stateDir();
    journalWith(dir, [1]);
    await storeFor(name, startRun({ workflowId: 2002 })).save(dir);
    // "<name>-staging" starts with "<name>-" but is another migration's state.
    await storeFor(`${name}-staging`, startRun()).save(dir);
    await storeFor(`other-${name}`, startRun()).save(dir);

    const next = stateDir();
    expect(await storeFor(name, startRun()).restore(next)).toEqual({ restored: false });
    expect(existsSync(join(next, JOURNAL_FILE))).toBe(false);
    expect((await storeFor(`${name}-staging`, startRun()).restore(stateDir())).restored).toBe(true);
  });

  it('names the store and the status when GitHub refuses the token', async () => {
    const store = storeFor(stateName(), startRun(), 'ghs_revoked');
    const failure = store.restore(stateDir());
    await expect(failure).rejects.toThrow(stores.StateStoreError);
    await expect(failure).rejects.toThrow(/workflow artifact "workos-migration-state-t\d+".*401.*Bad credentials/);
  });

  it('says what was not saved when the artifact service refuses the upload', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    journalWith(dir, [1, 2]);
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', 'not-a-runtime-token');
    const failure = storeFor(name, run).save(dir);
    await expect(failure).rejects.toThrow(
      new RegExp(`workflow artifact "${name}": the checkpoint in .*state \\(journal\\.ndjson, \\d+ B\\) was not saved: .*The next run resumes from the newest earlier checkpoint`),
    );
  });
});
