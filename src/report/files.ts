import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Outcome } from '../apply/outcome.js';
import type { RecordProblem } from '../model/types.js';
import type { PlannedUser } from '../plan/users.js';
import { csvRow } from './escape.js';
import { passwordResets, reenrollments, type Summary } from './summary.js';

export interface ReportFiles {
  summaryJson: string;
  summaryMd: string;
  errors: string;
  idMap: string;
  reenroll: string;
  passwordReset: string;
}

export interface ReportContent {
  summary: Summary;
  markdown: string;
  problems: readonly RecordProblem[];
  outcomes: readonly Outcome[];
  users: readonly PlannedUser[];
  /** Emails in reenroll.csv only when the user opted in (DESIGN §3). */
  includePii: boolean;
}

/** Writes the report files of DESIGN §2 to `dir`. */
export async function writeReportFiles(dir: string, content: ReportContent): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const files: ReportFiles = {
    summaryJson: join(dir, 'summary.json'),
    summaryMd: join(dir, 'summary.md'),
    errors: join(dir, 'errors.jsonl'),
    idMap: join(dir, 'id-map.csv'),
    reenroll: join(dir, 'reenroll.csv'),
    passwordReset: join(dir, 'password-reset.csv'),
  };
  await writeFile(files.summaryJson, JSON.stringify(content.summary, null, 2) + '\n');
  await writeFile(files.summaryMd, content.markdown);
  await writeFile(files.errors, errorLines(content.problems, content.outcomes));
  await writeFile(files.idMap, idMapCsv(content.outcomes, content.users));
  await writeFile(files.reenroll, reenrollCsv(content.users, content.includePii));
  await writeFile(files.passwordReset, passwordResetCsv(content.users, content.includePii));
  return files;
}

/** One line per invalid or failed record, plus warnings, each with where it came from. */
export function errorLines(problems: readonly RecordProblem[], outcomes: readonly Outcome[]): string {
  const fromProblems = problems.map((p) => ({
    entity: p.entity,
    source_id: p.sourceId ?? null,
    file: p.location.file,
    line: p.location.line,
    ...(p.location.column ? { column: p.location.column } : {}),
    ...(p.field ? { field: p.field } : {}),
    severity: p.severity,
    code: p.code,
    message: p.message,
  }));
  const fromFailures = outcomes
    .filter((o) => o.status === 'failed')
    .map((o) => ({
      entity: o.entity,
      source_id: o.sourceId,
      file: o.location.file,
      line: o.location.line,
      severity: 'error',
      code: o.failure?.code ?? 'failed',
      message: o.failure?.message ?? 'failed',
      ...(o.failure?.requestId ? { request_id: o.failure.requestId } : {}),
    }));
  return [...fromProblems, ...fromFailures].map((line) => JSON.stringify(line) + '\n').join('');
}

/** Every source id that exists in WorkOS, merged duplicates included, so apps can rewrite foreign keys. */
export function idMapCsv(outcomes: readonly Outcome[], users: readonly PlannedUser[]): string {
  const merged = new Map(users.map((u) => [u.sourceId, u.mergedSourceIds]));
  let text = csvRow(['entity', 'source_id', 'workos_id']);
  for (const o of outcomes) {
    if (!o.workosId) continue;
    text += csvRow([o.entity, o.sourceId, o.workosId]);
    if (o.entity === 'user') for (const other of merged.get(o.sourceId) ?? []) text += csvRow([o.entity, other, o.workosId]);
  }
  return text;
}

export function reenrollCsv(users: readonly PlannedUser[], includePii: boolean): string {
  let text = csvRow(includePii ? ['factor', 'source_id', 'email'] : ['factor', 'source_id']);
  for (const { user, factor } of reenrollments(users)) {
    text += csvRow(includePii ? [factor, user.sourceId, user.input.email] : [factor, user.sourceId]);
  }
  return text;
}

/** Users to send a password reset or Magic Auth link: ids, and emails only with include-pii. */
export function passwordResetCsv(users: readonly PlannedUser[], includePii: boolean): string {
  let text = csvRow(includePii ? ['source_id', 'email'] : ['source_id']);
  for (const user of passwordResets(users)) text += csvRow(includePii ? [user.sourceId, user.input.email] : [user.sourceId]);
  return text;
}
