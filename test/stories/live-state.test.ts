import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { writeSyntheticAuth0Export, type SyntheticExport } from '../support/synthetic-auth0.js';
import { startCli } from '../support/cli.js';
import { API_KEY, cli, readReport, sdkFor, shown, tempDir } from './story-support.js';

// WorkOS is the truth. Whatever happens to it between runs (an admin deletes a user, renames an
// organization, changes a role), `import` brings it back to what the export says, and the next
// `import` writes nothing. Hashes that arrive later are sent, checkpoint or not. Records that
// left the export are listed, deleted only on request, and `rollback` undoes the migration.

const USERS = 12;
const ORG_A = 'org_AcmeCorp00000001';
const ORG_B = 'org_GlobexCorp000002';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.reset());
afterAll(async () => emulator?.close());

interface Export extends SyntheticExport {
  organizationsPath: string;
  dir: string;
}

/** A fresh export: 12 users with bcrypt hashes, two organizations, six memberships. */
function makeExport(members: Record<string, [number, string][]> = defaultMembers()): Export {
  const dir = tempDir('live-export');
  const synthetic = writeSyntheticAuth0Export(dir, USERS);
  const organizationsPath = join(dir, 'organizations.json');
  writeOrganizations(organizationsPath, synthetic, members);
  return { ...synthetic, organizationsPath, dir };
}

function defaultMembers(): Record<string, [number, string][]> {
  return {
    [ORG_A]: [
      [0, 'admin'],
      [1, 'member'],
      [2, 'member'],
    ],
    [ORG_B]: [
      [3, 'admin'],
      [4, 'member'],
      [0, 'member'],
    ],
  };
}

function writeOrganizations(
  path: string,
  ex: SyntheticExport,
  members: Record<string, [number, string][]>,
  names: Record<string, string> = {},
): void {
  const organizations = Object.entries(members).map(([id, list]) => ({
    id,
    name: id.toLowerCase(),
    display_name: names[id] ?? (id === ORG_A ? 'Acme Corp' : 'Globex'),
    members: list.map(([i, role]) => ({
      user_id: ex.expectedExternalIds[i],
      roles: [{ id: `rol_${role}`, name: role === 'admin' ? 'Admin' : 'Member' }],
    })),
  }));
  writeFileSync(path, JSON.stringify({ organizations }, null, 2));
}

function flags(ex: Export, options: { passwords?: boolean; organizations?: boolean; users?: string } = {}): string[] {
  return [
    '--source',
    'auth0',
    '--users',
    options.users ?? ex.usersPath,
    ...(options.passwords === false ? [] : ['--passwords', ex.passwordsPath]),
    ...(options.organizations === false ? [] : ['--organizations', ex.organizationsPath]),
    '--api-url',
    emulator.url,
    '--rate-limit',
    '400',
  ];
}

async function run(command: string, args: string[]) {
  const out = tempDir(`live-${command}`);
  const result = await cli([command, ...args, '--out', out]);
  return {
    result,
    out,
    get report() {
      return readReport(out);
    },
  };
}

/** What WorkOS holds, as the export's ids: users, organizations with names, memberships with roles. */
function held() {
  const s = emulator.snapshot();
  const userIds = new Map(s.users.map((u) => [u.id, u.external_id]));
  const orgIds = new Map(s.organizations.map((o) => [o.id, o.external_id]));
  return {
    users: s.users.map((u) => `${u.external_id} ${u.email} ${u.first_name} ${u.last_name}`).sort(),
    organizations: s.organizations.map((o) => `${o.external_id} ${o.name}`).sort(),
    memberships: s.memberships
      .map((m) => `${orgIds.get(m.organization_id)} ${userIds.get(m.user_id)} ${m.roles.map((r) => r.slug).join(',')}`)
      .sort(),
  };
}

const signIn = (email: string, password: string) =>
  sdkFor(emulator).userManagement.authenticateWithPassword({ clientId: 'client_story_app', email, password });

