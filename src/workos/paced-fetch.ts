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
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.send(input, { ...init, signal });
    } catch (error) {
      if (timeout.aborted) throw new RequestTimeoutError(timeoutMs);
      throw error;
    }
    const sample = this.now() - sentAt;
    this.latency += (sample - this.latency) * (sample > this.latency ? LATENCY_RISE : LATENCY_FALL);
    if (response.status === 429) {
      this.rateLimitedAnswers++;
      limiter.rateLimited(sentAt, retryAfterMs(response.headers.get('Retry-After'), this.now()));
    }
    return response;
  }
}

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
