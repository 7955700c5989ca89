import { LAZY_METADATA_KEY, LAZY_PENDING } from '../lazy/marks.js';
import { isEmailKey } from '../model/email-key.js';
import { NumberColumn, StringColumn } from '../compact/columns.js';
import { KeyIndex } from '../compact/key-index.js';
import type { PlannedUser, UserInput } from '../model/planned.js';
import type { PasswordGap, RecordProblem, UserRecord } from '../model/types.js';
import { decodeRecord, encodeRecord } from '../model/record-row.js';
import { inputDigest } from '../model/digest.js';
import { needsPasswordReset, UserTally, type Counted } from '../model/user-tally.js';
import { MERGE_UNVERIFIED, type MergedUsers } from '../model/user-plan.js';

export type { PlannedUser, UserInput } from '../model/planned.js';
export { needsPasswordReset } from '../model/user-tally.js';
export { MERGE_UNVERIFIED, type MergedUsers } from '../model/user-plan.js';

export interface UserPolicies {
  blockedUsers: 'skip' | 'import';
  unverifiedEmails: 'import' | 'skip';
  /**
   * Unverified records that share their email with a verified one (see UserPlanner.finish):
   * `import-verified` (the default) imports the verified ones alone, `import-neither` none of them.
   */
  unverifiedDuplicates?: 'import-verified' | 'import-neither';
  /**
   * `import --lazy-passwords`: users who would need a password reset are marked pending in their
   * metadata instead (LAZY_METADATA_KEY), for the lazy migration library to move at first sign-in.
   */
  lazyPasswords?: boolean;
}

export const DEFAULT_USER_POLICIES: UserPolicies = { blockedUsers: 'skip', unverifiedEmails: 'import' };

export interface UserPlan {
  users: PlannedUsers;
  /** Records that will not be imported: invalid (severity error) or skipped by policy (skip). */
  invalid: RecordProblem[];
  merges: MergedUsers[];
}

/**
 * Turns source users into WorkOS users: applies the policies, and merges users that share an
 * email (compared case-insensitively), because WorkOS keys users by email (DESIGN §5).
 */
export function planUsers(records: Iterable<UserRecord>, policies: UserPolicies = DEFAULT_USER_POLICIES): UserPlan {
  const planner = new UserPlanner(policies);
  for (const record of records) planner.add(record);
  return planner.finish();
}

/** A row's part in the plan. */
const SINGLE = 0;
const MERGE_OWNER = 1;
const MERGED_AWAY = 2;
/** Left out by a policy: kept only so a later record with its id is still a duplicate. */
const SKIPPED = 3;
/** Row flags, so the lists of people to reach are written without decoding every user. */
const HAS_MFA = 1;
const NEEDS_RESET = 2;

/**
 * The planned users, kept compact so a million fit in a couple of hundred megabytes: each
 * source record as one packed string, its part in the plan and its flags in
 * typed arrays, ids and emails in fingerprint indexes. A user is rebuilt as an object only
 * while it is being looked at; iterate to see them all, in the order of the export (a merged
 * user where its first record was).
 */
export class PlannedUsers implements Iterable<PlannedUser> {
  private planned = 0;
  /** The counts the summary and the cutover report need, kept as records are added. */
  readonly tally: UserTally;
  private readonly rows = new StringColumn();
  private readonly parts = new NumberColumn(Uint8Array);
  private readonly flags = new NumberColumn(Uint8Array);
  private readonly files: string[] = [];
  private readonly mergeOwners = new Map<number, PlannedUser>();
  private readonly mergedInto = new Map<string, string>();
  /** @internal the planner's indexes, over rows. */
  readonly bySourceId: KeyIndex;
  readonly byEmail: KeyIndex;

  /** `expectedUsers` sizes the indexes up front (a guess from the export's size is enough). */
  constructor(
    expectedUsers?: number,
    private readonly lazyPasswords = false,
  ) {
    this.tally = new UserTally(lazyPasswords);
    this.bySourceId = new KeyIndex((row) => this.record(row).sourceId, expectedUsers);
    this.byEmail = new KeyIndex((row) => this.record(row).email.toLowerCase(), expectedUsers);
  }

