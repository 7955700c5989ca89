import { readFileSync } from 'node:fs';

export type PullRequestContext =
  | { kind: 'pull_request'; number: number; headRepo: string; baseRepo: string; isFork: boolean }
  | { kind: 'other'; eventName: string };

// pull_request_target runs with the base repository's token and secrets even for forks, so it
// matters even more there that callers can tell a fork apart.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

interface RepoRef {
  full_name?: unknown;
}

interface PullRequestPayload {
  number?: unknown;
  pull_request?: { number?: unknown; head?: { repo?: RepoRef | null }; base?: { repo?: RepoRef | null } };
}

/**
 * What the workflow was triggered by, from GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH.
 * An event file that is missing, unreadable or not a pull request payload is `other`: the run
 * goes on without a PR comment rather than failing over it.
 */
export function readPullRequestContext(env: NodeJS.ProcessEnv = process.env): PullRequestContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const other = { kind: 'other', eventName } as const;
  if (!PULL_REQUEST_EVENTS.has(eventName) || !env.GITHUB_EVENT_PATH) return other;

  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestPayload;
  } catch {
    return other;
  }
  const pr = payload?.pull_request;
  if (!pr || typeof pr !== 'object') return other;
  const number = typeof pr.number === 'number' ? pr.number : payload.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return other;

  const baseRepo = fullName(pr.base?.repo);
  // head.repo is null when the fork was deleted after the PR was opened: still a fork.
  const headRepo = fullName(pr.head?.repo);
  const isFork = headRepo === '' || headRepo.toLowerCase() !== baseRepo.toLowerCase();
  return { kind: 'pull_request', number, headRepo, baseRepo, isFork };
}

function fullName(repo: RepoRef | null | undefined): string {
  return typeof repo?.full_name === 'string' ? repo.full_name : '';
}

/**
 * The one rule for pull-request runs (DESIGN: pull requests never write). A pull request's code
 * and exports are not yet reviewed, and `pull_request_target` even runs with the base repository's
 * secrets: on any `pull_request*` event, fork or not, nothing that writes to WorkOS may run.
 * A fork's pull request gets only the dry run. Returns the sentence to fail with, or undefined.
 */
export function pullRequestRefusal(
  eventName: string,
  event: PullRequestContext,
  run: { mode: string; writes: boolean },
): string | undefined {
  const pullRequest = eventName.startsWith('pull_request') || event.kind === 'pull_request';
  if (!pullRequest) return undefined;
  const fork = event.kind === 'pull_request' && event.isFork;
  if (!run.writes && !(fork && run.mode !== 'plan')) return undefined;
  const on = `on ${eventName || 'pull_request'} events`;
  if (!run.writes)
    return `A pull request from a fork only gets the dry run: mode: ${run.mode} is refused ${on}; use mode: plan.`;
  const what = run.mode === 'rollback' ? 'mode: rollback with confirm-rollback' : `mode: ${run.mode}`;
  return (
    `Pull requests never write to WorkOS, fork or not: ${what} is refused ${on}; ` +
    'use mode: plan, the dry run for pull requests, and write from a push, schedule or workflow_dispatch run.'
  );
}
