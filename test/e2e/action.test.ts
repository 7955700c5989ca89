import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import {
  auth0PasswordHashes,
  auth0SourceIdsWithEmails,
  clerkSecrets,
  emailsIn,
  findLeaks,
  producedByStep,
  producedInDirectory,
  producedOnGitHub,
  type Produced,
} from './leak-scan.js';
import {
  downloadArtifact,
  newJob,
  REPO_ROOT,
  runStep,
  startStep,
  workflowCommands,
  type Job,
  type JobOptions,
  type StepOptions,
  type StepRun,
} from './run-action.js';
import type { EntityCounts } from '../../src/report/summary.js';

// The built action (dist/) run step by step as GitHub runs it, against a fake GitHub and the
// local WorkOS stand-in. The tests share both servers and run in order; the last one scans
// everything the earlier ones produced for secrets and personal data.

const KEY = 'sk_test_E2E_SECRET_9f8e7d';
const TOKEN = 'ghs_E2E_TOKEN_WRITE_4c3b2a1f';
const READ_ONLY_TOKEN = 'ghs_E2E_TOKEN_READONLY_8e7d6c5b';

const AUTH0 = {
  users: 'examples/auth0/users.ndjson',
  passwords: 'examples/auth0/passwords.ndjson',
  organizations: 'examples/auth0/organizations.json',
};
const CLERK = { users: 'examples/clerk/users.csv', organizations: 'examples/clerk/organizations.json' };

let fake: FakeGitHub;
let emulator: Emulator;
const produced: Produced[] = [];
const runnerDirs: string[] = [];
const pullRequests = new Set<number>();

beforeAll(async () => {
  fake = await startFakeGitHub({ token: TOKEN, readOnlyToken: READ_ONLY_TOKEN });
  emulator = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
});
afterAll(async () => {
  await fake?.close();
  await emulator?.close();
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A job of a new workflow run (a fresh runner). Checkpoints are shared by every workflow of the
 * repository, so each scenario keeps its own state name (the first one the default).
 */
function jobOfNewRun(workflowId: number, options: JobOptions = {}): Job {
  fake.newRun({ workflowId, ...(options.eventName ? { event: options.eventName } : {}) });
  const job = newJob(fake, options);
  runnerDirs.push(dirname(job.runnerTemp));
  if (workflowId !== 2001) stateNames.set(job, `workos-migration-state-w${workflowId}`);
  return job;
}

const stateNames = new Map<Job, string>();
let stepCount = 0;
async function step(job: Job, which: 'main' | 'post', options: StepOptions): Promise<StepRun> {
  const stateName = stateNames.get(job);
  if (stateName && options.inputs['state-name'] === undefined)
    options = { ...options, inputs: { ...options.inputs, 'state-name': stateName } };
  const run = await runStep(job, which, options);
  produced.push(...producedByStep(`step ${++stepCount} (${which})`, run));
  return run;
}

function importInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    mode: 'import',
    ...AUTH0,
    'workos-api-key': KEY,
    'workos-api-url': emulator.url,
    'fail-on': 'never',
    ...extra,
  };
}

type Counts = EntityCounts;

function countsOutput(run: StepRun, entity: 'users' | 'organizations' | 'memberships'): Counts {
  expect(run.outputs[entity], `output ${entity}`).toBeDefined();
  const counts = JSON.parse(run.outputs[entity]!) as Counts;
  expect(counts.total, `${entity}: total = created+updated+unchanged+skipped+invalid+failed+pending`).toBe(
    counts.created +
      counts.updated +
      counts.unchanged +
      counts.skipped +
      counts.invalid +
      counts.failed +
      counts.pending,
  );
  return counts;
}

function errorCommands(run: StepRun) {
  return workflowCommands(run.stdout).filter((c) => c.command === 'error');
}

/** WorkOS as the stand-in holds it, reduced to what identifies each record. */
function workosState() {
  const { users, organizations, memberships } = emulator.snapshot();
  const externalOf = new Map([...users, ...organizations].map((r) => [r.id, r.external_id]));
  return {
    users: users.map((u) => `${u.external_id} ${u.email.toLowerCase()}`).sort(),
    organizations: organizations.map((o) => o.external_id).sort(),
    memberships: memberships.map((m) => `${externalOf.get(m.user_id)} in ${externalOf.get(m.organization_id)}`).sort(),
  };
}

