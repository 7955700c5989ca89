import type { PasswordHashType } from './types.js';

export type PasswordHashCheck = { ok: true } | { ok: false; code: 'invalid_password_hash'; message: string };

// Shape checks only: WorkOS rejects a malformed hash for the whole create request, so a bad
// one is caught here and the user is imported without it. Messages describe what is wrong
// with the shape and never include the hash.

const BCRYPT = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]*)$/;
const BCRYPT_BODY_LENGTH = 53; // 22 characters of salt and 31 of hash
const B64 = '[A-Za-z0-9+/]+';
const PHC_PARAMS = '[a-z0-9-]+=[^$,]+(?:,[a-z0-9-]+=[^$,]+)*';
const ARGON2 = new RegExp(`^\\$argon2(?:id|i|d)\\$v=(?:16|19)\\$(${PHC_PARAMS})\\$${B64}\\$${B64}$`);
const PBKDF2 = new RegExp(`^\\$pbkdf2(?:-(?:sha1|sha256|sha384|sha512))?\\$(${PHC_PARAMS})\\$[A-Za-z0-9+/.=-]+\\$[A-Za-z0-9+/.=-]+$`);
const SCRYPT = new RegExp(`^\\$scrypt\\$(${PHC_PARAMS})\\$${B64}={0,2}\\$${B64}={0,2}$`);
const FIREBASE_SCRYPT = /^\$firebase-scrypt\$[A-Za-z0-9+/=$,.-]+$/;
const SSHA = /^(?:\{(SSHA|SSHA256)\})?([A-Za-z0-9+/]+={0,2})$/i;
const SSHA_DIGEST_BYTES = { ssha: 20, ssha256: 32 } as const;

const EXPECTED: Record<PasswordHashType, string> = {
  bcrypt: 'a bcrypt hash: $2a$, $2b$ or $2y$, a two-digit cost from 04 to 31, $, then 53 characters (60 in all)',
  argon2: 'an argon2 PHC string: $argon2id$ (or $argon2i$, $argon2d$), v=19, m=…,t=…,p=…, then the base64 salt and hash',
  pbkdf2: 'a pbkdf2 PHC string: $pbkdf2-sha256$i=<iterations>,l=<key length>$<salt>$<hash>',
  scrypt: 'a scrypt PHC string: $scrypt$ln=…,r=…,p=…$<salt>$<hash>',
  'firebase-scrypt': 'a Firebase scrypt PHC string starting with $firebase-scrypt$ holding the hash, salt, sk= and ss= parameters',
  ssha: 'base64 of a SHA-1 digest followed by its salt, optionally prefixed {SSHA}',
  ssha256: 'base64 of a SHA-256 digest followed by its salt, optionally prefixed {SSHA256}',
};

export function checkPasswordHash(type: PasswordHashType, hash: unknown): PasswordHashCheck {
  if (typeof hash !== 'string' || hash === '') return invalid(type, 'it is empty');
  const problem = shapeProblem(type, hash);
  return problem === undefined ? { ok: true } : invalid(type, problem);
}

function invalid(type: PasswordHashType, problem: string): PasswordHashCheck {
  return { ok: false, code: 'invalid_password_hash', message: `The ${type} password hash is malformed (${problem}); expected ${EXPECTED[type]}.` };
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
      const match = PBKDF2.exec(hash);
      if (!match) return 'it does not have the pbkdf2 PHC layout';
      return missingParams(match[1]!, ['i']);
    }
    case 'scrypt': {
      const match = SCRYPT.exec(hash);
      if (!match) return 'it does not have the scrypt PHC layout';
      const params = paramNames(match[1]!);
      if (!params.has('ln') && !params.has('n')) return 'the ln (or n) parameter is missing';
      return missingParams(match[1]!, ['r', 'p']);
    }
    case 'firebase-scrypt': {
      if (!FIREBASE_SCRYPT.test(hash)) return 'it does not start with $firebase-scrypt$ or holds characters outside base64';
      const segments = hash.split('$').slice(2);
      if (segments.length < 3 || segments.some((s) => s === '')) return 'it has too few $-separated parts';
      if (!/(?:^|[$,])sk=/.test(hash) || !/(?:^|[$,])ss=/.test(hash)) return 'the sk= (signer key) or ss= (salt separator) parameter is missing';
      return undefined;
    }
    case 'ssha':
    case 'ssha256':
      return sshaProblem(type, hash);
  }
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
  if (bytes <= SSHA_DIGEST_BYTES[type]) return `it decodes to ${bytes} bytes, too few for a ${SSHA_DIGEST_BYTES[type]}-byte digest and a salt`;
  return undefined;
}

function paramNames(params: string): Set<string> {
  return new Set(params.split(',').map((p) => p.slice(0, p.indexOf('='))));
}

function missingParams(params: string, required: string[]): string | undefined {
  const names = paramNames(params);
  const missing = required.filter((name) => !names.has(name));
  return missing.length === 0 ? undefined : `the ${missing.join(', ')} parameter${missing.length > 1 ? 's are' : ' is'} missing`;
}
