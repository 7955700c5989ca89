import { BUCKETS, type Bucket, bucketOf, WORKOS_BUCKET_LIMITS, type WindowLimit } from './buckets.js';
import { RateLimiter } from './rate-limiter.js';

export type BucketLimits = Record<Bucket, WindowLimit>;

export interface PacedTransportOptions {
  /** Milliseconds per request assumed before any is measured (sizes the first requests in flight). */
  initialLatencyMs?: number;
  /** What actually sends (tests: a fake). */
  send?: typeof fetch;
  now?: () => number;
}

/** Weights of a new latency sample: a slower answer counts at once, a faster one only gradually. */
const LATENCY_RISE = 0.3;
const LATENCY_FALL = 0.05;

/**
 * The HTTP layer under the SDK: every request WorkOS gets waits for its bucket's pacer first
 * (the bucket read off its method and path, so a list that pages through 40 pages is paced
 * page by page), and a 429 slows that bucket alone. One per process: all SDK clients of a run
 * share it. The request's timeout starts when it is sent, not while it waits its turn.
 */
export class PacedTransport {
  readonly limiters: Readonly<Record<Bucket, RateLimiter>>;
  /** 429s that came through here: the caller knows its retry is paced already. */
  rateLimitedAnswers = 0;
  private latency: number;
  private lastWriteBucket: Bucket = 'userManagementWrites';
  private readonly send: typeof fetch;
  private readonly now: () => number;

  constructor(limits: Partial<BucketLimits> = {}, options: PacedTransportOptions = {}) {
    this.now = options.now ?? Date.now;
    this.send = options.send ?? globalThis.fetch;
    this.latency = options.initialLatencyMs ?? 500;
    const limiters = {} as Record<Bucket, RateLimiter>;
    for (const bucket of BUCKETS)
      limiters[bucket] = new RateLimiter(limits[bucket] ?? WORKOS_BUCKET_LIMITS[bucket], this.now);
    this.limiters = limiters;
  }

  /** The `fetch` for the SDK (`fetchFn`); `timeoutMs` counts from the moment a request is sent. */
  fetchFor(timeoutMs: number): typeof fetch {
    return (input, init) => this.paced(input, init, timeoutMs);
  }

  /** Estimate of the time a request takes once sent (its wait for a slot not included). */
  get latencyMs(): number {
    return this.latency;
  }

  set latencyMs(ms: number) {
    this.latency = ms;
  }

  /** Writes per second now in the bucket the last write went to (users, then organizations…). */
  writeRate(): number {
    return this.limiters[this.lastWriteBucket].currentRate();
  }

  /** Every request waiting for a slot, and every later one, fails with `error` (WorkOS is gone). */
  close(error: Error): void {
    for (const bucket of BUCKETS) this.limiters[bucket].close(error);
  }

  private async paced(
    input: string | URL | Request,
    init: RequestInit | undefined,
    timeoutMs: number,
  ): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const bucket = bucketOf(method, url.pathname);
    if (bucket !== 'userManagementReads') this.lastWriteBucket = bucket;
    const limiter = this.limiters[bucket];
    const sentAt = await limiter.acquire();
    const response = await this.sendWithTimeout(input, init, timeoutMs);
    const sample = this.now() - sentAt;
    this.latency += (sample - this.latency) * (sample > this.latency ? LATENCY_RISE : LATENCY_FALL);
    if (response.status === 429) {
      this.rateLimitedAnswers++;
      limiter.rateLimited(sentAt, retryAfterMs(response.headers.get('Retry-After'), this.now()));
    }
    return response;
  }

  /**
   * Sends, and reads the answer's body, within `timeoutMs`; the answer comes back with its body
   * in memory (WorkOS's answers are a page at most). Its timer is cleared as soon as the body is
   * in: at thousands of requests a second, timers left to run out their minute (AbortSignal.timeout)
   * held tens of megabytes of signals, timers and listeners.
   */
  private async sendWithTimeout(
    input: string | URL | Request,
    init: RequestInit | undefined,
    timeoutMs: number,
  ): Promise<Response> {
    // Aborted while it waited for its slot: not sent at all.
    init?.signal?.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new RequestTimeoutError(timeoutMs));
    }, timeoutMs);
    // The caller's own signal (the SDK's) aborts this request too; its listener goes with the request.
    const outer = init?.signal ?? undefined;
    const abortFromOuter = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', abortFromOuter, { once: true });
    try {
      const answer = await this.send(input, { ...init, signal: controller.signal });
      const body = BODILESS_STATUSES.has(answer.status) ? null : await answer.arrayBuffer();
      return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    } catch (error) {
      if (timedOut) throw new RequestTimeoutError(timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abortFromOuter);
    }
  }
}

/** Statuses whose answers have no body (a Response with one refuses to be made). */
const BODILESS_STATUSES = new Set([101, 204, 205, 304]);

/** No answer within the timeout: a 408 like the SDK's own, so it is handled as transient (ambiguous for a create). */
export class RequestTimeoutError extends Error {
  readonly status = 408;

  constructor(timeoutMs: number) {
    super(`Request timeout after ${timeoutMs}ms`);
  }
}

/** `Retry-After` in seconds or as an HTTP date; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header === null || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : 1000;
}
