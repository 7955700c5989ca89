import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { writeLines } from '../io/write-lines.js';
import { join } from 'node:path';
import { journalSourceId } from '../model/source-id.js';
import type { Outcome } from '../model/outcome.js';
import type { PlannedUser } from '../model/planned.js';
import type { MergedUsers, PlannedUserLists } from '../model/user-plan.js';
import type { RecordProblem } from '../model/types.js';
import type { MigrationDiff, Removal } from '../model/changes.js';
import { scrubbedJsonLine, scrubJson } from '../model/mask.js';
import { csvRow, exactCsvRow } from './escape.js';
import { lazyRows, passwordResetRows } from './people.js';
import { reenrollments, type Summary } from './summary.js';

export interface ReportFiles {
  summaryJson: string;
  summaryMd: string;
  errors: string;
  idMap: string;
  reenroll: string;
  /** Every file written, by name (the fixed ones above and the mode's own). */
  all: string[];
  passwordReset: string;
}

export interface ReportContent {
  summary: Summary;
  markdown: string;
  problems: readonly RecordProblem[];
  outcomes: readonly Outcome[];
  users: PlannedUserLists;
  /** Source users merged into another (same email): the id map lists them under its WorkOS id. */
  merges: readonly MergedUsers[];
  /** Emails (and source ids that hold one) in the reports only when the user opted in (DESIGN §3). */
  includePii: boolean;
  /** The mode's own files (changes.jsonl, removals.csv, rollback.csv): name → content. */
  extraFiles?: Record<string, string>;
  /** Files of this report already written to `dir` while the run went (changes.jsonl): names. */
  writtenFiles?: readonly string[];
  /**
   * The id map and the failed outcomes' lines, written while the run went (OutcomeStream): they
   * become id-map.csv and the end of errors.jsonl, in place of `outcomes`.
   */
  streamed?: { idMap: string; failures: string };
}

/** Writes the report files of DESIGN §2 to `dir`. */
export async function writeReportFiles(dir: string, content: ReportContent): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const files: Omit<ReportFiles, 'all'> = {
    summaryJson: join(dir, 'summary.json'),
    summaryMd: join(dir, 'summary.md'),
    errors: join(dir, 'errors.jsonl'),
    idMap: join(dir, 'id-map.csv'),
    reenroll: join(dir, 'reenroll.csv'),
    passwordReset: join(dir, 'password-reset.csv'),
  };
  const pii = content.includePii;
  await writeFile(files.summaryJson, JSON.stringify(scrubJson(content.summary, { keepEmails: pii }), null, 2) + '\n');
  await writeFile(files.summaryMd, content.markdown);
  // A row at a time: at a million users each of these files is tens of megabytes.
  if (content.streamed) {
    await writeLines(files.errors, errorRecords(content.problems, [], pii));
    await appendFileTo(files.errors, content.streamed.failures);
    await rm(content.streamed.failures, { force: true });
    await rename(content.streamed.idMap, files.idMap);
  } else {
    await writeLines(files.errors, errorRecords(content.problems, content.outcomes, pii));
    await writeLines(files.idMap, idMapRows(content.outcomes, content.merges));
  }
  await writeLines(files.reenroll, reenrollRows(content.users.withMfa(), pii));
  // A run without the password file knows nothing of who needs a reset: no list rather than a false one.
  if (!content.summary.passwords.notChecked)
    await writeLines(files.passwordReset, passwordResetRows(content.users.needingPasswordReset(), pii));
  const all = Object.values(files).filter((f) => f !== files.passwordReset || !content.summary.passwords.notChecked);
  // Users marked for a lazy migration (import --lazy-passwords) are listed here, not in password-reset.csv.
  if (content.users.tally.lazyPending > 0) {
    const lazy = join(dir, 'lazy.csv');
    await writeLines(lazy, lazyRows(content.users.needingPasswordReset(), pii));
    all.push(lazy);
  }
  for (const [name, text] of Object.entries(content.extraFiles ?? {})) {
    const path = join(dir, name);
    await writeFile(path, text);
    all.push(path);
  }
  for (const name of content.writtenFiles ?? []) all.push(join(dir, name));
  return { ...files, all };
}

async function appendFileTo(path: string, from: string): Promise<void> {
  await pipeline(createReadStream(from), createWriteStream(path, { flags: 'a' }));
}

/**
 * A source id as the reports show it: some carry an email (Auth0's `samlp|acme|ann@acme.com`),
 * so without include-pii they appear as the same digest the journal keeps.
 */
export function reportedId(sourceId: string, includePii: boolean): string {
  return includePii ? sourceId : journalSourceId(sourceId);
}

/** One line per invalid, skipped or failed record, plus warnings, each with where it came from. */
export function errorLines(
  problems: readonly RecordProblem[],
  outcomes: readonly Outcome[],
  includePii = false,
): string {
  return [...errorRecords(problems, outcomes, includePii)].join('');
}

