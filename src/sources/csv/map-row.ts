import { emailKey } from '../../model/email-key.js';
import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { checkPasswordHash } from '../../model/password.js';
import {
  PASSWORD_HASH_TYPES,
  type PasswordGap,
  type PasswordHash,
  type PasswordHashType,
  type SourceItem,
  type SourceLocation,
  type UserRecord,
} from '../../model/types.js';
import { checkMetadata, normalizeEmail } from '../../model/validate.js';
import { totpSecretItems } from '../totp-secret.js';
import { fieldAt, flagOf, objectFromJsonText, textOf, userNote, userProblem } from '../user-items.js';

// One row of the generic CSV of the WorkOS migrations CLI (workos/workos-migrations, its README's
// "CSV Format"): email, first_name, last_name, email_verified, password_hash, password_hash_type,
// external_id, metadata, org_id, org_external_id, org_name, role_slugs, and the plaintext
// password column its importer also reads. A user in several organizations has one row per
// organization, the user's columns repeated.

/** Columns never copied to metadata and blanked as soon as they are read. */
export const CSV_SECRET_COLUMNS = new Set(['password', 'password_hash', 'totp_secret']);

export interface CsvRowContext {
  config: MappingConfig;
  columnOf: (field: string) => number | undefined;
}

/** What one row holds: the user (or why it cannot be imported), notes, and its organization part. */
export interface MappedCsvRow {
  /** The user's key: external_id, or the email when the row has none. */
  sourceId?: string;
  user?: UserRecord;
  /** A digest of the user's columns, to notice rows of one user that disagree. */
  fingerprint?: string;
  items: SourceItem[];
  organization?: { externalId?: string; workosId?: string; name?: string; roles: string[] };
}

export function mapCsvRow(row: Record<string, string>, location: SourceLocation, ctx: CsvRowContext): MappedCsvRow {
  const secrets = { password: row.password, hash: row.password_hash, totp: row.totp_secret };
  for (const key of CSV_SECRET_COLUMNS) if (key in row) row[key] = '';
  const at = (field: string) => fieldAt(location, ctx.columnOf, field);
  const organization = organizationPart(row, ctx.config);

  const email = normalizeEmail(textOf(row.email));
  const externalId = textOf(row.external_id);
  const sourceId = externalId ?? (email.ok ? emailKey(email.email) : undefined);
  const fail = (code: string, message: string, field: string): MappedCsvRow => ({
    ...(sourceId !== undefined ? { sourceId } : {}),
    items: [userProblem(at(field), sourceId, code, message, field)],
    ...(organization ? { organization } : {}),
  });
  if (!email.ok) return fail(email.code, email.message, 'email');
  const verified = flagOf(row.email_verified);
  if (verified === 'invalid')
    return fail(
      'invalid_field_type',
      'The column email_verified must be true or false (yes/no, 1/0 also work).',
      'email_verified',
    );

  const given = objectFromJsonText(textOf(row.metadata));
  if (given === 'invalid')
    return fail('invalid_metadata', 'The column metadata must hold a JSON object, like {"plan":"pro"}.', 'metadata');
  const metadata = checkMetadata({
    ...given,
    ...pickMetadataFields(row, ctx.config.metadata.users, CSV_SECRET_COLUMNS),
  });
  if (!metadata.ok) return fail(metadata.code, metadata.message, 'metadata');

  const items: SourceItem[] = [];
  const password = csvPassword(secrets, textOf(row.password_hash_type), sourceId!, at, items);
  // A TOTP secret moves with the user; one that is malformed means enrolling again.
  const totpSecret = textOf(secrets.totp);
  const totp =
    totpSecret === undefined
      ? undefined
      : totpSecretItems({
          userSourceId: sourceId!,
          raw: totpSecret,
          location: at('totp_secret'),
          field: 'totp_secret',
        });
  if (totp) items.push(...totp.items);
  const firstName = textOf(row.first_name);
  const lastName = textOf(row.last_name);
  const user: UserRecord = {
    sourceId: sourceId!,
    email: email.email,
    emailVerified: verified ?? false,
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
    ...(password.password ? { password: password.password } : {}),
    passwordGap: password.gap,
    metadata: metadata.metadata,
    mfaFactors: totp && !totp.moved ? ['totp'] : [],
    socialProviders: [],
    blocked: false,
    location,
  };
  const fingerprint = JSON.stringify([
    user.email.toLowerCase(),
    user.emailVerified,
    firstName,
    lastName,
    password.password?.hash,
    metadata.metadata,
  ]);
  return { sourceId: sourceId!, user, fingerprint, items, ...(organization ? { organization } : {}) };
}

function csvPassword(
  secrets: { password?: string; hash?: string },
  typeText: string | undefined,
  sourceId: string,
  at: (field: string) => SourceLocation,
  items: SourceItem[],
): { password?: PasswordHash; gap: PasswordGap } {
  const hash = textOf(secrets.hash);
  const note = (field: string, code: string, message: string, severity: 'error' | 'warning') => {
    items.push(userNote({ entity: 'password', sourceId, location: at(field), field, code, message, severity }));
  };
  if (!hash) {
    if (textOf(secrets.password)) {
      note(
        'password',
        'plaintext_password',
        'The row has a plaintext password; this tool imports only hashes, so the user is imported without one (hash it, or let the user reset it).',
        'warning',
      );
    }
    return { gap: 'missing' };
  }
  if (!typeText) {
    note(
      'password_hash_type',
      'missing_password_hash_type',
      'The row has a password_hash but no password_hash_type; the user is imported without a password.',
      'error',
    );
    return { gap: 'unsupported' };
  }
  const type = typeText.toLowerCase();
  if (!(PASSWORD_HASH_TYPES as readonly string[]).includes(type)) {
    note(
      'password_hash_type',
      'unsupported_password_hash_type',
      `WorkOS cannot verify ${typeText} hashes (it takes ${PASSWORD_HASH_TYPES.join(', ')}); the user is imported without a password.`,
      'warning',
    );
    return { gap: 'unsupported' };
  }
  const check = checkPasswordHash(type as PasswordHashType, hash);
  if (!check.ok) {
    note(
      'password_hash',
      'invalid_password_hash',
      `${check.message} The user is imported without a password.`,
      'error',
    );
    return { gap: 'unsupported' };
  }
  return { password: { type: type as PasswordHashType, hash }, gap: 'none' };
}

function organizationPart(row: Record<string, string>, config: MappingConfig): MappedCsvRow['organization'] {
  const externalId = textOf(row.org_external_id);
  const workosId = textOf(row.org_id);
  const name = textOf(row.org_name);
  if (!externalId && !workosId && !name) return undefined;
  const roles = roleSlugs(row.role_slugs).map((role) => config.roles[role] ?? role);
  return {
    ...(externalId ? { externalId } : {}),
    ...(workosId ? { workosId } : {}),
    ...(name ? { name } : {}),
    roles: [...new Set(roles)],
  };
}

/** `role_slugs` as the migrations CLI reads it: comma-separated, or a JSON array. */
export function roleSlugs(value: string | undefined): string[] {
  const text = value?.trim();
  if (!text) return [];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map((s) => String(s).trim()).filter((s) => s !== '');
    } catch {
      // Not JSON after all: read it as a list.
    }
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