/** The password is right: a session, or (a member of several organizations) the choice of one. */
async function expectSignsIn(email: string, password: string): Promise<void> {
  const outcome = await signIn(email, password).then(
    () => 'signed in',
    (error: { code?: string }) =>
      error.code === 'organization_selection_required' ? 'signed in' : `refused: ${error.code}`,
  );
  expect(outcome, email).toBe('signed in');
}

describe('import converges on what the export says, whatever happened in WorkOS', () => {
  it('repairs a deleted user, a renamed user, a changed email, a deleted and a re-roled membership, a renamed organization', async () => {
    const ex = makeExport();
    const state = tempDir('live-state');
    const first = await run('import', [...flags(ex), '--state', state]);
    expect(first.result.code, shown(first.result)).toBe(0);
    const planned = held();
    expect(planned.users).toHaveLength(USERS);
    expect(planned.memberships).toHaveLength(6);

    // Behind the tool's back, through the real API.
    const sdk = sdkFor(emulator);
    const snap = emulator.snapshot();
    const byExternal = (id: string) => snap.users.find((u) => u.external_id === id)!;
    await sdk.userManagement.deleteUser(byExternal(ex.expectedExternalIds[5]!).id);
    await sdk.userManagement.updateUser({ userId: byExternal(ex.expectedExternalIds[6]!).id, firstName: 'Renamed' });
    await sdk.userManagement.updateUser({
      userId: byExternal(ex.expectedExternalIds[7]!).id,
      email: 'someone.else@elsewhere.example',
    });
    const acme = snap.organizations.find((o) => o.external_id === ORG_A)!;
    await sdk.organizations.updateOrganization({ organization: acme.id, name: 'Hijacked' });
    const member1 = snap.memberships.find(
      (m) => m.organization_id === acme.id && m.user_id === byExternal(ex.expectedExternalIds[1]!).id,
    )!;
    await sdk.userManagement.deleteOrganizationMembership(member1.id);
    const member2 = snap.memberships.find(
      (m) => m.organization_id === acme.id && m.user_id === byExternal(ex.expectedExternalIds[2]!).id,
    )!;
    await sdk.userManagement.updateOrganizationMembership(member2.id, { roleSlug: 'admin' });
    expect(held()).not.toEqual(planned);

    // verify sees the drift and says import repairs it; import does.
    const verified = await run('verify', [...flags(ex), '--state', state]);
    expect(verified.result.code, shown(verified.result)).toBe(1);
    expect(verified.report.summary.workos?.users).toMatchObject({ missing: 1, mismatched: 2 });
    expect(verified.report.summary.workos?.memberships).toMatchObject({ missing: 1, mismatched: 1 });
    expect(verified.report.summary.workos?.organizations).toMatchObject({ mismatched: 1 });

    const repaired = await run('import', [...flags(ex), '--state', state]);
    expect(repaired.result.code, shown(repaired.result)).toBe(0);
    expect(held()).toEqual(planned);
    expect(repaired.report.summary.complete).toBe(true);
    expect(repaired.report.summary.users).toMatchObject({ created: 1, updated: 2, unchanged: USERS - 3 });
    expect(repaired.report.summary.memberships).toMatchObject({ created: 1, updated: 1 });
    expect(repaired.report.summary.organizations).toMatchObject({ updated: 1 });
    // The user made again gets the hash again: the old journal line was for a deleted user.
    await expectSignsIn('user5@synthetic.example.com', ex.password);
    expect(readFileSync(join(repaired.out, 'summary.md'), 'utf8')).toMatch(
      /\*\*Complete\.\*\* WorkOS holds every planned record as planned/,
    );

    // And then there is nothing left to do: not one write, about one read per 100 records.
    const writesBefore = emulator.stats().writes;
    const again = await run('import', [...flags(ex), '--state', state]);
    expect(again.result.code, shown(again.result)).toBe(0);
    expect(emulator.stats().writes - writesBefore).toBe(0);
    expect(again.report.summary.requests?.writes).toBe(0);
    expect(held()).toEqual(planned);
  });

  it('verify passes (exit 0) when WorkOS matches, and says so', async () => {
    const ex = makeExport();
    await run('import', [...flags(ex), '--state', tempDir('live-state')]);
    const verified = await run('verify', flags(ex));
    expect(verified.result.code, shown(verified.result)).toBe(0);
    expect(verified.result.stdout).toMatch(/In step\. WorkOS holds every planned record as planned/);
  });
});

