import { DomainDataState, type Organization, type WorkOS } from '@workos-inc/node';
import { domainData, domainsDiffer } from '../../model/domains.js';
import type { OrganizationInput, PlannedOrganization } from '../../model/planned.js';
import type { EntityWriter } from '../apply-record.js';

/** `liveVerified`: domains WorkOS holds verified now, never sent back as pending. */
function organizationFields(input: OrganizationInput, liveVerified?: ReadonlySet<string>) {
  return {
    name: input.name,
    externalId: input.externalId,
    metadata: input.metadata,
    ...(input.domains.length > 0
      ? {
          domainData: domainData(input, liveVerified).map(({ domain, state }) => ({
            domain,
            state: state === 'verified' ? DomainDataState.Verified : DomainDataState.Pending,
          })),
        }
      : {}),
  };
}

function liveDomains(org: Organization): { domains: string; verifiedDomains: string } {
  const sorted = (ds: Organization['domains']) =>
    ds
      .map((d) => d.domain.toLowerCase())
      .sort()
      .join(',');
  return { domains: sorted(org.domains), verifiedDomains: sorted(org.domains.filter((d) => d.state === 'verified')) };
}

function organizationMatches(org: Organization, input: OrganizationInput): boolean {
  const metadata = org.metadata ?? {};
  const wanted = input.metadata ?? {};
  return (
    org.name === input.name &&
    !domainsDiffer(input, liveDomains(org)) &&
    Object.keys(metadata).length === Object.keys(wanted).length &&
    Object.entries(wanted).every(([k, v]) => metadata[k] === v)
  );
}

export function organizationWriter(workos: WorkOS): EntityWriter<PlannedOrganization> {
  return {
    entity: 'organization',
    create: async (org) => (await workos.organizations.createOrganization(organizationFields(org.input))).id,
    async update(id, org) {
      // Only when domains go along: what WorkOS verified since the export stays verified.
      const current = org.input.domains.length > 0 ? await workos.organizations.getOrganization(id) : undefined;
      const verified = new Set(current ? liveDomains(current).verifiedDomains.split(',') : []);
      return (
        await workos.organizations.updateOrganization({ organization: id, ...organizationFields(org.input, verified) })
      ).id;
    },
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
