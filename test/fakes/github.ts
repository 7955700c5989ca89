/**
 * A local stand-in for the parts of GitHub an action run talks to: the REST API (issue
 * comments, workflow runs, artifacts, git data), the Actions results service that
 * `@actions/artifact` uploads through (Twirp JSON), and the Azure blob URLs it signs.
 * One node:http server on 127.0.0.1; everything lives in memory.
 *
 * Env for code under test (see `actionsEnv()`): GITHUB_API_URL=apiUrl, ACTIONS_RESULTS_URL=resultsUrl,
 * ACTIONS_RUNTIME_TOKEN=runtimeToken. Leave GITHUB_SERVER_URL at https://github.com: `@actions/artifact`
 * refuses any other host as GHES. `@actions/github` reads GITHUB_API_URL once, when first imported,
 * and `@actions/artifact` downloads through that URL: set it before importing code that uses them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomUUID } from 'node:crypto';

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Token with pull-requests, contents and actions write; a request with another token gets 401. */
  token?: string;
  /** Accepted for reads; writes answer 403 "Resource not accessible by integration" like a fork PR's token. */
  readOnlyToken?: string;
}

export interface NewRunOptions {
  workflowId?: number;
  attempt?: number;
  /** Re-run this run: a new attempt of it (GitHub's "Re-run jobs" on any run, old or new). */
  rerunOf?: number;
  /** `github.event_name` of the run: workflow_dispatch by default. */
  event?: string;
  /** The run's head branch: main by default (for pull_request runs, the PR's branch). */
  headBranch?: string;
  /** owner/name of the head repository: this repository by default; another one is a fork's pull request. */
  headRepository?: string;
}

export interface FakeUser {
  login: string;
  type: string;
}

export interface FakeGitHub {
  /** For GITHUB_API_URL (REST), e.g. http://127.0.0.1:PORT/api */
  apiUrl: string;
  /** For ACTIONS_RESULTS_URL (ends with /). */
  resultsUrl: string;
  /** For ACTIONS_RUNTIME_TOKEN: the current run's token, parseable by @actions/artifact. */
  runtimeToken: string;
  token: string;
  readOnlyToken: string;
  owner: string;
  repo: string;
  /**
   * Starts a new workflow run (or, with attempt > 1, a new attempt of the latest run of that workflow;
   * with `rerunOf`, a new attempt of that run, which keeps its event, branch and head repository);
   * later uploads with its token belong to it.
   */
  newRun(options?: NewRunOptions): { runId: number; runtimeToken: string };
  /** Marks an artifact expired, as GitHub does when its retention ends: still listed, `expired: true`, download 410. */
  expireArtifact(id: number): void;
  /** The next `times` requests whose method and path match answer `status` (a GitHub outage, a missing permission). */
  failRequests(rule: { method?: string; path: RegExp; status: number; message?: string; times?: number }): void;
  comments(issueNumber: number): { id: number; body: string; user: FakeUser }[];
  /** Seeds a comment, by default from another user. */
  addComment(issueNumber: number, body: string, user?: FakeUser): void;
  artifacts(): {
    id: number;
    name: string;
    runId: number;
    attempt: number;
    size: number;
    files: string[];
    expired: boolean;
    createdAt: string;
    /** When its retention ends (retention-days from the upload). */
    expiresAt: string;
  }[];
  requests(): { method: string; path: string; status: number }[];
  /** Git refs, e.g. { 'refs/heads/main': sha }. */
  refs(): Record<string, string>;
  /** The files of a branch's head commit (path → content), for assertions on the branch store. */
  branchFiles(branch: string): Record<string, Buffer>;
  /** The environment a step of the current run would see. */
  actionsEnv(): Record<string, string>;
  close(): Promise<void>;
}

const BOT: FakeUser & { id: number } = { login: 'github-actions[bot]', type: 'Bot', id: 41898282 };
const DEFAULT_WORKFLOW_ID = 1001;
const ARTIFACT_SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

interface Attempt {
  attempt: number;
  backendId: string;
  jobBackendId: string;
  runtimeToken: string;
  startedAt: string;
}

interface WorkflowRun {
  id: number;
  number: number;
  workflowId: number;
  event: string;
  headBranch: string;
  headRepository: string;
  createdAt: string;
  updatedAt: string;
  status: 'in_progress' | 'completed';
  conclusion: 'success' | null;
  attempts: Attempt[];
}

interface StoredArtifact {
  id: number;
  name: string;
  runId: number;
  attempt: number;
  backendId: string;
  jobBackendId: string;
  createdAt: string;
  expiresAt: string;
  zip: Buffer;
  digest: string;
}

