import { createHmac } from 'node:crypto';
import { field, jwtClaims, legacyChallenge, legacyFailure, postJson } from './http.js';
import { DEFAULT_LEGACY_TIMEOUT_MS, trimSlash, type CognitoLegacy, type LegacyProvider } from './provider.js';

// Cognito user pools' InitiateAuth with USER_PASSWORD_AUTH: POST https://cognito-idp.{region}.amazonaws.com/
// with `X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth` and
// `Content-Type: application/x-amz-json-1.1`, body {AuthFlow, ClientId, AuthParameters: {USERNAME,
// PASSWORD, SECRET_HASH?}}; SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId)).
// 200 {AuthenticationResult: {IdToken, …}} (IdToken's `sub` is the WorkOS user's external_id) or
// {ChallengeName, …}; a wrong password or unknown user is 400 {__type: 'NotAuthorizedException' |
// 'UserNotFoundException'}; throttling 400 TooManyRequestsException.

const REJECTIONS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
]);

export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

export function cognitoProvider(config: CognitoLegacy): LegacyProvider {
  const base = config.apiUrl ?? (config.region ? `https://cognito-idp.${config.region}.amazonaws.com` : undefined);
  if (base === undefined) throw new TypeError('legacy.region (or legacy.apiUrl) is required for cognito.');
  const url = `${trimSlash(base)}/`;
  return {
    name: 'cognito',
    async verifyPassword(account, password) {
      const username = account.email;
      const answer = await postJson('cognito', url, {
        timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
        contentType: 'application/x-amz-json-1.1',
        headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: config.clientId,
          AuthParameters: {
            USERNAME: username,
            PASSWORD: password,
            ...(config.clientSecret ? { SECRET_HASH: secretHash(config.clientSecret, username, config.clientId) } : {}),
          },
        },
      });
      // `__type` may carry a namespace prefix (`com.amazonaws…#NotAuthorizedException`).
      const type =
        String(field(answer.body, '__type') ?? '')
          .split('#')
          .pop() ?? '';
      if (answer.status === 200) {
        const idToken = field(field(answer.body, 'AuthenticationResult'), 'IdToken');
        if (idToken !== undefined) return jwtClaims(idToken)?.sub === account.externalId;
        if (field(answer.body, 'ChallengeName') !== undefined) throw legacyChallenge('cognito');
        throw legacyFailure('cognito', answer, 'no AuthenticationResult');
      }
      if (answer.status === 400 && REJECTIONS.has(type)) return false;
      if (type === 'TooManyRequestsException') throw legacyFailure('cognito', { ...answer, status: 429 });
      throw legacyFailure('cognito', answer, type || undefined);
    },
  };
}
