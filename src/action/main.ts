import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSourceFiles } from '../modes/source-locations.js';
import { configFingerprint, loadMappingConfig, type MappingConfig } from '../config/mapping-config.js';
import { withLazyPasswords } from '../config/lazy-passwords.js';
import { annotateProblems } from '../github/annotations.js';
import { gitHubArtifacts } from '../github/artifact-download.js';
import { renderPullRequestComment, upsertStickyComment } from '../github/comment.js';
import { pullRequestRefusal, readPullRequestContext, type PullRequestContext } from '../github/event.js';
import { createOctokit } from '../github/octokit.js';
import { recordExitCode } from '../modes/exit-code.js';
import { cutoverOptions, runCutoverMode } from '../modes/cutover.js';
import { importOptions, runImport } from '../modes/import.js';
import type { LoginProbeSet, MigrationResult, MigrationSettings, ResolvedRun } from '../modes/pipeline.js';
import { planOptions, runPlan } from '../modes/plan.js';
import { rollbackOptions, runRollback } from '../modes/rollback.js';
import { runVerify, verifyOptions } from '../modes/verify.js';
import { parseLoginProbes } from '../reconcile/login-probes.js';
import { registerSecretsFromEnvironment, scrubText, SECRET_VARIABLES } from '../model/mask.js';
import { UsageError } from '../model/types.js';
import { sumOver, type Summary } from '../report/summary.js';
import { checkApiKey } from '../workos/client.js';
import { readSettings, type ActionInputs } from './inputs.js';
import { failStep } from './fail-step.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { actionsLogger, StateKey } from './runner.js';
import { runExportMode } from './export-mode.js';
import { runInventoryMode, runWatchMode } from './governance-mode.js';
import { uploadReportArtifact } from './report-artifact.js';
import { isPullRequestEvent, startPeriodicSave, stateDirectory, stateStoreFor, type StateSettings } from './state.js';
import type { JournalIdentity } from '../checkpoint/journal.js';
import { describeInterruption, exitCodeOfSignal, onInterrupt } from '../shell/interrupt.js';

/** The action's main step. Every error ends here and becomes one failed-step message. */
export async function run(): Promise<void> {
  // Credentials passed as environment variables, masked in the log and by the scrubber before
  // anything is read; the inputs register theirs as they are read.
  for (const name of SECRET_VARIABLES) {
    const value = process.env[name]?.trim();
    if (value) core.setSecret(value);
  }
  registerSecretsFromEnvironment(process.env);
  const heading =
    core.getInput(SETTINGS.mode.input).trim() === 'export' ? 'Export did not finish' : 'WorkOS migration did not run';
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (error) {
    core.setOutput('complete', 'false');
    return failStep(heading, error);
  }
  if (settings.mode === 'export') return runExportMode(settings);
  if (settings.mode === 'inventory') return runInventoryMode(settings);
  if (settings.mode === 'watch') return runWatchMode(settings);
  setDefaultOutputs();
  try {
    const inputs = settings as ActionInputs;
    const event = readPullRequestContext();
    guardWrites(inputs, event);
    // Read before the checkpoint is touched, so a bad config fails the step before anything else.
    const config = withLazyPasswords(await loadMappingConfig(inputs.config), inputs.lazyPasswords);
    const { result, saveError, interrupted } = await migrate(inputs, config);
    // The reports come first: a checkpoint that could not be saved must not cost the run its report.
    await report(inputs, event, result);
    if (interrupted) {
      const s = result.summary;
      const pending = s.users.pending + s.organizations.pending + s.memberships.pending;
      core.setFailed(describeInterruption(interrupted, pending, 'The next run goes on from the checkpoint.'));
      process.exitCode = exitCodeOfSignal(interrupted);
    } else if (saveError) {
      core.setFailed(scrubText(`${saveError.message} The reports of this run were written.`));
    } else if (recordExitCode(result.summary, inputs.failOn) !== 0) {
      core.setFailed(scrubText(failureMessage(result.summary)));
    }
  } catch (error) {
    await failStep(heading, error);
  }
}

/** Never a write from a pull request (fork or not), and never to production without the explicit yes. */
function guardWrites(inputs: ActionInputs, event: PullRequestContext): void {
  const writes = inputs.mode === 'import' || (inputs.mode === 'rollback' && inputs.confirm);
  const refusal = pullRequestRefusal(process.env.GITHUB_EVENT_NAME ?? '', event, { mode: inputs.mode, writes });
  if (refusal) throw new UsageError(refusal);
  if ((inputs.mode === 'plan' || inputs.mode === 'rollback') && !inputs.workosApiKey) return;
  const environment = checkApiKey(inputs.workosApiKey);
  if (environment === 'live' && writes && !inputs.confirmProduction) {
    throw new UsageError(
      `The key is a production key (sk_live_). To ${inputs.mode} in production set confirm-production: true.`,
    );
  }
}

