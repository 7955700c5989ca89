import type { Answer, IncomingCall } from '../source-stand-in.js';

// The Clerk Backend API's configuration endpoints, as `inventory --source clerk` reads them:
// SAML connections, organization roles, JWT templates, domains and OAuth applications as
// `{data, total_count}` pages (`limit`, `offset`; JWT templates as a bare array), and the
// organization settings as one object. Objects are served whole, secrets included (an OAuth
// application's client secret, a JWT template's signing key), as Clerk does.

export interface ClerkConfiguration {
  samlConnections?: Record<string, unknown>[];
  organizationRoles?: Record<string, unknown>[];
  organizationSettings?: Record<string, unknown>;
  jwtTemplates?: Record<string, unknown>[];
  domains?: Record<string, unknown>[];
  oauthApplications?: Record<string, unknown>[];
}

/** The answer for a configuration path (below /v1/), or undefined when it is not one of these. */
export function clerkConfigurationAnswer(config: ClerkConfiguration, call: IncomingCall): Answer | undefined {
  const path = call.url.pathname.replace(/^\/v1\//, '');
  const pages: Record<string, Record<string, unknown>[] | undefined> = {
    saml_connections: config.samlConnections,
    organization_roles: config.organizationRoles,
    domains: config.domains,
    oauth_applications: config.oauthApplications,
  };
  if (path in pages) {
    const items = pages[path] ?? [];
    const limit = Math.min(Math.max(Number(call.url.searchParams.get('limit') ?? 10) || 10, 1), 500);
    const offset = Math.max(Number(call.url.searchParams.get('offset') ?? 0) || 0, 0);
    return { status: 200, body: { data: items.slice(offset, offset + limit), total_count: items.length } };
  }
  if (path === 'jwt_templates') return { status: 200, body: config.jwtTemplates ?? [] };
  if (path === 'instance/organization_settings')
    return {
      status: 200,
      body: config.organizationSettings ?? {
        object: 'organization_settings',
        enabled: false,
        max_allowed_memberships: 5,
      },
    };
  return undefined;
}
