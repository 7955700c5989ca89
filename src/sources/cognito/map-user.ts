import { z } from 'zod';
import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import { ownValue } from '../../model/lookup.js';
import { wrongFieldType } from '../../model/problems.js';
import type { MfaFactor, SourceItem, SourceLocation } from '../../model/types.js';
import { checkMetadata, normalizeEmail } from '../../model/validate.js';
import { SOURCE_STATUS_PREFIX } from '../../model/problems.js';
import { flagOf, splitDisplayName, ssoMessage, textOf, userItem, userNote, userProblem } from '../user-items.js';

// One user of `aws cognito-idp list-users`: `{Username, Attributes:[{Name, Value}], Enabled,
// UserStatus, MFAOptions, UserCreateDate, …}`. Every value in Attributes is a string, booleans
// included (`"email_verified": "true"`). Cognito never exports password hashes.

const text = z.string().nullish();

export const CognitoUserSchema = z.looseObject({
  Username: text,
  Attributes: z.array(z.looseObject({ Name: z.string(), Value: z.string().nullish() })).nullish(),
  // `aws cognito-idp admin-get-user` writes the same list as UserAttributes.
  UserAttributes: z.array(z.looseObject({ Name: z.string(), Value: z.string().nullish() })).nullish(),
  UserMFASettingList: z.array(z.string()).nullish(),
  Enabled: z.union([z.boolean(), z.string()]).nullish(),
  UserStatus: text,
  MFAOptions: z.array(z.looseObject({ DeliveryMedium: text })).nullish(),
});

const FIELD_EXPECTATIONS: Record<string, string> = {
  Attributes: 'an array of {Name, Value} objects with string values',
  UserAttributes: 'an array of {Name, Value} objects with string values',
  UserMFASettingList: 'an array of MFA setting names',
  Enabled: 'true or false',
  MFAOptions: 'an array of {DeliveryMedium, AttributeName} objects',
};

const MFA_SETTINGS: Record<string, MfaFactor> = { SMS_MFA: 'sms', SOFTWARE_TOKEN_MFA: 'totp', EMAIL_OTP: 'email' };

/** Cognito identity provider types that are enterprise SSO rather than a social sign-in. */
const SSO_PROVIDER_TYPES = new Set(['SAML', 'OIDC']);

/**
 * One Cognito user as canonical items. `field` names an attribute as `Attributes.<name>`, the
 * way people search for it in the file. Every user is imported without a password.
 */
