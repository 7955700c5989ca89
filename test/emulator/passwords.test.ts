import { createHash, randomBytes } from 'node:crypto';
import { AuthenticationException, GenericServerException, OauthException, type WorkOS } from '@workos-inc/node';
import bcrypt from 'bcryptjs';
import { argon2i, argon2id, createSHA256, createSHA512, pbkdf2, scrypt } from 'hash-wasm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/emulator/password-verify.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

// Hashes are made here by other implementations than the verifier's (bcryptjs, hash-wasm), in
// the formats users export them in, so a format mistake in the stand-in cannot cancel out.

const PASSWORD = 'correct horse battery staple';

/** PHC strings carry unpadded base64. */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

async function pbkdf2Hash(password: string, digest: 'sha256' | 'sha512', iterations: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await pbkdf2({
    password,
    salt,
    iterations,
    hashLength: 32,
    hashFunction: digest === 'sha256' ? createSHA256() : createSHA512(),
    outputType: 'binary',
  });
  return `$pbkdf2-${digest}$i=${iterations},l=32$${b64(salt)}$${b64(key)}`;
}

async function scryptHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt({
    password,
    salt,
    costFactor: 2 ** 10,
    blockSize: 8,
    parallelism: 1,
    hashLength: 32,
    outputType: 'binary',
  });
  return `$scrypt$ln=10,r=8,p=1$${b64(salt)}$${b64(key)}`;
}

function sshaHash(password: string, digest: 'sha1' | 'sha256', prefix: string): string {
  const salt = randomBytes(8);
  return prefix + Buffer.concat([createHash(digest).update(password).update(salt).digest(), salt]).toString('base64');
}

const argon2idHash = (password: string) =>
  argon2id({
    password,
    salt: randomBytes(16),
    iterations: 2,
    parallelism: 1,
    memorySize: 256,
    hashLength: 32,
    outputType: 'encoded',
  });

// The example in firebase/scrypt's README: project parameters and one exported user.
const FIREBASE = {
  password: 'user1password',
  hash: '$firebase-scrypt$hash=lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==$salt=42xEC+ixf3L2lw==$sk=jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==$ss=Bw==$r=8$m=14',
};

