import { madeByMigration, type JournalEntry } from '../checkpoint/journal.js';
import {
  liveMembershipKey,
  metadataDigest,
  userMetadataDiffers,
  sortedJoined,
  type LiveIndex,
  type LiveMembership,
  type LiveUser,
} from '../model/live-state.js';
import type {
  Change,
  ChangedField,
  IdLookup,
  ChangeCounts,
  KeptReason,
  MembershipChange,
  MigrationDiff,
  OrganizationChange,
  Removal,
  RemovalReason,
  UserChange,
} from '../model/changes.js';
import type { PlannedMembership, PlannedOrganization, PlannedRecord, PlannedUser } from '../model/planned.js';
import type { Entity } from '../model/types.js';
import { StringMap } from '../compact/string-map.js';
import { passwordDigest } from '../model/digest.js';

import { domainsDiffer } from '../model/domains.js';

// The plan/apply core: what WorkOS holds (the live index) against what the export says, record
// by record. Pure: the same plan, index and journal always give the same changes. The journal
// only answers what WorkOS cannot: which password hash was sent, and what this migration made.

/** What the diff asks of the journal. */
export interface JournalView {
  get(entity: Entity, sourceId: string): JournalEntry | undefined;
  entries(): Iterable<JournalEntry>;
}

export interface DiffInput {
  users: Iterable<PlannedUser>;
  /**
   * Whether the export imports this source user, as itself or merged into another (the plan's
   * own index answers; a set of a million ids would be built again for every diff).
   */
  importsUser: (sourceId: string) => boolean;
  organizations: readonly PlannedOrganization[];
  memberships: Iterable<PlannedMembership> & { readonly length: number };
  live: LiveIndex;
  journal?: JournalView;
  /**
   * Whether a hash not recorded in the journal counts as a change. True for plan and import
   * (WorkOS never returns hashes, so one not recorded as sent is sent); verify without a
   * checkpoint cannot know and says nothing of passwords.
   */
  passwordsFromJournal: boolean;
  /** The source ids the export holds but does not import (invalid records): never removals. */
  notImported: { users: ReadonlySet<string>; organizations: ReadonlySet<string> };
  /** Users skipped by policy (blocked, …): in WorkOS they are removals. */
  skippedUsers: ReadonlySet<string>;
  /** Whether the run manages organizations (an organizations file was given). */
  managesOrganizations: boolean;
  /** True for an external id that this source gives out (e.g. Auth0's `auth0|…`). */
  ownsExternalId: (entity: 'user' | 'organization', externalId: string) => boolean;
  /**
   * Send the export's hash even to users who have signed in to WorkOS (`--force-passwords`).
   * Without it, after a WorkOS sign-in WorkOS's credentials win: the user may have changed the
   * password there, and the export's would silently revert it.
   */
  forcePasswords?: boolean;
}

/**
 * The users' changes as a sequence that diffs each planned user when it is reached: the diff is
 * pure, so a pass gives the same changes as long as the journal has not changed since (take
 * what a run needs from them before it writes). At a million users an array of changes, each
 * holding its decoded user, is about a gigabyte.
 */
export class UserChanges implements Iterable<UserChange> {
  constructor(
    private readonly input: DiffInput,
    /** How many planned users there are (one change each). */
    readonly length: number,
  ) {}

  *[Symbol.iterator](): Iterator<UserChange> {
    for (const user of this.input.users) yield diffUser(user, this.input);
  }

  filter(wanted: (change: UserChange) => boolean): UserChange[] {
    const found: UserChange[] = [];
    for (const change of this) if (wanted(change)) found.push(change);
    return found;
  }
}

/**
 * The memberships' changes as a sequence that diffs each planned membership when it is reached
 * (see UserChanges): the planned memberships are columns, and so stay.
 */
export class MembershipChanges implements Iterable<MembershipChange> {
  constructor(
    private readonly memberships: Iterable<PlannedMembership> & { readonly length: number },
    private readonly live: LiveIndex,
    private readonly userIds: IdLookup,
    private readonly orgIds: IdLookup,
  ) {}

  /** How many planned memberships there are (one change each). */
  get length(): number {
    return this.memberships.length;
  }

