import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { runCliProcess } from '../support/cli.js';

// Names and ids from an export that mean something to JavaScript, to a terminal, to the GitHub
// runner or to a spreadsheet, run through the shipped CLI (`npm run bundle` first).

let emulator: Emulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'cli-hostile-names-'));
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function auth0UserWithProviders(id: string, providers: string[]): string {
  return JSON.stringify({
    user_id: `auth0|${id}`,
    email: `${id}@names.example`,
    email_verified: true,
    identities: providers.map((provider) => ({ provider, isSocial: true, user_id: id })),
  });
}

describe('social providers named like Object.prototype properties', () => {
  it('are counted as names: summary.json holds each with its count', async () => {
    const users = join(dir, 'proto-providers.ndjson');
    writeFileSync(
      users,
      [
        auth0UserWithProviders('p1', ['constructor', '__proto__', 'toString']),
        auth0UserWithProviders('p2', ['constructor', 'hasOwnProperty']),
      ].join('\n') + '\n',
    );
    const out = join(dir, 'proto-report');
    const run = await runCliProcess(['plan', '--source', 'auth0', '--users', users, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { social: Record<string, unknown> };
    expect(Object.entries(summary.social)).toEqual([
      ['constructor', 2],
      ['__proto__', 1],
      ['toString', 1],
      ['hasOwnProperty', 1],
    ]);
    expect(run.stdout).toContain('social sign-in: 2 constructor, 1 __proto__, 1 toString, 1 hasOwnProperty');
  });
});

describe('a provider name that holds a line break and a workflow command', () => {
  it('never starts a line of the CLI output with :: (a run: step would obey it)', async () => {
    const users = join(dir, 'command-provider.ndjson');
    writeFileSync(
      users,
      auth0UserWithProviders('c1', ['google\n::warning::x', 'github\r\n::add-mask::y', '\u001b[2Jclear']) + '\n',
    );
    const run = await runCliProcess(['plan', '--source', 'auth0', '--users', users, '--out', join(dir, 'cmd-report')]);
    expect(run.code, run.stderr).toBe(0);
    // The names did reach the output (or this test would prove nothing).
    expect(run.stdout).toContain('::warning::x');
    const lines = `${run.stdout}\n${run.stderr}`.split(/\r?\n|\r/);
    expect(lines.filter((line) => /^\s*(::|##\[)/.test(line))).toEqual([]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('\u001b');
  });
});

describe('id-map.csv', () => {
  it('holds a Firebase uid starting with - exactly as it is (applications rewrite foreign keys from it)', async () => {
    const users = join(dir, 'firebase-users.json');
    writeFileSync(
      users,
      JSON.stringify({
        users: [
          { localId: '-Mx1AbCdEfGhIjKlMnOp', email: 'dash@names.example', emailVerified: true },
          { localId: '=1+2', email: 'formula@names.example', emailVerified: true },
        ],
      }),
    );
    const out = join(dir, 'firebase-report');
    const run = await runCliProcess(
      ['import', '--source', 'firebase', '--users', users, '--out', out, '--fail-on', 'never'],
      { WORKOS_API_KEY: 'sk_test_names_0a1b', WORKOS_API_URL: emulator.url },
    );
    expect(run.code, run.stderr).toBe(0);
    const idMap = readFileSync(join(out, 'id-map.csv'), 'utf8').split('\n');
    const dash = emulator.snapshot().users.find((u) => u.email === 'dash@names.example');
    const formula = emulator.snapshot().users.find((u) => u.email === 'formula@names.example');
    expect(idMap).toContain(`user,-Mx1AbCdEfGhIjKlMnOp,${dash?.id},created`);
    expect(idMap).toContain(`user,=1+2,${formula?.id},created`);
  });
});

describe('a config with a __proto__ key', () => {
  it.each([
    ['the roles map', 'roles:\n  __proto__:\n    polluted: yes\n', /config\.yml:2: roles\.__proto__ /],
    ['a role slug', 'roles:\n  admin: admin\n  __proto__: owner\n', /config\.yml:3: roles\.__proto__ /],
    ['the metadata map', 'metadata:\n  users:\n    __proto__: app_metadata.plan\n', /metadata\.users\.__proto__/],
    ['JSON', '{"policies": {"__proto__": {"blockedUsers": "import"}}}', /policies\.__proto__/],
  ])('in %s: one error sentence naming the key, exit 2, no stack trace', async (_where, text, names) => {
    const config = join(dir, 'config.yml');
    writeFileSync(config, text);
    const users = join(dir, 'one-user.ndjson');
    writeFileSync(users, auth0UserWithProviders('u1', []) + '\n');
    const run = await runCliProcess(['plan', '--source', 'auth0', '--users', users, '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: .*\.\n$/);
    expect(run.stderr).toMatch(names);
    expect(run.stderr).not.toMatch(/ZodError|\n\s+at /);
  });
});
