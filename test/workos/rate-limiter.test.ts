import { describe, expect, it, vi } from 'vitest';
import { pacingWindow, RateLimiter, WindowPacing } from '../../src/workos/rate-limiter.js';
import { pacingLimits } from '../../src/workos/pacing-defaults.js';

/** When `count` requests go, each as soon as the pacer lets it (the clock jumps `stall` ms once, at `stallAt`). */
function sendTimes(pacing: WindowPacing, count: number, stall = { at: Infinity, ms: 0 }): number[] {
  const times: number[] = [];
  let now = 0;
  let stalled = false;
  for (let i = 0; i < count; i++) {
    now += pacing.delay(now);
    if (!stalled && now >= stall.at) {
      stalled = true;
      now += stall.ms;
    }
    pacing.send(now);
    times.push(now);
  }
  return times;
}

function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('WindowPacing', () => {
  it('spaces requests evenly at 98 % of the limit it is told', () => {
    const times = sendTimes(new WindowPacing({ requests: 100, windowMs: 1000 }), 983);
    expect(times[11]! - times[10]!).toBeCloseTo(1000 / 98, 5);
    // Idle, it lets the two slots of catch-up go at once (see below); then 98 a second.
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    expect(Math.abs(times.at(-1)! - 10_000)).toBeLessThan(50);
    expect(maxInWindow(times, 1000)).toBe(98);
  });

  it('paces a long window second by second when it allows enough a second, else in its own window', () => {
    expect(pacingWindow({ requests: 500, windowMs: 10_000 })).toEqual({ requests: 50, windowMs: 1000 });
    expect(pacingWindow({ requests: 6000, windowMs: 60_000 })).toEqual({ requests: 100, windowMs: 1000 });
    expect(pacingWindow({ requests: 100, windowMs: 1000 })).toEqual({ requests: 100, windowMs: 1000 });
    expect(pacingWindow({ requests: 50, windowMs: 60_000 })).toEqual({ requests: 50, windowMs: 60_000 });
    // 50 per 60 s: 49 of them, 1.22 s apart.
    const times = sendTimes(new WindowPacing({ requests: 50, windowMs: 60_000 }), 6);
    expect(times[5]! - times[4]!).toBeCloseTo(60_000 / 49, 5);
  });

  it('after a stall catches up only the window’s spare share, never past the limit in any window', () => {
    // 500 per 10 s; the event loop blocked for 600 ms at 3 s.
    const times = sendTimes(new WindowPacing({ requests: 500, windowMs: 10_000 }), 1000, { at: 3000, ms: 600 });
    // At once after the stall: the slots of the limit's spare 2 % (200 ms of a 10 s window), not all 30 missed.
    const burst = times.filter((t) => t === times.find((u) => u >= 3600)).length;
    expect(burst).toBe(10);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(49);
    expect(maxInWindow(times, 10_000)).toBeLessThanOrEqual(490);
  });

  it('answers a lone 429 with a small cut and a pause of two slots, not Retry-After, and climbs back within a fifth of a window', () => {
    const pacing = new WindowPacing({ requests: 100, windowMs: 1000 });
    sendTimes(pacing, 50);
    const now = 600;
    pacing.rateLimited(now, 590, 1000);
    expect(pacing.ratePerSecond(now)).toBeCloseTo(98 * 0.95, 5);
    expect(pacing.delay(now)).toBeGreaterThan(15);
    expect(pacing.delay(now)).toBeLessThan(25);
    expect(pacing.ratePerSecond(now + 21 + 100)).toBeGreaterThan(98 * 0.97);
    // Where the climb ends is half a percent lower for a while (requests bunch here), …
    expect(pacing.ratePerSecond(now + 21 + 200)).toBeCloseTo(98 * 0.995, 1);
    // …back to the full rate after 10 windows without a 429.
    expect(pacing.ratePerSecond(now + 10_000)).toBe(98);
  });

  it('takes the 429s of requests sent before the cut as the same overload', () => {
    const pacing = new WindowPacing({ requests: 100, windowMs: 1000 });
    pacing.rateLimited(1000, 990, 1000);
    for (const sentAt of [991, 992, 995]) pacing.rateLimited(1005, sentAt, 1000);
    expect(pacing.ratePerSecond(1005)).toBeCloseTo(98 * 0.95, 5);
  });

  it('when 429s keep coming, a window apart or less (someone else uses the bucket): a bigger cut, and Retry-After is waited out', () => {
    const pacing = new WindowPacing({ requests: 1000, windowMs: 10_000 });
    pacing.rateLimited(1000, 990, 1000);
    // A second one soon after: still a small cut, two slots' pause.
    pacing.rateLimited(1300, 1250, 1000);
    expect(pacing.delay(1300)).toBeLessThan(25);
    const before = pacing.ratePerSecond(1700);
    // The third in a row.
    pacing.rateLimited(1700, 1650, 2000);
    expect(pacing.ratePerSecond(1700)).toBeCloseTo(before * 0.8, 5);
    expect(pacing.delay(1700)).toBe(2000);
    // Back within a window of the pause's end (the ceiling 1.5 % lower after three 429s).
    expect(pacing.ratePerSecond(3700 + 1000)).toBeCloseTo(98 * 0.985, 0);
  });

  it('however many 429s, climbs back to at least 95 % of the limit', () => {
    const pacing = new WindowPacing({ requests: 100, windowMs: 1000 });
    for (let i = 0; i < 40; i++) pacing.rateLimited(i * 2000, i * 2000, 1000);
    expect(pacing.ratePerSecond(80_000 + 5000)).toBeGreaterThanOrEqual(95);
    expect(pacing.ratePerSecond(80_000 + 5000)).toBeLessThan(96);
  });

  it('never drops below a tenth of the limit', () => {
    const pacing = new WindowPacing({ requests: 100, windowMs: 1000 });
    for (let i = 0; i < 40; i++) pacing.rateLimited(i * 100, i * 100, 0);
    expect(pacing.ratePerSecond(4000)).toBeGreaterThanOrEqual(9.8 - 1e-9);
  });
});

