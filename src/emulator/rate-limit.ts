export interface WindowLimit {
  requests: number;
  windowMs: number;
}

/**
 * WorkOS's limit shape: at most `requests` in any `windowMs` (a sliding window, e.g. 500 writes
 * per 10 s). Admitted requests are remembered by arrival time; refused ones do not count.
 */
export class SlidingWindowLimiter {
  // A queue of arrival times: `times[head..]` are inside the window.
  private times: number[] = [];
  private head = 0;

  constructor(
    readonly limit: WindowLimit,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit.requests >= 1) || !(limit.windowMs > 0))
      throw new RangeError('a window limit needs requests >= 1 and windowMs > 0');
  }

  /** Admits the request (0) or says how many whole seconds until one would be admitted (>= 1). */
  take(): number {
    const now = this.now();
    const windowStart = now - this.limit.windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= windowStart) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    if (this.times.length - this.head < this.limit.requests) {
      this.times.push(now);
      return 0;
    }
    const oldest = this.times[this.head]!;
    return Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000));
  }

  reset(): void {
    this.times = [];
    this.head = 0;
  }
}
