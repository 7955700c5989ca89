import type { WorkOS } from '@workos-inc/node';
import { UsageError } from '../model/types.js';
import { listEnabledWebhookEndpoints, type EnabledWebhookEndpoint } from '../workos/webhooks.js';
import type { WebhookForecast } from '../report/summary.js';
import type { ChangeCounts } from '../model/changes.js';

// WorkOS sends an event for each write the import makes (user.created per user, …) to every
// enabled endpoint subscribed to it; WorkOS's docs advise pausing delivery during a bulk import.
// Counted from the plan before any write, so the run can say it first.

export interface PlannedWrites {
  users: ChangeCounts;
  organizations: ChangeCounts;
  memberships: ChangeCounts;
  /** Roles and permissions to create in the environment. */
  roles: number;
  permissions: number;
}

/** The events the writes cause, by WorkOS event name. */
export function plannedEvents(w: PlannedWrites): Record<string, number> {
  return {
    'user.created': w.users.create,
    'user.updated': w.users.update,
    'organization.created': w.organizations.create,
    'organization.updated': w.organizations.update,
    'organization_membership.created': w.memberships.create,
    'organization_membership.updated': w.memberships.update,
    'role.created': w.roles,
    'permission.created': w.permissions,
  };
}

/** Deliveries per endpoint subscription: an endpoint gets only the events it subscribes to. */
export function forecastWebhooks(
  endpoints: readonly { events: readonly string[] }[],
  events: Record<string, number>,
): WebhookForecast {
  let deliveries = 0;
  let reached = 0;
  for (const endpoint of endpoints) {
    const subscribed = new Set(endpoint.events);
    let mine = 0;
    for (const [name, n] of Object.entries(events)) if (subscribed.has(name) || subscribed.has('*')) mine += n;
    deliveries += mine;
    if (mine > 0) reached++;
  }
  const listed = Object.fromEntries(Object.entries(events).filter(([, n]) => n > 0));
  return { endpoints: reached, deliveries, events: listed };
}

/**
 * Reads the enabled endpoints and forecasts this run's deliveries; `undefined` when none is
 * enabled (nothing to say) or the list cannot be read (`warn` says so; the run goes on).
 * `writes` is only worked out when an endpoint is enabled: counting a million users' changes
 * again costs a pass.
 */
export async function readWebhookForecast(
  workos: WorkOS,
  read: <T>(request: () => Promise<T>) => Promise<T>,
  writes: () => PlannedWrites,
  warn: (message: string) => void,
): Promise<WebhookForecast | undefined> {
  let endpoints: EnabledWebhookEndpoint[];
  try {
    endpoints = await read(() => listEnabledWebhookEndpoints(workos));
  } catch (error) {
    // WorkOS unreachable (a UsageError): the run stops as it would on any read.
    if (error instanceof UsageError) throw error;
    warn(
      `Could not list the environment's webhook endpoints (${error instanceof Error ? error.message : String(error)}); if any is enabled, the import's writes send it an event each.`,
    );
    return undefined;
  }
  if (endpoints.length === 0) return undefined;
  return forecastWebhooks(endpoints, plannedEvents(writes()));
}

/** The writes a diff plans, with the roles and permissions to create. */
export function plannedWrites(
  counts: Pick<PlannedWrites, 'users' | 'organizations' | 'memberships'>,
  roles: { create: readonly unknown[]; createPermissions: readonly unknown[] } | undefined,
): PlannedWrites {
  return { ...counts, roles: roles?.create.length ?? 0, permissions: roles?.createPermissions.length ?? 0 };
}