describe('RateLimiter (one bucket for the whole process)', () => {
  it('lets waiters go in the order they came, at the pacing’s times, even when the event loop stalls', async () => {
    // Fake timers: the clock moves only when the test moves it, so the sends are counted at the
    // moments the limiter grants them, however busy the machine running the suite is.
    vi.useFakeTimers();
    try {
      const limiter = new RateLimiter({ requests: 100, windowMs: 1000 });
      const sent: number[] = [];
      const order: number[] = [];
      const workers = Array.from({ length: 40 }, async (_, w) => {
        for (let i = 0; i < 5; i++) {
          sent.push(await limiter.acquire());
          order.push(w);
        }
      });
      // The event loop is blocked while slots come due (a slow runner, a long GC).
      await vi.advanceTimersByTimeAsync(100);
      vi.setSystemTime(Date.now() + 400);
      await vi.runAllTimersAsync();
      await Promise.all(workers);
      expect(sent).toHaveLength(200);
      expect(order.slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, w) => w));
      expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(98);
      // …and the rate is kept: 200 at 98/s take about 2 s, the stall included.
      expect(sent.at(-1)! - sent[0]!).toBeLessThan(2600);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closing it fails every waiter and every later request', async () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 60_000 });
    await limiter.acquire();
    const waiting = limiter.acquire();
    limiter.close(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    await expect(limiter.acquire()).rejects.toThrow('gone');
  });
});

describe('pacingLimits (the settings)', () => {
  it('reads --rate-limit and --read-rate-limit as limits per second, counted per second from 50 a second', () => {
    expect(pacingLimits({})).toEqual({
      userManagementWrites: { requests: 50, windowMs: 1000 },
      userManagementReads: { requests: 100, windowMs: 1000 },
    });
    expect(pacingLimits({ rateLimit: 100, readRateLimit: 10 })).toEqual({
      userManagementWrites: { requests: 100, windowMs: 1000 },
      userManagementReads: { requests: 100, windowMs: 10_000 },
    });
    // 10 a second is paced at 9.8, not rounded down to 9.
    expect(new WindowPacing({ requests: 100, windowMs: 10_000 }).ratePerSecond(0)).toBeCloseTo(9.8, 5);
  });
});
