import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessTokenIssuer } from './access-token.js';
import type { EmulatorControls, SeedUser } from './controls.js';
import { ADMIN_PREFIX, handleAdmin } from './admin.js';
import { ConnectionStore } from './connections.js';
import { FactorStore } from './factors.js';
import { EventLog, writeEvent } from './events.js';
import { FaultInjector, type FaultOutcome } from './faults.js';
import { IdGenerator } from './ids.js';
import { hashShapeProblem, isPasswordHashType } from './password-verify.js';
import { type Bucket, bucketOf } from '../workos/buckets.js';
import { SlidingWindowLimiter, type WindowLimit } from './rate-limit.js';
import { authenticateRoute } from './routes/authenticate.js';
import { connectionRoutes } from './routes/connections.js';
import { eventRoutes } from './routes/events.js';
import { factorRoutes } from './routes/factors.js';
import { membershipRoutes } from './routes/memberships.js';
import { organizationRoutes } from './routes/organizations.js';
import { portalRoutes } from './routes/portal.js';
import { roleRoutes } from './routes/roles.js';
import { webhookRoutes } from './routes/webhooks.js';
import { WebhookEndpointStore } from './webhooks.js';
import { isWriteMethod, RouteTable, type ApiResponse } from './routes/route-table.js';
import { userRoutes } from './routes/users.js';
import { StatsCounter } from './stats.js';
import { EmulatorStore, passwordCredential, type Credential, type DuplicateEmailStyle } from './store.js';
import { ApiError } from './wire.js';

// The local WorkOS stand-in: an HTTP server on 127.0.0.1 that the real @workos-inc/node SDK can
// talk to (`new WorkOS(key, { apiHostname: '127.0.0.1', port, https: false })`). This module is
// the HTTP plumbing: key check, limits and faults around a table of API routes over one store.

export type { EmulatorStats } from './stats.js';
export type { FaultConfig } from './faults.js';
export type { WireConnection, WireMembership, WireOrganization, WireUser } from './wire.js';
export type { SeedConnection } from './connections.js';
export type { WireEvent } from './events.js';
export type { EmulatorControls, SeedUser } from './controls.js';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** When set, only `Bearer <apiKey>` is accepted; otherwise any key starting sk_test_ or sk_live_. */
  apiKey?: string;
  /**
   * Default 500 per 10,000 ms (WorkOS's user management limit), over POST/PUT/PATCH/DELETE under
   * `/user_management/`. Each of WorkOS's buckets has its own window, as `bucketOf` sorts requests.
   */
  writeLimit?: WindowLimit;
  /** Default null: user-management reads are not limited. */
  readLimit?: WindowLimit | null;
  /** Default null: the per-key bucket (organizations, authorization, connections, webhook endpoints, events) is not limited. */
  generalLimit?: WindowLimit | null;
  /** Default null: Delete Organization is not limited. */
  organizationDeleteLimit?: WindowLimit | null;
  /** The client_id `authenticate` accepts; any when unset. */
  clientId?: string;
  /** Seed for fault injection; the same seed and requests give the same faults. */
  seed?: number;
  /**
   * The body of a create refused for a taken email. Default `user_creation_error`: 400
   * `{code: 'user_creation_error', errors: [{code: 'email_not_available'}]}` as the WorkOS
   * OpenAPI description has it (the SDK throws BadRequestException). `email_not_available`
   * answers a top-level code instead (GenericServerException), as updates always do.
   */
  duplicateEmailError?: DuplicateEmailStyle;
}

export interface Emulator extends EmulatorControls {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * One API request and the answer a route gave it (`routeAnswered`), or the answer of the plumbing
 * around the routes (key check, limits, injected faults). Admin requests and requests answered
 * with silence (a dropped or held request) are not reported.
 */
export interface ApiExchange {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The request body as sent. */
  body: string;
  response: ApiResponse;
  routeAnswered: boolean;
}

const exchangeObservers = new Set<(exchange: ApiExchange) => void>();

/**
 * Calls `observer` with every API exchange of every stand-in in this process, until the returned
 * function is called (the test suite checks them against WorkOS's published API description).
 */
export function observeApiExchanges(observer: (exchange: ApiExchange) => void): () => void {
  exchangeObservers.add(observer);
  return () => exchangeObservers.delete(observer);
}

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_WRITE_LIMIT: WindowLimit = { requests: 500, windowMs: 10_000 };

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const store = new EmulatorStore({ duplicateEmailStyle: options.duplicateEmailError ?? 'user_creation_error' });
  const faults = new FaultInjector(options.seed ?? randomInt(2 ** 31));
  const windowFor = (limit: WindowLimit | null | undefined) => (limit ? new SlidingWindowLimiter(limit) : undefined);
  const limiters: Record<Bucket, SlidingWindowLimiter | undefined> = {
    userManagementWrites: windowFor(options.writeLimit ?? DEFAULT_WRITE_LIMIT),
    userManagementReads: windowFor(options.readLimit),
    general: windowFor(options.generalLimit),
    organizationDelete: windowFor(options.organizationDeleteLimit),
  };
  const connections = new ConnectionStore(store);
  const factors = new FactorStore(store);
  const webhookEndpoints = new WebhookEndpointStore();
  const stats = new StatsCounter();
  const ids = new IdGenerator();
  const events = new EventLog();
  let url = '';
  const tokens = new AccessTokenIssuer(() => url);
  const routes = new RouteTable([
    ...userRoutes(store),
    ...organizationRoutes(store),
    ...membershipRoutes(store),
    ...roleRoutes(store),
    ...connectionRoutes(connections),
    ...webhookRoutes(webhookEndpoints),
    ...portalRoutes(store, () => url),
    ...eventRoutes(events),
    ...factorRoutes(factors),
    authenticateRoute(store, { clientId: options.clientId, tokens, ids, events }),
  ]);

