import { clerkCredentials } from '../export/clerk.js';
import { SourceApi } from '../export/http.js';
import type { Logger } from '../report/logger.js';
import { WORKOS_DOCS as DOCS, type InventoryItem, type Unread } from './item.js';

// A Clerk instance's configuration, as far as the Backend API shows it (with the secret key
// `export` uses): SAML connections, organization roles and settings, JWT templates, domains and
// OAuth applications, each cut down to the fields the inventory needs (never a client secret,
// a signing key or an IdP certificate). Webhook endpoints live in Svix and the Backend API does
// not list them, so the inventory names them as a check to make in the dashboard.

export interface ClerkInstance {
  samlConnections: { name: string; provider: string; active: boolean }[];
  organizationRoles: { key: string; name: string }[];
  organizationsEnabled?: boolean;
  jwtTemplates: { name: string }[];
  domains: { name: string; satellite: boolean }[];
  oauthApplications: { name: string }[];
  unread: Unread[];
}

type Json = Record<string, unknown>;
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

const PAGE = 500;

export async function readClerkInstance(options: {
  env: NodeJS.ProcessEnv;
  log: Logger;
  signal?: AbortSignal;
}): Promise<ClerkInstance> {
  const { baseUrl, secretKey } = clerkCredentials(options.env, 'inventory --source clerk');
  const api = new SourceApi({
    baseUrl,
    label: 'Clerk Backend API',
    token: async () => secretKey,
    signal: options.signal,
  });
  const unread: Unread[] = [];

  /** Every item of a `{data, total_count}` list (or a bare array); undefined when unreadable. */
  const list = async (kind: string, path: string): Promise<Json[] | undefined> => {
    const items: Json[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const answer = await api.json<unknown>(`/v1/${path}`, { query: { limit: PAGE, offset }, accept: [403, 404] });
      if (answer.status === 403 || answer.status === 404) {
        unread.push({
          kind,
          reason: answer.status === 403 ? 'forbidden' : 'not_found',
          scope: 'the secret key of this instance',
        });
        return undefined;
      }
      const body = answer.body as Json | Json[];
      const batch = (Array.isArray(body) ? body : (body?.data as Json[] | undefined)) ?? [];
      items.push(...batch);
      if (Array.isArray(body) || batch.length < PAGE) return items;
    }
  };

  options.log.info('Reading the Clerk instance configuration (read-only).');
  const saml = (await list('saml_connection', 'saml_connections')) ?? [];
  const roles = (await list('organization_role', 'organization_roles')) ?? [];
  const templates = (await list('jwt_template', 'jwt_templates')) ?? [];
  const domains = (await list('domain', 'domains')) ?? [];
  const oauth = (await list('oauth_application', 'oauth_applications')) ?? [];
  const settings = await api.json<Json>('/v1/instance/organization_settings', { accept: [403, 404] });
  if (settings.status !== 200)
    unread.push({
      kind: 'organization_settings',
      reason: settings.status === 403 ? 'forbidden' : 'not_found',
      scope: 'the secret key of this instance',
    });

  return {
    samlConnections: saml.map((c) => ({
      name: str(c.name, str(c.domain, str(c.id))),
      provider: str(c.provider, 'saml_custom'),
      active: c.active === true,
    })),
    organizationRoles: roles.map((r) => ({ key: str(r.key, str(r.id)), name: str(r.name, str(r.key)) })),
    ...(settings.status === 200 ? { organizationsEnabled: settings.body?.enabled === true } : {}),
    jwtTemplates: templates.map((t) => ({ name: str(t.name, str(t.id)) })),
    domains: domains.map((d) => ({ name: str(d.name, str(d.id)), satellite: d.is_satellite === true })),
    oauthApplications: oauth.map((a) => ({ name: str(a.name, str(a.id)) })),
    unread,
  };
}

export function classifyClerk(instance: ClerkInstance): InventoryItem[] {
  return [
    ...instance.samlConnections.map(
      (connection): InventoryItem => ({
        kind: 'connection',
        name: connection.name,
        enabled: connection.active,
        classification: 'replaceable',
        detail: connection.provider,
        replacement: 'A WorkOS SSO connection (SAML or OIDC) on the customer’s organization.',
        action:
          'Set up the connection for its organization (an Admin Portal link from cutover --portal-links); the IdP admin points it at WorkOS.',
        docs: DOCS.sso,
      }),
    ),
    ...(instance.organizationsEnabled
      ? [
          {
            kind: 'organizations',
            name: 'Organizations',
            enabled: true,
            classification: 'portable' as const,
            replacement: 'WorkOS organizations with memberships, roles and domains.',
            action: 'Moved by import (export --source clerk writes the organizations file).',
            docs: DOCS.organizations,
          },
        ]
      : []),
    ...instance.organizationRoles.map(
      (role): InventoryItem => ({
        kind: 'role',
        name: role.key,
        enabled: true,
        classification: 'portable',
        replacement: 'A WorkOS role; `org:admin` becomes `admin` through the role map (default: strip `org:`).',
        action: 'Moved by import: roles the memberships use are created before them (map keys in the config).',
        docs: DOCS.roles,
      }),
    ),
    ...instance.jwtTemplates.map(
      (template): InventoryItem => ({
        kind: 'jwt_template',
        name: template.name,
        enabled: true,
        classification: 'replaceable',
        replacement: 'A WorkOS JWT template (custom claims in the access token).',
        action: 'Recreate its claims as a WorkOS JWT template; change the services that read them to WorkOS tokens.',
        docs: DOCS.jwtTemplates,
      }),
    ),
    ...instance.domains.map(
      (domain): InventoryItem => ({
        kind: 'custom_domain',
        name: domain.name,
        enabled: true,
        classification: 'replaceable',
        ...(domain.satellite ? { detail: 'satellite' } : {}),
        replacement: 'An AuthKit custom domain (production environments), set up in the WorkOS dashboard with a CNAME.',
        action: 'Choose the domain AuthKit will use, add its CNAME, and update redirect URIs in your apps at cutover.',
        docs: DOCS.customDomain,
      }),
    ),
    ...instance.oauthApplications.map(
      (application): InventoryItem => ({
        kind: 'application',
        name: application.name,
        enabled: true,
        classification: 'replaceable',
        detail: 'OAuth application',
        replacement: 'A WorkOS Connect OAuth application.',
        action: 'Create it in WorkOS Connect and give its owner the new client credentials at cutover.',
        docs: DOCS.connect,
      }),
    ),
    {
      kind: 'webhooks',
      name: 'Webhook endpoints (Svix)',
      enabled: true,
      classification: 'replaceable',
      detail: 'not listed by the Backend API: check the dashboard',
      replacement:
        'WorkOS webhooks or the Events API (event names differ: user.created, organization_membership.created, …).',
      action: 'Open Webhooks in the Clerk dashboard; recreate each endpoint in WorkOS and map the event names.',
      docs: DOCS.events,
    },
  ];
}
