import type { WindowLimit } from './buckets.js';

/**
 * The schedule of one rate-limit bucket, without timers: when the next request may go, what was
 * sent, what a 429 changes. Pure (the clock is passed in), so a simulation can drive it.
 *
 * Requests are spaced evenly at just under the limit (`SHARE` of it), and besides the spacing no
 * window (`pacingWindow`) ever holds more than that share of the limit's requests by our own
 * count: slots that come due together after a stalled event loop are caught up only as far as
 * the spare share covers. Evenly spaced requests fill a sliding window and a fixed one alike, so
 * either model of the server's count sees at most the share; the rest (2 %) absorbs requests
 * bunched on their way. (WorkOS does not say which model it uses; the stand-in's is sliding.)
 *
 * A 429 that gets through anyway is a small cut (5 % of the rate, climbing back within a fifth of
 * a window) and a pause of two slots, not a halving and not a whole Retry-After: the window it
 * overflowed frees a slot at the next spacing. Each 429 also lowers where the climb ends by half
 * a percent (to 97 % of the share at most, back over 429-free windows), so a jittery path gets a
 * little more room. The third 429 in a row, each within a window of the last, means someone else
 * uses the bucket too: a 20 % cut, and Retry-After is waited out. The 429s of requests sent
 * before a cut belong to the overload it answered and change nothing more.
 */
export class WindowPacing {
  /** Requests one window may hold by our count: the share of the limit. */
  readonly budget: number;
  /** Send times of the requests still inside the window, oldest first (a ring of `budget`). */
  private readonly sent: number[] = [];
  private sentHead = 0;
  private nextSlotAt = -Infinity;
  private pausedUntil = -Infinity;
  /** The rate's share after the last cut (1: not cut); it climbs back from `climbFrom`. */
  private cutShare = 1;
  private climbFrom = -Infinity;
  private lastCutAt = -Infinity;
  private ceilingAtCut = 1;
  /** Cuts in a row, each within a window of the one before. */
  private streak = 0;

  /** The window counted in: the limit's, or one second of it (see `pacingWindow`). */
  readonly window: WindowLimit;

  constructor(readonly limit: WindowLimit) {
    if (!(limit.requests > 0) || !(limit.windowMs > 0))
      throw new RangeError('a rate limit needs requests > 0 and a window > 0');
    this.window = pacingWindow(limit);
    this.budget = Math.max(1, Math.floor(this.window.requests * SHARE));
  }

  /** Milliseconds from `now` until the next request may be sent (0: now). */
  delay(now: number): number {
    return Math.max(0, this.nextSlotAt - now, this.pausedUntil - now, this.windowWait(now));
  }

  /** A request goes now: it takes the next slot. */
  send(now: number): void {
    // Timers fire late, and a busy machine stalls: slots missed meanwhile are caught up, but only
    // as many as the limit's spare share covers (2 % of its window, at least two slots), so a
    // stall's backlog is spread out instead of sent at once into a window with no room for it.
    const interval = this.intervalMs(now);
    const catchUpMs = Math.max(CATCH_UP_SLOTS * interval, CATCH_UP_SHARE * this.limit.windowMs);
    this.nextSlotAt = Math.max(this.nextSlotAt, now - catchUpMs) + interval;
    if (this.budget > MAX_COUNTED) return;
    if (this.sent.length < this.budget) this.sent.push(now);
    else {
      this.sent[this.sentHead] = now;
      this.sentHead = (this.sentHead + 1) % this.budget;
    }
  }

  /** WorkOS answered 429 to a request sent at `sentAt`. */
  rateLimited(now: number, sentAt: number, retryAfterMs: number): void {
    if (sentAt < this.lastCutAt) return;
    this.streak = now - this.lastCutAt < this.window.windowMs ? this.streak + 1 : 1;
    const crowded = this.streak >= CROWDED_STREAK;
    // Crowded, the server's window is full of someone else's requests: wait until it says.
    const pause = crowded ? Math.max(retryAfterMs, 0) : PAUSE_SLOTS * this.intervalMs(now);
    this.cutShare = Math.max(MIN_SHARE, this.share(now) * (crowded ? CROWDED_CUT : CUT));
    // Each 429 also lowers where the climb ends a little: requests that bunch on their way (a
    // busy machine, a jittery network) need more room than the 2 % left by default.
    this.ceilingAtCut = Math.max(MIN_CEILING, this.ceiling(now) - CEILING_STEP);
    this.lastCutAt = now;
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    this.climbFrom = this.pausedUntil;
    // Slots handed out before the 429 do not survive it.
    this.nextSlotAt = Math.max(this.nextSlotAt, this.pausedUntil);
  }

  /** Requests per second now: just under the limit, or less while climbing back from a 429. */
  ratePerSecond(now: number): number {
    return (this.budget * this.share(now) * 1000) / this.window.windowMs;
  }

