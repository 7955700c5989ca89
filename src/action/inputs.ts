import * as core from '@actions/core';
import {
  parseSettings,
  SETTING_BY_INPUT,
  SETTINGS,
  type MigrationMode,
  type Settings,
  type SettingSpec,
  type WrittenSettings,
} from '../config/settings.js';
import { registerSecret } from '../model/mask.js';

/** The settings of a run that migrates (not export, inventory or watch). */
export type ActionInputs = Settings & { mode: MigrationMode };

/**
 * Reads every input the settings table names and parses it as the CLI parses its flags; the first
 * problem is one sentence (a UsageError) naming the input, the same sentence the CLI gives.
 */
export function readSettings(
  getInput: (name: string, options?: core.InputOptions) => string = core.getInput,
): Settings {
  const written: WrittenSettings = {};
  for (const [input, key] of SETTING_BY_INPUT) {
    const spec: SettingSpec = SETTINGS[key];
    // A passphrase may begin or end with a space.
    written[key] = getInput(input, spec.keepSpaces ? { trimWhitespace: false } : undefined);
  }
  registerSecrets(written);
  return parseSettings(written, 'action');
}

/** The settings of a run that migrates: `mode` is plan, import, verify, cutover or rollback. */
export function readActionInputs(getInput?: (name: string, options?: core.InputOptions) => string): ActionInputs {
  return readSettings(getInput) as ActionInputs;
}

/**
 * Before anything can print them (DESIGN §8): the runner masks its log (core.setSecret), the
 * scrubber the reports, summary and comment. Test credentials: every line (and so every password).
 */
function registerSecrets(written: WrittenSettings): void {
  const secret = (value: string): void => {
    core.setSecret(value);
    registerSecret(value);
  };
  for (const key of ['passphrase', 'workosApiKey', 'githubToken'] as const) if (written[key]) secret(written[key]);
  for (const line of (written.loginProbesText ?? '').split(/\r?\n/)) if (line.trim()) secret(line.trim());
}
