import type { CreateUserOptions, UpdateUserOptions, User, WorkOS } from '@workos-inc/node';
import { userMetadataDiffers, userMetadataDigest } from '../model/live-state.js';
import type { UserInput } from '../model/planned.js';

// The SDK's PasswordHashType lacks `ssha256` and `pbkdf2`, which the API accepts (DESIGN §7);
// the SDK passes the value through unchanged, so widening the type here is enough.
type SdkHashType = CreateUserOptions['passwordHashType'];

export function toCreateUserOptions(input: UserInput): CreateUserOptions {
  return {
    email: input.email,
    emailVerified: input.emailVerified,
    firstName: input.firstName,
    lastName: input.lastName,
    externalId: input.externalId,
    metadata: input.metadata,
    passwordHash: input.password?.hash,
    passwordHashType: input.password?.type as SdkHashType,
  };
}

export function toUpdateUserOptions(
  userId: string,
  input: UserInput,
  options: { withPassword: boolean },
): UpdateUserOptions {
  return {
    userId,
    email: input.email,
    // WorkOS refuses to un-verify an address (400 email_already_verified), and a verification
    // made in WorkOS since the import is worth keeping: only ever send true.
    ...(input.emailVerified ? { emailVerified: true } : {}),
    firstName: input.firstName,
    lastName: input.lastName,
    externalId: input.externalId,
    metadata: input.metadata,
    ...(options.withPassword && input.password
      ? { passwordHash: input.password.hash, passwordHashType: input.password.type as SdkHashType }
      : {}),
  };
}

/** True when the WorkOS user already holds what we would send (the hash cannot be read back). */
export function userMatchesInput(user: User, input: UserInput): boolean {
  return (
    user.email.toLowerCase() === input.email.toLowerCase() &&
    (user.emailVerified || !input.emailVerified) &&
    (user.firstName ?? undefined) === input.firstName &&
    (user.lastName ?? undefined) === input.lastName &&
    // Without an external id of ours (a user keyed by email), whatever WorkOS holds is not ours to set.
    (input.externalId === undefined || user.externalId === input.externalId) &&
    !userMetadataDiffers(userMetadataDigest(user.metadata), input.metadata)
  );
}

/** Raw lookups the engine needs, in SDK terms; pacing and retries are the caller's. */
export function userLookups(workos: WorkOS) {
  return {
    async byExternalId(externalId: string): Promise<User | undefined> {
      try {
        return await workos.userManagement.getUserByExternalId(externalId);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
    async byEmail(email: string): Promise<User | undefined> {
      const page = await workos.userManagement.listUsers({ email, limit: 1 });
      return page.data[0];
    },
  };
}
