import { z } from 'zod';
import { emptyRecord, ownValue } from '../../model/lookup.js';

// Auth0's bulk user export (NDJSON, one user a line) and the older import/export extension,
// which writes the same fields under capitalised labels (`Email Verified`). Unknown keys are
// kept and ignored: exports carry many fields we do not read (picture, logins_count, …).
// Fields we do read are typed strictly, so a wrong type is reported with the field's name.

/** Auth0 writes booleans; the extension's CSV-to-JSON conversions sometimes write "true"/"false". */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const text = z.string().nullish();
const objectOf = z.record(z.string(), z.unknown());

export const Auth0IdentitySchema = z.looseObject({
  connection: text,
  provider: text,
  // GitHub and some other providers have numeric ids in `identities[].user_id`.
  user_id: z.union([z.string(), z.number()]).nullish(),
  isSocial: flag.nullish(),
});

export const Auth0UserSchema = z.looseObject({
  user_id: text,
  // Checked by normalizeEmail, which tells a missing email from a malformed one.
  email: z.unknown().optional(),
  email_verified: flag.nullish(),
  given_name: text,
  family_name: text,
  name: text,
  nickname: text,
  blocked: flag.nullish(),
  multifactor: z.union([z.array(z.string()), z.string()]).nullish(),
  identities: z.array(Auth0IdentitySchema).nullish(),
  app_metadata: objectOf.nullish(),
  user_metadata: objectOf.nullish(),
  created_at: text,
  last_login: text,
  /** Only in the extension's format (`Connection`); the bulk export has `identities[]`. */
  connection: text,
});

export type Auth0Identity = z.infer<typeof Auth0IdentitySchema>;
export type Auth0User = z.infer<typeof Auth0UserSchema>;

/** What a field must hold, for messages about a wrong type. */
export const AUTH0_FIELD_EXPECTATIONS: Record<string, string> = {
  email_verified: 'true or false',
  blocked: 'true or false',
  isSocial: 'true or false',
  multifactor: 'a list of factor names',
  identities: 'a list of identity objects',
  app_metadata: 'an object',
  user_metadata: 'an object',
  user_id: 'a string',
};

const USER_FIELDS = new Set(Object.keys(Auth0UserSchema.shape));
const LEGACY_ALIASES: Record<string, string> = { id: 'user_id', 'user id': 'user_id' };

export interface NormalizedKeys {
  value: Record<string, unknown>;
  /** Canonical field name → the key the file used, so messages name the field the user sees. */
  originalKeys: Map<string, string>;
}

/**
 * Renames the extension's labels (`Id`, `Email Verified`, `Given Name`, …) to the bulk
 * export's field names. A key already present in canonical form wins over its label.
 */
export function normalizeAuth0Keys(raw: Record<string, unknown>): NormalizedKeys {
  const value = emptyRecord<unknown>();
  const originalKeys = new Map<string, string>();
  for (const [key, v] of Object.entries(raw)) {
    if (USER_FIELDS.has(key)) value[key] = v;
  }
  for (const [key, v] of Object.entries(raw)) {
    if (USER_FIELDS.has(key)) continue;
    const canonical = canonicalAuth0Key(key);
    if (USER_FIELDS.has(canonical) && !Object.hasOwn(value, canonical)) {
      value[canonical] = v;
      originalKeys.set(canonical, key);
    } else if (!Object.hasOwn(value, key)) {
      value[key] = v;
    }
  }
  return { value, originalKeys };
}

/** The bulk export's name for a key of either format: `Email Verified` → `email_verified`, `Id` → `user_id`. */
function canonicalAuth0Key(key: string): string {
  const known = canonicalKeys.get(key);
  if (known !== undefined) return known;
  const lower = key.trim().toLowerCase().replace(/\s+/g, ' ');
  const canonical = ownValue(LEGACY_ALIASES, lower) ?? lower.replace(/ /g, '_');
  // Every record of an export has the same few dozen keys; the cap keeps a hostile file with
  // a new key on every line from growing the cache.
  if (canonicalKeys.size < 1024) canonicalKeys.set(key, canonical);
  return canonical;
}
const canonicalKeys = new Map<string, string>();

// The fast path. Nearly every record of a real export is well-formed and uses the bulk export's
// own field names; for those, hand-written type checks replace normalizeAuth0Keys and the zod
// parse (a third of the reading time), and the record itself stands for zod's output. Anything
// else (a label to rename, "true" written as text, a wrong type, a `__proto__` key) is left to
// the zod path, which alone words the problems. test/sources/auth0/fast-path.test.ts holds the
// two paths to the same answers.

// Every check accepts `undefined`, and no field is named like a property of Object.prototype:
// reading a field that is absent gives `undefined` and passes, as zod lets an absent optional
// field pass. The checks are written out field by field rather than driven by a table: called
// through a table they were not inlined, and cost more than the rest of the mapping.

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null;
}

function isText(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'string';
}

/** A flag written as text ("true") is transformed by zod: left to it. */
function isFlag(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'boolean';
}

/** A plain object that zod would copy key for key: no array, no `__proto__` key (zod drops it). */
function isCopyableObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__');
}

/** zod outputs a copy of a metadata object; the object itself is equal to it. */
function isMetadata(v: unknown): boolean {
  return isAbsent(v) || isCopyableObject(v);
}

function isMultifactor(v: unknown): boolean {
  if (isText(v)) return true;
  if (!Array.isArray(v)) return false;
  for (const factor of v) if (typeof factor !== 'string') return false;
  return true;
}

function isIdentities(v: unknown): boolean {
  if (isAbsent(v)) return true;
  if (!Array.isArray(v)) return false;
  for (const identity of v) if (!isIdentity(identity)) return false;
  return true;
}

