import type { CallCounters } from '../model/call-counters.js';
import type { Outcome, OutcomeCounts, OutcomeStatus } from '../model/outcome.js';
import { countSourceStatuses } from '../model/problems.js';
import type { PlannedUser } from '../model/planned.js';
import type { Entity, MfaFactor, RecordProblem } from '../model/types.js';
import type { ChangeCounts } from '../model/changes.js';
import type { FactorCounts } from '../model/factors.js';
import { MERGE_UNVERIFIED, type MergedUsers } from '../model/user-plan.js';
import type { Reconciliation } from '../model/reconciliation.js';
import { namedCounts, type UserTally } from '../model/user-tally.js';

export type Mode = 'plan' | 'import' | 'verify' | 'rollback' | 'cutover';

/**
 * What this run did with each planned record. Always:
 * total = created + updated + unchanged + skipped + invalid + failed + pending (DESIGN §2).
 */
export interface EntityCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Left out by policy (blocked users, …): deliberate, never a failure. */
  skipped: number;
  invalid: number;
  failed: number;
  pending: number;
}

export type EntityName = 'users' | 'organizations' | 'memberships';

export interface PasswordCounts {
  /** Users in the export with a hash WorkOS can verify. */
  withHash: number;
  /** Hashes sent to WorkOS in this run (with a create, or an update that backfills it). */
  sent: number;
  /** Hashes the checkpoint records as sent to the same WorkOS user in an earlier run. */
  recordedEarlier: number;
  /** Users who were in WorkOS before the migration: they keep the password they set there. */
  keptExisting: number;
  /** Users who have signed in to WorkOS (`last_sign_in_at`): WorkOS's password wins, the export's is not sent. */
  keptSignedIn: number;
  /** Hashes neither sent nor recorded: pending, failed, or (dry run) would be sent. */
  notSent: number;
  missing: number;
  unsupported: number;
  /** Password rows that are wrong (bad hash shape…): their users import without one. */
  invalid: number;
  /** Users who need a password reset or Magic Auth (password-reset.csv). */
  reset: number;
  /**
   * The run was not given the export's password file (Auth0 verify without --passwords): it says
   * nothing about hashes, missing passwords or resets (those counts are 0, password-reset.csv is not written).
   */
  notChecked?: true;
}

export interface Summary {
  mode: Mode;
  source: string;
  /** True when WorkOS holds every planned record as planned and nothing is pending or failed. */
  complete: boolean;
  /** Why this run stopped before the end, when it did. */
  stoppedBy?: string;
  /**
   * `merged`: source users folded into another with the same email (not in `total`).
   * `mergeConflicts`: source users left out (counted skipped, code merge_unverified) because an
   * unverified account shares its email with a verified one: a person must decide.
   */
  users: EntityCounts & { merged: number; mergeConflicts?: number };
  organizations: EntityCounts;
  memberships: EntityCounts;
  passwords: PasswordCounts;
  /** Users who must enroll MFA again, by factor (reenroll.csv): SMS, TOTP without a valid secret, … */
  mfa: Partial<Record<MfaFactor, number>>;
  /** TOTP factors moved with their secrets; absent when the export has none. */
  factors?: FactorCounts;
  social: Partial<Record<string, number>>;
  /** Users by their status in the source, where it asks for a look (Cognito `UNCONFIRMED: 2`); absent when none. */
  sourceStatuses?: Record<string, number>;
  /** Records imported but worth a look (unmatched password rows, secondary emails, …). */
  warnings: number;
  /** The live check: what WorkOS holds now against the plan (cumulative, not this run's). */
  workos?: Pick<Reconciliation, 'users' | 'organizations' | 'memberships'>;
  /** A dry run with a key: what an import would do now (`roles`: environment roles the memberships need). */
  changes?: Record<EntityName, ChangeCounts> & { roles?: ChangeCounts };
  /** import: environment roles (and permissions) created before the memberships that name them. */
  roles?: { created: number; existing: number; failed: number; permissionsCreated: number };
  /**
   * plan, import with a key: the environment's enabled webhook endpoints and the events the run's
   * writes make WorkOS send them (counted from the plan, before any write).
   */
  webhooks?: WebhookForecast;
  /** Records of this migration in WorkOS that the export no longer has (removals.csv). */
  removals?: Record<EntityName, number>;
  /**
   * Of `removals`, those prune never deletes: they existed in WorkOS before the migration, or the
   * checkpoint does not record them as created (kept_because in removals.csv). Absent when none.
   */
  removalsKept?: Record<EntityName, number>;
  /** Why the run had to stop before the end (WorkOS unreachable): one sentence; the exit code is 2. */
  fatal?: string;
  /** cutover: go or no-go, and the checks that failed (cutover.json has the evidence). */
  cutover?: { go: boolean; failing: string[] };
  /** Removals deleted by this run (`--prune`) or records deleted by `rollback` (`factors`: TOTP factors it enrolled). */
  deleted?: Record<EntityName, number> & { factors?: number };
  requests?: RequestStats;
  /** verify with login probes: test accounts signed in with their password. */
  logins?: { tried: number; succeeded: number; failed: number };
  /** verify, cutover: users WorkOS holds marked for a lazy migration (import --lazy-passwords). */
  lazy?: { pending: number; moved: number };
  /** At this run's pace, how many more runs of the same size finish the migration. */
  runsRemaining?: number;
}

