import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportInterrupted } from '../export/http.js';
import { UsageError } from '../model/types.js';
import { parseInventorySource, runInventory } from '../modes/inventory.js';
import { runWatch } from '../modes/watch.js';
import { escapeMarkdown } from '../report/escape.js';
import { registerSecret } from '../model/mask.js';
import { outboundText } from '../report/outbound.js';
import { uploadReportArtifact } from './report-artifact.js';
import { actionsLogger } from './runner.js';
import { WorkOSCallError } from '../workos/workos-caller.js';

// `mode: inventory` (before the cutover plan: the old tenant's dependencies, credentials from the
// job's env as for export) and `mode: watch` (after cutover, on a schedule: sign-in health from
// WorkOS's events; the step fails on an alert, and its outputs feed an alerting step). Neither
// reads an export or a checkpoint, and neither writes to WorkOS.

/** Inputs only these modes read (action.yml names them). */
export const WatchInput = {
  Since: 'since',
  Until: 'until',
  FailAbove: 'fail-above',
  MinAttempts: 'min-attempts',
} as const;

const SOURCE_SECRETS = ['AUTH0_CLIENT_SECRET', 'AUTH0_MANAGEMENT_TOKEN', 'CLERK_SECRET_KEY'];

export async function runInventoryMode(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  core.setOutput('complete', 'false');
  try {
    for (const name of SOURCE_SECRETS) {
      const value = env[name]?.trim();
      if (value) core.setSecret(value);
    }
    const source = parseInventorySource(core.getInput('source') || 'auth0');
    const outDir = reportDir(env, 'inventory');
    const result = await core.group(`Inventory of the ${source} tenant`, () =>
      runInventory({ source, env, outDir, log: actionsLogger }),
    );
    core.info(result.headline);
    await core.summary.addRaw(result.markdown).write();
    core.setOutput('inventory', JSON.stringify(result.report.counts));
    if (result.files) {
      core.setOutput('summary-path', result.files.inventoryJson);
      const { inventoryJson, inventoryMd } = result.files;
      const artifact = await uploadReportArtifact(
        { summaryJson: inventoryJson, all: [inventoryJson, inventoryMd] },
        actionsLogger,
      );
      if (artifact) core.setOutput('report-artifact', artifact);
    }
    core.setOutput('complete', 'true');
  } catch (error) {
    await fail(
      'Inventory did not finish',
      error instanceof ExportInterrupted ? new UsageError('The inventory was cancelled; run it again.') : error,
    );
  }
}

export async function runWatchMode(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  core.setOutput('alert', 'false');
  core.setOutput('alerting-organizations', '[]');
  try {
    const apiKey = core.getInput('workos-api-key');
    if (apiKey) core.setSecret(apiKey);
    registerSecret(apiKey);
    const result = await core.group('Reading sign-in events from WorkOS', () =>
      runWatch({
        target: { apiKey, apiUrl: core.getInput('workos-api-url') || undefined },
        since: core.getInput(WatchInput.Since) || undefined,
        until: core.getInput(WatchInput.Until) || undefined,
        policy: {
          ...numberInput(WatchInput.FailAbove, (n) => n >= 0 && n <= 100, 'a percentage from 0 to 100', 'failAbove'),
          ...numberInput(WatchInput.MinAttempts, (n) => Number.isInteger(n) && n >= 0, 'a whole number', 'minAttempts'),
        },
        outDir: reportDir(env, 'watch'),
        includePii: core.getInput('include-pii').trim().toLowerCase() === 'true',
        log: actionsLogger,
      }).catch((error: unknown) => {
        if (error instanceof WorkOSCallError)
          throw new UsageError(`WorkOS refused to list the sign-in events: ${error.message}. Check workos-api-key.`);
        throw error;
      }),
    );
    core.info(result.headline);
    await core.summary.addRaw(result.markdown).write();
    const alerting = result.report.alerts.flatMap((a) => (a.organization ? [a.organization.name] : []));
    core.setOutput('alert', String(result.report.alert));
    core.setOutput('alerting-organizations', JSON.stringify(alerting));
    if (result.files) {
      core.setOutput('summary-path', result.files.watchJson);
      const { watchJson, watchMd } = result.files;
      const artifact = await uploadReportArtifact({ summaryJson: watchJson, all: [watchJson, watchMd] }, actionsLogger);
      if (artifact) core.setOutput('report-artifact', artifact);
    }
    if (result.exitCode !== 0)
      core.setFailed(`${result.headline} The job summary (watch.md) has the counts and what to check.`);
  } catch (error) {
    await fail('Sign-in health could not be read', error);
  }
}

function reportDir(env: NodeJS.ProcessEnv, mode: string): string {
  return core.getInput('out') || join(env.RUNNER_TEMP ?? tmpdir(), 'migrate-to-workos', mode);
}

function numberInput(
  name: string,
  valid: (n: number) => boolean,
  expected: string,
  key: 'failAbove' | 'minAttempts',
): Partial<Record<typeof key, number>> {
  const raw = core.getInput(name).trim().replace(/%$/, '');
  if (raw === '') return {};
  const n = Number(raw);
  if (!Number.isFinite(n) || !valid(n)) throw new UsageError(`Input ${name} must be ${expected}, got "${raw}".`);
  return { [key]: n };
}

async function fail(heading: string, error: unknown): Promise<void> {
  const message = outboundText(
    error instanceof UsageError
      ? error.message
      : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    { includePii: false },
  );
  core.setFailed(message);
  await core.summary
    .addHeading(heading, 2)
    .addRaw(`\n${escapeMarkdown(message)}\n`)
    .write()
    .catch(() => undefined);
}
