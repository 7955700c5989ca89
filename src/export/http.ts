import { jitteredBackoff } from '../model/backoff.js';
import { UsageError } from '../model/types.js';

// One small HTTP layer for the source APIs (Auth0 Management API, Clerk Backend API): JSON over
// Node's fetch, one request at a time, with the sources' rate limits honoured. Auth0 sends
// X-RateLimit-Limit/Remaining/Reset (Reset in epoch seconds) on every answer and 429 when a
// bucket is empty; Clerk sends 429 with Retry-After (seconds). We wait as told, never guess
// lower, and retry transient failures (5xx, network) with capped, jittered exponential backoff.

export interface SourceRequestCounts {
  requests: number;
  rateLimited: number;
  retried: number;
}

export interface SourceApiOptions {
  /** Base URL without a trailing slash, e.g. https://tenant.eu.auth0.com or https://api.clerk.com. */
  baseUrl: string;
  /** Names the API in messages: "Auth0 Management API". */
  label: string;
  /** The bearer token for a request; `refresh` asks for a new one after a 401. */
  token?: (refresh: boolean) => Promise<string>;
  /** Give up after this many attempts of one request (429s included). Default 12. */
  maxAttempts?: number;
  /** Longest single wait, whatever the server says. Default 60 s. */
  maxWaitMs?: number;
  signal?: AbortSignal;
  /** For tests: how to wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For tests: the backoff's jitter, from 0 to 1. */
  random?: () => number;
}

export class SourceApiError extends UsageError {
  override name = 'SourceApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The run was stopped (Ctrl-C, SIGTERM); what is done is in the checkpoint. */
export class ExportInterrupted extends Error {
  override name = 'ExportInterrupted';
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Statuses the caller handles itself (returned, not thrown), e.g. 404 for a job that expired. */
  accept?: number[];
  /** Send no Authorization header (a presigned download link). */
  anonymous?: boolean;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

const TRANSIENT = new Set([408, 500, 502, 503, 504]);

export class SourceApi {
  readonly counts: SourceRequestCounts = { requests: 0, rateLimited: 0, retried: 0 };
  /** When the last answer said the bucket is empty: wait until then before the next request. */
  private notBefore = 0;

  constructor(private readonly options: SourceApiOptions) {}

  async json<T>(path: string, request: RequestOptions = {}): Promise<ApiAnswer<T>> {
    const response = await this.send(path, request);
    let text: string;
    try {
      text = await response.text();
    } catch {
      if (this.options.signal?.aborted) throw new ExportInterrupted('interrupted');
      throw new SourceApiError(
        `${this.options.label}: the connection broke while reading the answer to ${pathOnly(path)}. ` +
          'Run export again: it resumes where it stopped.',
        0,
      );
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new SourceApiError(
        `${this.options.label} answered ${request.method ?? 'GET'} ${pathOnly(path)} with a body that is not JSON (HTTP ${response.status}).`,
        response.status,
      );
    }
    return { status: response.status, body: body as T };
  }

  /** The raw response, for downloads: the caller streams the body. */
  async raw(url: string, request: RequestOptions = {}): Promise<Response> {
    return this.send(url, request);
  }