export interface WebhookForecast {
  /** Enabled endpoints subscribed to at least one of the events. */
  endpoints: number;
  /** Deliveries: each event times the endpoints subscribed to it. */
  deliveries: number;
  /** Events the writes cause, by event name (`user.created: 1000`). */
  events: Record<string, number>;
}

export interface RequestStats extends CallCounters {
  writesPerSecond: number;
  elapsedSeconds: number;
}

export function emptyCounts(): EntityCounts {
  return { total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, invalid: 0, failed: 0, pending: 0 };
}

export function countsAddUp(c: EntityCounts): boolean {
  return c.total === c.created + c.updated + c.unchanged + c.skipped + c.invalid + c.failed + c.pending;
}

export function sumOver(s: Record<EntityName, EntityCounts>, key: Exclude<keyof EntityCounts, 'total'>): number {
  return s.users[key] + s.organizations[key] + s.memberships[key];
}

export interface SummaryInput {
  mode: Mode;
  source: string;
  plan: { users: { readonly tally: UserTally }; merges: readonly MergedUsers[] };
  /** Every problem of the run: reading, planning and reconciling (errors, skips and warnings). */
  problems: readonly RecordProblem[];
  outcomes: readonly Outcome[];
  /** Outcomes counted as they happened (OutcomeStream), besides any listed in `outcomes`. */
  outcomeCounts?: OutcomeCounts;
  /** Pending records counted but not listed in `outcomes`. */
  pendingNotListed?: Partial<Record<'user' | 'organization' | 'membership', number>>;
  stoppedBy?: string;
  workos?: Summary['workos'];
  changes?: Summary['changes'];
  roles?: Summary['roles'];
  webhooks?: Summary['webhooks'];
  removals?: Summary['removals'];
  removalsKept?: Summary['removalsKept'];
  deleted?: Summary['deleted'];
  cutover?: Summary['cutover'];
  fatal?: string;
  /** What happened to each hash (absent for a run that did not look). */
  passwords?: Pick<PasswordCounts, 'sent' | 'recordedEarlier' | 'keptExisting' | 'keptSignedIn' | 'notChecked'>;
  requests?: RequestStats;
  logins?: Summary['logins'];
  lazy?: Summary['lazy'];
  /** Writes this run made; used to estimate the runs remaining. */
  processedThisRun?: number;
  factors?: FactorCounts;
}

