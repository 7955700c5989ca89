import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  renderPullRequestComment,
  stickyCommentMarker,
  upsertStickyComment,
  type StickyCommentOptions,
} from '../../src/github/comment.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { planSummary, problem } from './plan-summary.js';

let fake: FakeGitHub;
let nextIssue = 1;

beforeAll(async () => {
  fake = await startFakeGitHub({ owner: 'acme', repo: 'identity-migration' });
});
afterAll(() => fake.close());

const BOT = { login: 'github-actions[bot]', type: 'Bot' };
const MARKER = stickyCommentMarker();
const SUMMARY_URL = 'https://github.com/acme/identity-migration/actions/runs/5001';

function upsert(issueNumber: number, body: string, overrides: Partial<StickyCommentOptions> = {}) {
  return upsertStickyComment({
    octokit: getOctokit(fake.token, { baseUrl: fake.apiUrl }),
    owner: fake.owner,
    repo: fake.repo,
    issueNumber,
    body,
    ...overrides,
  });
}

describe('upsertStickyComment', () => {
  it('creates the comment on the first run and updates that same comment on the next', async () => {
    const issue = nextIssue++;
    fake.addComment(issue, 'Looks good to me');

    const first = await upsert(issue, 'Plan: 110 users would be written.');
    expect(first.action).toBe('created');
    expect(first.url).toMatch(new RegExp(`/pull/${issue}#issuecomment-\\d+$`));

    const second = await upsert(issue, 'Plan: 111 users would be written.');
    expect(second).toMatchObject({ action: 'updated', url: first.url });

    const ours = fake.comments(issue).filter((c) => c.user.login === BOT.login);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe(`${MARKER}\nPlan: 111 users would be written.`);
    expect(fake.comments(issue)[0]!.body).toBe('Looks good to me');
  });

  it('does not write when the body has not changed', async () => {
    const issue = nextIssue++;
    await upsert(issue, 'Plan: nothing to write.');
    const before = fake.requests().length;

    const again = await upsert(issue, 'Plan: nothing to write.');
    expect(again.action).toBe('unchanged');
    expect(again.url).toContain(`#issuecomment-`);
    expect(
      fake
        .requests()
        .slice(before)
        .map((r) => r.method),
    ).toEqual(['GET']);
  });

  it('leaves alone a comment by someone else that carries our marker', async () => {
    const issue = nextIssue++;
    fake.addComment(issue, `${MARKER}\nI copied your marker`, { login: 'octocat', type: 'User' });
    fake.addComment(issue, `${MARKER}\nanother bot copied it too`, { login: 'renovate[bot]', type: 'Bot' });

    const result = await upsert(issue, 'Plan: 3 organizations would be written.');
    expect(result.action).toBe('created');
    expect(fake.comments(issue).map((c) => [c.user.login, c.body])).toEqual([
      ['octocat', `${MARKER}\nI copied your marker`],
      ['renovate[bot]', `${MARKER}\nanother bot copied it too`],
      ['github-actions[bot]', `${MARKER}\nPlan: 3 organizations would be written.`],
    ]);
  });

  it('keeps separate sticky comments for separate markers', async () => {
    const issue = nextIssue++;
    await upsert(issue, 'staging plan', { marker: 'staging' });
    await upsert(issue, 'production plan', { marker: 'production' });
    await upsert(issue, 'staging plan, again', { marker: 'staging' });
    expect(fake.comments(issue).map((c) => c.body)).toEqual([
      `${stickyCommentMarker('staging')}\nstaging plan, again`,
      `${stickyCommentMarker('production')}\nproduction plan`,
    ]);
  });

  it('finds our comment behind more than 100 others', async () => {
    const issue = nextIssue++;
    for (let i = 0; i < 150; i++) fake.addComment(issue, `review comment ${i}`);
    fake.addComment(issue, `${MARKER}\nold plan`, BOT);
    for (let i = 0; i < 20; i++) fake.addComment(issue, `later comment ${i}`);

    const result = await upsert(issue, 'new plan');
    expect(result.action).toBe('updated');
    expect(fake.comments(issue)).toHaveLength(171);
    expect(fake.comments(issue)[150]!.body).toBe(`${MARKER}\nnew plan`);
    expect(
      fake
        .requests()
        .some(
          (r) =>
            r.path.startsWith(`/api/repos/acme/identity-migration/issues/${issue}/comments?`) &&
            r.path.includes('page=2'),
        ),
    ).toBe(true);
  });

  it('skips with a reason, without throwing, when the token may not write (fork PR)', async () => {
    const issue = nextIssue++;
    const result = await upsert(issue, 'plan', { octokit: getOctokit(fake.readOnlyToken, { baseUrl: fake.apiUrl }) });
    expect(result.action).toBe('skipped');
    expect(result.reason).toContain('Resource not accessible by integration');
    expect(result.reason).toContain('pull-requests: write');
    expect(fake.comments(issue)).toEqual([]);
  });

  it('skips with a reason when the repository is not found', async () => {
    const result = await upsert(nextIssue++, 'plan', { repo: 'no-such-repo' });
    expect(result.action).toBe('skipped');
    expect(result.reason).toContain('404');
  });

  it('throws on other failures, such as a bad token', async () => {
    await expect(
      upsert(nextIssue++, 'plan', { octokit: getOctokit('ghs_revoked', { baseUrl: fake.apiUrl }) }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('cuts a body over the limit instead of having GitHub refuse it', async () => {
    const issue = nextIssue++;
    const result = await upsert(issue, 'x'.repeat(COMMENT_MAX_CHARS + 5_000));
    expect(result.action).toBe('created');
    const [posted] = fake.comments(issue);
    expect(posted!.body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(posted!.body.startsWith(MARKER)).toBe(true);
    expect(posted!.body).toContain('the job summary has the whole report');
  });

  it('refuses a marker id that could close the HTML comment', () => {
    expect(() => stickyCommentMarker('x -->')).toThrow(/marker id/);
    expect(() => stickyCommentMarker('a--b')).toThrow(/marker id/);
  });
});

describe('renderPullRequestComment', () => {
  it('tells reviewers what the dry run would do', () => {
    const problems = [
      ...Array.from({ length: 4 }, (_, i) => problem({ location: { file: 'exports/users.ndjson', line: 10 + i } })),
      problem({
        code: 'unmatched_password',
        entity: 'password',
        severity: 'warning',
        message: 'This password row matches no user.',
      }),
    ];
    const body = renderPullRequestComment(planSummary(), problems, { jobSummaryUrl: SUMMARY_URL });

    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain('## WorkOS migration plan (dry run): auth0');
    expect(body).toContain(
      '**Dry run without a WorkOS key.** Nothing was written. 153 record(s) are not in the checkpoint yet and would be written',
    );
    expect(body).toContain('| Users | 120 | 0 | 0 | 6 | 0 | 4 | 0 | 110 |');
    expect(body).toContain('**Re-enroll MFA**: 7 totp, 2 sms');
    expect(body).toContain('**Social sign-in**: 20 google-oauth2');
    expect(body).toContain('**Invalid** `missing_email` (user): 4');
    // Three examples per code, then a count.
    expect(body).toContain('exports/users.ndjson:12');
    expect(body).not.toContain('exports/users.ndjson:13');
    expect(body).toContain('… and 1 more');
    expect(body).toContain('**Warning** `unmatched_password` (password): 1');
    expect(body).toContain(`[job summary](${SUMMARY_URL})`);
    // Only one top-level heading: the summary's own is replaced, not repeated.
    expect(body.match(/^## /gm)).toHaveLength(1);
  });

  it('renders a hostile export escaped: no HTML, no mentions, no links, no emails', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '@octocat and @acme/security-team please look',
      '[click here](https://evil.example/phish)',
      '**bold** | table | `code` ~~strike~~ <script>alert(1)</script>',
      'see www.evil.example or mail jane.doe@acme.example about #42',
      'X'.repeat(20_000),
    ];
    const problems = hostile.map((message, i) =>
      problem({
        code: `hostile_${i}`,
        message,
        field: '<b>field</b>',
        location: { file: `exports/<i>users</i>@octocat.ndjson`, line: i + 1 },
      }),
    );
    const summary = planSummary({
      social: { '<img src=x onerror=alert(2)>': 3, '@octocat': 1, '[x](https://evil.example)': 1 },
    });
    const issue = nextIssue++;
    const result = await upsert(issue, renderPullRequestComment(summary, problems, { jobSummaryUrl: SUMMARY_URL }));
    expect(result.action).toBe('created');

    const received = fake.comments(issue)[0]!.body;
    const tags = [...received.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['sub', 'details', 'summary']));
    expect(received).not.toMatch(/@[A-Za-z0-9]/);
    // The one link is ours, to the job summary; every bracket from the export is escaped.
    expect([...received.matchAll(/(^|[^\\])\]\(([^)]*)\)/gm)].map((m) => m[2])).toEqual([SUMMARY_URL]);
    expect(received).not.toContain('https://evil');
    expect(received).not.toMatch(/www\./);
    expect(received).not.toContain('jane.doe');
    expect(received).not.toMatch(/#42/);
    expect(received).not.toContain('X'.repeat(301));
    expect(received).not.toMatch(/(^|[^\\])\*\*bold/m);
  });

  it('stays under the comment limit with 5,000 problems, and says where the rest is', async () => {
    const problems = Array.from({ length: 5_000 }, (_, i) =>
      problem({
        code: `code_${i}`,
        location: { file: 'exports/users.ndjson', line: i + 1 },
        message: `Problem ${i}: ${'m'.repeat(280)}`,
      }),
    );
    const body = renderPullRequestComment(planSummary(), problems, { jobSummaryUrl: SUMMARY_URL });
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    // The cut closes the fold it landed in, so the note after it is not hidden inside it.
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    expect(body).toContain(`Cut to fit a pull request comment. Every problem is in the [job summary](${SUMMARY_URL})`);
    expect(body.startsWith(MARKER)).toBe(true);

    const issue = nextIssue++;
    expect((await upsert(issue, body)).action).toBe('created');
    expect(fake.comments(issue)[0]!.body).toBe(body);
  });

  it('does not link a job summary URL that is not http(s)', () => {
    const body = renderPullRequestComment(planSummary(), [], { jobSummaryUrl: 'javascript:alert(1)' });
    expect(body).not.toContain('javascript:');
    expect(body).toContain('The job summary has the full report');
  });
});
