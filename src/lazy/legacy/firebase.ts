import { field, legacyFailure, postJson } from './http.js';
import { DEFAULT_LEGACY_TIMEOUT_MS, trimSlash, type FirebaseLegacy, type LegacyProvider } from './provider.js';

// Firebase Auth's Identity Toolkit REST API: POST /v1/accounts:signInWithPassword?key={Web API key}
// {email, password, returnSecureToken: true}. 200 carries `localId`, the WorkOS user's external_id.
// A wrong password or unknown email is 400 {error: {message: 'INVALID_LOGIN_CREDENTIALS'}} (with
// email enumeration protection) or 'INVALID_PASSWORD' / 'EMAIL_NOT_FOUND' / 'USER_DISABLED';
// throttling is 400 'TOO_MANY_ATTEMPTS_TRY_LATER : …'.

const REJECTIONS = new Set(['INVALID_LOGIN_CREDENTIALS', 'INVALID_PASSWORD', 'EMAIL_NOT_FOUND', 'USER_DISABLED']);

export function firebaseProvider(config: FirebaseLegacy): LegacyProvider {
  const base = trimSlash(config.apiUrl ?? 'https://identitytoolkit.googleapis.com');
  const url = `${base}/v1/accounts:signInWithPassword?key=${encodeURIComponent(config.apiKey)}`;
  return {
    name: 'firebase',
    async verifyPassword(account, password) {
      const answer = await postJson('firebase', url, {
        timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
        body: { email: account.email, password, returnSecureToken: true },
      });
      if (answer.status === 200) return field(answer.body, 'localId') === account.externalId;
      // The message may carry a detail after ' : '.
      const message = String(field(field(answer.body, 'error'), 'message') ?? '').split(' ')[0] ?? '';
      if (answer.status === 400 && REJECTIONS.has(message)) return false;
      if (message === 'TOO_MANY_ATTEMPTS_TRY_LATER') throw legacyFailure('firebase', { ...answer, status: 429 });
      throw legacyFailure('firebase', answer, message || undefined);
    },
  };
}
