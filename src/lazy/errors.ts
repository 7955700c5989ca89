// Every rejection of `authenticate` is a LazyMigrationError: `code` is what the sign-in route
// switches on, `side` says which system answered (or failed to). No message ever holds the
// password: they are built from status codes and error codes only.

export type LazyErrorSide = 'workos' | 'legacy';

export type LazyErrorCode =
  /** Wrong email or password, as WorkOS would say it. */
  | 'invalid_credentials'
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

export class LazyMigrationError extends Error {
  override readonly name = 'LazyMigrationError';
  readonly code: LazyErrorCode;
  readonly side: LazyErrorSide;
  /** The HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** Seconds to wait before trying again, from a 429's Retry-After. */
  readonly retryAfter?: number;
  /** WorkOS's answer for codes the application must act on (pending_authentication_token, …). */
  readonly body?: Record<string, unknown>;

  constructor(
    code: LazyErrorCode,
    side: LazyErrorSide,
    message: string,
    details: { status?: number; retryAfter?: number; body?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.side = side;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
    if (details.body !== undefined) this.body = details.body;
  }
}

export function invalidCredentials(): LazyMigrationError {
  return new LazyMigrationError('invalid_credentials', 'workos', 'Invalid credentials.', { status: 400 });
}
