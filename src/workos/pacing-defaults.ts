import { WORKOS_BUCKET_LIMITS } from './buckets.js';
import type { BucketLimits } from './paced-fetch.js';

/**
 * How fast the engine talks to WorkOS when no flag says otherwise: at WorkOS's documented limits.
 *
 * The settings name a limit, not a pace: each bucket's pacer schedules just under the limit it
 * is told (98 %, spaced evenly), so 50 writes/s sends 49 a second, 490 of the 500 a 10 s window
 * allows; the rest absorbs requests bunched on their way. A second client on the same
 * environment is shared with, not fought: a 429 slows the bucket a little and it climbs back
 * within a window.
 *
 * Only the user-management buckets have settings (`--rate-limit`, `--read-rate-limit`); the
 * per-key bucket (organizations, roles, connections) and organization deletes run at WorkOS's
 * documented limits.
 *
 * `concurrency` is only a ceiling: the requests in flight are sized from the measured latency
 * (Little's law), so the limit is reached from 20 ms to 1 s per request.
 */
export const DEFAULT_PACING = {
  /** User-management writes per second (`--rate-limit`): WorkOS's 500 per 10 s. */
  rateLimit: 50,
  /** User-management reads per second (`--read-rate-limit`): WorkOS's 1,000 per 10 s. */
  readRateLimit: 100,
  /** The most records in flight at once (`--concurrency`): a ceiling, not the pace. */
  concurrency: 100,
} as const;

/** WorkOS's documented user-management limits, per environment (WorkOS docs, "Rate limits"). */
export const WORKOS_LIMITS = {
  writes: WORKOS_BUCKET_LIMITS.userManagementWrites,
  reads: WORKOS_BUCKET_LIMITS.userManagementReads,
} as const;

/**
 * The buckets' limits from the settings: writes and reads per second, counted per second. The
 * same rate as WorkOS's 10 s window, paced so that every second of it holds its share too: a
 * server counting in shorter windows (the stand-in in tests: 100 per 1 s) sees no burst either,
 * and a stall's backlog is caught up by no more than a second's spare 2 %.
 */
export function pacingLimits(settings: { rateLimit?: number; readRateLimit?: number }): Partial<BucketLimits> {
  // Below 50 a second, whole requests a second round off too much (9 of 10 is 0.9): WorkOS's 10 s.
  const perSecond = (requests: number) =>
    requests >= 50 ? { requests, windowMs: 1000 } : { requests: requests * 10, windowMs: 10_000 };
  return {
    userManagementWrites: perSecond(settings.rateLimit ?? DEFAULT_PACING.rateLimit),
    userManagementReads: perSecond(settings.readRateLimit ?? DEFAULT_PACING.readRateLimit),
  };
}
