import type { Entity, RecordProblem, SourceLocation } from './types.js';

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
