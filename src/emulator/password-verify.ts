import * as nodeCrypto from 'node:crypto';
import {
  createCipheriv,
  createHash,
  pbkdf2,
  scrypt,
  timingSafeEqual,
  type BinaryLike,
  type ScryptOptions,
} from 'node:crypto';
import bcrypt from 'bcryptjs';
import { parseFirebaseScryptHash, parsePbkdf2Hash } from '../model/password.js';

// Checks a password against an imported hash the way WorkOS does on sign-in, for the
// `password_hash_type`s the API accepts. Formats (WorkOS migration guides):
//   bcrypt           $2a$|$2b$|$2y$, two-digit cost, 53 characters of salt and hash
//   argon2           PHC: $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>  (also argon2i, argon2d)
//   pbkdf2           PHC: $pbkdf2-sha256$i=<iterations>[,l=<length>]$<salt>$<hash>, or the digest as a
//                    parameter: $pbkdf2$i=…,d=sha256$…  ($pbkdf2$ with neither is SHA-1)
//   scrypt           PHC: $scrypt$ln=<log2 N>,r=…,p=…$<salt>$<hash>  (n=<N> accepted too)
//   ssha / ssha256   [{SSHA}|{SSHA256}]base64(sha(password + salt) + salt)
//   firebase-scrypt  PHC: $firebase-scrypt$sk=<signer key>,ss=<salt separator>,r=<rounds>,m=<mem_cost>
//                    $<salt>$<hash> (WorkOS's Firebase guide), or hash=, salt=, sk=, ss=, r=, m= as
//                    $-separated parts (the WorkOS migrations CLI); model/password.ts reads both.
// PHC base64 is unpadded; the "adapted" alphabet some libraries write ('.' for '+') and
// url-safe base64 decode the same.

export const PASSWORD_HASH_TYPES = [
  'bcrypt',
  'firebase-scrypt',
  'ssha',
  'ssha256',
  'scrypt',
  'pbkdf2',
  'argon2',
] as const;
export type PasswordHashType = (typeof PASSWORD_HASH_TYPES)[number];

export interface StoredPasswordHash {
  type: string;
  hash: string;
}

export function isPasswordHashType(value: unknown): value is PasswordHashType {
  return typeof value === 'string' && (PASSWORD_HASH_TYPES as readonly string[]).includes(value);
}

