import { jitteredBackoff } from '../model/backoff.js';
import type { CallCounters } from '../model/call-counters.js';
import { UsageError } from '../model/types.js';
import { classifyWorkOSError, type WorkOSFailure } from './errors.js';
import { PacedTransport } from './paced-fetch.js';
import { sleep } from './rate-limiter.js';

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

/**
 * When WorkOS counts as unreachable: this many failures in a row (no answer, or a 5xx), with no
 * answer of any other kind between them, over at least `minSpanMs`. A flaky 10 % of 5xx never
 * gets there (a success resets the count); a closed port or a dead host does within seconds.
 */
export interface CircuitBreakerPolicy {
  consecutiveFailures: number;
  minSpanMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerPolicy = { consecutiveFailures: 5, minSpanMs: 1500 };

export interface WorkOSCallerOptions {
  /** The API's base URL, named in the unreachable error. */
  apiUrl?: string;
  breaker?: CircuitBreakerPolicy;
  /** Milliseconds per request assumed before any is measured (sizes the first requests in flight). */
  initialLatencyMs?: number;
}

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

/**
 * WorkOS stopped answering (refused, reset, DNS, or only 5xx): the run stops with exit 2 (a
 * UsageError, in every mode) instead of failing every record one by one. Thrown from every
 * pending and every later call of the caller; the work queue stops taking records on it.
 */
export class WorkOSUnreachableError extends UsageError {
  override name = 'WorkOSUnreachableError';

  constructor(
    readonly apiUrl: string | undefined,
    readonly reason: string,
  ) {
    super(
      `WorkOS at ${apiUrl ?? 'the configured API URL'} cannot be reached: ${reason}. ` +
        'Check the API URL (--api-url, WORKOS_API_URL) and the network, then run again: the checkpoint keeps what was written.',
    );
  }
}

/** Extra room over Little's law: latency varies, and a record may wait on a read before its write. */
const IN_FLIGHT_HEADROOM = 1.5;
/**
 * Records' worth of this many seconds at the write rate, on top: time a record spends outside a
 * request (timers firing late, a busy runner, the journal) would otherwise leave slots unused.
 */
const IN_FLIGHT_SPARE_SECONDS = 0.25;
/**
 * Every call to WorkOS goes through here: each of its requests paced by its bucket's pacer (the
 * transport under the SDK, `createWorkOS(target, caller.transport)`), a 429 waited out there and
 * the call repeated, transient failures retried with jittered backoff where repeating the request
 * is safe, and a circuit breaker that stops the run when WorkOS is gone.
 */
export class WorkOSCaller {
  readonly counters: CallCounters = { reads: 0, writes: 0, rateLimited: 0, transient: 0 };
  readonly transport: PacedTransport;
  private failureStreak = 0;
  private failureStreakSince = 0;
  private unreachable?: WorkOSUnreachableError;
  /**
   * Whoever waits now, told if WorkOS becomes unreachable. Not a race against one promise that
   * never settles: each race would leave its reaction on it for good (a million requests, a
   * million closures and promises held to the end of the run).
   */
  private readonly waiting = new Set<(error: WorkOSUnreachableError) => void>();
  private readonly options: WorkOSCallerOptions;

  /** @param transport the paced HTTP layer the SDK client sends through (one per process). */
  constructor(
    transport: PacedTransport = new PacedTransport(),
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    options: WorkOSCallerOptions = {},
  ) {
    this.options = options;
    this.transport = transport;
    if (options.initialLatencyMs !== undefined) transport.latencyMs = options.initialLatencyMs;
  }

  read<T>(request: () => Promise<T>): Promise<T> {
    return this.send('reads', request, true);
  }

  /** A write that is safe to repeat (PUT, DELETE). */
  idempotentWrite<T>(request: () => Promise<T>): Promise<T> {
    return this.send('writes', request, true);
  }

  /** A create: a transient failure becomes an AmbiguousWriteError for the caller to resolve. */
  create<T>(request: () => Promise<T>): Promise<T> {
    return this.send('writes', request, false);
  }

  /** Backoff before the caller's own retry after an ambiguous write. */
  backoff(attempt: number): Promise<void> {
    return this.wait(sleep(jitteredBackoff(attempt, this.policy)));
  }

  get maxTransientAttempts(): number {
    return this.policy.maxTransientAttempts;
  }

  /** Estimate of the time a request takes once sent (the limiter's wait not included): quick to rise, slow to fall. */
  get averageLatencyMs(): number {
    return this.transport.latencyMs;
  }

