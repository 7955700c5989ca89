import type { PasswordHash } from '../../model/types.js';
import { ownValue } from '../../model/lookup.js';
import { formatFirebaseScryptHash } from '../../model/password.js';

// Clerk stores each password digest with the name of its hasher (`password_hasher`). The
// digest formats below are Clerk's own, from the `password_hasher` documentation of Clerk's
// Backend API (Create user / Update user). WorkOS accepts `password_hash_type` bcrypt, argon2,
// pbkdf2, scrypt, firebase-scrypt, ssha and ssha256 (DESIGN §5); a Clerk hasher is converted
// only when the conversion is exact, so every imported hash verifies the same password.

export type ClerkPasswordConversion =
  | { kind: 'converted'; password: PasswordHash }
  /** The hasher has no WorkOS equivalent: the user is imported without a password. */
  | { kind: 'unsupported'; reason: string }
  /** The digest does not have the layout its hasher needs. Holds no part of the digest. */
  | { kind: 'malformed'; message: string };

const PBKDF2_DIGESTS = {
  pbkdf2_sha1: 'sha1',
  pbkdf2_sha256: 'sha256',
  pbkdf2_sha256_django: 'sha256',
  pbkdf2_sha512: 'sha512',
} as const;

/** Clerk hashers that cannot move, with why, so the report can say more than "unsupported". */
const NO_WORKOS_EQUIVALENT: Record<string, string> = {
  md5: 'unsalted MD5',
  sha256: 'unsalted SHA-256',
  sha256_salted: 'salted SHA-256 with the salt after a $',
  bcrypt_sha256_django: "Django's bcrypt over a SHA-256 pre-hash",
  bcrypt_peppered: 'bcrypt with an application pepper',
  hmac_sha256_utf16_b64: 'HMAC-SHA256 over UTF-16',
  phpass: 'phpass (portable PHP hashes)',
  scrypt_werkzeug: "Werkzeug's scrypt layout",
  awscognito: 'a pointer to an AWS Cognito user pool, not a hash',
};

/** The WorkOS form of one Clerk digest. */
export function convertClerkPassword(hasher: string, digest: string): ClerkPasswordConversion {
  const name = hasher.trim().toLowerCase();
  const value = digest.trim();
  switch (name) {
    case 'bcrypt':
      return converted('bcrypt', value);
    case 'argon2':
      // The hasher named without its variant: the digest's PHC id says which.
      if (!/^\$argon2(?:id|i|d)\$/.test(value))
        return malformed('an argon2 digest is a PHC string starting $argon2id$, $argon2i$ or $argon2d$');
      return converted('argon2', value);
    case 'argon2i':
    case 'argon2id':
      // Clerk keeps argon2 digests as PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`),
      // which is what WorkOS's argon2 type takes.
      if (!value.startsWith(`$${name}$`)) return malformed(`a ${name} digest starts with $${name}$`);
      return converted('argon2', value);
    case 'pbkdf2_sha1':
    case 'pbkdf2_sha256':
    case 'pbkdf2_sha256_django':
    case 'pbkdf2_sha512':
      return convertPbkdf2(name, value);
    case 'scrypt_firebase':
      return convertFirebaseScrypt(value);
    case 'ldap_ssha':
    case 'ssha':
      // `{SSHA}` + base64(SHA-1 digest ‖ salt): the LDAP layout WorkOS's ssha type reads.
      return converted('ssha', value);
    default: {
      const why = ownValue(NO_WORKOS_EQUIVALENT, name);
      return {
        kind: 'unsupported',
        reason: why
          ? `Clerk's ${name} hasher (${why}) has no WorkOS equivalent`
          : `Clerk's ${name === '' ? 'unnamed' : name} hasher is not one WorkOS can verify`,
      };
    }
  }
}

function converted(type: PasswordHash['type'], hash: string): ClerkPasswordConversion {
  return { kind: 'converted', password: { type, hash } };
}

function malformed(expected: string): ClerkPasswordConversion {
  return { kind: 'malformed', message: `The password_digest does not have the layout its hasher needs: ${expected}.` };
}

