import type { EmulatorStore } from '../store.js';
import type { Route } from './route-table.js';

// Only environment roles exist here, so an organization's roles are the environment's.
export function roleRoutes(store: EmulatorStore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/authorization/roles',
      handle: () => ({ status: 200, body: { object: 'list', data: store.listRoles() } }),
    },
    {
      method: 'GET',
      pattern: '/authorization/organizations/:organizationId/roles',
      handle({ params }) {
        store.getOrganization(params.organizationId!);
        return { status: 200, body: { object: 'list', data: store.listRoles() } };
      },
    },
  ];
}
