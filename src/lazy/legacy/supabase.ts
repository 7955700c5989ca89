import { field, legacyFailure, postJson } from './http.js';
import { DEFAULT_LEGACY_TIMEOUT_MS, trimSlash, type LegacyProvider, type SupabaseLegacy } from './provider.js';

// Supabase Auth (GoTrue): POST {url}/auth/v1/token?grant_type=password {email, password} with the
// project's key in the `apikey` header. 200 carries `user.id`, the WorkOS user's external_id. A
// wrong password is 400 {error_code: 'invalid_credentials', msg} (older servers:
// {error: 'invalid_grant', error_description}); an unconfirmed email 400 email_not_confirmed;
// throttling 429 over_request_rate_limit.

export function supabaseProvider(config: SupabaseLegacy): LegacyProvider {
  const url = `${trimSlash(config.url)}/auth/v1/token?grant_type=password`;
  return {
    name: 'supabase',
    async verifyPassword(account, password) {
      const answer = await postJson('supabase', url, {
        timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
        headers: { apikey: config.anonKey, authorization: `Bearer ${config.anonKey}` },
        body: { email: account.email, password },
      });
      if (answer.status === 200) return field(field(answer.body, 'user'), 'id') === account.externalId;
      const code = field(answer.body, 'error_code') ?? field(answer.body, 'error');
      if (
        answer.status === 400 &&
        (code === 'invalid_credentials' || code === 'invalid_grant' || code === 'email_not_confirmed')
      ) {
        return false;
      }
      throw legacyFailure('supabase', answer, typeof code === 'string' ? code : undefined);
    },
  };
}
