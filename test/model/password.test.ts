import bcrypt from 'bcryptjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPasswordHash,
  formatFirebaseScryptHash,
  parseFirebaseScryptHash,
  parsePbkdf2Hash,
} from '../../src/model/password.js';

const BCRYPT = bcrypt.hashSync('Password-1!', 4);

describe('checkPasswordHash', () => {
  it('accepts real bcrypt hashes of every prefix', () => {
    expect(checkPasswordHash('bcrypt', BCRYPT)).toEqual({ ok: true });
    for (const prefix of ['$2a$', '$2b$', '$2y$'])
      expect(checkPasswordHash('bcrypt', prefix + BCRYPT.slice(4))).toEqual({ ok: true });
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
      expect(result, hash).toMatchObject({
        ok: false,
        code: 'invalid_password_hash',
        message: expect.stringMatching(reason),
      });
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
    for (const [type, hash] of bad)
      expect(checkPasswordHash(type, hash), hash).toMatchObject({ ok: false, code: 'invalid_password_hash' });
  });

  it('accepts the layouts the guides and exporting libraries write', () => {
    const good: [Parameters<typeof checkPasswordHash>[0], string][] = [
      // The digest as a parameter rather than in the id.
      ['pbkdf2', '$pbkdf2$i=100000,d=sha256,l=32$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
      ['pbkdf2', '$pbkdf2-sha512$i=1000,d=sha512$c2FsdA$aGFzaA'],
      // passlib's scrypt example: the "adapted" base64 alphabet and no padding.
      ['scrypt', '$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E'],
      ['scrypt', '$scrypt$N=16384,r=8,p=1$c2FsdA$aGFz.aA'],
    ];
    for (const [type, hash] of good) expect(checkPasswordHash(type, hash), hash).toEqual({ ok: true });
  });

  it('refuses a pbkdf2 hash whose digest is unknown or contradicts itself', () => {
    expect(checkPasswordHash('pbkdf2', '$pbkdf2$i=1000,d=md5$c2FsdA$aGFzaA')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/digest md5/),
    });
    expect(checkPasswordHash('pbkdf2', '$pbkdf2-sha256$i=1000,d=sha512$c2FsdA$aGFzaA')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/names sha256 but the d parameter names sha512/),
    });
    expect(checkPasswordHash('pbkdf2', '$pbkdf2$i=0$c2FsdA$aGFzaA')).toMatchObject({ ok: false });
    expect(parsePbkdf2Hash('$pbkdf2$i=1000,d=SHA-256$c2FsdA$aGFzaA')).toMatchObject({
      digest: 'sha256',
      iterations: 1000,
    });
    expect(parsePbkdf2Hash('$pbkdf2$i=1000$c2FsdA$aGFzaA')).toMatchObject({ digest: 'sha1' });
  });
});

// firebase/scrypt's README: a project's hash parameters and one exported user.
const FIREBASE_SAMPLE = {
  signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
  saltSeparator: 'Bw==',
  rounds: 8,
  memCost: 14,
  salt: '42xEC+ixf3L2lw==',
  hash: 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==',
};

describe('bcrypt shape check', () => {
  // The rule as the documentation states it; the checker's hand-written fast path must agree.
  const documented = (hash: string) => {
    const match = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]*)$/.exec(hash);
    return match !== null && Number(match[1]) >= 4 && Number(match[1]) <= 31 && match[2]!.length === 53;
  };
  const nearBcrypt = fc
    .tuple(
      fc.constantFrom('$2a$', '$2b$', '$2y$', '$2x$', '$3a$', '2a$$', '$2a'),
      fc.constantFrom('04', '10', '31', '03', '32', '1x', '99', '00', '4'),
      fc.constantFrom('$', '', '$$'),
      fc.stringMatching(/^[./A-Za-z0-9]{50,55}$/),
      fc.constantFrom('', '!', 'é', ' ', '\n', '$'),
      fc.nat(60),
    )
    .map(([prefix, cost, dollar, body, odd, at]) => {
      const hash = `${prefix}${cost}${dollar}${body}`;
      return hash.slice(0, at) + odd + hash.slice(at);
    });

  it('accepts exactly the hashes the documented rule accepts', () => {
    fc.assert(
      fc.property(fc.oneof(nearBcrypt, fc.string({ maxLength: 70 })), (hash) => {
        expect(checkPasswordHash('bcrypt', hash).ok).toBe(documented(hash));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('firebase-scrypt hashes', () => {
  it("builds the PHC string of WorkOS's Firebase guide: sk, ss, r, m, then salt and hash, without padding", () => {
    const phc = formatFirebaseScryptHash(FIREBASE_SAMPLE);
    expect(phc).toBe(
      '$firebase-scrypt$sk=jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA,ss=Bw,r=8,m=14' +
        '$42xEC+ixf3L2lw$lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ',
    );
    expect(phc).not.toContain('=$');
    expect(checkPasswordHash('firebase-scrypt', phc)).toEqual({ ok: true });
  });

  it('reads both forms in circulation to the same parts', () => {
    const strip = (s: string) => s.replace(/=+$/, '');
    const migrationsCli = `$firebase-scrypt$hash=${FIREBASE_SAMPLE.hash}$salt=${FIREBASE_SAMPLE.salt}$sk=${FIREBASE_SAMPLE.signerKey}$ss=${FIREBASE_SAMPLE.saltSeparator}$r=8$m=14`;
    expect(checkPasswordHash('firebase-scrypt', migrationsCli)).toEqual({ ok: true });
    const fromCli = parseFirebaseScryptHash(migrationsCli);
    const fromGuide = parseFirebaseScryptHash(formatFirebaseScryptHash(FIREBASE_SAMPLE));
    if (typeof fromCli === 'string' || typeof fromGuide === 'string') throw new Error('not parsed');
    for (const key of ['hash', 'salt', 'signerKey', 'saltSeparator'] as const)
      expect(strip(fromCli[key])).toBe(strip(fromGuide[key]));
    expect([fromCli.rounds, fromCli.memCost, fromGuide.rounds, fromGuide.memCost]).toEqual([8, 14, 8, 14]);
  });

  it('refuses a hash without the project parameters, or with a part that is not base64', () => {
    const cases: [string, RegExp][] = [
      ['$firebase-scrypt$hash=aGFzaA==$salt=c2FsdA==', /sk, ss, r, m parts are missing/],
      ['$firebase-scrypt$sk=a2V5,ss=Bw,r=8$c2FsdA$aGFzaA', /m part is missing/],
      ['$firebase-scrypt$sk=a2V5,ss=Bw,r=8,m=99$c2FsdA$aGFzaA', /mem_cost/],
      ['$firebase-scrypt$sk=a2V5,ss=Bw,r=8,m=14$c2Fs!A$aGFzaA', /salt part is not base64/],
      ['$firebase-scrypt$sk=a2V5,ss=Bw,r=8,m=14$c2FsdA$aGFzaA$extra', /neither a known parameter/],
      ['$scrypt$ln=14,r=8,p=1$c2FsdA$aGFzaA', /does not start with \$firebase-scrypt\$/],
    ];
    for (const [hash, reason] of cases) {
      expect(checkPasswordHash('firebase-scrypt', hash), hash).toMatchObject({
        ok: false,
        message: expect.stringMatching(reason),
      });
    }
  });
});
