import { invalidCredentials, LazyMigrationError } from './errors.js';
import { legacyProvider } from './legacy/index.js';
import type { LegacyConfig } from './legacy/provider.js';
import { LAZY_METADATA_KEY, LAZY_MOVED, lazyMarkOf } from './marks.js';
import { WorkOSApi, type SignIn, type WorkOSAuthentication, type WorkOSSettings } from './workos-api.js';

// Lazy (trickle) password migration for the users `import --lazy-passwords` marked pending: the
// first sign-in checks the password with the old provider and stores it in WorkOS. WorkOS is
// always asked first; the old provider only for a user whose WorkOS sign-in failed with
// invalid_credentials AND whose metadata says pending, and only about the account the user was
// imported from (its external_id). So wrong passwords on moved users, users who were never
// pending and unknown emails cost the old provider nothing and learn nothing from it.

export { LazyMigrationError } from './errors.js';
export type { LazyErrorCode, LazyErrorSide } from './errors.js';
export type * from './legacy/provider.js';
export { LAZY_METADATA_KEY, LAZY_MOVED, LAZY_PENDING, lazyMarkOf, type LazyMark } from './marks.js';
export type { SignIn, WorkOSAuthentication, WorkOSSettings, WorkOSUser } from './workos-api.js';

export interface LazyMigrationOptions {
  workos: WorkOSSettings;
  legacy: LegacyConfig;
}

export type LazyAuthentication = WorkOSAuthentication & {
  /** True when this sign-in moved the password from the old provider. */
  migrated: boolean;
};

export interface LazyMigration {
  /**
   * Signs the user in with WorkOS, moving a pending user's password on the way. Rejects with a
   * LazyMigrationError (`code: 'invalid_credentials'` for a wrong email or password).
   */
  authenticate(signIn: SignIn): Promise<LazyAuthentication>;
}

export function createLazyMigration(options: LazyMigrationOptions): LazyMigration {
  if (!options?.workos?.apiKey || !options.workos.clientId) {
    throw new TypeError('createLazyMigration needs workos.apiKey and workos.clientId.');
  }
  const workos = new WorkOSApi(options.workos);
  const legacy = legacyProvider(options.legacy);

  return {
    async authenticate(signIn) {
      if (typeof signIn?.email !== 'string' || typeof signIn.password !== 'string' || signIn.password === '') {
        throw invalidCredentials();
      }
      // Sign-in 1 of at most 2 (WorkOS allows 10 per minute per email).
      const first = await workos.authenticate(signIn);
      if (first !== undefined) return { ...first, migrated: false };

      const user = await workos.userByEmail(signIn.email.trim());
      const externalId = user?.external_id;
      if (user === undefined || lazyMarkOf(user.metadata) !== 'pending' || !externalId) throw invalidCredentials();

      const accepted = await legacy.verifyPassword({ externalId, email: user.email }, signIn.password);
      if (!accepted) throw invalidCredentials();

      // The password and the mark in one update: a user is moved exactly when WorkOS holds the password.
      await workos.setPassword(user.id, signIn.password, { ...(user.metadata ?? {}), [LAZY_METADATA_KEY]: LAZY_MOVED });
      // Sign-in 2 of 2: WorkOS's own session for the user, now with the moved password.
      const second = await workos.authenticate(signIn);
      if (second === undefined) {
        throw new LazyMigrationError(
          'workos_unavailable',
          'workos',
          'WorkOS refused the password it was just given (its password policy may reject it); the user is marked moved: offer a password reset.',
        );
      }
      return { ...second, migrated: true };
    },
  };
}
