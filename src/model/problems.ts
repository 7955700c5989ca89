import type { Entity, RecordProblem, SourceLocation } from './types.js';
import { ownValue } from './lookup.js';
import { describeType } from './validate.js';

/** A record that is not imported: the error every source reports the same way. */
export function recordError(
  entity: Entity,
  location: SourceLocation,
  sourceId: string | undefined,
  code: string,
  message: string,
  field?: string,
): RecordProblem {
  return {
    entity,
    ...(sourceId !== undefined ? { sourceId } : {}),
    location,
    ...(field !== undefined ? { field } : {}),
    code,
    message,
    severity: 'error',
  };
}

/** The value at a zod issue's path, to say what a wrong field actually held. */
export function valueAtIssuePath(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/**
 * A field of a record that its schema refused, from zod's first issue: the field as the file
 * names it, and the message saying what it must hold and what it held. What it must hold is the
 * source's own words for the field when it has them (`true or false`), else zod's expected
 * type, else the source's words for the nearest field above it (`an array of provider objects`).
 */
export function wrongFieldType(
  issue: { readonly path: readonly PropertyKey[] },
  record: unknown,
  expectations: Readonly<Record<string, string>>,
  originalKeys?: ReadonlyMap<string, string>,
): { field: string; message: string } {
  const field = issueField(issue.path, originalKeys);
  const keys = issue.path.filter((part): part is string => typeof part === 'string');
  const last = issue.path[issue.path.length - 1];
  const expected =
    (typeof last === 'string' ? ownValue(expectations, last) : undefined) ??
    zodExpected(issue) ??
    keys
      .reverse()
      .map((key) => ownValue(expectations, key))
      .find((words) => words !== undefined) ??
    'a different type';
  const actual = describeType(valueAtIssuePath(record, issue.path));
  return { field, message: `The field ${field} must be ${expected}, not ${actual}.` };
}

/** zod's expected type in words (`a string`, `true or false`), when the issue names one. */
function zodExpected(issue: object): string | undefined {
  const expected = 'expected' in issue ? issue.expected : undefined;
  if (typeof expected !== 'string') return undefined;
  if (expected === 'boolean') return 'true or false';
  return `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

/**
 * A field path as people write it, `identities[0].provider`; the first key as the file spelled
 * it when the reader renamed it (`Email Verified` read as `email_verified`).
 */
function issueField(path: readonly PropertyKey[], originalKeys?: ReadonlyMap<string, string>): string {
  let out = '';
  path.forEach((part, index) => {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const name = index === 0 ? (originalKeys?.get(String(part)) ?? String(part)) : String(part);
      out += out === '' ? name : `.${name}`;
    }
  });
  return out;
}

/**
 * Problems whose code starts with this name a user's status in the source (Cognito's
 * `UserStatus`); the summary counts users by it.
 */
export const SOURCE_STATUS_PREFIX = 'status_';

/** Users by source status (`FORCE_CHANGE_PASSWORD: 2`), from the problems that name one. */
export function countSourceStatuses(problems: readonly RecordProblem[]): Record<string, number> {
  // Keyed by export data: no prototype, so a status named like an Object method counts as itself.
  const counts: Record<string, number> = Object.create(null);
  for (const problem of problems) {
    if (problem.entity !== 'user' || !problem.code.startsWith(SOURCE_STATUS_PREFIX)) continue;
    const status = problem.code.slice(SOURCE_STATUS_PREFIX.length).toUpperCase();
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
