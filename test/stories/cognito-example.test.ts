import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../support/cli.js';
import { COGNITO, examplePii, expectNoPii, filesUnder, shown, type Report } from './story-support.js';
import { passwordResetRows, problemLines, startSourceStory, type SourceStory } from './source-story.js';

// A team moves the Cognito user pool of examples/cognito (README there) into WorkOS with the
// output of `aws cognito-idp list-users`. Cognito exports no password hashes: the users who
// signed in with a password are listed for a reset (or Magic Auth).

const sub = (n: number) => `0b1e4c2a-000${n}-4a6f-9c55-7d1e2f30000${n}`;

let story: SourceStory;
let first: { run: CliRun; report: Report; out: string };

beforeAll(async () => {
  story = await startSourceStory('cognito', ['--source', 'cognito', '--users', COGNITO.users]);
  first = await story.importRun('first');
});
afterAll(async () => story?.emulator.close());

describe('importing the Cognito example into a fresh WorkOS environment', () => {
  it('holds the five enabled, confirmed users with an email, keyed by sub, verification from the "true"/"false" strings', () => {
    expect(Object.fromEntries(story.users())).toEqual({
      [sub(1)]: {
        email: 'kofi.mensah@example.com',
        email_verified: true,
        first_name: 'Kofi',
        last_name: 'Mensah',
        metadata: {},
      },
      [sub(2)]: {
        email: 'lena.fischer@example.de',
        email_verified: true,
        first_name: 'Lena',
        last_name: 'Fischer',
        metadata: {},
      },
      [sub(4)]: {
        email: 'noor.aziz@example.com',
        email_verified: true,
        first_name: 'Noor',
        last_name: 'Aziz',
        metadata: {},
      },
      [sub(6)]: {
        email: 'pia.koch@example.com',
        email_verified: true,
        first_name: 'Pia',
        last_name: 'Koch',
        metadata: {},
      },
      [sub(8)]: {
        email: 'rosa.diaz@example.com',
        email_verified: true,
        first_name: 'Rosa',
        last_name: 'Díaz',
        metadata: {},
      },
    });
  });

  it('lists every user who signed in with a password for a reset, and says how many', () => {
    const { run, report, out } = first;
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    expect(report.summary.passwords).toMatchObject({ withHash: 0, missing: 5, reset: 4 });
    expect(passwordResetRows(out)).toEqual(['source_id', sub(1), sub(2), sub(4), sub(8)]);
    expect(run.stdout).toMatch(/4 need a reset or Magic Auth \(password-reset\.csv\)/);
    expect(report.summary.social).toEqual({ google: 1 });
    expect(report.reenroll).toEqual([
      ['factor', 'source_id'],
      ['sms', sub(4)],
    ]);
  });

  it('puts emails in password-reset.csv only with --include-pii', async () => {
    const { out } = await story.importRun('with-pii', ['--state', story.state, '--include-pii']);
    expect(passwordResetRows(out)[0]).toBe('source_id,email');
    expect(passwordResetRows(out)).toContain(`${sub(1)},kofi.mensah@example.com`);
  });

  it('reports the user without an email, the disabled and the unconfirmed user, and the statuses, with their line', () => {
    const s = first.report.summary;
    expect(s.users).toMatchObject({ total: 8, created: 5, failed: 0, pending: 0 });
    expect(s.users).toMatchObject({ invalid: 1, skipped: 2 });
    expect(s.sourceStatuses).toEqual({ UNCONFIRMED: 1, FORCE_CHANGE_PASSWORD: 1 });
    expect(problemLines(first.report)).toEqual([
      'error missing_email users.json:195 Attributes.email',
      'skip blocked users.json:133 blocked',
      'skip status_unconfirmed users.json:65 UserStatus',
      'warning status_force_change_password users.json:220 UserStatus',
    ]);
  });
});

describe('running the same Cognito import again', () => {
  it('with the same --state writes nothing', async () => {
    const before = story.emulator.stats().writes;
    const { run, report } = await story.importRun('again');
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    expect(report.summary.users).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(story.emulator.stats().writes - before).toBe(0);
  });

  it('holds no email in output, reports (without include-pii) or checkpoint', () => {
    const texts = story.runs
      .filter((r) => r.name !== 'with-pii')
      .flatMap((r) => [
        { where: `${r.name} stdout`, text: r.run.stdout },
        { where: `${r.name} stderr`, text: r.run.stderr },
        ...filesUnder(r.out).map((f) => ({ where: f.path, text: f.text })),
      ]);
    expectNoPii([...texts, ...filesUnder(story.state).map((f) => ({ where: f.path, text: f.text }))], examplePii());
  });
});
