import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import {
  auth0Flags,
  cli,
  examplePii,
  expectNoPii,
  filesUnder,
  readReport,
  sdkFor,
  shown,
  tempDir,
} from './story-support.js';

// Before importing, a team runs `plan` to see what would happen (it must change nothing
// anywhere); after importing, `verify` to check that WorkOS holds what the exports say, and
// to find out when someone deleted a user since.

const BEN = 'auth0|665f1c0e8a4b2d0019e3a102';
const ACME = 'org_Qm8tXvL2aB4cD6eF';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.reset());
afterAll(async () => emulator?.close());

describe('plan', () => {
  it('with a key: writes nothing to WorkOS or to --state, and says what an import would write', async () => {
    const state = join(tempDir('plan-state'), 'checkpoint');
    const out = tempDir('plan-out');
    const run = await cli(['plan', ...auth0Flags(), '--state', state, '--out', out, '--api-url', emulator.url]);
    expect(run.code, shown(run)).toBe(1); // the example's invalid users
    expect(emulator.stats().writes).toBe(0);
    expect(emulator.snapshot()).toMatchObject({ users: [], organizations: [], memberships: [] });
    expect(existsSync(join(state, 'journal.ndjson'))).toBe(false);

    const report = readReport(out);
    expect(report.summary).toMatchObject({
      mode: 'plan',
      complete: false,
      users: { total: 29, pending: 27, invalid: 1, skipped: 1, created: 0 },
      organizations: { total: 3, pending: 3, created: 0 },
      memberships: { total: 10, pending: 10, created: 0 },
      passwords: { withHash: 17, sent: 0, notSent: 17 },
      // Against an empty environment: everything would be created.
      changes: {
        users: { create: 27, update: 0, unchanged: 0, remove: 0, conflict: 0 },
        organizations: { create: 3, update: 0, unchanged: 0, remove: 0, conflict: 0 },
        memberships: { create: 10, update: 0, unchanged: 0, remove: 0, conflict: 0 },
      },
    });
    expect(report.idMap.size).toBe(0);
    expectNoPii(
      [
        { where: 'stdout', text: run.stdout },
        { where: 'stderr', text: run.stderr },
        ...filesUnder(out).map((f) => ({ where: f.path, text: f.text })),
      ],
      examplePii(),
    );
  });

  it('without a key: sends no request at all', async () => {
    const out = tempDir('plan-out');
    const run = await cli(['plan', ...auth0Flags(), '--out', out, '--api-url', emulator.url], { WORKOS_API_KEY: '' });
    expect(run.code, shown(run)).toBe(1);
    expect(emulator.stats().requests).toBe(0);
    expect(readReport(out).summary.users).toMatchObject({ pending: 27, invalid: 1, skipped: 1 });
  });

  it('after an import with the same --state: everything unchanged, nothing pending, the journal untouched', async () => {
    const state = tempDir('plan-state');
    await cli([
      'import',
      ...auth0Flags(),
      '--state',
      state,
      '--out',
      tempDir('plan-import'),
      '--api-url',
      emulator.url,
      '--rate-limit',
      '500',
    ]);
    const journal = readFileSync(join(state, 'journal.ndjson'));
    const writes = emulator.stats().writes;
    const out = tempDir('plan-out');
    await cli(['plan', ...auth0Flags(), '--state', state, '--out', out, '--api-url', emulator.url]);
    expect(readReport(out).summary).toMatchObject({
      users: { unchanged: 27, pending: 0 },
      organizations: { unchanged: 3, pending: 0 },
      memberships: { unchanged: 10, pending: 0 },
    });
    expect(emulator.stats().writes).toBe(writes);
    expect(readFileSync(join(state, 'journal.ndjson')).equals(journal)).toBe(true);
  });
});

describe('verify', () => {
  // The example's two invalid users are known and accepted: only drift should fail the check.
  const verify = async () => {
    const out = tempDir('verify-out');
    const run = await cli(['verify', ...auth0Flags(), '--out', out, '--api-url', emulator.url, '--fail-on', 'failed']);
    return { run, report: readReport(out) };
  };

  it('after an import finds everything, writes nothing, and exits 0; after a user is deleted in WorkOS, names that user and exits 1', async () => {
    const imported = await cli([
      'import',
      ...auth0Flags(),
      '--state',
      tempDir('verify-state'),
      '--out',
      tempDir('verify-import'),
      '--api-url',
      emulator.url,
      '--rate-limit',
      '500',
    ]);
    expect(imported.code, shown(imported)).toBe(0);

    const writes = emulator.stats().writes;
    const clean = await verify();
    expect(clean.run.code, shown(clean.run)).toBe(0);
    expect(clean.report.summary).toMatchObject({
      mode: 'verify',
      complete: true,
      users: { unchanged: 27, pending: 0 },
      organizations: { unchanged: 3, pending: 0 },
      memberships: { unchanged: 10, pending: 0 },
      workos: {
        users: { expected: 27, found: 27, missing: 0, mismatched: 0 },
        organizations: { expected: 3, found: 3, missing: 0, mismatched: 0 },
        memberships: { expected: 10, found: 10, missing: 0, mismatched: 0 },
      },
    });
    expect(clean.report.errors.filter((e) => e.code === 'missing_in_workos')).toEqual([]);
    expect(emulator.stats().writes).toBe(writes);

    // Someone deletes Ben in the WorkOS dashboard (here: through the SDK).
    const ben = emulator.snapshot().users.find((u) => u.external_id === BEN)!;
    await sdkFor(emulator).userManagement.deleteUser(ben.id);

    const drifted = await verify();
    expect(drifted.run.code, shown(drifted.run)).toBe(1);
    expect(drifted.report.summary).toMatchObject({
      complete: false,
      users: { unchanged: 26, pending: 1 },
      memberships: { unchanged: 9, pending: 1 },
    });
    const missing = drifted.report.errors
      .filter((e) => e.code === 'missing_in_workos')
      .map((e) => `${e.entity} ${e.source_id} line ${e.line}`);
    expect(missing.sort()).toEqual([`membership ${ACME}:${BEN} line 3`, `user ${BEN} line 2`].sort());
    expect(emulator.stats().writes).toBe(writes + 1); // the delete, and nothing from verify
  });
});