/** errorLines a line at a time. */
export function* errorRecords(
  problems: readonly RecordProblem[],
  outcomes: readonly Outcome[],
  includePii = false,
): Iterable<string> {
  const id = (sourceId: string | undefined) => (sourceId === undefined ? null : reportedId(sourceId, includePii));
  // A message that quotes its record's id quotes it as source_id does (a digest without include-pii).
  const message = (text: string, sourceId: string | undefined) =>
    sourceId === undefined || includePii ? text : text.split(sourceId).join(reportedId(sourceId, false));
  const scrub = { keepEmails: includePii };
  for (const p of problems) {
    yield scrubbedJsonLine(
      {
        entity: p.entity,
        source_id: id(p.sourceId),
        file: p.location.file,
        line: p.location.line,
        ...(p.location.column ? { column: p.location.column } : {}),
        ...(p.field ? { field: p.field } : {}),
        severity: p.severity,
        code: p.code,
        message: message(p.message, p.sourceId),
      },
      scrub,
    );
  }
  for (const o of outcomes) if (o.status === 'failed') yield failureLine(o, includePii);
}

/** A failed write's errors.jsonl line (a message that quotes its record's id quotes it as source_id does). */
export function failureLine(o: Outcome, includePii: boolean): string {
  const message = o.failure?.message ?? 'failed';
  return scrubbedJsonLine(
    {
      entity: o.entity,
      source_id: reportedId(o.sourceId, includePii),
      file: o.location.file,
      line: o.location.line,
      severity: 'error',
      code: o.failure?.code ?? 'failed',
      message: includePii ? message : message.split(o.sourceId).join(reportedId(o.sourceId, false)),
      ...(o.failure?.requestId ? { request_id: o.failure.requestId } : {}),
    },
    { keepEmails: includePii },
  );
}

/**
 * Every source id that exists in WorkOS, merged duplicates included, so apps can rewrite
 * foreign keys: the exact ids, always (an application needs them as they are).
 */
export function idMapCsv(outcomes: readonly Outcome[], merges: readonly MergedUsers[]): string {
  return [...idMapRows(outcomes, merges)].join('');
}

/** idMapCsv a row at a time (the header first). */
export function* idMapRows(outcomes: readonly Outcome[], merges: readonly MergedUsers[]): Iterable<string> {
  const merged = new Map(merges.map((m) => [m.sourceId, m.mergedSourceIds]));
  yield idMapHeader();
  for (const o of outcomes) yield* idMapLines(o, merged);
}

export function idMapHeader(): string {
  return exactCsvRow(['entity', 'source_id', 'workos_id', 'status']);
}

/** An outcome's id-map rows: its own, and a user's merged duplicates under the same WorkOS id. */
export function* idMapLines(o: Outcome, merged: ReadonlyMap<string, readonly string[]>): Iterable<string> {
  if (!o.workosId) return;
  yield exactCsvRow([o.entity, o.sourceId, o.workosId, o.status]);
  if (o.entity === 'user')
    for (const other of merged.get(o.sourceId) ?? []) yield exactCsvRow([o.entity, other, o.workosId, 'merged']);
}

export function reenrollCsv(users: Iterable<PlannedUser>, includePii: boolean): string {
  return [...reenrollRows(users, includePii)].join('');
}

/** reenrollCsv a row at a time (the header first). */
export function* reenrollRows(users: Iterable<PlannedUser>, includePii: boolean): Iterable<string> {
  yield csvRow(includePii ? ['factor', 'source_id', 'email'] : ['factor', 'source_id']);
  for (const { user, factor } of reenrollments(users)) {
    yield csvRow(includePii ? [factor, user.sourceId, user.input.email] : [factor, reportedId(user.sourceId, false)], {
      keepEmails: includePii,
    });
  }
}

/**
 * changes.jsonl, a line at a time: what an import would do (or did), record by record, field
 * names only, never values.
 */
export function* changesLines(diff: MigrationDiff, includePii: boolean): Iterable<string> {
  const scrub = { keepEmails: includePii };
  for (const changes of [diff.users, diff.organizations, diff.memberships]) {
    for (const change of changes) {
      if (change.action === 'unchanged') continue;
      yield scrubbedJsonLine(
        {
          entity: change.entity,
          action: change.action,
          external_id: reportedId(change.record.sourceId, includePii),
          ...(change.workosId ? { workos_id: change.workosId } : {}),
          fields: change.fields,
        },
        scrub,
      );
    }
  }
  for (const r of diff.removals) {
    yield scrubbedJsonLine(
      {
        entity: r.entity,
        action: 'remove',
        external_id: reportedId(r.externalId, includePii),
        workos_id: r.workosId,
        fields: [],
      },
      scrub,
    );
  }
}

export function removalsCsv(removals: readonly Removal[], includePii: boolean): string {
  // kept_because: empty when --prune deletes it; else why it stays (existed_before, not_created_by_this_checkpoint).
  let text = csvRow(['entity', 'external_id', 'workos_id', 'reason', 'kept_because']);
  for (const r of removals)
    text += csvRow([r.entity, reportedId(r.externalId, includePii), r.workosId, r.reason, r.keptBecause ?? ''], {
      keepEmails: includePii,
    });
  return text;
}
