import { recordError } from '../model/problems.js';
import { membershipKey, type RecordProblem, type SourceItem, type SourceLocation } from '../model/types.js';
import { type JsonObject, readJsonObjects } from './json-objects.js';

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
  return { kind: 'problem', problem: recordError('organization', location, sourceId, code, message, field) };
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

/** How a source's organization file lists members: the array's name, its word for one, a member's user. */
export interface MemberList {
  /** The organization's field holding them (`members`, `memberships`). */
  field: string;
  /** What the source calls one (`member`, `membership`), for messages. */
  noun: string;
  /** The user id an entry names, if it can be read. */
  userIdOf: (entry: unknown) => string | undefined;
}

/** The organization's error, then one error for each of its members: none can be imported. */
export function* invalidOrganization(
  location: SourceLocation,
  sourceId: string | undefined,
  code: string,
  message: string,
  field: string,
  members: unknown[],
  list: MemberList,
): Generator<SourceItem> {
  yield organizationProblem(location, sourceId, code, message, field);
  for (const [i, entry] of members.entries()) {
    yield membershipProblem(
      location,
      sourceId,
      list.userIdOf(entry),
      'organization_not_imported',
      `The ${list.noun} belongs to an organization that is not imported (see that organization's problem).`,
      `${list.field}[${i}]`,
    );
  }
}

/** One organization object of a file, with where it is and the id it claims (if any). */
export interface OrganizationObject extends JsonObject {
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
  for await (const item of readJsonObjects(path, 'organization', { arrayKey })) {
    if (item.kind !== 'object') {
      yield item;
      continue;
    }
    const id = typeof item.raw.id === 'string' && item.raw.id.trim() ? item.raw.id.trim() : undefined;
    yield id ? { ...item, id } : item;
  }
}
