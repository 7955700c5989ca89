import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { scrubText } from '../model/mask.js';
import { readActionInputs } from './inputs.js';
import { actionsLogger, StateKey } from './runner.js';
import { isPullRequestEvent, stateStoreFor } from './state.js';

/**
 * Runs after the main step even when it was cancelled or timed out (`post-if: always()`): if
 * the main step did not get to its final checkpoint save, this one saves what the journal holds.
 */
export async function runPost(): Promise<void> {
  try {
    if (core.getState(StateKey.FinalSaved) === 'true') {
      core.info('The main step saved the checkpoint; nothing left to do.');
      return;
    }
    const dir = core.getState(StateKey.StateDir);
    if (!dir || !existsSync(dir)) {
      core.info('The main step wrote no checkpoint; nothing to save.');
      return;
    }
    const inputs = readActionInputs();
    if (inputs.mode !== 'import' || inputs.stateStore === 'none' || isPullRequestEvent()) return;
    const store = stateStoreFor(
      {
        kind: inputs.stateStore,
        name: inputs.stateName,
        token: inputs.githubToken,
        retentionDays: inputs.stateRetentionDays,
      },
      process.env,
      actionsLogger,
    );
    const saved = await store.save(dir);
    core.info(
      saved.saved
        ? `Checkpoint saved as ${saved.name} after the main step stopped early.`
        : `Checkpoint unchanged${saved.reason ? `: ${saved.reason}` : ''}.`,
    );
  } catch (error) {
    // readActionInputs registered the secrets; a GitHub error body may quote one.
    core.setFailed(scrubText(`Could not save the checkpoint: ${(error as Error).message}`));
  }
}
