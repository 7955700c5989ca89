import { auth0Credentials, tokenSource } from '../export/auth0.js';
import { SourceApi } from '../export/http.js';
import type { Logger } from '../report/logger.js';
import type { Unread } from './item.js';

// Reads an Auth0 tenant's configuration through the Management API with the credentials
// `export` uses. Every object is cut down to the fields the inventory needs, picked by name:
// client secrets, rule / action / hook code, action secrets, connection options (custom database
// scripts, social client secrets) and log-stream sinks never leave this module. A kind the
// token may not read (403) or the tenant lacks (404, e.g. Rules on a new tenant) is noted as
// unread and the rest goes on.

/** The Management API read scopes the inventory uses: README "Before you start" lists them. */
export const AUTH0_INVENTORY_SCOPES = [
  'read:connections',
  'read:rules',
  'read:actions',
  'read:hooks',
  'read:custom_domains',
  'read:guardian_factors',
  'read:branding',
  'read:log_streams',
  'read:clients',
  'read:resource_servers',
  'read:roles',
  'read:organizations',
] as const;

export interface Auth0Tenant {
  connections: {
    name: string;
    strategy: string;
    /** Applications it is enabled for; undefined when the answer does not say. */
    enabledClients?: number;
    /** `options.enabledDatabaseCustomization`: the tenant runs its own database scripts. */
    customDatabase: boolean;
    /** `options.import_mode`: users move in from a legacy store on sign-in. */
    importMode: boolean;
  }[];
  rules: { name: string; enabled: boolean }[];
  actions: { id: string; name: string; triggers: string[]; boundTo: string[] }[];
  hooks: { name: string; triggerId: string; enabled: boolean }[];
  customDomains: { domain: string; status: string }[];
  factors: { name: string; enabled: boolean }[];
  branding?: { logo: boolean; colors: boolean; font: boolean; favicon: boolean };
  logStreams: { name: string; type: string; status: string }[];
  clients: { name: string; appType: string }[];
  apis: { name: string }[];
  roles: { name: string }[];
  organizations?: number;
  unread: Unread[];
}

type Json = Record<string, unknown>;

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

