import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub, type NewRunOptions } from '../fakes/github.js';
import {
  downloadArtifact,
  newJob,
  runStep,
  startStep,
  workflowCommands,
  type Job,
  type StepRun,
} from './run-action.js';
import { tempDirForFile } from '../support/temp-dir.js';

// One repository with the three workflows a real migration has (a dispatch import, a PR dry run,
// a cron of stages), run with the built action (dist/) against a fake GitHub and the local WorkOS
// stand-in. The checkpoint is shared across workflows, trusted only from this repository's
// non-PR runs, and never lost silently.

const KEY = 'sk_test_E2E_WORKFLOWS_5a4b';
const AUTH0 = {
  users: 'examples/auth0/users.ndjson',
  passwords: 'examples/auth0/passwords.ndjson',
  organizations: 'examples/auth0/organizations.json',
};
const DISPATCH = 3101;
const PR_DRY_RUN = 3102;
const CRON = 3103;

let fake: FakeGitHub;
let emulator: Emulator;

beforeAll(async () => {
  fake = await startFakeGitHub();
  emulator = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
});
afterAll(async () => {
  await fake?.close();
  await emulator?.close();
});

function pullRequestEvent(number: number, headRepo: string) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'update-exports', sha: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed', repo: { full_name: headRepo } },
      base: { ref: 'main', repo: { full_name: `${fake.owner}/${fake.repo}` } },
    },
  };
}

/** A job of a new run (or a re-run) whose runner sees the same event the fake recorded for the run. */
function jobOf(run: NewRunOptions, payload?: unknown): Job {
  fake.newRun(run);
  const event = run.rerunOf !== undefined ? undefined : run.event;
  return newJob(fake, { eventName: event ?? 'workflow_dispatch', eventPayload: payload ?? {} });
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

function users(run: StepRun): { created: number; unchanged: number; pending: number } {
  return JSON.parse(run.outputs.users ?? '{}') as { created: number; unchanged: number; pending: number };
}

function checkpointsOf(runId: string) {
  return fake.artifacts().filter((a) => a.name.startsWith('workos-migration-state-') && String(a.runId) === runId);
}

function errors(run: StepRun): string[] {
  return workflowCommands(run.stdout)
    .filter((c) => c.command === 'error')
    .map((c) => c.message);
}

describe('one checkpoint shared by the workflows of a repository', () => {
  let dispatchRunId: string;

  it('a PR dry run in workflow B sees the checkpoint that dispatch workflow A saved, and saves none', async () => {
    emulator.reset();
    const dispatch = jobOf({ workflowId: DISPATCH, event: 'workflow_dispatch' });
    dispatchRunId = dispatch.env.GITHUB_RUN_ID!;
    const imported = await runStep(dispatch, 'main', { inputs: importInputs() });
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(checkpointsOf(dispatchRunId).map((a) => a.name)).toEqual([`workos-migration-state-${dispatchRunId}-1-1`]);

    const pr = jobOf(
      { workflowId: PR_DRY_RUN, event: 'pull_request', headBranch: 'update-exports' },
      pullRequestEvent(41, `${fake.owner}/${fake.repo}`),
    );
    const plan = await runStep(pr, 'main', {
      inputs: { mode: 'plan', ...AUTH0, comment: 'never', 'fail-on': 'never' },
    });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      `Restored from artifact workos-migration-state-${dispatchRunId}-1-1 of run ${dispatchRunId}.`,
    );
    expect(users(plan)).toMatchObject({ created: 0, unchanged: 27, pending: 0 });
    expect(checkpointsOf(pr.env.GITHUB_RUN_ID!)).toEqual([]);
  });

  it("a checkpoint a fork's PR run uploaded is ignored: its forged ids are never used", async () => {
    // The fork's workflow code runs with a runtime token of its own and can upload any artifact.
    const fork = jobOf({ workflowId: PR_DRY_RUN, event: 'pull_request', headRepository: 'mallory/identity-migration' });
    const forkRunId = fork.env.GITHUB_RUN_ID!;
    const forged = tempDirForFile('forged-');
    const header = readFileSync(join(await checkpointDir(dispatchRunId), 'journal.ndjson'), 'utf8').split('\n')[0];
    writeFileSync(
      join(forged, 'journal.ndjson'),
      `${header}\n${JSON.stringify({ entity: 'user', source_id: 'auth0|665f1c0e8a4b2d0019e3a101', workos_id: 'user_FORGED', status: 'created', input_digest: 'x' })}\n`,
    );
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', fork.env.ACTIONS_RUNTIME_TOKEN!);
    vi.stubEnv('ACTIONS_RESULTS_URL', fork.env.ACTIONS_RESULTS_URL!);
    vi.stubEnv('GITHUB_WORKSPACE', forged);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().uploadArtifact(
      `workos-migration-state-${forkRunId}-1-1`,
      [join(forged, 'journal.ndjson')],
      forged,
    );
    stdout.mockRestore();
    vi.unstubAllEnvs();

    const dispatch = jobOf({ workflowId: DISPATCH, event: 'workflow_dispatch' });
    const run = await runStep(dispatch, 'main', { inputs: importInputs() });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '1 checkpoint artifact(s) named "workos-migration-state-…" was ignored: 1 uploaded by a run of a fork.',
    );
    expect(run.stdout).toContain(
      `Restored from artifact workos-migration-state-${dispatchRunId}-1-1 of run ${dispatchRunId}.`,
    );
    expect(users(run)).toMatchObject({ created: 0, unchanged: 27 });
    expect(run.stdout + run.stderr).not.toContain('user_FORGED');
  });

  async function checkpointDir(runId: string): Promise<string> {
    const artifact = checkpointsOf(runId)[0]!;
    const files = await downloadArtifact(fake, artifact.id);
    const dir = tempDirForFile('checkpoint-');
    for (const [name, content] of files) writeFileSync(join(dir, name), content);
    return dir;
  }
});

