import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Marks user `i` of the export as blocked in Auth0 (the default policy skips blocked users). */
function block(ex: Export, i: number): void {
  const lines = readFileSync(ex.usersPath, 'utf8').trim().split('\n');
  lines[i] = JSON.stringify({ ...JSON.parse(lines[i]!), blocked: true });
  writeFileSync(ex.usersPath, lines.join('\n') + '\n');
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

describe('verify without the password file', () => {
  it('makes no statement about passwords: no reset list, no reset advice', async () => {
    const ex = makeExport();
    const state = tempDir('agree-state');
    await run('import', [...flags(ex), '--state', state]);
    expect(emulator.snapshot().users).toHaveLength(USERS);

    const verified = await run('verify', [...flags(ex, { passwords: false }), '--state', state]);
    expect(verified.result.code, shown(verified.result)).toBe(0);
    const { summary } = verified.report;
    expect(summary.complete).toBe(true);
    expect(summary.passwords).toMatchObject({ notChecked: true, reset: 0, missing: 0 });
    // Every user has their hash in WorkOS: a reset list would be false.
    expect(existsSync(join(verified.out, 'password-reset.csv'))).toBe(false);
    const md = verified.file('summary.md');
    expect(md).not.toMatch(/[Pp]assword reset|without a password/);
    expect(md).toMatch(/Passwords: not checked/);
    expect(verified.result.stdout).not.toMatch(/need a reset/);

    // With the file, the same verify speaks of passwords again.
    const full = await run('verify', [...flags(ex), '--state', state]);
    expect(full.report.summary.passwords.notChecked).toBeUndefined();
    expect(existsSync(join(full.out, 'password-reset.csv'))).toBe(true);
  });
});

describe('plan', () => {
  it('whose only problem is a blocked member passes the default fail-on: the membership is skipped with its user', async () => {
    const ex = makeExport();
    block(ex, 1); // a member of the organization
    const planned = await run('plan', flags(ex));
    expect(planned.result.code, shown(planned.result)).toBe(0);
    const { summary, errors } = planned.report;
    expect(summary.users).toMatchObject({ skipped: 1, invalid: 0 });
    expect(summary.memberships).toMatchObject({ skipped: 1, invalid: 0 });
    expect(
      errors.filter((e) => e.entity === 'membership' && e.severity !== 'warning').map((e) => [e.code, e.severity]),
    ).toEqual([['user_skipped', 'skip']]);
  });
});

describe('import without --state', () => {
  it('converges: the read-back does not count the hashes it just sent as drift, and verify agrees', async () => {
    const ex = makeExport();
    for (const pass of ['first', 'rerun']) {
      const imported = await run('import', flags(ex));
      expect(imported.result.code, `${pass}: ${shown(imported.result)}`).toBe(0);
      const { summary } = imported.report;
      expect(summary.workos?.users, pass).toMatchObject({ expected: USERS, found: USERS, missing: 0, mismatched: 0 });
      expect(summary.complete, pass).toBe(true);
      expect(imported.file('summary.md'), pass).toMatch(/\*\*Complete\.\*\*/);
      expect(imported.file('summary.md'), pass).not.toMatch(/Not complete|changed during the run/);
    }
    expect(emulator.snapshot().users).toHaveLength(USERS);
    const verified = await run('verify', flags(ex));
    expect(verified.result.code, shown(verified.result)).toBe(0);
    expect(verified.report.summary.complete).toBe(true);
  });
});

describe('cutover', () => {
  it('with the checkpoint counts the hashes it records as sent, and claims none as not sent', async () => {
    const ex = makeExport();
    const state = tempDir('agree-state');
    await run('import', [...flags(ex), '--state', state]);
    const checked = await run('cutover', [...flags(ex), '--state', state]);
    expect(checked.report.summary.passwords).toMatchObject({ withHash: USERS, recordedEarlier: USERS, sent: 0 });
    expect(checked.result.stdout, shown(checked.result)).toMatch(
      new RegExp(`passwords: ${USERS} with a hash, ${USERS} recorded as sent earlier`),
    );
    expect(checked.result.stdout).not.toMatch(/not sent|sent in this run/);
  });
});

describe('problems a person can act on', () => {
  it('a first plan against an empty environment: one missing_in_workos line per entity, not one per record', async () => {
    const ex = makeExport();
    const planned = await run('plan', flags(ex));
    expect(planned.result.code, shown(planned.result)).toBe(0);
    const missing = planned.report.errors.filter((e) => e.code === 'missing_in_workos');
    expect(missing.map((e) => [e.entity, e.message])).toEqual([
      ['user', `WorkOS does not hold ${USERS} planned users yet: an import creates them (each is in changes.jsonl).`],
      [
        'organization',
        'WorkOS does not hold 1 planned organization yet: an import creates it (each is in changes.jsonl).',
      ],
      [
        'membership',
        'WorkOS does not hold 3 planned memberships yet: an import creates them (each is in changes.jsonl).',
      ],
    ]);
    expect(planned.report.summary.changes?.users.create).toBe(USERS);
  });

  it('a membership naming an unknown user points at the member in its organization and names the user; identical lines are counted once', async () => {
    const ex = makeExport();
    const orgs = JSON.parse(readFileSync(ex.organizationsPath, 'utf8'));
    orgs.organizations[0].members.push({ user_id: 'auth0|nobody' }, { user_id: 'auth0|nobody' });
    writeFileSync(ex.organizationsPath, JSON.stringify(orgs));
    const planned = await run('plan', flags(ex));
    const unknown = planned.report.errors.filter((e) => e.code === 'unknown_user');
    expect(unknown.map((e) => e.field)).toEqual(['members[3].user_id', 'members[4].user_id']);
    expect(unknown[0]!.message).toContain('auth0|nobody');
    const md = planned.file('summary.md');
    const lines = md.split('\n').filter((l) => l.includes('is not in the user export'));
    expect(lines, md).toHaveLength(2);
    expect(lines[0], md).toContain('members\\[3\\].user\\_id (org\\_ReportsAgree0001:auth0\\|nobody)');
  });

  it('one user gone from the export is one user that is gone', async () => {
    const ex = makeExport();
    const state = tempDir('agree-state');
    await run('import', [...flags(ex), '--state', state]);
    const lines = readFileSync(ex.usersPath, 'utf8').trim().split('\n');
    writeFileSync(ex.usersPath, lines.slice(0, -1).join('\n') + '\n');
    const planned = await run('plan', [...flags(ex), '--state', state]);
    expect(planned.file('summary.md')).toMatch(/; 1 user of this migration is gone from the export/);
    const verified = await run('verify', [...flags(ex), '--state', state]);
    expect(verified.file('summary.md')).toMatch(
      /1 user of this migration is in WorkOS but no longer in the export \(removals\.csv\)\. It keeps access/,
    );
  });

  it('verify with a failed test sign-in says so, with no repair advice and the counts of its table', async () => {
    const ex = makeExport();
    const state = tempDir('agree-state');
    await run('import', [...flags(ex), '--state', state]);
    const probes = join(tempDir('agree-probes'), 'probes.txt');
    writeFileSync(probes, `user1@synthetic.example.com ${ex.password}\nuser2@synthetic.example.com not-the-password\n`);
    const out = tempDir('agree-verify');
    const verified = await cli(['verify', ...flags(ex), '--state', state, '--login-probes', probes, '--out', out], {
      WORKOS_CLIENT_ID: 'client_story_app',
    });
    expect(verified.code, shown(verified)).toBe(1);
    const { summary } = readReport(out);
    expect(summary.logins).toEqual({ tried: 2, succeeded: 1, failed: 1 });
    const headline = readFileSync(join(out, 'summary.md'), 'utf8').split('\n')[2]!;
    expect(headline).toMatch(/^\*\*1 test sign-in failed\*\*/);
    expect(headline).not.toMatch(/Run import|repair|0 record/);
  });
});
