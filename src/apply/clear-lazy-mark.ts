import type { WorkOS } from '@workos-inc/node';
import { LAZY_METADATA_KEY, lazyMarkOf } from '../lazy/marks.js';
import type { WorkOSCaller } from '../workos/workos-caller.js';

/**
 * `rollback --confirm`: the users it keeps (they existed before the migration) lose the lazy mark
 * the import gave them. Returns how many were cleared; a failure is the caller's problem to list.
 */
export async function clearLazyMark(
  caller: Pick<WorkOSCaller, 'read' | 'idempotentWrite'>,
  workos: WorkOS,
  userId: string,
): Promise<boolean> {
  const user = await caller.read(() => workos.userManagement.getUser(userId));
  if (lazyMarkOf(user.metadata) === undefined) return false;
  const { [LAZY_METADATA_KEY]: _mark, ...metadata } = user.metadata ?? {};
  await caller.idempotentWrite(() => workos.userManagement.updateUser({ userId, metadata }));
  return true;
}
