import type { WorkOS } from '@workos-inc/node';
import type { PlannedUser } from '../../model/planned.js';
import { toCreateUserOptions, toUpdateUserOptions, userLookups, userMatchesInput } from '../../workos/users.js';
import type { EntityWriter, ExistingRecord } from '../apply-record.js';
import { LAZY_METADATA_KEY, LAZY_MOVED, LAZY_PENDING, lazyMarkOf } from '../../lazy/marks.js';
import type { UserInput } from '../../model/planned.js';

export function userWriter(workos: WorkOS): EntityWriter<PlannedUser> {
  const lookups = userLookups(workos);
  return {
    entity: 'user',
    create: async (user) => (await workos.userManagement.createUser(toCreateUserOptions(user.input))).id,
    update: async (id, user, { sendPassword }) => {
      const input = await keepingLazyMark(workos, id, user.input);
      return (await workos.userManagement.updateUser(toUpdateUserOptions(id, input, { withPassword: sendPassword })))
        .id;
    },
    delete: (id) => workos.userManagement.deleteUser(id),
    async find(user, conflictCode): Promise<ExistingRecord | undefined> {
      // A user keyed by email (no external id of ours) can only be found by its email.
      const found =
        conflictCode === 'email_not_available' || user.input.externalId === undefined
          ? await lookups.byEmail(user.input.email)
          : await lookups.byExternalId(user.sourceId);
      if (!found) return undefined;
      if (user.input.externalId === undefined && (found.externalId ?? null) === null)
        return { id: found.id, owner: 'unclaimed', matches: userMatchesInput(found, user.input) };
      if (found.externalId === user.sourceId) {
        if (found.email.toLowerCase() !== user.input.email.toLowerCase()) {
          return {
            id: found.id,
            owner: 'conflict',
            matches: false,
            message: `WorkOS user ${found.id} has this external id and another email, which another WorkOS user holds. Resolve it in WorkOS (or delete one of them) and run again.`,
          };
        }
        return {
          id: found.id,
          owner: 'ours',
          matches: userMatchesInput(found, user.input),
          signedIn: found.lastSignInAt !== null && found.lastSignInAt !== undefined,
        };
      }
      return { id: found.id, owner: found.externalId ? 'other' : 'unclaimed', matches: false };
    },
  };
}

/**
 * Metadata is sent whole, and the lazy migration's mark in WorkOS is not the export's to undo: a
 * user who moved since holds `moved` (never set back to `pending`), and an import without
 * --lazy-passwords keeps a mark it finds (only --lazy-finish and rollback clear marks).
 */
async function keepingLazyMark(workos: WorkOS, id: string, input: UserInput): Promise<UserInput> {
  if (input.metadata === undefined) return input;
  const planned = lazyMarkOf(input.metadata);
  if (planned !== undefined && planned !== LAZY_PENDING) return input;
  const current = lazyMarkOf((await workos.userManagement.getUser(id)).metadata);
  const keep = current === LAZY_MOVED || (planned === undefined && current !== undefined);
  return keep ? { ...input, metadata: { ...input.metadata, [LAZY_METADATA_KEY]: current } } : input;
}
