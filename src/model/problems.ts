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
