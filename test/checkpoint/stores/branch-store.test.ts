import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../src/checkpoint/journal.js';
import { branchStateStore } from '../../../src/checkpoint/stores/index.js';
import { startFakeGitHub, type FakeGitHub } from '../../fakes/github.js';
import { journalWith } from '../../support/state-fixtures.js';
import { tempDirForFile } from '../../support/temp-dir.js';

let fake: FakeGitHub;
let branches = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.close());

function branchName(): string {
  return `migration-state-${++branches}`;
}

function storeFor(branch: string, options: { path?: string; token?: string; partBytes?: number } = {}) {
  return branchStateStore({
    branch,
    token: options.token ?? fake.token,
    owner: fake.owner,
    repo: fake.repo,
    apiUrl: fake.apiUrl,
    ...options,
  });
}

function stateDir(): string {
  return join(tempDirForFile('branch-store-'), 'state');
}

describe('branch state store', () => {
  it('has nothing to restore before the branch exists, then creates it with only the state', async () => {
    const branch = branchName();
    const store = storeFor(branch);
    const dir = stateDir();
    expect(await store.restore(dir)).toEqual({ restored: false });
    const saved = journalWith(dir, [1, 2]);
    const result = await store.save(dir);
    expect(result.saved).toBe(true);
    expect(result.name).toBe(`${branch}@${fake.refs()[`refs/heads/${branch}`]!.slice(0, 7)}`);
    const files = fake.branchFiles(branch);
    expect(Object.keys(files)).toEqual(['journal.ndjson.gz']);
    expect(gunzipSync(files['journal.ndjson.gz']!).toString('utf8')).toBe(saved);
  });

  it('restores in a later run what an earlier run committed, and an update on top of it', async () => {
    const branch = branchName();
    const dir1 = stateDir();
    journalWith(dir1, [1]);
    await storeFor(branch).save(dir1);
    const firstHead = fake.refs()[`refs/heads/${branch}`];

    const dir2 = stateDir();
    const second = storeFor(branch);
    expect(await second.restore(dir2)).toEqual({
      restored: true,
      from: `branch "${branch}" at ${firstHead!.slice(0, 7)}`,
    });
    const updated = journalWith(dir2, [1, 2, 3]);
    expect((await second.save(dir2)).saved).toBe(true);
    expect(fake.refs()[`refs/heads/${branch}`]).not.toBe(firstHead);

    const dir3 = stateDir();
    expect((await storeFor(branch).restore(dir3)).restored).toBe(true);
    expect(readFileSync(join(dir3, JOURNAL_FILE), 'utf8')).toBe(updated);
  });

  it('makes no commit when nothing changed', async () => {
    const branch = branchName();
    const dir = stateDir();
    journalWith(dir, [1]);
    await storeFor(branch).save(dir);
    const head = fake.refs()[`refs/heads/${branch}`];
    // A new process (the post step) does not know the digest; the identical tree tells it.
    expect(await storeFor(branch).save(dir)).toEqual({
      saved: false,
      reason: `unchanged since ${branch} at ${head!.slice(0, 7)}`,
    });
    expect(fake.refs()[`refs/heads/${branch}`]).toBe(head);
  });

  it('keeps the state in a folder of an existing branch without touching its other files', async () => {
    const dir = stateDir();
    const saved = journalWith(dir, [1]);
    const store = storeFor('main', { path: 'checkpoints/prod' });
    await store.save(dir);
    const files = fake.branchFiles('main');
    expect(Object.keys(files).sort()).toEqual(['README.md', 'checkpoints/prod/journal.ndjson.gz']);

    const back = stateDir();
    expect((await storeFor('main', { path: 'checkpoints/prod' }).restore(back)).restored).toBe(true);
    expect(readFileSync(join(back, JOURNAL_FILE), 'utf8')).toBe(saved);
    expect((await storeFor('main', { path: 'checkpoints/staging' }).restore(stateDir())).restored).toBe(false);
  });

  it('splits a large journal into parts and joins them back, dropping parts a smaller save no longer needs', async () => {
    const branch = branchName();
    const dir = stateDir();
    mkdirSync(dir, { recursive: true });
    // Random hex does not compress much: about 10 parts of 1 KiB, each cut after a whole line.
    const big = Array.from({ length: 100 }, () => `${randomBytes(50).toString('hex')}\n`).join('');
    writeFileSync(join(dir, 'journal.ndjson'), big);
    await storeFor(branch, { partBytes: 1024 }).save(dir);
    const parts = fake.branchFiles(branch);
    expect(Object.keys(parts).length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(parts)).toContain('journal.ndjson.gz.1');
    for (const part of Object.values(parts)) expect(gunzipSync(part).toString().endsWith('\n')).toBe(true);

    const back = stateDir();
    await storeFor(branch).restore(back);
    expect(readFileSync(join(back, JOURNAL_FILE), 'utf8')).toBe(big);

    writeFileSync(join(dir, 'journal.ndjson'), 'small\n');
    await storeFor(branch, { partBytes: 1024 }).save(dir);
    expect(Object.keys(fake.branchFiles(branch))).toEqual(['journal.ndjson.gz']);
  });

  it('uploads only the parts that changed: the history grows with new entries, not with the journal', async () => {
    const branch = branchName();
    const dir = stateDir();
    const store = storeFor(branch, { partBytes: 512 });
    journalWith(
      dir,
      Array.from({ length: 60 }, (_, i) => i),
    );
    const first = await store.save(dir);
    const blobs = () => fake.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/git/blobs')).length;
    const before = blobs();
    const text = journalWith(
      dir,
      Array.from({ length: 61 }, (_, i) => i),
    );
    const second = await store.save(dir);
    expect(blobs() - before).toBe(1);
    expect(second.bytes!).toBeLessThan(first.bytes! / 4);
    const back = stateDir();
    await storeFor(branch).restore(back);
    expect(readFileSync(join(back, JOURNAL_FILE), 'utf8')).toBe(text);
  });

  it('merges with a concurrent writer instead of overwriting or refusing it', async () => {
    const branch = branchName();
    const seed = stateDir();
    journalWith(seed, [1]);
    await storeFor(branch).save(seed);

    const dirA = stateDir();
    const jobA = storeFor(branch);
    await jobA.restore(dirA);
    const dirB = stateDir();
    const jobB = storeFor(branch);
    await jobB.restore(dirB);
    journalWith(dirB, [1, 2]);
    await jobB.save(dirB);
    const headB = fake.refs()[`refs/heads/${branch}`];

    journalWith(dirA, [1, 3]);
    expect((await jobA.save(dirA)).saved).toBe(true);
    const head = fake.refs()[`refs/heads/${branch}`];
    expect(head).not.toBe(headB);
    const back = stateDir();
    await storeFor(branch).restore(back);
    const lines = readFileSync(join(back, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { source_id?: string }).source_id ?? 'header').sort()).toEqual(
      ['auth0|1', 'auth0|2', 'auth0|3', 'header'].sort(),
    );
    // A's next save keeps B's lines.
    journalWith(dirA, [1, 3, 4]);
    await jobA.save(dirA);
    const again = stateDir();
    await storeFor(branch).restore(again);
    expect(readFileSync(join(again, JOURNAL_FILE), 'utf8')).toContain('"auth0|2"');
    expect(readFileSync(join(again, JOURNAL_FILE), 'utf8')).toContain('"auth0|4"');
  });

  it('a pull-request run reads the branch and never commits', async () => {
    const branch = branchName();
    const dir = stateDir();
    journalWith(dir, [1]);
    await storeFor(branch).save(dir);
    const head = fake.refs()[`refs/heads/${branch}`];
    const pr = branchStateStore({
      branch,
      token: fake.token,
      owner: fake.owner,
      repo: fake.repo,
      apiUrl: fake.apiUrl,
      readOnly: true,
    });
    const back = stateDir();
    expect((await pr.restore(back)).restored).toBe(true);
    journalWith(back, [1, 2]);
    expect((await pr.save(back)).saved).toBe(false);
    expect(fake.refs()[`refs/heads/${branch}`]).toBe(head);
  });

  it('names the store when the token is refused or may not write', async () => {
    const branch = branchName();
    const dir = stateDir();
    journalWith(dir, [1]);
    await expect(storeFor(branch, { token: 'ghs_revoked' }).restore(stateDir())).rejects.toThrow(
      new RegExp(`branch "${branch}": could not read the checkpoint: GitHub refused the token \\(401`),
    );
    await expect(storeFor(branch, { token: fake.readOnlyToken }).save(dir)).rejects.toThrow(
      /was not saved: the token is not allowed to do this \(403: Resource not accessible by integration.*"permissions: contents: write"/,
    );
    expect(fake.refs()[`refs/heads/${branch}`]).toBeUndefined();
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
  });
});
