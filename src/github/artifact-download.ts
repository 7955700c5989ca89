import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
// @actions/artifact and Octokit are loaded only when an artifact: input is read (a fast CLI start).
import type { DefaultArtifactClient } from '@actions/artifact';
import { artifactNeedsGitHub, type ArtifactLocation, type ArtifactSource } from '../io/input-location/artifact.js';
import { UsageError } from '../model/types.js';
import type { Octokit } from './octokit.js';
import { describeIgnored, findTrustedArtifacts } from './trusted-artifacts.js';

export interface GitHubContext {
  token: string;
  owner: string;
  repo: string;
  runId: number;
  apiUrl?: string;
}

interface Found {
  id: number;
  runId: number;
  /** Found through the runtime token, so it downloads without `findBy`. */
  currentRun: boolean;
}

/**
 * `artifact:` inputs from GitHub: an artifact of this run (the job's runtime token), else with
 * `github` the newest one of that name from a run this repository trusts.
 */
export function gitHubArtifacts(github: GitHubContext | undefined): ArtifactSource {
  return { download: (location, dir) => downloadNewest(location, dir, github) };
}

async function downloadNewest(
  location: ArtifactLocation,
  dir: string,
  github: GitHubContext | undefined,
): Promise<{ dir: string; from: string }> {
  const [{ DefaultArtifactClient }, { createOctokit }] = await Promise.all([
    import('@actions/artifact'),
    import('./octokit.js'),
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
      throw new UsageError(artifactNeedsGitHub(location));
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
  return { dir: target, from: `artifact "${location.name}" of run ${found.runId}` };
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
