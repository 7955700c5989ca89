import { LazyMigrationError } from '../errors.js';
import { type JsonAnswer, readJsonAnswer } from '../json-answer.js';

// The one way the old-provider modules talk HTTP: a JSON POST under a deadline. A timeout, a
// refused connection or an unreadable answer becomes `legacy_unavailable` (never a sign-in);
// the caller reads status and body to tell a rejected password from a failure.

export type LegacyAnswer = JsonAnswer;

export async function postJson(
  provider: string,
  url: string,
  init: { headers?: Record<string, string>; body: unknown; timeoutMs: number; contentType?: string },
): Promise<LegacyAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': init.contentType ?? 'application/json', accept: 'application/json', ...init.headers },
      body: JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new LazyMigrationError(
      'legacy_unavailable',
      'legacy',
      timedOut
        ? `The old provider (${provider}) did not answer within ${init.timeoutMs} ms; the user was not signed in and stays pending.`
        : `The old provider (${provider}) could not be reached; the user was not signed in and stays pending. Check legacy.apiUrl and the network.`,
    );
  }
  return readJsonAnswer(response);
}

/** The failure for an answer that is neither a yes nor a clear no. */
export function legacyFailure(provider: string, answer: LegacyAnswer, code?: string): LazyMigrationError {
  if (answer.status === 429) {
    return new LazyMigrationError(
      'rate_limited',
      'legacy',
      `The old provider (${provider}) asked to slow down (429); the user stays pending, try again later.`,
      { status: 429, ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}) },
    );
  }
  return new LazyMigrationError(
    'legacy_unavailable',
    'legacy',
    `The old provider (${provider}) answered ${answer.status}${code ? ` ${code}` : ''}; the user was not signed in and stays pending. Check the legacy settings (keys, client, realm).`,
    { status: answer.status },
  );
}

/** The claims of a JWT the provider just issued to us over TLS (read only to bind the account, not trusted further). */
export function jwtClaims(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The provider accepted the password but wants a second step this library cannot take. */
export function legacyChallenge(provider: string): LazyMigrationError {
  return new LazyMigrationError(
    'legacy_challenge',
    'legacy',
    `The old provider (${provider}) asks this user for a second step (MFA or a new password); the user stays pending: offer Magic Auth or a password reset.`,
  );
}
