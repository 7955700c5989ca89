import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_FILE } from '../../../src/checkpoint/journal.js';
import type * as Stores from '../../../src/checkpoint/stores/index.js';
import { startFakeGitHub, type FakeGitHub, type NewRunOptions } from '../../fakes/github.js';
import { journalWith, stubActionsEnv } from '../../support/state-fixtures.js';
import { tempDirForFile } from '../../support/temp-dir.js';

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
function startRun(options: NewRunOptions = {}) {
  const run = fake.newRun(options);
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', run.runtimeToken);
  vi.stubEnv('GITHUB_RUN_ID', String(run.runId));
  return { runId: run.runId, runAttempt: Number(fake.actionsEnv().GITHUB_RUN_ATTEMPT) };
}

function storeFor(
  name: string,
  run: { runId: number; runAttempt: number },
  extra: Partial<Stores.ArtifactStateStoreOptions> = {},
) {
  return stores.artifactStateStore({
    name,
    token: fake.token,
    owner: fake.owner,
    repo: fake.repo,
    retentionDays: 7,
    ...run,
    ...extra,
  });
}

function checkpoints(name: string) {
  return fake.artifacts().filter((a) => a.name.startsWith(`${name}-`));
}

function stateDir(): string {
  return join(tempDirForFile('artifact-store-'), 'state');
}

