// What `cutover` decides on: every fact the checks need, gathered read-only by the caller
// (the live diff, the checkpoint, WorkOS's SSO connections, the login probes) and judged here
// by pure functions, so each go/no-go scenario can be shown without a server.

/** One entity of the live diff: what the export plans against what WorkOS holds. */
export interface ReconciledCounts {
  expected: number;
  found: number;
  missing: number;
  /** Found, but some field differs from the export. */
  mismatched: number;
}

/** An organization whose members signed in through an enterprise connection in the source. */
export interface OrganizationSsoEvidence {
  /** The organization's source id: its WorkOS external id. */
  externalId: string;
  /** Undefined when WorkOS has no such organization yet (the reconciled check says so too). */
  workosId?: string;
  /** The source's enterprise connection types of its members, e.g. `samlp`, `waad`, `saml_okta`. */
  connectionTypes: string[];
  /** Members who signed in through an enterprise connection. */
  users: number;
  domains: string[];
  /** The organization's SSO connections in WorkOS (`GET /connections?organization_id=…`). */
  workosConnections: { type: string; state: string }[];
  /**
   * True when one of them is `active`, or `validating` (imported into WorkOS, it becomes active
   * on its first sign-in): those sign people in.
   */
  activeConnection: boolean;
  /** Set up, but only through a `validating` connection: awaiting its first sign-in (a warning). */
  awaitingFirstSignIn?: boolean;
  /**
   * The export's domains WorkOS does not hold verified: SSO cannot route them, so the
   * organization is not ready. Absent when every domain is verified (or it has none).
   */
  unverifiedDomains?: string[];
  /** An Admin Portal setup link (intent `sso`), when asked for. A secret: only sso-setup.csv holds it. */
  portalLink?: string;
}

export interface SsoEvidence {
  organizations: OrganizationSsoEvidence[];
  /** Enterprise users in those organizations, each counted once (absent: the sum of theirs). */
  users?: number;
  /** Enterprise users in no organization of the export, by source connection name. */
  usersWithoutOrganization: Record<string, number>;
  /** Whether portal links were asked for (`--portal-links`): sso-setup.csv then has the column. */
  portalLinks: boolean;
}

export interface PeopleEvidence {
  /** Users whose MFA cannot move and who must enrol again. */
  reenroll: number;
  /** Users who arrive without a usable password and must reset it (or use another method). */
  passwordReset: number;
  /** The files written for them, when written (`reenroll.csv`, `password-reset.csv`). */
  files: { reenroll?: string; passwordReset?: string };
  /** Social providers users signed in with, and how many users each: configure them in WorkOS. */
  socialProviders: Record<string, number>;
}

export interface RollbackEvidence {
  /** False when there is no checkpoint journal (no `--state`, or an empty one). */
  journal: boolean;
  /** Records of this migration that WorkOS holds (planned records found by the live diff). */
  inWorkOS: number;
  /** Of those, the ones the journal says this migration created: what `rollback` would delete. */
  created: number;
  /** Of those, the ones the journal does not know (or knows under another WorkOS id). */
  unknown: number;
}

export interface CutoverEvidence {
  source: string;
  reconciled: { users: ReconciledCounts; organizations: ReconciledCounts; memberships: ReconciledCounts };
  /** Records the live diff cannot plan safely (e.g. an email owned by a user of another external id). */
  conflicts: number;
  /** Records of this migration gone from the export, not yet pruned or accepted. */
  unreviewedRemovals: number;
  checkpoint: { pending: number; failed: number };
  /** Absent when no login probes were given. */
  logins?: { tried: number; succeeded: number; failed: number };
  sso: SsoEvidence;
  people: PeopleEvidence;
  rollback: RollbackEvidence;
}

export const CHECK_NAMES = ['reconciled', 'complete', 'logins', 'enterprise-sso', 'people', 'rollback-ready'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface CutoverCheck {
  name: CheckName;
  ok: boolean;
  /** One or two sentences of evidence; holds no email and no portal link. */
  detail: string;
  /** The check had nothing to run on (no login probes): it does not block, and says "not checked". */
  notChecked?: true;
  /** It passes, with something to watch (an SSO connection awaiting its first sign-in): said in the detail. */
  warning?: true;
}

/** cutover.json */
export interface CutoverDecision {
  go: boolean;
  checks: CutoverCheck[];
}