describe('verifyPassword', () => {
  it.each([
    ['bcrypt $2b$', async () => bcrypt.hashSync(PASSWORD, 4), 'bcrypt'],
    ['bcrypt $2a$ (Auth0)', async () => bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$/, '$2a$'), 'bcrypt'],
    ['bcrypt $2y$ (PHP)', async () => bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$/, '$2y$'), 'bcrypt'],
    ['argon2id', () => argon2idHash(PASSWORD), 'argon2'],
    [
      'argon2i',
      () =>
        argon2i({
          password: PASSWORD,
          salt: randomBytes(16),
          iterations: 2,
          parallelism: 2,
          memorySize: 256,
          hashLength: 24,
          outputType: 'encoded',
        }),
      'argon2',
    ],
    ['pbkdf2-sha256', () => pbkdf2Hash(PASSWORD, 'sha256', 1000), 'pbkdf2'],
    ['pbkdf2-sha512', () => pbkdf2Hash(PASSWORD, 'sha512', 1000), 'pbkdf2'],
    ['scrypt', () => scryptHash(PASSWORD), 'scrypt'],
    ['ssha with {SSHA}', async () => sshaHash(PASSWORD, 'sha1', '{SSHA}'), 'ssha'],
    ['ssha without a prefix', async () => sshaHash(PASSWORD, 'sha1', ''), 'ssha'],
    ['ssha256', async () => sshaHash(PASSWORD, 'sha256', '{SSHA256}'), 'ssha256'],
  ])('accepts the right password and refuses a wrong one: %s', async (_name, makeHash, type) => {
    const hash = await makeHash();
    expect(await verifyPassword(PASSWORD, { type, hash })).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, { type, hash })).toBe(false);
    expect(await verifyPassword('', { type, hash })).toBe(false);
  });

  it("verifies firebase-scrypt with Firebase's published example", async () => {
    expect(await verifyPassword(FIREBASE.password, { type: 'firebase-scrypt', hash: FIREBASE.hash })).toBe(true);
    expect(await verifyPassword('user2password', { type: 'firebase-scrypt', hash: FIREBASE.hash })).toBe(false);
  });

  it("verifies the PHC form of WorkOS's Firebase guide, built from the same published example", async () => {
    const strip = (s: string) => s.replace(/=+$/, '');
    const sk = 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==';
    const hash = `$firebase-scrypt$sk=${strip(sk)},ss=Bw,r=8,m=14$42xEC+ixf3L2lw$${strip('lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==')}`;
    expect(await verifyPassword(FIREBASE.password, { type: 'firebase-scrypt', hash })).toBe(true);
    expect(await verifyPassword('user1password ', { type: 'firebase-scrypt', hash })).toBe(false);
    // Another signer key (another project) cannot verify it.
    expect(
      await verifyPassword(FIREBASE.password, {
        type: 'firebase-scrypt',
        hash: hash.replace('sk=jxspr8', 'sk=jxspr9'),
      }),
    ).toBe(false);
  });

  it('honours the digest of $pbkdf2$ given as the d= parameter', async () => {
    const salt = randomBytes(16);
    const key = await pbkdf2({
      password: PASSWORD,
      salt,
      iterations: 1000,
      hashLength: 32,
      hashFunction: createSHA256(),
      outputType: 'binary',
    });
    const withParam = `$pbkdf2$i=1000,d=sha256$${b64(salt)}$${b64(key)}`;
    expect(await verifyPassword(PASSWORD, { type: 'pbkdf2', hash: withParam })).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, { type: 'pbkdf2', hash: withParam })).toBe(false);
    // Without the parameter the same bytes are read as SHA-1, and do not verify.
    expect(await verifyPassword(PASSWORD, { type: 'pbkdf2', hash: withParam.replace(',d=sha256', '') })).toBe(false);
  });

  it('reads PHC base64 in the adapted alphabet some libraries write', async () => {
    let hash = await pbkdf2Hash(PASSWORD, 'sha256', 1000);
    while (!hash.includes('+')) hash = await pbkdf2Hash(PASSWORD, 'sha256', 1000);
    expect(await verifyPassword(PASSWORD, { type: 'pbkdf2', hash: hash.replace(/\+/g, '.') })).toBe(true);
  });

  it('refuses hashes of another type, malformed hashes and unknown types', async () => {
    const bcryptHash = bcrypt.hashSync(PASSWORD, 4);
    expect(await verifyPassword(PASSWORD, { type: 'argon2', hash: bcryptHash })).toBe(false);
    expect(await verifyPassword(PASSWORD, { type: 'bcrypt', hash: bcryptHash.slice(0, 40) })).toBe(false);
    expect(
      await verifyPassword(PASSWORD, { type: 'md5', hash: createHash('md5').update(PASSWORD).digest('hex') }),
    ).toBe(false);
    // Node's argon2 is version 0x13 only: an older hash does not verify rather than throw.
    const old = (await argon2idHash(PASSWORD)).replace('$v=19$', '$v=16$');
    expect(await verifyPassword(PASSWORD, { type: 'argon2', hash: old })).toBe(false);
  });
});

