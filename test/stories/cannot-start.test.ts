import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { AUTH0, auth0Flags, cli, examplePii, expectNoPii, expectOneSentenceError, tempDir } from './story-support.js';

// A run that cannot start (a wrong path, a file that is no export, a client id pasted where the
// secret key goes, a typo in a flag) ends with exit 2 and one sentence saying what to fix: no
// stack trace, and nothing sent to WorkOS.

let emulator: Emulator;
const dir = tempDir('cannot-start');
const notJson = join(dir, 'users.txt');
const binary = join(dir, 'users.bin');
const empty = join(dir, 'empty.ndjson');

beforeAll(async () => {
  emulator = await startEmulator();
  writeFileSync(notJson, 'These are not the users you are looking for.\nNor is this line.\n');
  // A PNG's first bytes: neither gzip (1f 8b) nor text.
  writeFileSync(
    binary,
    Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00,
      0x01,
    ]),
  );
  writeFileSync(empty, '');
});
afterAll(async () => emulator?.close());

const importWith = (args: string[], env: Record<string, string> = {}) =>
  cli(
    [
      'import',
      ...args,
      '--state',
      tempDir('cannot-start-state'),
      '--out',
      tempDir('cannot-start-out'),
      '--api-url',
      emulator.url,
    ],
    env,
  );

describe('a run that cannot start', () => {
  it.each([
    [
      'a --users file that does not exist',
      () => importWith(auth0Flags({ users: join(dir, 'missing.ndjson') })),
      /missing\.ndjson.*not found/,
    ],
    ['no --users at all', () => importWith(['--source', 'auth0']), /--users/],
    ['a --users file that is plain text, not JSON', () => importWith(auth0Flags({ users: notJson })), /users\.txt/],
    [
      'a --users file that is binary, neither gzip nor JSON',
      () => importWith(auth0Flags({ users: binary })),
      /users\.bin/,
    ],
    ['an empty --users file', () => importWith(auth0Flags({ users: empty })), /empty/],
    [
      'a client id where the API key goes',
      () => importWith(auth0Flags(AUTH0), { WORKOS_API_KEY: 'client_01HZX4Q2EXAMPLE' }),
      /client ID/i,
    ],
    ['an unknown flag', () => importWith([...auth0Flags(AUTH0), '--userz', 'x']), /--userz/],
    ['an unknown --source', () => importWith(['--source', 'okta', '--users', AUTH0.users]), /okta/],
    [
      'a --time-budget that is no duration',
      () => importWith([...auth0Flags(AUTH0), '--time-budget', 'soon']),
      /time-budget/,
    ],
  ])('%s: exit 2, one sentence on stderr, nothing sent to WorkOS', async (_name, run, says) => {
    const before = emulator.stats().writes;
    const result = await run();
    const sentence = expectOneSentenceError(result);
    expect(sentence).toMatch(says);
    expect(emulator.stats().writes - before).toBe(0);
    expectNoPii(
      [
        { where: 'stdout', text: result.stdout },
        { where: 'stderr', text: result.stderr },
      ],
      examplePii(),
    );
  });

  it('an unknown command: exit 2 and the commands listed', async () => {
    const result = await cli(['imprt', ...auth0Flags(AUTH0)]);
    expect(expectOneSentenceError(result)).toMatch(/plan, import, verify/);
  });
});
