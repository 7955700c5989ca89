export type LazyErrorSide = 'workos' | 'legacy';
export type LazyErrorCode = 
/** Wrong email or password, as WorkOS would say it. */
'invalid_credentials'
/** WorkOS (side `workos`) or the old provider (side `legacy`) asked to slow down. */
 | 'rate_limited'
/** The old provider did not answer in time, could not be reached, or answered an error. */
 | 'legacy_unavailable'
/** The old provider accepted the password but asked for more (MFA, a new password): send the user to a reset or Magic Auth. */
 | 'legacy_challenge'
/** WorkOS could not be reached or answered an error. */
 | 'workos_unavailable'
/** Any other WorkOS answer (email_verification_required, organization_selection_required, …): `code` is WorkOS's own. */
 | (string & {});
export declare class LazyMigrationError extends Error {
    readonly name = "LazyMigrationError";
    readonly code: LazyErrorCode;
    readonly side: LazyErrorSide;
    /** The HTTP status of the answer, when there was one. */
    readonly status?: number;
    /** Seconds to wait before trying again, from a 429's Retry-After. */
    readonly retryAfter?: number;
    /** WorkOS's answer for codes the application must act on (pending_authentication_token, …). */
    readonly body?: Record<string, unknown>;
    constructor(code: LazyErrorCode, side: LazyErrorSide, message: string, details?: {
        status?: number;
        retryAfter?: number;
        body?: Record<string, unknown>;
        cause?: unknown;
    });
}
export declare function invalidCredentials(): LazyMigrationError;