export function mapCognitoUser(
  raw: Record<string, unknown>,
  location: SourceLocation,
  config: MappingConfig,
  fieldPrefix = '',
): SourceItem[] {
  const at = (field: string) => `${fieldPrefix}${field}`;
  const parsed = CognitoUserSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = wrongFieldType(parsed.error.issues[0]!, raw, FIELD_EXPECTATIONS);
    return [userProblem(location, undefined, 'invalid_field_type', message, at(field))];
  }
  const user = parsed.data;
  const attributes = new Map<string, string>();
  const listed = user.Attributes ?? user.UserAttributes;
  for (const { Name, Value } of listed ?? []) if (typeof Value === 'string') attributes.set(Name, Value);
  // Fields name the list as the file does: `Attributes.sub` (list-users), `UserAttributes.sub` (admin-get-user).
  const list = user.Attributes == null && user.UserAttributes != null ? 'UserAttributes' : 'Attributes';

  const sub = textOf(attributes.get('sub'));
  if (!sub)
    return [
      userProblem(
        location,
        undefined,
        'missing_user_id',
        'The user has no sub attribute; it becomes the WorkOS external id, so it is required.',
        at(`${list}.sub`),
      ),
    ];

  const email = normalizeEmail(attributes.get('email'));
  if (!email.ok) {
    const phoneOnly = email.code === 'missing_email' && attributes.has('phone_number');
    const message = phoneOnly
      ? 'The user has a phone number and no email; WorkOS users need an email, so ask them for one and add them later.'
      : email.message;
    return [userProblem(location, sub, email.code, message, at(`${list}.email`))];
  }
  const status = textOf(user.UserStatus)?.toUpperCase();
  const verified = flagOf(attributes.get('email_verified'));
  if (verified === 'invalid')
    return [
      userProblem(
        location,
        sub,
        'invalid_field_type',
        'The attribute email_verified must be "true" or "false".',
        at(`${list}.email_verified`),
      ),
    ];
  const enabled = flagOf(user.Enabled);
  if (enabled === 'invalid')
    return [
      userProblem(location, sub, 'invalid_field_type', 'The field Enabled must be true or false.', at('Enabled')),
    ];

  // Attributes are offered to the metadata map by name (`custom:plan`, `locale`), as are the
  // user's own fields (`Username`, `UserStatus`, `UserCreateDate`).
  const fields: Record<string, unknown> = { ...Object.fromEntries(attributes) };
  for (const [key, value] of Object.entries(raw))
    if (key !== 'Attributes' && key !== 'UserAttributes' && typeof value !== 'object') fields[key] = value;
  const metadata = checkMetadata(pickMetadataFields(fields, config.metadata.users));
  if (!metadata.ok) return [userProblem(location, sub, metadata.code, metadata.message, at(metadata.field))];

  const items: SourceItem[] = [];
  if (status !== undefined && status in STATUS_NOTES) {
    const skip = status === 'UNCONFIRMED' && config.policies.unconfirmedUsers !== 'import';
    items.push(
      userNote({
        entity: 'user',
        sourceId: sub,
        location,
        field: at('UserStatus'),
        code: sourceStatusCode(status),
        message: skip
          ? `${STATUS_NOTES[status]}; skipped (policies.unconfirmedUsers: import brings them, with their email unverified).`
          : `${STATUS_NOTES[status]}.`,
        severity: skip ? 'skip' : 'warning',
      }),
    );
    if (skip) return items;
  }
  const social = new Set<string>();
  for (const identity of identities(attributes.get('identities'))) {
    if (SSO_PROVIDER_TYPES.has(identity.type.toUpperCase())) {
      items.push(
        userNote({
          entity: 'user',
          sourceId: sub,
          location,
          field: at(`${list}.identities`),
          code: 'sso_user',
          message: ssoMessage('Cognito', identity.name),
        }),
      );
      social.add('sso');
    } else social.add(identity.type.toLowerCase().replace(/^signinwith/, ''));
  }
  const mfaFactors = new Set<MfaFactor>();
  for (const option of user.MFAOptions ?? [])
    mfaFactors.add(option.DeliveryMedium?.toUpperCase() === 'SMS' ? 'sms' : 'other');
  // admin-get-user's list of enabled MFA: SMS_MFA, SOFTWARE_TOKEN_MFA (an authenticator app), EMAIL_OTP.
  for (const setting of user.UserMFASettingList ?? [])
    mfaFactors.add(ownValue(MFA_SETTINGS, setting.trim().toUpperCase()) ?? 'other');

  const given = textOf(attributes.get('given_name'));
  const family = textOf(attributes.get('family_name'));
  const names =
    given || family
      ? { ...(given ? { firstName: given } : {}), ...(family ? { lastName: family } : {}) }
      : splitDisplayName(attributes.get('name'));

  items.push(
    userItem({
      sourceId: sub,
      idField: `${list}.sub`,
      email: email.email,
      // An unconfirmed sign-up proved nothing, whatever email_verified says.
      emailVerified: status === 'UNCONFIRMED' ? false : (verified ?? false),
      ...names,
      passwordGap: 'missing',
      metadata: metadata.metadata,
      mfaFactors: [...mfaFactors],
      socialProviders: [...social],
      blocked: enabled === false,
      location,
    }),
  );
  return items;
}

/**
 * Cognito statuses worth a word, with what they mean for the user in WorkOS. Every user comes
 * without a password (Cognito exports none), so each sets one in WorkOS; these say more.
 */
const STATUS_NOTES: Record<string, string> = {
  UNCONFIRMED: 'The user never confirmed their sign-up in Cognito (UserStatus UNCONFIRMED)',
  FORCE_CHANGE_PASSWORD:
    'The user was created by an administrator and never signed in to Cognito (UserStatus FORCE_CHANGE_PASSWORD); they are imported and set a password in WorkOS',
  RESET_REQUIRED:
    'Cognito required this user to reset their password (UserStatus RESET_REQUIRED); they are imported and set a new one in WorkOS',
  COMPROMISED:
    'Cognito marked this user compromised (UserStatus COMPROMISED); they are imported and set a new password in WorkOS, and may deserve a look',
};

/** The problem code that names a source status (`status_force_change_password`); the summary counts them. */
export function sourceStatusCode(status: string): string {
  return `${SOURCE_STATUS_PREFIX}${status.toLowerCase()}`;
}

/** The `identities` attribute: JSON text of `[{providerName, providerType, userId, …}]`; unreadable text is none. */
function identities(value: string | undefined): { name: string; type: string }[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { providerName, providerType } = entry as Record<string, unknown>;
      const type =
        typeof providerType === 'string' ? providerType : typeof providerName === 'string' ? providerName : undefined;
      return type ? [{ name: typeof providerName === 'string' ? providerName : type, type }] : [];
    });
  } catch {
    return [];
  }
}
