import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { armor as ageArmor, Encrypter as AgeEncrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { openByteStream } from '../../src/io/byte-stream.js';
import { cleanupInputs, resolveInputLocation, type InputContext } from '../../src/io/input-location.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'encrypted');
const FIXTURE_PASSPHRASE = 'fixture passphrase: not a secret';
const PLAINTEXT = readFileSync(join(FIXTURES, 'users.ndjson'), 'utf8');
const PASSPHRASE = 'Tr0ub4dor&3 staple battery';
const USERS =
  '{"user_id":"auth0|1","email":"secret.person@example.com"}\n{"user_id":"auth0|2","email":"other.person@example.com"}\n';

const contexts: InputContext[] = [];
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await cleanupInputs(ctx);
});

function context(overrides: Partial<InputContext> = {}): InputContext {
  const ctx: InputContext = { tempDir: tempDirForFile('input-location-'), env: {}, ...overrides };
  contexts.push(ctx);
  return ctx;
}

/** A scratch directory standing in for the repository checkout. */
function repoDir(): string {
  return tempDirForFile('input-location-repo-');
}

/** What the readers will see: the bytes through openByteStream (gunzipped when gzip). */
async function readThrough(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openByteStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every file under the context's temp dir, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function failure(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

/** `gpg --symmetric --cipher-algo AES256`, imitated with openpgp.js: a SKESK packet, then SEIPD. */
async function gpgSymmetric(
  plain: Uint8Array | string,
  options: { armor?: boolean; passphrase?: string; aead?: boolean } = {},
) {
  const message = await openpgp.createMessage({ binary: typeof plain === 'string' ? Buffer.from(plain) : plain });
  const config = { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes256, aeadProtect: options.aead ?? false };
  const passwords = [options.passphrase ?? PASSPHRASE];
  return options.armor
    ? openpgp.encrypt({ message, passwords, config, format: 'armored' })
    : Buffer.from(await openpgp.encrypt({ message, passwords, config, format: 'binary' }));
}

/**
 * What GnuPG 2.3+/2.4 (ubuntu-24.04 runners) writes for `gpg --symmetric`: a v5 SKESK and an
 * OCB AEAD Encrypted Data packet (tag 20), which openpgp.js never writes by itself.
 */
async function gnupg24Symmetric(plain: string, passphrase = PASSPHRASE): Promise<Buffer> {
  // openpgp.js types these packet fields as internal; this is the shape the test relies on.
  interface RawSessionKeyPacket {
    version: number;
    sessionKeyAlgorithm: number;
    aeadAlgorithm: number;
    sessionKey: Uint8Array;
    encrypt(passphrase: string, config: openpgp.Config): Promise<void>;
  }
  interface RawAeadPacket {
    aeadAlgorithm: number;
    packets: openpgp.PacketList<openpgp.AnyPacket>;
    encrypt(algorithm: number, key: Uint8Array, config: openpgp.Config): Promise<void>;
  }
  const config: openpgp.Config = { ...openpgp.config, s2kIterationCountByte: 96 };
  const skesk = new openpgp.SymEncryptedSessionKeyPacket() as unknown as RawSessionKeyPacket;
  skesk.version = 5;
  skesk.sessionKeyAlgorithm = openpgp.enums.symmetric.aes256;
  skesk.aeadAlgorithm = openpgp.enums.aead.ocb;
  await skesk.encrypt(passphrase, config);
  const literal = new openpgp.LiteralDataPacket() as unknown as { setBytes(bytes: Uint8Array, format: number): void };
  literal.setBytes(Buffer.from(plain), openpgp.enums.literal.binary);
  const data = new openpgp.AEADEncryptedDataPacket() as unknown as RawAeadPacket;
  data.aeadAlgorithm = openpgp.enums.aead.ocb;
  data.packets = new openpgp.PacketList();
  data.packets.push(literal as unknown as openpgp.AnyPacket);
  await data.encrypt(openpgp.enums.symmetric.aes256, skesk.sessionKey, config);
  const packets = new openpgp.PacketList<openpgp.AnyPacket>();
  packets.push(skesk as unknown as openpgp.AnyPacket, data as unknown as openpgp.AnyPacket);
  // PacketList.write() answers an openpgp.js array stream here, not bytes.
  const reader = (packets.write() as unknown as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return Buffer.concat(chunks);
}

/** `age --passphrase` with a low scrypt work factor, so the test stays fast. */
async function ageWithPassphrase(
  plain: string,
  options: { armor?: boolean; passphrase?: string } = {},
): Promise<Buffer | string> {
  const encrypter = new AgeEncrypter();
  encrypter.setPassphrase(options.passphrase ?? PASSPHRASE);
  encrypter.setScryptWorkFactor(10);
  const encrypted = await encrypter.encrypt(plain);
  return options.armor ? ageArmor.encode(encrypted) : Buffer.from(encrypted);
}

describe('a path in the repository', () => {
  it('is returned as it is, plain or gzip, and cleanup leaves it alone', async () => {
    const repo = repoDir();
    writeFileSync(join(repo, 'users.ndjson'), USERS);
    writeFileSync(join(repo, 'users.ndjson.gz'), gzipSync(USERS));
    const ctx = context();

    expect(await resolveInputLocation(join(repo, 'users.ndjson'), ctx)).toEqual({
      path: join(repo, 'users.ndjson'),
      label: join(repo, 'users.ndjson'),
    });
    const gz = await resolveInputLocation(join(repo, 'users.ndjson.gz'), ctx);
    expect(gz.path).toBe(join(repo, 'users.ndjson.gz'));
    expect(await readThrough(gz.path)).toBe(USERS);

    await cleanupInputs(ctx);
    expect(readFileSync(join(repo, 'users.ndjson'), 'utf8')).toBe(USERS);
    expect(filesUnder(ctx.tempDir)).toEqual([]);
  });

  it('that does not exist is a usage error naming it', async () => {
    const error = await failure(resolveInputLocation('exports/missing-users.ndjson', context()));
    expect(error.message).toBe(
      'exports/missing-users.ndjson: file not found; check the path (relative paths start at the working directory).',
    );
  });

  it('that looks like another kind of location says how locations are written', async () => {
    const error = await failure(resolveInputLocation('secret:AUTH0_USERS', context()));
    expect(error.message).toMatch(
      /^secret:AUTH0_USERS: file not found; .*only env:NAME and artifact:NAME are read from elsewhere/,
    );
  });

  it('that is a directory is a usage error', async () => {
    const error = await failure(resolveInputLocation(repoDir(), context()));
    expect(error.message).toMatch(/is a directory, not a file/);
  });
});

describe('an OpenPGP-encrypted file', () => {
  it('made by the real gpg (binary and armored) decrypts to the export', async () => {
    const ctx = context({ passphrase: FIXTURE_PASSPHRASE });
    for (const name of ['users.ndjson.gpg', 'users.ndjson.asc']) {
      const resolved = await resolveInputLocation(join(FIXTURES, name), ctx);
      expect(resolved.label).toBe(join(FIXTURES, name));
      expect(resolved.path.startsWith(ctx.tempDir)).toBe(true);
      expect(await readThrough(resolved.path)).toBe(PLAINTEXT);
    }
  });

  it('is recognised by its content whatever it is named, and a gzip inside stays for the reader', async () => {
    const repo = repoDir();
    writeFileSync(join(repo, 'users.json.gz'), await gpgSymmetric(gzipSync(USERS)));
    writeFileSync(join(repo, 'users.txt'), await gpgSymmetric(USERS, { armor: true }));
    const ctx = context({ passphrase: PASSPHRASE });

    const binary = await resolveInputLocation(join(repo, 'users.json.gz'), ctx);
    expect(readFileSync(binary.path).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await readThrough(binary.path)).toBe(USERS);
    expect(await readThrough((await resolveInputLocation(join(repo, 'users.txt'), ctx)).path)).toBe(USERS);
  });

  it('in the newer AEAD formats (GnuPG 2.4 OCB, RFC 9580 SEIPDv2) decrypts too', async () => {
    const repo = repoDir();
    const gnupg24 = await gnupg24Symmetric(USERS);
    // A v5 SKESK (new-format tag 3), then an AEAD Encrypted Data packet (tag 20): GnuPG 2.4's layout.
    expect([gnupg24[0], gnupg24[2], gnupg24[2 + gnupg24[1]!]]).toEqual([0xc3, 5, 0xd4]);
    writeFileSync(join(repo, 'gnupg24.gpg'), gnupg24);
    writeFileSync(join(repo, 'rfc9580.gpg'), await gpgSymmetric(USERS, { aead: true }));
    const ctx = context({ passphrase: PASSPHRASE });
    expect(await readThrough((await resolveInputLocation(join(repo, 'gnupg24.gpg'), ctx)).path)).toBe(USERS);
    expect(await readThrough((await resolveInputLocation(join(repo, 'rfc9580.gpg'), ctx)).path)).toBe(USERS);
  });

  it('of several megabytes, written as a stream like gpg reading stdin, decrypts byte for byte', async () => {
    const lines = Array.from(
      { length: 40_000 },
      (_, i) => `{"user_id":"auth0|${i}","email":"user${i}@example.com","app_metadata":{"plan":"pro"}}\n`,
    ).join('');
    const plain = Buffer.from(lines);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < plain.length; at += 65_536) controller.enqueue(plain.subarray(at, at + 65_536));
        controller.close();
      },
    });
    const message = await openpgp.createMessage({ binary: stream });
    const encrypted = await openpgp.encrypt({ message, passwords: [PASSPHRASE], format: 'binary' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of encrypted as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    const repo = repoDir();
    writeFileSync(join(repo, 'big.ndjson.gpg'), Buffer.concat(chunks));

    const resolved = await resolveInputLocation(join(repo, 'big.ndjson.gpg'), context({ passphrase: PASSPHRASE }));
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(readFileSync(resolved.path))).toBe(sha(plain));
  });

  it('without a passphrase says so and names the file', async () => {
    const error = await failure(resolveInputLocation(join(FIXTURES, 'users.ndjson.gpg'), context()));
    expect(error.message).toBe(
      `${join(FIXTURES, 'users.ndjson.gpg')} is encrypted with OpenPGP (gpg) but no passphrase was given: pass the passphrase it was encrypted with.`,
    );
  });

  it('with a wrong passphrase fails without showing the passphrase or leaving anything behind', async () => {
    const repo = repoDir();
    mkdirSync(join(repo, 'exports'));
    writeFileSync(join(repo, 'exports', 'users.ndjson.gpg'), await gpgSymmetric(USERS));
    const wrong = 'hunter2-not-the-passphrase';
    const ctx = context({ passphrase: wrong });
    const previous = process.cwd();
    process.chdir(repo);
    try {
      for (const name of ['exports/users.ndjson.gpg', join(FIXTURES, 'users.ndjson.gpg')]) {
        const error = await failure(resolveInputLocation(name, ctx));
        expect(error.message).toMatch(
          new RegExp(
            `^could not decrypt ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: wrong passphrase or not a symmetrically encrypted file`,
          ),
        );
        expect(error.message).not.toContain(wrong);
        expect(error.message).not.toContain('example.com');
      }
    } finally {
      process.chdir(previous);
    }
    expect(filesUnder(ctx.tempDir)).toEqual([]);
  });

  it('that was tampered with is refused, and no partial plaintext is left', async () => {
    const repo = repoDir();
    const encrypted = await gpgSymmetric(USERS.repeat(50));
    encrypted[encrypted.length - 30]! ^= 0x01;
    writeFileSync(join(repo, 'users.ndjson.gpg'), encrypted);
    const ctx = context({ passphrase: PASSPHRASE });
    const error = await failure(resolveInputLocation(join(repo, 'users.ndjson.gpg'), ctx));
    expect(error.message).toMatch(/could not decrypt .*users\.ndjson\.gpg/);
    expect(filesUnder(ctx.tempDir)).toEqual([]);
  });

  it('encrypted to a public key says to use --symmetric', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      userIDs: [{ name: 'ops' }],
      type: 'curve25519',
      format: 'object',
    });
    const message = await openpgp.createMessage({ text: USERS });
    const repo = repoDir();
    writeFileSync(
      join(repo, 'users.ndjson.gpg'),
      Buffer.from(await openpgp.encrypt({ message, encryptionKeys: publicKey, format: 'binary' })),
    );
    expect(privateKey.isPrivate()).toBe(true);
    const error = await failure(
      resolveInputLocation(join(repo, 'users.ndjson.gpg'), context({ passphrase: PASSPHRASE })),
    );
    expect(error.message).toMatch(
      /encrypted to an OpenPGP public key, not with a passphrase; encrypt it with gpg --symmetric/,
    );
  });

  it('named .gpg but holding something else is a decryption error, not garbage for the reader', async () => {
    const repo = repoDir();
    writeFileSync(join(repo, 'users.ndjson.gpg'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]));
    const error = await failure(
      resolveInputLocation(join(repo, 'users.ndjson.gpg'), context({ passphrase: PASSPHRASE })),
    );
    expect(error.message).toMatch(
      /^could not decrypt .*users\.ndjson\.gpg: wrong passphrase or not a symmetrically encrypted file/,
    );
  });

  it.runIf(hasGpg())("made by this machine's gpg right now decrypts too", async () => {
    const repo = repoDir();
    const home = tempDirForFile('gnupg-');
    writeFileSync(join(repo, 'users.ndjson'), USERS);
    execFileSync(
      'gpg',
      [
        '--homedir',
        home,
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        PASSPHRASE,
        '--symmetric',
        '--cipher-algo',
        'AES256',
        '-o',
        join(repo, 'users.ndjson.gpg'),
        join(repo, 'users.ndjson'),
      ],
      { stdio: 'ignore' },
    );
    const resolved = await resolveInputLocation(join(repo, 'users.ndjson.gpg'), context({ passphrase: PASSPHRASE }));
    expect(await readThrough(resolved.path)).toBe(USERS);
  });
});

