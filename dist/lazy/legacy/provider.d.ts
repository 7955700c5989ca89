export interface LegacyAccount {
    /** The WorkOS user's external_id: the id the user had at the old provider. */
    externalId: string;
    email: string;
}
export interface LegacyProvider {
    readonly name: string;
    verifyPassword(account: LegacyAccount, password: string): Promise<boolean>;
}
export interface LegacyCommon {
    /** Milliseconds to wait for the old provider; default 5000. */
    timeoutMs?: number;
}
export interface Auth0Legacy extends LegacyCommon {
    provider: 'auth0';
    /** `your-tenant.eu.auth0.com` or a custom domain; or apiUrl. */
    domain?: string;
    /** The database connection the users sign in with (the password-realm grant's realm). */
    connection: string;
    /** An application with the Password grant enabled. */
    clientId: string;
    clientSecret?: string;
    /** Overrides `https://{domain}` (tests). */
    apiUrl?: string;
}
export interface CognitoLegacy extends LegacyCommon {
    provider: 'cognito';
    /** `us-east-1`; or apiUrl. */
    region?: string;
    /** An app client with ALLOW_USER_PASSWORD_AUTH. */
    clientId: string;
    /** Needed when the app client has a secret (SECRET_HASH). */
    clientSecret?: string;
    /** Overrides `https://cognito-idp.{region}.amazonaws.com/` (tests). */
    apiUrl?: string;
}
export interface FirebaseLegacy extends LegacyCommon {
    provider: 'firebase';
    /** The project's Web API key. */
    apiKey: string;
    /** Overrides `https://identitytoolkit.googleapis.com` (tests, the Auth emulator). */
    apiUrl?: string;
}
export interface ClerkLegacy extends LegacyCommon {
    provider: 'clerk';
    /** `sk_live_…` / `sk_test_…`. */
    secretKey: string;
    /** Overrides `https://api.clerk.com` (tests). */
    apiUrl?: string;
}
export interface SupabaseLegacy extends LegacyCommon {
    provider: 'supabase';
    /** `https://<project>.supabase.co`. */
    url: string;
    /** The anon (publishable) key, sent as `apikey`. */
    anonKey: string;
}
export type LegacyConfig = Auth0Legacy | CognitoLegacy | FirebaseLegacy | ClerkLegacy | SupabaseLegacy;
export declare const DEFAULT_LEGACY_TIMEOUT_MS = 5000;
export declare function trimSlash(url: string): string;
