import { BodyFields, pageRequest } from '../request-fields.js';
import type { EmulatorStore } from '../store.js';
import type { Route } from './route-table.js';

// Only environment roles exist here, so an organization's roles are the environment's.
// Environment roles are made and given permissions; WorkOS's API has no call that deletes one.
export function roleRoutes(store: EmulatorStore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/authorization/roles',
      handle: () => ({ status: 200, body: { object: 'list', data: store.listRoles() } }),
    },
    {
      method: 'POST',
      pattern: '/authorization/roles',
      handle({ body }) {
        const fields = new BodyFields(body);
        const slug = fields.requiredString('slug');
        const name = fields.requiredString('name');
        const description = fields.nullableString('description');
        fields.optionalString('resource_type_slug');
        fields.done();
        return { status: 201, body: store.createRole({ slug, name, description }) };
      },
    },
    {
      method: 'PUT',
      pattern: '/authorization/roles/:slug/permissions',
      handle({ params, body }) {
        const fields = new BodyFields(body);
        const permissions = fields.optionalStringArray('permissions');
        if (permissions === undefined) fields.fail('permissions', 'required', 'permissions is required.');
        fields.done();
        return { status: 200, body: store.setRolePermissions(params.slug!, permissions ?? []) };
      },
    },
    {
      method: 'GET',
      pattern: '/authorization/permissions',
      handle: ({ query }) => ({ status: 200, body: store.listPermissions(pageRequest(query)) }),
    },
    {
      method: 'POST',
      pattern: '/authorization/permissions',
      handle({ body }) {
        const fields = new BodyFields(body);
        const slug = fields.requiredString('slug');
        const name = fields.requiredString('name');
        const description = fields.nullableString('description');
        fields.optionalString('resource_type_slug');
        fields.done();
        return { status: 201, body: store.createPermission({ slug, name, description }) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/authorization/permissions/:slug',
      handle({ params }) {
        store.deletePermission(params.slug!);
        return { status: 204 };
      },
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
