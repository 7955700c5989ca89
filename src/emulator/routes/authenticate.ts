import { randomBytes } from 'node:crypto';
import type { AccessTokenIssuer } from '../access-token.js';
import type { EventLog } from '../events.js';
import type { IdGenerator } from '../ids.js';
import type { EmulatorStore } from '../store.js';
import { ApiError, badRequest } from '../wire.js';
import type { Route } from './route-table.js';

export interface AuthenticateOptions {
  /** The only client_id accepted; any when undefined. */
  clientId?: string;
  tokens: AccessTokenIssuer;
  ids: IdGenerator;
  /** Where `authentication.password_succeeded` / `_failed` go (the Events API). */
  events?: EventLog;
}

/**
 * `POST /user_management/authenticate` with the password grant: checks the password against
 * what the user holds (a password set through the API, or an imported hash) and answers like
 * WorkOS: the user, tokens, and the organization when the user belongs to exactly one.
 */
export function authenticateRoute(store: EmulatorStore, options: AuthenticateOptions): Route {
  return {
    method: 'POST',
    pattern: '/user_management/authenticate',
    async handle({ body }) {
      // OAuth-style errors ({error, error_description}) for the standard grant's own checks.
      if (body.grant_type !== 'password') {
        throw new ApiError(400, {
          error: 'unsupported_grant_type',
          error_description: 'The stand-in supports the password grant only.',
        });
      }
      if (
        typeof body.client_id !== 'string' ||
        body.client_id === '' ||
        (options.clientId !== undefined && body.client_id !== options.clientId)
      ) {
        throw new ApiError(400, { error: 'invalid_client', error_description: 'Invalid client ID.' });
      }
      if (
        typeof body.email !== 'string' ||
        typeof body.password !== 'string' ||
        body.email === '' ||
        body.password === ''
      ) {
        throw new ApiError(400, { error: 'invalid_request', error_description: 'email and password are required.' });
      }
      const user = await store.checkPassword(body.email, body.password);
      // The event payload as the OpenAPI description has it for `authentication.password_*`.
      const signIn = (
        status: 'succeeded' | 'failed',
        userId: string | null,
        error?: { code: string; message: string },
      ) =>
        options.events?.record(`authentication.password_${status}`, {
          type: 'password',
          status,
          ip_address: typeof body.ip_address === 'string' ? body.ip_address : null,
          user_agent: typeof body.user_agent === 'string' ? body.user_agent : null,
          user_id: userId,
          email: body.email,
          ...(error ? { error } : {}),
        });
      // WorkOS answers 400 (not 401) and names the email; the stand-in leaves the email out.
      if (user === undefined) {
        signIn('failed', store.userIdByEmail(body.email as string) ?? null, {
          code: 'invalid_credentials',
          message: 'Invalid credentials.',
        });
        throw badRequest('invalid_credentials', 'Invalid credentials.');
      }

      const memberships = store.activeMembershipsOf(user.id);
      if (memberships.length > 1) {
        throw new ApiError(403, {
          code: 'organization_selection_required',
          message: 'The user must choose an organization to finish their authentication.',
          pending_authentication_token: randomBytes(16).toString('hex'),
          organizations: memberships.map((m) => ({ id: m.organization_id, name: m.organization_name })),
          user,
        });
      }
      const membership = memberships[0];
      const signedIn = store.updateUser(user.id, { last_sign_in_at: new Date().toISOString() });
      signIn('succeeded', user.id);
      const accessToken = options.tokens.issue({
        sub: user.id,
        sid: options.ids.next('session'),
        ...(membership
          ? {
              org_id: membership.organization_id,
              role: membership.role.slug,
              roles: membership.roles.map((r) => r.slug),
            }
          : {}),
      });
      return {
        status: 200,
        body: {
          user: signedIn,
          ...(membership ? { organization_id: membership.organization_id } : {}),
          access_token: accessToken,
          refresh_token: randomBytes(24).toString('base64url'),
          authentication_method: 'Password',
        },
      };
    },
  };
}
