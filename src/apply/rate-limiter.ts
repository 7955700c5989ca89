/**
 * Paces requests to a steady rate for the whole process: every worker waits its turn here.
 *
 * WorkOS counts writes in a 10 s window (DESIGN §3). Spacing requests evenly (a token bucket
 * with a small burst) keeps any window at or under `rate × 10 + burst`, so a rate just under the
 * limit never sees a 429 while still using nearly all of it. A 429 that gets through anyway
 * (another client on the same environment) pauses every worker for the server's `Retry-After`.
 */
export class RateLimiter {
  private nextSlotAt = 0;
  private pausedUntil = 0;
  private readonly intervalMs: number;
  private readonly burstMs: number;

  constructor(
    readonly ratePerSecond: number,
    burst = Math.max(1, Math.floor(ratePerSecond / 10)),
    private readonly now: () => number = Date.now,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('rate must be positive');
    this.intervalMs = 1000 / ratePerSecond;
    this.burstMs = (burst - 1) * this.intervalMs;
  }

  /** Resolves when the caller may send one request. */
  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await sleep(wait);
  }

  /** Takes the next free slot and returns how long until it comes (0: now). */
  reserve(): number {
    const now = this.now();
    const earliest = Math.max(now - this.burstMs, this.pausedUntil, this.nextSlotAt);
    this.nextSlotAt = earliest + this.intervalMs;
    return Math.max(0, earliest - now);
  }

  /** Everyone waits at least `ms` from now before the next request. */
  pause(ms: number): void {
    const until = this.now() + ms;
    if (until > this.pausedUntil) this.pausedUntil = until;
    if (this.nextSlotAt < until) this.nextSlotAt = until;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
