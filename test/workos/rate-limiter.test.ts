import { describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../src/workos/rate-limiter.js';
import { jitteredBackoff } from '../../src/workos/workos-caller.js';

/** When each of `count` callers, arriving every `arrivalMs`, may send. */
function grantTimes(limiter: RateLimiter, clock: { now: number }, count: number, arrivalMs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    times.push(clock.now + limiter.reserve());
    clock.now += arrivalMs;
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

describe('RateLimiter', () => {
  it('keeps any 10 s window within the WorkOS limit when callers come far faster than the rate', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(49, 5, () => clock.now);
    const times = grantTimes(limiter, clock, 2000, 1);
    expect(maxInWindow(times, 10_000)).toBeLessThanOrEqual(500);
    // …and uses nearly all of it: 2000 requests at 49/s take about 41 s.
    expect(times.at(-1)! / 1000).toBeCloseTo(2000 / 49, 0);
  });

  it('lets a burst through at once when idle', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(10, 3, () => clock.now);
    clock.now = 60_000;
    expect([limiter.reserve(), limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 0, 0, 100]);
  });

  it('pauses everyone for Retry-After after a 429', () => {
    const clock = { now: 1000 };
    const limiter = new RateLimiter(10, 1, () => clock.now);
    limiter.pause(3000);
    expect(limiter.reserve()).toBe(3000);
    expect(limiter.reserve()).toBe(3100);
  });
});

describe('RateLimiter under a 429 (AIMD)', () => {
  it('spaces requests evenly by default: no burst even after an idle spell', () => {
    const clock = { now: 60_000 };
    const limiter = new RateLimiter(50, undefined, () => clock.now);
    expect([limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 20, 40]);
  });

  it('waits out a lone 429 at full rate; when 429s recur within a window, slows by a quarter, then climbs back', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(48, undefined, () => clock.now);
    limiter.slowDown(2000);
    expect(limiter.reserve()).toBe(2000);
    expect(limiter.currentRate()).toBe(48);
    // Another client on the environment: 429s again soon after the pause.
    clock.now = 2500;
    limiter.slowDown(1000);
    // Requests already in flight come back 429 too: still one decrease.
    limiter.slowDown(1000);
    limiter.slowDown(1000);
    expect(limiter.currentRate()).toBeCloseTo(36, 5);
    clock.now = 3500 + 5000;
    expect(limiter.currentRate()).toBeCloseTo(42, 5);
    clock.now = 3500 + 10_000;
    expect(limiter.currentRate()).toBe(48);
    // Long after: a lone 429 again.
    clock.now = 60_000;
    limiter.slowDown(1000);
    expect(limiter.currentRate()).toBe(48);
  });

  it('never drops below a tenth of the configured rate', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(40, undefined, () => clock.now);
    for (let i = 0; i < 20; i++) {
      limiter.slowDown(100);
      clock.now += 100;
    }
    expect(limiter.currentRate()).toBeGreaterThanOrEqual(4);
  });

  it('makes a worker that reserved a slot before a 429 wait until after Retry-After', async () => {
    const limiter = new RateLimiter(10);
    await limiter.acquire();
    const started = Date.now();
    const waiting = limiter.acquire(); // holds the slot 100 ms from now
    limiter.slowDown(300);
    await waiting;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('RateLimiter after a stall', () => {
  it('never sends more than rate × window in any window, even when slots come due at once', async () => {
    // Fake timers: the clock moves only when the test moves it, so the sends are counted at the
    // moments the limiter grants them, however busy the machine running the suite is.
    vi.useFakeTimers();
    try {
      // 100/s with a 300 ms window: at most 30 sends in any 300 ms.
      const limiter = new RateLimiter(100, undefined, () => Date.now(), 300);
      const sent: number[] = [];
      const workers = Array.from({ length: 40 }, async () => {
        for (let i = 0; i < 3; i++) {
          await limiter.acquire();
          sent.push(Date.now());
        }
      });
      // The event loop is blocked while 40 slots come due (a slow runner, a long GC): the clock
      // moves 250 ms and no timer fires until it is free again.
      await vi.advanceTimersByTimeAsync(0);
      vi.setSystemTime(Date.now() + 250);
      await vi.runAllTimersAsync();
      await Promise.all(workers);
      sent.sort((a, b) => a - b);
      expect(sent).toHaveLength(120);
      expect(maxInWindow(sent, 300)).toBeLessThanOrEqual(30);
      // …and the rate is kept: 120 at 100/s take about 1.2 s, the stall included.
      expect(sent.at(-1)! - sent[0]!).toBeLessThan(1700);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('jitteredBackoff', () => {
  it('grows with the attempt and stays under the cap', () => {
    const policy = { maxTransientAttempts: 6, maxRateLimitedAttempts: 30, baseBackoffMs: 100, maxBackoffMs: 1000 };
    expect(jitteredBackoff(1, policy, () => 1)).toBe(100);
    expect(jitteredBackoff(3, policy, () => 1)).toBe(400);
    expect(jitteredBackoff(10, policy, () => 1)).toBe(1000);
    expect(jitteredBackoff(10, policy, () => 0)).toBe(0);
  });
});
