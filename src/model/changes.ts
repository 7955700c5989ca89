import type { PlannedMembership, PlannedOrganization, PlannedRecord, PlannedUser } from './planned.js';
import type { Entity } from './types.js';

// What the diff (plan/diff.ts) says an import must do, record by record: the executor
// (apply/), the live check (reconcile/) and the reports (report/) read it, so it lives here,
// below them all.

export type ChangeAction = 'create' | 'update' | 'unchanged' | 'conflict';

/** Field names in changes.jsonl and the summary; never values. */
export type ChangedField =
  | 'email'
  | 'email_verified'
  | 'first_name'
  | 'last_name'
  | 'metadata'
  | 'password'
  | 'external_id'
  | 'name'
  | 'domains'
  | 'roles';

export interface Change<P extends PlannedRecord> {
  entity: Exclude<Entity, 'password'>;
  record: P;
  action: ChangeAction;
  /** The WorkOS record it concerns (absent for a create). */
  workosId?: string;
  fields: ChangedField[];
}

export interface UserChange extends Change<PlannedUser> {
  /** The hash goes with this write (a create, or an update that backfills it). */
  sendPassword: boolean;
  /** Found by email with no external id (signed up on their own): the update sets ours. */
  claim: boolean;
  /**
   * A hash the export has that this run does not send, and why: sent earlier; kept by a user who
   * was in WorkOS before (claimed); kept by a user who has signed in to WorkOS since; unknown.
   */
  passwordNotSent?: 'recorded_earlier' | 'kept_existing' | 'kept_signed_in' | 'unknown';
  /** `--force-passwords`: the export's hash replaces the password of a user who signed in to WorkOS. */
  overwritesSignedIn?: boolean;
}

export type OrganizationChange = Change<PlannedOrganization>;
export type MembershipChange = Change<PlannedMembership>;

export type RemovalReason = 'not_in_export' | 'skipped_by_policy' | 'member_removed';

/**
 * Why prune must not delete a removal: the person had the WorkOS record before the migration
 * (claimed by email), or the checkpoint cannot prove this migration created it (no checkpoint,
 * no entry, or an entry for another WorkOS record). Prune and rollback delete only what the
 * journal records as created.
 */
export type KeptReason = 'existed_before' | 'not_created_by_this_checkpoint';

/** A WorkOS record that belongs to this migration but that the export no longer has. */
export interface Removal {
  entity: Exclude<Entity, 'password'>;
  /** The source id it carries (a membership: `<organization>:<user>`). */
  externalId: string;
  workosId: string;
  reason: RemovalReason;
  /** Listed, never deleted, and why. Absent: `--prune` deletes it. */
  keptBecause?: KeptReason;
}

/** Changes worked out again on each pass, never a million objects at once; one per planned record. */
export interface ChangeSequence<C> extends Iterable<C> {
  readonly length: number;
}

export interface MigrationDiff {
  /** Worked out again on each pass (plan/diff.ts's UserChanges). */
  users: ChangeSequence<UserChange> & { filter(wanted: (change: UserChange) => boolean): UserChange[] };
  organizations: OrganizationChange[];
  /** Worked out again on each pass, like the users'. */
  memberships: ChangeSequence<MembershipChange>;
  removals: Removal[];
  /** The WorkOS id of each planned user WorkOS holds, by source id, as the diff found it. */
  workosUserIds: IdLookup;
}

/** WorkOS ids by source id. */
export interface IdLookup {
  get(sourceId: string): string | undefined;
}

export interface ChangeCounts {
  create: number;
  update: number;
  unchanged: number;
  remove: number;
  conflict: number;
}
