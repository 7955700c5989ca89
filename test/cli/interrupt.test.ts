import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startCli } from '../support/cli.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import { tempDirForFile } from '../support/temp-dir.js';

// The bundled CLI (dist/cli), interrupted the way a person (Ctrl-C) or a supervisor (SIGTERM) does.

const USERS = 400;
let emulator: Emulator;
let data: SyntheticExport;

beforeAll(async () => {
  emulator = await startEmulator();
  data = writeSyntheticAuth0Export(tempDirForFile('interrupt-data-'), USERS);
});
afterAll(() => emulator.close());

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('an import interrupted by %s', (signal, code) => {
  it(`exits ${code}, says how many records are pending, and the next run finishes from the checkpoint`, async () => {
    emulator.reset();
    emulator.setFaults({ latencyMs: 50 });
    const state = join(tempDirForFile('interrupt-state-'), 'state');
    const args = [
      'import',
      '--users',
      data.usersPath,
      '--passwords',
      data.passwordsPath,
      '--state',
      state,
      '--concurrency',
      '2',
    ];
    const env = { WORKOS_API_KEY: 'sk_test_interrupt', WORKOS_API_URL: emulator.url };
    const { child, done } = startCli(args, env);
    let sent = false;
    const poll = setInterval(() => {
      if (!sent && emulator.snapshot().users.length >= 10) {
        sent = true;
        child.kill(signal);
      }
    }, 20);
    const run = await done.finally(() => clearInterval(poll));
    emulator.setFaults({});
    expect(run.code, run.stderr).toBe(code);
    const written = emulator.snapshot().users.length;
    expect(written).toBeLessThan(USERS);
    const said =
      /Interrupted \((SIGINT|SIGTERM)\): ([\d,]+) records? pending\. Run the same command again to go on from the checkpoint\./.exec(
        run.stderr,
      );
    expect(said?.[1]).toBe(signal);
    expect(Number(said![2]!.replace(/,/g, ''))).toBe(USERS - written);

    const again = await startCli(args, env).done;
    expect(again.code, again.stderr).toBe(0);
    expect(emulator.snapshot().users).toHaveLength(USERS);
  }, 120_000);
});