interface PendingUpload {
  key: string;
  name: string;
  runId: number;
  attempt: Attempt;
  expiresAt: string;
  blocks: Map<string, Buffer>;
  data?: Buffer;
}

interface Comment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser & { id: number };
  createdAt: string;
  updatedAt: string;
}

interface Commit {
  tree: string;
  parents: string[];
  message: string;
  date: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function restError(status: number, message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, {
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
    ...extra,
  });
}

function twirpError(status: number, code: string, msg: string): HttpError {
  return new HttpError(status, { code, msg });
}

/** GitHub's timestamps have whole seconds. */
function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

function gitSha(kind: string, content: Buffer): string {
  return createHash('sha1').update(`${kind} ${content.length}\0`).update(content).digest('hex');
}

/** File names in a zip's central directory (the fake's view of what an artifact holds). */
function zipFileNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return [];
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count && zip.readUInt32LE(offset) === 0x02014b50; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names.filter((name) => !name.endsWith('/')).sort();
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'identity-migration';
  const writeToken = options.token ?? 'ghs_fake_write_token';
  const readOnlyToken = options.readOnlyToken ?? 'ghs_fake_read_only_token';

  let origin = '';
  const requestLog: { method: string; path: string; status: number }[] = [];
  const workflows = new Map<number, { id: number; name: string; path: string }>();
  const runs = new Map<number, WorkflowRun>();
  const attemptsByBackendId = new Map<string, { run: WorkflowRun; attempt: Attempt }>();
  let currentAttempt: Attempt | undefined;
  let currentRun: WorkflowRun | undefined;
  const artifacts: StoredArtifact[] = [];
  const pendingUploads = new Map<string, PendingUpload>();
  const comments: Comment[] = [];
  const blobs = new Map<string, Buffer>();
  /** Trees are kept flat (path → blob sha); subtrees are registered when listed. */
  const trees = new Map<string, Map<string, string>>();
  const commits = new Map<string, Commit>();
  const refs = new Map<string, string>();
  const forkIds = new Map<string, number>();
  const failures: { method?: string; path: RegExp; status: number; message: string; times: number }[] = [];
  let nextRunId = 5001;
  let nextArtifactId = 90001;
  let nextCommentId = 70001;
  const downloadSignature = randomUUID();

  // --- git objects -------------------------------------------------------------------------

  function putBlob(content: Buffer): string {
    const sha = gitSha('blob', content);
    blobs.set(sha, content);
    return sha;
  }

  function putTree(flat: Map<string, string>): string {
    const sorted = [...flat.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = gitSha('tree', Buffer.from(JSON.stringify(sorted)));
    trees.set(sha, new Map(sorted));
    return sha;
  }

  function putCommit(commit: Commit): string {
    const sha = gitSha('commit', Buffer.from(JSON.stringify(commit)));
    commits.set(sha, commit);
    return sha;
  }

  function subtree(flat: Map<string, string>, dir: string): Map<string, string> {
    const result = new Map<string, string>();
    for (const [path, sha] of flat) if (path.startsWith(`${dir}/`)) result.set(path.slice(dir.length + 1), sha);
    return result;
  }

  function treeEntries(flat: Map<string, string>, recursive: boolean) {
    const dirs = new Set<string>();
    for (const path of flat.keys()) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    }
    const entries: { path: string; mode: string; type: string; sha: string; size?: number; url: string }[] = [];
    for (const dir of [...dirs].sort()) {
      if (!recursive && dir.includes('/')) continue;
      const sha = putTree(subtree(flat, dir));
      entries.push({ path: dir, mode: '040000', type: 'tree', sha, url: `${apiBase()}/git/trees/${sha}` });
    }
    for (const [path, sha] of flat) {
      if (!recursive && path.includes('/')) continue;
      entries.push({
        path,
        mode: '100644',
        type: 'blob',
        sha,
        size: blobs.get(sha)?.length ?? 0,
        url: `${apiBase()}/git/blobs/${sha}`,
      });
    }
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  function isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(commits.get(next)?.parents ?? []));
    }
    return false;
  }

  function commitJson(sha: string) {
    const commit = commits.get(sha);
    if (!commit) throw restError(404, 'Not Found');
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${apiBase()}/git/commits/${sha}`,
      message: commit.message,
      tree: { sha: commit.tree, url: `${apiBase()}/git/trees/${commit.tree}` },
      parents: commit.parents.map((parent) => ({ sha: parent, url: `${apiBase()}/git/commits/${parent}` })),
      author: { name: BOT.login, email: '41898282+github-actions[bot]@users.noreply.github.com', date: commit.date },
      committer: { name: BOT.login, email: '41898282+github-actions[bot]@users.noreply.github.com', date: commit.date },
    };
  }

  function refJson(ref: string) {
    const sha = refs.get(ref)!;
    return {
      ref,
      node_id: `REF_${ref}`,
      url: `${apiBase()}/git/${ref}`,
      object: { sha, type: 'commit', url: `${apiBase()}/git/commits/${sha}` },
    };
  }

  refs.set(
    'refs/heads/main',
    putCommit({
      tree: putTree(new Map([['README.md', putBlob(Buffer.from(`# ${repo}\n`))]])),
      parents: [],
      message: 'Initial commit',
      date: timestamp(),
    }),
  );

  // --- runs --------------------------------------------------------------------------------

  function runtimeTokenFor(backendId: string, jobBackendId: string): string {
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256' }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url(
      JSON.stringify({
        scp: `Actions.ExampleScope Actions.Results:${backendId}:${jobBackendId}`,
        iat: now,
        exp: now + 6 * 3600,
      }),
    );
    return `${header}.${payload}.${base64url('fake-signature')}`;
  }

  function startAttempt(run: WorkflowRun, attemptNumber: number): Attempt {
    const backendId = randomUUID();
    const jobBackendId = randomUUID();
    const attempt: Attempt = {
      attempt: attemptNumber,
      backendId,
      jobBackendId,
      runtimeToken: runtimeTokenFor(backendId, jobBackendId),
      startedAt: timestamp(),
    };
    run.attempts.push(attempt);
    run.status = 'in_progress';
    run.conclusion = null;
    run.updatedAt = attempt.startedAt;
    attemptsByBackendId.set(backendId, { run, attempt });
    if (currentRun && currentRun !== run) {
      currentRun.status = 'completed';
      currentRun.conclusion = 'success';
    }
    currentRun = run;
    currentAttempt = attempt;
    return attempt;
  }

  function newRun(runOptions: NewRunOptions = {}): { runId: number; runtimeToken: string } {
    if (runOptions.rerunOf !== undefined) {
      const run = runs.get(runOptions.rerunOf);
      if (!run) throw new Error(`fake GitHub: no run ${runOptions.rerunOf} to re-run`);
      const attempt = startAttempt(run, run.attempts.length + 1);
      return { runId: run.id, runtimeToken: attempt.runtimeToken };
    }
    const workflowId = runOptions.workflowId ?? DEFAULT_WORKFLOW_ID;
    if (!workflows.has(workflowId)) {
      workflows.set(workflowId, {
        id: workflowId,
        name: `Workflow ${workflowId}`,
        path: `.github/workflows/workflow-${workflowId}.yml`,
      });
    }
    const attemptNumber = runOptions.attempt ?? 1;
    if (attemptNumber > 1) {
      const latest = [...runs.values()].filter((run) => run.workflowId === workflowId).at(-1);
      if (latest) {
        const attempt = startAttempt(latest, attemptNumber);
        return { runId: latest.id, runtimeToken: attempt.runtimeToken };
      }
    }
    const id = nextRunId++;
    const run: WorkflowRun = {
      id,
      number: [...runs.values()].filter((r) => r.workflowId === workflowId).length + 1,
      workflowId,
      event: runOptions.event ?? 'workflow_dispatch',
      headBranch: runOptions.headBranch ?? 'main',
      headRepository: runOptions.headRepository ?? `${owner}/${repo}`,
      createdAt: timestamp(),
      updatedAt: timestamp(),
      status: 'in_progress',
      conclusion: null,
      attempts: [],
    };
    runs.set(id, run);
    const attempt = startAttempt(run, attemptNumber);
    return { runId: id, runtimeToken: attempt.runtimeToken };
  }

  newRun();

  function runJson(run: WorkflowRun) {
    const workflow = workflows.get(run.workflowId)!;
    const latest = run.attempts.at(-1)!;
    return {
      id: run.id,
      name: workflow.name,
      node_id: `WFR_${run.id}`,
      head_branch: run.headBranch,
      head_sha: refs.get('refs/heads/main'),
      path: workflow.path,
      run_number: run.number,
      run_attempt: latest.attempt,
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      workflow_id: run.workflowId,
      url: `${apiBase()}/actions/runs/${run.id}`,
      html_url: `https://github.com/${owner}/${repo}/actions/runs/${run.id}`,
      artifacts_url: `${apiBase()}/actions/runs/${run.id}/artifacts`,
      created_at: run.createdAt,
      updated_at: run.updatedAt,
      run_started_at: latest.startedAt,
      repository: repositoryJson(`${owner}/${repo}`),
      head_repository: repositoryJson(run.headRepository),
    };
  }

  /** This repository has id 1; a fork gets an id of its own, stable per name. */
  function repositoryId(fullName: string): number {
    if (fullName.toLowerCase() === `${owner}/${repo}`.toLowerCase()) return 1;
    let id = forkIds.get(fullName.toLowerCase());
    if (id === undefined) forkIds.set(fullName.toLowerCase(), (id = 1000 + forkIds.size));
    return id;
  }

  function repositoryJson(fullName: string) {
    const [login, name] = fullName.split('/');
    const id = repositoryId(fullName);
    return { id, node_id: `R_${id}`, name, full_name: fullName, owner: { login }, private: true, fork: id !== 1 };
  }

  function isExpired(artifact: StoredArtifact): boolean {
    return Date.parse(artifact.expiresAt) <= Date.now();
  }

  function artifactJson(artifact: StoredArtifact) {
    const run = runs.get(artifact.runId)!;
    return {
      id: artifact.id,
      node_id: `MDg6QXJ0aWZhY3Q${artifact.id}`,
      name: artifact.name,
      size_in_bytes: artifact.zip.length,
      url: `${apiBase()}/actions/artifacts/${artifact.id}`,
      archive_download_url: `${apiBase()}/actions/artifacts/${artifact.id}/zip`,
      expired: isExpired(artifact),
      digest: artifact.digest,
      created_at: artifact.createdAt,
      updated_at: artifact.createdAt,
      expires_at: artifact.expiresAt,
      workflow_run: {
        id: artifact.runId,
        repository_id: 1,
        head_repository_id: repositoryId(run.headRepository),
        head_branch: run.headBranch,
        head_sha: refs.get('refs/heads/main'),
      },
    };
  }

  // --- http plumbing -----------------------------------------------------------------------

  function apiBase(): string {
    return `${origin}/api/repos/${owner}/${repo}`;
  }

  function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  function jsonBody(raw: Buffer): Record<string, unknown> {
    if (raw.length === 0) return {};
    try {
      return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw restError(400, 'Problems parsing JSON');
    }
  }

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    const payload = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...headers,
    });
    res.end(payload);
  }

  /** GitHub's page/per_page pagination with a Link header. */
  function page<T>(url: URL, items: T[], defaultPerPage = 30): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(
      100,
      Math.max(1, Number(url.searchParams.get('per_page') ?? defaultPerPage) || defaultPerPage),
    );
    const pageNumber = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const target = new URL(url.href);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return `<${origin}${target.pathname}${target.search}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'));
    if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    if (pageNumber > 1) links.push(link(1, 'first'));
    return {
      items: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  function restIdentity(req: IncomingMessage): 'write' | 'read' {
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^(token|bearer)\s+/i, '');
    if (header === '') throw restError(401, 'Requires authentication');
    if (token === writeToken) return 'write';
    if (token === readOnlyToken) return 'read';
    throw restError(401, 'Bad credentials');
  }

  function commentJson(comment: Comment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${apiBase()}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${apiBase()}/issues/${comment.issue}`,
      body: comment.body,
      user: { login: comment.user.login, id: comment.user.id, type: comment.user.type },
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
    };
  }

  function checkCommentBody(body: unknown): string {
    if (typeof body !== 'string') throw restError(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
    if (body.length > 65536) {
      throw restError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      });
    }
    return body;
  }

  // --- REST --------------------------------------------------------------------------------

  async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const method = req.method ?? 'GET';
    const identity = restIdentity(req);
    const match = /^\/api\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match || match[1]!.toLowerCase() !== owner.toLowerCase() || match[2]!.toLowerCase() !== repo.toLowerCase()) {
      throw restError(404, 'Not Found');
    }
    const rest = decodeURIComponent(match[3] ?? '');
    if (method !== 'GET' && identity === 'read') {
      throw restError(403, 'Resource not accessible by integration');
    }
    let m: RegExpExecArray | null;

    if (rest === '' && method === 'GET') {
      return send(res, 200, {
        id: 1,
        name: repo,
        full_name: `${owner}/${repo}`,
        owner: { login: owner, type: 'Organization' },
        private: true,
        default_branch: 'main',
      });
    }

    // Issue comments.
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === 'GET') {
        const { items, headers } = page(
          url,
          comments.filter((c) => c.issue === issue),
          30,
        );
        return send(res, 200, items.map(commentJson), headers);
      }
      if (method === 'POST') {
        const body = checkCommentBody(jsonBody(raw).body);
        const comment: Comment = {
          id: nextCommentId++,
          issue,
          body,
          user: BOT,
          createdAt: timestamp(),
          updatedAt: timestamp(),
        };
        comments.push(comment);
        return send(res, 201, commentJson(comment));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const index = comments.findIndex((c) => c.id === Number(m![1]));
      if (index < 0) throw restError(404, 'Not Found');
      const comment = comments[index]!;
      if (method === 'GET') return send(res, 200, commentJson(comment));
      if (method === 'PATCH') {
        comment.body = checkCommentBody(jsonBody(raw).body);
        comment.updatedAt = timestamp();
        return send(res, 200, commentJson(comment));
      }
      if (method === 'DELETE') {
        comments.splice(index, 1);
        return send(res, 204);
      }
    }

    // Workflow runs.
    if ((m = /^\/actions\/runs\/(\d+)$/.exec(rest)) && method === 'GET') {
      const run = runs.get(Number(m[1]));
      if (!run) throw restError(404, 'Not Found');
      return send(res, 200, runJson(run));
    }
    if (rest === '/actions/runs' && method === 'GET') {
      const filters = ['event', 'branch', 'status'].map((k) => [k, url.searchParams.get(k)] as const);
      const selected = [...runs.values()]
        .filter((run) =>
          filters.every(
            ([k, v]) =>
              !v ||
              (k === 'event'
                ? run.event === v
                : k === 'branch'
                  ? run.headBranch === v
                  : run.status === v || run.conclusion === v),
          ),
        )
        .sort((a, b) => b.id - a.id);
      const { items, headers } = page(url, selected, 30);
      return send(res, 200, { total_count: selected.length, workflow_runs: items.map(runJson) }, headers);
    }
    if ((m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest)) && method === 'GET') {
      const key = m[1]!;
      const workflow = [...workflows.values()].find((w) => String(w.id) === key || w.path.endsWith(`/${key}`));
      if (!workflow) throw restError(404, 'Not Found');
      const status = url.searchParams.get('status');
      const selected = [...runs.values()]
        .filter((run) => run.workflowId === workflow.id)
        .filter((run) => !status || run.status === status || run.conclusion === status)
        .sort((a, b) => b.id - a.id);
      const { items, headers } = page(url, selected, 30);
      return send(res, 200, { total_count: selected.length, workflow_runs: items.map(runJson) }, headers);
    }

    // Artifacts.
    if ((m = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(rest)) && method === 'GET') {
      const runId = Number(m[1]);
      if (!runs.has(runId)) throw restError(404, 'Not Found');
      const name = url.searchParams.get('name');
      const selected = artifacts
        .filter((a) => a.runId === runId && (!name || a.name === name))
        .sort((a, b) => b.id - a.id);
      const { items, headers } = page(url, selected, 30);
      return send(res, 200, { total_count: selected.length, artifacts: items.map(artifactJson) }, headers);
    }
    if (rest === '/actions/artifacts' && method === 'GET') {
      const name = url.searchParams.get('name');
      const selected = artifacts.filter((a) => !name || a.name === name).sort((a, b) => b.id - a.id);
      const { items, headers } = page(url, selected, 30);
      return send(res, 200, { total_count: selected.length, artifacts: items.map(artifactJson) }, headers);
    }
    if ((m = /^\/actions\/artifacts\/(\d+)(?:\/([^/]+))?$/.exec(rest))) {
      const index = artifacts.findIndex((a) => a.id === Number(m![1]));
      if (index < 0) throw restError(404, 'Not Found');
      const artifact = artifacts[index]!;
      if (m[2] === undefined && method === 'GET') return send(res, 200, artifactJson(artifact));
      if (m[2] === undefined && method === 'DELETE') {
        artifacts.splice(index, 1);
        return send(res, 204);
      }
      if (m[2] === 'zip' && method === 'GET') {
        if (isExpired(artifact)) throw restError(410, 'Artifact has expired');
        return send(res, 302, undefined, { location: downloadUrl(artifact) });
      }
    }

    // Git data.
    if ((m = /^\/git\/ref\/(heads\/.+)$/.exec(rest)) && method === 'GET') {
      const ref = `refs/${m[1]}`;
      if (!refs.has(ref)) throw restError(404, 'Not Found');
      return send(res, 200, refJson(ref));
    }
    if (rest === '/git/refs' && method === 'POST') {
      const body = jsonBody(raw);
      const ref = String(body.ref ?? '');
      const sha = String(body.sha ?? '');
      if (!/^refs\/[^/]+\/.+/.test(ref))
        throw restError(422, "Reference name must start with 'refs/' and have at least two slashes.");
      if (!commits.has(sha)) throw restError(422, 'Object does not exist');
      if (refs.has(ref)) throw restError(422, 'Reference already exists');
      refs.set(ref, sha);
      return send(res, 201, refJson(ref));
    }
    if ((m = /^\/git\/refs\/(heads\/.+)$/.exec(rest)) && method === 'PATCH') {
      const ref = `refs/${m[1]}`;
      const body = jsonBody(raw);
      const sha = String(body.sha ?? '');
      const current = refs.get(ref);
      if (!current) throw restError(422, 'Reference does not exist');
      if (!commits.has(sha)) throw restError(422, 'Object does not exist');
      if (body.force !== true && !isAncestor(current, sha)) throw restError(422, 'Update is not a fast forward');
      refs.set(ref, sha);
      return send(res, 200, refJson(ref));
    }
    if ((m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      return send(res, 200, commitJson(m[1]!));
    }
    if (rest === '/git/commits' && method === 'POST') {
      const body = jsonBody(raw);
      const tree = String(body.tree ?? '');
      const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
      if (!trees.has(tree) || parents.some((p) => !commits.has(p)))
        throw restError(422, 'Tree SHA does not exist or parent SHA does not exist');
      const sha = putCommit({ tree, parents, message: String(body.message ?? ''), date: timestamp() });
      return send(res, 201, commitJson(sha));
    }
    if ((m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      const flat = trees.get(m[1]!);
      if (!flat) throw restError(404, 'Not Found');
      const recursive = url.searchParams.has('recursive');
      return send(res, 200, {
        sha: m[1],
        url: `${apiBase()}/git/trees/${m[1]}`,
        tree: treeEntries(flat, recursive),
        truncated: false,
      });
    }
    if (rest === '/git/trees' && method === 'POST') {
      const body = jsonBody(raw);
      const base = body.base_tree === undefined ? new Map<string, string>() : trees.get(String(body.base_tree));
      if (!base) throw restError(422, 'Invalid tree info');
      const flat = new Map(base);
      for (const entry of (Array.isArray(body.tree) ? body.tree : []) as {
        path: string;
        type?: string;
        sha?: string | null;
        content?: string;
      }[]) {
        const path = entry.path;
        if (entry.sha === null) {
          flat.delete(path);
          for (const key of [...flat.keys()]) if (key.startsWith(`${path}/`)) flat.delete(key);
        } else if (typeof entry.content === 'string') {
          flat.set(path, putBlob(Buffer.from(entry.content, 'utf8')));
        } else if (entry.type === 'tree' && entry.sha && trees.has(entry.sha)) {
          for (const [inner, sha] of trees.get(entry.sha)!) flat.set(`${path}/${inner}`, sha);
        } else if (entry.sha && blobs.has(entry.sha)) {
          flat.set(path, entry.sha);
        } else {
          throw restError(422, 'Invalid tree info', { errors: [`${path}: sha ${entry.sha} does not exist`] });
        }
      }
      const sha = putTree(flat);
      return send(res, 201, {
        sha,
        url: `${apiBase()}/git/trees/${sha}`,
        tree: treeEntries(flat, false),
        truncated: false,
      });
    }
    if (rest === '/git/blobs' && method === 'POST') {
      const body = jsonBody(raw);
      if (typeof body.content !== 'string') throw restError(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
      const sha = putBlob(Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8'));
      return send(res, 201, { sha, url: `${apiBase()}/git/blobs/${sha}` });
    }
    if ((m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest)) && method === 'GET') {
      const content = blobs.get(m[1]!);
      if (!content) throw restError(404, 'Not Found');
      const encoded = content.toString('base64').replace(/(.{60})/g, '$1\n');
      return send(res, 200, {
        sha: m[1],
        node_id: `B_${m[1]!.slice(0, 12)}`,
        size: content.length,
        url: `${apiBase()}/git/blobs/${m[1]}`,
        content: encoded,
        encoding: 'base64',
      });
    }

    throw restError(404, 'Not Found');
  }

  // --- artifact service (Twirp) and blob storage ---------------------------------------------

  function downloadUrl(artifact: StoredArtifact): string {
    return `${origin}/artifact-downloads/${artifact.id}/${encodeURIComponent(artifact.name)}.zip?sig=${downloadSignature}`;
  }

  function twirpIdentity(req: IncomingMessage): { run: WorkflowRun; attempt: Attempt } {
    const token = (req.headers.authorization ?? '').replace(/^bearer\s+/i, '');
    try {
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        scp?: string;
      };
      const scope = (payload.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'));
      const found = scope ? attemptsByBackendId.get(scope.split(':')[1]!) : undefined;
      if (found && found.attempt.runtimeToken === token) return found;
    } catch {
      // falls through to the 401 below
    }
    throw twirpError(401, 'unauthenticated', 'invalid or expired runtime token');
  }

  async function handleTwirp(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer): Promise<void> {
    const { run, attempt } = twirpIdentity(req);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw twirpError(400, 'malformed', 'the request body is not JSON');
    }
    // A re-attempt may address artifacts of the run's earlier attempts, never another run's.
    if (
      body.workflow_run_backend_id !== undefined &&
      attemptsByBackendId.get(String(body.workflow_run_backend_id))?.run !== run
    ) {
      throw twirpError(403, 'permission_denied', 'the runtime token does not grant access to this workflow run');
    }
    const name = typeof body.name === 'string' ? body.name : '';
    switch (method) {
      case 'CreateArtifact': {
        const taken =
          artifacts.some((a) => a.backendId === attempt.backendId && a.name === name) ||
          [...pendingUploads.values()].some((u) => u.attempt === attempt && u.name === name);
        if (taken)
          throw twirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
        const key = randomUUID();
        const expiresAt =
          typeof body.expires_at === 'string'
            ? timestamp(new Date(body.expires_at))
            : timestamp(new Date(Date.now() + 90 * 86400_000));
        pendingUploads.set(key, { key, name, runId: run.id, attempt, expiresAt, blocks: new Map() });
        return send(res, 200, {
          ok: true,
          signed_upload_url: `${origin}/blob-storage/actions-results/${key}?sig=fake-upload-signature&sp=cw`,
        });
      }
      case 'FinalizeArtifact': {
        const upload = [...pendingUploads.values()].find((u) => u.attempt === attempt && u.name === name);
        if (!upload) throw twirpError(404, 'not_found', `no artifact upload named "${name}" was created in this run`);
        if (!upload.data)
          throw twirpError(400, 'failed_precondition', `the blob of artifact "${name}" was never committed`);
        pendingUploads.delete(upload.key);
        const artifact: StoredArtifact = {
          id: nextArtifactId++,
          name,
          runId: run.id,
          attempt: attempt.attempt,
          backendId: attempt.backendId,
          jobBackendId: attempt.jobBackendId,
          createdAt: timestamp(),
          expiresAt: upload.expiresAt,
          zip: upload.data,
          digest: `sha256:${createHash('sha256').update(upload.data).digest('hex')}`,
        };
        artifacts.push(artifact);
        return send(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
        const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter);
        const selected = artifacts.filter(
          (a) =>
            a.runId === run.id &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || a.id === idFilter),
        );
        return send(res, 200, {
          artifacts: selected.map((a) => ({
            workflow_run_backend_id: a.backendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.zip.length),
            created_at: a.createdAt,
            digest: a.digest,
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const artifact = artifacts.find((a) => a.runId === run.id && a.name === name);
        if (!artifact) throw twirpError(404, 'not_found', `artifact "${name}" not found`);
        return send(res, 200, { signed_url: downloadUrl(artifact) });
      }
      case 'DeleteArtifact': {
        const index = artifacts.findIndex((a) => a.backendId === attempt.backendId && a.name === name);
        if (index < 0) throw twirpError(404, 'not_found', `artifact "${name}" not found`);
        const [deleted] = artifacts.splice(index, 1);
        return send(res, 200, { ok: true, artifact_id: String(deleted!.id) });
      }
      default:
        throw twirpError(404, 'bad_route', `no handler for ${method}`);
    }
  }

  /** The Azure Blob calls `BlockBlobClient.uploadStream` makes: Put Block, then Put Block List (or one Put Blob). */
  function handleBlob(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): void {
    const key = url.pathname.split('/').pop() ?? '';
    const upload = pendingUploads.get(key);
    if (!upload || req.method !== 'PUT' || url.searchParams.get('sig') !== 'fake-upload-signature') {
      res.writeHead(403, { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthenticationFailed' });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signature not valid for this upload.</Message></Error>',
      );
      return;
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      upload.blocks.set(url.searchParams.get('blockid') ?? '', raw);
    } else if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(
        (match) => match[2]!,
      );
      const missing = ids.find((id) => !upload.blocks.has(id));
      if (missing !== undefined) {
        res.writeHead(400, { 'content-type': 'application/xml', 'x-ms-error-code': 'InvalidBlockList' });
        res.end(
          '<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidBlockList</Code><Message>The specified block list is invalid.</Message></Error>',
        );
        return;
      }
      upload.data = Buffer.concat(ids.map((id) => upload.blocks.get(id)!));
    } else {
      upload.data = raw;
    }
    res.writeHead(201, {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-01-05',
      etag: `"0x${createHash('md5').update(raw).digest('hex').slice(0, 15).toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0',
    });
    res.end();
  }

  function handleDownload(res: ServerResponse, url: URL): void {
    const id = Number(url.pathname.split('/')[2]);
    const artifact = artifacts.find((a) => a.id === id);
    if (!artifact || url.searchParams.get('sig') !== downloadSignature) {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code></Error>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(artifact.zip.length) });
    res.end(artifact.zip);
  }

  // --- server --------------------------------------------------------------------------------

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
    res.on('finish', () =>
      requestLog.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, status: res.statusCode }),
    );
    readBody(req)
      .then(async (raw) => {
        const failure = failures.find(
          (f) => f.times > 0 && (!f.method || f.method === req.method) && f.path.test(url.pathname),
        );
        if (failure) {
          failure.times--;
          throw restError(failure.status, failure.message);
        }
        if (url.pathname.startsWith('/api/')) return handleRest(req, res, url, raw);
        if (url.pathname.startsWith(ARTIFACT_SERVICE) && req.method === 'POST') {
          return handleTwirp(req, res, url.pathname.slice(ARTIFACT_SERVICE.length), raw);
        }
        if (url.pathname.startsWith('/blob-storage/')) return handleBlob(req, res, url, raw);
        if (url.pathname.startsWith('/artifact-downloads/') && req.method === 'GET') return handleDownload(res, url);
        throw restError(404, 'Not Found');
      })
      .catch((error: unknown) => {
        if (res.headersSent) return;
        if (error instanceof HttpError) return send(res, error.status, error.body);
        send(res, 500, { message: `fake GitHub failed: ${error instanceof Error ? error.message : String(error)}` });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api`,
    resultsUrl: `${origin}/`,
    get runtimeToken() {
      return currentAttempt!.runtimeToken;
    },
    token: writeToken,
    readOnlyToken,
    owner,
    repo,
    newRun,
    expireArtifact(id) {
      const artifact = artifacts.find((a) => a.id === id);
      if (!artifact) throw new Error(`fake GitHub: no artifact ${id}`);
      artifact.expiresAt = timestamp(new Date(Date.now() - 1000));
    },
    failRequests({ method, path, status, message, times = 1 }) {
      failures.push({
        method,
        path,
        status,
        message: message ?? (status === 403 ? 'Resource not accessible by integration' : 'Server Error'),
        times,
      });
    },
    comments: (issueNumber) =>
      comments
        .filter((c) => c.issue === issueNumber)
        .map((c) => ({ id: c.id, body: c.body, user: { login: c.user.login, type: c.user.type } })),
    addComment(issueNumber, body, user = { login: 'octocat', type: 'User' }) {
      comments.push({
        id: nextCommentId++,
        issue: issueNumber,
        body,
        user: { ...user, id: 583231 },
        createdAt: timestamp(),
        updatedAt: timestamp(),
      });
    },
    artifacts: () =>
      artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        runId: a.runId,
        attempt: a.attempt,
        size: a.zip.length,
        files: zipFileNames(a.zip),
        expired: isExpired(a),
        createdAt: a.createdAt,
        expiresAt: a.expiresAt,
      })),
    requests: () => [...requestLog],
    refs: () => Object.fromEntries(refs),
    branchFiles(branch) {
      const head = refs.get(`refs/heads/${branch}`);
      if (!head) return {};
      const flat = trees.get(commits.get(head)!.tree)!;
      return Object.fromEntries([...flat].map(([path, sha]) => [path, blobs.get(sha)!]));
    },
    actionsEnv() {
      return {
        GITHUB_API_URL: `${origin}/api`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: `${owner}/${repo}`,
        GITHUB_REPOSITORY_OWNER: owner,
        GITHUB_RUN_ID: String(currentRun!.id),
        GITHUB_RUN_ATTEMPT: String(currentAttempt!.attempt),
        ACTIONS_RESULTS_URL: `${origin}/`,
        ACTIONS_RUNTIME_TOKEN: currentAttempt!.runtimeToken,
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
