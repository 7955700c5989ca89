import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SettingKey, settingName } from '../../src/config/settings.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { runCliProcess } from '../support/cli.js';
import { newJob, runStep, workflowCommands } from './run-action.js';

// The same bad setting, written as a flag of the built CLI (dist/cli) and as an input of the
// built action (dist/main), is refused with the same sentence: only the setting's name differs,
// `--rate-limit` on the CLI and `rate-limit` in the action.

const USERS = 'examples/auth0/users.ndjson';

interface Case {
  /** The setting, and what is written for it. */
  key: SettingKey;
  value: string;
  /** The CLI command and the action's mode. */
  mode?: string;
  /** The sentence, with the setting named as the action names it. */
  says: string;
}

const NUMBER = 'must be a number greater than 0, such as 50 or 12.5';
const BOOLEAN = 'must be true or false';
const cases: Case[] = [
  { key: 'rateLimit', value: '1e3', says: `rate-limit ${NUMBER}, got "1e3".` },
  { key: 'rateLimit', value: '0', says: `rate-limit ${NUMBER}, got "0".` },
  { key: 'rateLimit', value: '-5', says: `rate-limit ${NUMBER}, got "-5".` },
  { key: 'rateLimit', value: 'abc', says: `rate-limit ${NUMBER}, got "abc".` },
  { key: 'concurrency', value: '1.5', says: 'concurrency must be a whole number greater than 0, got "1.5".' },
  { key: 'maxRecords', value: '0', says: 'max-records must be a whole number greater than 0, got "0".' },
  { key: 'pruneLimit', value: '-1', mode: 'import', says: 'prune-limit must be a whole number (0 or more), got "-1".' },
  {
    key: 'pruneLimit',
    value: '1e3',
    mode: 'import',
    says: 'prune-limit must be a whole number (0 or more), got "1e3".',
  },
  { key: 'failOn', value: 'sometimes', says: 'fail-on must be invalid, failed or never, got "sometimes".' },
  { key: 'timeBudgetMs', value: 'soon', says: 'time-budget must be a duration like 5h30m, 90m or 45s, got "soon".' },
  {
    key: 'source',
    value: 'okta',
    says: 'source must be auth0, clerk, firebase, cognito, supabase or csv, got "okta".',
  },
  { key: 'prune', value: 'maybe', mode: 'import', says: `prune ${BOOLEAN}, got "maybe".` },
  { key: 'includePii', value: 'yes', says: `include-pii ${BOOLEAN}, got "yes".` },
  { key: 'confirm', value: 'yes', mode: 'rollback', says: `confirm-rollback ${BOOLEAN}, got "yes".` },
  {
    key: 'apiUrl',
    value: 'api.workos.com',
    says: 'workos-api-url must be a URL such as https://api.workos.com, got "api.workos.com".',
  },
  { key: 'failAbove', value: '150', mode: 'watch', says: 'fail-above must be a percentage from 0 to 100, got "150".' },
  {
    key: 'minAttempts',
    value: '2.5',
    mode: 'watch',
    says: 'min-attempts must be a whole number (0 or more), got "2.5".',
  },
];

let fake: FakeGitHub;
const runnerDirs: string[] = [];
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake?.close();
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
});

/** The action's one failed-step message. */
async function actionRefusal(inputs: Record<string, string>): Promise<string> {
  fake.newRun({ workflowId: 3001 });
  const job = newJob(fake);
  runnerDirs.push(dirname(job.runnerTemp));
  const run = await runStep(job, 'main', { inputs });
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const errors = workflowCommands(run.stdout).filter((c) => c.command === 'error');
  expect(errors).toHaveLength(1);
  expect(run.outputs.complete).toBe('false');
  return errors[0]!.message;
}

/** The CLI's one line on stderr, without its `error: `. */
async function cliRefusal(args: string[]): Promise<string> {
  const run = await runCliProcess(args);
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  return lines[0]!.replace(/^error: /, '');
}

describe('the same bad setting in the CLI and in the action', () => {
  it.each(cases)('$key = "$value": one sentence, naming the setting as written', async ({ key, value, mode, says }) => {
    const command = mode ?? 'plan';
    const flag = settingName(key, 'cli');
    const input = settingName(key, 'action');
    // `--flag=value`: a value that starts with a dash is still the flag's value.
    const cli = await cliRefusal([command, '--users', USERS, `${flag}=${value}`]);
    const action = await actionRefusal({ mode: command, users: USERS, [input]: value });
    expect(action).toBe(says);
    expect(cli).toBe(`${flag}${says.slice(input.length)}`);
  });

  it('a mode that does not exist', async () => {
    const says = 'must be plan, import, verify, cutover, rollback, export, inventory or watch, got "migrate".';
    expect(await actionRefusal({ mode: 'migrate', users: USERS })).toBe(`mode ${says}`);
    // The CLI goes on to name its own tools, which are not modes of the action.
    expect(await cliRefusal(['migrate', '--users', USERS])).toBe(
      `the command ${says} Run migrate-to-workos help for every command (emulator and demo too).`,
    );
  });

  it('a mode without the user export', async () => {
    expect(await actionRefusal({ mode: 'verify', users: '' })).toBe(
      'verify needs users, the user export: it is missing or blank.',
    );
    expect(await cliRefusal(['verify'])).toBe('verify needs --users, the user export: it is missing or blank.');
  });
});
