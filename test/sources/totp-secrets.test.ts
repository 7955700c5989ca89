import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG } from '../../src/config/mapping-config.js';
import type { SourceItem } from '../../src/model/types.js';
import { readSourceBatches, type SourceFiles, type SourceKind } from '../../src/sources/index.js';
import { checkTotpSecret } from '../../src/sources/totp-secret.js';

// Where each source keeps its users' TOTP secrets, read into factors that move (valid, verified
// secrets) or re-enrollments that say why (SMS, unverified, malformed, missing).

const dir = mkdtempSync(join(tmpdir(), 'totp-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const VALID = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

async function read(source: SourceKind, files: SourceFiles) {
  const all: SourceItem[] = [];
  for await (const batch of readSourceBatches(source, files, DEFAULT_MAPPING_CONFIG)) all.push(...batch);
  const users = new Map(all.flatMap((i) => (i.kind === 'user' ? [[i.record.sourceId, i.record] as const] : [])));
  return {
    mfa: (id: string) => users.get(id)?.mfaFactors,
    factors: all.flatMap((i) => (i.kind === 'factor' ? [[i.record.userSourceId, i.record.secret]] : [])),
    problems: all.flatMap((i) => (i.kind === 'problem' ? [[i.problem.sourceId, i.problem.code]] : [])),
  };
}

describe('checkTotpSecret', () => {
  it('accepts Base32 as authenticator apps show it, and sends it in one form', () => {
    expect(checkTotpSecret(VALID)).toEqual({ ok: true, secret: VALID });
    expect(checkTotpSecret('jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp')).toEqual({ ok: true, secret: VALID });
    expect(checkTotpSecret(`${VALID.slice(0, 26)}======`)).toEqual({ ok: true, secret: VALID.slice(0, 26) });
  });

  it('says what is wrong by position and length, never quoting the secret', () => {
    const cases: [string, RegExp][] = [
      ['JBSWY3DPEHPK3PX1', /character 16 is not Base32/],
      ['JBSWY3DPEHPK', /12 characters; at least 16/],
      ['JBSWY3DPEHPK3PXPJ', /not a whole number of bytes/],
      ['   ', /blank/],
    ];
    for (const [secret, reason] of cases) {
      const check = checkTotpSecret(secret);
      expect(check.ok).toBe(false);
      if (check.ok) continue;
      expect(check.problem).toMatch(reason);
      expect(check.problem).not.toContain(secret.trim().slice(0, 8) || '\u0000');
    }
  });
});

describe('Supabase: auth.mfa_factors as a second file (--mfa)', () => {
  const users = file(
    'users.csv',
    [
      'id,email,encrypted_password,email_confirmed_at',
      'u1,one@example.com,,2024-01-01 00:00:00+00',
      'u2,two@example.com,,2024-01-01 00:00:00+00',
      'u3,three@example.com,,2024-01-01 00:00:00+00',
      'u4,four@example.com,,2024-01-01 00:00:00+00',
    ].join('\n'),
  );
  const factors = file(
    'mfa_factors.csv',
    [
      'id,user_id,friendly_name,factor_type,status,created_at,updated_at,secret,phone',
      `f1,u1,app,totp,verified,2024-01-01,2024-01-01,${VALID},`,
      'f2,u2,phone,phone,verified,2024-01-01,2024-01-01,,+15550100',
      `f3,u3,app,totp,unverified,2024-01-01,2024-01-01,${OTHER},`,
      'f4,u4,app,totp,verified,2024-01-01,2024-01-01,NOT-BASE32-0189,',
      `f5,u9,app,totp,verified,2024-01-01,2024-01-01,${OTHER},`,
    ].join('\n'),
  );

  it('moves verified TOTP factors with valid secrets; SMS, unverified and malformed ones re-enroll', async () => {
    const read_ = await read('supabase', { users, mfa: factors });
    expect(read_.factors).toEqual([['u1', VALID]]);
    expect(read_.mfa('u1')).toEqual([]);
    expect(read_.mfa('u2')).toEqual(['sms']);
    expect(read_.mfa('u3')).toEqual(['totp']);
    expect(read_.mfa('u4')).toEqual(['totp']);
    expect(read_.problems).toEqual([
      ['u3', 'totp_not_moved'],
      ['u4', 'invalid_totp_secret'],
      ['u9', 'mfa_user_not_found'],
    ]);
  });
});

describe('Auth0: the MFA export from Auth0 support (--mfa)', () => {
  const users = file(
    'users.ndjson',
    [
      { user_id: 'auth0|a1', email: 'a1@example.com', email_verified: true, multifactor: ['google-authenticator'] },
      { user_id: 'auth0|a2', email: 'a2@example.com', email_verified: true, multifactor: ['google-authenticator'] },
      { user_id: 'auth0|a3', email: 'a3@example.com', email_verified: true, multifactor: ['sms'] },
    ]
      .map((u) => JSON.stringify(u))
      .join('\n'),
  );
  const mfa = file(
    'mfa.ndjson',
    [
      { user_id: 'auth0|a1', tenant: 't', type: 'otp', otp_secret: VALID },
      { user_id: 'auth0|a1', tenant: 't', type: 'recovery-code', recovery_code: '$2b$10$abcdefghijklmnopqrstuv' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n'),
  );

  it('moves the otp secret; a user whose secret is not in the file re-enrolls', async () => {
    const read_ = await read('auth0', { users, mfa });
    expect(read_.factors).toEqual([['auth0|a1', VALID]]);
    expect(read_.mfa('auth0|a1')).toEqual([]);
    expect(read_.mfa('auth0|a2')).toEqual(['totp']);
    expect(read_.mfa('auth0|a3')).toEqual(['sms']);
  });

  it('is refused for a source that keeps its secrets in the user file', async () => {
    await expect(read('clerk', { users, mfa })).rejects.toThrow(/--mfa is for Auth0/);
  });
});

describe('the generic CSV: a totp_secret column', () => {
  it('moves a valid secret and re-enrolls a malformed one', async () => {
    const users = file(
      'generic.csv',
      [
        'email,external_id,totp_secret',
        `g1@example.com,g1,${VALID}`,
        'g2@example.com,g2,tooshort',
        'g3@example.com,g3,',
      ].join('\n'),
    );
    const read_ = await read('csv', { users });
    expect(read_.factors).toEqual([['g1', VALID]]);
    expect(read_.mfa('g1')).toEqual([]);
    expect(read_.mfa('g2')).toEqual(['totp']);
    expect(read_.mfa('g3')).toEqual([]);
    expect(read_.problems).toEqual([['g2', 'invalid_totp_secret']]);
  });
});
