import { IdGenerator } from './ids.js';
import { listPage, OrderedIds, type PageRequest } from './ordered-ids.js';
import type { WireList, WireWebhookEndpoint } from './wire.js';

// The environment's webhook endpoints. The stand-in sends no webhooks; tests put endpoints in
// place through the controls (seedWebhookEndpoint, POST /_emulator/webhook_endpoints) so that
// `plan` and `import` can say what a real environment's endpoints would receive.

export interface SeedWebhookEndpoint {
  endpoint_url?: string;
  /** Default `enabled`. */
  status?: string;
  /** Default `user.created`, `organization.created`, `organization_membership.created`. */
  events?: string[];
}

export class WebhookEndpointStore {
  private readonly ids = new IdGenerator();
  private endpoints = new Map<string, WireWebhookEndpoint>();

  reset(): void {
    this.endpoints = new Map();
  }

  seed(input: SeedWebhookEndpoint): WireWebhookEndpoint {
    const status = input.status ?? 'enabled';
    if (status !== 'enabled' && status !== 'disabled') throw new Error('status must be enabled or disabled');
    const events = input.events ?? ['user.created', 'organization.created', 'organization_membership.created'];
    if (!Array.isArray(events) || !events.every((e) => typeof e === 'string' && e !== ''))
      throw new Error('events must be an array of event names');
    const now = new Date().toISOString();
    const id = this.ids.next('we');
    const endpoint: WireWebhookEndpoint = {
      object: 'webhook_endpoint',
      id,
      endpoint_url: input.endpoint_url ?? 'https://example.com/webhooks',
      secret: `whsec_${id}`,
      status,
      events: [...events],
      created_at: now,
      updated_at: now,
    };
    this.endpoints.set(id, endpoint);
    return structuredClone(endpoint);
  }

  list(page: PageRequest): WireList<WireWebhookEndpoint> {
    return listPage(OrderedIds.of(this.endpoints.keys()), page, (id) => structuredClone(this.endpoints.get(id)!));
  }
}
