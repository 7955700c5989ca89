import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/apply/rate-limiter.js';
import { jitteredBackoff } from '../../src/apply/workos-caller.js';

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

describe('jitteredBackoff', () => {
  it('grows with the attempt and stays under the cap', () => {
    const policy = { maxTransientAttempts: 6, maxRateLimitedAttempts: 30, baseBackoffMs: 100, maxBackoffMs: 1000 };
    expect(jitteredBackoff(1, policy, () => 1)).toBe(100);
    expect(jitteredBackoff(3, policy, () => 1)).toBe(400);
    expect(jitteredBackoff(10, policy, () => 1)).toBe(1000);
    expect(jitteredBackoff(10, policy, () => 0)).toBe(0);
  });
});