  /** Share of the budget allowed now (1 but for a while after a 429). */
  private share(now: number): number {
    const ceiling = this.ceiling(now);
    if (this.cutShare >= ceiling) return ceiling;
    const climbed = Math.max(0, now - this.climbFrom) / this.window.windowMs;
    return Math.min(ceiling, this.cutShare + CLIMB_PER_WINDOW * climbed);
  }

  /** Where the climb after a 429 ends: a little lower after each, back to 1 over 429-free windows. */
  private ceiling(now: number): number {
    if (this.ceilingAtCut >= 1) return 1;
    const windows = Math.max(0, now - this.lastCutAt) / this.window.windowMs;
    return Math.min(1, this.ceilingAtCut + CEILING_CLIMB_PER_WINDOW * windows);
  }

  private intervalMs(now: number): number {
    return this.window.windowMs / (this.budget * this.share(now));
  }

  /** Until the request `budget` sends ago has left the window (one ms past: clocks tick in whole ms). */
  private windowWait(now: number): number {
    if (this.sent.length < this.budget || this.budget > MAX_COUNTED) return 0;
    return Math.max(0, this.sent[this.sentHead]! + this.window.windowMs + 1 - now);
  }
}

/**
 * The window the pacer counts in. Evenly spaced requests fill a 10 s window and each of its
 * seconds alike, so a limit of 500 per 10 s is paced as 50 per second: the same rate, no burst
 * into a shorter window the server may count in (the stand-in in tests: 100 per 1 s), and the
 * catch-up after a stall stays within a second's spare share. A limit too small for that (50 per
 * 60 s) is paced in its own window.
 */
export function pacingWindow(limit: WindowLimit): WindowLimit {
  if (limit.windowMs <= 1000) return limit;
  const perSecond = (limit.requests * 1000) / limit.windowMs;
  return perSecond >= MIN_REQUESTS_PER_SECOND_WINDOW ? { requests: perSecond, windowMs: 1000 } : limit;
}

/** A second's share is paced on its own from this many requests a second (rounding costs at most 2 %). */
const MIN_REQUESTS_PER_SECOND_WINDOW = 50;
/**
 * Limits above this many requests a window are not WorkOS's (a stand-in raised out of the way):
 * spacing alone paces them, without a log of a million send times.
 */
const MAX_COUNTED = 100_000;
/** Of the limit, what is scheduled: 2 % is left for requests bunched on their way. */
export const SHARE = 0.98;
const CATCH_UP_SLOTS = 2;
const CATCH_UP_SHARE = 1 - SHARE;
/** A 429: the rate drops by 5 % for a moment, after a pause of two slots. */
const CUT = 0.95;
const PAUSE_SLOTS = 2;
/** The third cut in a row, each within a window of the last: someone else uses the bucket too. */
const CROWDED_STREAK = 3;
const CROWDED_CUT = 0.8;
/** Never below this share, so a run under a noisy neighbour still moves. */
const MIN_SHARE = 0.1;
/** Back from a cut within a fifth of a window; from a crowded one within a window. */
const CLIMB_PER_WINDOW = 0.25;
/** Each 429 lowers the ceiling by half a percent, to 97 % of the budget at most (95 % of the limit), … */
const CEILING_STEP = 0.005;
const MIN_CEILING = 0.97;
/** …and 20 windows without one bring it back by a percent. */
const CEILING_CLIMB_PER_WINDOW = 0.0005;

/**
 * One bucket's pacer for the whole process: every request of the bucket waits its turn here, in
 * the order it came. A single timer serves the queue, so the pace holds with any number waiting.
 */
export class RateLimiter {
  readonly pacing: WindowPacing;
  private readonly queue: { resolve: (sentAt: number) => void; reject: (error: Error) => void }[] = [];
  private queueHead = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed: Error | undefined;

  constructor(
    limit: WindowLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.pacing = new WindowPacing(limit);
  }

  /** Resolves, with the time it was let go, when the caller may send one request. */
  acquire(): Promise<number> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      if (this.timer === undefined) this.pump();
    });
  }

  /** WorkOS answered 429 to the request let go at `sentAt`. */
  rateLimited(sentAt: number, retryAfterMs: number): void {
    this.pacing.rateLimited(this.now(), sentAt, retryAfterMs);
  }

  /** Requests per second now. */
  currentRate(): number {
    return this.pacing.ratePerSecond(this.now());
  }

  /** Everyone waiting, and everyone who comes later, gets `error`. */
  close(error: Error): void {
    this.closed = error;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.queue.splice(this.queueHead);
    this.queue.length = 0;
    this.queueHead = 0;
    for (const w of waiting) w.reject(error);
  }

  private pump(): void {
    this.timer = undefined;
    while (this.queueHead < this.queue.length) {
      const now = this.now();
      const wait = this.pacing.delay(now);
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      this.pacing.send(now);
      const next = this.queue[this.queueHead]!;
      this.queue[this.queueHead++] = undefined as never;
      next.resolve(now);
      // A queue that never empties (a long run at the limit) drops what it served now and then.
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue.splice(0, this.queueHead);
        this.queueHead = 0;
      }
    }
    this.queue.length = 0;
    this.queueHead = 0;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
