import type { WorkOS } from '@workos-inc/node';

/** The environment's role slugs (organization roles extend these per organization). */
export async function listRoleSlugs(workos: WorkOS): Promise<Set<string>> {
  const roles = await workos.authorization.listEnvironmentRoles();
  return new Set(roles.data.map((r) => r.slug));
}
