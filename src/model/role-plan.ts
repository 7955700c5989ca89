// The roles a run creates, as the plan works them out (plan/roles.ts) and apply/roles.ts creates them.

/** Role and permission names: at most 48 characters in WorkOS. */
export const NAME_LIMIT = 48;

export interface PlannedRole {
  slug: string;
  name: string;
  /** WorkOS permission slugs, sorted. */
  permissions: string[];
  digest: string;
}

export interface RolePlan {
  /** Roles to create, by slug. */
  create: PlannedRole[];
  /** Permissions the roles to create need and the environment lacks, sorted. */
  createPermissions: string[];
  /** Roles the memberships name that the environment has. */
  unchanged: number;
}

/** A permission's name when the source gives none: its slug (WorkOS needs a name, at most 48 long). */
export function permissionName(slug: string): string {
  return slug.slice(0, NAME_LIMIT);
}
