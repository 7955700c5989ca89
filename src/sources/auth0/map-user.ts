import type { EnterpriseConnection, MfaFactor, RecordProblem, SourceLocation, UserRecord } from '../../model/types.js';
import { recordError, wrongFieldType } from '../../model/problems.js';
import { normalizeEmail } from '../../model/validate.js';
import {
  AUTH0_FIELD_EXPECTATIONS,
  Auth0UserSchema,
  normalizeAuth0Keys,
  auth0UserKeys,
  isCanonicalAuth0User,
  type Auth0User,
} from './schema.js';
import { emptyRecord, ownValue } from '../../model/lookup.js';

export type MappedAuth0User =
  | {
      ok: true;
      user: Auth0User;
      record: UserRecord;
      /** The user's Auth0 database connections: where a password row may join it by email. */
      databaseConnections: string[];
    }
  | { ok: false; problem: RecordProblem };

/**
 * One Auth0 user as a canonical record: password not joined yet (`passwordGap: 'missing'`),
 * metadata empty until a metadata map picks fields (personal data stays out by default).
 */
export function mapAuth0User(raw: Record<string, unknown>, location: SourceLocation): MappedAuth0User {
  const read = readAuth0User(raw, location);
  if (!read.ok) return read;
  const { user, originalKeys } = read;
  const label = (field: string) => originalKeys.get(field) ?? field;

  const userId = user.user_id?.trim();
  if (!userId) {
    return problem(
      location,
      undefined,
      'missing_user_id',
      `The user has no ${label('user_id')}; it becomes the WorkOS external id, so it is required.`,
      label('user_id'),
    );
  }
  const email = normalizeEmail(user.email);
  if (!email.ok) return problem(location, userId, email.code, email.message, label('email'));

  const record: UserRecord = {
    sourceId: userId,
    email: email.email,
    emailVerified: user.email_verified ?? false,
    ...names(user, email.email),
    passwordGap: 'missing',
    metadata: {},
    mfaFactors: mergeFactors(mfaFactors(user.multifactor), guardianFactors(user.guardian_authenticators)),
    socialProviders: socialProviders(user, userId),
    ...enterpriseField(user, userId),
    blocked: user.blocked ?? false,
    location,
  };
  return { ok: true, user, record, databaseConnections: databaseConnections(user, userId) };
}

const NO_RENAMED_KEYS: ReadonlyMap<string, string> = new Map();

type ReadAuth0User =
  | { ok: true; user: Auth0User; originalKeys: ReadonlyMap<string, string> }
  | { ok: false; problem: RecordProblem };

/** The user's fields, typed: by the fast path when it can tell, else by the zod schema, which words the problem. */
function readAuth0User(raw: Record<string, unknown>, location: SourceLocation): ReadAuth0User {
  if (isCanonicalAuth0User(raw)) return { ok: true, user: raw, originalKeys: NO_RENAMED_KEYS };

  const { value, originalKeys } = normalizeAuth0Keys(raw);
  const parsed = Auth0UserSchema.safeParse(value);
  if (parsed.success) return { ok: true, user: parsed.data, originalKeys };
  const { field, message } = wrongFieldType(parsed.error.issues[0]!, value, AUTH0_FIELD_EXPECTATIONS, originalKeys);
  const sourceIdGuess = typeof value.user_id === 'string' ? value.user_id : undefined;
  return {
    ok: false,
    problem: recordError('user', location, sourceIdGuess, 'invalid_field_type', message, field),
  };
}

function problem(
  location: SourceLocation,
  sourceId: string | undefined,
  code: string,
  message: string,
  field?: string,
): MappedAuth0User {
  return { ok: false, problem: recordError('user', location, sourceId, code, message, field) };
}

function names(user: Auth0User, email: string): Pick<UserRecord, 'firstName' | 'lastName'> {
  const given = user.given_name?.trim() || undefined;
  const family = user.family_name?.trim() || undefined;
  if (given || family) return { ...(given ? { firstName: given } : {}), ...(family ? { lastName: family } : {}) };
  // Auth0 fills `name` with the email for database users; that is not a name.
  const name = user.name?.trim();
  if (!name || name.includes('@') || name.toLowerCase() === email.toLowerCase()) return {};
  const [first, ...rest] = name.split(/\s+/);
  return { firstName: first!, ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}) };
}

const MFA_FACTORS: Record<string, MfaFactor> = {
  sms: 'sms',
  phone: 'sms',
  voice: 'sms',
  'google-authenticator': 'totp',
  authenticator: 'totp',
  otp: 'totp',
  totp: 'totp',
  guardian: 'push',
  'push-notification': 'push',
  email: 'email',
  'webauthn-roaming': 'webauthn',
  passkey: 'webauthn',
  'webauthn-platform': 'webauthn',
};

export function mfaFactors(multifactor: Auth0User['multifactor']): MfaFactor[] {
  if (multifactor === undefined || multifactor === null) return [];
  const names = typeof multifactor === 'string' ? [multifactor] : multifactor;
  const factors = names.map((name) => ownValue(MFA_FACTORS, name.trim().toLowerCase()) ?? 'other');
  return [...new Set(factors)];
}

/**
 * Enrolled authenticators as the Management API lists them (`guardian_authenticators`, or the
 * `enrollments`/`authentication-methods` entries people save into a user): `{type, confirmed}`,
 * older ones `{auth_method}`. Unconfirmed enrollments and non-factors (recovery codes, the
 * password itself) are not factors to re-enroll. Anything unreadable is none.
 */
