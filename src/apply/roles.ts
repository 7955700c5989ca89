import type { WorkOS } from '@workos-inc/node';
import type { Journal } from '../checkpoint/journal.js';
import type { RecordProblem } from '../model/types.js';
import { permissionName, type RolePlan } from '../model/role-plan.js';
import {
  createPermission,
  createRole,
  listPermissionSlugs,
  listRoleSlugs,
  setRolePermissions,
} from '../workos/roles.js';
import { WorkOSCallError, WorkOSUnreachableError, type WorkOSCaller } from '../workos/workos-caller.js';

export interface RolesApplied {
  /** Roles created, then permissions created (summary.json `roles`). */
  created: number;
  permissionsCreated: number;
  /** Roles found in the environment when about to create them (made meanwhile, or by a write that timed out). */
  existing: number;
  failed: number;
  problems: RecordProblem[];
}

/**
 * Creates the planned permissions, then the planned roles with their permissions, one at a time
 * (a handful of requests in the general per-key bucket), each journaled as created so rollback
 * knows them. Runs before the memberships that name the roles. A write whose answer is lost is
 * settled by reading the environment: whatever holds the slug then is taken as there.
 */
export async function createPlannedRoles(
  workos: WorkOS,
  caller: WorkOSCaller,
  plan: RolePlan,
  journal: Journal | undefined,
): Promise<RolesApplied> {
  const result: RolesApplied = { created: 0, permissionsCreated: 0, existing: 0, failed: 0, problems: [] };
  for (const slug of plan.createPermissions) {
    const made = await createOrFind(
      () => caller.create(() => createPermission(workos, { slug, name: permissionName(slug) })),
      async () => (await caller.read(() => listPermissionSlugs(workos))).has(slug),
    );
    if (made.id !== undefined) {
      result.permissionsCreated++;
      journal?.record({
        entity: 'permission',
        source_id: slug,
        workos_id: made.id,
        status: 'created',
        input_digest: slug,
      });
    } else if (made.error) result.problems.push(problem(slug, 'permission_not_created', made.error));
  }
  for (const role of plan.create) {
    const made = await createOrFind(
      () => caller.create(() => createRole(workos, role)),
      async () => (await caller.read(() => listRoleSlugs(workos))).has(role.slug),
    );
    if (made.error) {
      result.failed++;
      result.problems.push(problem(role.slug, 'role_not_created', made.error));
      continue;
    }
    if (made.id !== undefined) {
      result.created++;
      journal?.record({
        entity: 'role',
        source_id: role.slug,
        workos_id: made.id,
        status: 'created',
        input_digest: role.digest,
      });
    } else result.existing++;
    if (role.permissions.length === 0) continue;
    try {
      await caller.idempotentWrite(() => setRolePermissions(workos, role.slug, role.permissions));
    } catch (error) {
      if (error instanceof WorkOSUnreachableError) throw error;
      result.problems.push(problem(role.slug, 'role_permissions_not_set', messageOf(error)));
    }
  }
  return result;
}

/** A create, or (when it was refused or its answer lost) whether the slug exists now. */
async function createOrFind(
  create: () => Promise<string>,
  exists: () => Promise<boolean>,
): Promise<{ id?: string; error?: string }> {
  try {
    return { id: await create() };
  } catch (error) {
    if (error instanceof WorkOSUnreachableError) throw error;
    if (await exists()) return {};
    return { error: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  if (error instanceof WorkOSCallError) return 'message' in error.failure ? error.failure.message : error.failure.kind;
  return error instanceof Error ? error.message : String(error);
}

function problem(slug: string, code: string, message: string): RecordProblem {
  return {
    entity: 'membership',
    location: { file: 'WorkOS', line: 0 },
    field: 'roles',
    code,
    message: `Could not create ${code.startsWith('permission') ? 'permission' : 'role'} ${slug} in WorkOS (${message}); memberships naming it fail until it exists. Run import again, or create it in WorkOS.`,
    severity: 'warning',
  };
}
