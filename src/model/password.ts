import type { PasswordHashType } from './types.js';

export type PasswordHashCheck = { ok: true } | { ok: false; code: 'invalid_password_hash'; message: string };

// Shape checks only: WorkOS rejects a malformed hash for the whole create request, so a bad
// one is caught here and the user is imported without it. Messages describe what is wrong
// with the shape and never include the hash.
//
// PHC strings (argon2, pbkdf2, scrypt, firebase-scrypt) carry base64 without padding; the
// libraries people export from also write it padded, url-safe, or in the "adapted" alphabet
// with '.' for '+' (passlib), and all of them decode to the same bytes.

const BCRYPT = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]*)$/;
const BCRYPT_BODY_LENGTH = 53; // 22 characters of salt and 31 of hash
const PHC_B64 = '[A-Za-z0-9+/.\\-_]+={0,2}';
const PHC_PARAMS = '[A-Za-z0-9-]+=[^$,]+(?:,[A-Za-z0-9-]+=[^$,]+)*';
const ARGON2 = new RegExp(`^\\$argon2(?:id|i|d)\\$v=(?:16|19)\\$(${PHC_PARAMS})\\$${PHC_B64}\\$${PHC_B64}$`);
const PBKDF2 = new RegExp(`^\\$pbkdf2(?:-([a-z0-9]+))?\\$(${PHC_PARAMS})\\$${PHC_B64}\\$${PHC_B64}$`);
const SCRYPT = new RegExp(`^\\$scrypt\\$(${PHC_PARAMS})\\$${PHC_B64}\\$${PHC_B64}$`);
const SSHA = /^(?:\{(SSHA|SSHA256)\})?([A-Za-z0-9+/]+={0,2})$/i;
const SSHA_DIGEST_BYTES = { ssha: 20, ssha256: 32 } as const;

/** The digests a pbkdf2 hash may name, in its id (`$pbkdf2-sha256$`) or its `d=` parameter. */
export const PBKDF2_DIGESTS = ['sha1', 'sha256', 'sha384', 'sha512'] as const;
export type Pbkdf2Digest = (typeof PBKDF2_DIGESTS)[number];

const EXPECTED: Record<PasswordHashType, string> = {
  bcrypt: 'a bcrypt hash: $2a$, $2b$ or $2y$, a two-digit cost from 04 to 31, $, then 53 characters (60 in all)',
  argon2:
    'an argon2 PHC string: $argon2id$ (or $argon2i$, $argon2d$), v=19, m=…,t=…,p=…, then the base64 salt and hash',
  pbkdf2: 'a pbkdf2 PHC string: $pbkdf2-sha256$i=<iterations>,l=<key length>$<salt>$<hash> (or $pbkdf2$i=…,d=sha256$…)',
  scrypt: 'a scrypt PHC string: $scrypt$ln=…,r=…,p=…$<salt>$<hash> (n=<N> in place of ln= is accepted)',
  'firebase-scrypt':
    'a Firebase scrypt PHC string, $firebase-scrypt$sk=<signer key>,ss=<salt separator>,r=<rounds>,m=<mem_cost>$<salt>$<hash>, ' +
    'or the $firebase-scrypt$hash=…$salt=…$sk=…$ss=…$r=…$m=… form',
  ssha: 'base64 of a SHA-1 digest followed by its salt, optionally prefixed {SSHA}',
  ssha256: 'base64 of a SHA-256 digest followed by its salt, optionally prefixed {SSHA256}',
};

export function checkPasswordHash(type: PasswordHashType, hash: unknown): PasswordHashCheck {
  if (typeof hash !== 'string' || hash === '') return invalid(type, 'it is empty');
  const problem = shapeProblem(type, hash);
  return problem === undefined ? { ok: true } : invalid(type, problem);
}

function invalid(type: PasswordHashType, problem: string): PasswordHashCheck {
  return {
    ok: false,
    code: 'invalid_password_hash',
    message: `The ${type} password hash is malformed (${problem}); expected ${EXPECTED[type]}.`,
  };
}

function shapeProblem(type: PasswordHashType, hash: string): string | undefined {
  switch (type) {
    case 'bcrypt':
      return bcryptProblem(hash);
    case 'argon2': {
      const match = ARGON2.exec(hash);
      if (!match) return 'it does not have the argon2 PHC layout';
      return missingParams(match[1]!, ['m', 't', 'p']);
    }
    case 'pbkdf2': {
      const parsed = parsePbkdf2Hash(hash);
      return typeof parsed === 'string' ? parsed : undefined;
    }
    case 'scrypt': {
      const match = SCRYPT.exec(hash);
      if (!match) return 'it does not have the scrypt PHC layout';
      const params = paramNames(match[1]!);
      if (!params.has('ln') && !params.has('n')) return 'the ln (or n) parameter is missing';
      return missingParams(match[1]!, ['r', 'p']);
    }
    case 'firebase-scrypt': {
      const parsed = parseFirebaseScryptHash(hash);
      return typeof parsed === 'string' ? parsed : undefined;
    }
    case 'ssha':
    case 'ssha256':
      return sshaProblem(type, hash);
  }
}

