import type { Journal } from '../checkpoint/journal.js';
import type { Outcome } from '../model/outcome.js';
import type { PlannedRecord } from '../model/planned.js';
import { passwordMemory, type Change, type MigrationDiff } from '../plan/diff.js';
import { reconcile } from '../reconcile/reconcile.js';
import { changesJsonl, removalsCsv } from '../report/files.js';
import type { WorkOS } from '@workos-inc/node';
import {
  conflictProblems,
  diffRun,
  finishRun,
  openJournal,
  plannedRecords,
  prepareRun,
  readWorkOS,
  whenUnreachable,
  type MigrationOptions,
  type MigrationResult,
  type PreparedRun,
} from './pipeline.js';

/**
 * `plan`: a dry run. With a key it reads WorkOS and says exactly what an import would do now
 * (create / update / remove, by record, in changes.jsonl); without one it can only say what the
 * checkpoint does not hold yet. Never writes, to WorkOS or to the checkpoint.
 */
export async function runPlan(options: MigrationOptions): Promise<MigrationResult> {
  const run = await prepareRun(options);
  const journal = openJournal(run, 'read');
  if (!run.workos) return finishRun(run, { outcomes: journalOutcomes(run, journal), problems: run.problems });
  const workos = run.workos;
  return planAgainst(run, workos, journal).catch(whenUnreachable(run));
}

async function planAgainst(run: PreparedRun, workos: WorkOS, journal: Journal | undefined): Promise<MigrationResult> {
  const options = run.options;
  const diff = diffRun(run, await readWorkOS(run, workos), journal, true);
  const pii = options.includePii ?? false;
  return finishRun(run, {
    outcomes: diffOutcomes(diff),
    problems: [...run.problems, ...conflictProblems(diff)],
    reconciliation: reconcile(diff),
    diff,
    showChanges: true,
    removals: diff.removals,
    passwords: { sent: 0, ...passwordMemory(diff) },
    extraFiles: { 'changes.jsonl': changesJsonl(diff, pii), 'removals.csv': removalsCsv(diff.removals, pii) },
  });
}

/** Per planned record: `unchanged` when WorkOS holds it as planned, else `pending` (an import would write it). */
export function diffOutcomes(diff: MigrationDiff): Outcome[] {
  const all: Change<PlannedRecord>[] = [...diff.users, ...diff.organizations, ...diff.memberships];
  return all.map((change): Outcome => {
    const inStep = change.action === 'unchanged' || (change.action === 'conflict' && change.fields.length === 0);
    return {
      entity: change.entity,
      sourceId: change.record.sourceId,
      location: change.record.location,
      status: inStep ? 'unchanged' : 'pending',
      ...(change.workosId ? { workosId: change.workosId } : {}),
    };
  });
}

/** Without a key: what the checkpoint holds as planned is unchanged; the rest would be written. */
function journalOutcomes(run: PreparedRun, journal: Journal | undefined): Outcome[] {
  return plannedRecords(run).flatMap(([entity, records]) =>
    records.map((record): Outcome => {
      const entry = journal?.get(entity, record.sourceId);
      const done = entry !== undefined && entry.status !== 'deleted' && entry.input_digest === record.digest;
      return {
        entity,
        sourceId: record.sourceId,
        location: record.location,
        status: done ? 'unchanged' : 'pending',
        ...(done ? { workosId: entry.workos_id } : {}),
      };
    }),
  );
}
