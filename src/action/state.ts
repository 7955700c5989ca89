import { join } from 'node:path';
import { artifactStateStore, branchStateStore, localStateStore, type StateStore } from '../checkpoint/stores/index.js';
import type { JournalIdentity } from '../checkpoint/journal.js';
import { UsageError } from '../model/types.js';
import type { Logger } from '../report/logger.js';

export type StateKind = 'artifact' | 'branch' | 'none';

export interface StateSettings {
  kind: StateKind;
  name: string;
  token?: string;
  /** The migration a restored journal must belong to. */
  identity?: JournalIdentity;
  /** Pull-request runs read the checkpoint and never write one. */
  readOnly?: boolean;
  /** How long a saved checkpoint artifact is kept (GitHub caps it at the repository's setting). */
  retentionDays?: number;
}

/** pull_request and pull_request_target runs: they may read a checkpoint, never write one. */
export function isPullRequestEvent(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request');
}

/** Where the journal lives on the runner while the job runs. */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.RUNNER_TEMP ?? process.cwd(), 'migrate-to-workos', 'state');
}

/** The checkpoint store the inputs ask for, built from the runner's environment. */
export function stateStoreFor(settings: StateSettings, env: NodeJS.ProcessEnv = process.env, log?: Logger): StateStore {
  if (settings.kind === 'none') return localStateStore();
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo)
    throw new UsageError(
      'GITHUB_REPOSITORY is not set: state: artifact and state: branch only work inside GitHub Actions. Use state: none here.',
    );
  if (!settings.token)
    throw new UsageError(
      `state: ${settings.kind} needs the github-token input (the default github.token works with "actions: read" / "contents: write").`,
    );
  if (settings.kind === 'branch') {
    return branchStateStore({
      branch: `migrate-to-workos/${settings.name}`,
      token: settings.token,
      owner,
      repo,
      apiUrl: env.GITHUB_API_URL,
      readOnly: settings.readOnly,
      log: (m) => log?.info(m),
    });
  }
  return artifactStateStore({
    name: settings.name,
    token: settings.token,
    owner,
    repo,
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1),
    retentionDays: settings.retentionDays,
    identity: settings.identity,
    readOnly: settings.readOnly,
    log: (m) => log?.info(m),
  });
}

/**
 * Saves the checkpoint every few minutes while the import runs: a job that is force-killed
 * runs no post step, and loses at most one interval of journal (those records are then found
 * by lookup, not created again). At most one save is in flight.
 */
export function startPeriodicSave(
  store: StateStore,
  dir: string,
  log: Logger,
  intervalMs = 5 * 60_000,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = store
      .save(dir)
      .then((r) =>
        log.info(r.saved ? `Checkpoint saved (${r.name}).` : `Checkpoint unchanged${r.reason ? `: ${r.reason}` : ''}.`),
      )
      .catch((error: unknown) => log.warn(`Checkpoint save failed: ${(error as Error).message}`))
      .finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
