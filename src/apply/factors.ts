import type { WorkOS } from '@workos-inc/node';
import type { Journal, JournalEntry } from '../checkpoint/journal.js';
import type { Outcome } from '../model/outcome.js';
import type { RecordProblem } from '../model/types.js';
import type { FactorCounts, PlannedFactor } from '../model/factors.js';
import type { Logger } from '../report/logger.js';
import { deleteFactor, enrollTotpFactor, listUserFactors, type LiveFactor } from '../workos/factors.js';
import { describeFailure } from './apply-record.js';
import { runWorkQueue, type StageLimits, type StopReason } from './work-queue.js';
import {
  AmbiguousWriteError,
  WorkOSCallError,
  WorkOSUnreachableError,
  type WorkOSCaller,
} from '../workos/workos-caller.js';

// TOTP factors go after their users exist: one factor per WorkOS user, enrolled with the
// source's secret. WorkOS is the truth: a user who has a TOTP factor there (enrolled by an
// earlier run, or by the user) is left alone, so a rerun, even with a fresh checkpoint, never
// adds a second one. Each enrollment is journaled with a digest of the secret, never the secret.

export interface FactorPhase {
  workos: WorkOS;
  caller: WorkOSCaller;
  journal?: Journal;
  /** The WorkOS id of a planned user, once the users phase has it; undefined while it is pending or failed. */
  userId(sourceId: string): string | undefined;
  /** The users phase created this user in this run: it has no factors to read. */
  createdNow(sourceId: string): boolean;
  limits: StageLimits;
  log: Logger;
}

export interface FactorsApplied {
  counts: FactorCounts;
  /** Factors that could not be enrolled, as the problem lists show them. */
  problems: RecordProblem[];
  /** Writes made (enrollments and replaced factors). */
  processed: number;
  stoppedBy?: StopReason;
  unreachable?: WorkOSUnreachableError;
}

type FactorResult = 'enrolled' | 'unchanged' | 'failed' | 'pending';

/**
 * The import's factor stage: it watches the users phase go by, then enrolls. A factor goes only
 * to a user that phase brought to the plan (created, updated or already as planned), never to
 * one whose write failed (a failed email conflict names another person's WorkOS user); a user
 * created in this run has no factors to read first. Only the users that have a factor are
 * remembered.
 */
export class TotpFactorStage {
  private readonly wanted: Set<string>;
  private readonly userIds = new Map<string, string>();
  private readonly createdNow = new Set<string>();

  constructor(private readonly factors: readonly PlannedFactor[]) {
    this.wanted = new Set(factors.map((f) => f.userSourceId));
  }

  /** Sees each outcome of the users phase. */
  noteUser(outcome: Outcome): void {
    if (!this.wanted.has(outcome.sourceId) || !outcome.workosId) return;
    if (outcome.status !== 'created' && outcome.status !== 'updated' && outcome.status !== 'unchanged') return;
    this.userIds.set(outcome.sourceId, outcome.workosId);
    if (outcome.status === 'created') this.createdNow.add(outcome.sourceId);
  }

  run(phase: Omit<FactorPhase, 'createdNow' | 'userId'>): Promise<FactorsApplied> {
    return applyTotpFactors(this.factors, {
      ...phase,
      userId: (id) => this.userIds.get(id),
      createdNow: (id) => this.createdNow.has(id),
    });
  }
}

/** Enrolls the planned factors of users WorkOS holds now; the others stay pending for a rerun. */
export async function applyTotpFactors(factors: readonly PlannedFactor[], phase: FactorPhase): Promise<FactorsApplied> {
  const counts: FactorCounts = { total: factors.length, enrolled: 0, unchanged: 0, failed: 0, pending: 0 };
  const problems: RecordProblem[] = [];
  let processed = 0;
  let unreachable: WorkOSUnreachableError | undefined;
  const ready: { factor: PlannedFactor; userId: string }[] = [];
  for (const factor of factors) {
    const userId = phase.userId(factor.userSourceId);
    if (userId === undefined) counts.pending++;
    else ready.push({ factor, userId });
  }
  if (ready.length === 0) return { counts, problems, processed };
  const tally = (result: FactorResult) => counts[result]++;
  let started = 0;
  const { notStarted, stoppedBy } = await phase.log.group(`Enrolling TOTP factors (${ready.length})`, () =>
    runWorkQueue(
      ready,
      async ({ factor, userId }) => {
        started++;
        try {
          const result = await applyFactor(factor, userId, phase);
          if (result === 'enrolled') processed++;
          tally(result);
        } catch (error) {
          if (error instanceof WorkOSUnreachableError) {
            unreachable ??= error;
            tally('pending');
            throw error;
          }
          tally('failed');
          problems.push(factorFailure(factor, describeFailure(error)));
        }
      },
      phase.limits,
    ).catch((error: unknown): { notStarted: typeof ready; stoppedBy?: StopReason } => {
      // WorkOS stopped answering: the factors not reached wait for the next run, like every other record.
      if (!(error instanceof WorkOSUnreachableError)) throw error;
      return { notStarted: ready.slice(started), stoppedBy: 'fatal' };
    }),
  );
  counts.pending += notStarted.length;
  return { counts, problems, processed, ...(stoppedBy ? { stoppedBy } : {}), ...(unreachable ? { unreachable } : {}) };
}

