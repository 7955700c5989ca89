import type { MembershipRecord, SourceRole } from '../model/types.js';
import type { ChangeCounts } from '../model/changes.js';
import { inputDigest } from '../model/digest.js';
import { NAME_LIMIT, type PlannedRole, type RolePlan } from '../model/role-plan.js';

export { permissionName, type PlannedRole, type RolePlan } from '../model/role-plan.js';

// Roles the export's memberships name and the WorkOS environment lacks: created before the
// memberships, with the source's name and permissions (DESIGN §5), unless the config's
// policies.missingRoles says report (then their memberships are unknown_role, as before).

/** WorkOS takes a role slug of lower-case letters, digits, `-` and `_`, at most 48 long. */
const ROLE_SLUG = /^[a-z0-9_-]{1,48}$/;

/** What the environment holds: its roles' slugs and its permissions' slugs. */
export interface EnvironmentRoles {
  roles: ReadonlySet<string>;
  permissions: ReadonlySet<string>;
}

/**
 * The source's roles as the memberships describe them, one per slug: the first name seen, and
 * every permission any membership lists for it (Clerk lists them per membership).
 */
export class SourceRoles {
  private readonly roles = new Map<string, { name: string; permissions: Set<string> }>();

  add(membership: Pick<MembershipRecord, 'roleDetails'>): void {
    for (const role of membership.roleDetails ?? []) {
      let known = this.roles.get(role.slug);
      if (known === undefined) this.roles.set(role.slug, (known = { name: role.name, permissions: new Set() }));
      for (const permission of role.permissions) known.permissions.add(permission);
    }
  }

  get(slug: string): SourceRole | undefined {
    const known = this.roles.get(slug);
    return known && { slug, name: known.name, permissions: [...known.permissions].sort() };
  }
}

/**
 * The roles to create: those `used` names that the environment lacks and WorkOS would take as a
 * slug. A role the source does not describe (a CSV `role_slugs` entry) gets a name from its slug
 * and no permissions.
 */
export function planRoles(used: Iterable<string>, source: SourceRoles, environment: EnvironmentRoles): RolePlan {
  const create: PlannedRole[] = [];
  const permissions = new Set<string>();
  let unchanged = 0;
  for (const slug of [...new Set(used)].sort()) {
    if (environment.roles.has(slug)) {
      unchanged++;
      continue;
    }
    if (!creatableRoleSlug(slug)) continue;
    const role = source.get(slug) ?? { slug, name: nameFromSlug(slug), permissions: [] };
    const planned = { slug, name: role.name.slice(0, NAME_LIMIT), permissions: role.permissions };
    create.push({ ...planned, digest: inputDigest(planned) });
    for (const p of role.permissions) if (!environment.permissions.has(p)) permissions.add(p);
  }
  return { create, createPermissions: [...permissions].sort(), unchanged };
}

export function creatableRoleSlug(slug: string): boolean {
  return ROLE_SLUG.test(slug);
}

function nameFromSlug(slug: string): string {
  return slug
    .split(/[_-]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** The "Would change" counts of the roles (changes.roles in summary.json); none without a plan. */
export function roleChanges(plan: RolePlan | undefined): ChangeCounts | undefined {
  if (!plan) return undefined;
  return { create: plan.create.length, update: 0, unchanged: plan.unchanged, remove: 0, conflict: 0 };
}