describe('artifact state store', () => {
  it('restores in run 2 the journal run 1 saved, byte for byte', async () => {
    const name = stateName();
    const run1 = startRun();
    const dir1 = stateDir();
    const saved = journalWith(dir1, [1, 2, 3]);
    const result = await storeFor(name, run1).save(dir1);
    expect(result).toEqual({ saved: true, name: `${name}-${run1.runId}-1-1`, bytes: Buffer.byteLength(saved) });
    expect(checkpoints(name).map((a) => a.files)).toEqual([[JOURNAL_FILE]]);

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

  it('uploads only the new entries after the first save, and a restore joins them back', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    const store = storeFor(name, run);
    const first = journalWith(dir, [1, 2]);
    expect((await store.save(dir)).name).toBe(`${name}-${run.runId}-1-1`);
    const second = journalWith(dir, [1, 2, 3]);
    const segment = await store.save(dir);
    expect(segment).toEqual({
      saved: true,
      name: `${name}-${run.runId}-1-1-s1`,
      bytes: Buffer.byteLength(second) - Buffer.byteLength(first),
    });
    const third = journalWith(dir, [1, 2, 3, 4, 5]);
    expect((await store.save(dir)).name).toBe(`${name}-${run.runId}-1-1-s2`);
    expect(checkpoints(name).map((a) => a.files)).toEqual([
      [JOURNAL_FILE],
      ['journal.segment.ndjson'],
      ['journal.segment.ndjson'],
    ]);

    const next = stateDir();
    expect((await storeFor(name, startRun()).restore(next)).from).toBe(
      `artifact ${name}-${run.runId}-1-1 of run ${run.runId} (+2 segments)`,
    );
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(third);
  });

  it('saves whole lines only: a line still being written waits for the next save', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    const whole = journalWith(dir, [1]);
    appendFileSync(join(dir, JOURNAL_FILE), '{"entity":"user","source_id":"auth0|torn"');
    expect((await storeFor(name, run).save(dir)).bytes).toBe(Buffer.byteLength(whole));
    const next = stateDir();
    await storeFor(name, startRun()).restore(next);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(whole);
  });

  it('the post step (a new process) saves the whole journal under the next free number', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    const main = storeFor(name, run);
    journalWith(dir, [1]);
    await main.save(dir);
    journalWith(dir, [1, 2]);
    await main.save(dir);
    const newest = journalWith(dir, [1, 2, 3]);
    expect((await storeFor(name, run).save(dir)).name).toBe(`${name}-${run.runId}-1-2`);
    const next = stateDir();
    await storeFor(name, startRun()).restore(next);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(newest);
  });

  it('after segmentsPerBase segments uploads the whole journal again and deletes the chain it replaces', async () => {
    const name = stateName();
    const run = startRun();
    const dir = stateDir();
    const store = storeFor(name, run, { segmentsPerBase: 2 });
    for (let n = 1; n <= 4; n++) {
      journalWith(
        dir,
        Array.from({ length: n }, (_, i) => i + 1),
      );
      await store.save(dir);
    }
    expect(checkpoints(name).map((a) => a.name)).toEqual([`${name}-${run.runId}-1-2`]);
    const newest = journalWith(dir, [1, 2, 3, 4, 5]);
    expect((await store.save(dir)).name).toBe(`${name}-${run.runId}-1-2-s1`);
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
    expect(checkpoints(name)).toHaveLength(1);
  });

  it('a re-attempt resumes from the first attempt and saves under its own attempt number', async () => {
    const name = stateName();
    const attempt1 = startRun();
    const dir1 = stateDir();
    const saved = journalWith(dir1, [1, 2]);
    await storeFor(name, attempt1).save(dir1);

    const attempt2 = startRun({ rerunOf: attempt1.runId });
    expect(attempt2).toEqual({ runId: attempt1.runId, runAttempt: 2 });
    const dir2 = stateDir();
    expect((await storeFor(name, attempt2).restore(dir2)).restored).toBe(true);
    expect(readFileSync(join(dir2, JOURNAL_FILE), 'utf8')).toBe(saved);
    journalWith(dir2, [1, 2, 3]);
    expect((await storeFor(name, attempt2).save(dir2)).name).toBe(`${name}-${attempt1.runId}-2-1`);
  });

  it('a re-run of an older run restores the newest checkpoint, not its own', async () => {
    const name = stateName();
    const old = startRun();
    const dir = stateDir();
    journalWith(dir, [1]);
    await storeFor(name, old).save(dir);
    const newer = startRun({ event: 'schedule' });
    const newest = journalWith(dir, [1, 2, 3]);
    await storeFor(name, newer).save(dir);

    const rerun = startRun({ rerunOf: old.runId });
    const next = stateDir();
    expect((await storeFor(name, rerun).restore(next)).from).toBe(
      `artifact ${name}-${newer.runId}-1-1 of run ${newer.runId}`,
    );
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(newest);
  });

  it('finds the checkpoint of another workflow of the repository, and only its own state name', async () => {
    const name = stateName();
    const dir = stateDir();
    const saved = journalWith(dir, [1]);
    await storeFor(name, startRun({ workflowId: 2002 })).save(dir);
    // "<name>-staging" starts with "<name>-" but is another migration's state.
    journalWith(dir, [1, 2]);
    await storeFor(`${name}-staging`, startRun()).save(dir);
    await storeFor(`other-${name}`, startRun()).save(dir);
    startRun();

    const next = stateDir();
    expect(
      (await storeFor(name, startRun({ workflowId: 2003, event: 'pull_request', headBranch: 'pr' })).restore(next))
        .restored,
    ).toBe(true);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(saved);
  });

  it("ignores checkpoints uploaded by pull-request runs, a fork's runs and expired ones", async () => {
    const name = stateName();
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const dir = stateDir();
    const trusted = journalWith(dir, [1]);
    await storeFor(name, startRun({ event: 'push' })).save(dir);
    journalWith(dir, [1, 2]);
    await storeFor(name, startRun({ event: 'workflow_dispatch' })).save(dir);
    journalWith(dir, [1, 2, 3]);
    await storeFor(name, startRun({ event: 'pull_request', headBranch: 'feature' })).save(dir);
    journalWith(dir, [1, 2, 3, 4]);
    await storeFor(name, startRun({ event: 'pull_request_target', headRepository: 'mallory/identity-migration' })).save(
      dir,
    );
    journalWith(dir, [1, 2, 3, 4, 5]);
    await storeFor(name, startRun({ event: 'workflow_dispatch', headRepository: 'mallory/identity-migration' })).save(
      dir,
    );
    const dispatched = checkpoints(name)[1]!;
    fake.expireArtifact(dispatched.id);

    const next = stateDir();
    const restored = await storeFor(name, startRun(), { log }).restore(next);
    expect(restored.from).toBe(`artifact ${checkpoints(name)[0]!.name} of run ${checkpoints(name)[0]!.runId}`);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(trusted);
    expect(lines).toContainEqual(
      `4 checkpoint artifact(s) named "${name}-…" were ignored: 2 uploaded by a run of a fork, 1 uploaded by a pull_request run, 1 expired.`,
    );
  });

  it('a pull-request run reads the checkpoint and never writes one', async () => {
    const name = stateName();
    const dir = stateDir();
    const saved = journalWith(dir, [1]);
    await storeFor(name, startRun()).save(dir);
    const pr = startRun({ event: 'pull_request' });
    const store = storeFor(name, pr, { readOnly: true });
    const next = stateDir();
    await store.restore(next);
    expect(readFileSync(join(next, JOURNAL_FILE), 'utf8')).toBe(saved);
    journalWith(next, [1, 2]);
    expect(await store.save(next)).toEqual({
      saved: false,
      reason: 'a pull-request run reads the checkpoint but never writes one',
    });
    expect(checkpoints(name).filter((a) => a.runId === pr.runId)).toEqual([]);
  });

  it('refuses a checkpoint of another migration, or one holding files it did not write', async () => {
    const name = stateName();
    const dir = stateDir();
    journalWith(dir, [1], { source: 'clerk', fingerprint: 'f1' });
    await storeFor(name, startRun()).save(dir);
    const identity = { source: 'auth0', fingerprint: 'f1' };
    await expect(storeFor(name, startRun(), { identity }).restore(stateDir())).rejects.toThrow(
      /belongs to a migration from clerk, not auth0; give this migration its own state-name/,
    );

    const other = stateName();
    const run = startRun();
    const junk = tempDirForFile('junk-');
    writeFileSync(join(junk, JOURNAL_FILE), '{"journal":1,"source":"auth0","fingerprint":"f1"}\n');
    writeFileSync(join(junk, 'payload.sh'), 'echo hi\n');
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().uploadArtifact(
      `${other}-${run.runId}-1-1`,
      [join(junk, JOURNAL_FILE), join(junk, 'payload.sh')],
      junk,
    );
    const target = stateDir();
    await expect(storeFor(other, startRun()).restore(target)).rejects.toThrow(
      /holds journal\.ndjson, payload\.sh, not the journal\.ndjson this action writes/,
    );
    expect(existsSync(join(target, JOURNAL_FILE))).toBe(false);

    const notJournal = stateName();
    const run2 = startRun();
    writeFileSync(join(junk, JOURNAL_FILE), '{"entity":"user","source_id":"auth0|1","workos_id":"user_forged"}\n');
    await new DefaultArtifactClient().uploadArtifact(
      `${notJournal}-${run2.runId}-1-1`,
      [join(junk, JOURNAL_FILE)],
      junk,
    );
    await expect(storeFor(notJournal, startRun()).restore(stateDir())).rejects.toThrow(
      /does not start with a migrate-to-workos journal header/,
    );
  });

  it('refuses a checkpoint larger than the cap before downloading it', async () => {
    const name = stateName();
    const dir = stateDir();
    journalWith(dir, [1, 2, 3]);
    await storeFor(name, startRun()).save(dir);
    const before = fake.requests().length;
    await expect(storeFor(name, startRun(), { maxJournalBytes: 16 }).restore(stateDir())).rejects.toThrow(
      /more than the 16 B a checkpoint may be/,
    );
    expect(
      fake
        .requests()
        .slice(before)
        .filter((r) => r.path.includes('/zip') || r.path.startsWith('/artifact-downloads')),
    ).toEqual([]);
  });

  it('names the store and the status when GitHub refuses the token', async () => {
    const store = storeFor(stateName(), startRun(), { token: 'ghs_revoked' });
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
      new RegExp(
        `workflow artifact "${name}": the checkpoint in .*state \\(\\d+ B of journal\\) was not saved: .*The next run resumes from the newest earlier checkpoint`,
      ),
    );
  });
});
