import { RateLimiter, sleep } from './rate-limiter.js';
import type { CallCounters } from '../model/call-counters.js';
import { classifyWorkOSError, type WorkOSFailure } from '../workos/errors.js';

export interface RetryPolicy {
  /** Attempts for a transient failure (5xx, 408, reset) before the record counts as failed. */
  maxTransientAttempts: number;
  /** 429s are waited out; this bounds how many in a row one request may see. */
  maxRateLimitedAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTransientAttempts: 6,
  maxRateLimitedAttempts: 30,
  baseBackoffMs: 250,
  maxBackoffMs: 20_000,
};

/** A failure the engine gives up on: the record is reported as failed with this code. */
export class WorkOSCallError extends Error {
  constructor(readonly failure: WorkOSFailure) {
    super('message' in failure ? failure.message : failure.kind);
  }
}

/**
 * A write that got no clear answer: it may have been carried out. The caller must look up
 * before writing again (DESIGN §3), so this is never retried blindly here.
 */
export class AmbiguousWriteError extends Error {
  constructor(readonly failure: WorkOSFailure) {
    super(`no clear answer from WorkOS (${'message' in failure ? failure.message : failure.kind})`);
  }
}

export type { CallCounters } from '../model/call-counters.js';

/**
 * Every request to WorkOS goes through here: paced by one limiter for writes and one for
 * reads, 429s paused for everyone, transient failures retried with jittered backoff where
 * repeating the request is safe.
 */
export class WorkOSCaller {
  readonly counters: CallCounters = { reads: 0, writes: 0, rateLimited: 0, transient: 0 };

  constructor(
    private readonly writeLimiter: RateLimiter,
    private readonly readLimiter: RateLimiter,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  read<T>(request: () => Promise<T>): Promise<T> {
    return this.send(this.readLimiter, 'reads', request, true);
  }

  /** A write that is safe to repeat (PUT, DELETE). */
  idempotentWrite<T>(request: () => Promise<T>): Promise<T> {
    return this.send(this.writeLimiter, 'writes', request, true);
  }

  /** A create: a transient failure becomes an AmbiguousWriteError for the caller to resolve. */
  create<T>(request: () => Promise<T>): Promise<T> {
    return this.send(this.writeLimiter, 'writes', request, false);
  }

  /** Backoff before the caller's own retry after an ambiguous write. */
  backoff(attempt: number): Promise<void> {
    return sleep(jitteredBackoff(attempt, this.policy));
  }

  get maxTransientAttempts(): number {
    return this.policy.maxTransientAttempts;
  }

  private async send<T>(limiter: RateLimiter, counter: 'reads' | 'writes', request: () => Promise<T>, repeatable: boolean): Promise<T> {
    let transientAttempts = 0;
    let rateLimitedAttempts = 0;
    for (;;) {
      await limiter.acquire();
      this.counters[counter]++;
      if (counter === 'writes') {
        this.counters.lastWriteAt = Date.now();
        this.counters.firstWriteAt ??= this.counters.lastWriteAt;
      }
      try {
        return await request();
      } catch (error) {
        const failure = classifyWorkOSError(error);
        if (failure.kind === 'rate_limited') {
          this.counters.rateLimited++;
          // A 429 means the request was not carried out, so repeating it is always safe.
          this.writeLimiter.pause(failure.retryAfterMs);
          this.readLimiter.pause(failure.retryAfterMs);
          if (++rateLimitedAttempts >= this.policy.maxRateLimitedAttempts) throw new WorkOSCallError(failure);
          continue;
        }
        if (failure.kind === 'transient') {
          this.counters.transient++;
          if (!repeatable) throw new AmbiguousWriteError(failure);
          if (++transientAttempts >= this.policy.maxTransientAttempts) throw new WorkOSCallError(failure);
          await sleep(jitteredBackoff(transientAttempts, this.policy));
          continue;
        }
        throw new WorkOSCallError(failure);
      }
    }
  }
}

/** "Full jitter" exponential backoff: spreads retries so workers do not come back in step. */
export function jitteredBackoff(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}
