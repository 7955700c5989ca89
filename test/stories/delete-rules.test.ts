import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import { cli, readReport, sdkFor, shown, tempDir as storyTempDir } from './story-support.js';

// Only what the migration made is deleted, and WorkOS's credentials win after a sign-in.
// A person who had a WorkOS account before the migration (found by email and claimed) keeps
// it through prune and rollback, while the memberships the migration gave them go with a
// rollback; a password changed in WorkOS after signing in survives every rerun, with the
// checkpoint or without it, unless --force-passwords says otherwise.

const USERS = 6;
const ORG_A = 'org_DeleteRulesAcme01';
const ORG_B = 'org_DeleteRulesBeta02';

let emulator: Emulator;
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  await emulator?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = storyTempDir(prefix);
  dirs.push(dir);
  return dir;
}

interface Export extends SyntheticExport {
  organizationsPath: string;
  lines: string[];
}

/** Six users with bcrypt hashes; users 0, 1 and 2 are members of two organizations. */
function makeExport(): Export {
  const dir = tempDir('rules-export');
  const synthetic = writeSyntheticAuth0Export(dir, USERS);
  const organizationsPath = join(dir, 'organizations.json');
  const member = (i: number) => ({
    user_id: synthetic.expectedExternalIds[i],
    roles: [{ id: 'rol_m', name: 'member' }],
  });
  writeFileSync(
    organizationsPath,
    JSON.stringify({
      organizations: [
        { id: ORG_A, name: 'acme', display_name: 'Acme', members: [member(0), member(1), member(2)] },
        { id: ORG_B, name: 'beta', display_name: 'Beta', members: [member(1), member(2)] },
      ],
    }),
  );
  const lines = readFileSync(synthetic.usersPath, 'utf8').trim().split('\n');
  return { ...synthetic, organizationsPath, lines };
}

function writeUsers(ex: Export, lines: string[]): void {
  writeFileSync(ex.usersPath, lines.join('\n') + '\n');
}

function flags(ex: Export, options: { organizations?: boolean } = {}): string[] {
  return [
    '--source',
    'auth0',
    '--users',
    ex.usersPath,
    '--passwords',
    ex.passwordsPath,
    ...(options.organizations === false ? [] : ['--organizations', ex.organizationsPath]),
    '--api-url',
    emulator.url,
  ];
}

async function run(command: string, args: string[]) {
  const out = tempDir(`rules-${command}`);
  const result = await cli([command, ...args, '--out', out]);
  return {
    result,
    out,
    get report() {
      return readReport(out);
    },
    csv(name: string): Record<string, string>[] {
      return parseCsv(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];
    },
  };
}

/** Signed up in WorkOS on their own before the migration: the same email as user 1, no external id. */
function seedExistingUser1() {
  return emulator.seedUser({ email: 'user1@synthetic.example.com', email_verified: true, first_name: 'Before' });
}

