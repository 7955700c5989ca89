import { membershipKey, type MembershipRecord, type OrganizationRecord, type RecordProblem } from '../model/types.js';
import type { OrganizationInput, PlannedMembership, PlannedOrganization } from '../model/planned.js';
import { inputDigest } from '../model/digest.js';
import { PlannedMemberships } from './memberships.js';
import { MERGE_UNVERIFIED, type UserPlan } from './users.js';

export type { OrganizationInput, PlannedMembership, PlannedOrganization } from '../model/planned.js';

/** A membership of a user the policies leave out: skipped with its user, never a failure. */
export const USER_SKIPPED = 'user_skipped';

export interface OrganizationPlan {
  organizations: PlannedOrganization[];
  memberships: PlannedMemberships;
  invalid: RecordProblem[];
}

/**
 * Plans organizations and memberships against the user plan: a membership must point at an
 * organization in the file and at a user who is being imported (DESIGN §5).
 */
export function planOrganizations(
  organizations: Iterable<OrganizationRecord>,
  memberships: Iterable<MembershipRecord>,
  users: UserPlan,
): OrganizationPlan {
  const invalid: RecordProblem[] = [];
  const planned = new Map<string, PlannedOrganization>();
  for (const org of organizations) {
    if (planned.has(org.sourceId)) {
      invalid.push({
        entity: 'organization',
        sourceId: org.sourceId,
        location: org.location,
        field: 'id',
        code: 'duplicate_organization',
        message: `Organization ${org.sourceId} appears more than once; the first one is imported.`,
        severity: 'error',
      });
      continue;
    }
    const domains = [...new Set(org.domains.map((d) => d.toLowerCase()))].sort();
    const verified = new Set((org.verifiedDomains ?? []).map((d) => d.toLowerCase()));
    const verifiedDomains = domains.filter((d) => verified.has(d));
    const input: OrganizationInput = {
      name: org.name,
      externalId: org.sourceId,
      domains,
      ...(verifiedDomains.length > 0 ? { verifiedDomains } : {}),
      metadata: Object.keys(org.metadata).length > 0 ? org.metadata : undefined,
    };
    planned.set(org.sourceId, { sourceId: org.sourceId, input, digest: inputDigest(input), location: org.location });
  }

  const skippedUsers = new Set(users.invalid.map((p) => p.sourceId).filter((id): id is string => id !== undefined));
  // Users left out of a merge for a person to decide: their memberships wait with them.
  const conflicted = new Set(users.invalid.filter((p) => p.code === MERGE_UNVERIFIED).map((p) => p.sourceId));
  // Users left out by policy (blocked, unconfirmed, …): a deliberate skip, and so are their memberships.
  const byPolicy = new Set(users.invalid.filter((p) => p.severity === 'skip').map((p) => p.sourceId));

  const plannedMemberships = new PlannedMemberships();
  for (const m of memberships) {
    const key = membershipKey(m.organizationSourceId, m.userSourceId);
    const base = { entity: 'membership' as const, sourceId: key, location: m.location, severity: 'error' as const };
    // The line may be the organization's: the member's place in it points at the membership itself.
    const userField = m.userField ?? 'user_id';
    if (!planned.has(m.organizationSourceId)) {
      invalid.push({
        ...base,
        field: 'organization',
        code: 'unknown_organization',
        message: `The membership names organization ${m.organizationSourceId}, which is not in the organizations file.`,
      });
      continue;
    }
    // A merged-away source user's memberships belong to the user that kept the email.
    const userSourceId = users.users.ownerOf(m.userSourceId);
    if (!userSourceId && conflicted.has(m.userSourceId)) {
      invalid.push({
        ...base,
        field: userField,
        code: MERGE_UNVERIFIED,
        message: `User ${m.userSourceId} is not imported until a person decides who owns its email (see that user's merge_unverified problem), so neither is this membership.`,
        severity: 'skip',
      });
      continue;
    }
    if (!userSourceId && byPolicy.has(m.userSourceId)) {
      invalid.push({
        ...base,
        field: userField,
        code: USER_SKIPPED,
        message: `User ${m.userSourceId} is skipped by policy (see that user's problem), so is this membership.`,
        severity: 'skip',
      });
      continue;
    }
    if (!userSourceId) {
      const skipped = skippedUsers.has(m.userSourceId);
      invalid.push({
        ...base,
        field: userField,
        code: skipped ? 'user_not_imported' : 'unknown_user',
        message: skipped
          ? `User ${m.userSourceId} is not imported (see that user's problem), so neither is this membership.`
          : `User ${m.userSourceId} is not in the user export. Export that user too, or remove the membership.`,
      });
      continue;
    }
    // Two source users merged into one can both belong to an organization: one membership, all roles.
    plannedMemberships.add(m.organizationSourceId, userSourceId, m.roles, m.location);
  }
  return { organizations: [...planned.values()], memberships: plannedMemberships, invalid };
}

/** Memberships naming a role the WorkOS environment does not have: errors before any write. */
export function checkMembershipRoles(
  memberships: Iterable<PlannedMembership>,
  knownRoles: ReadonlySet<string>,
): { valid: PlannedMemberships; invalid: RecordProblem[] } {
  const valid = new PlannedMemberships();
  const invalid: RecordProblem[] = [];
  for (const m of memberships) {
    const unknown = m.roles.filter((r) => !knownRoles.has(r));
    if (unknown.length === 0) {
      valid.add(m.organizationSourceId, m.userSourceId, m.roles, m.location);
      continue;
    }
    invalid.push({
      entity: 'membership',
      sourceId: m.sourceId,
      location: m.location,
      field: 'roles',
      code: 'unknown_role',
      message: `Role ${unknown.join(', ')} does not exist in the WorkOS environment (it has ${[...knownRoles].sort().join(', ')}). Create it in WorkOS or map it in the config's roles.`,
      severity: 'error',
    });
  }
  return { valid, invalid };
}
