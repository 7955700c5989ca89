import type { Octokit } from './octokit.js';

/**
 * Events whose runs may leave a checkpoint or an export that a later run trusts: they run the
 * repository's own workflow files with its secrets. Pull-request runs (and `pull_request_target`,
 * which runs with secrets next to a fork's code) never qualify, nor does anything a fork started.
 */
export const TRUSTED_EVENTS: readonly string[] = [
  'push',
  'workflow_dispatch',
  'schedule',
  'workflow_call',
  'repository_dispatch',
];

export interface TrustedArtifact {
  id: number;
  name: string;
  runId: number;
  /** Milliseconds since the epoch; GitHub's timestamps have whole seconds. */
  createdAt: number;
  /** Size of the zip as GitHub stores it. */
  sizeInBytes: number;
  /** The event of the run that uploaded it ("this run" for the current one). */
  event: string;
  headBranch: string;
}

export interface ArtifactSearch {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Which artifact names to look at (an exact name, or our checkpoint names). */
  matches: (name: string) => boolean;
  /** An exact name, when there is one: GitHub then lists only artifacts of that name. */
  name?: string;
  /** The run asking: its own artifacts are as trusted as the run itself, whatever its event. */
  currentRunId?: number;
}

export interface ArtifactSearchResult {
  /** Newest first (by creation time, then id). */
  trusted: TrustedArtifact[];
  /** Artifacts with a matching name that were left out, and why (for the log). */
  ignored: { name: string; runId: number; reason: string }[];
  /** How many artifacts of the repository were looked at. */
  scanned: number;
}

interface RunFacts {
  event: string;
  headRepository: string;
  repository: string;
}

/**
 * Every live artifact of the repository whose name matches, from runs this repository can trust.
 * One pass over "List artifacts for a repository" (all workflows, every page, no cap), then one
 * "Get a workflow run" per candidate run to read its event and head repository: an artifact alone
 * says which repository its head came from but not which event ran it.
 */
export async function findTrustedArtifacts(search: ArtifactSearch): Promise<ArtifactSearchResult> {
  const { octokit, owner, repo } = search;
  const fullName = `${owner}/${repo}`.toLowerCase();
  const runFacts = new Map<number, Promise<RunFacts>>();
  const facts = (runId: number): Promise<RunFacts> => {
    let found = runFacts.get(runId);
    if (!found) {
      found = octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }).then(({ data }) => ({
        event: data.event,
        headRepository: (data.head_repository?.full_name ?? '').toLowerCase(),
        repository: (data.repository?.full_name ?? '').toLowerCase(),
      }));
      runFacts.set(runId, found);
    }
    return found;
  };

  const trusted: TrustedArtifact[] = [];
  const ignored: ArtifactSearchResult['ignored'] = [];
  let scanned = 0;
  const pages = octokit.paginate.iterator(octokit.rest.actions.listArtifactsForRepo, {
    owner,
    repo,
    per_page: 100,
    ...(search.name ? { name: search.name } : {}),
  });
  for await (const { data } of pages) {
    for (const artifact of data) {
      scanned++;
      if (!search.matches(artifact.name)) continue;
      const run = artifact.workflow_run;
      const runId = run?.id;
      if (runId === undefined || runId === null) {
        ignored.push({ name: artifact.name, runId: 0, reason: 'GitHub does not say which run uploaded it' });
        continue;
      }
      if (artifact.expired) {
        ignored.push({ name: artifact.name, runId, reason: 'expired' });
        continue;
      }
      const found = {
        id: artifact.id,
        name: artifact.name,
        runId,
        createdAt: Date.parse(artifact.created_at ?? '') || 0,
        sizeInBytes: artifact.size_in_bytes,
        headBranch: run?.head_branch ?? '',
      };
      if (runId === search.currentRunId) {
        trusted.push({ ...found, event: 'this run' });
        continue;
      }
      // A fork's run says so on the artifact itself: no need to ask for the run.
      if (
        run?.head_repository_id !== undefined &&
        run.repository_id !== undefined &&
        run.head_repository_id !== run.repository_id
      ) {
        ignored.push({ name: artifact.name, runId, reason: 'uploaded by a run of a fork' });
        continue;
      }
      const { event, headRepository, repository } = await facts(runId);
      if (headRepository !== fullName || (repository !== '' && repository !== fullName)) {
        ignored.push({
          name: artifact.name,
          runId,
          reason: `uploaded by a run of ${headRepository || 'an unknown repository'}`,
        });
      } else if (!TRUSTED_EVENTS.includes(event)) {
        ignored.push({ name: artifact.name, runId, reason: `uploaded by a ${event} run` });
      } else {
        trusted.push({ ...found, event });
      }
    }
  }
  trusted.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  return { trusted, ignored, scanned };
}

/** "3 artifacts named X were ignored: 2 uploaded by a pull_request run, 1 expired." */
export function describeIgnored(ignored: ArtifactSearchResult['ignored'], what: string): string | undefined {
  if (ignored.length === 0) return undefined;
  const reasons = new Map<string, number>();
  for (const item of ignored) reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
  const parts = [...reasons].map(([reason, count]) => `${count} ${reason}`);
  return `${ignored.length} ${what} ${ignored.length === 1 ? 'was' : 'were'} ignored: ${parts.join(', ')}.`;
}
