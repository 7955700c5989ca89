import type { EventLog } from '../events.js';
import { pageRequest, queryList } from '../request-fields.js';
import { invalidParameters, type FieldError } from '../wire.js';
import type { Route } from './route-table.js';

/**
 * `GET /events` as WorkOS's OpenAPI description has it: `events` (comma-separated, the SDK's
 * form; `events[]` too), `range_start` / `range_end` (ISO 8601), `organization_id`, and the usual
 * `limit` (1–100), `order`, `after` / `before` cursors. The description's 422 example names
 * `events` as required, so a request without it is refused here the same way.
 */
export function eventRoutes(log: EventLog): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/events',
      handle({ query }) {
        const page = pageRequest(query);
        const errors: FieldError[] = [];
        const events = queryList(query, 'events');
        if (events === undefined) errors.push({ field: 'events', code: 'required', message: 'Events is required.' });
        const rangeStart = isoTime(query, 'range_start', errors);
        const rangeEnd = isoTime(query, 'range_end', errors);
        if (errors.length > 0) throw invalidParameters(errors);
        const list = log.list(
          { events, rangeStart, rangeEnd, organizationId: query.get('organization_id') || undefined },
          page,
        );
        // The events list's cursor is `after` alone (EventList in the description).
        return { status: 200, body: { ...list, list_metadata: { after: list.list_metadata.after } } };
      },
    },
  ];
}

function isoTime(query: URLSearchParams, name: string, errors: FieldError[]): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) {
    errors.push({ field: name, code: `${name}_invalid`, message: `${name} must be an ISO 8601 date.` });
    return undefined;
  }
  return at;
}