describe('a user who was in WorkOS before the migration (claimed by email)', () => {
  it('survives import --prune after leaving the export; removals.csv says it existed before', async () => {
    const before = seedExistingUser1();
    const ex = makeExport();
    const state = tempDir('rules-state');
    const first = await run('import', [...flags(ex), '--state', state]);
    expect(first.result.code, shown(first.result)).toBe(0);
    expect(emulator.snapshot().users.find((u) => u.id === before.id)?.external_id).toBe(ex.expectedExternalIds[1]);

    // Users 1 and 4 leave the export; user 4 was created by the migration.
    writeUsers(
      ex,
      ex.lines.filter((_, i) => i !== 1 && i !== 4),
    );
    // The dry run lists both; only the one the migration created would be deleted.
    const planned = await run('plan', [...flags(ex, { organizations: false }), '--state', state]);
    expect(planned.csv('removals.csv').map((r) => [r.external_id, r.kept_because])).toEqual(
      expect.arrayContaining([
        [ex.expectedExternalIds[1], 'existed_before'],
        [ex.expectedExternalIds[4], ''],
      ]),
    );
    const pruned = await run('import', [
      ...flags(ex, { organizations: false }),
      '--state',
      state,
      '--prune',
      '--prune-limit',
      '1',
    ]);
    expect(pruned.result.code, shown(pruned.result)).toBe(0);
    const users = emulator.snapshot().users;
    expect(users.some((u) => u.id === before.id)).toBe(true);
    expect(users.some((u) => u.external_id === ex.expectedExternalIds[4])).toBe(false);
    expect(pruned.report.summary.deleted).toMatchObject({ users: 1 });
    const removals = pruned.csv('removals.csv');
    expect(removals.find((r) => r.external_id === ex.expectedExternalIds[1])).toMatchObject({
      entity: 'user',
      workos_id: before.id,
      reason: 'not_in_export',
      kept_because: 'existed_before',
    });
    expect(removals.find((r) => r.external_id === ex.expectedExternalIds[4])).toBeUndefined();
    expect(pruned.result.stderr).toMatch(/kept: 1 user\(s\), 0 organization\(s\), 0 membership\(s\)/);
    expect(pruned.report.summary.removalsKept).toEqual({ users: 1, organizations: 0, memberships: 0 });
    expect(readFileSync(join(pruned.out, 'summary.md'), 'utf8')).toMatch(
      /Kept 1 user: they existed in WorkOS before the migration/,
    );
  });

  it('survives import --prune after being blocked in the source', async () => {
    const before = seedExistingUser1();
    const ex = makeExport();
    const state = tempDir('rules-state');
    await run('import', [...flags(ex, { organizations: false }), '--state', state]);
    const blocked = ex.lines.map((line, i) =>
      i === 1 ? JSON.stringify({ ...JSON.parse(line), blocked: true }) : line,
    );
    writeUsers(ex, blocked);
    const pruned = await run('import', [
      ...flags(ex, { organizations: false }),
      '--state',
      state,
      '--prune',
      '--prune-limit',
      '5',
    ]);
    expect(pruned.result.code, shown(pruned.result)).toBe(0);
    expect(emulator.snapshot().users.some((u) => u.id === before.id)).toBe(true);
    expect(pruned.csv('removals.csv')).toContainEqual({
      entity: 'user',
      external_id: ex.expectedExternalIds[1],
      workos_id: before.id,
      reason: 'skipped_by_policy',
      kept_because: 'existed_before',
    });
  });

  it('is not deleted by a prune whose checkpoint does not record it as created (a fresh --state)', async () => {
    const ex = makeExport();
    await run('import', [...flags(ex, { organizations: false }), '--state', tempDir('rules-state')]);
    writeUsers(
      ex,
      ex.lines.filter((_, i) => i !== 4),
    );
    const pruned = await run('import', [
      ...flags(ex, { organizations: false }),
      '--state',
      tempDir('rules-fresh-state'),
      '--prune',
      '--prune-limit',
      '0',
    ]);
    // Nothing the checkpoint can prove it created: nothing to delete, so the limit of 0 is not exceeded.
    expect(pruned.result.code, shown(pruned.result)).toBe(0);
    expect(emulator.snapshot().users).toHaveLength(USERS);
    expect(pruned.csv('removals.csv')).toContainEqual(
      expect.objectContaining({
        external_id: ex.expectedExternalIds[4],
        kept_because: 'not_created_by_this_checkpoint',
      }),
    );
    expect(pruned.result.stderr).toMatch(/only what this checkpoint records as created/);
  });

  it('survives rollback --confirm, which removes every membership the migration added, its own included', async () => {
    const before = seedExistingUser1();
    const ex = makeExport();
    const state = tempDir('rules-state');
    await run('import', [...flags(ex), '--state', state]);
    expect(emulator.snapshot().memberships.filter((m) => m.user_id === before.id)).toHaveLength(2);

    const done = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(done.result.code, shown(done.result)).toBe(0);
    const after = emulator.snapshot();
    expect(after.users.map((u) => u.id)).toEqual([before.id]);
    expect(after.memberships).toHaveLength(0);
    expect(done.csv('rollback.csv')).toContainEqual({
      entity: 'user',
      source_id: ex.expectedExternalIds[1],
      workos_id: before.id,
      action: 'keep_claimed',
      kept_because: 'existed_before',
    });
  });

  it('loses the memberships the migration added even when the organizations cannot be deleted (WorkOS refuses)', async () => {
    const before = seedExistingUser1();
    const ex = makeExport();
    const state = tempDir('rules-state');
    await run('import', [...flags(ex), '--state', state]);
    expect(emulator.snapshot().memberships.filter((m) => m.user_id === before.id)).toHaveLength(2);

    // Every organization delete fails (the run stops: exit 2); the claimed user's memberships must not wait for them.
    emulator.setFaults({
      rules: [{ match: { method: 'DELETE', path: '^/organizations/[^/]+$' }, serverErrorRate: 1 }],
    });
    const failing = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(failing.result.code, shown(failing.result)).toBe(2);
    expect(emulator.snapshot().organizations).toHaveLength(2);
    expect(emulator.snapshot().memberships).toHaveLength(0);

    // The rerun deletes only what is left: the organizations.
    emulator.setFaults({});
    const membershipDeletes = () =>
      emulator.stats().byRoute['DELETE /user_management/organization_memberships/:id']?.requests ?? 0;
    const deletesBefore = membershipDeletes();
    const resumed = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(resumed.result.code, shown(resumed.result)).toBe(0);
    expect(membershipDeletes()).toBe(deletesBefore);
    expect(emulator.snapshot().organizations).toHaveLength(0);
    expect(emulator.snapshot().users.map((u) => u.id)).toEqual([before.id]);
  });

  it('keeps no membership the migration added when its organizations were in WorkOS before too', async () => {
    const before = seedExistingUser1();
    const sdk = sdkFor(emulator);
    const acme = await sdk.organizations.createOrganization({ name: 'Acme', externalId: ORG_A });
    const beta = await sdk.organizations.createOrganization({ name: 'Beta', externalId: ORG_B });
    const ex = makeExport();
    const state = tempDir('rules-state');
    await run('import', [...flags(ex), '--state', state]);
    expect(emulator.snapshot().memberships).toHaveLength(5);

    const done = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(done.result.code, shown(done.result)).toBe(0);
    const after = emulator.snapshot();
    expect(after.users.map((u) => u.id)).toEqual([before.id]);
    expect(after.organizations.map((o) => o.id).sort()).toEqual([acme.id, beta.id].sort());
    expect(after.memberships).toHaveLength(0);
    // Journaled: a second rollback has nothing left to delete.
    const writes = emulator.stats().writes;
    const again = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(again.result.code, shown(again.result)).toBe(0);
    expect(emulator.stats().writes).toBe(writes);
  });
});

