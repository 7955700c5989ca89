import type { PlannedUser } from './planned.js';
import type { SourceLocation } from './types.js';
import type { UserTally } from './user-tally.js';

// What the reports read of the user plan (plan/users.ts makes it): the merges, the tally, and
// the lists they write. Here, below both, so a report never reaches back into the planner.

export interface MergedUsers {
  /** The email's owner in WorkOS (its external id). */
  sourceId: string;
  mergedSourceIds: string[];
  location: SourceLocation;
}

/** The code of a record left out because it shares an email with a record of the other verification state. */
export const MERGE_UNVERIFIED = 'merge_unverified';

/** The planned users as the reports read them (plan/users.ts's PlannedUsers is one). */
export interface PlannedUserLists {
  readonly tally: UserTally;
  /** Users with an MFA factor to re-enroll (reenroll.csv). */
  withMfa(): Iterable<PlannedUser>;
  /** Users who need a password reset or are left to a lazy migration. */
  needingPasswordReset(): Iterable<PlannedUser>;
}
