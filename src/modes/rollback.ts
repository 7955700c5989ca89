import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appendFile, mkdir } from 'node:fs/promises';
import { deleteAll, deleteFailureProblem } from '../apply/deletes.js';
import { clearLazyMark } from '../apply/clear-lazy-mark.js';
import { Journal, JOURNAL_FILE, type JournalEntry } from '../checkpoint/journal.js';
import { UsageError, type RecordProblem } from '../model/types.js';
import type { Removal } from '../model/changes.js';
import { keptBecause } from '../plan/diff.js';
import { countRollback, deletion, rollbackSteps, type RollbackStep } from '../plan/rollback-steps.js';
import { writeLines } from '../io/write-lines.js';
import { csvRow } from '../report/escape.js';
import { silentLogger } from '../report/logger.js';
import type { MappingConfig } from '../config/mapping-config.js';
import type { SourceKind } from '../sources/index.js';
import { deleteEnrolledFactors, enrolledFactors, factorsByOwner, goneWithUsers } from '../apply/factors.js';
import { recordEntries, rollbackEnvironment } from '../apply/rollback-roles.js';
import {
  DEFAULTS,
  finishRun,
  prepareEmptyRun,
  type MigrationResult,
  type MigrationSettings,
  type RunPlaces,
  type RunShell,
  type WorkOSAccess,
} from './pipeline.js';

export interface RollbackOptions extends RunPlaces, WorkOSAccess, RunShell {
  /** The source named in the summary; the checkpoint's own source and config are the ones undone. */
  source: SourceKind;
  config?: MappingConfig;
  /** Writes (deletes) per second for the whole process. */
  rateLimit?: number;
  /** The most deletes in flight at once. */
  concurrency?: number;
  /** Delete for real (without it, a preview). */
  confirm?: boolean;
}

/** rollback's options, from the settings the CLI or the action parsed; it reads no export. */
export function rollbackOptions(settings: MigrationSettings, shell: RunShell): RollbackOptions {
  return {
    source: settings.source,
    stateDir: settings.stateDir,
    outDir: settings.outDir,
    includePii: settings.includePii,
    target: settings.target,
    rateLimit: settings.rateLimit,
    readRateLimit: settings.readRateLimit,
    concurrency: settings.concurrency,
    confirm: settings.confirmRollback,
    log: shell.log,
    signal: shell.signal,
  };
}

export type { RollbackAction, RollbackStep } from '../plan/rollback-steps.js';

/** Every step at once: for a small journal (tests); a run goes through rollbackSteps. */
export function planRollback(entries: Iterable<JournalEntry>, _journal: Pick<Journal, 'get'>): RollbackStep[] {
  return [...rollbackSteps(entries)];
}

/**
 * Deletes that WorkOS does by itself: the memberships of a user this rollback deletes (or did). Only the
 * user counts: a membership of a user who stays (claimed) is deleted on its own and journaled,
 * never left to its organization's delete, so a rollback killed before the organizations go
 * (or one whose organizations stay) leaves no membership the migration added.
 */
function goesWithItsOwner(entry: JournalEntry, journal: Pick<Journal, 'get'>): boolean {
  if (entry.entity !== 'membership') return false;
  const cut = entry.source_id.indexOf(':');
  if (cut < 0 || entry.source_id.startsWith('sha256:')) return false;
  const user = journal.get('user', entry.source_id.slice(cut + 1));
  // Deleted already (a rollback resumed): its memberships went with it.
  return user !== undefined && (user.status === 'deleted' || keptBecause(user, user.workos_id) === undefined);
}

/** A user's journal entry whose step is a delete (what main's rollback set of deleted users held). */
function userIsDeleted(user: JournalEntry | undefined): boolean {
  return user !== undefined && user.status !== 'deleted' && keptBecause(user, user.workos_id) === undefined;
}

