import { readJsonRecords } from '../io/json-records.js';
import { membershipKey, type RecordProblem, type SourceItem, type SourceLocation } from '../model/types.js';
import { describeType } from '../model/validate.js';

// Organization files, the same for every source: reading their objects, and reporting an
// organization or a member that cannot be imported (each counted once, with its line).

export const DOMAIN_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function organizationProblem(
  location: SourceLocation,
  sourceId: string | undefined,
  code: string,
  message: string,
  field?: string,
): SourceItem {
  return {
    kind: 'problem',
    problem: {
      entity: 'organization',
      ...(sourceId ? { sourceId } : {}),
      location,
      ...(field ? { field } : {}),
      code,
      message,
      severity: 'error',
    },
  };
}

export function membershipBase(
  location: SourceLocation,
  organizationSourceId: string | undefined,
  userSourceId: string | undefined,
  field: string,
): Omit<RecordProblem, 'code' | 'message' | 'severity'> {
  // The same key the planner gives a membership (`<organization>:<user>`), when both are known.
  const sourceId = organizationSourceId && userSourceId ? membershipKey(organizationSourceId, userSourceId) : undefined;
  return { entity: 'membership', ...(sourceId ? { sourceId } : {}), location, field };
}

export function membershipProblem(
  location: SourceLocation,
  organizationSourceId: string | undefined,
  userSourceId: string | undefined,
  code: string,
  message: string,
  field: string,
): SourceItem {
  return {
    kind: 'problem',
    problem: {
      ...membershipBase(location, organizationSourceId, userSourceId, field),
      code,
      message,
      severity: 'error',
    },
  };
}

/** One organization object of a file, with where it is and the id it claims (if any). */
export interface OrganizationObject {
  kind: 'object';
  raw: Record<string, unknown>;
  location: SourceLocation;
  id?: string;
}

/**
 * The organization objects of a JSON file (an array, NDJSON, or an object wrapping the array
 * under `arrayKey`), with a problem in their place for each line that is not JSON or not an object.
 */
export async function* readOrganizationObjects(
  path: string,
  arrayKey: string,
): AsyncGenerator<OrganizationObject | SourceItem> {
  for await (const item of readJsonRecords(path, { arrayKey })) {
    const location: SourceLocation = { file: path, line: item.line };
    if (!item.ok) {
      const at = item.column !== undefined ? { ...location, column: item.column } : location;
      yield organizationProblem(at, undefined, 'invalid_json', item.message);
      continue;
    }
    const value = item.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield organizationProblem(
        location,
        undefined,
        'invalid_record',
        `Each organization must be a JSON object; this record is ${describeType(value)}.`,
      );
      continue;
    }
    const raw = value as Record<string, unknown>;
    const id = typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : undefined;
    yield { kind: 'object', raw, location, ...(id ? { id } : {}) };
  }
}
