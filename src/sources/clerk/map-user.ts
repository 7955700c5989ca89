import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { checkPasswordHash } from '../../model/password.js';
import type {
  MfaFactor,
  PasswordGap,
  PasswordHash,
  RecordProblem,
  SourceItem,
  SourceLocation,
  UserRecord,
} from '../../model/types.js';
import { checkMetadata, normalizeEmail } from '../../model/validate.js';
import { totpSecretItems } from '../totp-secret.js';
import { convertClerkPassword } from './password-hashers.js';
import { CLERK_SECRET_FIELDS, type ClerkUserFields } from './schema.js';
import { fieldAt, userProblem } from '../user-items.js';

/** The column of a CSV field (1-based), or undefined for JSON records and unknown fields. */
export type ColumnOf = (field: string) => number | undefined;

/**
 * One Clerk user as canonical items: notes about the user (warnings, a password that cannot
 * move) followed by the user, or one error when the user cannot be imported. Messages hold no
 * address, hash or secret.
 */
export function mapClerkUser(
  user: ClerkUserFields,
  location: SourceLocation,
  columnOf: ColumnOf,
  config: MappingConfig,
): SourceItem[] {
  const at = (field: string) => fieldAt(location, columnOf, field);
  const error = (code: string, message: string, field: string, sourceId = user.id): SourceItem[] => [
    userProblem(at(field), sourceId, code, message, field),
  ];

  if (user.id === undefined)
    return error('missing_user_id', 'The user has no id; it becomes the WorkOS external id, so it is required.', 'id');

  const primary = user.primaryEmail ?? user.verifiedEmails[0] ?? user.unverifiedEmails[0] ?? user.otherEmails[0];
  const email = normalizeEmail(primary);
  if (!email.ok) {
    const message =
      email.code === 'missing_email'
        ? 'The user has no email address (primary, verified or unverified); WorkOS requires one.'
        : email.message;
    return error(email.code, message, user.emailField);
  }

  const metadata = checkMetadata(pickMetadataFields(user.fields, config.metadata.users, CLERK_SECRET_FIELDS));
  if (!metadata.ok) return error(metadata.code, metadata.message, metadata.field);

  const notes: RecordProblem[] = [];
  const note = (problem: Omit<RecordProblem, 'sourceId' | 'location'> & { location?: SourceLocation }) =>
    notes.push({ ...problem, sourceId: user.id, location: problem.location ?? location });

  const key = email.email.toLowerCase();
  const verified = new Set(user.verifiedEmails.map((a) => a.toLowerCase()));
  const others = new Set(
    [...user.verifiedEmails, ...user.unverifiedEmails, ...user.otherEmails]
      .map((a) => a.toLowerCase())
      .filter((a) => a !== key),
  );
  if (others.size > 0) {
    note({
      entity: 'user',
      field: 'email_addresses',
      code: 'secondary_emails',
      message: `The user has ${others.size} other email address${others.size === 1 ? '' : 'es'} in Clerk; a WorkOS user has one email, so only the primary one is imported.`,
      severity: 'warning',
    });
  }

  const password = clerkPassword(user, at, note);

  // A TOTP secret that is valid moves; a malformed one, or TOTP without its secret, means re-enrolling.
  const totp =
    user.totpSecret !== undefined
      ? totpSecretItems({
          userSourceId: user.id,
          raw: user.totpSecret,
          location: at('totp_secret'),
          field: 'totp_secret',
        })
      : { moved: false, items: [] };
  const mfaFactors: MfaFactor[] = [];
  if (user.hasTotp && !totp.moved) mfaFactors.push('totp');
  if (user.hasSmsSecondFactor) mfaFactors.push('sms');

  const record: UserRecord = {
    sourceId: user.id,
    idField: 'id',
    email: email.email,
    emailVerified: verified.has(key),
    ...(user.firstName !== undefined ? { firstName: user.firstName } : {}),
    ...(user.lastName !== undefined ? { lastName: user.lastName } : {}),
    ...(password.password ? { password: password.password } : {}),
    passwordGap: password.gap,
    metadata: metadata.metadata,
    mfaFactors,
    socialProviders: user.socialProviders,
    ...(user.enterpriseConnection ? { enterpriseConnection: user.enterpriseConnection } : {}),
    blocked: user.banned,
    location,
  };
  return [
    ...notes.map((problem): SourceItem => ({ kind: 'problem', problem })),
    ...totp.items,
    { kind: 'user', record },
  ];
}

function clerkPassword(
  user: ClerkUserFields,
  at: (field: string) => SourceLocation,
  note: (problem: Omit<RecordProblem, 'sourceId' | 'location'> & { location?: SourceLocation }) => void,
): { password?: PasswordHash; gap: PasswordGap } {
  const digest = user.passwordDigest;
  if (digest === undefined) return { gap: 'missing' };
  // Clerk hashes new passwords with bcrypt; a digest exported without its hasher's name is
  // taken as bcrypt (or argon2) only when it looks like one.
  const hasher =
    user.passwordHasher ??
    (/^\$2[aby]\$/.test(digest) ? 'bcrypt' : /^\$argon2(?:id|i|d)\$/.test(digest) ? 'argon2' : '');
  const conversion = convertClerkPassword(hasher, digest);
  if (conversion.kind === 'unsupported') {
    note({
      entity: 'password',
      location: at('password_hasher'),
      field: 'password_hasher',
      code: 'unsupported_password_hasher',
      message: `${conversion.reason}; the user is imported without a password and signs in with a reset or another method.`,
      severity: 'warning',
    });
    return { gap: 'unsupported' };
  }
  const invalid = (message: string) => {
    note({
      entity: 'password',
      location: at('password_digest'),
      field: 'password_digest',
      code: 'invalid_password_hash',
      message: `${message} The user is imported without a password.`,
      severity: 'error',
    });
    return { gap: 'unsupported' as const };
  };
  if (conversion.kind === 'malformed') return invalid(conversion.message);
  const check = checkPasswordHash(conversion.password.type, conversion.password.hash);
  if (!check.ok) return invalid(check.message);
  return { password: conversion.password, gap: 'none' };
}
