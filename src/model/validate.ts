// Checks against what WorkOS accepts, made before any request so a bad record is reported with
// its file and line instead of failing in the middle of an import. Messages never quote the
// value: it may be an email or other personal data.

export type EmailCheck =
  | { ok: true; email: string }
  | { ok: false; code: 'missing_email' | 'invalid_email'; message: string };

const MAX_EMAIL_LENGTH = 320;
const MAX_LOCAL_PART_LENGTH = 64;
// Printable characters other than space and the ones RFC 5322 reserves outside quotes. Quoted
// local parts ("john doe"@…) are legal but no identity provider we read produces them.
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL_DOMAIN = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

/**
 * An email as WorkOS will take it: trimmed, `local@domain.tld`, no blank space, at most 320
 * characters. The case is kept (WorkOS compares emails case-insensitively, and so does the
 * planner when it merges duplicates).
 */
export function normalizeEmail(raw: unknown): EmailCheck {
  if (raw === undefined || raw === null)
    return { ok: false, code: 'missing_email', message: 'The user has no email address; WorkOS requires one.' };
  if (typeof raw !== 'string')
    return { ok: false, code: 'invalid_email', message: `The email must be a string, not ${describeType(raw)}.` };
  const email = raw.trim();
  if (email === '')
    return { ok: false, code: 'missing_email', message: 'The user has an empty email address; WorkOS requires one.' };
  const problem = isPlainAsciiEmail(email) ? undefined : emailShapeProblem(email);
  return problem
    ? { ok: false, code: 'invalid_email', message: `The email address is not valid: ${problem}.` }
    : { ok: true, email };
}

// The shape of nearly every real address, in ASCII: dot-separated atoms, `@`, host-name labels,
// a top-level part of letters. Everything it matches passes every check of emailShapeProblem
// (test/model/validate.test.ts holds it to that), and one regular expression without the
// Unicode property classes is several times faster than those checks, which run once per user.
const PLAIN_ASCII_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** True for an address emailShapeProblem would certainly accept; false says nothing. */
export function isPlainAsciiEmail(email: string): boolean {
  const at = email.indexOf('@');
  return email.length <= MAX_EMAIL_LENGTH && at > 0 && at <= MAX_LOCAL_PART_LENGTH && PLAIN_ASCII_EMAIL.test(email);
}

/** Why an address (trimmed, not empty) is not one WorkOS takes, or undefined when it is. */
export function emailShapeProblem(email: string): string | undefined {
  if (email.length > MAX_EMAIL_LENGTH) return `it is longer than ${MAX_EMAIL_LENGTH} characters`;
  if (/\s/u.test(email)) return 'it contains blank space';
  const at = email.lastIndexOf('@');
  if (at < 0) return 'it has no @';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '') return 'nothing comes before the @';
  if (local.length > MAX_LOCAL_PART_LENGTH)
    return `the part before the @ is longer than ${MAX_LOCAL_PART_LENGTH} characters`;
  if (!LOCAL_PART.test(local)) return 'the part before the @ contains a character that is not allowed (or a second @)';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return 'the part before the @ has a misplaced dot';
  if (domain === '') return 'nothing comes after the @';
  const labels = domain.split('.');
  if (labels.length < 2) return 'the domain has no top-level part (like .com)';
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return 'the domain is not a valid host name';
  if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1]!)) return 'the domain ends in an invalid top-level part';
  return undefined;
}

export type MetadataCheck =
  | { ok: true; metadata: Record<string, string> }
  | {
      ok: false;
      field: string;
      code: 'metadata_too_many_keys' | 'metadata_key_too_long' | 'metadata_value_too_long' | 'metadata_invalid_value';
      message: string;
    };

/** WorkOS user and organization metadata limits. */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 600 } as const;

/**
 * Metadata as WorkOS stores it: string values only. Numbers and booleans become their text;
 * objects and arrays become their JSON text, which is accepted when it fits the 600-character
 * limit (a mapped `preferences` object should survive the move); `null` and `undefined` leave
 * the key out. Anything over a limit is a problem, never truncated: a cut value would be
 * silently wrong in the new system.
 */
export function checkMetadata(md: Record<string, unknown>): MetadataCheck {
  const metadata: Record<string, string> = {};
  let keys = 0;
  for (const [key, value] of Object.entries(md)) {
    if (value === undefined || value === null) continue;
    const field = `metadata.${key}`;
    const keyLength = [...key].length;
    if (keyLength === 0)
      return {
        ok: false,
        field,
        code: 'metadata_key_too_long',
        message: 'A metadata key is empty; WorkOS keys need 1 to 40 characters.',
      };
    if (keyLength > METADATA_LIMITS.maxKeyLength) {
      return {
        ok: false,
        field,
        code: 'metadata_key_too_long',
        message: `The metadata key "${key}" has ${keyLength} characters; WorkOS allows ${METADATA_LIMITS.maxKeyLength}. Rename it in the metadata map.`,
      };
    }
    const text = metadataText(value);
    if (text === undefined) {
      return {
        ok: false,
        field,
        code: 'metadata_invalid_value',
        message: `The metadata value of "${key}" is ${describeType(value)}, which cannot be stored as text.`,
      };
    }
    const valueLength = [...text].length;
    if (valueLength > METADATA_LIMITS.maxValueLength) {
      return {
        ok: false,
        field,
        code: 'metadata_value_too_long',
        message: `The metadata value of "${key}" has ${valueLength} characters; WorkOS allows ${METADATA_LIMITS.maxValueLength}. Map a smaller field.`,
      };
    }
    metadata[key] = text;
    keys++;
  }
  if (keys > METADATA_LIMITS.maxKeys) {
    return {
      ok: false,
      field: 'metadata',
      code: 'metadata_too_many_keys',
      message: `The record has ${keys} metadata keys; WorkOS allows ${METADATA_LIMITS.maxKeys}. Map fewer fields.`,
    };
  }
  return { ok: true, metadata };
}

function metadataText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    case 'boolean':
      return String(value);
    case 'object':
      try {
        return JSON.stringify(value);
      } catch {
        return undefined;
      }
    default:
      return undefined;
  }
}

/** A value's kind for a message, without the value itself. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}