export function guardianFactors(value: unknown): MfaFactor[] {
  if (!Array.isArray(value)) return [];
  const factors: MfaFactor[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { type, auth_method: method, confirmed } = entry as Record<string, unknown>;
    const name = typeof type === 'string' ? type : typeof method === 'string' ? method : undefined;
    if (name === undefined || confirmed === false || confirmed === 'false') continue;
    const key = name.trim().toLowerCase();
    if (NOT_FACTORS.has(key)) continue;
    addOnce(factors, ownValue(MFA_FACTORS, key) ?? 'other');
  }
  return factors;
}

const NOT_FACTORS = new Set(['recovery-code', 'password', 'email-verification']);

function mergeFactors(a: MfaFactor[], b: MfaFactor[]): MfaFactor[] {
  const all = [...a];
  for (const factor of b) addOnce(all, factor);
  return all;
}

/** Strategies whose user ids mark a social login even when the export has no `identities`. */
const SOCIAL_PREFIXES = ['google-oauth2', 'github', 'facebook', 'apple', 'windowslive', 'linkedin', 'twitter'];

/** Identity providers that are not a social sign-in: Auth0's own database and passwordless. */
const NOT_SOCIAL_PROVIDERS = new Set(['auth0', 'email', 'sms']);

/**
 * Social providers from `identities[]`: `isSocial` when the export writes it; the Management
 * API's user profile leaves it out of linked identities, so then the provider decides (any that
 * is neither Auth0's own database or passwordless nor an enterprise strategy).
 */
export function socialProviders(user: Auth0User, userId: string): string[] {
  const providers: string[] = [];
  for (const identity of user.identities ?? []) {
    const provider = identity.provider?.trim();
    if (!provider) continue;
    const social =
      identity.isSocial ??
      (!NOT_SOCIAL_PROVIDERS.has(provider.toLowerCase()) &&
        !AUTH0_ENTERPRISE_STRATEGIES.includes(provider.toLowerCase()));
    if (social) addOnce(providers, provider);
  }
  const bar = userId.indexOf('|');
  if (bar >= 0) {
    const strategy = userId.slice(0, bar);
    if (SOCIAL_PREFIXES.includes(strategy)) addOnce(providers, strategy);
  }
  return providers;
}

/**
 * Adds `item` unless the list has it: the order and uniqueness of `[...new Set(…)]`, without
 * a Set per user (these lists hold one or two names).
 */
function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** Auth0 strategies of enterprise connections: their users need an SSO connection in WorkOS. */
export const AUTH0_ENTERPRISE_STRATEGIES = ['samlp', 'waad', 'oidc', 'adfs', 'okta', 'google-apps'];

/** The user's first enterprise identity, from `identities[]` or else the `user_id` prefix. */
export function enterpriseConnection(user: Auth0User, userId: string): EnterpriseConnection | undefined {
  for (const identity of user.identities ?? []) {
    const strategy = identity.provider?.trim().toLowerCase();
    if (strategy && AUTH0_ENTERPRISE_STRATEGIES.includes(strategy)) {
      return { type: strategy, connection: identity.connection?.trim() || strategy };
    }
  }
  const strategy = userId.includes('|') ? userId.slice(0, userId.indexOf('|')).toLowerCase() : '';
  if (!AUTH0_ENTERPRISE_STRATEGIES.includes(strategy)) return undefined;
  // SAML user ids are `samlp|<connection>|<id>`; other strategies name no connection there.
  const named = strategy === 'samlp' ? userId.split('|')[1] : undefined;
  return { type: strategy, connection: user.connection?.trim() || named || strategy };
}

function enterpriseField(user: Auth0User, userId: string): Pick<UserRecord, 'enterpriseConnection'> {
  const connection = enterpriseConnection(user, userId);
  return connection ? { enterpriseConnection: connection } : {};
}

function databaseConnections(user: Auth0User, userId: string): string[] {
  const connections: string[] = [];
  for (const identity of user.identities ?? []) {
    if (identity.provider === 'auth0' && identity.connection) addOnce(connections, identity.connection);
  }
  if (connections.length === 0 && user.connection && userId.startsWith('auth0|')) connections.push(user.connection);
  return connections;
}

/**
 * The fields a metadata map may pick from, flat: `app_metadata.plan`,
 * `user_metadata.preferences.theme`, and the user's own top-level values (`created_at`,
 * `last_login`, `nickname`, …). Arrays are leaves. Nothing here is imported by default.
 */
export function auth0MetadataFields(user: Auth0User | Record<string, unknown>): Record<string, unknown> {
  const fields = emptyRecord<unknown>();
  // In zod's order whatever the object's own: a top-level `app_metadata.plan` key must win over
  // the flattened one the same way for a record of the fast path as for one zod parsed.
  for (const key of auth0UserKeys(user)) {
    const value = user[key];
    if (key === 'identities') continue;
    if (key === 'app_metadata' || key === 'user_metadata') {
      if (isPlainObject(value)) flatten(value, key, fields);
    } else if (value !== null && value !== undefined && typeof value !== 'object') {
      fields[key] = value;
    }
  }
  return fields;
}

/** Without recursion: readers cap nesting, but a stack overflow must not be one limit away. */
function flatten(object: Record<string, unknown>, prefix: string, into: Record<string, unknown>): void {
  const stack: [Record<string, unknown>, string][] = [[object, prefix]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    for (const [key, value] of Object.entries(current)) {
      if (isPlainObject(value)) stack.push([value, `${path}.${key}`]);
      else into[`${path}.${key}`] = value;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