  *[Symbol.iterator](): Iterator<MembershipChange> {
    for (const m of this.memberships) yield diffMembership(m, this.live, this.userIds, this.orgIds);
  }
}

export function diffMigration(input: DiffInput): MigrationDiff {
  const given = (input.users as { length?: number }).length;
  const users = new UserChanges(input, given ?? [...input.users].length);
  const userIds = new StringMap();
  for (const change of users) if (change.workosId) userIds.set(change.record.sourceId, change.workosId);
  const organizations = input.organizations.map((o) => diffOrganization(o, input.live));
  const orgIds = new Map<string, string>();
  for (const change of organizations) if (change.workosId) orgIds.set(change.record.sourceId, change.workosId);
  const memberships = new MembershipChanges(input.memberships, input.live, userIds, orgIds);
  return {
    users,
    organizations,
    memberships,
    removals: findRemovals(input, users, userIds, orgIds),
    workosUserIds: userIds,
  };
}

function diffUser(user: PlannedUser, input: DiffInput): UserChange {
  const base = { entity: 'user' as const, record: user };
  const { live } = input;
  const wanted = user.input;
  const emailKey = wanted.email.toLowerCase();
  const byExternalId = live.users.byExternalId(user.sourceId);
  const byEmail = live.users.byEmail(emailKey);
  if (wanted.externalId === undefined) {
    const keyedByEmail = diffEmailKeyedUser(user, byEmail, input);
    if (keyedByEmail) return keyedByEmail;
  }

  if (!byExternalId) {
    if (!byEmail)
      return { ...base, action: 'create', fields: [], sendPassword: user.input.password !== undefined, claim: false };
    if (byEmail.externalId) {
      // Another system (or another source of this migration) holds the email: its user stays as
      // it is and gets the memberships; a person decides whether the two are one.
      return {
        ...base,
        action: 'conflict',
        workosId: byEmail.id,
        fields: [],
        sendPassword: false,
        claim: false,
        ...keptPassword(user),
      };
    }
    // Signed up on their own before the migration: take it over, keep the password they set.
    const fields: ChangedField[] = ['external_id', ...userFieldChanges(byEmail, user)];
    return {
      ...base,
      action: 'update',
      workosId: byEmail.id,
      fields,
      sendPassword: false,
      claim: true,
      ...keptPassword(user),
    };
  }

  const fields = userFieldChanges(byExternalId, user);
  if (fields.includes('email') && byEmail && byEmail.id !== byExternalId.id) {
    // The export moved the user to an address another WorkOS user holds: WorkOS would refuse it.
    return { ...base, action: 'conflict', workosId: byExternalId.id, fields, sendPassword: false, claim: false };
  }
  const password = passwordDecision(user, byExternalId, input);
  if (password.send) fields.push('password');
  const action = fields.length > 0 ? 'update' : 'unchanged';
  return {
    ...base,
    action,
    workosId: byExternalId.id,
    fields,
    sendPassword: password.send,
    claim: false,
    ...(password.notSent ? { passwordNotSent: password.notSent } : {}),
    ...(password.overwritesSignedIn ? { overwritesSignedIn: true } : {}),
  };
}

/**
 * A user the source has no id for (keyed by email, sent without an external id) is found in
 * WorkOS by email: a user there without an external id (or with the key an earlier version of
 * this tool wrote as one) is the one. It is ours when the journal says this migration made or
 * claimed it; otherwise it was there before, keeps its password, and an update claims it.
 * Undefined when the email is free or held by another system's user (the usual create or conflict).
 */
