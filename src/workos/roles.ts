import type { WorkOS } from '@workos-inc/node';

/** The environment's role slugs (organization roles extend these per organization). */
export async function listRoleSlugs(workos: WorkOS): Promise<Set<string>> {
  const roles = await workos.authorization.listEnvironmentRoles();
  return new Set(roles.data.map((r) => r.slug));
}

/** The environment's roles with their permission slugs, by role slug. */
export async function listRolePermissions(workos: WorkOS): Promise<Map<string, string[]>> {
  const roles = await workos.authorization.listEnvironmentRoles();
  return new Map(roles.data.map((r) => [r.slug, r.permissions]));
}

/** Every permission slug of the environment (a few pages at most). */
export async function listPermissionSlugs(workos: WorkOS): Promise<Set<string>> {
  const first = await workos.authorization.listPermissions({ limit: 100 });
  const all = await first.autoPagination();
  return new Set(all.map((p) => p.slug));
}

export async function createRole(workos: WorkOS, role: { slug: string; name: string }): Promise<string> {
  const created = await workos.authorization.createEnvironmentRole({ slug: role.slug, name: role.name });
  return created.id;
}

export async function setRolePermissions(workos: WorkOS, slug: string, permissions: string[]): Promise<void> {
  await workos.authorization.setEnvironmentRolePermissions(slug, { permissions });
}

export async function createPermission(workos: WorkOS, permission: { slug: string; name: string }): Promise<string> {
  const created = await workos.authorization.createPermission(permission);
  return created.id;
}

export async function deletePermission(workos: WorkOS, slug: string): Promise<void> {
  await workos.authorization.deletePermission(slug);
}
