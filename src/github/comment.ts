import type { RecordProblem } from '../model/types.js';
import { escapeMarkdown, truncateMarkdown } from '../report/escape.js';
import { renderSummaryMarkdown } from '../report/markdown.js';
import type { Summary } from '../report/summary.js';
import { scrubText, scrubValue } from '../model/mask.js';
import { httpStatusOf, type Octokit } from './octokit.js';

/** GitHub rejects a comment body longer than this with a 422. */
export const COMMENT_MAX_CHARS = 65_536;

export const DEFAULT_MARKER_ID = 'plan';

/** The login that GITHUB_TOKEN writes as. Only its comments are ours to update. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** The hidden line that identifies our comment among everyone else's. */
export function stickyCommentMarker(markerId: string = DEFAULT_MARKER_ID): string {
  // It lives inside an HTML comment: anything that could close one (`--`, `>`) would leak the rest.
  if (!/^[A-Za-z0-9._-]+$/.test(markerId) || markerId.includes('--')) {
    throw new Error(
      `A sticky comment marker id takes letters, digits, '.', '_' and single '-' only: ${JSON.stringify(markerId)}`,
    );
  }
  return `<!-- migrate-to-workos:${markerId} -->`;
}

export interface StickyCommentOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  /** Tells apart several sticky comments of ours on one PR (e.g. one per job). */
  marker?: string;
  /** Whose comments may be updated. GITHUB_TOKEN writes as github-actions[bot]; a PAT or an app token as someone else. */
  author?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  url?: string;
  /** Why nothing was written, when `skipped`. */
  reason?: string;
}

/**
 * Creates our comment on the PR, or updates it in place on later runs, so a PR carries one
 * plan however often the workflow runs. A token that may not write there (fork PRs, read-only
 * tokens) is `skipped` with the reason, not an error: the plan is in the job summary anyway.
 */
export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { octokit, owner, repo, issueNumber } = options;
  const marker = stickyCommentMarker(options.marker);
  const author = options.author ?? ACTIONS_BOT_LOGIN;
  // Whatever rendered it, a comment is public to everyone who can read the pull request.
  const scrubbed = scrubText(options.body);
  const body = fitToCommentLimit(scrubbed.includes(marker) ? scrubbed : `${marker}\n${scrubbed}`);

  try {
    const existing = await findStickyComment(octokit, { owner, repo, issueNumber, marker, author });
    if (existing) {
      if (sameBody(existing.body ?? '', body)) return { action: 'unchanged', url: existing.html_url };
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { action: 'updated', url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { action: 'created', url: data.html_url };
  } catch (error) {
    const reason = skipReason(error);
    if (reason) return { action: 'skipped', reason };
    throw error;
  }
}

interface IssueComment {
  id: number;
  body?: string | undefined;
  html_url: string;
  user: { login: string; type: string } | null;
}

async function findStickyComment(
  octokit: Octokit,
  where: { owner: string; repo: string; issueNumber: number; marker: string; author: string },
): Promise<IssueComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  for await (const { data } of pages) {
    // Anyone can paste our marker into a comment; only the author we write as is trusted.
    const ours = (data as IssueComment[]).find(
      (c) => isByAuthor(c, where.author) && (c.body ?? '').includes(where.marker),
    );
    if (ours) return ours;
  }
  return undefined;
}

function isByAuthor(comment: IssueComment, author: string): boolean {
  if (comment.user?.login !== author) return false;
  // A user account cannot have a login ending in [bot]; checking the type as well costs nothing.
  return !author.endsWith('[bot]') || comment.user.type === 'Bot';
}

/** GitHub may hand back CRLF line ends and drop trailing whitespace; neither is a change. */
function sameBody(a: string, b: string): boolean {
  const normalize = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
  return normalize(a) === normalize(b);
}

function fitToCommentLimit(body: string): string {
  if (body.length <= COMMENT_MAX_CHARS) return body;
  const note = '\n\n_Cut to fit a pull request comment (65,536 characters); the job summary has the whole report._\n';
  // The marker is on the first line, so a cut at the end keeps the comment findable.
  return truncateMarkdown(body, COMMENT_MAX_CHARS - note.length) + note;
}

function skipReason(error: unknown): string | undefined {
  const status = httpStatusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403 && /resource not accessible by integration/i.test(message)) {
    return 'the token may not write to this pull request (403 Resource not accessible by integration): a PR from a fork, or a workflow without `permissions: pull-requests: write`';
  }
  if (status === 404) {
    return 'the pull request was not found with this token (404): check the github-token input and that it can read this repository';
  }
  return undefined;
}

export interface PullRequestCommentOptions {
  /** Where the full report is; the comment links to it and says so when it had to be cut. */
  jobSummaryUrl?: string | undefined;
  marker?: string;
}

// Room left under the hard limit for the marker, heading, footer and the cut note.
const COMMENT_SUMMARY_BUDGET = COMMENT_MAX_CHARS - 2_000;
const EXAMPLES_PER_CODE = 3;

/**
 * The run as reviewers read it on a PR: the job summary's counts, people-work and problems
 * (three examples per code), under a heading that says whether anything was written, with the
 * marker that makes it sticky. Always shorter than GitHub's comment limit.
 */
export function renderPullRequestComment(
  summary: Summary,
  problems: readonly RecordProblem[],
  options: PullRequestCommentOptions = {},
): string {
  const marker = stickyCommentMarker(options.marker);
  const summaryLink = markdownLink('job summary', options.jobSummaryUrl);
  const heading =
    summary.mode === 'plan'
      ? `## WorkOS migration plan (dry run): ${escapeMarkdown(summary.source)}`
      : `## WorkOS migration ${summary.mode}: ${escapeMarkdown(summary.source)}`;
  const footer = `<sub>Posted by migrate-to-workos and updated in place on each run. The ${summaryLink} has the full report; errors.jsonl in the report artifact lists every problem with its file and line.</sub>`;

  const fixed = [marker, heading, footer].join('\n\n').length;
  const rendered = renderSummaryMarkdown(summary, problems.map(withoutPersonalData), {
    examplesPerCode: EXAMPLES_PER_CODE,
    maxChars: COMMENT_SUMMARY_BUDGET - fixed,
    truncatedNote: `_Cut to fit a pull request comment. Every problem is in the ${summaryLink} and in errors.jsonl in the report artifact._`,
  });
  // The summary's own heading is the job summary's; the PR gets one that says what kind of run it was.
  const body = rendered.startsWith('## ') ? rendered.slice(rendered.indexOf('\n') + 1).replace(/^\n+/, '') : rendered;

  // The summary's headline says what a dry run would do (create / update / remove, from WorkOS itself).
  return [marker, heading, body.trimEnd(), footer].filter((part) => part !== '').join('\n\n') + '\n';
}

/** Problems hold no emails or hashes by contract; the PR is no place to find out one did. */
function withoutPersonalData(problem: RecordProblem): RecordProblem {
  return {
    ...problem,
    message: scrubValue(problem.message),
    ...(problem.field ? { field: scrubValue(problem.field) } : {}),
  };
}

function markdownLink(text: string, url: string | undefined): string {
  if (!url) return text;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return text;
  // Parentheses and spaces would end the link target early.
  const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${text}](${href})`;
}
