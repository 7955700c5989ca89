import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deleteAll, deleteFailureProblem } from '../apply/deletes.js';
import { clearLazyMark } from '../apply/clear-lazy-mark.js';
import { Journal, JOURNAL_FILE, madeByMigration, type JournalEntry } from '../checkpoint/journal.js';
import { UsageError, type RecordProblem } from '../model/types.js';
import { keptBecause, type KeptReason, type Removal } from '../plan/diff.js';
import { removalCounts } from '../plan/diff-outcomes.js';
import { csvRow } from '../report/escape.js';
import { silentLogger } from '../report/logger.js';
import type { MappingConfig } from '../config/mapping-config.js';
import type { SourceKind } from '../sources/index.js';
import { deleteEnrolledFactors, enrolledFactors, factorsByOwner, goneWithUsers } from '../apply/factors.js';
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
import { recordEntries, rollbackEnvironment } from '../apply/rollback-roles.js';

export type RollbackAction = 'delete' | 'already_deleted' | 'keep_claimed' | 'keep_updated';

export interface RollbackStep {
  entry: JournalEntry;
  action: RollbackAction;
  /** Why a record stays (rollback.csv's kept_because): claimed users existed before. */
  keptBecause?: KeptReason;
}

/**
 * What rollback does with each record the journal knows: delete what this migration created;
 * keep users it only claimed or updated (they existed before; field updates are not reverted).
 * Memberships this migration created are deleted whoever their user is: a claimed user keeps
 * the account, not the memberships the migration gave it.
 */
export function planRollback(entries: Iterable<JournalEntry>, _journal: Pick<Journal, 'get'>): RollbackStep[] {
  const steps: RollbackStep[] = [];
  for (const entry of entries) {
    if (entry.status === 'deleted') {
      if (madeByMigration(entry)) steps.push({ entry, action: 'already_deleted' });
      continue;
    }
    const kept = keptBecause(entry, entry.workos_id);
    if (!kept) steps.push({ entry, action: 'delete' });
    else steps.push({ entry, action: entry.claimed ? 'keep_claimed' : 'keep_updated', keptBecause: kept });
  }
  return steps;
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
  try {
    const steps = planRollback(recordEntries(journal.entries()), journal);
    // TOTP factors are deleted on their own (apply/factors.ts), before the users.
    const factors = enrolledFactors(journal.entries());
    const toDelete: Removal[] = steps
      .filter((s) => s.action === 'delete' && s.entry.entity !== 'factor')
      .map((s) => ({
        entity: s.entry.entity as Removal['entity'],
        externalId: s.entry.source_id,
        workosId: s.entry.workos_id,
        reason: 'not_in_export',
      }));
    // WorkOS deletes a user's or organization's memberships with it: no request of their own.
    const targets = toDelete.filter((t) => !goesWithItsOwner(journal.get(t.entity, t.externalId)!, journal));
    const counts = removalCounts(toDelete);
    log.info(
      `The checkpoint records ${counts.users} user(s), ${counts.organizations} organization(s) and ${counts.memberships} membership(s) created by this migration` +
        `; ${steps.filter((s) => s.keptBecause === 'existed_before').length} record(s) that existed in WorkOS before the migration and ` +
        `${steps.filter((s) => s.keptBecause === 'not_created_by_this_checkpoint').length} it did not create stay (kept_because in rollback.csv; field updates are not reverted).`,
    );
    let deleted: MigrationResult['summary']['deleted'];
    const problems: RecordProblem[] = [];
    if (factors.length > 0)
      log.info(`The checkpoint records ${factors.length} TOTP factor(s) enrolled by this migration.`);
    if (options.confirm && targets.length + factors.length > 0) {
      if (!run.workos)
        throw new UsageError(
          'rollback --confirm needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).',
        );
      const workos = run.workos;
      const limits = { concurrency: options.concurrency ?? DEFAULTS.concurrency, signal: options.signal };
      // A factor of a user this rollback deletes goes with it; the others (users that stay) are deleted first.
      const users = new Set(toDelete.filter((t) => t.entity === 'user').map((t) => t.externalId));
      const { own, withUser } = factorsByOwner(factors, (id) => users.has(id));
      const removed = await deleteEnrolledFactors(own, { workos, caller: run.caller, journal, limits });
      problems.push(...removed.problems);
      const result = await log.group(`Deleting ${targets.length} record(s)`, () =>
        deleteAll(workos, targets, { caller: run.caller, journal }, options),
      );
      const factorsGone = removed.deleted + goneWithUsers(withUser, journal);
      deleted = { ...result.deleted, ...(factors.length > 0 ? { factors: factorsGone } : {}) };
      for (const failed of result.failed) problems.push(deleteFailureProblem(failed));
      // Memberships that went with their user or organization: journaled as gone, counted as deleted.
      for (const t of toDelete) {
        const entry = journal.get(t.entity, t.externalId);
        if (t.entity !== 'membership' || !entry || entry.status === 'deleted' || !ownerGone(entry, journal)) continue;
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
      for (const step of steps) {
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
    // Complete or not is the summary's own reading of the deletes (summary.json, summary.md and the exit code agree).
    return await finishRun(run, {
      outcomes: [],
      problems,
      removals: toDelete,
      deleted: deleted ?? (options.confirm ? { users: 0, organizations: 0, memberships: 0 } : undefined),
      journalAppended: journal.appendedCount,
      extraFiles: { 'rollback.csv': rollbackCsv(steps) + environment.csv },
    });
  } finally {
    journal.close();
  }
}

export function rollbackCsv(steps: readonly RollbackStep[]): string {
  let text = csvRow(['entity', 'source_id', 'workos_id', 'action', 'kept_because']);
  for (const { entry, action, keptBecause: kept } of steps)
    text += csvRow([entry.entity, entry.source_id, entry.workos_id, action, kept ?? '']);
  return text;
}
