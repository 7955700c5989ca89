import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOctokit, httpStatusOf } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from './github.js';
import { tempDirForFile } from '../support/temp-dir.js';

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub({ owner: 'acme', repo: 'app' });
});
afterAll(() => fake.close());

async function statusAndMessage(request: Promise<unknown>): Promise<[number | undefined, string]> {
  try {
    await request;
    return [200, ''];
  } catch (error) {
    return [httpStatusOf(error), (error as Error).message];
  }
}

describe('fake GitHub', () => {
  it('creates, lists page by page and updates issue comments as github-actions[bot]', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    fake.addComment(7, 'LGTM');
    const { data: created, status } = await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'app',
      issue_number: 7,
      body: '<!-- marker --> first',
    });
    expect(status).toBe(201);
    expect(created.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    for (let i = 0; i < 3; i++)
      await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 7, body: `filler ${i}` });

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'acme',
      repo: 'app',
      issue_number: 7,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(['LGTM', '<!-- marker --> first', 'filler 0', 'filler 1', 'filler 2']);
    expect(all[0]!.user).toMatchObject({ login: 'octocat', type: 'User' });
    expect(fake.requests().filter((r) => r.path.startsWith('/api/repos/acme/app/issues/7/comments?'))).toHaveLength(3);

    await octokit.rest.issues.updateComment({
      owner: 'acme',
      repo: 'app',
      comment_id: created.id,
      body: '<!-- marker --> second',
    });
    expect(fake.comments(7).find((c) => c.id === created.id)?.body).toBe('<!-- marker --> second');
    expect(fake.comments(8)).toEqual([]);
  });

  it('answers a fork PR token 403 on writes but lets it read, and an unknown token 401', async () => {
    const readOnly = createOctokit(fake.readOnlyToken, fake.apiUrl);
    const [status, message] = await statusAndMessage(
      readOnly.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 9, body: 'x' }),
    );
    expect(status).toBe(403);
    expect(message).toContain('Resource not accessible by integration');
    expect((await readOnly.rest.issues.listComments({ owner: 'acme', repo: 'app', issue_number: 9 })).status).toBe(200);
    expect(fake.comments(9)).toEqual([]);

    const stranger = createOctokit('ghs_someone_else', fake.apiUrl);
    expect(
      (await statusAndMessage(stranger.rest.issues.listComments({ owner: 'acme', repo: 'app', issue_number: 9 })))[0],
    ).toBe(401);
  });

  it('refuses a comment over 65,536 characters like GitHub', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    const [status, message] = await statusAndMessage(
      octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 10, body: 'x'.repeat(65_537) }),
    );
    expect(status).toBe(422);
    expect(message).toContain('body is too long');
  });

  it('gives each run its own id and a runtime token naming it, and re-attempts keep the run id', () => {
    const first = fake.newRun();
    const second = fake.newRun({ workflowId: 2002 });
    const retry = fake.newRun({ workflowId: 2002, attempt: 2 });
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(retry.runId).toBe(second.runId);
    expect(fake.runtimeToken).toBe(retry.runtimeToken);
    const claims = JSON.parse(Buffer.from(retry.runtimeToken.split('.')[1]!, 'base64url').toString('utf8')) as {
      scp: string;
    };
    expect(claims.scp).toMatch(/Actions\.Results:[0-9a-f-]{36}:[0-9a-f-]{36}/);
    expect(fake.actionsEnv()).toMatchObject({
      GITHUB_RUN_ID: String(retry.runId),
      GITHUB_RUN_ATTEMPT: '2',
      ACTIONS_RUNTIME_TOKEN: retry.runtimeToken,
    });
  });

  it('lists runs of every workflow with their event, branch and head repository, as "List workflow runs for a repository" does', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    const push = fake.newRun({ workflowId: 3001, event: 'push' });
    const pr = fake.newRun({ workflowId: 3002, event: 'pull_request', headBranch: 'update-exports' });
    const fork = fake.newRun({
      workflowId: 3002,
      event: 'pull_request',
      headBranch: 'main',
      headRepository: 'mallory/app',
    });
    const runs = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, {
      owner: 'acme',
      repo: 'app',
      per_page: 2,
    });
    const byId = new Map(runs.map((run) => [run.id, run]));
    expect(byId.get(push.runId)).toMatchObject({
      event: 'push',
      head_branch: 'main',
      head_repository: { full_name: 'acme/app', fork: false },
    });
    expect(byId.get(pr.runId)).toMatchObject({
      event: 'pull_request',
      head_branch: 'update-exports',
      workflow_id: 3002,
    });
    expect(byId.get(fork.runId)).toMatchObject({
      event: 'pull_request',
      head_repository: { full_name: 'mallory/app', fork: true },
    });
    expect(byId.get(fork.runId)!.head_repository!.id).not.toBe(byId.get(fork.runId)!.repository.id);
    const filtered = await octokit.rest.actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'app', event: 'push' });
    expect(filtered.data.workflow_runs.map((run) => run.id)).toEqual([push.runId]);
  });

  it('re-runs any run as a new attempt that keeps its event and head repository', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    const old = fake.newRun({ workflowId: 3003, event: 'schedule' });
    fake.newRun({ workflowId: 3003, event: 'schedule' });
    const rerun = fake.newRun({ rerunOf: old.runId });
    expect(rerun.runId).toBe(old.runId);
    expect(fake.actionsEnv()).toMatchObject({ GITHUB_RUN_ID: String(old.runId), GITHUB_RUN_ATTEMPT: '2' });
    const { data } = await octokit.rest.actions.getWorkflowRun({ owner: 'acme', repo: 'app', run_id: old.runId });
    expect(data).toMatchObject({ run_attempt: 2, event: 'schedule' });
  });

  it('lists an expired artifact with expired: true and answers 410 to its download', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    const { runId } = fake.newRun({ event: 'pull_request', headRepository: 'mallory/app' });
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', fake.runtimeToken);
    vi.stubEnv('ACTIONS_RESULTS_URL', fake.resultsUrl);
    vi.stubEnv('GITHUB_WORKSPACE', tmpdir());
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = tempDirForFile('fake-artifact-');
    writeFileSync(join(dir, 'a.txt'), 'hello');
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { id } = await new DefaultArtifactClient().uploadArtifact('expiring', [join(dir, 'a.txt')], dir);
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    fake.expireArtifact(id!);
    const listed = await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, {
      owner: 'acme',
      repo: 'app',
      per_page: 100,
    });
    const artifact = listed.find((a) => a.id === id)!;
    expect(artifact).toMatchObject({ expired: true, workflow_run: { id: runId, repository_id: 1 } });
    expect(artifact.workflow_run!.head_repository_id).not.toBe(1);
    const [status, message] = await statusAndMessage(
      octokit.rest.actions.downloadArtifact({ owner: 'acme', repo: 'app', artifact_id: id!, archive_format: 'zip' }),
    );
    expect(status).toBe(410);
    expect(message).toContain('Artifact has expired');
  });

  it('fails requests on demand, and the client retries a 502 but not a 403', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    fake.failRequests({ path: /\/actions\/runs$/, status: 502 });
    expect((await octokit.rest.actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'app' })).status).toBe(200);
    fake.failRequests({ path: /\/actions\/runs$/, status: 403, times: 2 });
    const [status, message] = await statusAndMessage(
      octokit.rest.actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'app' }),
    );
    expect([status, message]).toEqual([403, expect.stringContaining('Resource not accessible by integration')]);
    const answered = fake
      .requests()
      .filter((r) => r.path.startsWith('/api/repos/acme/app/actions/runs'))
      .slice(-3)
      .map((r) => r.status);
    // 502 then its retry, then one 403 that is not retried (the second 403 is left for the next call).
    expect(answered).toEqual([502, 200, 403]);
  });
});