/** Why `hash` cannot be a `type` hash, or undefined when its shape is right. Never quotes the hash. */
export function hashShapeProblem(type: PasswordHashType, hash: string): string | undefined {
  const parsed = parseHash(type, hash);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** True when `password` is the one `stored` was made from. Unknown types and malformed hashes are false. */
export async function verifyPassword(password: string, stored: StoredPasswordHash): Promise<boolean> {
  if (!isPasswordHashType(stored.type)) return false;
  const parsed = parseHash(stored.type, stored.hash);
  if (typeof parsed === 'string') return false;
  try {
    return await parsed.verify(password);
  } catch {
    // A parameter the KDF refuses (e.g. scrypt memory) is a hash nobody can sign in with.
    return false;
  }
}

interface ParsedHash {
  verify(password: string): Promise<boolean>;
}

function parseHash(type: PasswordHashType, hash: string): ParsedHash | string {
  switch (type) {
    case 'bcrypt':
      return parseBcrypt(hash);
    case 'argon2':
      return parseArgon2(hash);
    case 'pbkdf2':
      return parsePbkdf2(hash);
    case 'scrypt':
      return parseScrypt(hash);
    case 'ssha':
      return parseSsha(hash, 'sha1', 20, '{SSHA}');
    case 'ssha256':
      return parseSsha(hash, 'sha256', 32, '{SSHA256}');
    case 'firebase-scrypt':
      return parseFirebaseScrypt(hash);
  }
}

const BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;

function parseBcrypt(hash: string): ParsedHash | string {
  const match = BCRYPT.exec(hash);
  if (!match) return 'a bcrypt hash is $2a$, $2b$ or $2y$, a two-digit cost, $ and 53 characters';
  const cost = Number(match[1]);
  if (cost < 4 || cost > 31) return 'the bcrypt cost must be between 04 and 31';
  return { verify: (password) => bcrypt.compare(password, hash) };
}

const B64 = '[A-Za-z0-9+/.\\-_]+={0,2}';
const PHC_PARAMS = '[A-Za-z0-9-]+=[^$,]+(?:,[A-Za-z0-9-]+=[^$,]+)*';
const ARGON2 = new RegExp(`^\\$(argon2id|argon2i|argon2d)\\$(?:v=(\\d+)\\$)?(${PHC_PARAMS})\\$(${B64})\\$(${B64})$`);
const SCRYPT = new RegExp(`^\\$scrypt\\$(${PHC_PARAMS})\\$(${B64})\\$(${B64})$`);

function parseArgon2(hash: string): ParsedHash | string {
  const match = ARGON2.exec(hash);
  if (!match) return 'an argon2 hash is a PHC string: $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>';
  const [, algorithm, version, paramText, saltText, hashText] = match;
  const params = phcParams(paramText!);
  const memory = params.get('m');
  const passes = params.get('t');
  const parallelism = params.get('p');
  if (memory === undefined || passes === undefined || parallelism === undefined)
    return 'an argon2 hash needs the m, t and p parameters';
  const salt = decodeBase64(saltText!);
  const expected = decodeBase64(hashText!);
  return {
    async verify(password) {
      // node:crypto implements version 0x13 (19) only; older hashes cannot be checked here.
      if (version !== undefined && version !== '19') return false;
      const derived = await runArgon2(algorithm as 'argon2id' | 'argon2i' | 'argon2d', {
        message: password,
        nonce: salt,
        memory,
        passes,
        parallelism,
        tagLength: expected.length,
      });
      return sameBytes(derived, expected);
    },
  };
}

function runArgon2(
  algorithm: 'argon2id' | 'argon2i' | 'argon2d',
  parameters: {
    message: string;
    nonce: Buffer;
    memory: number;
    passes: number;
    parallelism: number;
    tagLength: number;
  },
): Promise<Buffer> {
  // Node gained crypto.argon2 in 24.7 (read off the namespace so older Node can still load this
  // module); there an argon2 password simply does not verify.
  const argon2 = (nodeCrypto as Partial<typeof nodeCrypto>).argon2;
  if (typeof argon2 !== 'function') return Promise.reject(new Error('crypto.argon2 needs Node 24.7 or later'));
  return new Promise((resolve, reject) =>
    argon2(algorithm, parameters, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function parsePbkdf2(hash: string): ParsedHash | string {
  const parts = parsePbkdf2Hash(hash);
  if (typeof parts === 'string')
    return `a pbkdf2 hash is a PHC string: $pbkdf2-sha256$i=<iterations>,l=<length>$<salt>$<hash> (${parts})`;
  const salt = decodeBase64(parts.salt);
  const expected = decodeBase64(parts.hash);
  const length = parts.length ?? expected.length;
  if (length !== expected.length) return 'the pbkdf2 l parameter does not match the hash length';
  return {
    verify: (password) =>
      new Promise((resolve, reject) =>
        pbkdf2(password, salt, parts.iterations, length, parts.digest, (error, key) =>
          error ? reject(error) : resolve(sameBytes(key, expected)),
        ),
      ),
  };
}

function parseScrypt(hash: string): ParsedHash | string {
  const match = SCRYPT.exec(hash);
  if (!match) return 'a scrypt hash is a PHC string: $scrypt$ln=…,r=…,p=…$<salt>$<hash>';
  const [, paramText, saltText, hashText] = match;
  const params = phcParams(paramText!);
  const logN = params.get('ln');
  const cost = logN !== undefined ? 2 ** logN : params.get('n');
  const blockSize = params.get('r');
  const parallelization = params.get('p');
  if (cost === undefined || blockSize === undefined || parallelization === undefined)
    return 'a scrypt hash needs the ln (or n), r and p parameters';
  const salt = decodeBase64(saltText!);
  const expected = decodeBase64(hashText!);
  return {
    verify: async (password) =>
      sameBytes(
        await runScrypt(password, salt, expected.length, { N: cost, r: blockSize, p: parallelization }),
        expected,
      ),
  };
}

function parseSsha(hash: string, digest: 'sha1' | 'sha256', digestBytes: number, prefix: string): ParsedHash | string {
  const body = hash.toUpperCase().startsWith(prefix) ? hash.slice(prefix.length) : hash;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
    return `an ${digest === 'sha1' ? 'ssha' : 'ssha256'} hash is base64 of the digest followed by the salt`;
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length <= digestBytes) return `the hash is too short for a ${digestBytes}-byte digest and a salt`;
  const expected = bytes.subarray(0, digestBytes);
  const salt = bytes.subarray(digestBytes);
  return {
    verify: async (password) => sameBytes(createHash(digest).update(password).update(salt).digest(), expected),
  };
}

function parseFirebaseScrypt(hash: string): ParsedHash | string {
  const parts = parseFirebaseScryptHash(hash);
  if (typeof parts === 'string') return `a firebase-scrypt hash needs the hash, salt, sk, ss, r and m parts (${parts})`;
  const expected = decodeBase64(parts.hash);
  return {
    async verify(password) {
      // Firebase's modified scrypt (github.com/firebase/scrypt): scrypt of the password with the
      // user's salt followed by the project's salt separator, N = 2^mem_cost, r = rounds, p = 1,
      // gives a key; its first 32 bytes encrypt the project's signer key with AES-256-CTR and a
      // zero IV; the ciphertext is the stored hash.
      const salt = Buffer.concat([decodeBase64(parts.salt), decodeBase64(parts.saltSeparator)]);
      const key = await runScrypt(password, salt, 64, { N: 2 ** parts.memCost, r: parts.rounds, p: 1 });
      const cipher = createCipheriv('aes-256-ctr', key.subarray(0, 32), Buffer.alloc(16));
      const derived = Buffer.concat([cipher.update(decodeBase64(parts.signerKey)), cipher.final()]);
      return sameBytes(derived, expected);
    },
  };
}

function runScrypt(
  password: BinaryLike,
  salt: BinaryLike,
  length: number,
  options: { N: number; r: number; p: number },
): Promise<Buffer> {
  // Node refuses scrypt above 32 MiB unless told; real hashes (N=2^17, r=8) need 128 MiB.
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, scryptOptions, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function phcParams(text: string): Map<string, number> {
  const params = new Map<string, number>();
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const value = Number(pair.slice(eq + 1));
    // `N=16384` (some scrypt libraries) is the same parameter as `n=`.
    if (Number.isFinite(value)) params.set(pair.slice(0, eq).toLowerCase(), value);
  }
  return params;
}

function decodeBase64(text: string): Buffer {
  return Buffer.from(text.replace(/[.-]/g, '+').replace(/_/g, '/').replace(/=+$/, ''), 'base64');
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
