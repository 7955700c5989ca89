import type { WorkOS } from '@workos-inc/node';
import type { Journal, JournalEntry } from '../checkpoint/journal.js';
import type { RecordProblem } from '../model/types.js';
import { csvRow } from '../report/escape.js';
import { deletePermission, listRolePermissions } from '../workos/roles.js';
import type { WorkOSCaller } from '../workos/workos-caller.js';

// Rollback of what import made in the environment (apply/roles.ts): the permissions it created
// are deleted unless a role it did not create holds them; the roles it created are named, since
// WorkOS's API has no call that deletes an environment role (the dashboard does: Roles).

export interface EnvironmentRollback {
  /** rollback.csv rows (entity role or permission). */
  csv: string;
  /** Roles this checkpoint created, for the dashboard. */
  roles: string[];
  permissionsDeleted: number;
  problems: RecordProblem[];
}

/** Journal entries of the records (users, organizations, memberships): what rollback.ts plans. */
export function* recordEntries(entries: Iterable<JournalEntry>): Generator<JournalEntry> {
  for (const entry of entries) if (entry.entity !== 'role' && entry.entity !== 'permission') yield entry;
}

export async function rollbackEnvironment(
  journal: Journal,
  target: { workos: WorkOS; caller: WorkOSCaller } | undefined,
): Promise<EnvironmentRollback> {
  const roles: JournalEntry[] = [];
  const permissions: JournalEntry[] = [];
  for (const entry of journal.entries()) {
    if (entry.entity === 'role' && entry.status === 'created') roles.push(entry);
    if (entry.entity === 'permission') permissions.push(entry);
  }
  const result: EnvironmentRollback = {
    csv: '',
    roles: roles.map((r) => r.source_id).sort(),
    permissionsDeleted: 0,
    problems: [],
  };
  for (const role of roles) result.csv += csvRow(['role', role.source_id, role.workos_id, 'delete_in_dashboard', '']);
  const live =
    permissions.some((p) => p.status === 'created') && target ? await heldElsewhere(target, roles) : undefined;
  for (const permission of permissions) {
    const row = (action: string, kept = '') =>
      (result.csv += csvRow(['permission', permission.source_id, permission.workos_id, action, kept]));
    if (permission.status === 'deleted') {
      row('already_deleted');
      continue;
    }
    if (live?.has(permission.source_id)) {
      row('keep_in_use', 'held_by_another_role');
      continue;
    }
    if (!target || live === undefined) {
      row('delete');
      continue;
    }
    try {
      await target.caller.idempotentWrite(() => deletePermission(target.workos, permission.source_id));
    } catch (error) {
      if ((error as { status?: unknown }).status !== 404) {
        result.problems.push({
          entity: 'membership',
          location: { file: 'checkpoint', line: 0 },
          field: 'roles',
          code: 'delete_failed',
          message: `Could not delete WorkOS permission ${permission.source_id} (${error instanceof Error ? error.message : String(error)}). Run rollback --confirm again.`,
          severity: 'warning',
        });
        row('delete');
        continue;
      }
    }
    journal.record({ ...permission, status: 'deleted' });
    result.permissionsDeleted++;
    row('deleted');
  }
  return result;
}

/** Permission slugs held by a role this checkpoint did not create. */
async function heldElsewhere(
  target: { workos: WorkOS; caller: WorkOSCaller },
  ours: readonly JournalEntry[],
): Promise<Set<string>> {
  const mine = new Set(ours.map((r) => r.source_id));
  const held = new Set<string>();
  for (const [slug, permissions] of await target.caller.read(() => listRolePermissions(target.workos)))
    if (!mine.has(slug)) for (const p of permissions) held.add(p);
  return held;
}
