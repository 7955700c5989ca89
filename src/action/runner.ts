import * as core from '@actions/core';
import { scrubText } from '../model/mask.js';
import type { Logger } from '../report/logger.js';

/** What the main step leaves for the post step (core.saveState / getState). */
export const StateKey = { StateDir: 'state-dir', FinalSaved: 'final-saved' } as const;

/**
 * The engine's log lines in the runner's log, phases folded into groups. `core.info` writes a
 * line as it is, so a message is scrubbed first: no line of it can start a workflow command.
 */
export const actionsLogger: Logger = {
  info: (m) => core.info(scrubText(m)),
  warn: (m) => core.warning(scrubText(m)),
  progress: (m) => core.info(scrubText(m)),
  group: (title, body) => core.group(scrubText(title), body),
};
