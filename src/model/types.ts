// The canonical records every source is mapped to, and the problems a record can have.
// Sources produce these; plan/ and apply/ never see a source's own format.

export type Entity = 'user' | 'organization' | 'membership' | 'password';

/** Where a record came from, so every message can point at it. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

/** The password hash types the WorkOS API accepts (`password_hash_type`). */
export const PASSWORD_HASH_TYPES = [
  'bcrypt',
  'firebase-scrypt',
  'ssha',
  'ssha256',
  'scrypt',
  'pbkdf2',
  'argon2',
] as const;
export type PasswordHashType = (typeof PASSWORD_HASH_TYPES)[number];

export interface PasswordHash {
  type: PasswordHashType;
  /** The hash exactly as WorkOS expects it for `type`. Never logged, never written to a report. */
  hash: string;
}

/** Why a user arrives without a usable password hash. */
export type PasswordGap =
  | 'none' // the user has a hash we import
  | 'missing' // the source has no hash for this user (social login, passwordless, hash file not supplied)
  | 'unsupported'; // the source has a hash WorkOS cannot verify

export type MfaFactor = 'sms' | 'totp' | 'email' | 'webauthn' | 'push' | 'other';

export interface UserRecord {
  /** The source's own id; becomes the WorkOS `external_id`. */
  sourceId: string;
  /** The field the id is read from, for messages (default `user_id`; Clerk `id`, Firebase `localId`…). */
  idField?: string;
  email: string;
  emailVerified: boolean;
  firstName?: string;
  lastName?: string;
  password?: PasswordHash;
  passwordGap: PasswordGap;
  metadata: Record<string, string>;
  /**
   * MFA factors the user must enroll again: SMS and the like, and a TOTP factor whose secret
   * the export lacks or holds malformed. A TOTP factor with a valid secret moves instead (a
   * `factor` item) and is not listed here.
   */
  mfaFactors: MfaFactor[];
  /** Social providers the user signed in with (google-oauth2, github, …). */
  socialProviders: string[];
  /** Set when the user signed in through an enterprise connection (SAML, OIDC…) in the source. */
  enterpriseConnection?: EnterpriseConnection;
  blocked: boolean;
  location: SourceLocation;
}

/**
 * An enterprise sign-in in the source: such a user can sign in after the switch only once
 * their organization has an active SSO connection in WorkOS.
 */
export interface EnterpriseConnection {
  /** The source's kind: an Auth0 strategy (`samlp`, `waad`, `oidc`, `adfs`, `okta`, `google-apps`) or a Clerk provider (`saml_okta`, …). */
  type: string;
  /** The source's name for the connection (Auth0 connection name, Clerk connection name or id). */
  connection: string;
}

export interface OrganizationRecord {
  sourceId: string;
  name: string;
  domains: string[];
  /** Those of `domains` the source verified: created `verified` in WorkOS, the others `pending`. */
  verifiedDomains?: string[];
  metadata: Record<string, string>;
  location: SourceLocation;
}

export interface MembershipRecord {
  organizationSourceId: string;
  userSourceId: string;
  /** Role slugs in WorkOS terms, after the role map. Empty means the environment's default role. */
  roles: string[];
  /** What the source says of those roles (name, permissions): what a missing role is created with. */
  roleDetails?: SourceRole[];
  location: SourceLocation;
  /** Where the member's user id is when the line is its organization's (Auth0: `members[3].user_id`). */
  userField?: string;
}

/**
 * A role as the source defines it, in WorkOS terms: the slug the membership names (after the
 * role map), the source's display name, and the source's permissions as WorkOS permission slugs.
 */
export interface SourceRole {
  slug: string;
  name: string;
  permissions: string[];
}

/** A membership's key in the journal, the reports and the id map: `<organization>:<user>` source ids. */
export function membershipKey(organizationSourceId: string, userSourceId: string): string {
  return `${organizationSourceId}:${userSourceId}`;
}

/** A record that cannot be imported as it stands, or a note about one that can. */
export interface RecordProblem {
  entity: Entity;
  sourceId?: string;
  location: SourceLocation;
  field?: string;
  /** A stable machine-readable code, e.g. `missing_email`, `invalid_json`, `blocked`. */
  code: string;
  /** One sentence a person can act on. Holds no email, hash or secret. */
  message: string;
  /**
   * `error`: the record is invalid and not imported. `skip`: a policy leaves it out on purpose
   * (blocked users, …): counted as skipped, never a failure. `warning`: it is imported, but
   * someone should look.
   */
  severity: 'error' | 'skip' | 'warning';
  /** A valid record whose write to WorkOS failed (shown with the problems, counted as failed). */
  failed?: boolean;
}

/**
 * A TOTP factor that moves with its existing secret (WorkOS: Base32, SHA-1, 6 digits, 30 s).
 * The secret is a secret: it never goes into a message, a report, the journal or a checkpoint.
 */
export interface TotpFactorRecord {
  /** The source user it belongs to (joined to the planned user, merges included). */
  userSourceId: string;
  /** Base32, upper case, without spaces or padding (see sources/totp-secret.ts). */
  secret: string;
  /** Where the secret is: the file, line and column, for messages. */
  location: SourceLocation;
  /** The field it was read from (`totp_secret`, `secret`, `otp_secret`). */
  field: string;
}

export type SourceItem =
  | { kind: 'user'; record: UserRecord }
  | { kind: 'factor'; record: TotpFactorRecord }
  | { kind: 'organization'; record: OrganizationRecord }
  | { kind: 'membership'; record: MembershipRecord }
  | { kind: 'problem'; problem: RecordProblem };

/**
 * An error that means the run cannot start (unreadable file, not JSON at all, bad flag).
 * The CLI prints its message alone and exits 2; the action fails the step with it.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