  /** How many WorkOS users the plan brings about. */
  get length(): number {
    return this.planned;
  }

  /** @internal How many rows are kept (planned, merged away or skipped): the next row's number. */
  get rowCount(): number {
    return this.rows.length;
  }

  *[Symbol.iterator](): Iterator<PlannedUser> {
    for (let row = 0; row < this.rows.length; row++) {
      const user = this.userAt(row);
      if (user) yield user;
    }
  }

  /** Users with MFA factors (who must enrol again). */
  *withMfa(): Iterable<PlannedUser> {
    yield* this.flagged(HAS_MFA);
  }

  /** Users who must reset their password (see needsPasswordReset). */
  *needingPasswordReset(): Iterable<PlannedUser> {
    yield* this.flagged(NEEDS_RESET);
  }

  /** The planned user a source user becomes (itself, or the user it merged into), if it is imported. */
  ownerOf(sourceId: string): string | undefined {
    const merged = this.mergedInto.get(sourceId);
    if (merged !== undefined) return merged;
    const row = this.bySourceId.first(sourceId);
    return row >= 0 && this.parts.get(row) === SINGLE ? sourceId : undefined;
  }

  /** @internal Adds a record as a user of its own; returns its row. */
  addSingle(record: UserRecord): number {
    // Counted now; the digest waits until someone looks (a dry run without a checkpoint never does).
    const user = alone(record);
    const row = this.rows.push(encodeRecord(record, this.fileId(record.location.file)));
    this.parts.push(SINGLE);
    this.flags.push(flagsOf(user));
    this.tally.add(user, 1);
    this.planned++;
    return row;
  }

  /** @internal Keeps a record the policies leave out, for its id only; returns its row. */
  addSkipped(record: UserRecord): number {
    const row = this.rows.push(encodeRecord(record, this.fileId(record.location.file)));
    this.parts.push(SKIPPED);
    this.flags.push(0);
    return row;
  }

  /** @internal Takes a row planned as a user of its own back out: it is not imported after all. */
  exclude(row: number): void {
    this.tally.add(alone(this.record(row)), -1);
    this.parts.set(row, SKIPPED);
    this.flags.set(row, 0);
    this.planned--;
  }

  /** @internal Turns rows that share an email into one user, kept where the first row was. */
  merge(rows: number[]): PlannedUser {
    const records = rows.map((row) => this.record(row));
    for (const record of records) this.tally.add(alone(record), -1);
    const merged = mergeGroup(records, this.lazyPasswords);
    this.tally.add(merged, 1);
    this.mergeOwners.set(rows[0]!, merged);
    this.parts.set(rows[0]!, MERGE_OWNER);
    this.flags.set(rows[0]!, flagsOf(merged));
    for (const row of rows.slice(1)) this.parts.set(row, MERGED_AWAY);
    for (const record of records) this.mergedInto.set(record.sourceId, merged.sourceId);
    this.planned -= rows.length - 1;
    return merged;
  }

  /** @internal The source record of a row. */
  record(row: number): UserRecord {
    return decodeRecord(this.rows.get(row), this.files);
  }

  private userAt(row: number): PlannedUser | undefined {
    const part = this.parts.get(row);
    if (part === MERGED_AWAY || part === SKIPPED) return undefined;
    if (part === MERGE_OWNER) return this.mergeOwners.get(row);
    return mergeGroup([decodeRecord(this.rows.get(row), this.files)], this.lazyPasswords);
  }

  private *flagged(flag: number): Iterable<PlannedUser> {
    for (let row = 0; row < this.rows.length; row++) {
      if ((this.flags.get(row) & flag) === 0) continue;
      const user = this.userAt(row);
      if (user) yield user;
    }
  }

  private fileId(file: string): number {
    const known = this.files.lastIndexOf(file);
    return known >= 0 ? known : this.files.push(file) - 1;
  }
}

