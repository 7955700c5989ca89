import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOctokit, httpStatusOf } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from './github.js';

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
    const { data: created, status } = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 7, body: '<!-- marker --> first' });
    expect(status).toBe(201);
    expect(created.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    for (let i = 0; i < 3; i++) await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 7, body: `filler ${i}` });

    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: 'acme', repo: 'app', issue_number: 7, per_page: 2 });
    expect(all.map((c) => c.body)).toEqual(['LGTM', '<!-- marker --> first', 'filler 0', 'filler 1', 'filler 2']);
    expect(all[0]!.user).toMatchObject({ login: 'octocat', type: 'User' });
    expect(fake.requests().filter((r) => r.path.startsWith('/api/repos/acme/app/issues/7/comments?'))).toHaveLength(3);

    await octokit.rest.issues.updateComment({ owner: 'acme', repo: 'app', comment_id: created.id, body: '<!-- marker --> second' });
    expect(fake.comments(7).find((c) => c.id === created.id)?.body).toBe('<!-- marker --> second');
    expect(fake.comments(8)).toEqual([]);
  });

  it('answers a fork PR token 403 on writes but lets it read, and an unknown token 401', async () => {
    const readOnly = createOctokit(fake.readOnlyToken, fake.apiUrl);
    const [status, message] = await statusAndMessage(readOnly.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 9, body: 'x' }));
    expect(status).toBe(403);
    expect(message).toContain('Resource not accessible by integration');
    expect((await readOnly.rest.issues.listComments({ owner: 'acme', repo: 'app', issue_number: 9 })).status).toBe(200);
    expect(fake.comments(9)).toEqual([]);

    const stranger = createOctokit('ghs_someone_else', fake.apiUrl);
    expect((await statusAndMessage(stranger.rest.issues.listComments({ owner: 'acme', repo: 'app', issue_number: 9 })))[0]).toBe(401);
  });

  it('refuses a comment over 65,536 characters like GitHub', async () => {
    const octokit = createOctokit(fake.token, fake.apiUrl);
    const [status, message] = await statusAndMessage(octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 10, body: 'x'.repeat(65_537) }));
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
    const claims = JSON.parse(Buffer.from(retry.runtimeToken.split('.')[1]!, 'base64url').toString('utf8')) as { scp: string };
    expect(claims.scp).toMatch(/Actions\.Results:[0-9a-f-]{36}:[0-9a-f-]{36}/);
    expect(fake.actionsEnv()).toMatchObject({ GITHUB_RUN_ID: String(retry.runId), GITHUB_RUN_ATTEMPT: '2', ACTIONS_RUNTIME_TOKEN: retry.runtimeToken });
  });
});