describe('staged batches of a cron', () => {
  it('a re-run of an older run resumes from the newest checkpoint, not its own', async () => {
    emulator.reset();
    const first = jobOf({ workflowId: CRON, event: 'schedule' });
    const stage1 = await runStep(first, 'main', {
      inputs: importInputs({ 'max-records': '10', 'state-name': 'cron-state' }),
    });
    expect(stage1.code, stage1.stdout + stage1.stderr).toBe(0);
    expect(users(stage1)).toMatchObject({ created: 10, pending: 17 });

    const second = jobOf({ workflowId: CRON, event: 'schedule' });
    const secondRunId = second.env.GITHUB_RUN_ID!;
    const stage2 = await runStep(second, 'main', {
      inputs: importInputs({ 'max-records': '10', 'state-name': 'cron-state' }),
    });
    expect(users(stage2)).toMatchObject({ created: 10, unchanged: 10, pending: 7 });

    const rerun = jobOf({ rerunOf: Number(first.env.GITHUB_RUN_ID) });
    expect(rerun.env.GITHUB_RUN_ATTEMPT).toBe('2');
    const createsBefore = emulator.stats().byRoute['POST /user_management/users']?.requests ?? 0;
    const stage3 = await runStep(rerun, 'main', { inputs: importInputs({ 'state-name': 'cron-state' }) });
    expect(stage3.code, stage3.stdout + stage3.stderr).toBe(0);
    expect(stage3.stdout).toContain(`Restored from artifact cron-state-${secondRunId}-1-1 of run ${secondRunId}.`);
    expect(users(stage3)).toMatchObject({ created: 7, unchanged: 20, pending: 0 });
    expect((emulator.stats().byRoute['POST /user_management/users']?.requests ?? 0) - createsBefore).toBe(7);
    expect(stage3.outputs.complete).toBe('true');
  });
});