describe('a user who signed in to WorkOS and changed the password there', () => {
  const NEW_PASSWORD = 'Changed-In-WorkOS-9!';

  async function signIn(email: string, password: string): Promise<'signed in' | 'refused'> {
    return sdkFor(emulator)
      .userManagement.authenticateWithPassword({ clientId: 'client_rules_app', email, password })
      .then(
        () => 'signed in' as const,
        () => 'refused' as const,
      );
  }

  async function importedThenChanged() {
    const ex = makeExport();
    const state = tempDir('rules-state');
    const first = await run('import', [...flags(ex, { organizations: false }), '--state', state]);
    expect(first.result.code, shown(first.result)).toBe(0);
    const email = 'user4@synthetic.example.com';
    expect(await signIn(email, ex.password)).toBe('signed in');
    const user = emulator.snapshot().users.find((u) => u.email === email)!;
    expect(user.last_sign_in_at).not.toBeNull();
    await sdkFor(emulator).userManagement.updateUser({ userId: user.id, password: NEW_PASSWORD });
    expect(await signIn(email, NEW_PASSWORD)).toBe('signed in');
    return { ex, state, email };
  }

  it('keeps it through a rerun with the checkpoint and one without; the summary says so', async () => {
    const { ex, state, email } = await importedThenChanged();
    for (const stateDir of [state, tempDir('rules-fresh-state')]) {
      const rerun = await run('import', [...flags(ex, { organizations: false }), '--state', stateDir]);
      expect(rerun.result.code, shown(rerun.result)).toBe(0);
      expect(await signIn(email, NEW_PASSWORD)).toBe('signed in');
      expect(await signIn(email, ex.password)).toBe('refused');
    }
    const fresh = await run('import', [
      ...flags(ex, { organizations: false }),
      '--state',
      tempDir('rules-fresh-state'),
    ]);
    expect(fresh.report.summary.passwords).toMatchObject({ keptSignedIn: 1, sent: USERS - 1 });
    expect(fresh.result.stdout).toMatch(/1 kept, signed in to WorkOS/);
    expect(readFileSync(join(fresh.out, 'summary.md'), 'utf8')).toMatch(/1 kept, signed in to WorkOS/);
  });

  it('is replaced by the export hash with --force-passwords, and the run says how many it overwrites', async () => {
    const { ex, email } = await importedThenChanged();
    const forced = await run('import', [
      ...flags(ex, { organizations: false }),
      '--state',
      tempDir('rules-fresh-state'),
      '--force-passwords',
    ]);
    expect(forced.result.code, shown(forced.result)).toBe(0);
    expect(forced.result.stderr).toMatch(
      /--force-passwords: 1 user\(s\) who have signed in to WorkOS get the export's password hash/,
    );
    expect(await signIn(email, ex.password)).toBe('signed in');
    expect(await signIn(email, NEW_PASSWORD)).toBe('refused');
    expect(forced.report.summary.passwords).toMatchObject({ keptSignedIn: 0, sent: USERS });
  });
});
