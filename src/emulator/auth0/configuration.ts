import type { Answer, IncomingCall } from '../source-stand-in.js';

// The Auth0 Management API's configuration endpoints, as `inventory --source auth0` reads them,
// with the shapes Auth0 documents: connections, rules, hooks, clients, resource servers and
// roles as offset pages (`page`, `per_page`, and `{<key>, start, limit, total}` with
// `include_totals=true`, else a bare array); actions as `{actions, total, page, per_page}`;
// triggers as `{triggers}` and each trigger's bindings as `{bindings, total, page, per_page}`;
// Guardian factors, custom domains and log streams as bare arrays; branding as one object.
// Objects are served whole, secrets included (client secrets, code, sink keys), as Auth0 does:
// what the inventory leaves out is its own doing.

export interface Auth0Configuration {
  connections?: Record<string, unknown>[];
  rules?: Record<string, unknown>[];
  /** Actions; `bindings` maps a trigger id to the ids of the actions bound to it. */
  actions?: Record<string, unknown>[];
  bindings?: Record<string, string[]>;
  hooks?: Record<string, unknown>[];
  customDomains?: Record<string, unknown>[];
  guardianFactors?: Record<string, unknown>[];
  branding?: Record<string, unknown>;
  logStreams?: Record<string, unknown>[];
  clients?: Record<string, unknown>[];
  resourceServers?: Record<string, unknown>[];
  roles?: Record<string, unknown>[];
  /** Paths (below /api/v2/) answered 403 insufficient_scope, as for a token without that read scope. */
  forbidden?: string[];
}

const TRIGGERS = [
  'post-login',
  'credentials-exchange',
  'pre-user-registration',
  'post-user-registration',
  'post-change-password',
  'send-phone-message',
  'password-reset-post-challenge',
];

/** The answer for a configuration path, or undefined when the path is not one of these. */
export function configurationAnswer(config: Auth0Configuration, call: IncomingCall): Answer | undefined {
  if (call.method !== 'GET') return undefined;
  const path = call.url.pathname.replace(/^\/api\/v2\//, '');
  if (config.forbidden?.some((p) => path === p || path.startsWith(`${p}/`))) {
    return {
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:' + path.split('/')[0]!.replace(/-/g, '_'),
        errorCode: 'insufficient_scope',
      },
    };
  }
  const offsetPaged: Record<string, [string, Record<string, unknown>[] | undefined]> = {
    connections: ['connections', config.connections],
    rules: ['rules', config.rules],
    hooks: ['hooks', config.hooks],
    clients: ['clients', config.clients],
    'resource-servers': ['resource_servers', config.resourceServers],
    roles: ['roles', config.roles],
  };
  const paged = offsetPaged[path];
  if (paged) return offsetPage(call.url, paged[0], paged[1] ?? []);
  if (path === 'actions/actions') return actionsPage(call.url, 'actions', config.actions ?? []);
  if (path === 'actions/triggers')
    return { status: 200, body: { triggers: TRIGGERS.map((id) => ({ id, version: 'v3', status: 'CURRENT' })) } };
  const binding = /^actions\/triggers\/([^/]+)\/bindings$/.exec(path);
  if (binding) {
    const trigger = decodeURIComponent(binding[1]!);
    if (!TRIGGERS.includes(trigger))
      return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Trigger not found' } };
    const actions = config.actions ?? [];
    const bound = (config.bindings?.[trigger] ?? []).map((id, i) => {
      const action = actions.find((a) => a.id === id);
      return {
        id: `binding-${trigger}-${i}`,
        trigger_id: trigger,
        display_name: action?.name,
        action,
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
      };
    });
    return actionsPage(call.url, 'bindings', bound);
  }
  if (path === 'guardian/factors') return { status: 200, body: config.guardianFactors ?? [] };
  if (path === 'custom-domains') return { status: 200, body: config.customDomains ?? [] };
  if (path === 'log-streams') return { status: 200, body: config.logStreams ?? [] };
  if (path === 'branding')
    return config.branding
      ? { status: 200, body: config.branding }
      : { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Branding not found' } };
  return undefined;
}

function offsetPage(url: URL, key: string, items: Record<string, unknown>[]): Answer {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 50) || 50, 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 0) || 0, 0);
  const slice = items.slice(page * perPage, (page + 1) * perPage);
  if (url.searchParams.get('include_totals') === 'true')
    return { status: 200, body: { [key]: slice, start: page * perPage, limit: perPage, total: items.length } };
  return { status: 200, body: slice };
}

function actionsPage(url: URL, key: string, items: unknown[]): Answer {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 20) || 20, 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 0) || 0, 0);
  return {
    status: 200,
    body: { [key]: items.slice(page * perPage, (page + 1) * perPage), total: items.length, page, per_page: perPage },
  };
}
