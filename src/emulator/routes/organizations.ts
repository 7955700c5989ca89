import { BodyFields, pageRequest, queryList } from '../request-fields.js';
import type { EmulatorStore, NewOrganization, OrganizationChanges } from '../store.js';
import type { Route } from './route-table.js';

export function organizationRoutes(store: EmulatorStore): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/organizations',
      handle({ body }) {
        const fields = new BodyFields(body);
        const name = fields.requiredString('name');
        const externalId = fields.externalId();
        const metadata = fields.metadata();
        const domains = readDomains(fields);
        const allowOutside = fields.optionalBoolean('allow_profiles_outside_organization');
        fields.done();
        return {
          status: 201,
          body: store.createOrganization({
            name,
            external_id: externalId ?? null,
            metadata: metadata ?? {},
            domains: domains ?? [],
            allow_profiles_outside_organization: allowOutside ?? false,
          }),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/organizations',
      handle({ query }) {
        const page = pageRequest(query);
        return {
          status: 200,
          body: store.listOrganizations(
            { domains: queryList(query, 'domains'), search: query.get('search') || undefined },
            page,
          ),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/organizations/external_id/:externalId',
      handle: ({ params }) => ({ status: 200, body: store.getOrganizationByExternalId(params.externalId!) }),
    },
    {
      method: 'GET',
      pattern: '/organizations/:id',
      handle: ({ params }) => ({ status: 200, body: store.getOrganization(params.id!) }),
    },
    {
      method: 'PUT',
      pattern: '/organizations/:id',
      handle({ params, body }) {
        const fields = new BodyFields(body);
        const changes: OrganizationChanges = {};
        if (fields.has('name')) changes.name = fields.requiredString('name');
        const externalId = fields.externalId();
        if (externalId !== undefined) changes.external_id = externalId;
        const metadata = fields.metadata();
        if (metadata !== undefined) changes.metadata = metadata ?? {};
        const domains = readDomains(fields);
        if (domains !== undefined) changes.domains = domains;
        const allowOutside = fields.optionalBoolean('allow_profiles_outside_organization');
        if (allowOutside !== undefined) changes.allow_profiles_outside_organization = allowOutside;
        const stripeCustomerId = fields.optionalString('stripe_customer_id');
        if (stripeCustomerId !== undefined) changes.stripe_customer_id = stripeCustomerId;
        fields.done();
        return { status: 200, body: store.updateOrganization(params.id!, changes) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/organizations/:id',
      handle({ params }) {
        store.deleteOrganization(params.id!);
        return { status: 200 };
      },
    },
  ];
}

/** `domain_data: [{domain, state}]`, or the older `domains: ["example.com"]` (taken as verified). */
function readDomains(fields: BodyFields): NewOrganization['domains'] | undefined {
  const data = fields.raw('domain_data');
  if (data !== undefined && data !== null) {
    const valid =
      Array.isArray(data) &&
      data.every(
        (d) =>
          typeof d === 'object' &&
          d !== null &&
          typeof d.domain === 'string' &&
          d.domain !== '' &&
          (d.state === 'verified' || d.state === 'pending'),
      );
    if (!valid) {
      fields.fail(
        'domain_data',
        'domain_data_invalid',
        'Domain data must be a list of {domain, state} with state verified or pending.',
      );
      return undefined;
    }
    return (data as NewOrganization['domains']).map(({ domain, state }) => ({ domain, state }));
  }
  return fields.optionalStringArray('domains')?.map((domain) => ({ domain, state: 'verified' as const }));
}
