/**
 * Local fakes of the five old providers' password checks, each answering in its provider's
 * documented shapes (see src/lazy/legacy/*.ts): Auth0's password-realm grant, Cognito's
 * InitiateAuth (USER_PASSWORD_AUTH, SECRET_HASH), Firebase's accounts:signInWithPassword,
 * Clerk's verify_password and Supabase's password grant. One node:http server on 127.0.0.1;
 * `calls` counts requests (never their bodies) so tests can say "the old provider was not asked".
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LegacyConfig } from '../../src/lazy/legacy/provider.js';

export type LegacyProviderName = LegacyConfig['provider'];

export interface LegacyAccount {
  id: string;
  email: string;
  password: string;
}

export interface LegacyFault {
  /** Hold every answer this long. */
  delayMs?: number;
  /** Answer every request with this status (500, 429, 401…) in the provider's error shape. */
  status?: number;
  /** Answer with a second-step challenge (Auth0 mfa_required, Cognito ChallengeName). */
  challenge?: boolean;
}

export interface LegacyFake {
  provider: LegacyProviderName;
  url: string;
  /** The `legacy` option of createLazyMigration that points at this fake. */
  config: LegacyConfig;
  /** Requests received. */
  calls: number;
  setFault(fault: LegacyFault): void;
  close(): Promise<void>;
}

const CLIENT_ID = 'legacy-client-id';
const CLIENT_SECRET = 'legacy-client-secret';
const API_KEY = 'legacy-api-key';

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Check = (request: IncomingMessage, url: URL, body: Record<string, unknown>, fault: LegacyFault) => Reply;

const byEmail = (accounts: LegacyAccount[], email: unknown) =>
  accounts.find((a) => typeof email === 'string' && a.email.toLowerCase() === email.toLowerCase());

