import { z } from 'zod';
import type { EnterpriseConnection } from '../../model/types.js';
import { emptyRecord } from '../../model/lookup.js';

// Clerk's user exports, in the two shapes they come in, reduced to one: the fields the mapping
// needs, with secrets already gone. The dashboard CSV writes every field as text and lists
// several addresses in one cell; the older JSON export (and Backend API user objects, which
// people save from `GET /v1/users`) write lists as `a|b` strings or as arrays of objects.

/** The columns of Clerk's dashboard CSV export. */
export const CLERK_CSV_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'username',
  'primary_email_address',
  'primary_phone_number',
  'verified_email_addresses',
  'unverified_email_addresses',
  'verified_phone_numbers',
  'unverified_phone_numbers',
  'totp_secret',
  'password_digest',
  'password_hasher',
] as const;

/** Fields that hold secrets: dropped as soon as a record is read, never metadata. */
export const CLERK_SECRET_FIELDS: ReadonlySet<string> = new Set([
  'totp_secret',
  'password_digest',
  'password_hasher',
  'backup_codes',
]);

/** One Clerk user, whatever the export's shape. */
export interface ClerkUserFields {
  id?: string;
  firstName?: string;
  lastName?: string;
  /** The address Clerk marks primary, when the export says. */
  primaryEmail?: string;
  verifiedEmails: string[];
  unverifiedEmails: string[];
  /** Addresses whose verification the export does not tell (the JSON export's `a|b` list). */
  otherEmails: string[];
  /** Where the primary address came from, for problems: a CSV column or JSON field. */
  emailField: string;
  hasTotp: boolean;
  /** The exported TOTP secret as written (checked by the mapper; never metadata, never printed). */
  totpSecret?: string;
  hasSmsSecondFactor: boolean;
  passwordDigest?: string;
  passwordHasher?: string;
  /** `oauth_google` → `google`. */
  socialProviders: string[];
  /** The user's SAML or enterprise account, from `saml_accounts` / `enterprise_accounts` (JSON only). */
  enterpriseConnection?: EnterpriseConnection;
  banned: boolean;
  /** The record's other fields, for the metadata map. No secrets. */
  fields: Record<string, unknown>;
}

