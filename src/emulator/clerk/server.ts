import {
  bearer,
  createPlumbing,
  intParam,
  serveStandIn,
  type Answer,
  type IncomingCall,
  type SourceFaults,
  type SourceStandInStats,
} from '../source-stand-in.js';
import { clerkConfigurationAnswer, type ClerkConfiguration } from './configuration.js';

// A local stand-in for the parts of Clerk's Backend API that `export --source clerk` uses:
// GET /v1/users (a bare array), GET /v1/organizations, GET /v1/organizations/{id}/memberships and
// GET /v1/organizations/{id}/domains (`{data, total_count}`), all with `limit` (1–500, default 10), `offset` and `order_by`
// (default -created_at, newest first), the secret key as a bearer token (401 otherwise), and
// 429 + Retry-After. Like the real API it never returns password digests.

export interface ClerkSeedOrganization {
  id: string;
  name: string;
  slug?: string;
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  memberships?: { user_id: string; role: string }[];
  /** Verified Domains; `verified: false` ones are listed only without the verified=true filter. */
  domains?: { name: string; verified: boolean }[];
}

export interface ClerkStandInOptions {
  /** Backend API user objects (`email_addresses`, `primary_email_address_id`, …). */
  users: Record<string, unknown>[];
  organizations?: ClerkSeedOrganization[];
  secretKey: string;
  faults?: SourceFaults;
  seed?: number;
  host?: string;
  port?: number;
  /** The instance's configuration (SAML connections, roles, …), for `inventory`. */
  configuration?: ClerkConfiguration;
}

export interface ClerkStandIn {
  url: string;
  stats(): SourceStandInStats;
  setFaults(faults: SourceFaults): void;
  onRequest(listener: ((route: string) => void) | undefined): void;
  close(): Promise<void>;
}

const ORDER_FIELDS = new Set([
  'created_at',
  'updated_at',
  'email_address',
  'first_name',
  'last_name',
  'username',
  'phone_number',
  'last_active_at',
  'last_sign_in_at',
  'name',
  'members_count',
]);
const SECRET_FIELDS = ['password_digest', 'password_hasher', 'totp_secret', 'backup_codes', 'password'];

