import { z } from 'zod';
import type { MappingConfig } from '../../config/mapping-config.js';
import { pickMetadataFields } from '../../config/metadata-fields.js';
import type { FirebaseHashConfig } from '../../model/firebase-hash-config.js';
import { checkPasswordHash, formatFirebaseScryptHash } from '../../model/password.js';
import { wrongFieldType } from '../../model/problems.js';
import {
  UsageError,
  type MfaFactor,
  type PasswordGap,
  type PasswordHash,
  type SourceItem,
  type SourceLocation,
} from '../../model/types.js';
import { checkMetadata, normalizeEmail } from '../../model/validate.js';
import {
  flagOf,
  objectFromJsonText,
  splitDisplayName,
  ssoMessage,
  textOf,
  userItem,
  userNote,
  userProblem,
} from '../user-items.js';

// One user of `firebase auth:export users.json --format=json`: `{"users":[{localId, email,
// emailVerified, passwordHash, salt, displayName, phoneNumber, disabled, customAttributes,
// providerUserInfo:[{providerId}], mfaInfo:[{phoneInfo | totpInfo}]}]}`.

const text = z.string().nullish();
const flag = z.union([z.boolean(), z.string()]).nullish();

export const FirebaseUserSchema = z.looseObject({
  localId: text,
  email: z.unknown().optional(),
  emailVerified: flag,
  passwordHash: text,
  salt: text,
  displayName: text,
  phoneNumber: text,
  disabled: flag,
  customAttributes: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  providerUserInfo: z.array(z.looseObject({ providerId: text })).nullish(),
  mfaInfo: z.array(z.looseObject({ phoneInfo: z.unknown().optional(), totpInfo: z.unknown().optional() })).nullish(),
});

const FIELD_EXPECTATIONS: Record<string, string> = {
  emailVerified: 'true or false',
  disabled: 'true or false',
  customAttributes: 'a JSON object (or its text)',
  providerUserInfo: 'an array of provider objects',
  mfaInfo: 'an array of MFA enrollments',
};

/** Never metadata, whatever the map says. */
const SECRET_FIELDS = new Set(['passwordHash', 'salt']);

/** How the Firebase Auth Emulator writes a password (with the password itself in it). */
const EMULATOR_HASH_PREFIX = 'fakeHash:';

/** Standard or url-safe base64, padded or not: what auth:export writes for hashes and salts. */
const FIREBASE_BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Firebase provider ids that are not a social sign-in. */
const NOT_SOCIAL = new Set(['password', 'phone', 'emailLink', 'anonymous']);

export interface FirebaseContext {
  config: MappingConfig;
  /** The project's hash parameters; without them a user with a hash stops the run (UsageError). */
  hashConfig?: FirebaseHashConfig;
}

