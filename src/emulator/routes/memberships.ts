import { BodyFields, pageRequest, queryList } from '../request-fields.js';
import type { EmulatorStore } from '../store.js';
import {
  badRequest,
  invalidParameters,
  type MembershipStatus,
  type WireList,
  type WireMembership,
  type WireUser,
} from '../wire.js';
import type { Route } from './route-table.js';

const STATUSES: readonly MembershipStatus[] = ['active', 'inactive', 'pending'];

export function membershipRoutes(store: EmulatorStore): Route[] {
  // API answers embed the member (the OpenAPI description requires `user`); the snapshot does not.
  const withUser = (membership: WireMembership): WireMembership & { user: WireUser } => ({
    ...membership,
    user: store.getUser(membership.user_id),
  });

  return [
    {
      method: 'POST',
      pattern: '/user_management/organization_memberships',
      handle({ body }) {
        const fields = new BodyFields(body);
        const userId = fields.requiredString('user_id');
        const organizationId = fields.requiredString('organization_id');
        const roleSlugs = readRoleSlugs(fields);
        fields.done();
        return { status: 201, body: withUser(store.createMembership({ userId, organizationId, roleSlugs })) };
      },
    },
    {
      method: 'GET',
      pattern: '/user_management/organization_memberships',
      handle({ query }) {
        const page = pageRequest(query);
        const userId = query.get('user_id') || undefined;
        const organizationId = query.get('organization_id') || undefined;
        if (userId === undefined && organizationId === undefined) {
          throw badRequest(
            'missing_user_id_or_organization_id',
            'At least one of user_id or organization_id is required.',
          );
        }
        const statuses = queryList(query, 'statuses');
        const unknown = statuses?.find((s) => !(STATUSES as readonly string[]).includes(s));
        if (unknown !== undefined)
          throw invalidParameters([
            { field: 'statuses', code: 'statuses_invalid', message: 'Statuses must be active, inactive or pending.' },
          ]);
        const list = store.listMemberships(
          { userId, organizationId, statuses: statuses as MembershipStatus[] | undefined },
          page,
        );
        return { status: 200, body: { ...list, data: list.data.map(withUser) } satisfies WireList<WireMembership> };
      },
    },
    {
      method: 'GET',
      pattern: '/user_management/organization_memberships/:id',
      handle: ({ params }) => ({ status: 200, body: withUser(store.getMembership(params.id!)) }),
    },
    {
      method: 'PUT',
      pattern: '/user_management/organization_memberships/:id',
      handle({ params, body }) {
        const fields = new BodyFields(body);
        const roleSlugs = readRoleSlugs(fields);
        fields.done();
        return { status: 200, body: withUser(store.updateMembership(params.id!, roleSlugs)) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/user_management/organization_memberships/:id',
      handle({ params }) {
        store.deleteMembership(params.id!);
        return { status: 200 };
      },
    },
  ];
}

/** `role_slug` or `role_slugs` (one or the other, as the API's schema says). */
function readRoleSlugs(fields: BodyFields): string[] | undefined {
  const single = fields.optionalString('role_slug');
  const many = fields.optionalStringArray('role_slugs');
  if (single !== undefined && many !== undefined) {
    fields.fail('role_slugs', 'role_slug_and_role_slugs_provided', 'Provide either role_slug or role_slugs, not both.');
    return undefined;
  }
  if (single === '') {
    fields.fail('role_slug', 'role_slug_invalid', 'Role slug must not be empty.');
    return undefined;
  }
  return many ?? (single !== undefined ? [single] : undefined);
}
