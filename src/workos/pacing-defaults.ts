/**
 * How fast the engine talks to WorkOS when no flag says otherwise.
 *
 * WorkOS documents its user-management limits per environment as 500 writes and 1,000 reads
 * per 10 s (a sliding window). The limiter spaces requests evenly, so any 10 s window holds
 * `rate × 10` of them plus whatever timer and network jitter bunches together:
 * - 48 writes/s fills 480 of the 500 a window allows (0.96 of the limit); the 20 left over absorb
 *   400 ms of bunched-up requests (an event-loop stall, a slow network) before a 429.
 * - 95 reads/s fills 950 of the 1,000, the same half second of slack.
 * A second client on the same environment is shared with, not fought: a 429 slows this process
 * down (AIMD) and it climbs back over one window.
 *
 * `concurrency` is only a ceiling: the requests in flight are sized from the measured latency
 * (Little's law), so 48 writes/s are reached from 20 ms to 1 s per request. 100 leaves room for
 * 48/s at 1 s latency with the headroom the sizing adds.
 */
export const DEFAULT_PACING = {
  /** Writes per second for the whole process (`--rate-limit`). */
  rateLimit: 48,
  /** Reads per second for the whole process. */
  readRateLimit: 95,
  /** The most records in flight at once (`--concurrency`): a ceiling, not the pace. */
  concurrency: 100,
} as const;

/** WorkOS's documented user-management limits, per environment (WorkOS docs, "Rate limits"). */
export const WORKOS_LIMITS = {
  writes: { requests: 500, windowMs: 10_000 },
  reads: { requests: 1_000, windowMs: 10_000 },
} as const;
