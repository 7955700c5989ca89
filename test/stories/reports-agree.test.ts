import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import { cli, readReport, shown, tempDir } from './story-support.js';

// Every line of a report says what the stand-in holds after the run's last write, and a mode
// that lacks the input for a statement does not make it. Each test runs the built CLI the way a
// team does on a rehearsal and reads the reports against the stand-in's state.

const USERS = 8;
const ORG = 'org_ReportsAgree0001';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.reset());
afterAll(async () => emulator?.close());

interface Export extends SyntheticExport {
  organizationsPath: string;
}

/** Eight users with bcrypt hashes, one organization with the first three as members. */
function makeExport(): Export {
  const dir = tempDir('agree-export');
  const synthetic = writeSyntheticAuth0Export(dir, USERS);
  const organizationsPath = join(dir, 'organizations.json');
  const members = [0, 1, 2].map((i) => ({
    user_id: synthetic.expectedExternalIds[i],
    roles: [{ id: 'rol_member', name: 'Member' }],
  }));
  writeFileSync(
    organizationsPath,
    JSON.stringify({ organizations: [{ id: ORG, name: 'agree', display_name: 'Agree Inc', members }] }),
  );
  return { ...synthetic, organizationsPath };
}

function flags(ex: Export, options: { passwords?: boolean } = {}): string[] {
  return [
    '--source',
    'auth0',
    '--users',
    ex.usersPath,
    ...(options.passwords === false ? [] : ['--passwords', ex.passwordsPath]),
    '--organizations',
    ex.organizationsPath,
    '--api-url',
    emulator.url,
    '--rate-limit',
    '400',
  ];
}

async function run(command: string, args: string[]) {
  const out = tempDir(`agree-${command}`);
  const result = await cli([command, ...args, '--out', out]);
  return {
    result,
    out,
    file: (name: string) => readFileSync(join(out, name), 'utf8'),
    get report() {
      return readReport(out);
    },
  };
}

describe('rollback', () => {
  it('that emptied the environment says so in summary.json, summary.md and its exit code', async () => {
    const ex = makeExport();
    const state = tempDir('agree-state');
    const imported = await run('import', [...flags(ex), '--state', state]);
    expect(imported.result.code, shown(imported.result)).toBe(0);

    const done = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(done.result.code, shown(done.result)).toBe(0);
    const held = emulator.snapshot();
    expect([held.users, held.organizations, held.memberships]).toEqual([[], [], []]);
    expect(done.report.summary.complete).toBe(true);
    expect(done.report.summary.deleted).toEqual({ users: USERS, organizations: 1, memberships: 3 });
    const md = done.file('summary.md');
    expect(md).toMatch(/\*\*Rolled back\.\*\* Deleted 8 users, 1 organization, 3 memberships/);
    expect(md).not.toMatch(/incomplete|failed/);
    expect(done.result.stdout).not.toMatch(/incomplete/);
  });
});
