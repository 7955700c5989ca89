import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/action/inputs.js';
import { DEFAULT_PACING } from '../../src/workos/pacing-defaults.js';
import { parseCliArgs } from '../../src/cli/args.js';
import {
  parseSettings,
  type SettingKey,
  SETTINGS,
  settingProblem,
  type SettingSpec,
} from '../../src/config/settings.js';
import { UsageError } from '../../src/model/types.js';

const specs = Object.entries(SETTINGS) as [string, SettingSpec][];

describe('the settings table', () => {
  it('gives every flag its help and every input its description', () => {
    for (const [key, spec] of specs) {
      if (spec.flag) expect(spec.cliHelp, key).toBeTruthy();
      if (spec.input) expect(spec.actionHelp, key).toBeTruthy();
      expect(spec.flag ?? spec.input, key).toBeTruthy();
    }
  });

  it('parses its own defaults', () => {
    const settings = parseSettings({}, 'cli', { tool: true });
    expect(settings).toMatchObject({
      mode: 'plan',
      source: 'auth0',
      prune: false,
      stateStore: 'artifact',
      host: '127.0.0.1',
    });
    expect(settings.rateLimit).toBeUndefined(); // the engine's default, not the parse's
  });

  it("shows the engine's pace defaults as the engine has them", () => {
    expect(SETTINGS.rateLimit.engineDefault).toBe(String(DEFAULT_PACING.rateLimit));
    expect(SETTINGS.readRateLimit.engineDefault).toBe(String(DEFAULT_PACING.readRateLimit));
    expect(SETTINGS.concurrency.engineDefault).toBe(String(DEFAULT_PACING.concurrency));
  });

  it('quotes a bad value back, but never a secret', () => {
    expect(settingProblem('rateLimit', 'cli', 'must be a number', '1e3')).toBe(
      '--rate-limit must be a number, got "1e3".',
    );
    for (const [key, spec] of specs)
      if (spec.secret)
        expect(settingProblem(key as SettingKey, 'action', 'is wrong', 'hunter2'), key).not.toContain('hunter2');
  });
});

describe('the CLI and the action', () => {
  it('make the same settings of the same values', () => {
    const cli = parseCliArgs([
      'import',
      '--users',
      'users.ndjson',
      '--rate-limit',
      '12.5',
      '--concurrency',
      '7',
      '--prune',
      '--prune-limit',
      '0',
      '--time-budget',
      '1h',
      '--fail-on',
      'never',
      '--api-url',
      'http://127.0.0.1:9',
    ]);
    const written: Record<string, string> = {
      mode: 'import',
      users: 'users.ndjson',
      'rate-limit': '12.5',
      concurrency: '7',
      prune: 'true',
      'prune-limit': '0',
      'time-budget': '1h',
      'fail-on': 'never',
      'workos-api-url': 'http://127.0.0.1:9',
    };
    const action = readSettings((name) => written[name] ?? '');
    const { command, helpTopic, ...fromCli } = cli;
    expect(command).toBe('import');
    expect(helpTopic).toBeUndefined();
    expect(action).toEqual(fromCli);
    expect(action).toMatchObject({
      rateLimit: 12.5,
      concurrency: 7,
      prune: true,
      pruneLimit: 0,
      timeBudgetMs: 3_600_000,
    });
  });

  it('refuse a flag the table does not have, and a flag without its value', () => {
    expect(() => parseCliArgs(['plan', '--users', 'u', '--user', 'x'])).toThrow('Unknown flag --user.');
    expect(() => parseCliArgs(['plan', '--users', '--out', 'x'])).toThrow('--users needs a value: --users FILE.');
    expect(() => parseCliArgs(['plan', '--users', 'u', '--lazy-finish'])).toThrow(UsageError);
  });
});
