import { describe, expect, it } from 'vitest';
import { mapAuth0User } from '../../../src/sources/auth0/map-user.js';

const at = { file: 'users.ndjson', line: 1 };

function record(raw: Record<string, unknown>) {
  const mapped = mapAuth0User({ email: 'a@example.com', ...raw }, at);
  if (!mapped.ok) throw new Error(mapped.problem.message);
  return mapped.record;
}

describe('enterprise sign-in in an Auth0 export', () => {
  it('marks users of each enterprise strategy with the connection their identity names', () => {
    for (const strategy of ['samlp', 'waad', 'oidc', 'adfs', 'okta', 'google-apps']) {
      const user = record({
        user_id: `${strategy}|abc`,
        identities: [{ provider: strategy, connection: `acme-${strategy}`, user_id: 'abc', isSocial: false }],
      });
      expect(user.enterpriseConnection).toEqual({ type: strategy, connection: `acme-${strategy}` });
      expect(user.socialProviders).toEqual([]);
    }
  });

  it('falls back to the user id when the export has no identities: samlp ids name their connection', () => {
    expect(record({ user_id: 'samlp|acme-saml|a@example.com' }).enterpriseConnection).toEqual({
      type: 'samlp',
      connection: 'acme-saml',
    });
    expect(record({ user_id: 'waad|7f3e' }).enterpriseConnection).toEqual({ type: 'waad', connection: 'waad' });
    // The import/export extension writes the connection in its own column.
    expect(record({ Id: 'adfs|x', Connection: 'contoso-adfs' }).enterpriseConnection).toEqual({
      type: 'adfs',
      connection: 'contoso-adfs',
    });
  });

  it('leaves database and social users unmarked, and finds a linked enterprise identity after the first', () => {
    expect(
      record({
        user_id: 'auth0|1',
        identities: [{ provider: 'auth0', connection: 'Username-Password-Authentication' }],
      }).enterpriseConnection,
    ).toBeUndefined();
    expect(
      record({ user_id: 'google-oauth2|1', identities: [{ provider: 'google-oauth2', isSocial: true }] })
        .enterpriseConnection,
    ).toBeUndefined();
    expect(record({ user_id: 'oidcish|1' }).enterpriseConnection).toBeUndefined();
    const linked = record({
      user_id: 'auth0|1',
      identities: [
        { provider: 'auth0', connection: 'db' },
        { provider: 'okta', connection: 'acme-okta', isSocial: false },
      ],
    });
    expect(linked.enterpriseConnection).toEqual({ type: 'okta', connection: 'acme-okta' });
  });
});
