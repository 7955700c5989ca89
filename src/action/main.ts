import * as core from '@actions/core';
import { join } from 'node:path';
import { recordExitCode } from '../modes/exit-code.js';
import { runMigration } from '../modes/migration.js';
import { UsageError } from '../model/types.js';
import type { Logger } from '../report/logger.js';
import type { Summary } from '../report/summary.js';
import { checkApiKey } from '../workos/client.js';
import { InputError, readActionInputs, type ActionInputs } from './inputs.js';

/** The action's main step. Every error ends here and becomes one failed-step message. */
export async function run(): Promise<void> {
  setDefaultOutputs();
  try {
    const inputs = readActionInputs();
    guardProduction(inputs);
    const out = inputs.out || join(process.env.RUNNER_TEMP ?? process.cwd(), 'migrate-to-workos', 'report');
    const result = await runMigration({
      mode: inputs.mode,
      source: inputs.source,
      files: { users: inputs.users, passwords: inputs.passwords, organizations: inputs.organizations },
      outDir: out,
      target: inputs.workosApiKey ? { apiKey: inputs.workosApiKey, apiUrl: inputs.workosApiUrl } : undefined,
      rateLimit: inputs.rateLimit,
      concurrency: inputs.concurrency,
      maxRecords: inputs.maxRecords,
      timeBudgetMs: inputs.timeBudgetMs,
      includePii: inputs.includePii,
      log: actionsLogger,
    });
    await core.summary.addRaw(result.markdown).write();
    setOutputs(result.summary, join(out, 'summary.json'));
    if (recordExitCode(result.summary, inputs.failOn) === 1) {
      core.setFailed(failureMessage(result.summary));
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) core.setFailed(error.message);
    else core.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A `sk_live_` key may write to production only when the workflow says so explicitly. */
function guardProduction(inputs: ActionInputs): void {
  if (inputs.mode === 'plan' && !inputs.workosApiKey) return;
  const environment = checkApiKey(inputs.workosApiKey);
  if (environment === 'live' && inputs.mode === 'import' && !inputs.confirmProduction) {
    throw new UsageError('The key is a production key (sk_live_). To import into production set confirm-production: true.');
  }
}

function failureMessage(s: Summary): string {
  const invalid = s.users.invalid + s.organizations.invalid + s.memberships.invalid;
  const failed = s.users.failed + s.organizations.failed + s.memberships.failed;
  return `${invalid} invalid and ${failed} failed record(s); see the job summary and errors.jsonl. Set fail-on: never to keep the step green.`;
}

/** Outputs get values early so a later `if:` sees something even when the run fails. */
function setDefaultOutputs(): void {
  core.setOutput('complete', 'false');
  core.setOutput('pending', '0');
}

function setOutputs(summary: Summary, summaryPath: string): void {
  const pending = summary.users.pending + summary.organizations.pending + summary.memberships.pending;
  core.setOutput('complete', String(summary.complete));
  core.setOutput('pending', String(pending));
  core.setOutput('users', JSON.stringify(summary.users));
  core.setOutput('organizations', JSON.stringify(summary.organizations));
  core.setOutput('memberships', JSON.stringify(summary.memberships));
  core.setOutput('summary-path', summaryPath);
}

const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  progress: (m) => core.info(m),
  group: (title, body) => core.group(title, body),
};