function checkFor(provider: LegacyProviderName, accounts: LegacyAccount[]): Check {
  switch (provider) {
    case 'auth0':
      return (request, url, body, fault) => {
        if (request.method !== 'POST' || url.pathname !== '/oauth/token') return { status: 404, body: {} };
        if (fault.status) return { status: fault.status, body: { error: 'server_error', error_description: 'Fault.' } };
        if (
          body.grant_type !== 'http://auth0.com/oauth/grant-type/password-realm' ||
          body.client_id !== CLIENT_ID ||
          body.client_secret !== CLIENT_SECRET ||
          body.realm !== 'Username-Password-Authentication'
        ) {
          return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
        }
        const account = byEmail(accounts, body.username);
        if (account === undefined || account.password !== body.password) {
          return { status: 403, body: { error: 'invalid_grant', error_description: 'Wrong email or password.' } };
        }
        if (fault.challenge) {
          return {
            status: 403,
            body: { error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'x' },
          };
        }
        return {
          status: 200,
          body: {
            access_token: 'at',
            id_token: unsignedJwt({ sub: account.id, email: account.email }),
            token_type: 'Bearer',
          },
        };
      };
    case 'cognito':
      return (request, url, body, fault) => {
        if (
          request.method !== 'POST' ||
          url.pathname !== '/' ||
          request.headers['x-amz-target'] !== 'AWSCognitoIdentityProviderService.InitiateAuth' ||
          request.headers['content-type'] !== 'application/x-amz-json-1.1'
        ) {
          return { status: 400, body: { __type: 'UnknownOperationException' } };
        }
        if (fault.status === 429)
          return { status: 400, body: { __type: 'TooManyRequestsException', message: 'Rate exceeded' } };
        if (fault.status)
          return { status: fault.status, body: { __type: 'InternalErrorException', message: 'Fault.' } };
        const params = (body.AuthParameters ?? {}) as Record<string, unknown>;
        if (body.AuthFlow !== 'USER_PASSWORD_AUTH' || body.ClientId !== CLIENT_ID) {
          return { status: 400, body: { __type: 'InvalidParameterException', message: 'Bad flow or client.' } };
        }
        const expected = createHmac('sha256', CLIENT_SECRET)
          .update(`${String(params.USERNAME)}${CLIENT_ID}`)
          .digest('base64');
        if (params.SECRET_HASH !== expected) {
          return {
            status: 400,
            body: { __type: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${CLIENT_ID}` },
          };
        }
        const account = byEmail(accounts, params.USERNAME);
        if (account === undefined)
          return { status: 400, body: { __type: 'UserNotFoundException', message: 'User does not exist.' } };
        if (account.password !== params.PASSWORD) {
          return {
            status: 400,
            body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' },
          };
        }
        if (fault.challenge)
          return { status: 200, body: { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's', ChallengeParameters: {} } };
        return {
          status: 200,
          body: {
            AuthenticationResult: { IdToken: unsignedJwt({ sub: account.id }), AccessToken: 'at', TokenType: 'Bearer' },
          },
        };
      };
    case 'firebase':
      return (request, url, body, fault) => {
        if (request.method !== 'POST' || url.pathname !== '/v1/accounts:signInWithPassword')
          return { status: 404, body: {} };
        const error = (message: string, code = 400) => ({
          status: code,
          body: { error: { code, message, errors: [{ message }] } },
        });
        if (url.searchParams.get('key') !== API_KEY) return error('API key not valid. Please pass a valid API key.');
        if (fault.status === 429)
          return error('TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled.');
        if (fault.status) return error('INTERNAL_ERROR', fault.status);
        const account = byEmail(accounts, body.email);
        // Email enumeration protection on: one message for both.
        if (account === undefined || account.password !== body.password) return error('INVALID_LOGIN_CREDENTIALS');
        return {
          status: 200,
          body: {
            kind: 'identitytoolkit#VerifyPasswordResponse',
            localId: account.id,
            email: account.email,
            idToken: 'it',
            registered: true,
          },
        };
      };
    case 'clerk':
      return (request, url, body, fault) => {
        const match = /^\/v1\/users\/([^/]+)\/verify_password$/.exec(url.pathname);
        if (request.method !== 'POST' || match === null)
          return { status: 404, body: { errors: [{ code: 'resource_not_found' }] } };
        if (request.headers.authorization !== `Bearer ${API_KEY}`) {
          return {
            status: 401,
            body: { errors: [{ code: 'authentication_invalid', message: 'Invalid authentication' }] },
          };
        }
        if (fault.status)
          return { status: fault.status, body: { errors: [{ code: 'internal_clerk_error', message: 'Fault.' }] } };
        const account = accounts.find((a) => a.id === decodeURIComponent(match[1]!));
        if (account === undefined) {
          return { status: 404, body: { errors: [{ code: 'resource_not_found', message: 'not found' }] } };
        }
        if (account.password !== body.password) {
          return { status: 422, body: { errors: [{ code: 'incorrect_password', message: 'Password is incorrect.' }] } };
        }
        return { status: 200, body: { verified: true } };
      };
    case 'supabase':
      return (request, url, body, fault) => {
        if (
          request.method !== 'POST' ||
          url.pathname !== '/auth/v1/token' ||
          url.searchParams.get('grant_type') !== 'password'
        ) {
          return { status: 404, body: {} };
        }
        if (request.headers.apikey !== API_KEY) return { status: 401, body: { message: 'Invalid API key' } };
        if (fault.status === 429) {
          return {
            status: 429,
            body: { code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' },
          };
        }
        if (fault.status)
          return {
            status: fault.status,
            body: { code: fault.status, error_code: 'unexpected_failure', msg: 'Fault.' },
          };
        const account = byEmail(accounts, body.email);
        if (account === undefined || account.password !== body.password) {
          return {
            status: 400,
            body: { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' },
          };
        }
        return {
          status: 200,
          body: { access_token: 'at', token_type: 'bearer', user: { id: account.id, email: account.email } },
        };
      };
  }
}

function configFor(provider: LegacyProviderName, url: string, timeoutMs: number): LegacyConfig {
  switch (provider) {
    case 'auth0':
      return {
        provider,
        apiUrl: url,
        connection: 'Username-Password-Authentication',
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        timeoutMs,
      };
    case 'cognito':
      return { provider, apiUrl: url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs };
    case 'firebase':
      return { provider, apiUrl: url, apiKey: API_KEY, timeoutMs };
    case 'clerk':
      return { provider, apiUrl: url, secretKey: API_KEY, timeoutMs };
    case 'supabase':
      return { provider, url, anonKey: API_KEY, timeoutMs };
  }
}

export async function startLegacyFake(
  provider: LegacyProviderName,
  accounts: LegacyAccount[],
  options: { timeoutMs?: number } = {},
): Promise<LegacyFake> {
  const check = checkFor(provider, accounts);
  let fault: LegacyFault = {};
  const sockets = new Set<import('node:net').Socket>();
  const fake = { calls: 0 } as LegacyFake;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    fake.calls += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {}
      const reply = check(request, new URL(request.url ?? '/', 'http://fake'), body, fault);
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        response.end(JSON.stringify(reply.body));
      };
      if (fault.delayMs) setTimeout(send, fault.delayMs).unref();
      else send();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    provider,
    url,
    config: configFor(provider, url, options.timeoutMs ?? 2000),
    setFault(next: LegacyFault) {
      fault = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
