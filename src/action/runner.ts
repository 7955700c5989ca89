import * as core from '@actions/core';
import type { Logger } from '../report/logger.js';

/** What the main step leaves for the post step (core.saveState / getState). */
export const StateKey = { StateDir: 'state-dir', FinalSaved: 'final-saved' } as const;

/** The engine's log lines in the runner's log, phases folded into groups. */
export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  progress: (m) => core.info(m),
  group: (title, body) => core.group(title, body),
};