function diffEmailKeyedUser(
  user: PlannedUser,
  byEmail: LiveUser | undefined,
  input: DiffInput,
): UserChange | undefined {
  if (!byEmail || (byEmail.externalId !== null && byEmail.externalId !== user.sourceId)) return undefined;
  const base = { entity: 'user' as const, record: user, workosId: byEmail.id };
  const fields = userFieldChanges(byEmail, user);
  const entry = input.journal?.get('user', user.sourceId);
  const ours =
    byEmail.externalId === user.sourceId ||
    (entry !== undefined && entry.status !== 'deleted' && entry.workos_id === byEmail.id);
  if (!ours) {
    const action = fields.length > 0 ? 'update' : 'unchanged';
    return { ...base, action, fields, sendPassword: false, claim: action === 'update', ...keptPassword(user) };
  }
  const password = passwordDecision(user, byEmail, input);
  if (password.send) fields.push('password');
  return {
    ...base,
    action: fields.length > 0 ? 'update' : 'unchanged',
    fields,
    sendPassword: password.send,
    claim: false,
    ...(password.notSent ? { passwordNotSent: password.notSent } : {}),
  };
}

function keptPassword(user: PlannedUser): Pick<UserChange, 'passwordNotSent'> {
  return user.input.password ? { passwordNotSent: 'kept_existing' } : {};
}

function passwordDecision(
  user: PlannedUser,
  found: LiveUser,
  input: DiffInput,
): { send: boolean; notSent?: UserChange['passwordNotSent']; overwritesSignedIn?: boolean } {
  const password = user.input.password;
  if (!password) return { send: false };
  const entry = input.journal?.get('user', user.sourceId);
  // The same WorkOS user (not one deleted and made again since) was sent this very hash. A journal
  // from before password digests were kept recorded the whole input, hash included.
  const recorded =
    entry !== undefined &&
    entry.status !== 'deleted' &&
    entry.workos_id === found.id &&
    (entry.password_digest === passwordDigest(password) || entry.input_digest === user.digest);
  if (recorded) return { send: false, notSent: 'recorded_earlier' };
  if (!input.passwordsFromJournal) return { send: false, notSent: 'unknown' };
  // Claimed by this migration: the user was in WorkOS before and keeps the password set there.
  if (entry?.claimed && entry.status !== 'deleted' && entry.workos_id === found.id)
    return { send: false, notSent: 'kept_existing' };
  // WorkOS never returns hashes, so without the journal a hash "not recorded" looks unsent; after
  // a WorkOS sign-in, whatever the journal holds, the password there is the one that counts.
  if (found.signedIn) {
    if (!input.forcePasswords) return { send: false, notSent: 'kept_signed_in' };
    return { send: true, overwritesSignedIn: true };
  }
  return { send: true };
}

/** Fields of the WorkOS user that differ from the export. A field the export lacks is not ours to clear. */
export function userFieldChanges(found: LiveUser, user: PlannedUser): ChangedField[] {
  const wanted = user.input;
  const fields: ChangedField[] = [];
  if (found.emailKey !== wanted.email.toLowerCase()) fields.push('email');
  // WorkOS refuses to un-verify, and a verification made in WorkOS since is worth keeping.
  if (wanted.emailVerified && !found.emailVerified) fields.push('email_verified');
  if (wanted.firstName !== undefined && found.firstName !== wanted.firstName) fields.push('first_name');
  if (wanted.lastName !== undefined && found.lastName !== wanted.lastName) fields.push('last_name');
  if (userMetadataDiffers(found.metadataDigest, wanted.metadata)) fields.push('metadata');
  return fields;
}

function diffOrganization(org: PlannedOrganization, live: LiveIndex): OrganizationChange {
  const base = { entity: 'organization' as const, record: org };
  const found = live.organizationsByExternalId.get(org.sourceId);
  if (!found) return { ...base, action: 'create', fields: [] };
  const fields: ChangedField[] = [];
  if (found.name !== org.input.name) fields.push('name');
  if (domainsDiffer(org.input, found)) fields.push('domains');
  if (found.metadataDigest !== metadataDigest(org.input.metadata)) fields.push('metadata');
  return { ...base, action: fields.length > 0 ? 'update' : 'unchanged', workosId: found.id, fields };
}

