import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../support/cli.js';
import { examplePii, expectNoPii, filesUnder, GENERIC_CSV, shown, type Report } from './story-support.js';
import { passwordResetRows, problemLines, startSourceStory, type SourceStory } from './source-story.js';

// A team that prepared its users for the WorkOS migrations CLI switches with the same CSV
// (examples/csv, README there): every WorkOS hash type, two organizations, one row per user and
// organization. Its users sign in with their passwords, whatever the hash type.

const LIAM = `email-sha256:${createHash('sha256').update('liam.oconnor@example.ie').digest('hex').slice(0, 40)}`;

let story: SourceStory;
let first: { run: CliRun; report: Report; out: string };

beforeAll(async () => {
  story = await startSourceStory('csv', ['--source', 'csv', '--users', GENERIC_CSV.users]);
  first = await story.importRun('first');
});
afterAll(async () => story?.emulator.close());

describe('importing the generic CSV example into a fresh WorkOS environment', () => {
  it('holds one user per user (not per row), with names, verification and the metadata column; a row without external_id gets none', () => {
    const user = (email: string, first_name: string, last_name: string, email_verified = true, metadata = {}) => ({
      email,
      email_verified,
      first_name,
      last_name,
      metadata,
    });
    expect(Object.fromEntries(story.users())).toEqual({
      'app-user-1001': user('carla.mendes@example.com', 'Carla', 'Mendes', true, { plan: 'enterprise', seats: '25' }),
      'app-user-1002': user('dario.conti@example.it', 'Dario', 'Conti'),
      'app-user-1003': user('esther.cohen@example.com', 'Esther', 'Cohen'),
      'app-user-1004': user('felix.wagner@example.de', 'Felix', 'Wagner'),
      'app-user-1005': user('gloria.reyes@example.mx', 'Gloria', 'Reyes'),
      'app-user-1006': user('henrik.dahl@example.dk', 'Henrik', 'Dahl', false),
      'app-user-1007': user('ines.laurent@example.fr', 'Inès', 'Laurent'),
      'app-user-1008': user('jonas.berg@example.se', 'Jonas', 'Berg'),
      'app-user-1009': user('kira.novak@example.cz', 'Kira', 'Novak'),
      // The row has no external_id: the WorkOS user has none either (the key stays in the reports and the journal).
      '': user('liam.oconnor@example.ie', 'Liam', "O'Connor, Jr."),
      'app-user-1013': user('nils.eriksen@example.no', 'Nils', 'Eriksen'),
    });
  });

  it('creates the two organizations and one membership per row, with the row role slugs', () => {
    const orgs = story.emulator
      .snapshot()
      .organizations.map((o) => `${o.external_id} ${o.name}`)
      .sort();
    expect(orgs).toEqual(['acct-harbor Harbor Freight Co', 'acct-lumen Lumen Analytics']);
    expect(story.memberships()).toEqual(
      [
        'acct-harbor | app-user-1001 | admin',
        'acct-lumen | app-user-1001 | member',
        'acct-harbor | app-user-1002 | member',
        'acct-lumen | app-user-1003 | admin',
        'acct-lumen | app-user-1005 | member',
        'acct-harbor | app-user-1007 | member',
      ].sort(),
    );
  });

  it('reports every bad row with its line and column', () => {
    const { run, report, out } = first;
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    expect(report.summary).toMatchObject({
      users: { total: 13, created: 11, invalid: 2, failed: 0 },
      organizations: { total: 2, created: 2, invalid: 0 },
      memberships: { total: 8, created: 6, invalid: 2 },
      passwords: { withHash: 8, sent: 8, missing: 1, unsupported: 2, invalid: 1, reset: 3 },
    });
    expect(problemLines(report)).toEqual([
      'error invalid_email users.csv:13 email',
      'error invalid_field_type users.csv:14 email_verified',
      'error invalid_password_hash users.csv:15 password_hash',
      'error unsupported_org_id users.csv:15 org_id',
      'error user_not_imported users.csv:13 email',
      'warning default_role users.csv:9 role_slugs',
      'warning unsupported_password_hash_type users.csv:11 password_hash_type',
    ]);
    expect(report.errors.find((e) => e.code === 'invalid_field_type')).toMatchObject({ column: 4 });
    expect(passwordResetRows(out)).toEqual(['source_id', 'app-user-1009', LIAM, 'app-user-1013']);
  });
});

describe('an imported CSV user signing in to WorkOS', () => {
  /** The user's external id when signed in, or the error code WorkOS answered. */
  const outcome = (email: string, password: string) =>
    story.signIn(email, password).then(
      (session) => session.user.externalId,
      (error: { code?: string }) => error.code,
    );

  it.each([
    ['argon2', 'dario.conti@example.it', 'Csv-Argon-2!', 'app-user-1002'],
    ['pbkdf2 ($pbkdf2-sha256$)', 'esther.cohen@example.com', 'Csv-Pbkdf2-3!', 'app-user-1003'],
    ['pbkdf2 ($pbkdf2$ with d=sha256)', 'felix.wagner@example.de', 'Csv-Pbkdf2-4!', 'app-user-1004'],
    ['scrypt', 'gloria.reyes@example.mx', 'Csv-Scrypt-5!', 'app-user-1005'],
    ['ssha', 'henrik.dahl@example.dk', 'Csv-Ssha-6!', 'app-user-1006'],
    ['ssha256', 'ines.laurent@example.fr', 'Csv-Ssha256-7!', 'app-user-1007'],
    ['firebase-scrypt', 'jonas.berg@example.se', 'Csv-Firebase-8!', 'app-user-1008'],
  ])('signs in with the original password: %s', async (_type, email, password, externalId) => {
    expect(await outcome(email, password)).toBe(externalId);
    expect(await outcome(email, `${password}x`)).toBe('invalid_credentials');
  });

  it('bcrypt: the password is right, and a member of two organizations is asked to choose one', async () => {
    expect(await outcome('carla.mendes@example.com', 'Csv-Bcrypt-1!')).toBe('organization_selection_required');
    expect(await outcome('carla.mendes@example.com', 'Csv-Bcrypt-1!x')).toBe('invalid_credentials');
  });
});

describe('running the same CSV import again', () => {
  it('with the same --state writes nothing', async () => {
    const before = story.emulator.stats().writes;
    const { run, report } = await story.importRun('again');
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    expect(report.summary.users).toMatchObject({ created: 0, updated: 0, unchanged: 11 });
    expect(report.summary.memberships).toMatchObject({ created: 0, unchanged: 6 });
    expect(story.emulator.stats().writes - before).toBe(0);
  });

  it('holds no email or hash in output, reports or checkpoint', () => {
    const texts = story.runs.flatMap((r) => [
      { where: `${r.name} stdout`, text: r.run.stdout },
      { where: `${r.name} stderr`, text: r.run.stderr },
      ...filesUnder(r.out).map((f) => ({ where: f.path, text: f.text })),
    ]);
    expectNoPii([...texts, ...filesUnder(story.state).map((f) => ({ where: f.path, text: f.text }))], examplePii());
  });
});
