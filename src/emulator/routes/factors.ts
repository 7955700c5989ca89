import type { FactorStore } from '../factors.js';
import { BodyFields, pageRequest } from '../request-fields.js';
import { decodeBase32 } from '../totp.js';
import type { Route } from './route-table.js';

// The MFA endpoints a migration and a sign-in need, as the WorkOS OpenAPI spec describes them:
// enroll (with `totp_secret`) and list per user, delete, challenge and verify per factor.
export function factorRoutes(factors: FactorStore): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/user_management/users/:id/auth_factors',
      handle({ params, body }) {
        const fields = new BodyFields(body);
        const type = fields.requiredString('type');
        if (type !== '' && type !== 'totp') fields.fail('type', 'type_invalid', 'Type must be totp.');
        const secret = fields.optionalString('totp_secret');
        // The spec: Base32, for SHA-1 codes of 6 digits every 30 s. The message never quotes the secret.
        if (secret !== undefined && (secret.trim() === '' || decodeBase32(secret) === undefined))
          fields.fail('totp_secret', 'totp_secret_invalid', 'Totp secret must be a Base32-encoded string.');
        const issuer = fields.optionalString('totp_issuer');
        const user = fields.optionalString('totp_user');
        fields.done();
        return {
          status: 201,
          body: factors.enroll(params.id!, {
            ...(secret !== undefined ? { secret } : {}),
            ...(issuer !== undefined ? { issuer } : {}),
            ...(user !== undefined ? { user } : {}),
          }),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/user_management/users/:id/auth_factors',
      handle: ({ params, query }) => ({ status: 200, body: factors.list(params.id!, pageRequest(query)) }),
    },
    {
      method: 'GET',
      pattern: '/auth/factors/:id',
      handle: ({ params }) => ({ status: 200, body: factors.get(params.id!) }),
    },
    {
      method: 'DELETE',
      pattern: '/auth/factors/:id',
      handle({ params }) {
        factors.delete(params.id!);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/auth/factors/:id/challenge',
      handle: ({ params }) => ({ status: 201, body: factors.challenge(params.id!) }),
    },
    {
      method: 'POST',
      pattern: '/auth/challenges/:id/verify',
      handle({ params, body }) {
        const fields = new BodyFields(body);
        const code = fields.requiredString('code');
        fields.done();
        return { status: 201, body: factors.verify(params.id!, code) };
      },
    },
  ];
}
