// What the plan stage hands to apply, report and reconcile: one record per WorkOS object to bring about.
import type { EnterpriseConnection, MfaFactor, PasswordGap, PasswordHash, SourceLocation } from './types.js';

/** What WorkOS is sent for a user: the create payload (and, for updates, the same fields). */
export interface UserInput {
  email: string;
  emailVerified: boolean;
  firstName?: string;
  lastName?: string;
  /** The source's id; absent when the source has none (the user is keyed by email, see model/email-key.ts). */
  externalId?: string;
  metadata?: Record<string, string>;
  password?: PasswordHash;
}

/** One WorkOS user to bring about; several source users when they share an email. */
export interface PlannedUser {
  sourceId: string;
  /** Source users merged into this one (same email); they map to the same WorkOS id. */
  mergedSourceIds: string[];
  input: UserInput;
  digest: string;
  location: SourceLocation;
  passwordGap: PasswordGap;
  mfaFactors: MfaFactor[];
  socialProviders: string[];
  /** From any of the merged source users: the user signs in through an enterprise connection. */
  enterpriseConnection?: EnterpriseConnection;
}

export interface OrganizationInput {
  name: string;
  externalId: string;
  domains: string[];
  /** Those of `domains` the source verified; absent when none (so older digests stand). */
  verifiedDomains?: string[];
  metadata?: Record<string, string>;
}

export interface PlannedOrganization {
  sourceId: string;
  input: OrganizationInput;
  digest: string;
  location: SourceLocation;
}

export interface PlannedMembership {
  /** `<organization source id>:<user source id>`: the membership's key in the journal and reports. */
  sourceId: string;
  organizationSourceId: string;
  /** The WorkOS user's source id: a merged user's membership goes to the user it merged into. */
  userSourceId: string;
  roles: string[];
  digest: string;
  location: SourceLocation;
  /** Where the member's user id is when the line is its organization's (Auth0: `members[3].user_id`). */
  userField?: string;
}

/** What every planned record has, whatever its entity. */
export interface PlannedRecord {
  sourceId: string;
  digest: string;
  location: SourceLocation;
}
