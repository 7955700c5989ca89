import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { checkPasswordHash } from '../../model/password.js';
import type { PasswordGap, PasswordHash, SourceItem, SourceLocation } from '../../model/types.js';
import { checkMetadata, describeType, normalizeEmail } from '../../model/validate.js';
import {
  fieldAt,
  flagOf,
  objectFromJsonText,
  splitDisplayName,
  ssoMessage,
  textOf,
  userItem,
  userNote,
  userProblem,
} from '../user-items.js';

// One row of Supabase's `auth.users` table, from a CSV (`\copy (select * from auth.users) to
// 'users.csv' csv header`) or JSON (`select json_agg(u) from auth.users u`) dump. The Admin
// API's names for the two metadata objects (`user_metadata`, `app_metadata`) are read too.

/** Columns that hold secrets or one-time tokens: never metadata, and dropped from the row. */
export const SUPABASE_SECRET_FIELDS = new Set([
  'encrypted_password',
  'confirmation_token',
  'recovery_token',
  'email_change_token_new',
  'email_change_token_current',
  'phone_change_token',
  'reauthentication_token',
]);

/** Supabase providers that are not a social sign-in. */
const NOT_SOCIAL = new Set(['email', 'phone', 'anonymous']);

export interface SupabaseContext {
  config: MappingConfig;
  /** The column of a CSV field (1-based); undefined for JSON. */
  columnOf: (field: string) => number | undefined;
  /** What "now" is for `banned_until` (milliseconds since the epoch). */
  now: number;
}

/**
 * One `auth.users` row as canonical items. Secrets are removed from `row` before anything else
 * reads it. Banned (until a future time) and soft-deleted users are yielded with
 * `blocked: true`; the planner skips them by policy.
 */
export function mapSupabaseUser(
  row: Record<string, unknown>,
  location: SourceLocation,
  ctx: SupabaseContext,
): SourceItem[] {
  const secret = row.encrypted_password;
  for (const key of SUPABASE_SECRET_FIELDS) delete row[key];
  const at = (field: string) => fieldAt(location, ctx.columnOf, field);
  const problem = (sourceId: string | undefined, code: string, message: string, field: string) => [
    userProblem(at(field), sourceId, code, message, field),
  ];

  const id = textOf(row.id);
  if (!id)
    return problem(
      undefined,
      'missing_user_id',
      'The user has no id; it becomes the WorkOS external id, so it is required.',
      'id',
    );
  const email = normalizeEmail(typeof row.email === 'string' && row.email.trim() === '' ? undefined : row.email);
  if (!email.ok) {
    const phoneOnly = email.code === 'missing_email' && textOf(row.phone) !== undefined;
    const anonymous = flagOf(row.is_anonymous) === true;
    const message = anonymous
      ? 'The user is an anonymous Supabase user with no email; there is nothing to sign in to WorkOS with.'
      : phoneOnly
        ? 'The user signs in with a phone number only; WorkOS users need an email, so ask them for one and add them later.'
        : email.message;
    return problem(id, email.code, message, 'email');
  }

  const meta: Record<string, Record<string, unknown>> = {};
  for (const [name, alias] of [
    ['raw_user_meta_data', 'user_metadata'],
    ['raw_app_meta_data', 'app_metadata'],
  ] as const) {
    const field = row[name] !== undefined ? name : alias;
    const value = objectFromJsonText(row[field]);
    if (value === 'invalid')
      return problem(
        id,
        'invalid_field_type',
        `The field ${field} must hold a JSON object, not ${describeType(row[field])}.`,
        field,
      );
    meta[name] = value ?? {};
    row[field] = meta[name];
  }
  const isSso = flagOf(row.is_sso_user);
  if (isSso === 'invalid')
    return problem(id, 'invalid_field_type', 'The field is_sso_user must be true or false.', 'is_sso_user');

  const banned = timestampOf(row.banned_until);
  const deleted = timestampOf(row.deleted_at);
  if (banned === 'invalid')
    return problem(id, 'invalid_field_type', 'The field banned_until must be a timestamp.', 'banned_until');
  if (deleted === 'invalid')
    return problem(id, 'invalid_field_type', 'The field deleted_at must be a timestamp.', 'deleted_at');
  const confirmed = timestampOf(row.email_confirmed_at);

  const metadata = checkMetadata(pickMetadataFields(row, ctx.config.metadata.users, SUPABASE_SECRET_FIELDS));
  if (!metadata.ok) return problem(id, metadata.code, metadata.message, metadata.field);

  const items: SourceItem[] = [];
  const password = supabasePassword(secret, id, at('encrypted_password'), items);

  const social = new Set<string>();
  const app = meta.raw_app_meta_data!;
  const providers = [...(Array.isArray(app.providers) ? app.providers : []), app.provider].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  for (const provider of providers) {
    if (NOT_SOCIAL.has(provider)) continue;
    social.add(provider.startsWith('sso:') ? 'sso' : provider);
  }
  if (isSso === true || social.has('sso')) {
    const provider = providers.find((p) => p.startsWith('sso:')) ?? 'a SAML provider';
    items.push(
      userNote({
        entity: 'user',
        sourceId: id,
        location: at('is_sso_user'),
        field: 'is_sso_user',
        code: 'sso_user',
        message: ssoMessage('Supabase', provider),
      }),
    );
    social.add('sso');
  }

  items.push(
    userItem({
      sourceId: id,
      email: email.email,
      emailVerified: typeof confirmed === 'number',
      ...supabaseNames(meta.raw_user_meta_data!),
      ...(password.password ? { password: password.password } : {}),
      passwordGap: password.gap,
      metadata: metadata.metadata,
      mfaFactors: [],
      socialProviders: [...social],
      blocked: (typeof banned === 'number' && banned > ctx.now) || typeof deleted === 'number',
      location,
    }),
  );
  return items;
}

