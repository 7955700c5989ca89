import { DomainDataState, type Organization, type WorkOS } from '@workos-inc/node';
import type { OrganizationInput, PlannedOrganization } from '../../model/planned.js';
import type { EntityWriter } from '../apply-record.js';

function organizationFields(input: OrganizationInput) {
  return {
    name: input.name,
    externalId: input.externalId,
    metadata: input.metadata,
    // Domains arrive unverified: the source's verification does not carry over to WorkOS.
    ...(input.domains.length > 0
      ? { domainData: input.domains.map((domain) => ({ domain, state: DomainDataState.Pending })) }
      : {}),
  };
}

function organizationMatches(org: Organization, input: OrganizationInput): boolean {
  const domains = org.domains.map((d) => d.domain.toLowerCase()).sort();
  const metadata = org.metadata ?? {};
  const wanted = input.metadata ?? {};
  return (
    org.name === input.name &&
    domains.join(',') === input.domains.join(',') &&
    Object.keys(metadata).length === Object.keys(wanted).length &&
    Object.entries(wanted).every(([k, v]) => metadata[k] === v)
  );
}

export function organizationWriter(workos: WorkOS): EntityWriter<PlannedOrganization> {
  return {
    entity: 'organization',
    create: async (org) => (await workos.organizations.createOrganization(organizationFields(org.input))).id,
    update: async (id, org) =>
      (await workos.organizations.updateOrganization({ organization: id, ...organizationFields(org.input) })).id,
    delete: (id) => workos.organizations.deleteOrganization(id),
    async find(org) {
      try {
        const found = await workos.organizations.getOrganizationByExternalId(org.sourceId);
        return { id: found.id, owner: 'ours', matches: organizationMatches(found, org.input) };
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  };
}
