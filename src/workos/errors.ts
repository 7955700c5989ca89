// One place that turns whatever the SDK or fetch threw into what the engine must do about it.
// DESIGN §7: match on status and code, not on exception classes (the SDK maps the same API
// error to different classes depending on the body's shape).

export type WorkOSFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** No answer or a 5xx/408: the request may or may not have been carried out. */
  | { kind: 'transient'; status?: number; message: string }
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

export function classifyWorkOSError(error: unknown): WorkOSFailure {
  const e = error as { status?: unknown; code?: unknown; retryAfter?: unknown; message?: unknown; requestID?: unknown; name?: unknown };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const requestId = typeof e?.requestID === 'string' && e.requestID ? e.requestID : undefined;

  if (status === 429) {
    const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : 1;
    return { kind: 'rate_limited', retryAfterMs: Math.max(0, seconds) * 1000 };
  }
  if (status === undefined) {
    // fetch's "fetch failed" (reset, refused, socket closed) arrives wrapped in a plain Error.
    return { kind: 'transient', message };
  }
  if (status === 408 || status >= 500) return { kind: 'transient', status, message };
  if (status === 401) return { kind: 'unauthorized', message: 'WorkOS rejected the API key (401). Check that the key is current and belongs to this environment.' };
  if (status === 404) return { kind: 'not_found', message };
  // A refused create names its reason at the top (`external_id_already_used`) or, per the
  // OpenAPI description, inside `errors` under `user_creation_error` (`email_not_available`).
  const conflict = [code, ...detailCodes(e)].find((c): c is string => c !== undefined && CONFLICT_CODES.has(c));
  if (conflict) return { kind: 'conflict', code: conflict, message };
  return { kind: 'rejected', status, code: code ?? `http_${status}`, message, requestId };
}
