import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { checkPasswordHash } from '../../src/model/password.js';

const BCRYPT = bcrypt.hashSync('Password-1!', 4);

describe('checkPasswordHash', () => {
  it('accepts real bcrypt hashes of every prefix', () => {
    expect(checkPasswordHash('bcrypt', BCRYPT)).toEqual({ ok: true });
    for (const prefix of ['$2a$', '$2b$', '$2y$']) expect(checkPasswordHash('bcrypt', prefix + BCRYPT.slice(4))).toEqual({ ok: true });
  });

  it('refuses malformed bcrypt hashes, saying why without quoting them', () => {
    const cases: [string, RegExp][] = [
      ['$2x$' + BCRYPT.slice(4), /does not start with \$2a\$/],
      [BCRYPT.slice(0, 4) + '03' + BCRYPT.slice(6), /cost 03 is outside 04–31/],
      [BCRYPT.slice(0, 4) + '32' + BCRYPT.slice(6), /cost 32 is outside/],
      [BCRYPT.slice(0, 4) + '1$' + BCRYPT.slice(6), /cost is not two digits/],
      [BCRYPT.slice(0, -1), /59 characters instead of 60/],
      [BCRYPT + 'x', /61 characters instead of 60/],
      [BCRYPT.slice(0, -1) + '!', /outside the bcrypt alphabet/],
      ['', /empty/],
    ];
    for (const [hash, reason] of cases) {
      const result = checkPasswordHash('bcrypt', hash);
      expect(result, hash).toMatchObject({ ok: false, code: 'invalid_password_hash', message: expect.stringMatching(reason) });
      if (!result.ok && hash) expect(result.message).not.toContain(hash.slice(7, 20));
    }
    expect(checkPasswordHash('bcrypt', undefined)).toMatchObject({ ok: false });
  });

  it('checks the shape of the other WorkOS hash types', () => {
    const good: [Parameters<typeof checkPasswordHash>[0], string][] = [
      ['argon2', '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG'],
      ['argon2', '$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'],
      ['pbkdf2', '$pbkdf2-sha256$i=600000,l=32$c2FsdA$aGFzaGhhc2g'],
      ['scrypt', '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA'],
      ['firebase-scrypt', '$firebase-scrypt$hash=aGFzaA==$salt=c2FsdA==$sk=a2V5a2V5$ss=Bw==$r=8$m=14'],
      ['ssha', '{SSHA}' + Buffer.alloc(28, 7).toString('base64')],
      ['ssha256', Buffer.alloc(40, 7).toString('base64')],
    ];
    for (const [type, hash] of good) expect(checkPasswordHash(type, hash), hash).toEqual({ ok: true });

    const bad: [Parameters<typeof checkPasswordHash>[0], string][] = [
      ['argon2', '$argon2id$m=65536,t=3,p=4$c29tZXNhbHQ$aGFzaA'],
      ['argon2', '$argon2id$v=19$m=65536,t=3$c29tZXNhbHQ$aGFzaA'],
      ['pbkdf2', '$pbkdf2-sha256$l=32$c2FsdA$aGFzaA'],
      ['pbkdf2', 'pbkdf2_sha256$600000$salt$hash'],
      ['scrypt', '$scrypt$r=8,p=1$c2FsdA$aGFzaA'],
      ['firebase-scrypt', '$firebase-scrypt$hash=aGFzaA==$salt=c2FsdA=='],
      ['ssha', Buffer.alloc(20, 7).toString('base64')],
      ['ssha', '{SSHA256}' + Buffer.alloc(40, 7).toString('base64')],
      ['ssha256', 'not base64!'],
    ];
    for (const [type, hash] of bad) expect(checkPasswordHash(type, hash), hash).toMatchObject({ ok: false, code: 'invalid_password_hash' });
  });
});
