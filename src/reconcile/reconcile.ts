import type { Organization, OrganizationMembership, User, WorkOS } from '@workos-inc/node';
import type { WorkOSCaller } from '../apply/workos-caller.js';
import { membershipKey, type Entity, type RecordProblem } from '../model/types.js';
import type { OrganizationPlan } from '../plan/organizations.js';
import type { UserPlan } from '../plan/users.js';
import { userMatchesInput } from '../workos/users.js';
import { allPages } from '../workos/pages.js';

/** What WorkOS holds against what the exports say, per entity. */
export interface FoundCounts {
  expected: number;
  found: number;
  missing: number;
  /** Found, but some field differs from the export. */
  mismatched: number;
  /** In WorkOS with an external id that no planned record has (e.g. removed from the export). */
  unexpected: number;
}

export interface Reconciliation {
  users: FoundCounts;
  organizations: FoundCounts;
  memberships: FoundCounts;
  /** One per missing or mismatched record, for errors.jsonl and the summary. */
  drift: RecordProblem[];
  /** The WorkOS id of every planned record found, by `<entity>:<source id>`. */
  found: Map<string, string>;
}

export function foundKey(entity: Entity, sourceId: string): string {
  return `${entity}:${sourceId}`;
}

/**
 * Reads WorkOS in pages (not one lookup per record: 200,000 users are 2,000 reads) and compares
 * with the plan. Writes nothing.
 */
export async function reconcile(workos: WorkOS, caller: WorkOSCaller, users: UserPlan, orgs: OrganizationPlan): Promise<Reconciliation> {
  const drift: RecordProblem[] = [];
  const foundIds = new Map<string, string>();
  const byExternalId = new Map<string, User>();
  const byEmail = new Map<string, User>();
  for await (const u of allPages(caller, (after) => workos.userManagement.listUsers({ limit: 100, after, order: 'asc' }))) {
    if (u.externalId) byExternalId.set(u.externalId, u);
    byEmail.set(u.email.toLowerCase(), u);
  }
  const plannedUserIds = new Set(users.users.map((u) => u.sourceId));
  const userCounts = emptyFound(users.users.length);
  const workosUserIds = new Map<string, string>();
  for (const planned of users.users) {
    // An import keeps a user that already had the email under another external id (another
    // source, an earlier system) and gives it the memberships: that user is found, as is.
    const byId = byExternalId.get(planned.sourceId);
    const claimedElsewhere = byId ? undefined : byEmail.get(planned.input.email.toLowerCase());
    const found = byId ?? (claimedElsewhere?.externalId ? claimedElsewhere : undefined);
    const where = { entity: 'user' as const, sourceId: planned.sourceId, location: planned.location, severity: 'warning' as const };
    if (!found) {
      userCounts.missing++;
      drift.push({ ...where, code: 'missing_in_workos', message: 'No WorkOS user has this external id. Run import again.' });
      continue;
    }
    userCounts.found++;
    foundIds.set(foundKey('user', planned.sourceId), found.id);
    workosUserIds.set(found.id, planned.sourceId);
    if (byId && !userMatchesInput(found, planned.input)) {
      userCounts.mismatched++;
      drift.push({ ...where, code: 'mismatch', message: 'The WorkOS user differs from the export (email, name, verification or metadata). Run import again to update it.' });
    }
  }
  userCounts.unexpected = countUnexpected(byExternalId.keys(), plannedUserIds, users.users.flatMap((u) => u.mergedSourceIds));

  const orgCounts = emptyFound(orgs.organizations.length);
  const orgByExternalId = new Map<string, Organization>();
  if (orgs.organizations.length > 0) {
    for await (const o of allPages(caller, (after) => workos.organizations.listOrganizations({ limit: 100, after, order: 'asc' }))) {
      if (o.externalId) orgByExternalId.set(o.externalId, o);
    }
  }
  for (const planned of orgs.organizations) {
    const found = orgByExternalId.get(planned.sourceId);
    if (!found) {
      orgCounts.missing++;
      drift.push({ entity: 'organization', sourceId: planned.sourceId, location: planned.location, severity: 'warning', code: 'missing_in_workos', message: 'No WorkOS organization has this external id. Run import again.' });
      continue;
    }
    orgCounts.found++;
    foundIds.set(foundKey('organization', planned.sourceId), found.id);
    if (found.name !== planned.input.name) {
      orgCounts.mismatched++;
      drift.push({ entity: 'organization', sourceId: planned.sourceId, location: planned.location, severity: 'warning', code: 'mismatch', message: 'The WorkOS organization has another name than the export. Run import again to update it.' });
    }
  }
  orgCounts.unexpected = countUnexpected(orgByExternalId.keys(), new Set(orgs.organizations.map((o) => o.sourceId)), []);

  const memberships = emptyFound(orgs.memberships.length);
  const held = new Map<string, OrganizationMembership>();
  for (const planned of orgs.organizations) {
    const org = orgByExternalId.get(planned.sourceId);
    if (!org) continue;
    for await (const m of allPages(caller, (after) => workos.userManagement.listOrganizationMemberships({ organizationId: org.id, limit: 100, after }))) {
      const userSourceId = workosUserIds.get(m.userId);
      if (userSourceId) held.set(membershipKey(planned.sourceId, userSourceId), m);
      else memberships.unexpected++;
    }
  }
  for (const planned of orgs.memberships) {
    const found = held.get(planned.sourceId);
    if (!found) {
      memberships.missing++;
      drift.push({ entity: 'membership', sourceId: planned.sourceId, location: planned.location, severity: 'warning', code: 'missing_in_workos', message: 'The user is not a member of the organization in WorkOS. Run import again.' });
      continue;
    }
    memberships.found++;
    foundIds.set(foundKey('membership', planned.sourceId), found.id);
    const roles = [...new Set(found.roles?.map((r) => r.slug) ?? [found.role.slug])].sort();
    if (planned.roles.length > 0 && roles.join(',') !== planned.roles.join(',')) {
      memberships.mismatched++;
      drift.push({ entity: 'membership', sourceId: planned.sourceId, location: planned.location, severity: 'warning', code: 'mismatch', message: `The membership has role(s) ${roles.join(', ')} in WorkOS, the export says ${planned.roles.join(', ')}.` });
    }
  }
  return { users: userCounts, organizations: orgCounts, memberships, drift, found: foundIds };
}

function emptyFound(expected: number): FoundCounts {
  return { expected, found: 0, missing: 0, mismatched: 0, unexpected: 0 };
}

/**
 * External ids in WorkOS that the plan does not know. Ids of merged-away users are known; ids
 * of other systems are counted too, so a reader can tell a clean environment from a shared one.
 */
function countUnexpected(externalIds: Iterable<string>, planned: Set<string>, alsoKnown: string[]): number {
  const known = new Set(alsoKnown);
  let n = 0;
  for (const id of externalIds) if (!planned.has(id) && !known.has(id)) n++;
  return n;
}
