import { mkdir, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
// @actions/artifact and Octokit are loaded only when an artifact: input is read (a fast CLI start).
import type { DefaultArtifactClient } from '@actions/artifact';
import type { Octokit } from '../../github/octokit.js';
import { describeIgnored, findTrustedArtifacts } from '../../github/trusted-artifacts.js';
import { UsageError } from '../../model/types.js';
import { privateDir, restrictTree } from './private-dir.js';

export interface ArtifactLocation {
  /** What the user wrote, e.g. `artifact:auth0-export/users.json.gz`. */
  label: string;
  name: string;
  /** The file inside the artifact; optional when it holds one file. */
  file?: string;
}

export interface GitHubContext {
  token: string;
  owner: string;
  repo: string;
  runId: number;
  apiUrl?: string;
}

export interface ArtifactFile {
  path: string;
  /** Which artifact of which run, for the log. */
  from: string;
}

interface Found {
  id: number;
  runId: number;
  /** Found through the runtime token, so it downloads without `findBy`. */
  currentRun: boolean;
}

interface Download {
  dir: string;
  files: string[];
  from: string;
}

/** One download per artifact per private dir: `users` and `passwords` often come from one export artifact. */
const downloads = new Map<string, Promise<Download>>();

/** `artifact:NAME` or `artifact:NAME/path/in/artifact`; GitHub forbids `/` in artifact names, so the first one splits. */
export function parseArtifactSpec(label: string, rest: string): ArtifactLocation {
  const slash = rest.indexOf('/');
  const name = (slash < 0 ? rest : rest.slice(0, slash)).trim();
  const file = slash < 0 ? undefined : rest.slice(slash + 1).replace(/^(\.\/|\/)+/, '');
  if (name === '')
    throw new UsageError(`${label}: name the artifact, as artifact:NAME or artifact:NAME/path/in/artifact.`);
  return { label, name, ...(file ? { file } : {}) };
}

export async function artifactFile(
  location: ArtifactLocation,
  tempDir: string,
  github: GitHubContext | undefined,
): Promise<ArtifactFile> {
  const dir = await privateDir(tempDir);
  const key = `${dir}\0${location.name}`;
  let download = downloads.get(key);
  if (!download) {
    download = downloadNewest(location, dir, github);
    downloads.set(key, download);
    download.catch(() => downloads.delete(key));
  }
  const { dir: root, files, from } = await download;
  return { path: join(root, pickFile(location, files, from)), from };
}

/** Drops what was downloaded into a private dir that has been removed. */
export function forgetArtifactDownloads(dir: string): void {
  for (const key of downloads.keys()) if (key.startsWith(`${dir}\0`)) downloads.delete(key);
}

function pickFile(location: ArtifactLocation, files: string[], from: string): string {
  const listed =
    files.length <= 10 ? files.join(', ') : `${files.slice(0, 10).join(', ')} and ${files.length - 10} more`;
  if (location.file !== undefined) {
    if (files.includes(location.file)) return location.file;
    throw new UsageError(`${location.label}: ${from} has no file ${location.file}; it holds ${listed || 'no files'}.`);
  }
  if (files.length === 1) return files[0]!;
  if (files.length === 0) throw new UsageError(`${location.label}: ${from} holds no files; upload the export again.`);
  throw new UsageError(
    `${location.label}: ${from} holds ${files.length} files (${listed}); name one, as artifact:${location.name}/${files[0]}.`,
  );
}

async function downloadNewest(
  location: ArtifactLocation,
  dir: string,
  github: GitHubContext | undefined,
): Promise<Download> {
  const [{ DefaultArtifactClient }, { createOctokit }] = await Promise.all([
    import('@actions/artifact'),
    import('../../github/octokit.js'),
  ]);
  const client = new DefaultArtifactClient();
  const searched: string[] = [];
  let found = await findInCurrentRun(location, client, searched);
  if (!found && github) {
    const octokit = createOctokit(github.token, github.apiUrl);
    try {
      found = await findInTrustedRuns(location, octokit, github, searched);
    } catch (error) {
      throw gitHubError(location, `could not look for artifact "${location.name}"`, error);
    }
  }
  if (!found) {
    if (!github && searched.length === 0) {
      throw new UsageError(
        `${location.label}: reading an artifact needs GitHub Actions or a GitHub token, repository and run id; run it in a workflow or download the artifact and give its path.`,
      );
    }
    throw new UsageError(
      `${location.label}: no artifact named "${location.name}" in ${searched.join(' or ')}; check the name, that the artifact has not expired, ` +
        `and that the token may read artifacts (permissions: actions: read).`,
    );
  }

  const target = join(dir, `artifact-${location.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${found.id}`);
  await mkdir(target, { recursive: true, mode: 0o700 });
  try {
    await client.downloadArtifact(
      found.id,
      found.currentRun || !github
        ? { path: target }
        : {
            path: target,
            findBy: {
              token: github.token,
              workflowRunId: found.runId,
              repositoryOwner: github.owner,
              repositoryName: github.repo,
            },
          },
    );
  } catch (error) {
    throw gitHubError(
      location,
      `could not download artifact "${location.name}" (id ${found.id}) of run ${found.runId}`,
      error,
    );
  }
  await restrictTree(target);
  return { dir: target, files: await listFiles(target), from: `artifact "${location.name}" of run ${found.runId}` };
}

/**
 * The runtime token (present inside a job) reads this run's artifacts without `actions: read`:
 * an export job earlier in the same workflow run.
 */
async function findInCurrentRun(
  location: ArtifactLocation,
  client: DefaultArtifactClient,
  searched: string[],
): Promise<Found | undefined> {
  const runId = Number(process.env.GITHUB_RUN_ID);
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) return undefined;
  searched.push(Number.isFinite(runId) && runId > 0 ? `this run (${runId})` : 'this run');
  try {
    const { artifact } = await client.getArtifact(location.name);
    return { id: artifact.id, runId, currentRun: true };
  } catch (error) {
    if ((error as Error)?.name === 'ArtifactNotFoundError') return undefined;
    throw new UsageError(`${location.label}: could not list this run's artifacts: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/**
 * The newest artifact of that name from a run this repository trusts (any workflow; not a
 * pull-request run, not a fork's run; not expired): a fork's pull request must not be able to
 * plant an export that a later import reads.
 */
async function findInTrustedRuns(
  location: ArtifactLocation,
  octokit: Octokit,
  github: GitHubContext,
  searched: string[],
): Promise<Found | undefined> {
  const { trusted, ignored } = await findTrustedArtifacts({
    octokit,
    owner: github.owner,
    repo: github.repo,
    name: location.name,
    matches: (name) => name === location.name,
    currentRunId: github.runId,
  });
  const newest = trusted[0];
  if (newest) return { id: newest.id, runId: newest.runId, currentRun: false };
  const note = describeIgnored(ignored, 'artifact(s) of that name');
  searched.push(
    `any run of ${github.owner}/${github.repo} it trusts (push, workflow_dispatch, schedule, workflow_call, repository_dispatch)${note ? `; ${note.replace(/\.$/, '')}` : ''}`,
  );
  return undefined;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function gitHubError(location: ArtifactLocation, what: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const raw = (error as { status?: unknown } | null)?.status;
  const status = typeof raw === 'number' ? raw : undefined;
  const detail =
    status === 401
      ? 'GitHub refused the token (401); pass a valid token (usually ${{ github.token }}).'
      : status === 403
        ? 'the token may not read artifacts (403); grant the workflow permissions: actions: read.'
        : status === 404
          ? `GitHub answered 404; check the repository and run id, and that the token may read artifacts (permissions: actions: read).`
          : status !== undefined
            ? `GitHub answered ${status}: ${messageOf(error)}`
            : messageOf(error);
  return new UsageError(`${location.label}: ${what}: ${detail}`, { cause: error });
}