export async function startClerkStandIn(options: ClerkStandInOptions): Promise<ClerkStandIn> {
  const plumbing = createPlumbing(options.faults ?? {}, options.seed ?? 1, false);
  const epoch = Date.UTC(2024, 0, 1);
  // Seeds in order get increasing creation times, so "oldest first" is the seed order.
  const users = options.users.map((user, i) => {
    const copy: Record<string, unknown> = {
      object: 'user',
      created_at: epoch + i * 1000,
      updated_at: epoch + i * 1000,
      ...user,
    };
    for (const field of SECRET_FIELDS) delete copy[field];
    return copy;
  });
  const organizations = (options.organizations ?? []).map((o, i) => ({
    object: 'organization',
    id: o.id,
    name: o.name,
    slug: o.slug ?? o.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    public_metadata: o.public_metadata ?? {},
    private_metadata: o.private_metadata ?? {},
    members_count: o.memberships?.length ?? 0,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    created_at: epoch + i * 1000,
    updated_at: epoch + i * 1000,
  }));
  const usersById = new Map(users.map((u) => [u.id as string, u]));

  const clerkError = (status: number, code: string, message: string, longMessage: string, param?: string): Answer => ({
    status,
    body: { errors: [{ message, long_message: longMessage, code, ...(param ? { meta: { param_name: param } } : {}) }] },
  });

  const handle = (call: IncomingCall): Answer => {
    const { method, url } = call;
    const parts = url.pathname.split('/').slice(1).map(decodeURIComponent);
    if (parts[0] !== 'v1')
      return clerkError(404, 'resource_not_found', 'not found', 'The requested resource was not found.');
    const route = `${method} ${parts[1] ?? ''}${parts[3] ? `/${parts[3]}` : ''}`;
    plumbing.stats.requests++;
    plumbing.stats.routes[route] = (plumbing.stats.routes[route] ?? 0) + 1;
    plumbing.onRequest?.(route);
    if (bearer(call) !== options.secretKey) {
      plumbing.stats.unauthorized++;
      return clerkError(
        401,
        'authentication_invalid',
        'Invalid authentication',
        'Unable to authenticate the request, you need to supply an active API key',
      );
    }
    const limited = plumbing.limit({
      errors: [
        {
          message: 'Too Many Requests',
          long_message: 'You have exceeded the rate limit. Retry later.',
          code: 'too_many_requests',
        },
      ],
    });
    if (limited) return limited;
    if (method !== 'GET') return clerkError(405, 'method_not_allowed', 'not allowed', 'This stand-in only lists.');
    const configured = options.configuration ? clerkConfigurationAnswer(options.configuration, call) : undefined;
    if (configured) return configured;

    const limit = intParam(url, 'limit', 10, 1, 500);
    if (limit === 'invalid')
      return clerkError(
        422,
        'form_param_value_invalid',
        'is invalid',
        'limit must be an integer greater than zero and less than 501',
        'limit',
      );
    const offset = intParam(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    if (offset === 'invalid')
      return clerkError(
        422,
        'form_param_value_invalid',
        'is invalid',
        'offset must be an integer greater or equal to zero',
        'offset',
      );
    const order = ordering(url.searchParams.get('order_by'));
    if (!order)
      return clerkError(
        422,
        'form_param_value_invalid',
        'is invalid',
        'order_by is not a supported ordering',
        'order_by',
      );

    if (parts[1] === 'users' && parts.length === 2)
      return { status: 200, body: sortBy(users, order).slice(offset, offset + limit) };
    if (parts[1] === 'organizations' && parts.length === 2) {
      return {
        status: 200,
        body: { data: sortBy(organizations, order).slice(offset, offset + limit), total_count: organizations.length },
      };
    }
    if (parts[1] === 'organizations' && parts[3] === 'domains' && parts.length === 4) {
      const seed = options.organizations?.find((o) => o.id === parts[2]);
      if (!seed) return clerkError(404, 'resource_not_found', 'not found', 'Organization not found');
      const filter = url.searchParams.get('verified');
      const domains = (seed.domains ?? [])
        .filter((d) => filter === null || String(d.verified) === filter)
        .map((d, i) => ({
          object: 'organization_domain',
          id: `orgdmn_${seed.id.slice(4)}_${i}`,
          organization_id: seed.id,
          name: d.name,
          enrollment_mode: 'manual_invitation',
          verification: d.verified
            ? { status: 'verified', strategy: 'email_code', attempts: 1, expire_at: null }
            : null,
          total_pending_invitations: 0,
          total_pending_suggestions: 0,
          created_at: epoch + i * 1000,
          updated_at: epoch + i * 1000,
        }));
      return {
        status: 200,
        body: { data: sortBy(domains, order).slice(offset, offset + limit), total_count: domains.length },
      };
    }
    if (parts[1] === 'organizations' && parts[3] === 'memberships' && parts.length === 4) {
      const index = organizations.findIndex((o) => o.id === parts[2] || o.slug === parts[2]);
      if (index < 0) return clerkError(404, 'resource_not_found', 'not found', 'Organization not found');
      const organization = organizations[index]!;
      const memberships = (options.organizations![index]!.memberships ?? []).map((m, i) => {
        const user = usersById.get(m.user_id);
        return {
          object: 'organization_membership',
          id: `orgmem_${organization.id.slice(4)}_${i}`,
          role: m.role,
          role_name: m.role.replace(/^org:/, ''),
          permissions: [],
          public_metadata: {},
          private_metadata: {},
          created_at: epoch + i * 1000,
          updated_at: epoch + i * 1000,
          organization,
          public_user_data: {
            user_id: m.user_id,
            first_name: user?.first_name ?? null,
            last_name: user?.last_name ?? null,
            identifier: primaryEmail(user),
            image_url: 'https://img.clerk.com/default',
            has_image: false,
          },
        };
      });
      return {
        status: 200,
        body: { data: sortBy(memberships, order).slice(offset, offset + limit), total_count: memberships.length },
      };
    }
    return clerkError(404, 'resource_not_found', 'not found', 'The requested resource was not found.');
  };

  const server = await serveStandIn(handle, { host: options.host, port: options.port });
  return {
    url: server.url,
    stats: () => structuredClone(plumbing.stats),
    setFaults: (faults) => (plumbing.faults = faults),
    onRequest: (listener) => (plumbing.onRequest = listener),
    close: () => server.close(),
  };
}

function ordering(value: string | null): { field: string; descending: boolean } | undefined {
  const raw = value ?? '-created_at';
  const descending = raw.startsWith('-');
  const field = raw.replace(/^[+-]/, '');
  return ORDER_FIELDS.has(field) ? { field, descending } : undefined;
}

function sortBy<T extends Record<string, unknown>>(items: T[], order: { field: string; descending: boolean }): T[] {
  const key = (item: T): string | number => {
    const value = item[order.field];
    return typeof value === 'number' ? value : String(value ?? '');
  };
  // Stable: ties keep seed order.
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const x = key(a.item);
      const y = key(b.item);
      const c = x < y ? -1 : x > y ? 1 : a.i - b.i;
      return order.descending ? -c : c;
    })
    .map(({ item }) => item);
}

function primaryEmail(user: Record<string, unknown> | undefined): string | null {
  if (!user) return null;
  const list = Array.isArray(user.email_addresses) ? (user.email_addresses as Record<string, unknown>[]) : [];
  const primary = list.find((e) => e.id === user.primary_email_address_id) ?? list[0];
  return typeof primary?.email_address === 'string' ? primary.email_address : null;
}
