import type { SourceLocation } from './types.js';

// What the planner, the executor and the report share of the TOTP factors that move with their
// secrets (plan/factors.ts plans them, apply/factors.ts enrolls them, report/ counts them).

/** One TOTP factor to enroll. `secret` is sent to WorkOS and nowhere else. */
export interface PlannedFactor {
  /** The planned (WorkOS) user's source id: a merged record's factor goes to the user it merged into. */
  userSourceId: string;
  secret: string;
  /** What the journal keeps of the secret: a digest, so a changed secret is noticed and the secret is not kept. */
  digest: string;
  location: SourceLocation;
}

/**
 * TOTP factors that move with their secrets (one per WorkOS user):
 * total = enrolled + unchanged + failed + pending. `unchanged`: the user has a TOTP factor in
 * WorkOS already (enrolled earlier, or their own) and gets no second one. `pending`: not enrolled
 * yet (a dry run's "to enroll", or its user is not in WorkOS yet). Secrets that cannot move are
 * re-enrollments, counted in `mfa.totp`.
 */
export interface FactorCounts {
  total: number;
  enrolled: number;
  unchanged: number;
  failed: number;
  pending: number;
}
