import type { Outcome, OutcomeStatus } from '../apply/outcome.js';
import type { CallCounters } from '../apply/workos-caller.js';
import type { Entity, MfaFactor, RecordProblem } from '../model/types.js';
import type { PlannedUser, UserPlan } from '../plan/users.js';
import type { Reconciliation } from '../reconcile/reconcile.js';

export type Mode = 'plan' | 'import' | 'verify';

/** total = created + updated + unchanged + invalid + failed + pending, always (DESIGN §2). */
export interface EntityCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  failed: number;
  pending: number;
}

export interface Summary {
  mode: Mode;
  source: string;
  /** True when nothing is pending and nothing failed: the migration needs no further run. */
  complete: boolean;
  /** Why this run stopped before the end, when it did. */
  stoppedBy?: string;
  /** `merged`: source users folded into another with the same email (not in `total`). */
  users: EntityCounts & { merged: number };
  organizations: EntityCounts;
  memberships: EntityCounts;
  /**
   * `invalid`: password rows that are wrong (bad hash shape…): their users import without one.
   * `reset`: users who need a password reset or Magic Auth (password-reset.csv).
   */
  passwords: { imported: number; missing: number; unsupported: number; invalid: number; reset?: number };
  mfa: Partial<Record<MfaFactor, number>>;
  social: Partial<Record<string, number>>;
  /** Records imported but worth a look (unmatched password rows, secondary emails, …). */
  warnings: number;
  /** What WorkOS holds after the run (verify, and a complete import): found vs expected. */
  workos?: Pick<Reconciliation, 'users' | 'organizations' | 'memberships'>;
  requests?: RequestStats;
  /** verify with login probes: test accounts signed in with their password. */
  logins?: { tried: number; succeeded: number; failed: number };
  /** At this run's pace, how many more runs of the same size finish the migration. */
  runsRemaining?: number;
}

export interface RequestStats extends CallCounters {
  writesPerSecond: number;
  elapsedSeconds: number;
}

export function emptyCounts(): EntityCounts {
  return { total: 0, created: 0, updated: 0, unchanged: 0, invalid: 0, failed: 0, pending: 0 };
}

export function countsAddUp(c: EntityCounts): boolean {
  return c.total === c.created + c.updated + c.unchanged + c.invalid + c.failed + c.pending;
}

export interface SummaryInput {
  mode: Mode;
  source: string;
  plan: UserPlan;
  /** Every problem of the run: reading, planning and reconciling (errors and warnings). */
  problems: RecordProblem[];
  outcomes: Outcome[];
  stoppedBy?: string;
  workos?: Summary['workos'];
  requests?: RequestStats;
  logins?: Summary['logins'];
  /** Writes this run made; used to estimate the runs remaining. */
  processedThisRun?: number;
}

export function buildSummary(input: SummaryInput): Summary {
  // A login probe is about a user already counted: reported, not counted as invalid again.
  const counted = input.problems.filter((p) => p.code !== 'login_failed');
  const counts: Record<'user' | 'organization' | 'membership', EntityCounts> = {
    user: emptyCounts(),
    organization: emptyCounts(),
    membership: emptyCounts(),
  };
  const errors = counted.filter((p) => p.severity === 'error');
  for (const problem of errors) {
    const entity = countedEntity(problem.entity);
    if (!entity) continue;
    counts[entity].invalid++;
    counts[entity].total++;
  }
  for (const outcome of input.outcomes) {
    const entity = countedEntity(outcome.entity);
    if (!entity) continue;
    counts[entity][outcome.status satisfies OutcomeStatus]++;
    counts[entity].total++;
  }

  const users = input.plan.users;
  const pending = counts.user.pending + counts.organization.pending + counts.membership.pending;
  const failed = counts.user.failed + counts.organization.failed + counts.membership.failed;
  const runsRemaining = input.processedThisRun && pending > 0 ? Math.ceil(pending / input.processedThisRun) : undefined;

  return {
    mode: input.mode,
    source: input.source,
    complete: input.mode !== 'plan' && pending === 0 && failed === 0 && (input.logins?.failed ?? 0) === 0,
    ...(input.stoppedBy ? { stoppedBy: input.stoppedBy } : {}),
    users: { ...counts.user, merged: input.plan.merges.reduce((n, m) => n + m.mergedSourceIds.length, 0) },
    organizations: counts.organization,
    memberships: counts.membership,
    passwords: {
      imported: users.filter((u) => u.passwordGap === 'none').length,
      missing: users.filter((u) => u.passwordGap === 'missing').length,
      unsupported: users.filter((u) => u.passwordGap === 'unsupported').length,
      invalid: input.problems.filter((p) => p.entity === 'password' && p.severity === 'error').length,
      reset: passwordResets(users).length,
    },
    mfa: tally(users.flatMap((u) => u.mfaFactors)),
    social: tally(users.flatMap((u) => u.socialProviders)),
    warnings: input.problems.filter((p) => p.severity === 'warning').length,
    ...(input.workos ? { workos: input.workos } : {}),
    ...(input.requests ? { requests: input.requests } : {}),
    ...(input.logins ? { logins: input.logins } : {}),
    ...(runsRemaining !== undefined ? { runsRemaining } : {}),
  };
}

/** Password rows are about a user already counted; they are reported, not counted again. */
function countedEntity(entity: Entity): 'user' | 'organization' | 'membership' | undefined {
  return entity === 'password' ? undefined : entity;
}

function tally<T extends string>(values: T[]): Partial<Record<T, number>> {
  const result: Partial<Record<T, number>> = {};
  for (const v of values) result[v] = (result[v] ?? 0) + 1;
  return result;
}

/** Users whose MFA cannot move: one row per user and factor. */
export function reenrollments(users: readonly PlannedUser[]): { user: PlannedUser; factor: MfaFactor }[] {
  return users.flatMap((user) => user.mfaFactors.map((factor) => ({ user, factor })));
}

/**
 * Users who arrive without a password WorkOS can verify and have no social provider to link
 * with: they sign in with a password reset or Magic Auth. (Cognito exports no hashes, so every
 * Cognito user who did not sign in through a provider is one.)
 */
export function passwordResets(users: readonly PlannedUser[]): PlannedUser[] {
  return users.filter((user) => user.passwordGap !== 'none' && user.socialProviders.length === 0);
}