/** `full_name`, then `name`, split by the display-name rule; `first_name`/`last_name` win when present. */
function supabaseNames(meta: Record<string, unknown>): { firstName?: string; lastName?: string } {
  const first = textOf(meta.first_name) ?? textOf(meta.given_name);
  const last = textOf(meta.last_name) ?? textOf(meta.family_name);
  if (first || last) return { ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}) };
  return splitDisplayName(textOf(meta.full_name) ?? textOf(meta.name));
}

function supabasePassword(
  value: unknown,
  id: string,
  location: SourceLocation,
  items: SourceItem[],
): { password?: PasswordHash; gap: PasswordGap } {
  const hash = textOf(value);
  if (!hash) return { gap: 'missing' };
  const note = (code: string, message: string, severity: 'error' | 'warning') => {
    items.push(
      userNote({ entity: 'password', sourceId: id, location, field: 'encrypted_password', code, message, severity }),
    );
    return { gap: 'unsupported' as const };
  };
  if (!hash.startsWith('$2')) {
    return note(
      'unsupported_password_hash',
      'The encrypted_password is not a bcrypt hash, the only kind Supabase Auth writes; the user is imported without a password.',
      'warning',
    );
  }
  const check = checkPasswordHash('bcrypt', hash);
  if (!check.ok)
    return note('invalid_password_hash', `${check.message} The user is imported without a password.`, 'error');
  return { password: { type: 'bcrypt', hash }, gap: 'none' };
}

/**
 * A timestamp as PostgreSQL writes it in CSV (`2025-01-02 03:04:05.123456+00`), ISO 8601 in
 * JSON, or `infinity`. Blank is undefined; milliseconds since the epoch otherwise.
 */
export function timestampOf(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return 'invalid';
  const text = value.trim();
  if (text === '') return undefined;
  if (text === 'infinity') return Infinity;
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'invalid' : time;
}
