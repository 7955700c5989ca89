import { describe, expect, it } from 'vitest';
import { jitteredBackoff } from '../../src/model/backoff.js';

describe('jitteredBackoff', () => {
  const backoff = { baseBackoffMs: 100, maxBackoffMs: 1000 };

  it('grows with the attempt and stays under the cap', () => {
    expect(jitteredBackoff(1, backoff, () => 1)).toBe(100);
    expect(jitteredBackoff(3, backoff, () => 1)).toBe(400);
    expect(jitteredBackoff(10, backoff, () => 1)).toBe(1000);
    expect(jitteredBackoff(10, backoff, () => 0)).toBe(0);
  });

  it('waits a random part of the ceiling, so clients that failed together spread out', () => {
    expect(jitteredBackoff(2, backoff, () => 0.25)).toBe(50);
    const waits = new Set(Array.from({ length: 50 }, () => jitteredBackoff(4, backoff)));
    expect(waits.size).toBeGreaterThan(1);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(0);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(800);
  });
});