  let closed = false;
  let requestCount = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** Requests a timeout fault answers with silence, cut on reset and close. */
  const held = new Set<ServerResponse>();

  const wait = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });

  const isAuthorized = (header: string | undefined): boolean => {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    if (key === undefined) return false;
    return options.apiKey !== undefined
      ? key === options.apiKey
      : key.startsWith('sk_test_') || key.startsWith('sk_live_');
  };

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    requestUrl: URL,
    rawBody: string,
  ): Promise<void> {
    const path = requestUrl.pathname;
    const matched = routes.match(method, path);
    const routeKey = `${method} ${matched?.route.pattern ?? '(no route)'}`;
    const isWrite = isWriteMethod(method) && matched?.route.readOnly !== true;
    const requestId = `req_${(++requestCount).toString(36).padStart(8, '0')}`;
    stats.received(routeKey, isWrite);

    // Half the latency before the request is carried out and half after, so a client can be
    // cut off on either side of the commit.
    const latency = faults.latency(method, path);
    await wait(latency / 2);
    const answer = async (
      response: ApiResponse,
      headers: Record<string, string> = {},
      routeAnswered = false,
    ): Promise<void> => {
      await wait(latency / 2);
      if (closed || res.destroyed) return;
      stats.answered(routeKey, response.status);
      for (const observe of exchangeObservers)
        observe({ method, path, query: requestUrl.searchParams, body: rawBody, response, routeAnswered });
      send(res, response, { 'X-Request-ID': requestId, ...headers });
    };

    if (!isAuthorized(req.headers.authorization)) {
      return answer({
        status: 401,
        body: { code: 'unauthorized', message: 'Could not authorize the request. Check the API key.' },
      });
    }
    const stormRetryAfter = faults.storm(method, path);
    if (stormRetryAfter !== undefined) {
      stats.fault('rateLimitStorm');
      return answer(
        { status: 429, body: { message: 'Too many requests' } },
        { 'Retry-After': String(stormRetryAfter) },
      );
    }
    const retryAfter = limiters[bucketOf(method, path)]?.take() ?? 0;
    if (retryAfter > 0) {
      stats.rateLimited();
      return answer({ status: 429, body: { message: 'Too many requests' } }, { 'Retry-After': String(retryAfter) });
    }

    const outcome: FaultOutcome = faults.outcome(method, path);
    switch (outcome.kind) {
      case 'drop':
        stats.fault('drop');
        res.socket?.destroy();
        return;
      case 'serverError':
        stats.fault('serverError');
        return answer(serverError(outcome.status));
      case 'timeout':
        stats.fault('timeout');
        if (outcome.commitFirst) await carryOut();
        if (closed) res.socket?.destroy();
        else if (!res.destroyed) {
          held.add(res);
          res.on('close', () => held.delete(res));
        }
        return;
      case 'afterCommitFailure': {
        stats.fault('afterCommitFailure');
        await carryOut();
        if (outcome.answer === 'status') return answer(serverError(500));
        await wait(latency / 2);
        res.socket?.destroy();
        return;
      }
      case 'echoHeaders': {
        stats.fault('echoHeaders');
        const authorization = req.headers.authorization ?? '';
        return answer(
          {
            status: 400,
            body: {
              code: 'bad_request',
              message: `Could not carry out ${method} ${path} (request authorized as ${authorization})`,
            },
          },
          { 'X-Request-ID': `${requestId}-${authorization.replace(/\s+/g, '-')}` },
        );
      }
      case 'none':
        return answer(await carryOut(), {}, matched !== undefined);
    }

    async function carryOut(): Promise<ApiResponse> {
      if (!matched) return { status: 404, body: { message: 'Not Found' } };
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = rawBody === '' ? {} : JSON.parse(rawBody);
        body =
          typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? (parsed as Record<string, unknown>)
            : {};
      } catch {
        return { status: 400, body: { code: 'invalid_request_body', message: 'Problems parsing JSON.' } };
      }
      try {
        const before = method === 'DELETE' ? entityBefore(matched.route.pattern, matched.params.id) : undefined;
        const response = await matched.route.handle({ params: matched.params, query: requestUrl.searchParams, body });
        if (isWrite && response.status < 300) {
          stats.committed();
          const emitted = writeEvent(method, matched.route.pattern, response.body, before);
          if (emitted) events.record(emitted.event, emitted.data);
        }
        return response;
      } catch (error) {
        if (error instanceof ApiError) return { status: error.status, body: error.body };
        // A bug in the stand-in: say so in the answer rather than hang the client.
        return {
          status: 500,
          body: { code: 'emulator_error', message: error instanceof Error ? error.message : String(error) },
        };
      }
    }
  }

  /** The entity a delete removes, for its `*.deleted` event. */
  const entityBefore = (pattern: string, id: string | undefined): Record<string, unknown> | undefined => {
    if (id === undefined) return undefined;
    try {
      if (pattern === '/user_management/users/:id') return { ...store.getUser(id) };
      if (pattern === '/organizations/:id') return { ...store.getOrganization(id) };
      if (pattern === '/user_management/organization_memberships/:id') return { ...store.getMembership(id) };
    } catch {
      // Not there: the route answers 404 and no event is recorded.
    }
    return undefined;
  };

  const cutHeld = () => {
    for (const res of held) res.socket?.destroy();
    held.clear();
  };

  const controls: EmulatorControls = {
    snapshot: () => store.snapshot(),
    stats: () => stats.snapshot(),
    setFaults: (config) => faults.set(config),
    reset() {
      store.reset();
      connections.reset();
      factors.reset();
      webhookEndpoints.reset();
      events.reset();
      stats.reset();
      faults.reset();
      for (const limiter of Object.values(limiters)) limiter?.reset();
      cutHeld();
    },
    seedUser(user) {
      return store.createUser({
        id: user.id,
        email: user.email,
        email_verified: user.email_verified ?? false,
        first_name: user.first_name ?? null,
        last_name: user.last_name ?? null,
        external_id: user.external_id ?? null,
        metadata: user.metadata ?? {},
        credential: seedCredential(user),
      });
    },
    defineRole: (slug, name) => store.defineRole(slug, name),
    seedConnection: (connection) => connections.seed(connection),
    seedWebhookEndpoint: (endpoint) => webhookEndpoints.seed(endpoint),
    connections: () => connections.all(),
    factorsOf: (userId) => factors.ofUser(userId),
    passwordOf: (userId) => store.credentialOf(userId),
    recordEvent: (event, data, createdAt) => events.record(event, data, createdAt),
    events: () => events.all(),
  };

  const server = createServer((req, res) => {
    void (async () => {
      const method = (req.method ?? 'GET').toUpperCase();
      const requestUrl = new URL(req.url ?? '/', 'http://stand-in');
      let rawBody: string;
      try {
        rawBody = await readBody(req);
      } catch {
        send(res, { status: 413, body: { message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` } });
        return;
      }
      if (requestUrl.pathname.startsWith(ADMIN_PREFIX)) {
        send(res, handleAdmin(controls, method, requestUrl.pathname, rawBody));
        return;
      }
      await handleApi(req, res, method, requestUrl, rawBody);
    })().catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed)
        send(res, { status: 500, body: { code: 'emulator_error', message: String(error) } });
    });
  });
  // Longer than the client's idle timeout, so the client, not the server, retires idle sockets
  // (a server closing one just as the client reuses it looks like a dropped request).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    ...controls,
    url,
    host,
    port,
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      cutHeld();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function seedCredential(user: SeedUser): Credential | undefined {
  if (user.password !== undefined) return passwordCredential(user.password);
  if (user.password_hash === undefined && user.password_hash_type === undefined) return undefined;
  const type = user.password_hash_type;
  if (!isPasswordHashType(type) || user.password_hash === undefined)
    throw new Error('a seeded password hash needs password_hash and a known password_hash_type');
  const problem = hashShapeProblem(type, user.password_hash);
  if (problem !== undefined) throw new Error(`the seeded ${type} hash is malformed: ${problem}`);
  return { kind: 'hash', type, hash: user.password_hash };
}

function serverError(status: 500 | 502 | 503): ApiResponse {
  // A 502 comes from the proxy in front of the API, as an HTML page (the SDK's ParseError).
  if (status === 502) return { status, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
  return {
    status,
    body: { code: 'server_error', message: status === 503 ? 'Service Unavailable' : 'Internal Server Error' },
  };
}

function send(
  res: ServerResponse,
  response: { status: number; body?: unknown },
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const isHtml = typeof response.body === 'string';
  const payload = response.body === undefined ? '' : isHtml ? (response.body as string) : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...(payload === ''
      ? {}
      : { 'Content-Type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
