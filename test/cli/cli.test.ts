import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFailOn } from '../../src/cli/args.js';
import { runCli, type CliIO } from '../../src/cli/main.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { tempDirForFile } from '../support/temp-dir.js';

const USERS = 'examples/auth0/users.ndjson';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

/** A terminal-less run: stdout and stderr captured, stdin a pipe (or a fake TTY answering `answer`). */
function io(env: Record<string, string> = {}, terminal?: { answer: string }) {
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        write(chunk.toString());
        done();
      },
    });
  const err = Object.assign(
    sink((t) => (stderr += t)),
    { isTTY: terminal !== undefined },
  ) as unknown as NodeJS.WriteStream;
  const stdin = Object.assign(new PassThrough(), { isTTY: terminal !== undefined });
  if (terminal) {
    // Answer once the question has been asked.
    const original = err.write.bind(err);
    err.write = ((chunk: string) => {
      const result = original(chunk);
      if (String(chunk).includes('Type yes')) stdin.write(`${terminal.answer}\n`);
      return result;
    }) as typeof err.write;
  }
  const cli: CliIO = {
    stdout: sink((t) => (stdout += t)),
    stderr: err,
    env: { PATH: process.env.PATH ?? '', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}), ...env },
    stdin,
  };
  return { cli, out: () => stdout, err: () => stderr };
}

describe('the CLI for a newcomer', () => {
  it("lists only commands that do something, and says how to get each one's help", async () => {
    const run = io();
    expect(await runCli(['help'], run.cli)).toBe(0);
    expect(run.out()).toMatch(/^Usage: migrate-to-workos <command> \[flags\]/);
    for (const command of ['plan', 'import', 'verify', 'emulator', 'demo'])
      expect(run.out()).toMatch(new RegExp(`\\n  ${command} +\\S`));
    expect(run.out()).not.toContain('bench');
    expect(run.out()).toContain('Run migrate-to-workos <command> --help');
    expect(run.out()).toContain('130 / 143 interrupted');

    const bench = io();
    expect(await runCli(['bench'], bench.cli)).toBe(2);
    expect(bench.err()).toContain(
      'the command must be plan, import, verify, cutover, rollback, export, inventory or watch, got "bench".',
    );
  });

  it.each(['plan', 'import', 'verify', 'emulator', 'demo'])(
    "%s --help (and help <command>) print the command's flags and examples",
    async (command) => {
      const flag = io();
      expect(await runCli([command, '--help'], flag.cli)).toBe(0);
      expect(flag.out()).toMatch(new RegExp(`^Usage: migrate-to-workos ${command}`));
      expect(flag.out()).toMatch(/\nExamples:\n {2}.*migrate-to-workos /);
      const topic = io();
      expect(await runCli(['help', command], topic.cli)).toBe(0);
      expect(topic.out()).toBe(flag.out());
    },
  );

  it('import --help names the production flag and the default fail-on', async () => {
    const run = io();
    await runCli(['import', '-h'], run.cli);
    expect(run.out()).toContain('--confirm-production');
    expect(run.out()).toContain(`(default ${defaultFailOn('import')})`);
  });
});

describe('a production key in the CLI', () => {
  const live = { WORKOS_API_KEY: 'sk_live_CLI_TEST_1a2b', WORKOS_API_URL: '' };

  it('is refused without --confirm-production when no one is at a terminal, before any request', async () => {
    emulator.reset();
    const run = io({ ...live, WORKOS_API_URL: emulator.url });
    expect(await runCli(['import', '--users', USERS, '--fail-on', 'never'], run.cli)).toBe(2);
    expect(run.err()).toBe(
      'error: WORKOS_API_KEY is a production key (sk_live_). To import into production pass --confirm-production.\n',
    );
    expect(emulator.stats().requests).toBe(0);
  });

  it('is refused when the person at the terminal does not type yes', async () => {
    emulator.reset();
    const run = io({ ...live, WORKOS_API_URL: emulator.url }, { answer: 'no' });
    expect(await runCli(['import', '--users', USERS], run.cli)).toBe(2);
    expect(run.err()).toContain('Not confirmed: nothing was written.');
    expect(emulator.stats().requests).toBe(0);
  });

  it('imports after a typed yes, or with --confirm-production', async () => {
    emulator.reset();
    const asked = io({ ...live, WORKOS_API_URL: emulator.url }, { answer: 'yes' });
    expect(await runCli(['import', '--users', USERS, '--fail-on', 'never'], asked.cli)).toBe(0);
    expect(emulator.snapshot().users.length).toBeGreaterThan(0);
    emulator.reset();
    const flagged = io({ ...live, WORKOS_API_URL: emulator.url });
    const state = join(tempDirForFile('cli-live-'), 'state');
    expect(
      await runCli(
        ['import', '--users', USERS, '--state', state, '--confirm-production', '--fail-on', 'never'],
        flagged.cli,
      ),
    ).toBe(0);
    expect(emulator.snapshot().users.length).toBeGreaterThan(0);
  });
});
