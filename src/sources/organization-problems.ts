import { membershipKey, type RecordProblem, type SourceItem, type SourceLocation } from '../model/types.js';

// Problems of organization files, the same for every source: an organization that cannot be
// imported, and a member that cannot be (each counted once, with the line it came from).

export const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function organizationProblem(location: SourceLocation, sourceId: string | undefined, code: string, message: string, field?: string): SourceItem {
  return {
    kind: 'problem',
    problem: { entity: 'organization', ...(sourceId ? { sourceId } : {}), location, ...(field ? { field } : {}), code, message, severity: 'error' },
  };
}

export function membershipBase(location: SourceLocation, organizationSourceId: string | undefined, userSourceId: string | undefined, field: string): Omit<RecordProblem, 'code' | 'message' | 'severity'> {
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
  return { kind: 'problem', problem: { ...membershipBase(location, organizationSourceId, userSourceId, field), code, message, severity: 'error' } };
}