  private async send(path: string, request: RequestOptions): Promise<Response> {
    const { label, signal } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 12;
    const method = request.method ?? 'GET';
    const url = this.url(path, request.query);
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new ExportInterrupted('interrupted');
      await this.wait(this.notBefore - Date.now());
      const headers: Record<string, string> = { accept: 'application/json' };
      if (!request.anonymous && this.options.token) headers.authorization = `Bearer ${await this.options.token(false)}`;
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      this.counts.requests++;
      try {
        response = await fetch(url, {
          method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal,
        });
      } catch (error) {
        if (signal?.aborted) throw new ExportInterrupted('interrupted');
        if (attempt >= maxAttempts) {
          throw new SourceApiError(
            `${label} could not be reached at ${new URL(url).origin} (${(error as Error).message}) after ` +
              `${attempt} attempts. Check the URL and the network, then run export again: it resumes.`,
            0,
          );
        }
        this.counts.retried++;
        await this.wait(this.backoff(attempt));
        continue;
      }
      this.noteRateLimit(response.headers);
      if (response.status === 429) {
        this.counts.rateLimited++;
        await response.body?.cancel();
        if (attempt >= maxAttempts)
          throw new SourceApiError(
            `${label} kept answering 429 (rate limited) for ${method} ${pathOnly(path)} after ${attempt} attempts. ` +
              'Run export again later: it resumes where it stopped.',
            429,
          );
        await this.wait(this.retryAfterMs(response.headers) ?? this.backoff(attempt));
        continue;
      }
      if (response.status === 401 && !request.anonymous && this.options.token && !refreshed) {
        // An access token can expire during a long export: get a fresh one once.
        await response.body?.cancel();
        refreshed = true;
        await this.options.token(true);
        continue;
      }
      if (TRANSIENT.has(response.status) && !request.accept?.includes(response.status) && attempt < maxAttempts) {
        await response.body?.cancel();
        this.counts.retried++;
        await this.wait(this.retryAfterMs(response.headers) ?? this.backoff(attempt));
        continue;
      }
      if (response.ok || request.accept?.includes(response.status)) return response;
      const detail = await errorDetail(response);
      await response.body?.cancel().catch(() => undefined);
      throw new SourceApiError(explain(label, response.status, `${method} ${pathOnly(path)}`, detail), response.status);
    }
  }

  private url(path: string, query: RequestOptions['query']): string {
    const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.options.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  /** Retry-After in seconds (or an HTTP date); else X-RateLimit-Reset (epoch seconds). */
  private retryAfterMs(headers: Headers): number | undefined {
    const retryAfter = headers.get('retry-after');
    if (retryAfter !== null) {
      const seconds = Number(retryAfter);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
      if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), this.maxWait());
    }
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (headers.has('x-ratelimit-reset') && Number.isFinite(reset))
      return Math.min(Math.max(reset * 1000 - Date.now(), 0), this.maxWait());
    return undefined;
  }

  /** X-RateLimit-Remaining 0: the next request would be refused, so wait for the reset first. */
  private noteRateLimit(headers: Headers): void {
    if (headers.get('x-ratelimit-remaining') !== '0') return;
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) this.notBefore = Math.min(reset * 1000, Date.now() + this.maxWait());
  }

  /** The wait before retrying after `attempt` when the server names no time: from 0.5 s, doubling. */
  private backoff(attempt: number): number {
    return jitteredBackoff(attempt, { baseBackoffMs: 500, maxBackoffMs: this.maxWait() }, this.options.random);
  }

  private maxWait(): number {
    return this.options.maxWaitMs ?? 60_000;
  }

  private async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    const sleep = this.options.sleep ?? abortableSleep;
    await sleep(ms, this.options.signal);
    if (this.options.signal?.aborted) throw new ExportInterrupted('interrupted');
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A path without its query string: queries can hold checkpoint ids, never needed in messages. */
function pathOnly(path: string): string {
  const withoutQuery = path.split('?')[0] ?? path;
  return /^https?:\/\//.test(withoutQuery) ? new URL(withoutQuery).pathname : withoutQuery;
}

/** The API's own words, from the error shapes Auth0 and Clerk use; never a token. */
async function errorDetail(response: Response): Promise<string> {
  let text: string;
  try {
    text = (await response.text()).slice(0, 2000);
  } catch {
    return '';
  }
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const errors = Array.isArray(body.errors) ? (body.errors as Record<string, unknown>[]) : [];
    const first = errors[0];
    const message = first?.long_message ?? first?.message ?? body.message ?? body.error_description ?? body.error;
    return typeof message === 'string' ? message.slice(0, 300) : '';
  } catch {
    return '';
  }
}

function explain(label: string, status: number, what: string, detail: string): string {
  const said = detail ? `: "${detail}"` : '';
  if (status === 401)
    return `${label} refused the credentials (HTTP 401${said}) for ${what}. Check them, then run export again.`;
  if (status === 403)
    return `${label} refused ${what} (HTTP 403${said}). The credentials lack a permission (scope) this needs; grant it and run export again.`;
  return `${label} answered ${what} with HTTP ${status}${said}. Run export again to resume; if it persists, check the API's status.`;
}
