import type { WorkOS } from '@workos-inc/node';

// An organization's SSO connections and Admin Portal links, in the engine's terms. Pacing and
// retries are the caller's: every request goes through `read` (e.g. `caller.read.bind(caller)`
// of the engine's WorkOSCaller), so these reads share the read limiter and its 429 pauses.

/** Sends one request paced and retried; resolves to its answer. */
export type PacedRead = <T>(request: () => Promise<T>) => Promise<T>;

export interface OrganizationConnection {
  id: string;
  /** WorkOS `connection_type`, e.g. `OktaSAML`, `AzureSAML`, `GenericOIDC`. */
  type: string;
  /** Only `active` signs anyone in; `draft` is a setup the IT admin has not finished. */
  state: string;
  domains: string[];
}

/** Every SSO connection of one WorkOS organization, 100 a page (the API's maximum). */
export async function listOrganizationConnections(
  workos: WorkOS,
  read: PacedRead,
  organizationId: string,
): Promise<OrganizationConnection[]> {
  const connections: OrganizationConnection[] = [];
  let after: string | undefined;
  do {
    // Not the SDK's autoPagination: each page must go through `read`.
    const page = await read(() =>
      workos.sso.listConnections({ organizationId, limit: 100, order: 'asc', ...(after ? { after } : {}) }),
    );
    for (const c of page.data) {
      connections.push({
        id: c.id,
        type: String(c.type),
        state: c.state,
        domains: (c.domains ?? []).map((d) => d.domain),
      });
    }
    after = page.listMetadata.after ?? undefined;
  } while (after);
  return connections;
}

/**
 * A one-time Admin Portal link (intent `sso`) for the organization's IT admin to set up its SSO
 * connection. A secret: whoever holds it can configure sign-in for that organization. WorkOS
 * lets it expire five minutes after issue.
 */
export async function generateSsoPortalLink(workos: WorkOS, read: PacedRead, organizationId: string): Promise<string> {
  const { link } = await read(() => workos.adminPortal.generateLink({ organization: organizationId, intent: 'sso' }));
  return link;
}

/** An organization's domains with their state (`verified`, `pending`, …). */
export async function organizationDomains(
  workos: WorkOS,
  read: PacedRead,
  organizationId: string,
): Promise<{ domain: string; state: string }[]> {
  const org = await read(() => workos.organizations.getOrganization(organizationId));
  return org.domains.map((d) => ({ domain: d.domain, state: String(d.state) }));
}

/** The reads above for one client and one pacing: what the cutover's SSO check reads through. */
export function connectionsReader(workos: WorkOS, read: PacedRead) {
  return {
    connectionsOf: (organizationId: string) => listOrganizationConnections(workos, read, organizationId),
    ssoPortalLink: (organizationId: string) => generateSsoPortalLink(workos, read, organizationId),
    domainsOf: (organizationId: string) => organizationDomains(workos, read, organizationId),
  };
}