function expectNoDuplicates(state: ReturnType<typeof workosState>): void {
  const emails = state.users.map((u) => u.split(' ')[1]);
  expect(new Set(emails).size).toBe(emails.length);
  expect(new Set(state.users.map((u) => u.split(' ')[0])).size).toBe(state.users.length);
  expect(new Set(state.memberships).size).toBe(state.memberships.length);
}

let uninterruptedImport: ReturnType<typeof workosState> | undefined;

describe('mode: import on a workflow_dispatch run (Auth0 example, state: artifact)', () => {
  const WORKFLOW = 2001;
  let job: Job;
  let main: StepRun;
  let firstRunId: string;

  it('imports, writes the reconciliation to the step summary and sets the outputs', async () => {
    emulator.reset();
    job = jobOfNewRun(WORKFLOW);
    firstRunId = job.env.GITHUB_RUN_ID!;
    main = await step(job, 'main', { inputs: importInputs() });
    expect(main.code, main.stdout + main.stderr).toBe(0);
    // The runner masks a secret only in lines printed after it is registered: they come first.
    expect(main.stdout.split('\n').slice(0, 2)).toEqual([`::add-mask::${KEY}`, `::add-mask::${TOKEN}`]);

    // The example's documented counts (examples/auth0/README.md): 29 users read, 27 to WorkOS, 1 skipped (blocked), 1 invalid (no email).
    expect(main.summary).toContain('## WorkOS migration: import (auth0)');
    expect(main.summary).toMatch(/\| Users \| 29 \| 27 \| 0 \| 0 \| 1 \| 1 \| 0 \| 0 \|/);
    expect(main.summary).toMatch(/\| Organizations \| 3 \| 3 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    expect(main.summary).toMatch(/\| Memberships \| 10 \| 10 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    expect(main.summary).toContain('### In WorkOS now (read back after the run)');
    expect(main.summary).toMatch(/\| Users \| 27 \| 27 \| 0 \| 0 \| 0 \|/);

    expect(main.outputs.complete).toBe('true');
    expect(main.outputs.pending).toBe('0');
    expect(countsOutput(main, 'users')).toMatchObject({ total: 29, created: 27, skipped: 1, invalid: 1, pending: 0 });
    expect(countsOutput(main, 'organizations')).toMatchObject({ total: 3, created: 3 });
    expect(countsOutput(main, 'memberships')).toMatchObject({ total: 10, created: 10 });

    const summaryPath = main.outputs['summary-path']!;
    expect(existsSync(summaryPath)).toBe(true);
    expect(JSON.parse(readFileSync(summaryPath, 'utf8'))).toMatchObject({
      mode: 'import',
      source: 'auth0',
      complete: true,
      users: { created: 27 },
    });

    const state = workosState();
    expect(state.users).toHaveLength(27);
    expect(state.organizations).toHaveLength(3);
    expect(state.memberships).toHaveLength(10);
    expectNoDuplicates(state);
    uninterruptedImport = state;
  });

  it('leaves a checkpoint artifact and a report artifact on the run', async () => {
    const ofRun = fake.artifacts().filter((a) => String(a.runId) === firstRunId);
    const checkpoint = ofRun.find((a) => a.name === `workos-migration-state-${firstRunId}-1-1`);
    expect(checkpoint?.files).toEqual(['journal.ndjson']);
    const report = ofRun.find((a) => a.name === main.outputs['report-artifact']);
    expect(report?.files).toEqual([
      'changes.jsonl',
      'errors.jsonl',
      'id-map.csv',
      'password-reset.csv',
      'reenroll.csv',
      'removals.csv',
      'summary.json',
      'summary.md',
    ]);

    const files = await downloadArtifact(fake, report!.id);
    expect(JSON.parse(files.get('summary.json')!.toString())).toEqual(
      JSON.parse(readFileSync(main.outputs['summary-path']!, 'utf8')),
    );
    // Every user in WorkOS is in the id map (plus the merged Google identity, mapped to the same user).
    const idMap = files.get('id-map.csv')!.toString().trim().split('\n').slice(1);
    expect(idMap.filter((row) => row.startsWith('user,'))).toHaveLength(28);
    const journal = (await downloadArtifact(fake, checkpoint!.id)).get('journal.ndjson')!.toString();
    expect(journal.trim().split('\n').length).toBeGreaterThan(27);
  });

  it('post step: says the main step saved already and uploads nothing', async () => {
    const before = fake.artifacts().length;
    const post = await step(job, 'post', { inputs: importInputs(), state: main.state });
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(post.stdout).toContain('The main step saved the checkpoint; nothing left to do.');
    expect(fake.artifacts()).toHaveLength(before);
  });

  it('a second workflow run restores the checkpoint artifact and writes nothing to WorkOS', async () => {
    const writesBefore = emulator.stats().writes;
    const second = jobOfNewRun(WORKFLOW);
    const run = await step(second, 'main', { inputs: importInputs() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `Restored from artifact workos-migration-state-${firstRunId}-1-1 of run ${firstRunId}.`,
    );
    expect(countsOutput(run, 'users')).toMatchObject({ created: 0, unchanged: 27, skipped: 1, invalid: 1 });
    expect(countsOutput(run, 'memberships')).toMatchObject({ created: 0, unchanged: 10 });
    expect(run.outputs.complete).toBe('true');
    expect(run.summary).toMatch(/\| Users \| 29 \| 0 \| 0 \| 27 \| 1 \| 1 \| 0 \| 0 \|/);
    expect(run.summary).toMatch(/WorkOS requests in this run: 0 writes/);
    expect(emulator.stats().writes).toBe(writesBefore);
    expect(workosState()).toEqual(uninterruptedImport);
  });

  it('mode: verify finds every record in WorkOS and writes nothing', async () => {
    const writesBefore = emulator.stats().writes;
    const job = jobOfNewRun(WORKFLOW);
    const run = await step(job, 'main', { inputs: importInputs({ mode: 'verify' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.complete).toBe('true');
    expect(countsOutput(run, 'users')).toMatchObject({ unchanged: 27, pending: 0 });
    expect(countsOutput(run, 'memberships')).toMatchObject({ unchanged: 10, pending: 0 });
    expect(emulator.stats().writes).toBe(writesBefore);
  });

  it('with the default fail-on of a plan, the invalid record fails the step and says where to look', async () => {
    const job = jobOfNewRun(WORKFLOW);
    const run = await step(job, 'main', { inputs: { mode: 'plan', ...AUTH0 } });
    expect(run.code).toBe(1);
    expect(errorCommands(run).map((c) => c.message)).toContain(
      '1 invalid and 0 failed record(s); see the job summary and errors.jsonl. Set fail-on: never to keep the step green.',
    );
    // The summary is written even though the step fails.
    expect(run.summary).toMatch(/\| Users \| 29 \| 0 \| 0 \| 27 \| 1 \| 1 \| 0 \| 0 \|/);
  });

  it('honours the config input (policies.blockedUsers: import brings the blocked user)', async () => {
    emulator.reset();
    const workspace = mkdtempSync(join(tmpdir(), 'e2e-workspace-'));
    writeFileSync(join(workspace, 'mapping.yml'), 'policies:\n  blockedUsers: import\n');
    const job = jobOfNewRun(2002, { workspace });
    const absolute = Object.fromEntries(Object.entries(AUTH0).map(([k, v]) => [k, join(REPO_ROOT, v)]));
    const run = await step(job, 'main', {
      inputs: { ...importInputs(absolute), config: 'mapping.yml', state: 'none' },
    }).finally(() => rmSync(workspace, { recursive: true, force: true }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(countsOutput(run, 'users')).toMatchObject({ total: 29, created: 28, invalid: 1 });
  });
});

describe('mode: import on the Clerk example', () => {
  it('imports the users, organizations and memberships the README lists', async () => {
    emulator.reset();
    const job = jobOfNewRun(2003);
    const run = await step(job, 'main', {
      inputs: {
        mode: 'import',
        source: 'clerk',
        ...CLERK,
        'workos-api-key': KEY,
        'workos-api-url': emulator.url,
        'fail-on': 'never',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(countsOutput(run, 'users')).toMatchObject({ total: 20, created: 19, invalid: 1 });
    expect(countsOutput(run, 'organizations')).toMatchObject({ created: 3 });
    expect(countsOutput(run, 'memberships')).toMatchObject({ created: 9 });
    expect(errorCommands(run).map((c) => c.properties)).toContainEqual(
      expect.objectContaining({ title: 'missing_email', file: 'examples/clerk/users.csv', line: '8' }),
    );
  });
});

describe('staged batches (max-records)', () => {
  it('stops after the stage, says what is pending, and the next run finishes', async () => {
    emulator.reset();
    const first = await step(jobOfNewRun(2007), 'main', { inputs: importInputs({ 'max-records': '10' }) });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.complete).toBe('false');
    const users = countsOutput(first, 'users');
    expect(users).toMatchObject({ created: 10, pending: 17 });
    expect(Number(first.outputs.pending)).toBe(17 + 3 + 10);
    expect(emulator.snapshot().users).toHaveLength(10);

    const second = await step(jobOfNewRun(2007), 'main', { inputs: importInputs() });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.complete).toBe('true');
    expect(countsOutput(second, 'users')).toMatchObject({ created: 17, unchanged: 10, pending: 0 });
    expect(workosState()).toEqual(uninterruptedImport);
  });
});

describe('the post step after a main step that was killed mid-import', () => {
  const WORKFLOW = 2004;

  it('uploads the journal, and the next run resumes to exactly the expected users', async () => {
    expect(uninterruptedImport, 'the uninterrupted import above gives the expected WorkOS state').toBeDefined();
    emulator.reset();
    emulator.setFaults({ latencyMs: 200 });
    const job = jobOfNewRun(WORKFLOW);
    const runId = job.env.GITHUB_RUN_ID!;
    const inputs = importInputs({ concurrency: '2', 'state-name': 'workos-migration-state-w2004' });

    const { child, done } = startStep(job, 'main', { inputs });
    let log = '';
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      // Killed as soon as some users are written and journaled, long before the end.
      if (/users: [1-9]\d*\/27/.test(log)) child.kill('SIGKILL');
    });
    const killed = await done;
    produced.push(...producedByStep('killed main', killed));
    expect(killed.signal, killed.stdout).toBe('SIGKILL');
    expect(killed.state['final-saved']).toBeUndefined();
    expect(killed.state['state-dir']).toBeDefined();
    const writtenBeforeKill = emulator.snapshot().users.length;
    expect(writtenBeforeKill).toBeLessThan(27);

    const post = await step(job, 'post', { inputs, state: killed.state });
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(post.stdout).toContain(
      `Checkpoint saved as workos-migration-state-w2004-${runId}-1-1 after the main step stopped early.`,
    );
    const checkpoint = fake.artifacts().find((a) => a.name === `workos-migration-state-w2004-${runId}-1-1`);
    expect(checkpoint?.files).toEqual(['journal.ndjson']);
    const journaled =
      (await downloadArtifact(fake, checkpoint!.id)).get('journal.ndjson')!.toString().trim().split('\n').length - 1;
    expect(journaled).toBeGreaterThan(0);

    emulator.setFaults({});
    const createsBefore = emulator.stats().byRoute['POST /user_management/users']?.requests ?? 0;
    const next = jobOfNewRun(WORKFLOW);
    const resumed = await step(next, 'main', { inputs: importInputs() });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(
      `Restored from artifact workos-migration-state-w2004-${runId}-1-1 of run ${runId}.`,
    );
    expect(resumed.outputs.complete).toBe('true');
    const users = countsOutput(resumed, 'users');
    expect(users.unchanged).toBeGreaterThanOrEqual(Math.min(journaled, 27));
    // Journaled users are not created again.
    const creates = (emulator.stats().byRoute['POST /user_management/users']?.requests ?? 0) - createsBefore;
    expect(creates).toBeLessThanOrEqual(27 - Math.min(journaled, 27));

    const state = workosState();
    expectNoDuplicates(state);
    expect(state).toEqual(uninterruptedImport);
  });
});

function pullRequestEvent(number: number, headRepo: string) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'update-exports', sha: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed', repo: { full_name: headRepo } },
      base: { ref: 'main', repo: { full_name: 'acme/identity-migration' } },
    },
    repository: { full_name: 'acme/identity-migration' },
  };
}

describe('pull_request runs', () => {
  const WORKFLOW = 2005;
  const PR = 17;
  const FORK_PR = 18;

  it('mode: plan posts a sticky comment and annotates the invalid records', async () => {
    pullRequests.add(PR);
    fake.addComment(PR, 'Looks good to me, but let us see the plan.');
    const job = jobOfNewRun(WORKFLOW, {
      eventName: 'pull_request',
      eventPayload: pullRequestEvent(PR, 'acme/identity-migration'),
    });
    const run = await step(job, 'main', {
      inputs: {
        mode: 'plan',
        ...AUTH0,
        'workos-api-key': KEY,
        'workos-api-url': emulator.url,
        'fail-on': 'never',
        'report-retention-days': '3',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);

    // Anyone who can read the run can download a pull request's artifact: no source ids (they can hold emails).
    const report = fake.artifacts().find((a) => a.name === run.outputs['report-artifact']);
    expect(report?.files).toContain('summary.json');
    expect(report?.files).not.toContain('id-map.csv');
    const keptDays = (Date.parse(report!.expiresAt) - Date.now()) / 86_400_000;
    expect(keptDays).toBeGreaterThan(2.9);
    expect(keptDays).toBeLessThanOrEqual(3);

    const ours = fake.comments(PR).filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('<!-- migrate-to-workos:plan -->');
    expect(ours[0]!.body).toContain('## WorkOS migration plan (dry run): auth0');
    expect(ours[0]!.body).toContain(`https://github.com/acme/identity-migration/actions/runs/${job.env.GITHUB_RUN_ID}`);

    const errors = errorCommands(run).filter((c) => c.properties.file);
    expect(errors.map((c) => c.properties)).toEqual(
      expect.arrayContaining([{ title: 'missing_email', file: 'examples/auth0/users.ndjson', line: '27' }]),
    );
    // A policy skip is deliberate: counted in the summary, not raised as an error.
    expect(errors.map((c) => c.properties.title)).not.toContain('blocked');
    expect(
      workflowCommands(run.stdout)
        .filter((c) => c.command === 'warning')
        .map((c) => c.properties),
    ).toContainEqual({
      title: 'password_unmatched',
      file: 'examples/auth0/passwords.ndjson',
      line: '10',
    });
  });

  it('a new push updates the same comment instead of adding one', async () => {
    const before = fake.comments(PR).find((c) => c.user.login === 'github-actions[bot]')!;
    const job = jobOfNewRun(WORKFLOW, {
      eventName: 'pull_request',
      eventPayload: pullRequestEvent(PR, 'acme/identity-migration'),
    });
    const run = await step(job, 'main', {
      inputs: { mode: 'plan', ...AUTH0, 'workos-api-key': KEY, 'workos-api-url': emulator.url, 'fail-on': 'never' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const ours = fake.comments(PR).filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.id).toBe(before.id);
    // The link to the job summary moved to the new run.
    expect(ours[0]!.body).toContain(`/actions/runs/${job.env.GITHUB_RUN_ID}`);
    expect(fake.comments(PR)).toHaveLength(2);
  });

  it('a fork PR with mode: import fails with a clear message and writes nothing', async () => {
    emulator.reset();
    const job = jobOfNewRun(WORKFLOW, {
      eventName: 'pull_request',
      eventPayload: pullRequestEvent(FORK_PR, 'mallory/identity-migration'),
      githubToken: READ_ONLY_TOKEN,
    });
    const run = await step(job, 'main', { inputs: importInputs() });
    expect(run.code).toBe(1);
    expect(errorCommands(run).map((c) => c.message)).toEqual([
      'Pull requests never write to WorkOS, fork or not: mode: import is refused on pull_request events; use mode: plan, the dry run for pull requests, and write from a push, schedule or workflow_dispatch run.',
    ]);
    expect(run.summary).toContain('WorkOS migration did not run');
    expect(emulator.stats().requests).toBe(0);
    expect(emulator.snapshot().users).toHaveLength(0);
  });

  it('a pull request from a branch of the same repository never writes either: import and rollback refuse before any request', async () => {
    emulator.reset();
    for (const eventName of ['pull_request', 'pull_request_target']) {
      const job = jobOfNewRun(WORKFLOW, { eventName, eventPayload: pullRequestEvent(PR, 'acme/identity-migration') });
      const imported = await step(job, 'main', { inputs: importInputs() });
      expect(imported.code, imported.stdout + imported.stderr).toBe(1);
      expect(errorCommands(imported).map((c) => c.message)).toEqual([
        `Pull requests never write to WorkOS, fork or not: mode: import is refused on ${eventName} events; use mode: plan, the dry run for pull requests, and write from a push, schedule or workflow_dispatch run.`,
      ]);
      const rolledBack = await step(job, 'main', {
        inputs: { mode: 'rollback', 'confirm-rollback': 'true', 'workos-api-key': KEY, 'workos-api-url': emulator.url },
      });
      expect(rolledBack.code, rolledBack.stdout + rolledBack.stderr).toBe(1);
      expect(errorCommands(rolledBack)[0]?.message).toMatch(
        /^Pull requests never write to WorkOS, fork or not: mode: rollback with confirm-rollback is refused/,
      );
    }
    expect(emulator.stats().writes).toBe(0);
    expect(emulator.stats().requests).toBe(0);
    expect(emulator.snapshot().users).toHaveLength(0);
  });

  it('a fork PR with mode: plan and the read-only token gets a notice instead of a comment, and does not fail for it', async () => {
    pullRequests.add(FORK_PR);
    // Secrets are not given to fork PRs: no key.
    const job = jobOfNewRun(WORKFLOW, {
      eventName: 'pull_request',
      eventPayload: pullRequestEvent(FORK_PR, 'mallory/identity-migration'),
      githubToken: READ_ONLY_TOKEN,
    });
    const run = await step(job, 'main', { inputs: { mode: 'plan', ...AUTH0, 'fail-on': 'never' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.comments(FORK_PR)).toHaveLength(0);
    const notices = workflowCommands(run.stdout).filter((c) => c.command === 'notice');
    expect(notices.map((c) => c.message)).toContainEqual(
      expect.stringMatching(
        /^The plan is in the job summary; no PR comment was posted \(.*403 Resource not accessible by integration/,
      ),
    );
    expect(errorCommands(run).filter((c) => !c.properties.file)).toEqual([]);
    expect(run.summary).toMatch(/\| Users \| 29 \|/);
  });
});

describe('input validation', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'a mode that does not exist',
      { mode: 'migrate' },
      'mode must be plan, import, verify, cutover, rollback, export, inventory or watch, got "migrate".',
    ],
    [
      'a client ID given as the key',
      { 'workos-api-key': 'client_01HZZE2ETESTCLIENT' },
      'The WorkOS API key looks like a client ID (client_…). Use the secret API key (sk_test_… or sk_live_…) from the WorkOS dashboard.',
    ],
    [
      'a production key without confirm-production',
      { 'workos-api-key': 'sk_live_E2E_PRODUCTION_1a2b3c' },
      'The key is a production key (sk_live_). To import in production set confirm-production: true.',
    ],
  ];

  it.each(cases)('%s fails the step with one clear error and writes nothing', async (_label, inputs, message) => {
    emulator.reset();
    const job = jobOfNewRun(2006);
    const run = await step(job, 'main', { inputs: importInputs(inputs) });
    expect(run.code).toBe(1);
    expect(errorCommands(run).map((c) => c.message)).toEqual([message]);
    expect(run.outputs.complete).toBe('false');
    expect(run.summary).toContain('WorkOS migration did not run');
    expect(emulator.stats().requests).toBe(0);
    expect(emulator.snapshot().users).toHaveLength(0);
  });
});

describe('secrets and personal data', () => {
  it('appear nowhere in what the runs above produced', async () => {
    const everything = [
      ...produced,
      ...runnerDirs.flatMap((dir, i) => producedInDirectory(`runner ${i + 1}`, dir)),
      ...(await producedOnGitHub(fake, [...pullRequests])),
    ];
    // The scan is only worth something if the runs above happened and left their traces.
    expect(stepCount).toBeGreaterThanOrEqual(15);
    expect(everything.filter((p) => p.where.startsWith('artifact')).length).toBeGreaterThanOrEqual(10);
    expect(everything.some((p) => p.where.startsWith('comment'))).toBe(true);

    const secrets = [
      { what: 'the WorkOS API key', value: KEY },
      { what: 'the production key', value: 'sk_live_E2E_PRODUCTION_1a2b3c' },
      { what: 'the GitHub token', value: TOKEN },
      { what: 'the read-only GitHub token', value: READ_ONLY_TOKEN },
      ...[AUTH0.users, AUTH0.passwords, AUTH0.organizations, CLERK.users, CLERK.organizations].flatMap((file) =>
        emailsIn(join(REPO_ROOT, file)),
      ),
      ...auth0PasswordHashes(join(REPO_ROOT, AUTH0.passwords)),
      ...clerkSecrets(join(REPO_ROOT, CLERK.users)),
    ];
    expect(secrets.filter((s) => s.what.startsWith('email')).length).toBeGreaterThan(40);
    expect(secrets.filter((s) => s.what.includes('hash') || s.what.includes('digest')).length).toBeGreaterThanOrEqual(
      19 + 18,
    );
    const sourceIds = auth0SourceIdsWithEmails(join(REPO_ROOT, AUTH0.users));
    expect(sourceIds).toHaveLength(1);
    expect(
      findLeaks(everything, secrets, {
        sourceIds: { ids: sourceIds, allowedIn: /(id-map\.csv|journal\.ndjson)$/ },
      }),
    ).toEqual([]);
  });
});
