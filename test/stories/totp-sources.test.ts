import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { base32 } from '../../src/emulator/factors.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { cli, readReport, shown, tempDir } from './story-support.js';

// TOTP secrets through the built CLI, beyond the Clerk story: a Supabase project whose factors
// are a second file (--mfa), and an import whose enroll answers get lost on the way back
// (WorkOS enrolled, the client cannot know): still exactly one factor per user.

let emulator: Emulator;
const work = tempDir('totp-sources');
const outs: string[] = [];
beforeAll(async () => {
  emulator = await startEmulator({ seed: 7, writeLimit: { requests: 100_000, windowMs: 10_000 } });
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  await emulator?.close();
  rmSync(work, { recursive: true, force: true });
  for (const out of outs) rmSync(out, { recursive: true, force: true });
});

async function importRun(args: string[]) {
  const out = tempDir('totp-sources-out');
  outs.push(out);
  const run = await cli(['import', '--out', out, '--api-url', emulator.url, ...args]);
  return { run, report: readReport(out) };
}

function secretsOf(email: string): string[] {
  const user = emulator.snapshot().users.find((u) => u.email === email);
  return user ? emulator.factorsOf(user.id).map((f) => f.secret) : [];
}

describe('Supabase with auth.mfa_factors given as --mfa', () => {
  it('enrolls the verified TOTP factor and sends the phone factor to re-enrollment', async () => {
    const secret = base32(randomBytes(20));
    const users = join(work, 'users.csv');
    const factors = join(work, 'mfa_factors.csv');
    writeFileSync(
      users,
      'id,email,encrypted_password,email_confirmed_at\n' +
        's1,s1@supabase-story.example,,2024-01-01 00:00:00+00\n' +
        's2,s2@supabase-story.example,,2024-01-01 00:00:00+00\n',
    );
    writeFileSync(
      factors,
      'id,user_id,friendly_name,factor_type,status,created_at,updated_at,secret,phone\n' +
        `f1,s1,app,totp,verified,2024-01-01,2024-01-01,${secret},\n` +
        'f2,s2,phone,phone,verified,2024-01-01,2024-01-01,,+15550100\n',
    );
    const { run, report } = await importRun(['--source', 'supabase', '--users', users, '--mfa', factors]);
    expect(run.code, shown(run)).toBe(0);
    expect(secretsOf('s1@supabase-story.example')).toEqual([secret]);
    expect(secretsOf('s2@supabase-story.example')).toEqual([]);
    expect(report.reenroll.slice(1)).toEqual([['sms', 's2']]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
  });
});

describe('enroll answers lost after WorkOS enrolled', () => {
  it('still gives each user exactly one factor', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: `user_lost_${i}`,
      email: `lost${i}@totp-story.example`,
      secret: base32(randomBytes(20)),
    }));
    const users = join(work, 'lost.csv');
    writeFileSync(
      users,
      'id,primary_email_address,verified_email_addresses,totp_secret\n' +
        rows.map((r) => `${r.id},${r.email},${r.email},${r.secret}`).join('\n'),
    );
    emulator.setFaults({
      rules: [
        { match: { method: 'POST', path: '^/user_management/users/[^/]+/auth_factors$' }, afterCommitFailureRate: 0.4 },
      ],
    });
    const { run, report } = await importRun([
      '--source',
      'clerk',
      '--users',
      users,
      '--state',
      join(work, 'lost-state'),
    ]);
    expect(run.code, shown(run)).toBe(0);
    expect(report.summary.factors).toMatchObject({ total: 30, failed: 0, pending: 0 });
    expect(report.summary.requests?.transient).toBeGreaterThan(0);
    for (const row of rows) expect(secretsOf(row.email), row.id).toEqual([row.secret]);
  });
});
