import type { LegacyConfig } from './legacy/provider.js';
import { type SignIn, type WorkOSAuthentication, type WorkOSSettings } from './workos-api.js';
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
export declare function createLazyMigration(options: LazyMigrationOptions): LazyMigration;