/** One Firebase user as canonical items: notes first, then the user; or one error. */
export function mapFirebaseUser(
  raw: Record<string, unknown>,
  location: SourceLocation,
  ctx: FirebaseContext,
): SourceItem[] {
  const guessedId = typeof raw.localId === 'string' ? raw.localId.trim() || undefined : undefined;
  const parsed = FirebaseUserSchema.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = wrongFieldType(parsed.error.issues[0]!, raw, FIELD_EXPECTATIONS);
    return [userProblem(location, guessedId, 'invalid_field_type', message, field)];
  }
  const user = parsed.data;
  const id = textOf(user.localId);
  if (!id)
    return [
      userProblem(
        location,
        undefined,
        'missing_user_id',
        'The user has no localId; it becomes the WorkOS external id, so it is required.',
        'localId',
      ),
    ];

  const providers = (user.providerUserInfo ?? []).map((p) => textOf(p.providerId)).filter((p): p is string => !!p);
  const email = normalizeEmail(user.email);
  if (!email.ok) {
    const phoneOnly =
      email.code === 'missing_email' && (textOf(user.phoneNumber) !== undefined || providers.includes('phone'));
    const message = phoneOnly
      ? 'The user signs in with a phone number only; WorkOS users need an email, so ask them for one and add them later.'
      : email.message;
    return [userProblem(location, id, email.code, message, 'email')];
  }

  const flags: Record<'emailVerified' | 'disabled', boolean> = { emailVerified: false, disabled: false };
  for (const name of ['emailVerified', 'disabled'] as const) {
    const value = flagOf(user[name]);
    if (value === 'invalid')
      return [userProblem(location, id, 'invalid_field_type', `The field ${name} must be true or false.`, name)];
    flags[name] = value ?? false;
  }

  const attributes = objectFromJsonText(user.customAttributes);
  if (attributes === 'invalid') {
    return [
      userProblem(
        location,
        id,
        'invalid_field_type',
        'The field customAttributes must hold a JSON object.',
        'customAttributes',
      ),
    ];
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw))
    if (!SECRET_FIELDS.has(key) && key !== 'customAttributes') fields[key] = value;
  if (attributes) fields.customAttributes = attributes;
  const metadata = checkMetadata(pickMetadataFields(fields, ctx.config.metadata.users, SECRET_FIELDS));
  if (!metadata.ok) return [userProblem(location, id, metadata.code, metadata.message, metadata.field)];

  const items: SourceItem[] = [];
  const password = firebasePassword(user, id, location, ctx, items);

  const social = new Set<string>();
  for (const provider of providers) {
    if (NOT_SOCIAL.has(provider)) continue;
    if (provider.startsWith('saml.') || provider.startsWith('oidc.')) {
      items.push(
        userNote({
          entity: 'user',
          sourceId: id,
          location,
          field: 'providerUserInfo',
          code: 'sso_user',
          message: ssoMessage('Firebase', provider),
        }),
      );
      social.add('sso');
    } else social.add(provider.replace(/\.com$/, ''));
  }

  const mfaFactors = new Set<MfaFactor>();
  for (const enrollment of user.mfaInfo ?? [])
    mfaFactors.add(enrollment.totpInfo !== undefined ? 'totp' : enrollment.phoneInfo !== undefined ? 'sms' : 'other');
  // A phone number as the only way in (no password, no other provider) must be re-enrolled too.
  const phoneOnly = providers.includes('phone') && password.gap !== 'none' && social.size === 0;
  if (phoneOnly) mfaFactors.add('sms');

  items.push(
    userItem({
      sourceId: id,
      idField: 'localId',
      email: email.email,
      emailVerified: flags.emailVerified,
      ...splitDisplayName(textOf(user.displayName)),
      ...(password.password ? { password: password.password } : {}),
      passwordGap: password.gap,
      metadata: metadata.metadata,
      mfaFactors: [...mfaFactors],
      socialProviders: [...social],
      blocked: flags.disabled,
      location,
    }),
  );
  return items;
}

function firebasePassword(
  user: z.infer<typeof FirebaseUserSchema>,
  id: string,
  location: SourceLocation,
  ctx: FirebaseContext,
  items: SourceItem[],
): { password?: PasswordHash; gap: PasswordGap } {
  const hash = textOf(user.passwordHash);
  const salt = textOf(user.salt);
  if (!hash) return { gap: 'missing' };
  const note = (code: string, message: string, severity: 'error' | 'warning') => {
    items.push(
      userNote({
        entity: 'password',
        sourceId: id,
        location,
        field: 'passwordHash',
        code,
        message: `${message} The user is imported without a password.`,
        severity,
      }),
    );
    return { gap: 'unsupported' as const };
  };
  // The Auth Emulator keeps `fakeHash:salt=…:password=<the password itself>`: test data with
  // no hash to carry and no hash parameters to ask for. Never quoted.
  if (hash.startsWith(EMULATOR_HASH_PREFIX))
    return note(
      'emulator_password',
      "The passwordHash is the Firebase Auth Emulator's placeholder (fakeHash:…), not a hash; an emulator export has no password WorkOS can verify.",
      'warning',
    );
  if (!ctx.hashConfig) {
    throw new UsageError(
      `${location.file}:${location.line}: the export holds password hashes, and they need the project's hash parameters: ` +
        'give them with --hash-config FILE (the hash-config input), or as hashConfig in the mapping config ' +
        '(Firebase console: Authentication → Users → ⋮ → Password hash parameters).',
    );
  }
  const invalid = (message: string) => note('invalid_password_hash', message, 'error');
  if (!salt) return invalid('The user has a passwordHash but no salt; Firebase exports both.');
  // Said in the export's own terms: the PHC string built below is ours, not the user's field.
  for (const [field, value] of [
    ['passwordHash', hash],
    ['salt', salt],
  ] as const) {
    if (!FIREBASE_BASE64.test(value))
      return invalid(`The ${field} is not base64, as firebase auth:export writes it; export the users again.`);
  }
  const phc = formatFirebaseScryptHash({
    hash,
    salt,
    signerKey: ctx.hashConfig.base64_signer_key,
    saltSeparator: ctx.hashConfig.base64_salt_separator,
    rounds: ctx.hashConfig.rounds,
    memCost: ctx.hashConfig.mem_cost,
  });
  const check = checkPasswordHash('firebase-scrypt', phc);
  if (!check.ok) return invalid(check.message);
  return { password: { type: 'firebase-scrypt', hash: phc }, gap: 'none' };
}