function isPbkdf2Digest(value: string): value is Pbkdf2Digest {
  return (PBKDF2_DIGESTS as readonly string[]).includes(value);
}

/** A pbkdf2 PHC string's digest and iterations; salt and hash stay in their base64 text. */
export interface Pbkdf2Parts {
  digest: Pbkdf2Digest;
  iterations: number;
  /** `l=`, when given. */
  length?: number;
  salt: string;
  hash: string;
}

/**
 * A pbkdf2 PHC string's parts, or why it is malformed. The digest comes from the id
 * (`$pbkdf2-sha256$`) or the `d=` parameter (`$pbkdf2$i=…,d=sha256$`); with neither it is
 * SHA-1, the PHC default. When both are given they must agree.
 */
export function parsePbkdf2Hash(hash: string): Pbkdf2Parts | string {
  const match = PBKDF2.exec(hash);
  if (!match) return 'it does not have the pbkdf2 PHC layout';
  const [, fromId, paramText] = match;
  const missing = missingParams(paramText!, ['i']);
  if (missing) return missing;
  const iterations = Number(paramValue(paramText!, 'i'));
  if (!Number.isInteger(iterations) || iterations < 1)
    return 'the i (iterations) parameter is not a whole number above 0';
  const lengthText = paramValue(paramText!, 'l');
  const length = lengthText === undefined ? undefined : Number(lengthText);
  if (length !== undefined && (!Number.isInteger(length) || length < 1))
    return 'the l (key length) parameter is not a whole number above 0';
  const fromParam = paramValue(paramText!, 'd')?.toLowerCase().replace('-', '');
  for (const named of [fromId, fromParam]) {
    if (named !== undefined && !isPbkdf2Digest(named))
      return `the digest ${named} is not one of ${PBKDF2_DIGESTS.join(', ')}`;
  }
  if (fromId !== undefined && fromParam !== undefined && fromId !== fromParam)
    return `the id names ${fromId} but the d parameter names ${fromParam}`;
  const parts = hash.split('$');
  return {
    digest: (fromId ?? fromParam ?? 'sha1') as Pbkdf2Digest,
    iterations,
    ...(length !== undefined ? { length } : {}),
    salt: parts[3]!,
    hash: parts[4]!,
  };
}

/** A firebase-scrypt hash's parts, each as the base64 text it was written in. */
export interface FirebaseScryptParts {
  hash: string;
  salt: string;
  signerKey: string;
  saltSeparator: string;
  rounds: number;
  memCost: number;
}

const FIREBASE_PREFIX = '$firebase-scrypt$';
const FIREBASE_NAMES = new Set(['hash', 'salt', 'sk', 'ss', 'r', 'm']);
const BASE64_TEXT = /^[A-Za-z0-9+/\-_.]+={0,2}$/;

/**
 * Reads both firebase-scrypt forms in circulation: the PHC string of WorkOS's Firebase guide,
 * `$firebase-scrypt$sk=…,ss=…,r=…,m=…$<salt>$<hash>` (unpadded base64), and the form the WorkOS
 * migrations CLI sends, `$firebase-scrypt$hash=…$salt=…$sk=…$ss=…$r=…$m=…` (padded). Parameters
 * may be separated by `$` or `,` in either. Returns why the hash is malformed, without quoting it.
 */
