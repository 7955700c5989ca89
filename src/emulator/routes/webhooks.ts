import { pageRequest } from '../request-fields.js';
import type { WebhookEndpointStore } from '../webhooks.js';
import type { Route } from './route-table.js';

export function webhookRoutes(endpoints: WebhookEndpointStore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/webhook_endpoints',
      handle: ({ query }) => ({ status: 200, body: endpoints.list(pageRequest(query)) }),
    },
  ];
}