/**
 * Clerk's PBKDF2 digests, `<hasher>$<iterations>$<salt>$<hash>`, differ in how salt and hash
 * are written:
 * - `pbkdf2_sha256`: salt and hash both base64;
 * - `pbkdf2_sha256_django` (as Django writes it): salt as plain text, hash base64;
 * - `pbkdf2_sha512`: salt as plain text, hash hex;
 * - `pbkdf2_sha1`: salt hex (plain text when it is not valid hex, as Clerk reads it), hash hex,
 *   and an optional fifth part with the key length.
 *
 * WorkOS's pbkdf2 type takes the PHC string `$pbkdf2-<digest>$i=<iterations>,l=<key length>$
 * <salt>$<hash>` with salt and hash in unpadded standard base64 (the PHC "B64" encoding, the
 * same layout passlib and Auth0's pbkdf2 import use). Re-encoding the same bytes keeps the
 * derivation identical, so the password verifies as before.
 */
function convertPbkdf2(hasher: keyof typeof PBKDF2_DIGESTS, digest: string): ClerkPasswordConversion {
  const parts = digest.split('$');
  const prefix = hasher === 'pbkdf2_sha256_django' ? 'pbkdf2_sha256' : hasher;
  const layout = `${prefix}$<iterations>$<salt>$<hash>`;
  if (parts[0] !== prefix) return malformed(`${layout}, starting with ${prefix}$`);
  const maxParts = hasher === 'pbkdf2_sha1' ? 5 : 4;
  if (parts.length < 4 || parts.length > maxParts || parts.slice(1).some((p) => p === '')) return malformed(layout);
  const [, iterationsText, saltText, hashText, keyLengthText] = parts as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];

  if (!/^[1-9]\d{0,9}$/.test(iterationsText)) return malformed(`${layout} with a whole number of iterations`);
  let salt: Buffer | undefined;
  let hash: Buffer | undefined;
  switch (hasher) {
    case 'pbkdf2_sha256':
      salt = decodeBase64(saltText);
      hash = decodeBase64(hashText);
      break;
    case 'pbkdf2_sha256_django':
      salt = Buffer.from(saltText, 'utf8');
      hash = decodeBase64(hashText);
      break;
    case 'pbkdf2_sha512':
      salt = Buffer.from(saltText, 'utf8');
      hash = decodeHex(hashText);
      break;
    case 'pbkdf2_sha1':
      salt = decodeHex(saltText) ?? Buffer.from(saltText, 'utf8');
      hash = decodeHex(hashText);
      break;
  }
  if (salt === undefined) return malformed(`${layout} with the salt in base64`);
  if (hash === undefined)
    return malformed(
      `${layout} with the hash in ${hasher === 'pbkdf2_sha256' || hasher === 'pbkdf2_sha256_django' ? 'base64' : 'hex'}`,
    );
  if (keyLengthText !== undefined && Number(keyLengthText) !== hash.length) {
    return malformed(`${layout}$<key length> where the key length is the hash's length in bytes`);
  }
  const phc = `$pbkdf2-${PBKDF2_DIGESTS[hasher]}$i=${iterationsText},l=${hash.length}$${phcBase64(salt)}$${phcBase64(hash)}`;
  return converted('pbkdf2', phc);
}

/**
 * Clerk's `scrypt_firebase` digest carries the per-user hash and salt and the Firebase
 * project's hash parameters: `<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory
 * cost>`. That is everything WorkOS's firebase-scrypt type needs, sent in the one form WorkOS's
 * Firebase guide documents (the Firebase source sends the same):
 * `$firebase-scrypt$sk=…,ss=…,r=…,m=…$<salt>$<hash>`, base64 unpadded.
 */
function convertFirebaseScrypt(digest: string): ClerkPasswordConversion {
  const layout = '<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory cost>';
  const parts = digest.split('$');
  if (parts.length !== 6 || parts.some((p) => p === '')) return malformed(`six parts: ${layout}`);
  const [hash, salt, signerKey, saltSeparator, rounds, memoryCost] = parts.map((p) => p.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (![hash, salt, signerKey, saltSeparator].every((p) => decodeBase64(p) !== undefined)) {
    return malformed(`${layout} with the hash, salt, signer key and salt separator in base64`);
  }
  if (!/^\d{1,2}$/.test(rounds) || !/^\d{1,2}$/.test(memoryCost))
    return malformed(`${layout} with whole-number rounds and memory cost`);
  return converted(
    'firebase-scrypt',
    formatFirebaseScryptHash({
      hash,
      salt,
      signerKey,
      saltSeparator,
      rounds: Number(rounds),
      memCost: Number(memoryCost),
    }),
  );
}

/** Standard or URL-safe base64, padded or not; undefined for anything else. */
function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length > 0 ? bytes : undefined;
}

function decodeHex(text: string): Buffer | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}

function phcBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
