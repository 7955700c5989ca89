import type { WorkOS } from '@workos-inc/node';
import { listPermissionSlugs, listRolePermissions } from '../workos/roles.js';
import { planRoles, type RolePlan, type SourceRoles } from './roles.js';

/** A paced read through the run's caller. */
type Read = <T>(request: () => Promise<T>) => Promise<T>;

/**
 * Reads the environment's roles (and, when a role to create has permissions, its permissions)
 * and plans the roles to create. `known` is what a membership may name: the environment's roles
 * and those about to be created. With `policies.missingRoles: report` nothing is planned.
 */
export async function readEnvironmentRoles(
  workos: WorkOS,
  read: Read,
  used: Iterable<{ roles: readonly string[] }>,
  source: SourceRoles,
  missingRoles: 'create' | 'report' = 'create',
): Promise<{ known: Set<string>; plan?: RolePlan }> {
  const roles = await read(() => listRolePermissions(workos));
  const known = new Set(roles.keys());
  if (missingRoles === 'report') return { known };
  const slugs = new Set<string>();
  for (const m of used) for (const role of m.roles) slugs.add(role);
  const needsPermissions = [...slugs].some(
    (slug) => !known.has(slug) && (source.get(slug)?.permissions.length ?? 0) > 0,
  );
  const permissions = needsPermissions ? await read(() => listPermissionSlugs(workos)) : new Set<string>();
  const plan = planRoles(slugs, source, { roles: known, permissions });
  for (const role of plan.create) known.add(role.slug);
  return { known, plan };
}