export function parseFirebaseScryptHash(text: string): FirebaseScryptParts | string {
  if (!text.startsWith(FIREBASE_PREFIX)) return 'it does not start with $firebase-scrypt$';
  const named = new Map<string, string>();
  const unnamed: string[] = [];
  for (const part of text.slice(FIREBASE_PREFIX.length).split(/[$,]/)) {
    if (part === '') return 'it has an empty part between separators';
    const eq = part.indexOf('=');
    // Base64 padding also holds '=', so only the parameter names count as keys.
    const name = eq > 0 ? part.slice(0, eq) : '';
    if (FIREBASE_NAMES.has(name)) {
      if (named.has(name)) return `the ${name} parameter appears twice`;
      named.set(name, part.slice(eq + 1));
    } else unnamed.push(part);
  }
  if (unnamed.length > 2) return 'it has parts that are neither a known parameter nor the salt and hash';
  // The PHC form puts the salt and the hash last, unnamed.
  const salt = named.get('salt') ?? (unnamed.length === 2 ? unnamed[0] : undefined);
  const hash = named.get('hash') ?? unnamed[unnamed.length - 1];
  if (named.has('salt') && named.has('hash') && unnamed.length > 0)
    return 'it has parts that are neither a known parameter nor the salt and hash';
  const missing = [
    ['hash', hash],
    ['salt', salt],
    ['sk', named.get('sk')],
    ['ss', named.get('ss')],
    ['r', named.get('r')],
    ['m', named.get('m')],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) return `the ${missing.join(', ')} part${missing.length > 1 ? 's are' : ' is'} missing`;
  for (const [name, value] of [
    ['hash', hash],
    ['salt', salt],
    ['sk', named.get('sk')],
    ['ss', named.get('ss')],
  ] as const) {
    if (!BASE64_TEXT.test(value!)) return `the ${name} part is not base64`;
  }
  const rounds = Number(named.get('r'));
  const memCost = Number(named.get('m'));
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 32) return 'r (rounds) is not a whole number from 1 to 32';
  if (!Number.isInteger(memCost) || memCost < 1 || memCost > 20)
    return 'm (mem_cost) is not a whole number from 1 to 20';
  return { hash: hash!, salt: salt!, signerKey: named.get('sk')!, saltSeparator: named.get('ss')!, rounds, memCost };
}

/** Base64 as PHC strings carry it: the standard alphabet (url-safe text is rewritten), no padding. */
function unpadded(base64: string): string {
  return base64.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

/**
 * A Firebase user's password as WorkOS's Firebase guide builds it: a PHC string with the
 * project's signer key and salt separator as `sk` and `ss`, its rounds and mem_cost as `r` and
 * `m`, then the user's salt and hash, every base64 value without padding. The one form every
 * source sends (Firebase exports and Clerk's `scrypt_firebase` digests alike).
 */
export function formatFirebaseScryptHash(parts: FirebaseScryptParts): string {
  const params = `sk=${unpadded(parts.signerKey)},ss=${unpadded(parts.saltSeparator)},r=${parts.rounds},m=${parts.memCost}`;
  return `${FIREBASE_PREFIX}${params}$${unpadded(parts.salt)}$${unpadded(parts.hash)}`;
}

function bcryptProblem(hash: string): string | undefined {
  const match = BCRYPT.exec(hash);
  if (!match) {
    if (!/^\$2[aby]\$/.test(hash)) return 'it does not start with $2a$, $2b$ or $2y$';
    if (!/^\$2[aby]\$\d\d\$/.test(hash)) return 'the cost is not two digits followed by $';
    return 'it holds characters outside the bcrypt alphabet';
  }
  const cost = Number(match[1]);
  if (cost < 4 || cost > 31) return `the cost ${match[1]} is outside 04–31`;
  const body = match[2]!;
  if (body.length !== BCRYPT_BODY_LENGTH) return `it has ${hash.length} characters instead of 60`;
  return undefined;
}

function sshaProblem(type: 'ssha' | 'ssha256', hash: string): string | undefined {
  const match = SSHA.exec(hash);
  if (!match) return 'it is not base64';
  const prefix = match[1]?.toLowerCase();
  if (prefix !== undefined && prefix !== type) return `it is prefixed {${match[1]}} but the type is ${type}`;
  const body = match[2]!;
  if (body.length % 4 !== 0) return 'its base64 length is not a multiple of 4';
  const bytes = Buffer.from(body, 'base64').length;
  if (bytes <= SSHA_DIGEST_BYTES[type])
    return `it decodes to ${bytes} bytes, too few for a ${SSHA_DIGEST_BYTES[type]}-byte digest and a salt`;
  return undefined;
}

/** Parameter names, lower-cased: `N=16384` (some libraries) is `n`. */
function paramNames(params: string): Set<string> {
  return new Set(params.split(',').map((p) => p.slice(0, p.indexOf('=')).toLowerCase()));
}

function paramValue(params: string, name: string): string | undefined {
  const pair = params.split(',').find((p) => p.slice(0, p.indexOf('=')).toLowerCase() === name);
  return pair?.slice(pair.indexOf('=') + 1);
}

function missingParams(params: string, required: string[]): string | undefined {
  const names = paramNames(params);
  const missing = required.filter((name) => !names.has(name));
  return missing.length === 0
    ? undefined
    : `the ${missing.join(', ')} parameter${missing.length > 1 ? 's are' : ' is'} missing`;
}
