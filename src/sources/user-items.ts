import { misplacedExport, jsonRecordShape } from '../io/export-shape.js';
import { recordError } from '../model/problems.js';
import {
  UsageError,
  type RecordProblem,
  type SourceItem,
  type SourceLocation,
  type UserRecord,
} from '../model/types.js';

// What the Firebase, Cognito, Supabase and CSV user readers share: reporting a user that cannot
// be imported, splitting a display name, and reading the loosely typed values exports write.

/**
 * Stops the run when the first record of a JSON user file looks like another source's export
 * or another kind of file (Auth0's password file given as --users), naming the flag to use.
 */
export function checkFirstRecord(path: string, source: string, raw: unknown): void {
  const message = misplacedExport(path, { source, kind: 'users' }, jsonRecordShape(raw));
  if (message) throw new UsageError(message);
}

/** A user that is not imported, as an item. */
export function userProblem(
  location: SourceLocation,
  sourceId: string | undefined,
  code: string,
  message: string,
  field?: string,
): SourceItem {
  return { kind: 'problem', problem: recordError('user', location, sourceId, code, message, field) };
}

/** A CSV row the reader could not split into the header's columns, as the user it held: not imported. */
export function badCsvRow(path: string, row: { line: number; column?: number; message: string }): SourceItem {
  const location: SourceLocation = {
    file: path,
    line: row.line,
    ...(row.column !== undefined ? { column: row.column } : {}),
  };
  return userProblem(location, undefined, 'invalid_csv_row', row.message);
}

/** Where a field of a record is: its column too when the record is a CSV row whose header names it. */
export function fieldAt(
  location: SourceLocation,
  columnOf: (field: string) => number | undefined,
  field: string,
): SourceLocation {
  const column = columnOf(field);
  return column === undefined ? location : { ...location, column };
}

/** A note about a user that is imported (or its password), as an item. */
export function userNote(
  problem: Omit<RecordProblem, 'severity'> & { severity?: RecordProblem['severity'] },
): SourceItem {
  return { kind: 'problem', problem: { ...problem, severity: problem.severity ?? 'warning' } };
}

export function userItem(record: UserRecord): SourceItem {
  return { kind: 'user', record };
}

/** A trimmed string, or undefined for anything else or blank text. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A yes/no value as exports write it: a boolean, or the text `true`/`false` (Cognito writes
 * `email_verified` as a string), `yes`/`no`, `1`/`0`, `t`/`f` (PostgreSQL's CSV). Blank is
 * `undefined`; anything else is `'invalid'`.
 */
export function flagOf(value: unknown): boolean | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return 'invalid';
  const text = value.trim().toLowerCase();
  if (text === '') return undefined;
  if (['true', 'yes', 'y', '1', 't'].includes(text)) return true;
  if (['false', 'no', 'n', '0', 'f'].includes(text)) return false;
  return 'invalid';
}

/**
 * First and last name from one display name. The rule: blank space splits it; the first word is
 * the first name and the rest, as written, the last name (`Ana María de la Cruz` → `Ana` and
 * `María de la Cruz`); one word is a first name alone. A name holding an `@` is taken for an
 * email some systems put there, not a name.
 */
export function splitDisplayName(name: string | undefined): Pick<UserRecord, 'firstName' | 'lastName'> {
  const text = name?.trim();
  if (!text || text.includes('@')) return {};
  const [first, ...rest] = text.split(/\s+/);
  return { firstName: first!, ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}) };
}

/** A JSON object written as text inside a field (Firebase `customAttributes`, Supabase CSV metadata). */
export function objectFromJsonText(value: unknown): Record<string, unknown> | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return Array.isArray(value) ? 'invalid' : (value as Record<string, unknown>);
  if (typeof value !== 'string') return 'invalid';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return undefined;
    return typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** The note for a user who signs in through enterprise SSO: no password, a connection to set up. */
export function ssoMessage(source: string, provider: string): string {
  return `The user signs in through enterprise SSO (${provider}) in ${source}; set up that organization's SSO connection in WorkOS, and they sign in through it with no password.`;
}
