import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../support/cli.js';
import { examplePii, expectNoPii, filesUnder, shown, SUPABASE, type Report } from './story-support.js';
import { passwordResetRows, problemLines, startSourceStory, type SourceStory } from './source-story.js';

// A team moves the Supabase project of examples/supabase (README there) into WorkOS with a CSV
// dump of auth.users, runs it again, and its users sign in with their Supabase passwords.

const id = (n: number) => `5b0d7a10-${String(n).padStart(4, '0')}-4c3e-8e21-${String(n).padStart(12, '0')}`;

let story: SourceStory;
let first: { run: CliRun; report: Report; out: string };

beforeAll(async () => {
  story = await startSourceStory('supabase', ['--source', 'supabase', '--users', SUPABASE.users]);
  first = await story.importRun('first');
});
afterAll(async () => story?.emulator.close());

describe('importing the Supabase example into a fresh WorkOS environment', () => {
  it('holds the eight users neither banned, deleted nor without email, names from raw_user_meta_data', () => {
    const user = (email: string, first_name: string | null, last_name: string | null, email_verified = true) => ({
      email,
      email_verified,
      first_name,
      last_name,
      metadata: {},
    });
    expect(Object.fromEntries(story.users())).toEqual({
      [id(1)]: user('sam.okafor@example.com', 'Sam', 'Okafor'),
      [id(2)]: user('tara.walsh@example.ie', 'Tara', 'Walsh'),
      [id(3)]: user('uma.iyer@example.in', 'Uma', 'Iyer Rao'),
      [id(4)]: user('victor.lund@example.no', 'Victor', 'Lund', false),
      [id(5)]: user('wen.zhao@example.com', 'Wen', 'Zhao'),
      [id(8)]: user('zoe.martin@initech.example', 'Zoe', 'Martin'),
      [id(10)]: user('abel.tesfaye@example.com', 'Abel', 'Tesfaye'),
      [id(11)]: user('bea.santos@example.com', 'Bea', 'Santos'),
    });
  });

  it('reports bad rows by line and column, skips the banned and deleted users, and lists the SSO user', () => {
    const { run, report, out } = first;
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    const s = report.summary;
    expect(s.users).toMatchObject({ total: 11, created: 8, failed: 0, pending: 0 });
    expect(s.users.invalid + ((s.users as { skipped?: number }).skipped ?? 0)).toBe(3);
    expect(s.passwords).toMatchObject({ withHash: 5, sent: 5, missing: 2, unsupported: 1, invalid: 1, reset: 1 });
    expect(s.social).toEqual({ google: 1, sso: 1 });
    expect(problemLines(report)).toEqual([
      'error invalid_password_hash users.csv:11 encrypted_password',
      'error missing_email users.csv:10 email',
      'skip blocked users.csv:7 blocked',
      'skip blocked users.csv:8 blocked',
      'warning sso_user users.csv:9 is_sso_user',
    ]);
    expect(report.errors.find((e) => e.code === 'invalid_password_hash')).toMatchObject({ column: 6 });
    expect(passwordResetRows(out)).toEqual(['source_id', id(10)]);
  });
});

describe('an imported Supabase user signing in to WorkOS', () => {
  it('signs in with the Supabase password (bcrypt), and not with another', async () => {
    expect((await story.signIn('sam.okafor@example.com', 'Supabase-Pass-1!')).user.externalId).toBe(id(1));
    expect((await story.signIn('bea.santos@example.com', 'Supabase-Pass-11!')).user.externalId).toBe(id(11));
    await expect(story.signIn('tara.walsh@example.ie', 'Supabase-Pass-1!')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });
});

describe('running the same Supabase import again', () => {
  it('with the same --state writes nothing', async () => {
    const before = story.emulator.stats().writes;
    const { run, report } = await story.importRun('again');
    expect(run.code, shown(run)).toBe(0); // invalid and skipped rows are reported; an import fails only on failed writes
    expect(report.summary.users).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
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