describe('a checkpoint that cannot be read or written', () => {
  it('a failed restore stops the run before any write, in one sentence', async () => {
    emulator.reset();
    const job = jobOf({ workflowId: DISPATCH, event: 'workflow_dispatch' });
    fake.failRequests({ method: 'GET', path: /\/actions\/artifacts$/, status: 403 });
    const run = await runStep(job, 'main', { inputs: importInputs() });
    expect(run.code).toBe(1);
    expect(errors(run)).toEqual([
      'Checkpoint store workflow artifact "workos-migration-state": could not find the newest checkpoint: the token is not allowed to do this ' +
        '(403: Resource not accessible by integration - https://docs.github.com/rest). Grant the workflow "permissions: actions: read". ' +
        'The run stopped before any write; fix this and run again.',
    ]);
    expect(emulator.stats().requests).toBe(0);
    expect(checkpointsOf(job.env.GITHUB_RUN_ID!)).toEqual([]);
  });

  it('a failed final save still writes and uploads the report, and the post step saves the checkpoint', async () => {
    emulator.reset();
    const job = jobOf({ workflowId: DISPATCH, event: 'workflow_dispatch' });
    const runId = job.env.GITHUB_RUN_ID!;
    fake.failRequests({ path: /CreateArtifact$/, status: 403, message: 'artifact storage refused the upload' });
    const run = await runStep(job, 'main', { inputs: importInputs({ 'state-name': 'save-fails' }) });
    expect(run.code).toBe(1);
    const [message] = errors(run).filter((m) => m.includes('The reports of this run were written'));
    expect(message).toMatch(
      /^Checkpoint store workflow artifact "save-fails": the checkpoint in .* was not saved: .*The reports of this run were written\.$/,
    );
    expect(run.summary).toContain('## WorkOS migration: import (auth0)');
    expect(users(run)).toMatchObject({ created: 27 });
    expect(run.outputs['summary-path']).toBeDefined();
    expect(JSON.parse(readFileSync(run.outputs['summary-path']!, 'utf8'))).toMatchObject({
      mode: 'import',
      users: { created: 27 },
    });
    expect(run.outputs['report-artifact']).toMatch(/^migrate-to-workos-report-/);
    expect(run.state['final-saved']).toBeUndefined();

    const post = await runStep(job, 'post', { inputs: importInputs({ 'state-name': 'save-fails' }), state: run.state });
    expect(post.code, post.stdout + post.stderr).toBe(0);
    expect(post.stdout).toContain(`Checkpoint saved as save-fails-${runId}-1-1 after the main step stopped early.`);
  });
});

describe('a cancelled job', () => {
  it('main stops on SIGINT after the writes in flight, reports, saves the checkpoint and says what is pending', async () => {
    emulator.reset();
    emulator.setFaults({ latencyMs: 150 });
    const job = jobOf({ workflowId: DISPATCH, event: 'workflow_dispatch' });
    const runId = job.env.GITHUB_RUN_ID!;
    const inputs = importInputs({ concurrency: '2', 'state-name': 'cancelled' });
    const { child, done } = startStep(job, 'main', { inputs });
    let sent = false;
    const poll = setInterval(() => {
      if (!sent && emulator.snapshot().users.length >= 3) {
        sent = true;
        child.kill('SIGINT');
      }
    }, 20);
    const run = await done.finally(() => clearInterval(poll));
    emulator.setFaults({});
    expect(run.code, run.stdout + run.stderr).toBe(130);
    const written = emulator.snapshot().users.length;
    expect(written).toBeLessThan(27);
    const [message] = errors(run).filter((m) => m.startsWith('Interrupted'));
    const pending = Number(run.outputs.pending);
    expect(pending).toBeGreaterThan(0);
    expect(message).toBe(`Interrupted (SIGINT): ${pending} records pending. The next run goes on from the checkpoint.`);
    expect(run.summary).toContain('## WorkOS migration: import (auth0)');
    expect(run.state['final-saved']).toBe('true');
    expect(
      fake
        .artifacts()
        .filter((a) => a.name.startsWith(`cancelled-${runId}-`))
        .map((a) => a.name),
    ).toEqual([`cancelled-${runId}-1-1`]);

    const next = await runStep(jobOf({ workflowId: DISPATCH, event: 'workflow_dispatch' }), 'main', {
      inputs: importInputs({ 'state-name': 'cancelled' }),
    });
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(users(next)).toMatchObject({ created: 27 - written, unchanged: written, pending: 0 });
  });
});