/**
 * Plans users one record at a time, as the export is read: duplicates and policy skips are
 * decided on the spot, merges of users that share an email once every record is in.
 */
export class UserPlanner {
  private readonly users: PlannedUsers;
  private readonly invalid: RecordProblem[] = [];
  /** Emails seen on more than one planned record (lowercased): their rows merge at the end. */
  private readonly sharedEmails = new Set<string>();

  constructor(
    private readonly policies: UserPolicies = DEFAULT_USER_POLICIES,
    expectedUsers?: number,
  ) {
    this.users = new PlannedUsers(expectedUsers, policies.lazyPasswords === true);
  }

  add(record: UserRecord): void {
    // One probe: the id is claimed for the row the record is about to get, unless it was taken.
    const first = this.users.bySourceId.addIfAbsent(record.sourceId, this.users.rowCount);
    if (first >= 0) {
      // Two records with one id would be one WorkOS external id: the first one stands.
      const at = this.users.record(first).location;
      this.invalid.push({
        entity: 'user',
        sourceId: record.sourceId,
        location: record.location,
        field: record.idField ?? 'user_id',
        code: 'duplicate_user',
        message: `The user id appears again (first at ${at.file}:${at.line}); only the first record is imported. Remove the duplicate from the export.`,
        severity: 'error',
      });
      return;
    }
    const skip = policyProblem(record, this.policies);
    if (skip) {
      this.invalid.push(skip);
      // Kept, so a later record with this id is still a duplicate (the first one stands).
      this.users.addSkipped(record);
      return;
    }
    const row = this.users.addSingle(record);
    const email = record.email.toLowerCase();
    if (this.users.byEmail.add(email, row) >= 0) this.sharedEmails.add(email);
  }

  finish(): UserPlan {
    const merges: MergedUsers[] = [];
    const groups = [...this.sharedEmails].map((email) => this.users.byEmail.rows(email));
    // In the order of the export: merged users are listed where their first record was.
    groups.sort((a, b) => a[0]! - b[0]!);
    for (const rows of groups) {
      const owners = this.mergeable(rows);
      if (owners.length < 2) continue;
      const merged = this.users.merge(owners);
      merges.push({ sourceId: merged.sourceId, mergedSourceIds: merged.mergedSourceIds, location: merged.location });
    }
    return { users: this.users, invalid: this.invalid, merges };
  }

  /**
   * The rows of one email that may become one user. Whoever signed up with an address and
   * never verified it may not own it (Auth0 database sign-ups need no verification by
   * default): merged into the verified owner, that account's password would sign in to the
   * owner's WorkOS user. So an unverified record merges only when nothing in its group is
   * verified (no owner to take over); beside a verified one it is left out, for a person.
   */
  private mergeable(rows: number[]): number[] {
    const records = rows.map((row) => this.users.record(row));
    const verified = rows.filter((_, i) => records[i]!.emailVerified);
    if (verified.length === 0 || verified.length === rows.length) return rows;
    const pair = {
      verified: records.find((r) => r.emailVerified)!,
      unverified: records.find((r) => !r.emailVerified)!,
    };
    const neither = this.policies.unverifiedDuplicates === 'import-neither';
    rows.forEach((row, i) => {
      const record = records[i]!;
      if (record.emailVerified && !neither) return;
      this.users.exclude(row);
      this.invalid.push(mergeConflict(record, pair, neither));
    });
    return neither ? [] : verified;
  }
}

