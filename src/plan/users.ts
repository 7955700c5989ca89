import type { PlannedUser, UserInput } from '../model/planned.js';
import type { PasswordGap, RecordProblem, SourceLocation, UserRecord } from '../model/types.js';
import { inputDigest } from './digest.js';

export type { PlannedUser, UserInput } from '../model/planned.js';

export interface UserPolicies {
  blockedUsers: 'skip' | 'import';
  unverifiedEmails: 'import' | 'skip';
}

export const DEFAULT_USER_POLICIES: UserPolicies = { blockedUsers: 'skip', unverifiedEmails: 'import' };

export interface MergedUsers {
  /** The email's owner in WorkOS (its external id). */
  sourceId: string;
  mergedSourceIds: string[];
  location: SourceLocation;
}

export interface UserPlan {
  users: PlannedUser[];
  /** Records that will not be imported: invalid (severity error) or skipped by policy (skip). */
  invalid: RecordProblem[];
  merges: MergedUsers[];
}

/**
 * Turns source users into WorkOS users: applies the policies, and merges users that share an
 * email (compared case-insensitively), because WorkOS keys users by email (DESIGN §5).
 */
export function planUsers(records: Iterable<UserRecord>, policies: UserPolicies = DEFAULT_USER_POLICIES): UserPlan {
  const invalid: RecordProblem[] = [];
  const byEmail = new Map<string, UserRecord[]>();
  const seen = new Map<string, SourceLocation>();
  for (const record of records) {
    const first = seen.get(record.sourceId);
    if (first) {
      // Two records with one id would be one WorkOS external id: the first one stands.
      invalid.push({
        entity: 'user',
        sourceId: record.sourceId,
        location: record.location,
        field: record.idField ?? 'user_id',
        code: 'duplicate_user',
        message: `The user id appears again (first at ${first.file}:${first.line}); only the first record is imported. Remove the duplicate from the export.`,
        severity: 'error',
      });
      continue;
    }
    seen.set(record.sourceId, record.location);
    const skip = policyProblem(record, policies);
    if (skip) {
      invalid.push(skip);
      continue;
    }
    const key = record.email.toLowerCase();
    const group = byEmail.get(key);
    if (group) group.push(record);
    else byEmail.set(key, [record]);
  }

  const users: PlannedUser[] = [];
  const merges: MergedUsers[] = [];
  for (const group of byEmail.values()) {
    const planned = mergeGroup(group);
    users.push(planned);
    if (planned.mergedSourceIds.length > 0) {
      merges.push({ sourceId: planned.sourceId, mergedSourceIds: planned.mergedSourceIds, location: planned.location });
    }
  }
  return { users, invalid, merges };
}

function policyProblem(record: UserRecord, policies: UserPolicies): RecordProblem | undefined {
  const base = {
    entity: 'user' as const,
    sourceId: record.sourceId,
    location: record.location,
    severity: 'skip' as const,
  };
  if (record.blocked && policies.blockedUsers === 'skip') {
    return {
      ...base,
      field: 'blocked',
      code: 'blocked',
      message:
        'The user is blocked in the source and is skipped (policies.blockedUsers: import to bring blocked users).',
    };
  }
  if (!record.emailVerified && policies.unverifiedEmails === 'skip') {
    return {
      ...base,
      field: 'email_verified',
      code: 'unverified_email',
      message: 'The email is not verified and policies.unverifiedEmails is skip.',
    };
  }
  return undefined;
}

/** The user with a password keeps the external id (it is the one that can sign in as before). */
function mergeGroup(group: UserRecord[]): PlannedUser {
  const ranked = [...group].sort((a, b) => rank(b) - rank(a));
  const winner = ranked[0]!;
  const others = ranked.slice(1);
  const firstName = winner.firstName ?? others.find((u) => u.firstName)?.firstName;
  const lastName = winner.lastName ?? others.find((u) => u.lastName)?.lastName;
  const metadata = Object.assign({}, ...[...others].reverse().map((u) => u.metadata), winner.metadata) as Record<
    string,
    string
  >;
  const enterprise = group.find((u) => u.enterpriseConnection)?.enterpriseConnection;
  const input: UserInput = {
    email: winner.email,
    // An identity provider that verified the address (Google, say) vouches for it for all of them.
    emailVerified: group.some((u) => u.emailVerified),
    firstName,
    lastName,
    externalId: winner.sourceId,
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    password: winner.password,
  };
  return {
    sourceId: winner.sourceId,
    mergedSourceIds: others.map((u) => u.sourceId),
    input,
    digest: inputDigest(input),
    location: winner.location,
    passwordGap: winner.password ? 'none' : worstGap(group),
    mfaFactors: unique(group.flatMap((u) => u.mfaFactors)),
    socialProviders: unique(group.flatMap((u) => u.socialProviders)),
    ...(enterprise ? { enterpriseConnection: enterprise } : {}),
  };
}

function rank(user: UserRecord): number {
  return (user.password ? 2 : 0) + (user.emailVerified ? 1 : 0);
}

function worstGap(group: UserRecord[]): PasswordGap {
  return group.some((u) => u.passwordGap === 'unsupported') ? 'unsupported' : 'missing';
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
