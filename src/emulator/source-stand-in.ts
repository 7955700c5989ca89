import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Plumbing shared by the local stand-ins for the source APIs (src/emulator/auth0, src/emulator/
// clerk): an HTTP server on 127.0.0.1, a fixed-window rate limit that answers the way the real
// APIs do (X-RateLimit-Limit/Remaining/Reset on every answer, 429 + Retry-After when empty),
// random 429 storms from a seeded generator, and request counts for tests. Tests and the demo
// use these; nothing in the CLI or the action does.

export interface SourceWindowLimit {
  requests: number;
  windowMs: number;
}

export interface SourceFaults {
  /** A fixed window over every API request (the token and download endpoints are not limited). */
  rateLimit?: SourceWindowLimit;
  /** Share of API requests answered 429 regardless of the window (0..1): a storm. */
  stormRate?: number;
  /** Retry-After of a storm's 429s, in seconds (default 1). */
  stormRetryAfterSeconds?: number;
}

export interface SourceStandInStats {
  requests: number;
  rateLimited: number;
  unauthorized: number;
  /** Requests per route name, e.g. `GET members`. */
  routes: Record<string, number>;
}

export interface Answer {
  status: number;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

export interface IncomingCall {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StandInServer {
  url: string;
  close(): Promise<void>;
}

export interface StandInPlumbing {
  stats: SourceStandInStats;
  /** Called before every request is answered, with its route name: tests kill a client here. */
  onRequest?: (route: string) => void;
  faults: SourceFaults;
  /** `undefined`: the request may go on; otherwise the 429 to send. */
  limit(limitedBody: unknown): Answer | undefined;
  /** Rate limit headers for an answer, after `limit` admitted the request. */
  rateHeaders(): Record<string, string>;
}

/** A seeded generator (LCG), so a storm's pattern repeats with its seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** `rateHeaders`: send X-RateLimit-* (Auth0 does; Clerk documents only Retry-After). */
export function createPlumbing(faults: SourceFaults, seed: number, rateHeaders = true): StandInPlumbing {
  const random = seededRandom(seed);
  let windowStart = 0;
  let used = 0;
  const plumbing: StandInPlumbing = {
    stats: { requests: 0, rateLimited: 0, unauthorized: 0, routes: {} },
    faults,
    limit(limitedBody) {
      const now = Date.now();
      const limit = plumbing.faults.rateLimit;
      if (limit) {
        if (now >= windowStart + limit.windowMs) {
          windowStart = now;
          used = 0;
        }
        if (used >= limit.requests) {
          plumbing.stats.rateLimited++;
          const retryAfter = Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000));
          return {
            status: 429,
            body: limitedBody,
            headers: { ...(rateHeaders ? plumbing.rateHeaders() : {}), 'retry-after': String(retryAfter) },
          };
        }
        used++;
      }
      const storm = plumbing.faults.stormRate ?? 0;
      if (storm > 0 && random() < storm) {
        plumbing.stats.rateLimited++;
        const retryAfter = String(plumbing.faults.stormRetryAfterSeconds ?? 1);
        return {
          status: 429,
          body: limitedBody,
          headers: { ...(rateHeaders ? plumbing.rateHeaders() : {}), 'retry-after': retryAfter },
        };
      }
      return undefined;
    },
    rateHeaders() {
      const limit = plumbing.faults.rateLimit ?? { requests: 50, windowMs: 1000 };
      const reset = Math.ceil(
        (plumbing.faults.rateLimit ? windowStart + limit.windowMs : Date.now() + limit.windowMs) / 1000,
      );
      const remaining = plumbing.faults.rateLimit ? Math.max(0, limit.requests - used) : limit.requests - 1;
      return {
        'x-ratelimit-limit': String(limit.requests),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String(reset),
      };
    },
  };
  return plumbing;
}

const MAX_BODY = 1024 * 1024;

/** Serves `handle` on 127.0.0.1 (or `host`); `baseUrl` is known before the first request. */
export async function serveStandIn(
  handle: (call: IncomingCall, baseUrl: string) => Promise<Answer> | Answer,
  options: { host?: string; port?: number } = {},
): Promise<StandInServer> {
  const host = options.host ?? '127.0.0.1';
  let baseUrl = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      const call: IncomingCall = {
        method: request.method ?? 'GET',
        url: new URL(request.url ?? '/', baseUrl),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      Promise.resolve()
        .then(() => handle(call, baseUrl))
        .then(
          (answer) => send(response, answer),
          (error: unknown) => send(response, { status: 500, body: { message: (error as Error).message } }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host}:${port}`;
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return;
  const headers: Record<string, string> = { ...answer.headers };
  let payload: Buffer | undefined = answer.raw;
  if (!payload && answer.body !== undefined) {
    payload = Buffer.from(JSON.stringify(answer.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  response.writeHead(answer.status, headers);
  response.end(payload);
}

/** Query integers with a default; `invalid` when present and not a whole number in range. */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number | 'invalid' {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return 'invalid';
  const value = Number(raw);
  return value < min || value > max ? 'invalid' : value;
}

export function bearer(call: IncomingCall): string | undefined {
  const header = call.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
}
