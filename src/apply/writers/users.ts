import type { WorkOS } from '@workos-inc/node';
import type { PlannedUser } from '../../plan/users.js';
import { toCreateUserOptions, toUpdateUserOptions, userLookups, userMatchesInput } from '../../workos/users.js';
import type { EntityWriter, ExistingRecord } from '../apply-record.js';
import { WorkOSCallError } from '../workos-caller.js';

export function userWriter(workos: WorkOS): EntityWriter<PlannedUser> {
  const lookups = userLookups(workos);
  return {
    entity: 'user',
    create: async (user) => (await workos.userManagement.createUser(toCreateUserOptions(user.input))).id,
    // A hash goes with an update we know we own (journaled); an existing user we found keeps its
    // password, which the person may have set since the import.
    update: async (id, user, fromJournal) =>
      (await workos.userManagement.updateUser(toUpdateUserOptions(id, user.input, { withPassword: fromJournal }))).id,
    claim: async (id, user) => (await workos.userManagement.updateUser({ userId: id, externalId: user.sourceId })).id,
    async find(user, conflictCode): Promise<ExistingRecord | undefined> {
      const found = conflictCode === 'email_not_available' ? await lookups.byEmail(user.input.email) : await lookups.byExternalId(user.sourceId);
      if (!found) return undefined;
      if (found.externalId === user.sourceId) {
        if (found.email.toLowerCase() !== user.input.email.toLowerCase()) {
          throw new WorkOSCallError({
            kind: 'rejected',
            status: 409,
            code: 'external_id_conflict',
            message: 'A WorkOS user with this external id has another email. Resolve it in WorkOS (or delete that user) and run again.',
          });
        }
        return { id: found.id, owner: 'ours', matches: userMatchesInput(found, user.input) };
      }
      return { id: found.id, owner: found.externalId ? 'other' : 'unclaimed', matches: false };
    },
  };
}