export function buildSummary(input: SummaryInput): Summary {
  const counts: Record<'user' | 'organization' | 'membership', EntityCounts> = {
    user: emptyCounts(),
    organization: emptyCounts(),
    membership: emptyCounts(),
  };
  for (const problem of input.problems) {
    const entity = countedEntity(problem.entity);
    // A drift warning or a failed sign-in is about a record already counted.
    if (!entity || problem.severity === 'warning' || problem.code === 'login_failed') continue;
    counts[entity][problem.severity === 'skip' ? 'skipped' : 'invalid']++;
    counts[entity].total++;
  }
  for (const outcome of input.outcomes) {
    const entity = countedEntity(outcome.entity);
    if (!entity) continue;
    counts[entity][outcome.status satisfies OutcomeStatus]++;
    counts[entity].total++;
  }
  for (const [entity, byStatus] of Object.entries(input.outcomeCounts ?? {}) as [
    keyof typeof counts,
    OutcomeCounts['user'],
  ][]) {
    for (const [status, n] of Object.entries(byStatus) as [OutcomeStatus, number][]) {
      counts[entity][status] += n;
      counts[entity].total += n;
    }
  }
  for (const [entity, n] of Object.entries(input.pendingNotListed ?? {}) as [keyof typeof counts, number][]) {
    counts[entity].pending += n;
    counts[entity].total += n;
  }

  const users = input.plan.users;
  const entities = { users: counts.user, organizations: counts.organization, memberships: counts.membership };
  const pending = sumOver(entities, 'pending') + (input.factors?.pending ?? 0);
  const failed = sumOver(entities, 'failed') + (input.factors?.failed ?? 0);
  const runsRemaining = input.processedThisRun && pending > 0 ? Math.ceil(pending / input.processedThisRun) : undefined;
  const inStep = input.workos !== undefined && liveCheckPasses(input.workos);
  const withHash = users.tally.withHash;
  const pw = input.passwords ?? { sent: 0, recordedEarlier: 0, keptExisting: 0, keptSignedIn: 0 };

  const statuses = countSourceStatuses(input.problems);
  return {
    mode: input.mode,
    source: input.source,
    complete:
      input.mode === 'rollback'
        ? rollbackDone(input)
        : (input.mode === 'import' || input.mode === 'verify' || input.mode === 'cutover') &&
          inStep &&
          pending === 0 &&
          failed === 0 &&
          (input.logins?.failed ?? 0) === 0,
    ...(input.stoppedBy ? { stoppedBy: input.stoppedBy } : {}),
    users: {
      ...counts.user,
      merged: input.plan.merges.reduce((n, m) => n + m.mergedSourceIds.length, 0),
      mergeConflicts: input.problems.filter((p) => p.entity === 'user' && p.code === MERGE_UNVERIFIED).length,
    },
    organizations: counts.organization,
    memberships: counts.membership,
    passwords: {
      withHash,
      ...pw,
      notSent: Math.max(0, withHash - pw.sent - pw.recordedEarlier - pw.keptExisting - pw.keptSignedIn),
      missing: pw.notChecked ? 0 : users.tally.missing,
      unsupported: users.tally.unsupported,
      invalid: input.problems.filter((p) => p.entity === 'password' && p.severity === 'error').length,
      reset: pw.notChecked ? 0 : users.tally.passwordReset,
    },
    mfa: namedCounts(users.tally.mfa) as Summary['mfa'],
    ...(input.factors && input.factors.total > 0 ? { factors: input.factors } : {}),
    social: namedCounts(users.tally.social),
    ...(Object.keys(statuses).length > 0 ? { sourceStatuses: statuses } : {}),
    warnings: input.problems.filter((p) => p.severity === 'warning').length,
    ...(input.workos ? { workos: input.workos } : {}),
    ...(input.changes ? { changes: input.changes } : {}),
    ...(input.roles ? { roles: input.roles } : {}),
    ...(input.webhooks ? { webhooks: input.webhooks } : {}),
    ...(input.removals ? { removals: input.removals } : {}),
    ...(input.removalsKept ? { removalsKept: input.removalsKept } : {}),
    ...(input.deleted ? { deleted: input.deleted } : {}),
    ...(input.cutover ? { cutover: input.cutover } : {}),
    ...(input.fatal ? { fatal: input.fatal } : {}),
    ...(input.requests ? { requests: input.requests } : {}),
    ...(input.logins ? { logins: input.logins } : {}),
    ...(input.lazy ? { lazy: input.lazy } : {}),
    ...(runsRemaining !== undefined ? { runsRemaining } : {}),
  };
}

/** WorkOS holds every planned record, each as planned. */
export function liveCheckPasses(found: NonNullable<Summary['workos']>): boolean {
  return [found.users, found.organizations, found.memberships].every((f) => f.missing === 0 && f.mismatched === 0);
}

/** Password rows are about a user already counted; they are reported, not counted again. */
function countedEntity(entity: Entity): 'user' | 'organization' | 'membership' | undefined {
  return entity === 'password' ? undefined : entity;
}

/** Users whose MFA cannot move: one row per user and factor. */
export function* reenrollments(users: Iterable<PlannedUser>): Iterable<{ user: PlannedUser; factor: MfaFactor }> {
  for (const user of users) for (const factor of user.mfaFactors) yield { user, factor };
}

type PerEntity = Record<'users' | 'organizations' | 'memberships', number>;

/**
 * Whether a rollback undid everything it set out to: it deleted (--confirm), every record it
 * planned to delete is gone (an interrupted one is not done), and no delete failed (its only
 * problems). Read from the run's final counts, so summary.json, summary.md and the exit code agree.
 */
export function rollbackDone(run: {
  removals?: PerEntity;
  deleted?: PerEntity;
  problems: readonly Pick<RecordProblem, 'severity'>[];
}): boolean {
  const { removals, deleted } = run;
  if (!deleted) return false;
  const planned = removals ?? { users: 0, organizations: 0, memberships: 0 };
  const all = (['users', 'organizations', 'memberships'] as const).every((k) => deleted[k] >= planned[k]);
  return all && run.problems.length === 0;
}
