import { isConnectionType, type ConnectionStore } from '../connections.js';
import { pageRequest } from '../request-fields.js';
import { CONNECTION_TYPES, invalidParameters } from '../wire.js';
import type { Route } from './route-table.js';

/** `GET /connections` with the API's filters (organization_id, connection_type, domain) and cursors. */
export function connectionRoutes(connections: ConnectionStore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/connections',
      handle({ query }) {
        const page = pageRequest(query);
        const connectionType = query.get('connection_type') || undefined;
        if (connectionType !== undefined && !isConnectionType(connectionType)) {
          throw invalidParameters([
            {
              field: 'connection_type',
              code: 'connection_type_invalid',
              message: `Connection type must be one of ${CONNECTION_TYPES.join(', ')}.`,
            },
          ]);
        }
        const filter = {
          organizationId: query.get('organization_id') || undefined,
          connectionType,
          domain: query.get('domain') || undefined,
        };
        return { status: 200, body: connections.list(filter, page) };
      },
    },
    {
      method: 'GET',
      pattern: '/connections/:id',
      handle: ({ params }) => ({ status: 200, body: connections.get(params.id!) }),
    },
    {
      method: 'DELETE',
      pattern: '/connections/:id',
      handle({ params }) {
        connections.delete(params.id!);
        return { status: 204 };
      },
    },
  ];
}
