import { IdGenerator } from './ids.js';
import { listPage, OrderedIds, type PageRequest } from './ordered-ids.js';
import type { WireList } from './wire.js';

// The stand-in's Events API log (WorkOS OpenAPI: `GET /events` answers an EventList of
// `{object: "event", id, event, data, created_at, context?}`). It records what the stand-in does:
// `authentication.password_succeeded` / `_failed` on its sign-in endpoint, and user, organization
// and membership events on writes. Tests add other kinds (oauth, sso, magic auth) through
// `/_emulator/events`, with a `created_at` in the past when a window needs one.

export interface WireEvent {
  object: 'event';
  id: string;
  event: string;
  data: Record<string, unknown>;
  created_at: string;
  context?: Record<string, unknown>;
}

export interface EventFilter {
  /** Event names; none means every kind. */
  events?: string[];
  /** Epoch ms, inclusive. */
  rangeStart?: number;
  /** Epoch ms, exclusive. */
  rangeEnd?: number;
  organizationId?: string;
}

/**
 * The newest events kept. WorkOS keeps 30 days; the stand-in keeps a count, so a benchmark that
 * writes a million users holds a bounded log beside them.
 */
const MAX_EVENTS = 50_000;

export class EventLog {
  private readonly ids = new IdGenerator();
  /** Oldest first; ids increase along it, so it is already in list order. */
  private events: WireEvent[] = [];

  record(event: string, data: Record<string, unknown>, createdAt?: string): WireEvent {
    const id = this.ids.next('event');
    const wire: WireEvent = {
      object: 'event',
      id,
      event,
      data: structuredClone(data),
      created_at: createdAt ?? new Date().toISOString(),
    };
    this.events.push(wire);
    if (this.events.length > MAX_EVENTS * 1.1) this.events = this.events.slice(-MAX_EVENTS);
    return structuredClone(wire);
  }

  list(filter: EventFilter, page: PageRequest): WireList<WireEvent> {
    const names = filter.events ? new Set(filter.events) : undefined;
    const byId = new Map<string, WireEvent>();
    const matching = this.events.filter((event) => {
      const at = Date.parse(event.created_at);
      return (
        (names === undefined || names.has(event.event)) &&
        (filter.rangeStart === undefined || at >= filter.rangeStart) &&
        (filter.rangeEnd === undefined || at < filter.rangeEnd) &&
        (filter.organizationId === undefined || organizationOf(event) === filter.organizationId)
      );
    });
    for (const event of matching) byId.set(event.id, event);
    return listPage(new OrderedIds(matching.map((e) => e.id)), page, (id) => structuredClone(byId.get(id)!));
  }

  all(): WireEvent[] {
    return structuredClone(this.events);
  }

  reset(): void {
    this.events = [];
  }
}

/** The organization an event concerns, where its payload names one. */
function organizationOf(event: WireEvent): string | undefined {
  const data = event.data;
  if (typeof data.organization_id === 'string') return data.organization_id;
  const sso = data.sso as { organization_id?: unknown } | undefined;
  if (typeof sso?.organization_id === 'string') return sso.organization_id;
  if (data.object === 'organization' && typeof data.id === 'string') return data.id;
  return undefined;
}

/**
 * The event a committed write emits, from its route and answer: `user.created`, `user.updated`,
 * `user.deleted`, and the same for organizations and organization memberships. Deletes answer
 * without a body, so the caller passes the entity as it was before.
 */
export function writeEvent(
  method: string,
  pattern: string,
  body: unknown,
  before: Record<string, unknown> | undefined,
): { event: string; data: Record<string, unknown> } | undefined {
  const resource = WRITE_RESOURCES[pattern.replace(/\/:id$/, '')];
  if (resource === undefined) return undefined;
  const verb = method === 'POST' ? 'created' : method === 'PUT' ? 'updated' : method === 'DELETE' ? 'deleted' : '';
  if (verb === '') return undefined;
  const data = verb === 'deleted' ? before : (body as Record<string, unknown> | undefined);
  if (data === undefined || typeof data !== 'object') return undefined;
  // Membership answers embed the user; the event payload is the membership alone.
  const { user: _user, ...payload } = data as Record<string, unknown>;
  return { event: `${resource}.${verb}`, data: payload };
}

const WRITE_RESOURCES: Record<string, string> = {
  '/user_management/users': 'user',
  '/organizations': 'organization',
  '/user_management/organization_memberships': 'organization_membership',
};
