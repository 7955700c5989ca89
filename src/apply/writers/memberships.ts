import type { OrganizationMembership, WorkOS } from '@workos-inc/node';
import type { PlannedMembership } from '../../model/planned.js';
import type { EntityWriter } from '../apply-record.js';

/** WorkOS ids of records already brought about in this run or an earlier one. */
export interface WorkOSIds {
  user(sourceId: string): string | undefined;
  organization(sourceId: string): string | undefined;
}

function rolesOf(m: OrganizationMembership): string[] {
  const slugs = m.roles?.map((r) => r.slug) ?? (m.role ? [m.role.slug] : []);
  return [...new Set(slugs)].sort();
}

/** No roles in the source means the environment's default role: nothing to compare or send. */
function roleOptions(roles: string[]) {
  if (roles.length === 0) return {};
  return roles.length === 1 ? { roleSlug: roles[0] } : { roleSlugs: roles };
}

export function membershipWriter(workos: WorkOS, ids: WorkOSIds): EntityWriter<PlannedMembership> {
  const idsOf = (m: PlannedMembership): { userId: string; organizationId: string } => {
    const userId = ids.user(m.userSourceId);
    const organizationId = ids.organization(m.organizationSourceId);
    // The caller only applies memberships whose user and organization exist.
    if (!userId || !organizationId)
      throw new Error(`membership ${m.sourceId} applied before its user and organization`);
    return { userId, organizationId };
  };
  return {
    entity: 'membership',
    lookBeforeCreate: true,
    create: async (m) =>
      (await workos.userManagement.createOrganizationMembership({ ...idsOf(m), ...roleOptions(m.roles) })).id,
    update: async (id, m) => (await workos.userManagement.updateOrganizationMembership(id, roleOptions(m.roles))).id,
    delete: (id) => workos.userManagement.deleteOrganizationMembership(id),
    async find(m) {
      // The API's answer to a duplicate membership is not documented (DESIGN §7): list instead.
      const list = await workos.userManagement.listOrganizationMemberships({ ...idsOf(m), limit: 1 });
      const found = list.data[0];
      if (!found) return undefined;
      const matches = m.roles.length === 0 || rolesOf(found).join(',') === m.roles.join(',');
      return { id: found.id, owner: 'ours', matches };
    },
  };
}
