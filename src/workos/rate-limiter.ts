/**
 * Paces requests to a steady rate for the whole process: every worker waits its turn here.
 *
 * WorkOS counts requests in a sliding 10 s window. Spacing them evenly (no burst by default)
 * keeps any window at `rate × 10` plus jitter, so a rate just under the limit never sees a 429
 * while using nearly all of it. A 429 that gets through anyway (another client on the same
 * environment) makes everyone wait out `Retry-After`; a second one within a window is AIMD's
 * signal: the rate drops by a quarter, then climbs back to the configured rate over one window.
 */
export class RateLimiter {
  private nextSlotAt = 0;
  private pausedUntil = 0;
  /** Bumped by every pause: a slot reserved before it is given up and taken again after it. */
  private pauses = 0;
  /** The rate right after the last slow-down; it grows back from there once the pause ends. */
  private reducedRate: number;
  private lastOverloadAt = -Infinity;
  private readonly burst: number;
  /** When the last `windowCap` requests were actually sent (a ring: `sent[sentIndex]` is the oldest). */
  private readonly sent: number[] = [];
  private sentIndex = 0;
  private readonly windowCap: number;

  /**
   * @param windowMs the server's counting window: besides spacing, never more than `rate × window`
   *   requests are sent in any window, even when the event loop stalls and slots come due at once.
   */
  constructor(
    readonly ratePerSecond: number,
    burst = 1,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 10_000,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('rate must be positive');
    this.burst = Math.max(1, burst);
    this.reducedRate = ratePerSecond;
    this.windowCap = Math.max(this.burst, Math.floor((ratePerSecond * windowMs) / 1000));
  }

  /** Resolves when the caller may send one request. */
  async acquire(): Promise<void> {
    for (;;) {
      const pauses = this.pauses;
      const wait = this.reserve();
      if (wait > 0) await sleep(wait);
      // A 429 seen while we slept: our slot predates it, so wait for one after the pause.
      if (pauses !== this.pauses) continue;
      // Slots that came due together (a stalled event loop, a slow runner) must not burst past
      // the server's window: wait until the request `windowCap` sends ago has left it.
      for (let windowWait = this.windowWait(); windowWait > 0; windowWait = this.windowWait()) await sleep(windowWait);
      if (pauses !== this.pauses) continue;
      this.recordSend();
      return;
    }
  }

  private windowWait(): number {
    if (this.sent.length < this.windowCap) return 0;
    // One millisecond past the window's edge: clocks here and at the server tick in whole ms.
    return Math.max(0, this.sent[this.sentIndex]! + this.windowMs + 1 - this.now());
  }

  private recordSend(): void {
    const now = this.now();
    if (this.sent.length < this.windowCap) this.sent.push(now);
    else {
      this.sent[this.sentIndex] = now;
      this.sentIndex = (this.sentIndex + 1) % this.windowCap;
    }
  }

  /** Takes the next free slot and returns how long until it comes (0: now). */
  reserve(): number {
    const now = this.now();
    const intervalMs = 1000 / this.currentRate(now);
    const burstMs = (this.burst - 1) * intervalMs;
    const earliest = Math.max(now - burstMs, this.pausedUntil, this.nextSlotAt);
    this.nextSlotAt = earliest + intervalMs;
    return Math.max(0, earliest - now);
  }

  /** Everyone waits at least `ms` from now before the next request. */
  pause(ms: number): void {
    const until = this.now() + ms;
    this.pauses++;
    if (until > this.pausedUntil) this.pausedUntil = until;
    if (this.nextSlotAt < until) this.nextSlotAt = until;
  }

  /**
   * A 429: pause for `retryAfterMs`; when 429s recur, go on at a lower rate. The 429s of requests
   * already in flight when the first one came back belong to the same overload: one per pause.
   */
  slowDown(retryAfterMs: number): void {
    const now = this.now();
    // A lone 429 (network jitter bunched a few requests) is only waited out; another one within a
    // window means someone else writes to this environment too: make room for them.
    const again = now - this.lastOverloadAt < this.windowMs;
    if (now >= this.pausedUntil) {
      if (again)
        this.reducedRate = Math.max(this.ratePerSecond * MIN_RATE_SHARE, this.currentRate(now) * DECREASE_FACTOR);
      this.lastOverloadAt = now;
    }
    this.pause(Math.max(retryAfterMs, 1000 / this.ratePerSecond));
  }

  /** Requests per second allowed now: the configured rate, or less while recovering from a 429. */
  currentRate(now = this.now()): number {
    if (this.reducedRate >= this.ratePerSecond) return this.ratePerSecond;
    const recovering = Math.max(0, now - this.pausedUntil) / 1000;
    const rate = this.reducedRate + this.ratePerSecond * RECOVERY_PER_SECOND * recovering;
    if (rate < this.ratePerSecond) return rate;
    this.reducedRate = this.ratePerSecond;
    return this.ratePerSecond;
  }
}

/** Multiplicative decrease on a 429. */
const DECREASE_FACTOR = 0.75;
/** Never below this share of the configured rate, so a run under a noisy neighbour still moves. */
const MIN_RATE_SHARE = 0.1;
/** Additive increase: back from 0.75 to the full rate in 10 s, one WorkOS window. */
const RECOVERY_PER_SECOND = 0.025;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