function hasGpg(): boolean {
  try {
    execFileSync('gpg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('an age-encrypted file', () => {
  it('made by the real age CLI decrypts to the export', async () => {
    const resolved = await resolveInputLocation(
      join(FIXTURES, 'users.ndjson.age'),
      context({ passphrase: FIXTURE_PASSPHRASE }),
    );
    expect(await readThrough(resolved.path)).toBe(PLAINTEXT);
  });

  it('binary or armored, named anything, decrypts with the passphrase', async () => {
    const repo = repoDir();
    writeFileSync(join(repo, 'users.bin'), await ageWithPassphrase(USERS));
    writeFileSync(join(repo, 'users.txt'), `\n${String(await ageWithPassphrase(USERS, { armor: true }))}`);
    const ctx = context({ passphrase: PASSPHRASE });
    expect(await readThrough((await resolveInputLocation(join(repo, 'users.bin'), ctx)).path)).toBe(USERS);
    expect(await readThrough((await resolveInputLocation(join(repo, 'users.txt'), ctx)).path)).toBe(USERS);
  });

  it('with a wrong passphrase fails without showing it', async () => {
    const repo = repoDir();
    writeFileSync(join(repo, 'users.ndjson.age'), await ageWithPassphrase(USERS));
    const ctx = context({ passphrase: 'not-it' });
    const error = await failure(resolveInputLocation(join(repo, 'users.ndjson.age'), ctx));
    expect(error.message).toBe(
      `could not decrypt ${join(repo, 'users.ndjson.age')}: wrong passphrase or not a symmetrically encrypted file; check the passphrase and that the file was made with age --passphrase.`,
    );
    expect(filesUnder(ctx.tempDir)).toEqual([]);
  });

  it('without a passphrase says so', async () => {
    const repo = repoDir();
    writeFileSync(join(repo, 'users.ndjson.age'), await ageWithPassphrase(USERS));
    const error = await failure(resolveInputLocation(join(repo, 'users.ndjson.age'), context()));
    expect(error.message).toMatch(/users\.ndjson\.age is encrypted with age but no passphrase was given/);
  });

  it('encrypted to an age key says a passphrase is needed instead', async () => {
    const encrypter = new AgeEncrypter();
    encrypter.addRecipient(await identityToRecipient(await generateIdentity()));
    const repo = repoDir();
    writeFileSync(join(repo, 'users.ndjson.age'), await encrypter.encrypt(USERS));
    const error = await failure(
      resolveInputLocation(join(repo, 'users.ndjson.age'), context({ passphrase: PASSPHRASE })),
    );
    expect(error.message).toMatch(
      /encrypted to an age key \(X25519\), not with a passphrase; encrypt it with age --passphrase/,
    );
  });

  it('that is truncated after the header is reported as damaged, with nothing left behind', async () => {
    const repo = repoDir();
    const whole = (await ageWithPassphrase(USERS.repeat(3000))) as Buffer;
    writeFileSync(join(repo, 'users.ndjson.age'), whole.subarray(0, whole.length - 100));
    const ctx = context({ passphrase: PASSPHRASE });
    const error = await failure(resolveInputLocation(join(repo, 'users.ndjson.age'), ctx));
    expect(error.message).toMatch(/the passphrase is right but the file is damaged or truncated/);
    expect(filesUnder(ctx.tempDir)).toEqual([]);
  });
});

describe('env:NAME', () => {
  it('writes a plain value to a private file and labels it by name only', async () => {
    const ctx = context({ env: { AUTH0_USERS: USERS } });
    const resolved = await resolveInputLocation('env:AUTH0_USERS', ctx);
    expect(resolved.label).toBe('env:AUTH0_USERS');
    expect(resolved.path.startsWith(ctx.tempDir)).toBe(true);
    expect(await readThrough(resolved.path)).toBe(USERS);
    expect(statSync(resolved.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(resolved.path, '..')).mode & 0o777).toBe(0o700);
  });

  it('decodes base64 of the file, of a gzip, and of a gpg file, wrapped in lines like `base64` prints', async () => {
    const wrap = (text: string) => text.replace(/(.{76})/g, '$1\n');
    const ctx = context({
      passphrase: PASSPHRASE,
      env: {
        PLAIN_B64: Buffer.from(USERS).toString('base64'),
        GZIP_B64: wrap(gzipSync(USERS).toString('base64')),
        GPG_B64: wrap((await gpgSymmetric(USERS)).toString('base64')),
        CLERK_CSV_B64: Buffer.from('\ufeffid,first_name,primary_email_address\nuser_1,Ada,ada@example.com\n').toString(
          'base64',
        ),
      },
    });
    expect(await readThrough((await resolveInputLocation('env:PLAIN_B64', ctx)).path)).toBe(USERS);
    const gzip = await resolveInputLocation('env:GZIP_B64', ctx);
    expect(readFileSync(gzip.path).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await readThrough(gzip.path)).toBe(USERS);
    expect(await readThrough((await resolveInputLocation('env:GPG_B64', ctx)).path)).toBe(USERS);
    expect(await readThrough((await resolveInputLocation('env:CLERK_CSV_B64', ctx)).path)).toContain(
      'id,first_name,primary_email_address',
    );
  });

  it('keeps a value that merely uses base64 letters as plain text', async () => {
    const ctx = context({ env: { ORG_ID: 'org1234' } });
    expect(await readThrough((await resolveInputLocation('env:ORG_ID', ctx)).path)).toBe('org1234');
  });

  it('decrypts an armored gpg or age message held in the secret, keeping only the plaintext', async () => {
    const ctx = context({
      passphrase: PASSPHRASE,
      env: {
        USERS_ASC: await gpgSymmetric(USERS, { armor: true }),
        USERS_AGE: String(await ageWithPassphrase(USERS, { armor: true })),
      },
    });
    expect(await readThrough((await resolveInputLocation('env:USERS_ASC', ctx)).path)).toBe(USERS);
    expect(await readThrough((await resolveInputLocation('env:USERS_AGE', ctx)).path)).toBe(USERS);
    // Only the two decrypted files: the armored copies were removed once decrypted.
    expect(filesUnder(ctx.tempDir).map((path) => readFileSync(path, 'utf8'))).toEqual([USERS, USERS]);
  });

  it('that is not set says how to pass the secret', async () => {
    const error = await failure(resolveInputLocation('env:AUTH0_USERS', context()));
    expect(error.message).toBe('env:AUTH0_USERS is not set: pass the secret to the step with env: or use a file path.');
  });

  it('that is empty (a missing secret) says to check the secret', async () => {
    const error = await failure(resolveInputLocation('env:AUTH0_USERS', context({ env: { AUTH0_USERS: '  \n' } })));
    expect(error.message).toMatch(/^env:AUTH0_USERS is empty: check that the secret exists/);
  });

  it('with a bad name asks for a variable name', async () => {
    const error = await failure(resolveInputLocation('env:', context()));
    expect(error.message).toMatch(/^env:: name an environment variable after env:/);
  });

  it('holding an encrypted value with a wrong passphrase shows neither the value nor the passphrase', async () => {
    const armored = await gpgSymmetric(USERS, { armor: true });
    const ctx = context({ passphrase: 'wrong-passphrase-123', env: { AUTH0_USERS: armored } });
    const error = await failure(resolveInputLocation('env:AUTH0_USERS', ctx));
    expect(error.message).toMatch(/^could not decrypt env:AUTH0_USERS: wrong passphrase/);
    expect(error.message).not.toContain('wrong-passphrase-123');
    expect(error.message).not.toContain(armored.split('\n')[2]!.slice(0, 20));
    expect(filesUnder(ctx.tempDir)).toEqual([]);
  });
});

describe('cleanupInputs', () => {
  it('removes every file it wrote, decrypted or decoded, and a later resolve starts afresh', async () => {
    const ctx = context({ passphrase: FIXTURE_PASSPHRASE, env: { AUTH0_USERS: USERS } });
    const decrypted = await resolveInputLocation(join(FIXTURES, 'users.ndjson.gpg'), ctx);
    const fromEnv = await resolveInputLocation('env:AUTH0_USERS', ctx);
    expect(filesUnder(ctx.tempDir).sort()).toEqual([decrypted.path, fromEnv.path].sort());
    expect(statSync(decrypted.path).mode & 0o777).toBe(0o600);

    await cleanupInputs({ ...ctx });
    expect(existsSync(decrypted.path)).toBe(false);
    expect(existsSync(fromEnv.path)).toBe(false);
    expect(readdirSync(ctx.tempDir)).toEqual([]);

    const again = await resolveInputLocation('env:AUTH0_USERS', ctx);
    expect(await readThrough(again.path)).toBe(USERS);
  });
});