/** Why a record of an email with verified and unverified records (`pair`: one of each) is left out. */
function mergeConflict(
  record: UserRecord,
  pair: { verified: UserRecord; unverified: UserRecord },
  neither: boolean,
): RecordProblem {
  const { verified: owner, unverified } = pair;
  const message = record.emailVerified
    ? `This verified user shares its email with unverified account ${unverified.sourceId} (${at(unverified)}); policies.unverifiedDuplicates is import-neither, so neither is imported. Find out who owns each account, remove or fix the wrong one in the export, and import again.`
    : `This account's email is not verified, and verified user ${owner.sourceId} (${at(owner)}) has the same email, so it is not merged into that user or imported${neither ? '' : "; the verified user is imported without this account's password"}. It may belong to someone else who signed up with that address: do not give it the verified user's account until the owner confirms it is theirs.`;
  return {
    entity: 'user',
    sourceId: record.sourceId,
    location: record.location,
    field: 'email_verified',
    code: MERGE_UNVERIFIED,
    message,
    severity: 'skip',
  };
}

function at(record: UserRecord): string {
  return `${record.location.file}:${record.location.line}`;
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

/** What the tally and the flags need of a record planned as a user of its own. */
function alone(record: UserRecord): Counted {
  return {
    passwordGap: record.password ? 'none' : record.passwordGap === 'unsupported' ? 'unsupported' : 'missing',
    mfaFactors: record.mfaFactors,
    socialProviders: record.socialProviders,
    enterpriseConnection: record.enterpriseConnection,
  };
}

/**
 * The user with a password keeps the external id (it is the one that can sign in as before).
 * The planner merges only records that are all verified or all unverified, so that one also
 * says whether the email is verified.
 */
function mergeGroup(group: UserRecord[], lazyPasswords: boolean): PlannedUser {
  const input = userInput(group);
  const user = plannedUser(group, input, '');
  // The user the lazy migration library will move: never one who brings an importable hash.
  if (lazyPasswords && needsPasswordReset(user))
    input.metadata = { ...input.metadata, [LAZY_METADATA_KEY]: LAZY_PENDING };
  // Worked out on first read: a report that lists a million users never needs one.
  let digest: string | undefined;
  Object.defineProperty(user, 'digest', { get: () => (digest ??= inputDigest(input)), enumerable: true });
  return user;
}

/** Records sharing an email, best first: a password, then a verified email; else the first. */
function ranked(group: UserRecord[]): UserRecord[] {
  return group.length === 1 ? group : [...group].sort((a, b) => rank(b) - rank(a));
}

/** What WorkOS is sent for a group of records that share an email (one record, mostly). */
function userInput(group: UserRecord[]): UserInput {
  const [winner, ...others] = ranked(group) as [UserRecord, ...UserRecord[]];
  const firstName = winner.firstName ?? others.find((u) => u.firstName)?.firstName;
  const lastName = winner.lastName ?? others.find((u) => u.lastName)?.lastName;
  const metadata =
    others.length === 0
      ? winner.metadata
      : (Object.assign({}, ...[...others].reverse().map((u) => u.metadata), winner.metadata) as Record<string, string>);
  return {
    email: winner.email,
    // The record that supplies the credential and the external id vouches for the address, no other.
    emailVerified: winner.emailVerified,
    firstName,
    lastName,
    // A key of ours (the source had no id) is never written as the customer's external id.
    ...(isEmailKey(winner.sourceId) ? {} : { externalId: winner.sourceId }),
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
    password: winner.password,
  };
}

function plannedUser(group: UserRecord[], input: UserInput, digest: string): PlannedUser {
  const [winner, ...others] = ranked(group) as [UserRecord, ...UserRecord[]];
  const enterprise = group.find((u) => u.enterpriseConnection)?.enterpriseConnection;
  return {
    sourceId: winner.sourceId,
    mergedSourceIds: others.map((u) => u.sourceId),
    input,
    digest,
    location: winner.location,
    passwordGap: winner.password ? 'none' : worstGap(group),
    mfaFactors: group.length === 1 ? winner.mfaFactors : unique(group.flatMap((u) => u.mfaFactors)),
    socialProviders: group.length === 1 ? winner.socialProviders : unique(group.flatMap((u) => u.socialProviders)),
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

function flagsOf(user: Counted): number {
  return (user.mfaFactors.length > 0 ? HAS_MFA : 0) | (needsPasswordReset(user) ? NEEDS_RESET : 0);
}