/** `Auth0IdentitySchema`, field by field. */
function isIdentity(v: unknown): boolean {
  if (!isCopyableObject(v)) return false;
  const id = v.user_id;
  return (
    isText(v.connection) &&
    isText(v.provider) &&
    (isText(id) || (typeof id === 'number' && Number.isFinite(id))) &&
    isFlag(v.isSocial)
  );
}

/** `Auth0UserSchema`, field by field (`email` takes anything: normalizeEmail checks it). */
function isWellTypedUser(u: Record<string, unknown>): boolean {
  return (
    isText(u.user_id) &&
    isFlag(u.email_verified) &&
    isText(u.given_name) &&
    isText(u.family_name) &&
    isText(u.name) &&
    isText(u.nickname) &&
    isFlag(u.blocked) &&
    isMultifactor(u.multifactor) &&
    isIdentities(u.identities) &&
    isMetadata(u.app_metadata) &&
    isMetadata(u.user_metadata) &&
    isText(u.created_at) &&
    isText(u.last_login) &&
    isText(u.connection)
  );
}

/**
 * True when a user record is well-formed and already in the bulk export's field names: then
 * it is equal, value for value, to `Auth0UserSchema.safeParse(normalizeAuth0Keys(raw).value)`'s
 * output and may be used as it. Only the order of its keys can differ (zod puts its fields
 * first), and auth0MetadataFields, the one reader that walks the keys, walks them in zod's order.
 * False means the zod path must decide (see above), not that the record is invalid.
 */
export function isCanonicalAuth0User(raw: Record<string, unknown>): raw is Auth0User {
  if (Object.hasOwn(raw, '__proto__')) return false;
  for (const key in raw) {
    const renamed = renamedField(key);
    // A label normalizeAuth0Keys would rename: the zod path keeps track of what the file called it.
    if (renamed !== undefined && !Object.hasOwn(raw, renamed)) return false;
  }
  return isWellTypedUser(raw);
}

/** The field normalizeAuth0Keys may rename `key` to (`Email Verified` → `email_verified`), if any. */
function renamedField(key: string): string | undefined {
  if (USER_FIELDS.has(key)) return undefined;
  const canonical = canonicalAuth0Key(key);
  return USER_FIELDS.has(canonical) ? canonical : undefined;
}

/** The user's keys in the order zod outputs them: the schema's fields, then the others as they come. */
export function auth0UserKeys(user: Record<string, unknown>): string[] {
  const keys = USER_FIELD_ORDER.filter((field) => Object.hasOwn(user, field));
  for (const key of Object.keys(user)) if (!USER_FIELDS.has(key)) keys.push(key);
  return keys;
}
const USER_FIELD_ORDER = Object.keys(Auth0UserSchema.shape);

// The password-hash export from Auth0 support: MongoDB extended JSON, one row a line.
const mongoDate = z.union([
  z.string(),
  z.number(),
  z.looseObject({ $date: z.union([z.string(), z.number(), z.looseObject({ $numberLong: z.string() })]) }),
]);

export const Auth0PasswordRowSchema = z.looseObject({
  _id: z.union([z.string(), z.looseObject({ $oid: z.string() })]).nullish(),
  email: text,
  passwordHash: z.unknown().optional(),
  password_set_date: mongoDate.nullish(),
  tenant: text,
  connection: text,
  alt_id: text,
});

export type Auth0PasswordRow = z.infer<typeof Auth0PasswordRowSchema>;

function isMongoDateValue(v: unknown): boolean {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

function isMongoDateObject(v: unknown): boolean {
  if (!isCopyableObject(v)) return false;
  const date = v.$date;
  return isMongoDateValue(date) || (isCopyableObject(date) && typeof date.$numberLong === 'string');
}

/**
 * `Auth0PasswordRowSchema.safeParse`, with a fast path for the well-formed row: checked by hand,
 * and the row itself is the data. zod would output a copy with its fields first; the copy is
 * equal in every value (nothing in a password row is transformed), and nothing reads a row's
 * key order. A row that fails the check goes to zod, which words the problem.
 */
export function parseAuth0PasswordRow(raw: Record<string, unknown>): z.ZodSafeParseResult<Auth0PasswordRow> {
  if (isWellFormedPasswordRow(raw)) return { success: true, data: raw as Auth0PasswordRow };
  return Auth0PasswordRowSchema.safeParse(raw);
}

/** `Auth0PasswordRowSchema`, field by field (`passwordHash` takes anything: checkPasswordHash checks it). */
function isWellFormedPasswordRow(raw: Record<string, unknown>): boolean {
  const id = raw._id;
  const date = raw.password_set_date;
  return (
    !Object.hasOwn(raw, '__proto__') &&
    (isText(id) || (isCopyableObject(id) && typeof id.$oid === 'string')) &&
    isText(raw.email) &&
    (isAbsent(date) || isMongoDateValue(date) || isMongoDateObject(date)) &&
    isText(raw.tenant) &&
    isText(raw.connection) &&
    isText(raw.alt_id)
  );
}

/** Some exports spell the id key `_ID`. */
export function normalizePasswordRowKeys(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw._id === undefined && raw._ID !== undefined) return { ...raw, _id: raw._ID };
  return raw;
}

/** Milliseconds since the epoch, or -Infinity when the row has no usable date (it then loses every tie). */
export function passwordSetTime(date: Auth0PasswordRow['password_set_date']): number {
  if (date === undefined || date === null) return -Infinity;
  const inner = typeof date === 'object' ? date.$date : date;
  const value =
    typeof inner === 'object' ? Number(inner.$numberLong) : typeof inner === 'number' ? inner : Date.parse(inner);
  return Number.isFinite(value) ? value : -Infinity;
}