  /**
   * How many records should be in flight to keep the bucket being written busy (Little's law:
   * rate × time per record, with headroom). A record takes one write and its share of the reads.
   * Pass it to the work queue as `StageLimits.inFlight`; `--concurrency` caps it.
   */
  inFlightTarget(): number {
    const { reads, writes } = this.counters;
    const requestsPerWrite = 1 + Math.min(3, writes > 0 ? reads / writes : 0);
    const secondsPerRecord =
      (this.transport.latencyMs / 1000) * requestsPerWrite * IN_FLIGHT_HEADROOM + IN_FLIGHT_SPARE_SECONDS;
    return Math.ceil(this.transport.writeRate() * secondsPerRecord) + 1;
  }

  private async send<T>(counter: 'reads' | 'writes', request: () => Promise<T>, repeatable: boolean): Promise<T> {
    let transientAttempts = 0;
    let rateLimitedAttempts = 0;
    for (;;) {
      if (this.unreachable) throw this.unreachable;
      const pacedBefore = this.transport.rateLimitedAnswers;
      try {
        // The request waits for its slot inside (the transport), so it is counted when it returns.
        const result = await this.wait(request());
        this.sent(counter);
        this.answered();
        return result;
      } catch (error) {
        if (this.unreachable) throw this.unreachable;
        this.sent(counter);
        const failure = classifyWorkOSError(error);
        if (failure.kind === 'internal') throw error;
        if (failure.kind === 'transient') this.failed(failure);
        else this.answered();
        if (failure.kind === 'rate_limited') {
          this.counters.rateLimited++;
          // A 429 means the request was not carried out, so repeating it is always safe. Its
          // bucket's pacer has slowed down and spaces the repeat; a client that does not send
          // through the transport (none in the engine) waits the answer's Retry-After here.
          if (this.transport.rateLimitedAnswers === pacedBefore) await this.wait(sleep(failure.retryAfterMs));
          if (++rateLimitedAttempts >= this.policy.maxRateLimitedAttempts) throw new WorkOSCallError(failure);
          continue;
        }
        if (failure.kind === 'transient') {
          this.counters.transient++;
          if (!repeatable) throw new AmbiguousWriteError(failure);
          if (++transientAttempts >= this.policy.maxTransientAttempts) {
            // Every attempt failed and nothing answered in between, anywhere: not a flaky record.
            if (this.failureStreak >= this.breakerPolicy.consecutiveFailures) this.open(failure);
            throw this.unreachable ?? new WorkOSCallError(failure);
          }
          await this.wait(sleep(jitteredBackoff(transientAttempts, this.policy)));
          continue;
        }
        throw new WorkOSCallError(failure);
      }
    }
  }

  /** Waits for `promise`, or throws at once when the breaker trips meanwhile. */
  private wait<T>(promise: Promise<T>): Promise<T> {
    if (this.unreachable) return Promise.reject(this.unreachable);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      promise.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** WorkOS answered (anything but a 5xx): it is reachable. */
  private answered(): void {
    this.failureStreak = 0;
  }

  private sent(counter: 'reads' | 'writes'): void {
    this.counters[counter]++;
    if (counter === 'writes') {
      const at = Date.now();
      this.counters.lastWriteAt = at;
      this.counters.firstWriteAt ??= at;
    }
  }

  private get breakerPolicy(): CircuitBreakerPolicy {
    return this.options.breaker ?? DEFAULT_CIRCUIT_BREAKER;
  }

  private failed(failure: TransientFailure): void {
    const now = Date.now();
    if (this.failureStreak++ === 0) this.failureStreakSince = now;
    const { consecutiveFailures, minSpanMs } = this.breakerPolicy;
    if (this.failureStreak >= consecutiveFailures && now - this.failureStreakSince >= minSpanMs) this.open(failure);
  }

  /** Trips the breaker: every waiting call and every later one throws WorkOSUnreachableError. */
  private open(failure: TransientFailure): void {
    if (this.unreachable) return;
    const reason = failure.connection ?? (failure.status ? `it answered HTTP ${failure.status}` : failure.message);
    this.unreachable = new WorkOSUnreachableError(
      this.options.apiUrl,
      `${reason} on ${this.failureStreak} requests in a row`,
    );
    // Everyone waiting hears it now (those waiting for a slot too); every later call gets it from `unreachable`.
    for (const reject of this.waiting) reject(this.unreachable);
    this.waiting.clear();
    this.transport.close(this.unreachable);
  }
}

type TransientFailure = Extract<WorkOSFailure, { kind: 'transient' }>;
