import { madeByMigration, type JournalEntry } from '../checkpoint/journal.js';
import type { KeptReason, Removal } from '../model/changes.js';
import { keptBecause } from './diff.js';

// What rollback does with each record the journal knows, worked out from the journal on each
// pass: at a million users and a million memberships a list of steps (each holding its entry)
// is gigabytes; the journal already holds them compactly.

export type RollbackAction = 'delete' | 'already_deleted' | 'keep_claimed' | 'keep_updated';

export interface RollbackStep {
  entry: JournalEntry;
  action: RollbackAction;
  /** Why a record stays (rollback.csv's kept_because): claimed users existed before. */
  keptBecause?: KeptReason;
}

/**
 * Delete what this migration created; keep users it only claimed or updated (they existed
 * before; field updates are not reverted). Memberships this migration created are deleted
 * whoever their user is: a claimed user keeps the account, not the memberships the migration
 * gave it. Entries of records deleted by someone else than this migration have no step.
 */
export function* rollbackSteps(entries: Iterable<JournalEntry>): Generator<RollbackStep> {
  for (const entry of entries) {
    if (entry.status === 'deleted') {
      if (madeByMigration(entry)) yield { entry, action: 'already_deleted' };
      continue;
    }
    const kept = keptBecause(entry, entry.workos_id);
    if (!kept) yield { entry, action: 'delete' };
    else yield { entry, action: entry.claimed ? 'keep_claimed' : 'keep_updated', keptBecause: kept };
  }
}

/** A step to delete, as the deletes take it. */
export function deletion(step: RollbackStep): Removal {
  return {
    entity: step.entry.entity as Removal['entity'],
    externalId: step.entry.source_id,
    workosId: step.entry.workos_id,
    reason: 'not_in_export',
  };
}

/** What a rollback plans, as counts: what it deletes by entity, and what stays and why. */
export interface RollbackCounts {
  deletes: Record<'users' | 'organizations' | 'memberships', number>;
  kept: Record<KeptReason, number>;
}

export function countRollback(steps: Iterable<RollbackStep>): RollbackCounts {
  const counts: RollbackCounts = {
    deletes: { users: 0, organizations: 0, memberships: 0 },
    kept: { existed_before: 0, not_created_by_this_checkpoint: 0 },
  };
  for (const step of steps) {
    // TOTP factors are deleted on their own, and counted as such.
    if (step.action === 'delete' && step.entry.entity !== 'factor')
      counts.deletes[`${step.entry.entity as Removal['entity']}s`]++;
    if (step.keptBecause) counts.kept[step.keptBecause]++;
  }
  return counts;
}
