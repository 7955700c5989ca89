import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestRefusal, readPullRequestContext } from '../../src/github/event.js';

const dir = mkdtempSync(join(tmpdir(), 'event-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let nextFile = 0;

function eventFile(payload: unknown): string {
  const path = join(dir, `event-${nextFile++}.json`);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

function pullRequest(head: string | null, base = 'acme/identity-migration', number = 42) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'feature', repo: head === null ? null : { full_name: head } },
      base: { ref: 'main', repo: { full_name: base } },
    },
  };
}

describe('readPullRequestContext', () => {
  it('reads a pull request from a branch of the same repository', () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(pullRequest('acme/identity-migration')),
    };
    expect(readPullRequestContext(env)).toEqual({
      kind: 'pull_request',
      number: 42,
      headRepo: 'acme/identity-migration',
      baseRepo: 'acme/identity-migration',
      isFork: false,
    });
  });

  it('tells a fork apart, for pull_request and pull_request_target alike', () => {
    for (const name of ['pull_request', 'pull_request_target']) {
      const env = {
        GITHUB_EVENT_NAME: name,
        GITHUB_EVENT_PATH: eventFile(pullRequest('mallory/identity-migration', undefined, 7)),
      };
      expect(readPullRequestContext(env)).toEqual({
        kind: 'pull_request',
        number: 7,
        headRepo: 'mallory/identity-migration',
        baseRepo: 'acme/identity-migration',
        isFork: true,
      });
    }
  });

  it('treats a PR whose fork was deleted as a fork', () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(pullRequest(null)) };
    expect(readPullRequestContext(env)).toMatchObject({ kind: 'pull_request', headRepo: '', isFork: true });
  });

  it('is `other` for any other event', () => {
    const env = { GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: eventFile({ schedule: '0 3 * * *' }) };
    expect(readPullRequestContext(env)).toEqual({ kind: 'other', eventName: 'schedule' });
    expect(readPullRequestContext({})).toEqual({ kind: 'other', eventName: '' });
  });

  it('is `other`, not a crash, when the event file is missing, unreadable or not a pull request', () => {
    const cases = [
      { GITHUB_EVENT_NAME: 'pull_request' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'missing.json') },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: dir },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile('{"pull_request": ') },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile('null') },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile({ pull_request: { head: {}, base: {} } }) },
    ];
    for (const env of cases) expect(readPullRequestContext(env)).toEqual({ kind: 'other', eventName: 'pull_request' });
  });
});

describe('pullRequestRefusal: pull requests never write', () => {
  const sameRepo = {
    kind: 'pull_request',
    number: 5,
    headRepo: 'acme/identity-migration',
    baseRepo: 'acme/identity-migration',
    isFork: false,
  } as const;
  const fork = { ...sameRepo, headRepo: 'mallory/identity-migration', isFork: true } as const;
  const writes = [
    { mode: 'import', writes: true },
    { mode: 'rollback', writes: true },
  ];

  it('refuses every write on pull_request and pull_request_target, fork or not, even without a payload', () => {
    for (const name of ['pull_request', 'pull_request_target'])
      for (const event of [sameRepo, fork, { kind: 'other', eventName: name } as const])
        for (const run of writes)
          expect(pullRequestRefusal(name, event, run)).toMatch(/^Pull requests never write to WorkOS/);
  });

  it('lets a pull request run the dry run, and a same-repository one the read-only modes', () => {
    expect(pullRequestRefusal('pull_request', sameRepo, { mode: 'plan', writes: false })).toBeUndefined();
    expect(pullRequestRefusal('pull_request', fork, { mode: 'plan', writes: false })).toBeUndefined();
    expect(pullRequestRefusal('pull_request', sameRepo, { mode: 'rollback', writes: false })).toBeUndefined();
    expect(pullRequestRefusal('pull_request', fork, { mode: 'verify', writes: false })).toMatch(
      /^A pull request from a fork only gets the dry run/,
    );
  });

  it('is silent on events that are not pull requests', () => {
    for (const name of ['push', 'schedule', 'workflow_dispatch'])
      expect(
        pullRequestRefusal(name, { kind: 'other', eventName: name }, { mode: 'import', writes: true }),
      ).toBeUndefined();
  });
});
