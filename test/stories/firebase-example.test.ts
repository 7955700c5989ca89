import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, examplePii, expectNoPii, FIREBASE, filesUnder, shown, tempDir, type Report } from './story-support.js';
import { passwordResetRows, problemLines, startSourceStory, type SourceStory } from './source-story.js';
import type { CliRun } from '../support/cli.js';

// A team moves the Firebase project of examples/firebase (README there) into a fresh WorkOS
// environment with `firebase auth:export` JSON and the project's hash parameters, runs it again,
// and its users sign in with the passwords they had in Firebase.

let story: SourceStory;
let first: { run: CliRun; report: Report; out: string };

beforeAll(async () => {
  story = await startSourceStory('firebase', [
    '--source',
    'firebase',
    '--users',
    FIREBASE.users,
    '--hash-config',
    FIREBASE.hashConfig,
  ]);
  first = await story.importRun('first');
});
afterAll(async () => story?.emulator.close());

describe('importing the Firebase example into a fresh WorkOS environment', () => {
  it('holds exactly the seven importable users, keyed by localId, names split from displayName', () => {
    expect(Object.fromEntries(story.users())).toEqual({
      fbAdaLovelace000000000000001: {
        email: 'ada.lovelace@example.com',
        email_verified: true,
        first_name: 'Ada',
        last_name: 'Lovelace',
        metadata: {},
      },
      fbBaoNguyen00000000000000002: {
        email: 'bao.nguyen@example.com',
        email_verified: true,
        first_name: 'Bao',
        last_name: 'Nguyen Thi',
        metadata: {},
      },
      fbCarmenRuiz0000000000000003: {
        email: 'carmen.ruiz@example.org',
        email_verified: false,
        first_name: 'Carmen',
        last_name: null,
        metadata: {},
      },
      fbDevPatel00000000000000004: {
        email: 'dev.patel@example.com',
        email_verified: true,
        first_name: 'Dev',
        last_name: 'Patel',
        metadata: {},
      },
      fbGraceHopper00000000000007: {
        email: 'grace.hopper@example.com',
        email_verified: true,
        first_name: 'Grace',
        last_name: 'Brewster Hopper',
        metadata: {},
      },
      fbHugoLambert0000000000008: {
        email: 'hugo.lambert@example.fr',
        email_verified: true,
        first_name: 'Hugo',
        last_name: 'Lambert',
        metadata: {},
      },
      fbJunTakeda00000000000000010: {
        email: 'jun.takeda@acme-corp.example',
        email_verified: true,
        first_name: 'Jun',
        last_name: 'Takeda',
        metadata: {},
      },
    });
  });

  it('reports the phone-only and malformed users by line, skips the disabled one, and counts what needs people', () => {
    const { run, report } = first;
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    const s = report.summary;
    expect(s).toMatchObject({
      source: 'firebase',
      complete: true,
      users: { total: 10, created: 7, failed: 0, pending: 0 },
    });
    expect(s.users.invalid + ((s.users as { skipped?: number }).skipped ?? 0)).toBe(3);
    expect(s.passwords).toMatchObject({ withHash: 4, sent: 4, missing: 3, unsupported: 0, reset: 1 });
    expect(s.mfa).toEqual({ sms: 1 });
    expect(s.social).toEqual({ google: 1, github: 1, sso: 1 });
    expect(problemLines(report)).toEqual([
      'error invalid_email users.json:10 email',
      'error missing_email users.json:7 email',
      'skip blocked users.json:6 blocked',
      'warning sso_user users.json:11 providerUserInfo',
    ]);
    expect(report.reenroll).toEqual([
      ['factor', 'source_id'],
      ['sms', 'fbCarmenRuiz0000000000000003'],
    ]);
    expect(passwordResetRows(first.out)).toEqual(['source_id', 'fbHugoLambert0000000000008']);
  });
});

describe('an imported Firebase user signing in to WorkOS', () => {
  it('signs in with the password from Firebase (firebase-scrypt with the project parameters)', async () => {
    for (const [email, password, id] of [
      ['ada.lovelace@example.com', 'Firebase-Pass-1!', 'fbAdaLovelace000000000000001'],
      ['grace.hopper@example.com', 'Firebase-Pass-7!', 'fbGraceHopper00000000000007'],
    ] as const) {
      expect((await story.signIn(email, password)).user.externalId).toBe(id);
    }
    await expect(story.signIn('bao.nguyen@example.com', 'Firebase-Pass-1!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });
});

describe('running the same Firebase import again', () => {
  it('with the same --state writes nothing', async () => {
    const before = story.emulator.stats().writes;
    const held = story.emulator.snapshot();
    const { run, report } = await story.importRun('again');
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    expect(report.summary.users).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    expect(report.summary.requests?.writes).toBe(0);
    expect(story.emulator.stats().writes - before).toBe(0);
    expect(story.emulator.snapshot()).toEqual(held);
  });

  it('without the hash parameters, stops before any write and says where to find them', async () => {
    const before = story.emulator.stats().writes;
    const run = await cli([
      'import',
      '--source',
      'firebase',
      '--users',
      FIREBASE.users,
      '--api-url',
      story.emulator.url,
      '--out',
      tempDir('firebase-no-params'),
    ]);
    expect(run.code, shown(run)).toBe(2);
    expect(run.stderr).toMatch(/users\.json:2: the export holds password hashes.*--hash-config/);
    expect(story.emulator.stats().writes - before).toBe(0);
  });

  it('holds no email, hash, salt or signer key in output, reports or checkpoint', () => {
    const texts = story.runs.flatMap((r) => [
      { where: `${r.name} stdout`, text: r.run.stdout },
      { where: `${r.name} stderr`, text: r.run.stderr },
      ...filesUnder(r.out).map((f) => ({ where: f.path, text: f.text })),
    ]);
    expectNoPii([...texts, ...filesUnder(story.state).map((f) => ({ where: f.path, text: f.text }))], examplePii());
  });
});