export async function readAuth0Tenant(options: {
  env: NodeJS.ProcessEnv;
  log: Logger;
  signal?: AbortSignal;
  onSecret?: (secret: string) => void;
}): Promise<Auth0Tenant> {
  const credentials = auth0Credentials(options.env, {
    command: 'inventory --source auth0',
    scopes: AUTH0_INVENTORY_SCOPES.join(', '),
  });
  const api = new SourceApi({
    baseUrl: credentials.baseUrl,
    label: 'Auth0 Management API',
    token: tokenSource(credentials, { signal: options.signal, onSecret: options.onSecret }),
    signal: options.signal,
  });
  const unread: Unread[] = [];

  /** Every item of an offset-paged list (`page`, `per_page`, `include_totals`); undefined when unreadable. */
  const list = async (kind: string, path: string, key: string, scope: string): Promise<Json[] | undefined> => {
    const items: Json[] = [];
    for (let page = 0; ; page++) {
      const answer = await api.json<unknown>(`/api/v2/${path}`, {
        query: { page, per_page: 50, include_totals: true },
        accept: [403, 404],
      });
      if (answer.status === 403 || answer.status === 404) {
        unread.push({ kind, reason: answer.status === 403 ? 'forbidden' : 'not_found', scope });
        return undefined;
      }
      const body = answer.body as Json | Json[];
      const batch = (Array.isArray(body) ? body : (body?.[key] as Json[] | undefined)) ?? [];
      items.push(...batch);
      const total = Array.isArray(body) ? undefined : (body?.total as number | undefined);
      if (batch.length < 50 || (total !== undefined && items.length >= total)) return items;
    }
  };
  const one = async (kind: string, path: string, scope: string): Promise<unknown> => {
    const answer = await api.json<unknown>(`/api/v2/${path}`, { accept: [403, 404] });
    if (answer.status === 403) {
      unread.push({ kind, reason: 'forbidden', scope });
      return undefined;
    }
    return answer.status === 404 ? null : answer.body;
  };

  options.log.info('Reading the Auth0 tenant configuration (read-only).');
  const connections = (await list('connection', 'connections', 'connections', 'read:connections')) ?? [];
  const rules = (await list('rule', 'rules', 'rules', 'read:rules')) ?? [];
  const hooks = (await list('hook', 'hooks', 'hooks', 'read:hooks')) ?? [];
  const clients = (await list('application', 'clients', 'clients', 'read:clients')) ?? [];
  const apis = (await list('api', 'resource-servers', 'resource_servers', 'read:resource_servers')) ?? [];
  const roles = (await list('role', 'roles', 'roles', 'read:roles')) ?? [];
  const actions = (await list('action', 'actions/actions', 'actions', 'read:actions')) ?? [];
  const boundTo = new Map<string, string[]>();
  if (!unread.some((u) => u.kind === 'action')) {
    const triggers = ((await one('action', 'actions/triggers', 'read:actions')) as { triggers?: Json[] } | null)
      ?.triggers;
    for (const trigger of triggers ?? []) {
      const id = str(trigger.id);
      if (!id) continue;
      const bindings =
        (await list('action', `actions/triggers/${encodeURIComponent(id)}/bindings`, 'bindings', 'read:actions')) ?? [];
      for (const binding of bindings) {
        const actionId = str((binding.action as Json | undefined)?.id);
        if (actionId) boundTo.set(actionId, [...(boundTo.get(actionId) ?? []), id]);
      }
    }
  }
  const customDomains = (await one('custom_domain', 'custom-domains', 'read:custom_domains')) as Json[] | null;
  const factors = (await one('mfa_factor', 'guardian/factors', 'read:guardian_factors')) as Json[] | null;
  const branding = (await one('branding', 'branding', 'read:branding')) as Json | null | undefined;
  const logStreams = (await one('log_stream', 'log-streams', 'read:log_streams')) as Json[] | null;
  const organizations = await countOrganizations(api, unread);

  return {
    connections: connections.map((c) => {
      const options = (c.options ?? {}) as Json;
      return {
        name: str(c.name, str(c.id)),
        strategy: str(c.strategy),
        ...(Array.isArray(c.enabled_clients) ? { enabledClients: c.enabled_clients.length } : {}),
        customDatabase: options.enabledDatabaseCustomization === true,
        importMode: options.import_mode === true,
      };
    }),
    rules: rules.map((r) => ({ name: str(r.name, str(r.id)), enabled: r.enabled !== false })),
    actions: actions.map((a) => ({
      id: str(a.id),
      name: str(a.name, str(a.id)),
      triggers: Array.isArray(a.supported_triggers)
        ? (a.supported_triggers as Json[]).map((t) => str(t.id)).filter(Boolean)
        : [],
      boundTo: boundTo.get(str(a.id)) ?? [],
    })),
    hooks: hooks.map((h) => ({
      name: str(h.name, str(h.id)),
      triggerId: str(h.triggerId),
      enabled: h.enabled !== false,
    })),
    customDomains: (Array.isArray(customDomains) ? customDomains : []).map((d) => ({
      domain: str(d.domain),
      status: str(d.status),
    })),
    factors: (Array.isArray(factors) ? factors : []).map((f) => ({ name: str(f.name), enabled: f.enabled === true })),
    ...(branding && typeof branding === 'object'
      ? {
          branding: {
            logo: typeof branding.logo_url === 'string' && branding.logo_url !== '',
            colors: typeof branding.colors === 'object' && branding.colors !== null,
            font: typeof branding.font === 'object' && branding.font !== null,
            favicon: typeof branding.favicon_url === 'string' && branding.favicon_url !== '',
          },
        }
      : {}),
    logStreams: (Array.isArray(logStreams) ? logStreams : []).map((s) => ({
      name: str(s.name, str(s.id)),
      type: str(s.type),
      status: str(s.status),
    })),
    // The tenant-wide "All Applications" entry is a settings holder, not an application.
    clients: clients
      .filter((c) => c.global !== true)
      .map((c) => ({ name: str(c.name, str(c.client_id)), appType: str(c.app_type, 'unknown') })),
    // Auth0's own Management API is a system API of every tenant, not one of the team's.
    apis: apis.filter((a) => a.is_system !== true).map((a) => ({ name: str(a.name, str(a.identifier)) })),
    roles: roles.map((r) => ({ name: str(r.name, str(r.id)) })),
    ...(organizations !== undefined ? { organizations } : {}),
    unread,
  };
}

/** Organizations by checkpoint paging (`from`/`take`), the only paging past 1,000: a count only. */
async function countOrganizations(api: SourceApi, unread: Unread[]): Promise<number | undefined> {
  let count = 0;
  let from: string | undefined;
  for (;;) {
    const answer = await api.json<{ organizations?: unknown[]; next?: string }>('/api/v2/organizations', {
      query: { take: 100, from },
      accept: [403, 404],
    });
    if (answer.status === 403 || answer.status === 404) {
      unread.push({
        kind: 'organizations',
        reason: answer.status === 403 ? 'forbidden' : 'not_found',
        scope: 'read:organizations',
      });
      return undefined;
    }
    count += answer.body.organizations?.length ?? 0;
    if (!answer.body.next) return count;
    from = answer.body.next;
  }
}