describe('passwords that arrive after the users', () => {
  it('are sent as updates with a fresh checkpoint, and every user signs in with the original password', async () => {
    const ex = makeExport();
    const first = await run('import', [...flags(ex, { passwords: false }), '--state', tempDir('live-first')]);
    expect(first.report.summary.passwords).toMatchObject({ withHash: 0, sent: 0 });
    await expect(signIn('user1@synthetic.example.com', ex.password)).rejects.toMatchObject({
      code: 'invalid_credentials',
    });

    // Weeks later the hashes come, and the first run's checkpoint is gone.
    const later = await run('import', [...flags(ex), '--state', tempDir('live-fresh')]);
    expect(later.result.code, shown(later.result)).toBe(0);
    expect(later.report.summary.passwords).toMatchObject({ withHash: USERS, sent: USERS, recordedEarlier: 0 });
    expect(later.report.summary.users).toMatchObject({ updated: USERS, created: 0 });
    for (let i = 0; i < USERS; i++) await expectSignsIn(`user${i}@synthetic.example.com`, ex.password);
  });

  it('are sent with the first run’s checkpoint too, and a rerun records them as sent earlier', async () => {
    const ex = makeExport();
    const state = tempDir('live-state');
    await run('import', [...flags(ex, { passwords: false }), '--state', state]);
    const later = await run('import', [...flags(ex), '--state', state]);
    expect(later.report.summary.passwords).toMatchObject({ sent: USERS });
    await expectSignsIn('user3@synthetic.example.com', ex.password);
    const again = await run('import', [...flags(ex), '--state', state]);
    expect(again.report.summary.passwords).toMatchObject({ sent: 0, recordedEarlier: USERS });
    expect(again.report.summary.requests?.writes).toBe(0);
    expect(again.result.stdout).toMatch(/0 sent in this run, 12 recorded as sent earlier/);
  });
});

describe('a dry run with a key says exactly what an import would do', () => {
  it('against a populated environment: create / update / remove counts, changes.jsonl by record, and no write', async () => {
    const ex = makeExport();
    const state = tempDir('live-state');
    await run('import', [...flags(ex), '--state', state]);
    // The export moves on: user 11 leaves, user 10 is renamed, a new user arrives, user 4 leaves Globex.
    const lines = readFileSync(ex.usersPath, 'utf8').trim().split('\n');
    const edited = lines.slice(0, 11).map((line, i) => (i === 10 ? line.replace('"Given10"', '"Renamed10"') : line));
    edited.push(
      lines[0]!.replace(/000000000000000000000000/g, '0000000000000000000000ff').replace('user0@', 'newcomer@'),
    );
    writeFileSync(ex.usersPath, edited.join('\n') + '\n');
    const members = defaultMembers();
    members[ORG_B] = members[ORG_B]!.filter(([i]) => i !== 4);
    writeOrganizations(ex.organizationsPath, ex, members);

    const writesBefore = emulator.stats().writes;
    const plan = await run('plan', [...flags(ex, { passwords: false }), '--state', state]);
    expect(emulator.stats().writes).toBe(writesBefore);
    expect(plan.report.summary.changes?.users).toEqual({ create: 1, update: 1, unchanged: 10, remove: 1, conflict: 0 });
    expect(plan.report.summary.changes?.memberships).toMatchObject({ create: 0, update: 0, unchanged: 5, remove: 1 });
    expect(plan.report.summary.changes?.organizations).toMatchObject({ create: 0, update: 0, unchanged: 2, remove: 0 });
    const changes = readFileSync(join(plan.out, 'changes.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(changes).toContainEqual(
      expect.objectContaining({
        entity: 'user',
        action: 'update',
        external_id: ex.expectedExternalIds[10],
        fields: ['first_name'],
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ entity: 'user', action: 'remove', external_id: ex.expectedExternalIds[11] }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        entity: 'membership',
        action: 'remove',
        external_id: `${ORG_B}:${ex.expectedExternalIds[4]}`,
      }),
    );
    expect(readFileSync(join(plan.out, 'summary.md'), 'utf8')).toMatch(
      /An import now would create 1 user, update 1 user and leave/,
    );
  });

  it('an environment that already holds everything: nothing to create or update', async () => {
    const ex = makeExport();
    const state = tempDir('live-state');
    await run('import', [...flags(ex), '--state', state]);
    const plan = await run('plan', [...flags(ex), '--state', state]);
    expect(plan.report.summary.changes?.users).toEqual({
      create: 0,
      update: 0,
      unchanged: USERS,
      remove: 0,
      conflict: 0,
    });
    expect(plan.report.summary.users).toMatchObject({ unchanged: USERS, pending: 0 });
  });
});

