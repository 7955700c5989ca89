import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLazyMigration, LAZY_METADATA_KEY } from '../../src/lazy/index.js';
import type { CliRun } from '../support/cli.js';
import { startLegacyFake, type LegacyFake } from '../fakes/legacy-providers.js';
import { cli, COGNITO, readReport, sdkFor, shown, tempDir, type Report } from './story-support.js';
import { passwordResetRows, startSourceStory, type SourceStory } from './source-story.js';

// A team moves the Cognito pool of examples/cognito without making anyone reset a password:
// `import --lazy-passwords` marks the users Cognito cannot give hashes for, and the application's
// sign-in route moves each one with migrate-to-workos/lazy at their first sign-in.

const sub = (n: number) => `0b1e4c2a-000${n}-4a6f-9c55-7d1e2f30000${n}`;
const FLAGS = ['--source', 'cognito', '--users', COGNITO.users];

let story: SourceStory;
let first: { run: CliRun; report: Report; out: string };
let cognito: LegacyFake;

const marks = () =>
  Object.fromEntries(story.emulator.snapshot().users.map((u) => [u.external_id, u.metadata[LAZY_METADATA_KEY]]));

beforeAll(async () => {
  story = await startSourceStory('lazy', FLAGS);
  cognito = await startLegacyFake('cognito', [
    { id: sub(1), email: 'kofi.mensah@example.com', password: 'Kofi-old-pass-1' },
  ]);
  first = await story.importRun('first', ['--state', story.state, '--lazy-passwords']);
});
afterAll(async () => {
  await cognito?.close();
  await story?.emulator.close();
});

describe('import --lazy-passwords', () => {
  it('marks the users who would need a reset as pending, lists them in lazy.csv, and leaves password-reset.csv empty', () => {
    expect(first.run.code, shown(first.run)).toBe(0);
    expect(marks()).toEqual({
      [sub(1)]: 'pending',
      [sub(2)]: 'pending',
      [sub(4)]: 'pending',
      // A Google user signs in with Google: no password to move.
      [sub(6)]: undefined,
      [sub(8)]: 'pending',
    });
    expect(readFileSync(join(first.out, 'lazy.csv'), 'utf8').trim().split('\n')).toEqual([
      'source_id',
      sub(1),
      sub(2),
      sub(4),
      sub(8),
    ]);
    expect(passwordResetRows(first.out)).toEqual(['source_id']);
    expect(first.report.summary.passwords.reset).toBe(0);
  });

  it('a user moved by the library stays moved when the import runs again, and nothing is written', async () => {
    const lazy = createLazyMigration({
      workos: { apiKey: 'sk_test_story', clientId: 'client_story', apiUrl: story.emulator.url },
      legacy: cognito.config,
    });
    const signedIn = await lazy.authenticate({ email: 'kofi.mensah@example.com', password: 'Kofi-old-pass-1' });
    expect(signedIn.migrated).toBe(true);
    expect(marks()[sub(1)]).toBe('moved');

    const writesBefore = story.emulator.stats().committed;
    // Without the checkpoint, so the run compares with what WorkOS holds.
    const again = await story.importRun('again', ['--lazy-passwords']);
    expect(again.run.code, shown(again.run)).toBe(0);
    expect(marks()[sub(1)]).toBe('moved');
    expect(marks()[sub(2)]).toBe('pending');
    expect(story.emulator.stats().committed).toBe(writesBefore);
  });

  it('repairing drift on a moved user (metadata is sent whole) keeps the user moved', async () => {
    const kofi = story.emulator.snapshot().users.find((u) => u.external_id === sub(1))!;
    await sdkFor(story.emulator).userManagement.updateUser({ userId: kofi.id, firstName: 'Changed' });
    const writesBefore = story.emulator.stats().committed;
    const repair = await story.importRun('repair', ['--lazy-passwords']);
    expect(repair.run.code, shown(repair.run)).toBe(0);
    const after = story.emulator.snapshot().users.find((u) => u.external_id === sub(1))!;
    expect(after.first_name).toBe('Kofi');
    expect(after.metadata[LAZY_METADATA_KEY]).toBe('moved');
    expect(story.emulator.stats().committed).toBe(writesBefore + 1);
  });

  it('an import without --lazy-passwords leaves every mark where it is, and repairs other drift around it', async () => {
    const before = marks();
    const pending = story.emulator.snapshot().users.find((u) => u.external_id === sub(2))!;
    await sdkFor(story.emulator).userManagement.updateUser({ userId: pending.id, firstName: 'Changed' });
    const writesBefore = story.emulator.stats().committed;
    // A checkpoint made with --lazy-passwords refuses a run without it, so this one starts afresh.
    const plain = await story.importRun('plain', ['--state', tempDir('lazy-plain-state')]);
    expect(plain.run.code, shown(plain.run)).toBe(0);
    expect(marks()).toEqual(before);
    expect(story.emulator.snapshot().users.find((u) => u.external_id === sub(2))!.first_name).toBe(pending.first_name);
    // The name's repair is the only write: no user's metadata is drift for a plan that does not mark.
    expect(story.emulator.stats().committed).toBe(writesBefore + 1);
  });

  it('verify counts the users still pending and those who moved', async () => {
    const out = tempDir('lazy-verify');
    const run = await cli(['verify', ...FLAGS, '--lazy-passwords', '--out', out, '--api-url', story.emulator.url]);
    expect(run.code, shown(run)).toBe(0);
    const report = readReport(out);
    expect(report.summary.lazy).toEqual({ pending: 3, moved: 1 });
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(
      /1 user\(s\) moved their password at a first sign-in, 3 still pending/,
    );
  });

  it('import --lazy-finish hands the users still pending to password-reset.csv and clears their marks; the moved one keeps its', async () => {
    const done = await story.importRun('finish', ['--lazy-finish']);
    expect(done.run.code, shown(done.run)).toBe(0);
    expect(marks()).toEqual({
      [sub(1)]: 'moved',
      [sub(2)]: undefined,
      [sub(4)]: undefined,
      [sub(6)]: undefined,
      [sub(8)]: undefined,
    });
    const rows = readFileSync(join(done.out, 'password-reset.csv'), 'utf8').trim().split('\n');
    expect(rows).toEqual([
      'reason,source_id',
      `lazy_not_moved,${sub(2)}`,
      `lazy_not_moved,${sub(4)}`,
      `lazy_not_moved,${sub(8)}`,
    ]);
    expect(done.report.summary.lazy).toEqual({ pending: 0, moved: 1 });
    expect(done.report.summary.users).toMatchObject({ updated: 3, failed: 0 });
  });
});
