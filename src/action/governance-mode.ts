import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportInterrupted } from '../export/http.js';
import { UsageError } from '../model/types.js';
import { parseInventorySource, runInventory } from '../modes/inventory.js';
import { runWatch } from '../modes/watch.js';
import type { Settings } from '../config/settings.js';
import { uploadReportArtifact } from './report-artifact.js';
import { actionsLogger } from './runner.js';
import { failStep } from './fail-step.js';
import { WorkOSCallError } from '../workos/workos-caller.js';

// `mode: inventory` (before the cutover plan: the old tenant's dependencies, credentials from the
// job's env as for export) and `mode: watch` (after cutover, on a schedule: sign-in health from
// WorkOS's events; the step fails on an alert, and its outputs feed an alerting step). Neither
// reads an export or a checkpoint, and neither writes to WorkOS.

const SOURCE_SECRETS = ['AUTH0_CLIENT_SECRET', 'AUTH0_MANAGEMENT_TOKEN', 'CLERK_SECRET_KEY'];

export async function runInventoryMode(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  core.setOutput('complete', 'false');
  try {
    for (const name of SOURCE_SECRETS) {
      const value = env[name]?.trim();
      if (value) core.setSecret(value);
    }
    const source = parseInventorySource(settings.source);
    const outDir = reportDir(settings, env, 'inventory');
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
    await failStep(
      'Inventory did not finish',
      error instanceof ExportInterrupted ? new UsageError('The inventory was cancelled; run it again.') : error,
    );
  }
}

/** The settings were read (the key registered as a secret) by the caller. */
export async function runWatchMode(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  core.setOutput('alert', 'false');
  core.setOutput('alerting-organizations', '[]');
  try {
    const apiKey = settings.workosApiKey ?? '';
    const result = await core.group('Reading sign-in events from WorkOS', () =>
      runWatch({
        target: { apiKey, apiUrl: settings.apiUrl },
        since: settings.since,
        until: settings.until,
        policy: {
          ...(settings.failAbove === undefined ? {} : { failAbove: settings.failAbove }),
          ...(settings.minAttempts === undefined ? {} : { minAttempts: settings.minAttempts }),
        },
        outDir: reportDir(settings, env, 'watch'),
        includePii: settings.includePii,
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
    await failStep('Sign-in health could not be read', error);
  }
}

function reportDir(settings: Settings, env: NodeJS.ProcessEnv, mode: string): string {
  return settings.out || join(env.RUNNER_TEMP ?? tmpdir(), 'migrate-to-workos', mode);
}