describe('records that left the export', () => {
  async function importThenShrink() {
    const ex = makeExport();
    const state = tempDir('live-state');
    await run('import', [...flags(ex), '--state', state]);
    // User 9 and user 8 leave the export; user 1 leaves Acme.
    const lines = readFileSync(ex.usersPath, 'utf8').trim().split('\n');
    writeFileSync(ex.usersPath, [...lines.slice(0, 8), ...lines.slice(10)].join('\n') + '\n');
    const members = defaultMembers();
    members[ORG_A] = members[ORG_A]!.filter(([i]) => i !== 1);
    writeOrganizations(ex.organizationsPath, ex, members);
    return { ex, state };
  }

  it('are listed by id in removals.csv and kept, until import --prune deletes them', async () => {
    const { ex, state } = await importThenShrink();
    const kept = await run('import', [...flags(ex), '--state', state]);
    expect(kept.result.code, shown(kept.result)).toBe(0);
    expect(kept.report.summary.removals).toEqual({ users: 2, organizations: 0, memberships: 1 });
    const removals = readFileSync(join(kept.out, 'removals.csv'), 'utf8');
    expect(removals).toContain(`user,${ex.expectedExternalIds[8]},`);
    expect(removals).toContain(`user,${ex.expectedExternalIds[9]},`);
    expect(removals).toContain(`membership,${ORG_A}:${ex.expectedExternalIds[1]},`);
    expect(removals).not.toMatch(/@/);
    expect(emulator.snapshot().users).toHaveLength(USERS);

    const pruned = await run('import', [...flags(ex), '--state', state, '--prune', '--prune-limit', '3']);
    expect(pruned.result.code, shown(pruned.result)).toBe(0);
    expect(pruned.report.summary.deleted).toEqual({ users: 2, organizations: 0, memberships: 1 });
    const now = held();
    expect(now.users).toHaveLength(USERS - 2);
    expect(now.memberships).not.toContain(`${ORG_A} ${ex.expectedExternalIds[1]} member`);
    expect(now.memberships).toHaveLength(5);
    expect(pruned.report.summary.complete).toBe(true);
  });

  it('--prune refuses, with one sentence and exit 2, when removals exceed the prune limit', async () => {
    const { ex, state } = await importThenShrink();
    const refused = await run('import', [...flags(ex), '--state', state, '--prune', '--prune-limit', '2']);
    expect(refused.result.code, shown(refused.result)).toBe(2);
    expect(refused.result.stderr).toMatch(
      /--prune would delete 3 record\(s\).*more than the prune limit of 2.*Nothing was written/,
    );
    expect(emulator.snapshot().users).toHaveLength(USERS);
    // The default limit is 10 % of the export's users: 1 of these 10.
    const byDefault = await run('import', [...flags(ex), '--state', state, '--prune']);
    expect(byDefault.result.code, shown(byDefault.result)).toBe(2);
    expect(byDefault.result.stderr).toMatch(/prune limit of 1 \(10 % of the export's users\)/);
  });
});

describe('rollback', () => {
  it('previews, then deletes exactly what the migration created; users who were there before stay', async () => {
    const before = emulator.seedUser({
      email: 'user2@synthetic.example.com',
      email_verified: true,
      first_name: 'Pre',
      last_name: 'Existing',
    });
    const other = emulator.seedUser({ email: 'bystander@elsewhere.example', email_verified: true });
    const ex = makeExport();
    const state = tempDir('live-state');
    // A partial import (a first cron stage), then rollback.
    await run('import', [...flags(ex), '--state', state, '--max-records', '9']);
    await run('import', [...flags(ex), '--state', state]);
    expect(emulator.snapshot().memberships.some((m) => m.user_id === before.id)).toBe(true);

    const preview = await run('rollback', ['--state', state, '--api-url', emulator.url]);
    expect(preview.result.code, shown(preview.result)).toBe(0);
    expect(preview.result.stdout).toMatch(/Rollback preview\. Nothing was deleted/);
    expect(emulator.snapshot().users).toHaveLength(USERS + 1);
    const csv = readFileSync(join(preview.out, 'rollback.csv'), 'utf8');
    expect(csv).toContain(`user,${ex.expectedExternalIds[2]},${before.id},keep_claimed`);

    const done = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(done.result.code, shown(done.result)).toBe(0);
    const after = emulator.snapshot();
    expect(after.users.map((u) => u.id).sort()).toEqual([before.id, other.id].sort());
    expect(after.organizations).toHaveLength(0);
    expect(after.memberships).toHaveLength(0);
    expect(done.report.summary.deleted).toEqual({ users: USERS - 1, organizations: 2, memberships: 6 });
    // The claimed user's external id stays: a field update, listed, not reverted.
    expect(after.users.find((u) => u.id === before.id)?.external_id).toBe(ex.expectedExternalIds[2]);

    // Idempotent: a second rollback deletes nothing and fails nothing.
    const again = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(again.result.code, shown(again.result)).toBe(0);
    expect(emulator.snapshot()).toEqual(after);
  });
  it('killed (SIGKILL) in the middle, then run again: ends exactly as an uninterrupted rollback, deleting nothing twice', async () => {
    const before = emulator.seedUser({ email: 'user4@synthetic.example.com', email_verified: true });
    const ex = makeExport();
    const state = tempDir('live-state');
    await run('import', [...flags(ex), '--state', state]);
    expect(emulator.snapshot().users).toHaveLength(USERS);

    // Slow deletes (2 a second) so the kill lands in the middle of them.
    const { child, done } = startCli(
      ['rollback', '--state', state, '--api-url', emulator.url, '--confirm', '--rate-limit', '2'],
      { WORKOS_API_KEY: API_KEY },
    );
    const deadline = Date.now() + 30_000;
    while (emulator.stats().writes === 0 || emulator.snapshot().users.length > USERS - 3) {
      if (Date.now() > deadline) throw new Error('the rollback never started deleting');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const midway = emulator.snapshot();
    expect(midway.users.length).toBeLessThan(USERS);
    expect(midway.users.length).toBeGreaterThan(1);

    const resumed = await run('rollback', ['--state', state, '--api-url', emulator.url, '--confirm']);
    expect(resumed.result.code, shown(resumed.result)).toBe(0);
    const after = emulator.snapshot();
    expect(after.users.map((u) => u.id)).toEqual([before.id]);
    expect(after.organizations).toHaveLength(0);
    expect(after.memberships).toHaveLength(0);
    // Each user the migration made was deleted once; the resumed run skipped what the killed one
    // had journaled (a delete in flight at the kill is found already gone: a 404, not a second delete).
    const deletes = emulator.stats().byRoute['DELETE /user_management/users/:id']!;
    const succeeded = Object.entries(deletes.byStatus)
      .filter(([status]) => status.startsWith('2'))
      .reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBe(USERS - 1);
    expect(deletes.requests - succeeded).toBeLessThanOrEqual(2);
  });
});