interface MigrationRun {
  result: MigrationResult;
  /** The final checkpoint save failed: the run reports, then fails with this. */
  saveError?: Error;
  /** The signal that stopped the run (the job was cancelled). */
  interrupted?: NodeJS.Signals;
}

async function migrate(inputs: ActionInputs, config: MappingConfig): Promise<MigrationRun> {
  const stateDir = stateDirectory();
  const identity = { source: inputs.source, fingerprint: configFingerprint(config) };
  const store = stateStoreFor(stateSettings(inputs, identity), process.env, actionsLogger);
  await core.group(`Restoring the checkpoint from ${store.description}`, async () => {
    try {
      const restored = await store.restore(stateDir);
      core.info(
        restored.restored
          ? `Restored from ${restored.from ?? store.description}.`
          : 'No checkpoint yet: this is the first run.',
      );
    } catch (error) {
      // Going on without it would save a smaller, newer checkpoint and staged progress would silently start over.
      const reason = error instanceof Error ? error.message.replace(/\.?$/, '.') : String(error);
      throw new UsageError(`${reason} The run stopped before any write; fix this and run again.`, { cause: error });
    }
  });
  core.saveState(StateKey.StateDir, stateDir);

  // Encrypted files, env:NAME and artifact:NAME become private files under RUNNER_TEMP until the end.
  const sources = await resolveSourceFiles(
    // rollback reads no export: the checkpoint says what to undo.
    inputs.mode === 'rollback'
      ? { users: '' }
      : {
          users: inputs.users ?? '',
          passwords: inputs.passwords,
          organizations: inputs.organizations,
          hashConfig: inputs.hashConfig,
          mfa: inputs.mfa,
        },
    {
      tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
      env: process.env,
      passphrase: inputs.passphrase,
      artifacts: gitHubArtifacts(githubContext(inputs)),
    },
    actionsLogger,
  );
  // Pull-request runs read the checkpoint but never write one.
  const writesState = inputs.mode === 'import' || (inputs.mode === 'rollback' && inputs.confirm);
  const saving = writesState && inputs.stateStore !== 'none' && !isPullRequestEvent();
  const periodic = saving ? startPeriodicSave(store, stateDir, actionsLogger) : undefined;
  // Cancellation sends SIGINT then SIGTERM: stop taking records, journal what is in flight, save.
  const interruption = onInterrupt({
    onFirst: (signal) => core.warning(`${signal}: stopping after the writes in flight.`),
  });
  let result: MigrationResult | undefined;
  let saveError: Error | undefined;
  try {
    result = await runMode(inputs.mode, migrationSettings(inputs, stateDir), {
      files: sources.files,
      fileLabels: sources.labels,
      signal: interruption.signal,
      config,
      // Portal links are secrets: masked before anything can print them.
      onSecret: (secret) => core.setSecret(secret),
      loginProbes: loginProbes(inputs),
      log: actionsLogger,
    });
  } finally {
    interruption.dispose();
    await sources.cleanup();
    await periodic?.stop();
    if (saving && existsSync(stateDir)) {
      await core.group(`Saving the checkpoint to ${store.description}`, async () => {
        try {
          const saved = await store.save(stateDir);
          core.info(
            saved.saved ? `Saved as ${saved.name}.` : `Nothing new to save${saved.reason ? `: ${saved.reason}` : ''}.`,
          );
          core.saveState(StateKey.FinalSaved, 'true');
        } catch (error) {
          // The post step tries again; the run still reports what it did.
          saveError = error instanceof Error ? error : new Error(String(error));
          core.error(saveError.message);
        }
      });
    }
  }
  return { result: result!, saveError, interrupted: interruption.received };
}

/** The settings of a migration run, from the inputs; the checkpoint is where the store restored it. */
function migrationSettings(inputs: ActionInputs, stateDir: string): MigrationSettings {
  return {
    source: inputs.source,
    stateDir,
    outDir: inputs.out || join(process.env.RUNNER_TEMP ?? process.cwd(), 'migrate-to-workos', 'report'),
    target: inputs.workosApiKey ? { apiKey: inputs.workosApiKey, apiUrl: inputs.apiUrl } : undefined,
    rateLimit: inputs.rateLimit,
    concurrency: inputs.concurrency,
    maxRecords: inputs.maxRecords,
    timeBudgetMs: inputs.timeBudgetMs,
    includePii: inputs.includePii,
    prune: inputs.prune,
    pruneLimit: inputs.pruneLimit,
    forcePasswords: inputs.forcePasswords,
    confirmRollback: inputs.confirm,
    portalLinks: inputs.portalLinks,
  };
}

/** Each mode with its own options. */
function runMode(
  mode: ActionInputs['mode'],
  settings: MigrationSettings,
  resolved: ResolvedRun,
): Promise<MigrationResult> {
  switch (mode) {
    case 'plan':
      return runPlan(planOptions(settings, resolved));
    case 'import':
      return runImport(importOptions(settings, resolved));
    case 'verify':
      return runVerify(verifyOptions(settings, resolved));
    case 'rollback':
      return runRollback(rollbackOptions(settings, resolved));
    case 'cutover':
      return runCutoverMode(cutoverOptions(settings, resolved));
  }
}