function ownerGone(entry: JournalEntry, journal: Pick<Journal, 'get'>): boolean {
  const cut = entry.source_id.indexOf(':');
  if (cut < 0) return false;
  const owners = [
    journal.get('organization', entry.source_id.slice(0, cut)),
    journal.get('user', entry.source_id.slice(cut + 1)),
  ];
  return owners.some((o) => o?.status === 'deleted');
}

/**
 * `rollback`: undoes what the migration created, as the journal records it. Without `confirm`
 * a preview: it prints and writes exactly what it would delete. With it, deletes memberships,
 * users, then organizations, each delete journaled, so a killed rollback resumes.
 */
export async function runRollback(options: RollbackOptions): Promise<MigrationResult> {
  const dir = options.stateDir;
  if (!dir) throw new UsageError('rollback needs --state DIR: the checkpoint says what the migration created.');
  if (!existsSync(join(dir, JOURNAL_FILE)))
    throw new UsageError(`${dir} holds no checkpoint (${JOURNAL_FILE}); nothing is known to roll back.`);
  const run = prepareEmptyRun('rollback', options);
  const log = options.log ?? silentLogger;
  // The checkpoint's own source and config are the ones to undo, whatever this run was given.
  const journal = Journal.open(dir, run.identity, { force: true, readOnly: !options.confirm });
  // The steps are worked out from the journal on each pass, never listed (see rollbackSteps).
  // Roles and permissions are the environment's (rollbackEnvironment); TOTP factors have steps of their own.
  const steps = (): Iterable<RollbackStep> => rollbackSteps(recordEntries(journal.entries()));
  try {
    const planned = countRollback(steps());
    const counts = planned.deletes;
    // TOTP factors are deleted on their own (apply/factors.ts), before the users.
    const factors = enrolledFactors(journal.entries());
    log.info(
      `The checkpoint records ${counts.users} user(s), ${counts.organizations} organization(s) and ${counts.memberships} membership(s) created by this migration` +
        `; ${planned.kept.existed_before} record(s) that existed in WorkOS before the migration and ` +
        `${planned.kept.not_created_by_this_checkpoint} it did not create stay (kept_because in rollback.csv; field updates are not reverted).`,
    );
    // Written before any delete: it says what this rollback set out to do.
    if (options.outDir) {
      await mkdir(options.outDir, { recursive: true });
      await writeLines(join(options.outDir, 'rollback.csv'), rollbackCsvLines(steps()));
    }
    let deleted: MigrationResult['summary']['deleted'];
    const problems: RecordProblem[] = [];
    if (factors.length > 0)
      log.info(`The checkpoint records ${factors.length} TOTP factor(s) enrolled by this migration.`);
    if (options.confirm && counts.users + counts.organizations + counts.memberships + factors.length > 0) {
      if (!run.workos)
        throw new UsageError(
          'rollback --confirm needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).',
        );
      const workos = run.workos;
      const limits = { concurrency: options.concurrency ?? DEFAULTS.concurrency, signal: options.signal };
      // A factor of a user this rollback deletes goes with it; the others (users that stay) are deleted first.
      const { own, withUser } = factorsByOwner(factors, (id) => userIsDeleted(journal.get('user', id)));
      const removed = await deleteEnrolledFactors(own, { workos, caller: run.caller, journal, limits });
      problems.push(...removed.problems);
      const total = { users: 0, organizations: 0, memberships: 0 };
      // WorkOS deletes a user's memberships with it: those need no request of their own.
      let requests = 0;
      for (const step of steps())
        if (step.action === 'delete' && step.entry.entity !== 'factor' && !goesWithItsOwner(step.entry, journal))
          requests++;
      await log.group(`Deleting ${requests} record(s)`, async () => {
        // Memberships, then users, then organizations, a batch at a time.
        for (const entity of ['membership', 'user', 'organization'] as const) {
          for (const batch of deleteBatches(steps(), entity, journal)) {
            const result = await deleteAll(workos, batch, { caller: run.caller, journal }, limits);
            for (const key of ['users', 'organizations', 'memberships'] as const) total[key] += result.deleted[key];
            for (const failed of result.failed) problems.push(deleteFailureProblem(failed));
            if (result.stoppedBy) return;
          }
        }
      });
      const factorsGone = removed.deleted + goneWithUsers(withUser, journal);
      deleted = { ...total, ...(factors.length > 0 ? { factors: factorsGone } : {}) };
      // Memberships that went with their user or organization: journaled as gone, counted as deleted.
      for (const step of steps()) {
        const entry = step.entry;
        if (step.action !== 'delete' || entry.entity !== 'membership' || !ownerGone(entry, journal)) continue;
        journal.record({ ...entry, status: 'deleted' });
        deleted.memberships++;
      }
    } else if (!options.confirm) {
      log.info(
        'Preview only: nothing was deleted. Run rollback again with --confirm (confirm-rollback: true in the action) to delete.',
      );
    }
    if (options.confirm && run.workos) {
      const workos = run.workos;
      // Users that stay (they existed before) lose the lazy migration's mark the import gave them.
      for (const step of steps()) {
        if (step.entry.entity !== 'user' || step.action === 'delete' || step.action === 'already_deleted') continue;
        try {
          await clearLazyMark(run.caller, workos, step.entry.workos_id);
        } catch (error) {
          // Deleted in WorkOS since: no mark left to clear.
          if ((error as { status?: unknown }).status === 404) continue;
          problems.push({
            entity: 'user',
            sourceId: step.entry.source_id,
            location: { file: 'checkpoint', line: 0 },
            code: 'lazy_mark_not_cleared',
            message: `The lazy migration mark of WorkOS user ${step.entry.workos_id} could not be cleared (${error instanceof Error ? error.message : String(error)}). Run rollback --confirm again.`,
            severity: 'error',
          });
        }
      }
    }
    const environment = await rollbackEnvironment(
      journal,
      options.confirm && run.workos ? { workos: run.workos, caller: run.caller } : undefined,
    );
    problems.push(...environment.problems);
    if (environment.roles.length > 0)
      log.warn(
        `This migration created the environment role(s) ${environment.roles.join(', ')}; WorkOS's API cannot delete an environment role: delete them in the WorkOS dashboard (Roles) once no membership uses them.`,
      );
    // The environment's rows (roles, permissions) follow the records' in rollback.csv.
    if (options.outDir && environment.csv) await appendFile(join(options.outDir, 'rollback.csv'), environment.csv);
    // Complete or not is the summary's own reading of the deletes (summary.json, summary.md and the exit code agree).
    return await finishRun(run, {
      outcomes: [],
      problems,
      removalsCounted: counts,
      deleted: deleted ?? (options.confirm ? { users: 0, organizations: 0, memberships: 0 } : undefined),
      journalAppended: journal.appendedCount,
      writtenFiles: options.outDir ? ['rollback.csv'] : [],
    });
  } finally {
    journal.close();
  }
}

/** rollback.csv, a row at a time. */
export function* rollbackCsvLines(steps: Iterable<RollbackStep>): Generator<string> {
  yield csvRow(['entity', 'source_id', 'workos_id', 'action', 'kept_because']);
  for (const { entry, action, keptBecause: kept } of steps)
    yield csvRow([entry.entity, entry.source_id, entry.workos_id, action, kept ?? '']);
}

/** Deletes go to the queue this many at a time, so that only a batch of them is held. */
const DELETE_BATCH = 10_000;

/**
 * The deletes of one entity, a batch at a time, leaving out memberships that go with their user.
 * The journal changes between batches (each delete is journaled): a record deleted since the
 * pass began is already_deleted when reached, so nothing is deleted twice.
 */
function* deleteBatches(
  steps: Iterable<RollbackStep>,
  entity: Removal['entity'],
  journal: Pick<Journal, 'get'>,
): Generator<Removal[]> {
  let batch: Removal[] = [];
  for (const step of steps) {
    if (step.action !== 'delete' || step.entry.entity !== entity || goesWithItsOwner(step.entry, journal)) continue;
    batch.push(deletion(step));
    if (batch.length >= DELETE_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
