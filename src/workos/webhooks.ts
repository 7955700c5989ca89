import type { WorkOS } from '@workos-inc/node';

/** An enabled endpoint and the events it takes (its URL and secret are never kept). */
export interface EnabledWebhookEndpoint {
  id: string;
  events: string[];
}

/** The environment's enabled webhook endpoints (GET /webhook_endpoints, every page). */
export async function listEnabledWebhookEndpoints(workos: WorkOS): Promise<EnabledWebhookEndpoint[]> {
  const first = await workos.webhooks.listWebhookEndpoints({ limit: 100 });
  const all = await first.autoPagination();
  return all.filter((e) => e.status === 'enabled').map((e) => ({ id: e.id, events: [...e.events] }));
}
