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
    const lower = key.trim().toLowerCase().replace(/\s+/g, ' ');
    const canonical = ownValue(LEGACY_ALIASES, lower) ?? lower.replace(/ /g, '_');
    if (USER_FIELDS.has(canonical) && !Object.hasOwn(value, canonical)) {
      value[canonical] = v;
      originalKeys.set(canonical, key);
    } else if (!Object.hasOwn(value, key)) {
      value[key] = v;
    }
  }
  return { value, originalKeys };
}

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

/** Formats a zod issue path as people write it: `identities[0].isSocial`. */
export function fieldPath(path: readonly PropertyKey[], originalKeys?: Map<string, string>): string {
  let out = '';
  path.forEach((part, index) => {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const name = index === 0 ? (originalKeys?.get(String(part)) ?? String(part)) : String(part);
      out += out === '' ? name : `.${name}`;
    }
  });
  return out;
}
