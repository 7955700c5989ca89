import type { Organization, OrganizationMembership, User, WorkOS } from '@workos-inc/node';
import type { ReadFn } from '../model/call-counters.js';
import {
  emptyLiveIndex,
  liveMembershipKey,
  metadataDigest,
  userMetadataDigest,
  sortedJoined,
  type LiveIndex,
  type LiveMembership,
  type LiveOrganization,
  type LiveUser,
} from '../model/live-state.js';
import { lazyMarkOf } from '../lazy/marks.js';
import { allPages } from './pages.js';

export interface LiveIndexRequest {
  /** Organizations are read only when the run has an organizations file (or manages organizations). */
  organizations: boolean;
  /** Which WorkOS organizations to read memberships of (by their WorkOS organization). */
  membershipsOf?: (organization: LiveOrganization) => boolean;
  /** Called after each page, for progress. */
  onPage?: (what: 'users' | 'organizations' | 'memberships', count: number) => void;
}

/**
 * Reads the environment in pages of 100 (the API's maximum) under the caller's read limiter,
 * keeping only what the diff needs. A rerun of a finished import of N users costs about N/100
 * reads, plus one a page of organizations and one per organization's member list.
 */
export async function readLiveIndex(workos: WorkOS, read: ReadFn, request: LiveIndexRequest): Promise<LiveIndex> {
  const index = emptyLiveIndex();
  const counted: ReadFn = (fn) => {
    index.reads++;
    return read(fn);
  };
  let users = 0;
  for await (const user of allPages(counted, (after) =>
    workos.userManagement.listUsers({ limit: 100, after, order: 'asc' }),
  )) {
    addUser(index, user);
    if (++users % 100 === 0) request.onPage?.('users', users);
  }
  if (!request.organizations) return index;
  const orgs: LiveOrganization[] = [];
  for await (const org of allPages(counted, (after) =>
    workos.organizations.listOrganizations({ limit: 100, after, order: 'asc' }),
  )) {
    orgs.push(addOrganization(index, org));
  }
  request.onPage?.('organizations', orgs.length);
  let memberships = 0;
  for (const org of orgs) {
    if (request.membershipsOf && !request.membershipsOf(org)) continue;
    const pages = allPages(counted, (after) =>
      workos.userManagement.listOrganizationMemberships({ organizationId: org.id, limit: 100, after }),
    );
    for await (const m of pages) {
      addMembership(index, m);
      memberships++;
    }
    index.membershipsReadFor.add(org.id);
    request.onPage?.('memberships', memberships);
  }
  return index;
}

export function liveUser(user: User): LiveUser {
  return {
    id: user.id,
    externalId: user.externalId ?? null,
    emailKey: user.email.toLowerCase(),
    emailVerified: user.emailVerified,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    metadataDigest: userMetadataDigest(user.metadata),
    signedIn: user.lastSignInAt !== null && user.lastSignInAt !== undefined,
  };
}

export function liveOrganization(org: Organization): LiveOrganization {
  return {
    id: org.id,
    externalId: org.externalId ?? null,
    name: org.name,
    domains: sortedJoined(org.domains.map((d) => d.domain.toLowerCase())),
    verifiedDomains: sortedJoined(org.domains.filter((d) => d.state === 'verified').map((d) => d.domain.toLowerCase())),
    metadataDigest: metadataDigest(org.metadata),
  };
}

export function liveMembership(m: OrganizationMembership): LiveMembership {
  const slugs = m.roles?.map((r) => r.slug) ?? (m.role ? [m.role.slug] : []);
  return { id: m.id, organizationId: m.organizationId, userId: m.userId, roles: sortedJoined(slugs) };
}

function addUser(index: LiveIndex, user: User): void {
  index.users.add(liveUser(user));
  const mark = lazyMarkOf(user.metadata);
  if (mark !== undefined) index.lazy[mark === 'moved' ? 'moved' : 'pending']++;
}

function addOrganization(index: LiveIndex, org: Organization): LiveOrganization {
  const live = liveOrganization(org);
  index.organizationsById.set(live.id, live);
  if (live.externalId) index.organizationsByExternalId.set(live.externalId, live);
  return live;
}

function addMembership(index: LiveIndex, m: OrganizationMembership): void {
  const live = liveMembership(m);
  index.memberships.set(liveMembershipKey(live.organizationId, live.userId), live);
}
