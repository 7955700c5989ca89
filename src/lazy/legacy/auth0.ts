import { field, jwtClaims, legacyChallenge, legacyFailure, postJson } from './http.js';
import { DEFAULT_LEGACY_TIMEOUT_MS, trimSlash, type Auth0Legacy, type LegacyProvider } from './provider.js';

// Auth0's Authentication API, Resource Owner Password grant with a realm:
// POST /oauth/token {grant_type: 'http://auth0.com/oauth/grant-type/password-realm', realm,
// username, password, client_id, client_secret?, scope: 'openid'}. 200 carries an id_token whose
// `sub` is the user_id (`auth0|…`), the WorkOS user's external_id. A wrong password or unknown
// user is 403 {error: 'invalid_grant'}; a blocked account 429 too_many_attempts; MFA 403 mfa_required.

export function auth0Provider(config: Auth0Legacy): LegacyProvider {
  const base = config.apiUrl ?? (config.domain ? `https://${config.domain}` : undefined);
  if (base === undefined) throw new TypeError('legacy.domain (or legacy.apiUrl) is required for auth0.');
  const url = `${trimSlash(base)}/oauth/token`;
  return {
    name: 'auth0',
    async verifyPassword(account, password) {
      const answer = await postJson('auth0', url, {
        timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
        body: {
          grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
          realm: config.connection,
          username: account.email,
          password,
          client_id: config.clientId,
          ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
          scope: 'openid',
        },
      });
      const error = field(answer.body, 'error');
      if (answer.status === 200) return jwtClaims(field(answer.body, 'id_token'))?.sub === account.externalId;
      if (answer.status === 403 && error === 'invalid_grant') return false;
      if (answer.status === 403 && error === 'mfa_required') throw legacyChallenge('auth0');
      throw legacyFailure('auth0', answer, typeof error === 'string' ? error : undefined);
    },
  };
}
