import type { Journal } from '../checkpoint/journal.js';
import type { Entity } from '../model/types.js';
import type { Outcome } from '../model/outcome.js';
import { passwordMemory } from '../plan/diff.js';
import { conflictProblems } from '../plan/diff-outcomes.js';
import { factorsFromJournal } from '../plan/factors.js';
import { liveOutcomes, reconcile } from '../reconcile/reconcile.js';
import { removalsCsv } from '../report/files.js';
import type { WorkOS } from '@workos-inc/node';
import {
  diffRun,
  finishRun,
  openJournal,
  outcomeStream,
  plannedRecords,
  writeChangesFile,
  prepareRun,
  readWorkOS,
  warnForcedPasswords,
  whenUnreachable,
  exportRunOptions,
  factorChanges,
  type ExportRunOptions,
  type MigrationSettings,
  type MigrationResult,
  type PreparedRun,
  type ResolvedRun,
  forecastWebhooks,
} from './pipeline.js';

export type PlanOptions = ExportRunOptions;

/** A dry run's options, from the settings the CLI or the action parsed. */
export function planOptions(settings: MigrationSettings, resolved: ResolvedRun): PlanOptions {
  return exportRunOptions(settings, resolved);
}

/**
 * `plan`: a dry run. With a key it reads WorkOS and says exactly what an import would do now
 * (create / update / remove, by record, in changes.jsonl); without one it can only say what the
 * checkpoint does not hold yet. Never writes, to WorkOS or to the checkpoint.
 */
export async function runPlan(options: PlanOptions): Promise<MigrationResult> {
  const run = await prepareRun('plan', options);
  const journal = openJournal(run, 'read');
  if (!run.workos)
    return finishRun(run, {
      ...journalOutcomes(run, journal),
      problems: run.problems,
      factors: factorsFromJournal(run.plan.factors, journal),
    });
  const workos = run.workos;
  return planAgainst(run, workos, journal).catch(whenUnreachable(run));
}

async function planAgainst(run: PreparedRun, workos: WorkOS, journal: Journal | undefined): Promise<MigrationResult> {
  const options = run.options;
  const diff = diffRun(run, await readWorkOS(run, workos), journal, true);
  warnForcedPasswords(run, diff);
  const webhooks = await forecastWebhooks(run, workos, diff, 'plan');
  const { recordedEarlier, keptExisting, keptSignedIn } = passwordMemory(diff);
  const pii = options.includePii ?? false;
  const factors = await factorChanges(run, workos, diff);
  // Counted and written as they are worked out, like verify's: a plan of a million users never
  // holds a million outcomes or a million lines of changes.jsonl.
  const outcomes = outcomeStream(run);
  try {
    for (const outcome of liveOutcomes(diff)) outcomes.add(outcome);
    const writtenFiles = await writeChangesFile(run, diff);
    return await finishRun(run, {
      factors,
      outcomes: [],
      streamed: outcomes,
      problems: [...run.problems, ...conflictProblems(diff)],
      reconciliation: reconcile(diff, { missingAsPlanned: true }),
      diff,
      showChanges: true,
      webhooks,
      removals: diff.removals,
      passwords: { sent: 0, recordedEarlier, keptExisting, keptSignedIn },
      extraFiles: { 'removals.csv': removalsCsv(diff.removals, pii) },
      writtenFiles,
    });
  } catch (error) {
    outcomes.discard();
    throw error;
  }
}

/**
 * Without a key: what the checkpoint holds as planned is unchanged (listed, for the id map);
 * the rest would be written, and is only counted: a million pending users are a number in the
 * summary, not a million objects.
 */
function journalOutcomes(
  run: PreparedRun,
  journal: Journal | undefined,
): { outcomes: Outcome[]; pendingNotListed: Record<Exclude<Entity, 'password'>, number> } {
  const outcomes: Outcome[] = [];
  const pendingNotListed = { user: 0, organization: 0, membership: 0 };
  for (const [entity, records] of plannedRecords(run)) {
    if (!journal) {
      pendingNotListed[entity] = records.length;
      continue;
    }
    for (const record of records) {
      const entry = journal.get(entity, record.sourceId);
      if (entry === undefined || entry.status === 'deleted' || entry.input_digest !== record.digest) {
        pendingNotListed[entity]++;
        continue;
      }
      outcomes.push({
        entity,
        sourceId: record.sourceId,
        location: record.location,
        status: 'unchanged',
        workosId: entry.workos_id,
      });
    }
  }
  return { outcomes, pendingNotListed };
}