function diffMembership(m: PlannedMembership, live: LiveIndex, userIds: IdLookup, orgIds: IdLookup): MembershipChange {
  const base = { entity: 'membership' as const, record: m };
  const userId = userIds.get(m.userSourceId);
  const organizationId = orgIds.get(m.organizationSourceId);
  if (!userId || !organizationId || !live.membershipsReadFor.has(organizationId))
    return { ...base, action: 'create', fields: [] };
  const found = live.memberships.get(liveMembershipKey(organizationId, userId));
  if (!found) return { ...base, action: 'create', fields: [] };
  // No roles in the export means the environment's default role: whatever WorkOS has is fine.
  const fields: ChangedField[] = m.roles.length > 0 && found.roles !== sortedJoined(m.roles) ? ['roles'] : [];
  return { ...base, action: fields.length > 0 ? 'update' : 'unchanged', workosId: found.id, fields };
}

/**
 * Why a removal must stay: undefined only when the journal records that this migration created
 * this very WorkOS record (same WorkOS id, not deleted since) and did not merely claim it.
 */
export function keptBecause(entry: JournalEntry | undefined, workosId: string): KeptReason | undefined {
  if (entry !== undefined && entry.status !== 'deleted' && entry.workos_id === workosId) {
    if (entry.claimed) return 'existed_before';
    if (madeByMigration(entry)) return undefined;
  }
  return 'not_created_by_this_checkpoint';
}

/** The removals prune may delete: what the journal says this migration created. */
export function deletableRemovals(removals: readonly Removal[]): Removal[] {
  return removals.filter((r) => r.keptBecause === undefined);
}

/**
 * Records of this migration that WorkOS holds and the export no longer has: users and
 * organizations with an external id this migration made or claimed (the journal says so) or
 * that this source gives out, and memberships of such users in the export's organizations.
 * Each says whether prune may delete it (`keptBecause`).
 */
function findRemovals(input: DiffInput, users: Iterable<UserChange>, userIds: IdLookup, orgIds: IdLookup): Removal[] {
  const { live, journal } = input;
  const journaled = (entity: Entity, id: string): boolean => {
    const entry = journal?.get(entity, id);
    return entry !== undefined && entry.status !== 'deleted';
  };
  const ours = (entity: 'user' | 'organization', id: string): boolean =>
    journaled(entity, id) || input.ownsExternalId(entity, id);
  const kept = (entity: Entity, id: string, workosId: string) => {
    const reason = keptBecause(journal?.get(entity, id), workosId);
    return reason ? { keptBecause: reason } : {};
  };

  const removals = userRemovals(input, ours, kept);
  /** Users prune deletes: WorkOS deletes their memberships with them. */
  const deletedUserIds = new Set(removals.filter((r) => !r.keptBecause).map((r) => r.workosId));
  if (!input.managesOrganizations) return removals;

  const exportedOrgs = new Set(input.organizations.map((o) => o.sourceId));
  for (const found of live.organizationsByExternalId.values()) {
    const id = found.externalId!;
    if (exportedOrgs.has(id) || input.notImported.organizations.has(id) || !ours('organization', id)) continue;
    removals.push({
      entity: 'organization',
      externalId: id,
      workosId: found.id,
      reason: 'not_in_export',
      ...kept('organization', id, found.id),
    });
  }

  // A member dropped from an organization that stays: the membership goes, the user stays.
  const orgSourceIds = new Map<string, string>();
  for (const o of input.organizations) {
    const found = live.organizationsByExternalId.get(o.sourceId);
    if (found) orgSourceIds.set(found.id, o.sourceId);
  }
  // WorkOS memberships the plan does not have (few, mostly): only these are looked up further.
  const dropped: { m: LiveMembership; orgSourceId: string; userSourceId?: string }[] = [];
  for (const m of live.memberships.valuesNotIn(plannedMembershipKeys(input, userIds, orgIds))) {
    const orgSourceId = orgSourceIds.get(m.organizationId);
    if (!orgSourceId || deletedUserIds.has(m.userId)) continue;
    dropped.push({ m, orgSourceId });
  }
  if (dropped.length === 0) return removals;
  // The dropped members' source ids: one more pass over the users, kept for these few only.
  const droppedUsers = new Map(dropped.map((d) => [d.m.userId, undefined as string | undefined]));
  for (const u of users) if (u.workosId && droppedUsers.has(u.workosId)) droppedUsers.set(u.workosId, u.record.sourceId);
  for (const d of dropped) d.userSourceId = droppedUsers.get(d.m.userId);
  /** Of those, the ones the journal says this migration created, by WorkOS id. */
  const droppedIds = new Set(dropped.map((d) => d.m.id));
  const createdMemberships = new Map<string, JournalEntry>();
  for (const entry of journal?.entries() ?? []) {
    if (
      entry.entity === 'membership' &&
      droppedIds.has(entry.workos_id) &&
      entry.status !== 'deleted' &&
      madeByMigration(entry)
    )
      createdMemberships.set(entry.workos_id, entry);
  }
  for (const { m, orgSourceId, userSourceId } of dropped) {
    const created = createdMemberships.get(m.id);
    // Only memberships of users this export brings (or that the journal says we added).
    if (!userSourceId && !created) continue;
    removals.push({
      entity: 'membership',
      // The journal's own id when it has one, so the delete is journaled against the same line.
      externalId: created?.source_id ?? `${orgSourceId}:${userSourceId}`,
      workosId: m.id,
      reason: 'member_removed',
      ...(created ? {} : { keptBecause: 'not_created_by_this_checkpoint' as const }),
    });
  }
  return removals;
}