/** A cell or string that lists several values: Clerk separates them with `|` (older exports: `,`). */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[|,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function textOrUndefined(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A CSV row as `ClerkUserFields`. The TOTP secret is taken out and blanked in the row. */
export function clerkCsvUser(row: Record<string, string>): ClerkUserFields {
  const totpSecret = textOrUndefined(row.totp_secret);
  const hasTotp = totpSecret !== undefined;
  const passwordDigest = textOrUndefined(row.password_digest);
  const passwordHasher = textOrUndefined(row.password_hasher);
  const fields = emptyRecord<unknown>();
  for (const key in row) {
    if (CLERK_SECRET_FIELDS.has(key)) row[key] = '';
    // The older dashboard CSV writes the metadata objects as JSON text: `public_metadata.plan` maps.
    else if (key.endsWith('_metadata')) fields[key] = jsonObjectOrText(row[key]);
    else fields[key] = row[key];
  }
  const verified = splitList(row.verified_email_addresses);
  const unverified = splitList(row.unverified_email_addresses);
  // The older dashboard CSV has one `email_addresses` column (`a|b`), saying neither which is
  // primary nor which is verified: the first is the best guess, and none counts as verified.
  const listed = new Set([...verified, ...unverified]);
  const other = splitList(row.email_addresses).filter((address) => !listed.has(address));
  const primary =
    textOrUndefined(row.primary_email_address) ??
    (verified.length === 0 && unverified.length === 0 ? other[0] : undefined);
  return {
    id: textOrUndefined(row.id),
    firstName: textOrUndefined(row.first_name),
    lastName: textOrUndefined(row.last_name),
    primaryEmail: primary,
    verifiedEmails: verified,
    unverifiedEmails: unverified,
    otherEmails: other,
    emailField:
      primary === undefined && verified.length > 0
        ? 'verified_email_addresses'
        : primary === undefined && unverified.length > 0
          ? 'unverified_email_addresses'
          : row.primary_email_address === undefined && row.email_addresses !== undefined
            ? 'email_addresses'
            : 'primary_email_address',
    hasTotp,
    ...(totpSecret !== undefined ? { totpSecret } : {}),
    // The CSV lists phone numbers, not how they are used: in Clerk a phone is most often a way
    // to sign in, so a phone alone is not counted as an SMS second factor.
    hasSmsSecondFactor: false,
    ...(passwordDigest !== undefined ? { passwordDigest } : {}),
    ...(passwordHasher !== undefined ? { passwordHasher } : {}),
    socialProviders: [],
    banned: false,
    fields,
  };
}

/** A JSON object written as text in a cell; other text stays as it is. */
function jsonObjectOrText(value: string | undefined): unknown {
  const trimmed = value?.trim();
  if (!trimmed?.startsWith('{')) return value;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : value;
  } catch {
    return value;
  }
}

const text = z.string().nullish();
const flag = z.boolean().nullish();
const objectOf = z.record(z.string(), z.unknown()).nullish();

const EmailObject = z.looseObject({
  id: text,
  email_address: text,
  verification: z.looseObject({ status: text }).nullish(),
});
const PhoneObject = z.looseObject({
  phone_number: text,
  reserved_for_second_factor: flag,
  default_second_factor: flag,
});
const ConnectionRef = z.looseObject({ id: text, name: text }).nullish();
const EnterpriseAccount = z.looseObject({
  provider: text,
  active: flag,
  saml_connection: ConnectionRef,
  enterprise_connection: ConnectionRef,
});
const textList = z.union([z.string(), z.array(z.string())]).nullish();

export const ClerkJsonUserSchema = z.looseObject({
  id: text,
  first_name: text,
  last_name: text,
  username: text,
  primary_email_address: text,
  primary_email_address_id: text,
  email_addresses: z.union([z.string(), z.array(z.union([z.string(), EmailObject]))]).nullish(),
  verified_email_addresses: textList,
  unverified_email_addresses: textList,
  phone_numbers: z.union([z.string(), z.array(z.union([z.string(), PhoneObject]))]).nullish(),
  totp_secret: text,
  totp_enabled: flag,
  password_digest: text,
  password_hasher: text,
  external_accounts: z.array(z.looseObject({ provider: text })).nullish(),
  // Backend API user objects: `saml_accounts` (older) and `enterprise_accounts` (SAML or OIDC).
  saml_accounts: z.array(EnterpriseAccount).nullish(),
  enterprise_accounts: z.array(EnterpriseAccount).nullish(),
  banned: flag,
  public_metadata: objectOf,
  private_metadata: objectOf,
  unsafe_metadata: objectOf,
});

export type ClerkJsonUser = z.infer<typeof ClerkJsonUserSchema>;

/** What a JSON field must hold, for messages about a wrong type. */
export const CLERK_JSON_FIELD_EXPECTATIONS: Record<string, string> = {
  email_addresses: 'a list of addresses (a|b) or an array of addresses or email objects',
  verified_email_addresses: 'a list of addresses',
  unverified_email_addresses: 'a list of addresses',
  phone_numbers: 'a list of phone numbers or phone objects',
  totp_enabled: 'true or false',
  banned: 'true or false',
  external_accounts: 'an array of objects with a provider',
  saml_accounts: 'an array of SAML account objects',
  enterprise_accounts: 'an array of enterprise account objects',
  public_metadata: 'an object',
  private_metadata: 'an object',
  unsafe_metadata: 'an object',
};

/**
 * A JSON user as `ClerkUserFields`. `value` is the parsed record: its secrets are deleted from
 * it here, so nothing downstream can reach them.
 */
export function clerkJsonUser(user: ClerkJsonUser, value: Record<string, unknown>): ClerkUserFields {
  const totpSecret = textOrUndefined(user.totp_secret);
  const hasTotp = totpSecret !== undefined || user.totp_enabled === true;
  const passwordDigest = textOrUndefined(user.password_digest);
  const passwordHasher = textOrUndefined(user.password_hasher);
  for (const secret of CLERK_SECRET_FIELDS) {
    delete value[secret];
    delete (user as Record<string, unknown>)[secret];
  }

  const verified = new Set<string>(listOf(user.verified_email_addresses));
  const unverified = new Set<string>(listOf(user.unverified_email_addresses));
  const other: string[] = [];
  let primary = textOrUndefined(user.primary_email_address);
  const addresses =
    typeof user.email_addresses === 'string' ? splitList(user.email_addresses) : (user.email_addresses ?? []);
  for (const entry of addresses) {
    if (typeof entry === 'string') {
      const address = entry.trim();
      if (address && !verified.has(address) && !unverified.has(address)) other.push(address);
      continue;
    }
    const address = textOrUndefined(entry.email_address);
    if (!address) continue;
    if (entry.verification?.status === 'verified') verified.add(address);
    else unverified.add(address);
    if (primary === undefined && entry.id && entry.id === user.primary_email_address_id) primary = address;
  }
  // The older export's `email_addresses: "a|b"` does not say which is primary; the first one is
  // the one Clerk lists first, and the best guess there is.
  if (primary === undefined && verified.size === 0 && unverified.size === 0 && other.length > 0) primary = other[0];

  const phones = typeof user.phone_numbers === 'string' ? [] : (user.phone_numbers ?? []);
  const hasSmsSecondFactor = phones.some(
    (p) => typeof p === 'object' && (p.reserved_for_second_factor === true || p.default_second_factor === true),
  );

  const providers = new Set<string>();
  for (const account of user.external_accounts ?? []) {
    const provider = textOrUndefined(account.provider);
    if (provider) providers.add(provider.replace(/^oauth_/, ''));
  }

  return {
    id: textOrUndefined(user.id),
    firstName: textOrUndefined(user.first_name),
    lastName: textOrUndefined(user.last_name),
    ...(primary !== undefined ? { primaryEmail: primary } : {}),
    verifiedEmails: [...verified],
    unverifiedEmails: [...unverified],
    otherEmails: other,
    emailField: user.primary_email_address ? 'primary_email_address' : 'email_addresses',
    hasTotp,
    ...(totpSecret !== undefined ? { totpSecret } : {}),
    hasSmsSecondFactor,
    ...(passwordDigest !== undefined ? { passwordDigest } : {}),
    ...(passwordHasher !== undefined ? { passwordHasher } : {}),
    socialProviders: [...providers],
    ...clerkEnterpriseField(user),
    banned: user.banned === true,
    fields: value,
  };
}

/** The first active SAML or enterprise account (else the first one): its provider and connection. */
function clerkEnterpriseField(user: ClerkJsonUser): Pick<ClerkUserFields, 'enterpriseConnection'> {
  const accounts = [...(user.enterprise_accounts ?? []), ...(user.saml_accounts ?? [])];
  const account = accounts.find((a) => a.active !== false) ?? accounts[0];
  if (account === undefined) return {};
  const type = textOrUndefined(account.provider) ?? 'saml';
  const ref = account.enterprise_connection ?? account.saml_connection;
  return { enterpriseConnection: { type, connection: textOrUndefined(ref?.name) ?? textOrUndefined(ref?.id) ?? type } };
}

function listOf(value: string | string[] | null | undefined): string[] {
  if (typeof value === 'string') return splitList(value);
  return (value ?? []).map((v) => v.trim()).filter((v) => v !== '');
}