async function applyFactor(factor: PlannedFactor, userId: string, phase: FactorPhase): Promise<FactorResult> {
  const { caller, journal } = phase;
  if (!phase.createdNow(factor.userSourceId)) {
    const existing = await totpFactors(phase, userId);
    const entry = journal?.get('factor', factor.userSourceId);
    const ours = entry && entry.status !== 'deleted' ? existing.find((f) => f.id === entry.workos_id) : undefined;
    // The source's secret changed since this migration enrolled it: the old factor goes, the new one comes.
    if (ours && entry!.input_digest !== factor.digest) {
      await caller.idempotentWrite(() => deleteFactor(phase.workos, ours.id));
      journal?.record({ ...entry!, status: 'deleted' });
    } else if (existing.length > 0) {
      // Ours, or one this checkpoint did not enroll (the user's own, an earlier checkpoint's): it
      // stays, and only ours is journaled, so rollback never deletes a factor it did not make.
      return 'unchanged';
    }
  }
  const id = await enroll(factor, userId, phase);
  journal?.record({
    entity: 'factor',
    source_id: factor.userSourceId,
    workos_id: id,
    status: 'created',
    input_digest: factor.digest,
  });
  return 'enrolled';
}

/** A create that got no clear answer may have been carried out: look before enrolling again. */
async function enroll(factor: PlannedFactor, userId: string, phase: FactorPhase): Promise<string> {
  const { caller } = phase;
  for (let attempt = 1; ; attempt++) {
    try {
      return await caller.create(() => enrollTotpFactor(phase.workos, userId, factor.secret));
    } catch (error) {
      if (!(error instanceof AmbiguousWriteError) || attempt >= caller.maxTransientAttempts) throw error;
      await caller.backoff(attempt);
      const made = await totpFactors(phase, userId);
      if (made.length > 0) return made[0]!.id;
    }
  }
}

async function totpFactors(phase: FactorPhase, userId: string): Promise<LiveFactor[]> {
  const all = await phase.caller.read(() => listUserFactors(phase.workos, userId));
  return all.filter((f) => f.type === 'totp');
}

function factorFailure(factor: PlannedFactor, failure: ReturnType<typeof describeFailure>): RecordProblem {
  const requestId = failure.requestId ? ` (request ${failure.requestId})` : '';
  return {
    entity: 'user',
    sourceId: factor.userSourceId,
    location: factor.location,
    code: failure.code === 'failed' ? 'totp_factor_failed' : failure.code,
    message: `The TOTP factor could not be enrolled: ${failure.message}${requestId}. A rerun tries again; until then the user signs in without it.`,
    severity: 'error',
    failed: true,
  };
}

/**
 * The factors a rollback deletes: every one the journal says this migration enrolled and has not
 * deleted, whoever its user is (a claimed user stays, without the factor the migration gave it).
 */
export function enrolledFactors(entries: Iterable<JournalEntry>): { userSourceId: string; factorId: string }[] {
  const out: { userSourceId: string; factorId: string }[] = [];
  for (const e of entries)
    if (e.entity === 'factor' && e.status === 'created') out.push({ userSourceId: e.source_id, factorId: e.workos_id });
  return out;
}

/**
 * Of the factors a rollback deletes, those whose user the rollback deletes too go with it (no
 * request of their own; `goneWithUsers` journals them once their users are gone); the others,
 * on users that stay, are deleted one by one.
 */
export function factorsByOwner(
  factors: readonly { userSourceId: string; factorId: string }[],
  userIsDeleted: (userSourceId: string) => boolean,
): { own: typeof factors; withUser: typeof factors } {
  const own = factors.filter((f) => !userIsDeleted(f.userSourceId));
  const withUser = factors.filter((f) => userIsDeleted(f.userSourceId));
  return { own, withUser };
}

/** Journals the factors whose users are gone now as deleted with them; returns how many. */
export function goneWithUsers(
  factors: readonly { userSourceId: string; factorId: string }[],
  journal: Journal,
): number {
  let gone = 0;
  for (const f of factors) {
    const entry = journal.get('factor', f.userSourceId);
    if (journal.get('user', f.userSourceId)?.status !== 'deleted' || !entry || entry.status === 'deleted') continue;
    journal.record({ ...entry, status: 'deleted' });
    gone++;
  }
  return gone;
}

/** Deletes enrolled factors (rollback); already gone counts as deleted. Journaled. */
export async function deleteEnrolledFactors(
  targets: readonly { userSourceId: string; factorId: string }[],
  phase: Pick<FactorPhase, 'workos' | 'caller' | 'journal' | 'limits'>,
): Promise<{ deleted: number; problems: RecordProblem[]; stoppedBy?: StopReason }> {
  let deleted = 0;
  const problems: RecordProblem[] = [];
  const { stoppedBy } = await runWorkQueue(
    targets,
    async ({ userSourceId, factorId }) => {
      try {
        await phase.caller.idempotentWrite(() => deleteFactor(phase.workos, factorId));
      } catch (error) {
        if (error instanceof WorkOSUnreachableError) throw error;
        if (!(error instanceof WorkOSCallError && error.failure.kind === 'not_found')) {
          problems.push({
            entity: 'user',
            sourceId: userSourceId,
            location: { file: 'checkpoint', line: 0 },
            code: 'delete_failed',
            message: `Could not delete TOTP factor ${factorId}: ${describeFailure(error).message} Run rollback --confirm again.`,
            severity: 'warning',
          });
          return;
        }
      }
      const entry = phase.journal?.get('factor', userSourceId);
      if (entry) phase.journal?.record({ ...entry, status: 'deleted' });
      deleted++;
    },
    phase.limits,
  );
  return { deleted, problems, ...(stoppedBy ? { stoppedBy } : {}) };
}
