import * as core from '@actions/core';
import { scrubText } from '../model/mask.js';
import { UsageError } from '../model/types.js';
import { escapeMarkdown } from '../report/escape.js';

/**
 * Where every mode's error ends: one failed-step message, and the same under a heading in the job
 * summary. A UsageError already says what to do; anything else is a bug, said as such.
 */
export async function failStep(heading: string, error: unknown): Promise<void> {
  const message = scrubText(
    error instanceof UsageError
      ? error.message
      : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  );
  core.setFailed(message);
  // The message can quote the inputs and the config, which a pull request may have written.
  await core.summary
    .addHeading(heading, 2)
    .addRaw(`\n${escapeMarkdown(message)}\n`)
    .write()
    .catch(() => undefined);
}
