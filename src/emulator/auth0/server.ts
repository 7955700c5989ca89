import { createHmac, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { configurationAnswer, type Auth0Configuration } from './configuration.js';
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

// A local stand-in for the parts of Auth0 that `export --source auth0` uses, faithful to the
// Management API v2 as documented: the client credentials grant (POST /oauth/token), the bulk
// user export job (POST /api/v2/jobs/users-exports → pending → processing → completed with a
// short-lived signed `location` serving gzipped NDJSON), organizations and their members with
// both paging styles (offset `page`/`per_page` capped at 1,000 records; checkpoint `from`/`take`
// with `next`), member roles with `fields=roles`, X-RateLimit-* headers, 429 + Retry-After, 401s.

export interface Auth0SeedMember {
  user_id: string;
  roles?: { id: string; name: string }[];
}

export interface Auth0SeedOrganization {
  id: string;
  name: string;
  display_name?: string;
  metadata?: Record<string, string>;
  members?: Auth0SeedMember[];
}

export interface Auth0StandInOptions {
  /** Users as Auth0 holds them (the bulk export's objects). */
  users: Record<string, unknown>[];
  organizations?: Auth0SeedOrganization[];
  clientId?: string;
  clientSecret?: string;
  /** A Management API token accepted as is (as if made in the dashboard). */
  managementToken?: string;
  /** Tokens from the grant expire after this long (default 24 h): then 401. */
  tokenTtlMs?: number;
  /** How long an export job takes: pending for the first third, then processing (default 300 ms). */
  jobMs?: number;
  /** How long a download link works (default 60 s). */
  linkTtlMs?: number;
  /** The first N downloads answer 403 "Request has expired", as if the link had aged out in transit. */
  expireFirstDownloads?: number;
  /** Serve the export file with Content-Encoding: gzip, as some storage does (the bytes must not change). */
  contentEncodingGzip?: boolean;
  faults?: SourceFaults;
  seed?: number;
  host?: string;
  port?: number;
  /** The tenant name, used for the export file's name. */
  tenant?: string;
  /** The tenant's configuration (connections, rules, actions, …), for `inventory`. */
  configuration?: Auth0Configuration;
}

export interface Auth0StandIn {
  url: string;
  stats(): SourceStandInStats;
  setFaults(faults: SourceFaults): void;
  /** Called with each request's route name before it is answered. */
  onRequest(listener: ((route: string) => void) | undefined): void;
  /** Jobs created so far. */
  jobs(): number;
  /** The bytes the last completed job serves (to compare with the downloaded file). */
  lastExportBytes(): Buffer | undefined;
  close(): Promise<void>;
}

interface Job {
  id: string;
  createdAt: number;
  fields: { name: string; export_as?: string }[];
  format: 'json' | 'csv';
  file?: Buffer;
}

const MAX_OFFSET_RECORDS = 1000;

export async function startAuth0StandIn(options: Auth0StandInOptions): Promise<Auth0StandIn> {
  const plumbing = createPlumbing(options.faults ?? {}, options.seed ?? 1);
  const signingKey = randomBytes(16);
  const tokens = new Map<string, number>();
  const jobs = new Map<string, Job>();
  let lastFile: Buffer | undefined;
  let downloadsToExpire = options.expireFirstDownloads ?? 0;
  const organizations = options.organizations ?? [];
  const tenant = options.tenant ?? 'dev-tenant';

  const error = (status: number, errorName: string, message: string, errorCode?: string): Answer => ({
    status,
    body: { statusCode: status, error: errorName, message, ...(errorCode ? { errorCode } : {}) },
  });

  const handle = (call: IncomingCall, baseUrl: string): Answer => {
    const { method, url } = call;
    const path = url.pathname;
    if (method === 'POST' && path === '/oauth/token') return grant(call);
    if (method === 'GET' && path.startsWith('/user-exports/')) return download(url);
    if (!path.startsWith('/api/v2/')) return error(404, 'Not Found', 'Not Found');

    const route = routeName(method, path);
    plumbing.stats.requests++;
    plumbing.stats.routes[route] = (plumbing.stats.routes[route] ?? 0) + 1;
    plumbing.onRequest?.(route);
    const token = bearer(call);
    const expiry = token === undefined ? undefined : token === options.managementToken ? Infinity : tokens.get(token);
    if (expiry === undefined || expiry < Date.now()) {
      plumbing.stats.unauthorized++;
      return error(
        401,
        'Unauthorized',
        expiry === undefined ? 'Invalid token' : 'Expired token received for JSON Web Token validation',
        undefined,
      );
    }
    const limited = plumbing.limit({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    });
    if (limited) return limited;
    const answer = api(call, baseUrl);
    return { ...answer, headers: { ...plumbing.rateHeaders(), ...answer.headers } };
  };

  const grant = (call: IncomingCall): Answer => {
    let body: Record<string, string> = {};
    try {
      body = call.headers['content-type']?.includes('json')
        ? (JSON.parse(call.body) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(call.body));
    } catch {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'The request body is not valid JSON.' },
      };
    }
    if (body.grant_type !== 'client_credentials')
      return {
        status: 403,
        body: { error: 'unauthorized_client', error_description: 'Grant type not allowed for the client.' },
      };
    if (!options.clientId || body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
      return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
    }
    if (typeof body.audience !== 'string' || !body.audience.endsWith('/api/v2/')) {
      return {
        status: 403,
        body: { error: 'access_denied', error_description: 'Service not found: ' + String(body.audience) },
      };
    }
    const token = `eyJ${randomBytes(24).toString('base64url')}`;
    const ttl = options.tokenTtlMs ?? 86_400_000;
    tokens.set(token, Date.now() + ttl);
    return {
      status: 200,
      body: {
        access_token: token,
        token_type: 'Bearer',
        expires_in: Math.ceil(ttl / 1000),
        scope: 'read:users read:organizations read:organization_members read:organization_member_roles',
      },
    };
  };

  const api = (call: IncomingCall, baseUrl: string): Answer => {
    const { method, url } = call;
    const parts = url.pathname.split('/').slice(3).map(decodeURIComponent);
    if (method === 'POST' && parts[0] === 'jobs' && parts[1] === 'users-exports' && parts.length === 2)
      return createJob(call);
    if (method === 'GET' && parts[0] === 'jobs' && parts.length === 2) return jobStatus(parts[1]!, baseUrl);
    if (method === 'GET' && parts[0] === 'organizations' && parts.length === 1) {
      return paged(url, organizations.map(organizationWire), 'organizations');
    }
    if (method === 'GET' && parts[0] === 'organizations' && parts.length === 3 && parts[2] === 'members') {
      const organization = organizations.find((o) => o.id === parts[1]);
      if (!organization)
        return error(404, 'Not Found', 'No organization found by that id or name', 'inexistent_organization');
      const fields = url.searchParams
        .get('fields')
        ?.split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      const include = url.searchParams.get('include_fields') !== 'false';
      const members = (organization.members ?? []).map((m) => memberWire(m, fields, include));
      return paged(url, members, 'members');
    }
    const configured = options.configuration ? configurationAnswer(options.configuration, call) : undefined;
    if (configured) return configured;
    return error(404, 'Not Found', 'Not Found');
  };

  const createJob = (call: IncomingCall): Answer => {
    let body: { format?: string; fields?: { name?: unknown; export_as?: unknown }[]; connection_id?: string };
    try {
      body = JSON.parse(call.body) as typeof body;
    } catch {
      return error(400, 'Bad Request', 'Invalid request payload JSON format', 'invalid_body');
    }
    if (body.format !== undefined && body.format !== 'json' && body.format !== 'csv') {
      return error(
        400,
        'Bad Request',
        'Payload validation error: \'Invalid value "' + String(body.format) + '"\' on property format.',
        'invalid_body',
      );
    }
    const fields = (body.fields ?? []).map((f) => ({
      name: String(f.name),
      ...(typeof f.export_as === 'string' ? { export_as: f.export_as } : {}),
    }));
    const id = `job_${randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16)}`;
    jobs.set(id, { id, createdAt: Date.now(), fields, format: body.format === 'csv' ? 'csv' : 'json' });
    return {
      status: 201,
      body: {
        type: 'users_export',
        status: 'pending',
        format: body.format ?? 'csv',
        fields,
        id,
        created_at: new Date().toISOString(),
      },
    };
  };

  const jobStatus = (id: string, baseUrl: string): Answer => {
    const job = jobs.get(id);
    if (!job) return error(404, 'Not Found', 'The job does not exist.', 'inexistent_job');
    const elapsed = Date.now() - job.createdAt;
    const jobMs = options.jobMs ?? 300;
    const base = {
      type: 'users_export',
      id: job.id,
      format: job.format,
      fields: job.fields,
      created_at: new Date(job.createdAt).toISOString(),
    };
    if (elapsed < jobMs / 3) return { status: 200, body: { ...base, status: 'pending' } };
    if (elapsed < jobMs) return { status: 200, body: { ...base, status: 'processing' } };
    job.file ??= exportFile(job);
    lastFile = job.file;
    const expires = Math.floor((Date.now() + (options.linkTtlMs ?? 60_000)) / 1000);
    const filePath = `/user-exports/${job.id}/${tenant}.json.gz`;
    const location = `${baseUrl}${filePath}?Expires=${expires}&Signature=${sign(filePath, expires)}`;
    return {
      status: 200,
      body: { ...base, status: 'completed', location, time_left_seconds: 0, percentage_done: 100 },
    };
  };

  const sign = (filePath: string, expires: number): string =>
    createHmac('sha256', signingKey).update(`${filePath}\n${expires}`).digest('base64url');

  /** The presigned download: S3 answers 403 AccessDenied (XML) to a bad or expired signature. */
  const download = (url: URL): Answer => {
    const expires = Number(url.searchParams.get('Expires'));
    const signature = url.searchParams.get('Signature');
    const denied = (why: string): Answer => ({
      status: 403,
      raw: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${why}</Message></Error>`,
      ),
      headers: { 'content-type': 'application/xml' },
    });
    if (!Number.isFinite(expires) || signature !== sign(url.pathname, expires))
      return denied('Signature does not match');
    if (expires * 1000 < Date.now()) return denied('Request has expired');
    if (downloadsToExpire > 0) {
      downloadsToExpire--;
      return denied('Request has expired');
    }
    const job = jobs.get(url.pathname.split('/')[2] ?? '');
    if (!job?.file)
      return {
        status: 404,
        raw: Buffer.from('<Error><Code>NoSuchKey</Code></Error>'),
        headers: { 'content-type': 'application/xml' },
      };
    const headers: Record<string, string> = { 'content-type': 'application/gzip' };
    if (options.contentEncodingGzip) headers['content-encoding'] = 'gzip';
    return { status: 200, raw: job.file, headers };
  };

  /** Gzipped NDJSON, one user a line, with the requested fields (renamed by export_as) that a user has. */
  const exportFile = (job: Job): Buffer => {
    const lines = options.users.map((user) => {
      if (job.fields.length === 0) return JSON.stringify(user);
      const out: Record<string, unknown> = {};
      for (const field of job.fields) {
        const value = user[field.name];
        if (value !== undefined) out[field.export_as ?? field.name] = value;
      }
      return JSON.stringify(out);
    });
    return gzipSync(Buffer.from(lines.map((l) => `${l}\n`).join('')));
  };

  const paged = (url: URL, items: Record<string, unknown>[], key: string): Answer => {
    const q = url.searchParams;
    if (q.has('from') || q.has('take')) {
      const take = intParam(url, 'take', 50, 1, 100);
      if (take === 'invalid')
        return error(
          400,
          'Bad Request',
          "Query validation error: 'take' must be between 1 and 100.",
          'invalid_query_string',
        );
      let start = 0;
      const from = q.get('from');
      if (from) {
        const decoded = /^c:(\d+)$/.exec(Buffer.from(from, 'base64url').toString('utf8'));
        if (!decoded)
          return error(
            400,
            'Bad Request',
            "Query validation error: 'from' is not a valid checkpoint.",
            'invalid_query_string',
          );
        start = Number(decoded[1]);
      }
      const page = items.slice(start, start + take);
      const end = start + page.length;
      return {
        status: 200,
        body: { [key]: page, ...(end < items.length ? { next: Buffer.from(`c:${end}`).toString('base64url') } : {}) },
      };
    }
    const perPage = intParam(url, 'per_page', 50, 1, 100);
    const pageNumber = intParam(url, 'page', 0, 0, 1_000_000);
    if (perPage === 'invalid' || pageNumber === 'invalid')
      return error(400, 'Bad Request', 'Query validation error: invalid page or per_page.', 'invalid_query_string');
    const start = pageNumber * perPage;
    if (start + perPage > MAX_OFFSET_RECORDS) {
      return error(
        400,
        'Bad Request',
        `Requesting page exceeds the allowed maximum of ${MAX_OFFSET_RECORDS} records; use checkpoint pagination (from, take).`,
        'invalid_paging',
      );
    }
    const page = items.slice(start, start + perPage);
    if (q.get('include_totals') === 'true')
      return { status: 200, body: { [key]: page, start, limit: perPage, total: items.length } };
    return { status: 200, body: page };
  };

  const server = await serveStandIn(handle, { host: options.host, port: options.port });
  return {
    url: server.url,
    stats: () => structuredClone(plumbing.stats),
    setFaults: (faults) => (plumbing.faults = faults),
    onRequest: (listener) => (plumbing.onRequest = listener),
    jobs: () => jobs.size,
    lastExportBytes: () => lastFile,
    close: () => server.close(),
  };
}

function organizationWire(o: Auth0SeedOrganization): Record<string, unknown> {
  return {
    id: o.id,
    name: o.name,
    ...(o.display_name ? { display_name: o.display_name } : {}),
    ...(o.metadata ? { metadata: o.metadata } : {}),
  };
}

/** A member as the API lists it: roles only when asked for with `fields=roles`. */
function memberWire(member: Auth0SeedMember, fields: string[] | undefined, include: boolean): Record<string, unknown> {
  const full: Record<string, unknown> = {
    user_id: member.user_id,
    picture: 'https://cdn.auth0.com/avatars/default.png',
    name: member.user_id,
  };
  if (fields?.includes('roles')) full.roles = (member.roles ?? []).map(({ id, name }) => ({ id, name }));
  if (!fields || fields.length === 0) return full;
  return Object.fromEntries(Object.entries(full).filter(([key]) => fields.includes(key) === include));
}

function routeName(method: string, path: string): string {
  if (path.startsWith('/api/v2/jobs/users-exports')) return `${method} users-exports`;
  if (path.startsWith('/api/v2/jobs/')) return `${method} job`;
  if (/^\/api\/v2\/organizations\/[^/]+\/members/.test(path)) return `${method} members`;
  if (path.startsWith('/api/v2/organizations')) return `${method} organizations`;
  if (path.startsWith('/api/v2/actions/triggers/')) return `${method} bindings`;
  return `${method} ${path}`;
}
