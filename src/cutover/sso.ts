import type { EnterpriseConnection } from '../model/types.js';
import type { OrganizationConnection } from '../workos/connections.js';
import type { OrganizationSsoEvidence, SsoEvidence } from './evidence.js';
import { namedCounts } from '../model/user-tally.js';

// Which organizations need an SSO connection in WorkOS before the switch: those with members
// who signed in through an enterprise connection in the source (UserRecord.enterpriseConnection).

/** An organization of the export whose members include enterprise users. */
export interface EnterpriseOrganization {
  externalId: string;
  /** From the live diff; undefined when WorkOS lacks the organization. */
  workosId?: string;
  domains: string[];
  connectionTypes: string[];
  users: number;
}

export interface EnterpriseMembers {
  organizations: EnterpriseOrganization[];
  /** Enterprise users in the organizations above, each counted once (a user may be in several). */
  users?: number;
  /** Enterprise users in no organization of the export, by source connection name. */
  usersWithoutOrganization: Record<string, number>;
}

/**
 * Groups enterprise users by the organization whose connection they sign in with: the one
 * holding the most of that connection's users (all of them on a tie). Acme's Okta users who
 * are also members of a partner organization make Acme need SSO, not the partner (its IT admin
 * gets no setup link for a connection that is not theirs). Pure: the plan's users, organizations
 * and memberships in, organizations in export order out.
 */
export function enterpriseMembers(input: {
  users: Iterable<{ sourceId: string; enterpriseConnection?: EnterpriseConnection }>;
  organizations: Iterable<{ sourceId: string; domains: string[] }>;
  /** Gone through twice (the plan's memberships are columns, read again). */
  memberships: Iterable<{ organizationSourceId: string; userSourceId: string }>;
  /** The WorkOS id of an organization, by source id (the live diff's `found`). */
  workosOrganizationId: (sourceId: string) => string | undefined;
}): EnterpriseMembers {
  const enterprise = new Map<string, EnterpriseConnection>();
  for (const user of input.users)
    if (user.enterpriseConnection) enterprise.set(user.sourceId, user.enterpriseConnection);

  // Gone through twice, never gathered: a million memberships are mostly of users without SSO.
  const memberships = {
    *[Symbol.iterator]() {
      for (const m of input.memberships) if (enterprise.has(m.userSourceId)) yield m;
    },
  };
  const owners = connectionOwners(memberships, enterprise);
  const byOrganization = new Map<string, { users: Set<string>; types: Set<string> }>();
  const inSomeOrganization = new Set<string>();
  const counted = new Set<string>();
  for (const m of memberships) {
    const connection = enterprise.get(m.userSourceId)!;
    inSomeOrganization.add(m.userSourceId);
    if (!owners.get(connection.connection)?.has(m.organizationSourceId)) continue;
    counted.add(m.userSourceId);
    let entry = byOrganization.get(m.organizationSourceId);
    if (entry === undefined)
      byOrganization.set(m.organizationSourceId, (entry = { users: new Set(), types: new Set() }));
    entry.users.add(m.userSourceId);
    entry.types.add(connection.type);
  }

  const organizations: EnterpriseOrganization[] = [];
  for (const org of input.organizations) {
    const entry = byOrganization.get(org.sourceId);
    if (entry === undefined) continue;
    const workosId = input.workosOrganizationId(org.sourceId);
    organizations.push({
      externalId: org.sourceId,
      ...(workosId !== undefined ? { workosId } : {}),
      domains: [...org.domains],
      connectionTypes: [...entry.types].sort(),
      users: entry.users.size,
    });
  }

  const usersWithoutOrganization = namedCounts();
  for (const [userId, connection] of enterprise) {
    if (!inSomeOrganization.has(userId))
      usersWithoutOrganization[connection.connection] = (usersWithoutOrganization[connection.connection] ?? 0) + 1;
  }
  return { organizations, users: counted.size, usersWithoutOrganization };
}

/** For each source connection, the organizations holding the most of its users (several on a tie). */
function connectionOwners(
  memberships: Iterable<{ organizationSourceId: string; userSourceId: string }>,
  enterprise: ReadonlyMap<string, EnterpriseConnection>,
): Map<string, Set<string>> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of memberships) {
    const connection = enterprise.get(m.userSourceId)!.connection;
    let byOrg = counts.get(connection);
    if (!byOrg) counts.set(connection, (byOrg = new Map()));
    byOrg.set(m.organizationSourceId, (byOrg.get(m.organizationSourceId) ?? 0) + 1);
  }
  const owners = new Map<string, Set<string>>();
  for (const [connection, byOrg] of counts) {
    const most = Math.max(...byOrg.values());
    owners.set(connection, new Set([...byOrg].filter(([, n]) => n === most).map(([org]) => org)));
  }
  return owners;
}

/** Reads WorkOS for the SSO check; pacing and retries are the implementation's (see src/workos/connections.ts). */
export interface ConnectionsReader {
  connectionsOf(workosOrganizationId: string): Promise<OrganizationConnection[]>;
  /** An Admin Portal link with intent `sso`; only called when portal links were asked for. */
  ssoPortalLink(workosOrganizationId: string): Promise<string>;
  /** The organization's domains in WorkOS with their state (without it, domains are not judged). */
  domainsOf?(workosOrganizationId: string): Promise<{ domain: string; state: string }[]>;
}

/**
 * For each organization with enterprise users: its SSO connections in WorkOS, whether one is
 * active, and (with `portalLinks`) a setup link for those that lack one. An organization that
 * WorkOS lacks has no connection and gets no link (the reconciled check reports it). Reads one
 * organization at a time: a few hundred organizations are a few hundred paced reads.
 */
export async function gatherSsoEvidence(
  members: EnterpriseMembers,
  reader: ConnectionsReader,
  options: { portalLinks: boolean },
): Promise<SsoEvidence> {
  const organizations: OrganizationSsoEvidence[] = [];
  for (const org of members.organizations) {
    const connections = org.workosId === undefined ? [] : await reader.connectionsOf(org.workosId);
    const active = connections.some((c) => c.state === 'active');
    const validating = connections.some((c) => c.state === 'validating');
    const activeConnection = active || validating;
    const unverifiedDomains =
      org.workosId !== undefined && reader.domainsOf && org.domains.length > 0
        ? notVerified(org.domains, await reader.domainsOf(org.workosId))
        : [];
    const portalLink =
      options.portalLinks && !activeConnection && org.workosId !== undefined
        ? await reader.ssoPortalLink(org.workosId)
        : undefined;
    organizations.push({
      externalId: org.externalId,
      ...(org.workosId !== undefined ? { workosId: org.workosId } : {}),
      connectionTypes: org.connectionTypes,
      users: org.users,
      domains: org.domains,
      workosConnections: connections.map((c) => ({ type: c.type, state: c.state })),
      activeConnection,
      ...(validating && !active ? { awaitingFirstSignIn: true } : {}),
      ...(unverifiedDomains.length > 0 ? { unverifiedDomains } : {}),
      ...(portalLink !== undefined ? { portalLink } : {}),
    });
  }
  return {
    organizations,
    ...(members.users !== undefined ? { users: members.users } : {}),
    usersWithoutOrganization: namedCounts(members.usersWithoutOrganization),
    portalLinks: options.portalLinks,
  };
}

/** The export's domains WorkOS lacks or holds other than verified. */
function notVerified(domains: readonly string[], held: readonly { domain: string; state: string }[]): string[] {
  const verified = new Set(held.filter((d) => d.state === 'verified').map((d) => d.domain.toLowerCase()));
  return domains.filter((d) => !verified.has(d.toLowerCase()));
}