describe('signing in through the real SDK', () => {
  let emulator: Emulator;
  let workos: WorkOS;

  beforeAll(async () => {
    emulator = await startEmulator({ clientId: 'client_emulator' });
    workos = sdkFor(emulator);
  });
  afterAll(async () => emulator?.close());
  beforeEach(() => emulator.reset());

  const signIn = (email: string, password: string) =>
    workos.userManagement.authenticateWithPassword({ email, password });

  it('signs in with a password set through the API and answers a decodable access token', async () => {
    const user = await workos.userManagement.createUser({ email: 'ada@example.com', password: PASSWORD });
    const result = await signIn('ADA@example.com', PASSWORD);
    expect(result).toMatchObject({ user: { id: user.id, email: 'ada@example.com' }, authenticationMethod: 'Password' });
    expect(result.user.lastSignInAt).not.toBeNull();
    expect(result.organizationId).toBeUndefined();
    expect(result.refreshToken).toMatch(/^[\w-]{20,}$/);
    const claims = JSON.parse(Buffer.from(result.accessToken.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: user.id, iss: emulator.url });
    expect(claims.sid).toMatch(/^session_/);
  });

  it('signs in with an imported bcrypt hash, and refuses a wrong password or an unknown email with invalid_credentials', async () => {
    await workos.userManagement.createUser({
      email: 'ada@example.com',
      passwordHash: bcrypt.hashSync(PASSWORD, 4),
      passwordHashType: 'bcrypt',
    });
    await expect(signIn('ada@example.com', PASSWORD)).resolves.toMatchObject({ user: { email: 'ada@example.com' } });

    for (const attempt of [signIn('ada@example.com', 'wrong password'), signIn('nobody@example.com', PASSWORD)]) {
      const error = await rejectionOf(attempt);
      expect(error).toBeInstanceOf(GenericServerException);
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    }
  });

  it('signs in after a hash is backfilled with an update, for each type the SDK lacks too', async () => {
    const hashes: Array<[string, string]> = [
      ['argon2', await argon2idHash(PASSWORD)],
      ['pbkdf2', await pbkdf2Hash(PASSWORD, 'sha256', 1000)],
      ['ssha', sshaHash(PASSWORD, 'sha1', '{SSHA}')],
      ['ssha256', sshaHash(PASSWORD, 'sha256', '{SSHA256}')],
      ['scrypt', await scryptHash(PASSWORD)],
    ];
    for (const [type, hash] of hashes) {
      const user = await workos.userManagement.createUser({ email: `${type}@example.com` });
      expect(await rejectionOf(signIn(`${type}@example.com`, PASSWORD))).toMatchObject({ code: 'invalid_credentials' });
      // The SDK's PasswordHashType lacks ssha256 and pbkdf2; it sends the value through unchanged.
      await workos.userManagement.updateUser({
        userId: user.id,
        passwordHash: hash,
        passwordHashType: type as 'bcrypt',
      });
      await expect(signIn(`${type}@example.com`, PASSWORD), type).resolves.toMatchObject({ user: { id: user.id } });
      expect(await rejectionOf(signIn(`${type}@example.com`, 'not it'))).toMatchObject({ code: 'invalid_credentials' });
    }
  });

  it('signs in with an imported firebase-scrypt hash', async () => {
    await workos.userManagement.createUser({
      email: 'fb@example.com',
      passwordHash: FIREBASE.hash,
      passwordHashType: 'firebase-scrypt',
    });
    await expect(signIn('fb@example.com', FIREBASE.password)).resolves.toMatchObject({
      user: { email: 'fb@example.com' },
    });
  });

  it('scopes the session to the one organization the user belongs to, and asks to choose among several', async () => {
    const user = await workos.userManagement.createUser({ email: 'ada@example.com', password: PASSWORD });
    const acme = await workos.organizations.createOrganization({ name: 'Acme' });
    await workos.userManagement.createOrganizationMembership({
      userId: user.id,
      organizationId: acme.id,
      roleSlug: 'admin',
    });
    const one = await signIn('ada@example.com', PASSWORD);
    expect(one.organizationId).toBe(acme.id);
    expect(JSON.parse(Buffer.from(one.accessToken.split('.')[1]!, 'base64url').toString('utf8'))).toMatchObject({
      org_id: acme.id,
      role: 'admin',
    });

    const globex = await workos.organizations.createOrganization({ name: 'Globex' });
    await workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: globex.id });
    const error = await rejectionOf(signIn('ada@example.com', PASSWORD));
    expect(error).toBeInstanceOf(AuthenticationException);
    expect(error).toMatchObject({ code: 'organization_selection_required' });
  });

  it('refuses another client id', async () => {
    await workos.userManagement.createUser({ email: 'ada@example.com', password: PASSWORD });
    const error = await rejectionOf(
      sdkFor(emulator, { clientId: 'client_other' }).userManagement.authenticateWithPassword({
        email: 'ada@example.com',
        password: PASSWORD,
      }),
    );
    expect(error).toBeInstanceOf(OauthException);
    expect(error).toMatchObject({ status: 400, error: 'invalid_client' });
  });
});
