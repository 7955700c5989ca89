import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { argon2i, argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/emulator/password-verify.js';
import { checkPasswordHash } from '../../../src/model/password.js';
import { convertClerkPassword, type ClerkPasswordConversion } from '../../../src/sources/clerk/password-hashers.js';

const PASSWORD = 'correct horse battery staple';

/** The converted hash, after checking it passes the shape check WorkOS's API applies. */
function convertedHash(conversion: ClerkPasswordConversion) {
  expect(conversion.kind).toBe('converted');
  if (conversion.kind !== 'converted') throw new Error('not converted');
  expect(checkPasswordHash(conversion.password.type, conversion.password.hash)).toEqual({ ok: true });
  return conversion.password;
}

async function expectVerifies(conversion: ClerkPasswordConversion): Promise<void> {
  const password = convertedHash(conversion);
  expect(await verifyPassword(PASSWORD, password)).toBe(true);
  expect(await verifyPassword(`${PASSWORD}!`, password)).toBe(false);
}

describe('convertClerkPassword', () => {
  it('passes bcrypt digests through', async () => {
    const digest = bcrypt.hashSync(PASSWORD, 4);
    const conversion = convertClerkPassword('bcrypt', digest);
    expect(conversion).toEqual({ kind: 'converted', password: { type: 'bcrypt', hash: digest } });
    await expectVerifies(conversion);
  });

  it('imports argon2id and argon2i PHC strings as WorkOS argon2', async () => {
    const salt = randomBytes(16);
    const id = await argon2id({
      password: PASSWORD,
      salt,
      parallelism: 1,
      iterations: 2,
      memorySize: 1024,
      hashLength: 32,
      outputType: 'encoded',
    });
    const i = await argon2i({
      password: PASSWORD,
      salt,
      parallelism: 1,
      iterations: 2,
      memorySize: 1024,
      hashLength: 32,
      outputType: 'encoded',
    });
    expect(convertedHash(convertClerkPassword('argon2id', id))).toEqual({ type: 'argon2', hash: id });
    await expectVerifies(convertClerkPassword('argon2id', id));
    await expectVerifies(convertClerkPassword('argon2i', i));
    expect(convertClerkPassword('argon2i', id).kind).toBe('malformed');
  });

  it('turns pbkdf2_sha256 (base64 salt and hash) into the PHC form, verifying the same password', async () => {
    const salt = randomBytes(12);
    const hash = pbkdf2Sync(PASSWORD, salt, 1000, 32, 'sha256');
    const conversion = convertClerkPassword(
      'pbkdf2_sha256',
      `pbkdf2_sha256$1000$${salt.toString('base64')}$${hash.toString('base64')}`,
    );
    expect(convertedHash(conversion).hash).toBe(
      `$pbkdf2-sha256$i=1000,l=32$${salt.toString('base64').replace(/=+$/, '')}$${hash.toString('base64').replace(/=+$/, '')}`,
    );
    await expectVerifies(conversion);
  });

  it("reads Django's pbkdf2_sha256 digest with its plain-text salt", async () => {
    const salt = 'q8ZyG3nUfK2mW1pRtX9aBc';
    const hash = pbkdf2Sync(PASSWORD, salt, 1200, 32, 'sha256');
    await expectVerifies(
      convertClerkPassword('pbkdf2_sha256_django', `pbkdf2_sha256$1200$${salt}$${hash.toString('base64')}`),
    );
  });

  it('reads pbkdf2_sha512 with a hex hash, and pbkdf2_sha1 with hex or plain salt and an optional key length', async () => {
    const sha512 = pbkdf2Sync(PASSWORD, 'plainsalt', 1000, 64, 'sha512').toString('hex');
    await expectVerifies(convertClerkPassword('pbkdf2_sha512', `pbkdf2_sha512$1000$plainsalt$${sha512}`));

    const hexSalt = randomBytes(8);
    const sha1 = pbkdf2Sync(PASSWORD, hexSalt, 1000, 20, 'sha1').toString('hex');
    await expectVerifies(convertClerkPassword('pbkdf2_sha1', `pbkdf2_sha1$1000$${hexSalt.toString('hex')}$${sha1}$20`));
    const plain = pbkdf2Sync(PASSWORD, 'not-hex!', 1000, 32, 'sha1').toString('hex');
    await expectVerifies(convertClerkPassword('pbkdf2_sha1', `pbkdf2_sha1$1000$not-hex!$${plain}`));
    expect(convertClerkPassword('pbkdf2_sha1', `pbkdf2_sha1$1000$not-hex!$${plain}$20`).kind).toBe('malformed');
  });

  it('carries a scrypt_firebase digest into firebase-scrypt with the project parameters it holds', async () => {
    // The example from the firebase-scrypt crate's documentation: project parameters, then one user.
    const signerKey = 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==';
    const hash = 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==';
    const conversion = convertClerkPassword('scrypt_firebase', `${hash}$42xEC+ixf3L2lw==$${signerKey}$Bw==$8$14`);
    const password = convertedHash(conversion);
    expect(password.type).toBe('firebase-scrypt');
    const b64 = (text: string) => text.replace(/=+$/, '');
    expect(password.hash).toBe(`$firebase-scrypt$sk=${b64(signerKey)},ss=Bw,r=8,m=14$42xEC+ixf3L2lw$${b64(hash)}`);
    expect(await verifyPassword('user1password', password)).toBe(true);
    expect(await verifyPassword('user2password', password)).toBe(false);
    expect(convertClerkPassword('scrypt_firebase', `${hash}$42xEC+ixf3L2lw==$8$14`).kind).toBe('malformed');
  });

  it('imports LDAP salted SHA-1 as ssha', async () => {
    const salt = randomBytes(8);
    const digest = `{SSHA}${Buffer.concat([createHash('sha1').update(PASSWORD).update(salt).digest(), salt]).toString('base64')}`;
    await expectVerifies(convertClerkPassword('ldap_ssha', digest));
  });

  it('leaves hashers WorkOS cannot verify without a password, saying which', () => {
    const md5 = createHash('md5').update(PASSWORD).digest('hex');
    for (const [hasher, digest] of [
      ['md5', md5],
      ['sha256', createHash('sha256').update(PASSWORD).digest('hex')],
      ['bcrypt_sha256_django', `bcrypt_sha256$${bcrypt.hashSync('x', 4)}`],
      ['phpass', '$P$B12345678abcdefghijklmnopqrstu'],
      ['some_future_hasher', 'x'],
    ] as const) {
      const conversion = convertClerkPassword(hasher, digest);
      expect(conversion.kind, hasher).toBe('unsupported');
      expect(conversion.kind === 'unsupported' && conversion.reason).toContain(hasher);
      expect(JSON.stringify(conversion)).not.toContain(digest);
    }
  });

  it('describes a malformed digest without repeating it', () => {
    const cases = [
      ['pbkdf2_sha256', 'pbkdf2_sha256$lots$c2FsdHNhbHQ=$aGFzaGhhc2g='],
      ['pbkdf2_sha256', 'pbkdf2_sha256$1000$c2FsdHNhbHQ=$not base64!'],
      ['pbkdf2_sha512', 'pbkdf2_sha512$1000$salt$nothex'],
      ['pbkdf2_sha256', 'pbkdf2_sha512$1000$c2FsdA==$aGFzaA=='],
      ['scrypt_firebase', 'aGFzaA==$c2FsdA==$c2s=$c3M=$eight$14'],
    ] as const;
    for (const [hasher, digest] of cases) {
      const conversion = convertClerkPassword(hasher, digest);
      expect(conversion.kind, digest).toBe('malformed');
      const message = conversion.kind === 'malformed' ? conversion.message : '';
      expect(message).toMatch(/layout/);
      for (const part of digest
        .split('$')
        .slice(1)
        .filter((p) => p.length > 4))
        expect(message).not.toContain(part);
    }
  });
});
