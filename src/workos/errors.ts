// One place that turns whatever the SDK or fetch threw into what the engine must do about it.
// DESIGN §7: match on status and code, not on exception classes (the SDK maps the same API
// error to different classes depending on the body's shape).

export type WorkOSFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  /**
   * No answer or a 5xx/408: the request may or may not have been carried out. `connection` says
   * why there was no answer at all (refused, reset, DNS): what the circuit breaker reports.
   */
  | { kind: 'transient'; status?: number; message: string; connection?: string }
  /** An error of our own code (a TypeError, a bug): never retried, never blamed on WorkOS. */
  | { kind: 'internal'; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'not_found'; message: string }
  | { kind: 'conflict'; code: string; message: string }
  | { kind: 'rejected'; status: number; code: string; message: string; requestId?: string };

const CONFLICT_CODES = new Set([
  'email_not_available',
  'external_id_already_used',
  'organization_membership_already_exists',
]);

function detailCodes(error: unknown): string[] {
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((d) => (d as { code?: unknown })?.code).filter((c): c is string => typeof c === 'string');
}

/**
 * The error that carries the HTTP answer: the SDK wraps some (a ParseError for a non-JSON body,
 * such as a proxy's HTML 502 page) in a plain "Unexpected error" Error.
 */
function answered(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { status, rawStatus, cause } = current as { status?: unknown; rawStatus?: unknown; cause?: unknown };
    if (typeof status === 'number' || typeof rawStatus === 'number') return current;
    current = cause;
  }
  return error;
}

export function classifyWorkOSError(thrown: unknown): WorkOSFailure {
  const error = answered(thrown);
  const e = error as {
    status?: unknown;
    code?: unknown;
    retryAfter?: unknown;
    message?: unknown;
    requestID?: unknown;
    name?: unknown;
  };
  // The SDK's ParseError sets `status` 500 whatever the answer was; `rawStatus` is the real one.
  const rawStatus = (error as { rawStatus?: unknown })?.rawStatus;
  const status = typeof rawStatus === 'number' ? rawStatus : typeof e?.status === 'number' ? e.status : undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const requestId = typeof e?.requestID === 'string' && e.requestID ? e.requestID : undefined;

  if (status === 429) {
    const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : 1;
    return { kind: 'rate_limited', retryAfterMs: Math.max(0, seconds) * 1000 };
  }
  if (status === undefined) {
    // The SDK wraps fetch's "fetch failed" (reset, refused, DNS) in a plain Error whose cause
    // chain holds the system error; anything else without a status was thrown by our own code.
    const connection = connectionFailure(error);
    return connection ? { kind: 'transient', message, connection } : { kind: 'internal', message };
  }
  if (status === 408 || status >= 500) return { kind: 'transient', status, message };
  if (status === 401)
    return {
      kind: 'unauthorized',
      message: 'WorkOS rejected the API key (401). Check that the key is current and belongs to this environment.',
    };
  if (status === 404) return { kind: 'not_found', message };
  // A refused create names its reason at the top (`external_id_already_used`) or, per the
  // OpenAPI description, inside `errors` under `user_creation_error` (`email_not_available`).
  const conflict = [code, ...detailCodes(e)].find((c): c is string => c !== undefined && CONFLICT_CODES.has(c));
  if (conflict) return { kind: 'conflict', code: conflict, message };
  return { kind: 'rejected', status, code: code ?? `http_${status}`, message, requestId };
}

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ENOTFOUND: 'host name not found in DNS',
  EAI_AGAIN: 'DNS lookup failed',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'no answer in time',
  UND_ERR_CLOSED: 'connection closed',
};

/**
 * Why a request got no answer, read from the error's cause chain (the SDK's wrapper, undici's
 * `TypeError: fetch failed`, the system error); undefined when it is not a network failure.
 */
export function connectionFailure(error: unknown): string | undefined {
  let sawFetchFailed = false;
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const { code, message, cause, name } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      name?: unknown;
    };
    if (typeof code === 'string' && code in CONNECTION_CODES) return `${CONNECTION_CODES[code]} (${code})`;
    // The paced transport's timeout, when it ends a body that was still arriving.
    if (name === 'TimeoutError') return 'no answer in time';
    // Undici's own failure, as opposed to a TypeError from our code.
    if (typeof message === 'string' && /fetch failed|other side closed|socket hang up/.test(message))
      sawFetchFailed = true;
    current = cause;
  }
  return sawFetchFailed ? 'no answer (fetch failed)' : undefined;
}