function stateSettings(inputs: ActionInputs, identity?: JournalIdentity): StateSettings {
  return {
    kind: inputs.stateStore,
    name: inputs.stateName,
    token: inputs.githubToken,
    identity,
    readOnly: isPullRequestEvent(),
    retentionDays: inputs.stateRetentionDays,
  };
}

async function report(inputs: ActionInputs, event: PullRequestContext, result: MigrationResult): Promise<void> {
  annotateProblems(result.problems);
  await core.summary.addRaw(result.markdown).write();
  if (shouldComment(inputs, event) && event.kind === 'pull_request' && inputs.githubToken) {
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
    const jobSummaryUrl = process.env.GITHUB_RUN_ID
      ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
      : undefined;
    // A cutover's comment is its checks, as its job summary is (no portal link ever is in it).
    const body =
      result.summary.mode === 'cutover'
        ? result.markdown
        : renderPullRequestComment(result.summary, result.problems, { jobSummaryUrl });
    // The import is done and reported in the job summary: a comment that fails is a warning.
    try {
      const posted = await upsertStickyComment({
        octokit: createOctokit(inputs.githubToken, process.env.GITHUB_API_URL),
        owner: owner!,
        repo: repo!,
        issueNumber: event.number,
        body,
      });
      if (posted.action === 'skipped')
        core.notice(`The plan is in the job summary; no PR comment was posted (${posted.reason}).`);
      else core.info(`PR comment ${posted.action}${posted.url ? `: ${posted.url}` : ''}.`);
    } catch (error) {
      core.warning(
        scrubText(`Could not post the PR comment: ${(error as Error).message}. The plan is in the job summary.`),
      );
    }
  }
  const artifact = result.files
    ? await uploadReportArtifact(result.files, actionsLogger, process.env, {
        retentionDays: inputs.reportRetentionDays,
        pullRequest: event.kind === 'pull_request',
        includePii: inputs.includePii,
      })
    : undefined;
  setOutputs(result.summary, result.files?.summaryJson, artifact);
}

function loginProbes(inputs: ActionInputs): LoginProbeSet | undefined {
  if (!inputs.loginProbesText) return undefined;
  if (!inputs.workosClientId)
    throw new UsageError('login-probes needs workos-client-id (the client id of the WorkOS environment, client_…).');
  return {
    clientId: inputs.workosClientId,
    probes: parseLoginProbes(inputs.loginProbesText, 'login-probes'),
    label: 'login-probes',
  };
}

function githubContext(inputs: ActionInputs) {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!inputs.githubToken || !owner || !repo) return undefined;
  return {
    token: inputs.githubToken,
    owner,
    repo,
    runId: Number(process.env.GITHUB_RUN_ID ?? 0),
    apiUrl: process.env.GITHUB_API_URL,
  };
}

/** auto: the dry run a reviewer reads on a pull request; always: any mode run on a pull request. */
function shouldComment(inputs: ActionInputs, event: PullRequestContext): boolean {
  if (inputs.comment === 'never' || event.kind !== 'pull_request') return false;
  return inputs.comment === 'always' || inputs.mode === 'plan';
}

function failureMessage(s: Summary): string {
  if (s.fatal) return s.fatal;
  if (s.mode === 'cutover')
    return `No-go: ${s.cutover?.failing.join(', ') ?? 'see the job summary'}. The job summary (cutover.md) says why and what to do.`;
  const invalid = sumOver(s, 'invalid');
  const failed = sumOver(s, 'failed');
  const pending = sumOver(s, 'pending');
  if (s.mode === 'verify' && invalid + failed === 0)
    return `${pending} record(s) are missing or differ in WorkOS; see the job summary. Run import to repair them.`;
  if (s.mode === 'rollback')
    return 'Some deletes failed; see the job summary. Run rollback with confirm-rollback: true again.';
  return `${invalid} invalid and ${failed} failed record(s); see the job summary and errors.jsonl. Set fail-on: never to keep the step green.`;
}

/** Outputs get values early so a later `if:` sees something even when the run fails. */
function setDefaultOutputs(): void {
  core.setOutput('complete', 'false');
  core.setOutput('pending', '0');
}

function setOutputs(summary: Summary, summaryPath: string | undefined, reportArtifact: string | undefined): void {
  const pending = sumOver(summary, 'pending');
  core.setOutput('complete', String(summary.complete));
  core.setOutput('pending', String(pending));
  core.setOutput('users', JSON.stringify(summary.users));
  core.setOutput('organizations', JSON.stringify(summary.organizations));
  core.setOutput('memberships', JSON.stringify(summary.memberships));
  if (summaryPath) core.setOutput('summary-path', summaryPath);
  if (reportArtifact) core.setOutput('report-artifact', reportArtifact);
}
