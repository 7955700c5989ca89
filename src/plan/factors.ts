import type { FactorCounts, PlannedFactor } from '../model/factors.js';
import type { RecordProblem, TotpFactorRecord } from '../model/types.js';
import type { Journal } from '../checkpoint/journal.js';
import { inputDigest } from '../model/digest.js';
import type { PlannedUsers } from './users.js';

// The TOTP factors an import enrolls: one per WorkOS user, with the secret the source exported.
// A factor follows its user: a user left out (invalid, skipped, a merge conflict) takes its
// factor with it, and a merged user gets the factor of the first of its records that has one.

export interface FactorPlan {
  factors: PlannedFactor[];
  /** Warnings: a second secret for one WorkOS user. */
  problems: RecordProblem[];
}

export function emptyFactorPlan(): FactorPlan {
  return { factors: [], problems: [] };
}

export function planTotpFactors(records: Iterable<TotpFactorRecord>, users: Pick<PlannedUsers, 'ownerOf'>): FactorPlan {
  const plan = emptyFactorPlan();
  const taken = new Map<string, PlannedFactor>();
  for (const record of records) {
    const owner = users.ownerOf(record.userSourceId);
    if (owner === undefined) continue;
    const first = taken.get(owner);
    if (first) {
      plan.problems.push(secondSecret(record, first));
      continue;
    }
    const factor: PlannedFactor = {
      userSourceId: owner,
      secret: record.secret,
      digest: totpSecretDigest(record.secret),
      location: record.location,
    };
    taken.set(owner, factor);
    plan.factors.push(factor);
  }
  return plan;
}

/** The digest the journal keeps of a secret. */
export function totpSecretDigest(secret: string): string {
  return inputDigest({ totp: secret });
}

function secondSecret(record: TotpFactorRecord, first: PlannedFactor): RecordProblem {
  const merged = first.userSourceId !== record.userSourceId;
  return {
    entity: 'user',
    sourceId: record.userSourceId,
    location: record.location,
    field: record.field,
    code: 'second_totp_secret',
    message: `${merged ? `This user merges into ${first.userSourceId}, which` : 'The user'} already has a TOTP secret (${first.location.file}:${first.location.line}); WorkOS gets that one only. An authenticator set up with this one stops working: tell the user to enroll again.`,
    severity: 'warning',
  };
}

/** Nothing written yet: each factor is to enroll. */
export function factorsToEnroll(plan: FactorPlan): FactorCounts {
  const n = plan.factors.length;
  return { total: n, enrolled: 0, unchanged: 0, failed: 0, pending: n };
}

/**
 * A dry run without a key: a factor the checkpoint records as enrolled with the same secret is
 * unchanged; the rest would be enrolled.
 */
export function factorsFromJournal(plan: FactorPlan, journal: Pick<Journal, 'get'> | undefined): FactorCounts {
  const counts = factorsToEnroll(plan);
  for (const factor of plan.factors) {
    const entry = journal?.get('factor', factor.userSourceId);
    if (entry && entry.status !== 'deleted' && entry.input_digest === factor.digest) {
      counts.unchanged++;
      counts.pending--;
    }
  }
  return counts;
}

/**
 * With a key (plan, verify): WorkOS says. A user the diff would create has no factor yet; a user
 * WorkOS holds is asked for its TOTP factors (`hasTotp`: a read each). `pending` is what an
 * import would enroll.
 */
export async function factorsInWorkOS(
  plan: FactorPlan,
  diffUsers: Iterable<{ record: { sourceId: string }; workosId?: string }>,
  hasTotp: (workosUserId: string) => Promise<boolean>,
  concurrency: number,
): Promise<FactorCounts> {
  const counts = factorsToEnroll(plan);
  if (plan.factors.length === 0) return counts;
  const wanted = new Set(plan.factors.map((f) => f.userSourceId));
  const existing: string[] = [];
  for (const c of diffUsers) if (c.workosId && wanted.has(c.record.sourceId)) existing.push(c.workosId);
  // The reads are paced by whoever `hasTotp` calls through; this only keeps a few in flight.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < existing.length) {
      if (await hasTotp(existing[next++]!)) {
        counts.unchanged++;
        counts.pending--;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, existing.length)) }, worker));
  return counts;
}
