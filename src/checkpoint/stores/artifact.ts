import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { createOctokit, defaultApiUrl, type Octokit } from '../../github/octokit.js';
import {
  explainGitHubError,
  formatBytes,
  moveStateFiles,
  snapshotState,
  StateStoreError,
  type StateStore,
} from './state-store.js';

export interface ArtifactStateStoreOptions {
  /** The state name; each save is the artifact `<name>-<runId>-<attempt>-<seq>`. */
  name: string;
  /** Needs `actions: read` to find and download earlier runs' artifacts. */
  token: string;
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  /** Defaults to GITHUB_API_URL as `@actions/github` read it at import, the only URL `@actions/artifact` downloads from. */
  apiUrl?: string;
  retentionDays?: number;
  log?: (msg: string) => void;
}

interface Candidate {
  id: number;
  name: string;
  runId: number;
  createdAt: number;
}

/** Runs without a checkpoint cost one request each; past this many the search gives up and says so. */
const MAX_RUNS_SEARCHED = 50;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Checkpoints as workflow artifacts. Artifacts are immutable, so every save is a new one named
 * `<name>-<runId>-<attempt>-<seq>`, and restore picks the newest of this workflow's runs
 * (this run's own earlier saves included: a re-attempt, or the post step after main).
 * Uploads go through the runtime token; reading other runs needs the REST API and `token`.
 */
export function artifactStateStore(options: ArtifactStateStoreOptions): StateStore {
  const description = `workflow artifact "${options.name}"`;
  const log = options.log ?? (() => {});
  // Only our own names: "<name>-<run>-<attempt>-<seq>", so "state" never picks up "state-staging-…".
  const ownName = new RegExp(`^${escapeRegExp(options.name)}-(\\d+)-(\\d+)-(\\d+)$`);
  const client = new DefaultArtifactClient();
  let octokit: Octokit | undefined;
  let nextSeq: number | undefined;
  let lastSaved: { name: string; digest: string } | undefined;
  let restoredFrom: string | undefined;

  function rest(): Octokit {
    octokit ??= createOctokit(options.token, options.apiUrl);
    return octokit;
  }

  async function artifactsOfRun(runId: number): Promise<Candidate[]> {
    const artifacts = await rest().paginate(rest().rest.actions.listWorkflowRunArtifacts, {
      owner: options.owner,
      repo: options.repo,
      run_id: runId,
      per_page: 100,
    });
    return artifacts
      .filter((artifact) => !artifact.expired && ownName.test(artifact.name))
      .map((artifact) => ({ id: artifact.id, name: artifact.name, runId, createdAt: Date.parse(artifact.created_at ?? '') || 0 }));
  }

  /** Newest by creation time; GitHub's timestamps have whole seconds, so ties go to the higher (later) id. */
  function newest(candidates: Candidate[]): Candidate | undefined {
    return [...candidates].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
  }

  async function findNewest(): Promise<Candidate | undefined> {
    const { data: thisRun } = await rest().rest.actions.getWorkflowRun({ owner: options.owner, repo: options.repo, run_id: options.runId });
    const candidates = await artifactsOfRun(options.runId);
    let searched = 0;
    const pages = rest().paginate.iterator(rest().rest.actions.listWorkflowRuns, {
      owner: options.owner,
      repo: options.repo,
      workflow_id: thisRun.workflow_id,
      per_page: 100,
    });
    for await (const { data: runs } of pages) {
      for (const run of runs) {
        if (run.id === options.runId) continue;
        if (searched === MAX_RUNS_SEARCHED) {
          log(`Looked for "${options.name}" checkpoints in the latest ${MAX_RUNS_SEARCHED} runs of this workflow and stopped there.`);
          return newest(candidates);
        }
        searched++;
        const found = await artifactsOfRun(run.id);
        // Runs come newest first: the first one holding a checkpoint holds the newest, unless this run saved after it.
        if (found.length > 0) return newest([...candidates, ...found]);
      }
    }
    return newest(candidates);
  }

  /** The next free sequence number of this run attempt, so the post step never reuses main's names. */
  async function firstFreeSeq(): Promise<number> {
    const { artifacts } = await client.listArtifacts();
    let highest = 0;
    for (const artifact of artifacts) {
      const match = ownName.exec(artifact.name);
      if (match && Number(match[1]) === options.runId && Number(match[2]) === options.runAttempt) {
        highest = Math.max(highest, Number(match[3]));
      }
    }
    return highest + 1;
  }

  function isNameTaken(error: unknown): boolean {
    return /\(409\)|already exists/i.test(error instanceof Error ? error.message : String(error));
  }

  return {
    description,

    async restore(dir) {
      if (options.apiUrl !== undefined && options.apiUrl.replace(/\/+$/, '') !== defaultApiUrl()) {
        throw new StateStoreError(
          description,
          `the API URL ${options.apiUrl} differs from ${defaultApiUrl()}, the one @actions/artifact downloads from (GITHUB_API_URL when the action started). Leave apiUrl unset.`,
        );
      }
      let found: Candidate | undefined;
      try {
        found = await findNewest();
      } catch (error) {
        throw new StateStoreError(description, `could not look for earlier checkpoints of run ${options.runId}'s workflow: ${explainGitHubError(error, 'actions: read')}`, {
          cause: error,
        });
      }
      if (!found) return { restored: false };

      const download = await mkdtemp(join(tmpdir(), 'migrate-to-workos-download-'));
      try {
        await client.downloadArtifact(found.id, {
          path: download,
          findBy: { token: options.token, workflowRunId: found.runId, repositoryOwner: options.owner, repositoryName: options.repo },
        });
        await moveStateFiles(download, dir);
      } catch (error) {
        throw new StateStoreError(description, `could not download checkpoint ${found.name} (artifact ${found.id}): ${explainGitHubError(error, 'actions: read')}`, {
          cause: error,
        });
      } finally {
        await rm(download, { recursive: true, force: true });
      }
      restoredFrom = found.name;
      const from = `artifact ${found.name} of run ${found.runId}`;
      log(`Restored the checkpoint from ${from}.`);
      return { restored: true, from };
    },

    async save(dir) {
      const snapshot = await snapshotState(dir);
      try {
        if (snapshot.files.length === 0) return { saved: false, reason: `${dir} holds no state files yet` };
        if (lastSaved?.digest === snapshot.digest) return { saved: false, name: lastSaved.name, reason: 'unchanged since the last save' };
        const upload = async () => {
          nextSeq ??= await firstFreeSeq();
          const name = `${options.name}-${options.runId}-${options.runAttempt}-${nextSeq}`;
          await client.uploadArtifact(
            name,
            snapshot.files.map((file) => join(snapshot.root, file)),
            snapshot.root,
            options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
          );
          nextSeq++;
          return name;
        };
        let name: string;
        try {
          name = await upload();
        } catch (error) {
          if (!isNameTaken(error)) throw error;
          // Another process of this run attempt saved in between: look again for a free name, once.
          nextSeq = undefined;
          name = await upload();
        }
        lastSaved = { name, digest: snapshot.digest };
        log(`Saved the checkpoint as artifact ${name} (${formatBytes(snapshot.bytes)}).`);
        return { saved: true, name };
      } catch (error) {
        const previous = lastSaved?.name ?? restoredFrom;
        throw new StateStoreError(
          description,
          `the checkpoint in ${dir} (${snapshot.files.join(', ')}, ${formatBytes(snapshot.bytes)}) was not saved: ${explainGitHubError(error, 'actions: write')}. ` +
            `The next run resumes from ${previous ? `artifact ${previous}` : 'the newest earlier checkpoint, if any,'} and looks up, rather than creates again, what this run wrote since.`,
          { cause: error },
        );
      } finally {
        await snapshot.discard();
      }
    },
  };
}
