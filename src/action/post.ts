import * as core from '@actions/core';

/**
 * Runs after the main step even when it was cancelled or timed out (`post-if: always()`).
 * With `state: none` (the only store so far) the journal lives and dies with the job, so there
 * is nothing to save; the artifact store will flush its checkpoint here.
 */
export async function runPost(): Promise<void> {
  core.info('No checkpoint store configured (state: none); nothing to save.');
}
