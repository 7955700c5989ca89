import { parseFaultConfig } from './faults.js';
import type { SeedConnection } from './connections.js';
import type { SeedWebhookEndpoint } from './webhooks.js';
import type { EmulatorControls, SeedUser } from './controls.js';

export const ADMIN_PREFIX = '/_emulator/';

/**
 * The stand-in's controls over HTTP, for a stand-in running in another process: the same as the
 * Emulator methods. No key needed, never rate limited, never faulted, not counted in stats.
 */
export function handleAdmin(
  emulator: EmulatorControls,
  method: string,
  path: string,
  rawBody: string,
): { status: number; body: unknown } {
  const route = `${method} ${path.slice(ADMIN_PREFIX.length - 1)}`;
  try {
    switch (route) {
      case 'GET /state':
        return { status: 200, body: emulator.snapshot() };
      case 'GET /stats':
        return { status: 200, body: emulator.stats() };
      case 'PUT /faults': {
        const config = parseFaultConfig(parseJson(rawBody));
        emulator.setFaults(config);
        return { status: 200, body: config };
      }
      case 'POST /reset':
        emulator.reset();
        return { status: 200, body: {} };
      case 'POST /users':
        return { status: 201, body: emulator.seedUser(parseJson(rawBody) as SeedUser) };
      case 'POST /connections':
        return { status: 201, body: emulator.seedConnection(parseJson(rawBody) as SeedConnection) };
      case 'POST /webhook_endpoints':
        return { status: 201, body: emulator.seedWebhookEndpoint(parseJson(rawBody) as SeedWebhookEndpoint) };
      case 'GET /connections':
        return { status: 200, body: emulator.connections() };
      case 'POST /events': {
        const { event, data, created_at } = parseJson(rawBody) as {
          event?: unknown;
          data?: unknown;
          created_at?: unknown;
        };
        if (typeof event !== 'string' || event === '') throw new Error('an event needs a name (event)');
        if (created_at !== undefined && (typeof created_at !== 'string' || !Number.isFinite(Date.parse(created_at))))
          throw new Error('created_at must be an ISO 8601 time');
        const payload = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
        return { status: 201, body: emulator.recordEvent(event, payload, created_at as string | undefined) };
      }
      case 'GET /events':
        return { status: 200, body: emulator.events() };
      case 'POST /roles': {
        const { slug, name } = parseJson(rawBody) as { slug?: unknown; name?: unknown };
        if (typeof slug !== 'string' || slug === '') throw new Error('a role needs a slug');
        emulator.defineRole(slug, typeof name === 'string' ? name : undefined);
        return { status: 201, body: {} };
      }
      default:
        return {
          status: 404,
          body: {
            message: `No stand-in control ${method} ${path}. There are GET /_emulator/state, GET /_emulator/stats, PUT /_emulator/faults, POST /_emulator/reset, POST /_emulator/users, POST /_emulator/roles, POST /_emulator/connections, GET /_emulator/connections, POST /_emulator/webhook_endpoints, POST /_emulator/events and GET /_emulator/events.`,
          },
        };
    }
  } catch (error) {
    return { status: 400, body: { message: error instanceof Error ? error.message : String(error) } };
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new Error('the body is not JSON');
  }
}
