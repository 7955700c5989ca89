import { field, legacyFailure, postJson } from './http.js';
import { DEFAULT_LEGACY_TIMEOUT_MS, trimSlash, type ClerkLegacy, type LegacyProvider } from './provider.js';

// Clerk's Backend API checks a password by user id: POST /v1/users/{user_id}/verify_password
// {password} with the secret key as a bearer token. 200 {verified: true}; a wrong password is
// 422 (or 400) with `errors: [{code, message}]`; an unknown id 404. Asking by id (the WorkOS
// user's external_id) means the email never picks the account.

export function clerkProvider(config: ClerkLegacy): LegacyProvider {
  const base = trimSlash(config.apiUrl ?? 'https://api.clerk.com');
  return {
    name: 'clerk',
    async verifyPassword(account, password) {
      const url = `${base}/v1/users/${encodeURIComponent(account.externalId)}/verify_password`;
      const answer = await postJson('clerk', url, {
        timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
        headers: { authorization: `Bearer ${config.secretKey}` },
        body: { password },
      });
      if (answer.status === 200) return field(answer.body, 'verified') === true;
      if (answer.status === 400 || answer.status === 404 || answer.status === 422) return false;
      const first = field(answer.body, 'errors');
      const code = Array.isArray(first) ? field(first[0], 'code') : undefined;
      throw legacyFailure('clerk', answer, typeof code === 'string' ? code : undefined);
    },
  };
}
