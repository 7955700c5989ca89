import { registerTokenSecret } from '../model/mask.js';
import type { RecordProblem, SourceItem, SourceLocation } from '../model/types.js';

// A TOTP secret as sources export it, checked before it goes anywhere near WorkOS: WorkOS takes
// `totp_secret` as Base32 (RFC 4648) for SHA-1 codes of 6 digits every 30 s, the authenticator
// apps' default. Authenticator apps show secrets in groups of four, in either case, sometimes
// padded with `=`: those forms are the same secret and are accepted. Messages say what is wrong
// by position and length only; they never quote the secret or a character of it.

/** The shortest secret accepted: 16 Base32 characters, 80 bits (RFC 4226 asks for at least 128). */
export const MIN_SECRET_CHARACTERS = 16;
// Longer than any authenticator app makes (RFC 6238's longest example key is 64 bytes: 103 characters).
const MAX_SECRET_CHARACTERS = 128;
const BASE32 = /^[A-Z2-7]*$/;
// A Base32 text ends after a whole number of bytes: 0, 2, 4, 5 or 7 characters past the last group of 8.
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

export type TotpSecretCheck = { ok: true; secret: string } | { ok: false; problem: string };

/**
 * The secret in the form WorkOS is sent (upper case, no spaces or padding), or what is wrong
 * with it, in words that hold none of it.
 */
export function checkTotpSecret(raw: string): TotpSecretCheck {
  const secret = raw.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (secret === '') return { ok: false, problem: 'it is blank' };
  const bad = [...secret].findIndex((c) => !BASE32.test(c));
  if (bad >= 0)
    return {
      ok: false,
      problem: `character ${bad + 1} is not Base32 (only the letters A–Z and the digits 2–7 are)`,
    };
  if (secret.length < MIN_SECRET_CHARACTERS)
    return {
      ok: false,
      problem: `it has ${secret.length} characters; at least ${MIN_SECRET_CHARACTERS} (80 bits) are needed`,
    };
  if (secret.length > MAX_SECRET_CHARACTERS)
    return { ok: false, problem: `it has ${secret.length} characters, more than ${MAX_SECRET_CHARACTERS}` };
  if (IMPOSSIBLE_REMAINDERS.has(secret.length % 8))
    return { ok: false, problem: `its length (${secret.length} characters) is not a whole number of bytes in Base32` };
  return { ok: true, secret };
}

export interface TotpSecretSource {
  userSourceId: string;
  /** The secret as exported. */
  raw: string;
  location: SourceLocation;
  field: string;
}

/**
 * A user's exported secret as items: a `factor` that moves, or a warning that the user must
 * enroll again (the user is imported either way). `moved` says which, for the user's
 * `mfaFactors` (a TOTP factor that does not move is one to re-enroll). The secret is registered
 * with the scrubber first, valid or not: nothing printed afterwards can show it.
 */
export function totpSecretItems(source: TotpSecretSource): { moved: boolean; items: SourceItem[] } {
  registerTokenSecret(source.raw);
  const check = checkTotpSecret(source.raw);
  if (check.ok) {
    registerTokenSecret(check.secret);
    const record = {
      userSourceId: source.userSourceId,
      secret: check.secret,
      location: source.location,
      field: source.field,
    };
    return { moved: true, items: [{ kind: 'factor', record }] };
  }
  return { moved: false, items: [{ kind: 'problem', problem: invalidTotpSecret(source, check.problem) }] };
}

/** The code of a TOTP secret that cannot move: its user is imported and enrolls again. */
export const INVALID_TOTP_SECRET = 'invalid_totp_secret';

function invalidTotpSecret(source: TotpSecretSource, problem: string): RecordProblem {
  return {
    entity: 'user',
    sourceId: source.userSourceId,
    location: source.location,
    field: source.field,
    code: INVALID_TOTP_SECRET,
    message: `The TOTP secret cannot be moved: ${problem}. The user is imported without it and enrolls MFA again (reenroll.csv).`,
    severity: 'warning',
  };
}