/**
 * The live-membership keys (organization id, user id in WorkOS) of the planned memberships
 * whose user and organization WorkOS holds: what diffMembership looks up.
 */
function* plannedMembershipKeys(input: DiffInput, userIds: IdLookup, orgIds: IdLookup): Iterable<string> {
  for (const m of input.memberships) {
    const userId = userIds.get(m.userSourceId);
    const organizationId = orgIds.get(m.organizationSourceId);
    if (userId && organizationId) yield liveMembershipKey(organizationId, userId);
  }
}

/** WorkOS users of this migration that the export no longer has. */
function userRemovals(
  input: DiffInput,
  ours: (entity: 'user' | 'organization', id: string) => boolean,
  kept: (entity: Entity, id: string, workosId: string) => { keptBecause?: KeptReason },
): Removal[] {
  const removals: Removal[] = [];
  for (const found of input.live.users.withExternalId()) {
    const id = found.externalId!;
    if (input.importsUser(id) || input.notImported.users.has(id)) continue;
    const reason: RemovalReason | undefined = input.skippedUsers.has(id)
      ? 'skipped_by_policy'
      : ours('user', id)
        ? 'not_in_export'
        : undefined;
    if (!reason) continue;
    removals.push({ entity: 'user', externalId: id, workosId: found.id, reason, ...kept('user', id, found.id) });
  }
  return removals;
}

export function countChanges(diff: MigrationDiff): Record<'users' | 'organizations' | 'memberships', ChangeCounts> {
  const count = (changes: Iterable<Change<PlannedRecord>>, entity: Removal['entity']): ChangeCounts => {
    const c: ChangeCounts = { create: 0, update: 0, unchanged: 0, remove: 0, conflict: 0 };
    for (const change of changes) c[change.action]++;
    c.remove = diff.removals.filter((r) => r.entity === entity).length;
    return c;
  };
  return {
    users: count(diff.users, 'user'),
    organizations: count(diff.organizations, 'organization'),
    memberships: count(diff.memberships, 'membership'),
  };
}

/**
 * What the diff knows of hashes it will not send: recorded as sent earlier, kept by users who
 * were there before, kept by users who signed in to WorkOS; and the signed-in users whose
 * password `--force-passwords` replaces. One pass: the user changes are worked out as it goes.
 */
export function passwordMemory(diff: MigrationDiff): {
  recordedEarlier: number;
  keptExisting: number;
  keptSignedIn: number;
  overwritesSignedIn: number;
} {
  const memory = { recordedEarlier: 0, keptExisting: 0, keptSignedIn: 0, overwritesSignedIn: 0 };
  for (const c of diff.users) {
    if (c.passwordNotSent === 'recorded_earlier') memory.recordedEarlier++;
    else if (c.passwordNotSent === 'kept_existing') memory.keptExisting++;
    else if (c.passwordNotSent === 'kept_signed_in') memory.keptSignedIn++;
    if (c.overwritesSignedIn) memory.overwritesSignedIn++;
  }
  return memory;
}
