import { describe, expect, it } from 'vitest';
import { FatalRunError, runWorkQueue } from '../../src/apply/work-queue.js';
import { sleep } from '../../src/workos/rate-limiter.js';

/** Runs `count` items that each take `ms`, and records the most that were in flight at once. */
async function peakInFlight(count: number, ms: number, limits: Parameters<typeof runWorkQueue>[2]) {
  let running = 0;
  let peak = 0;
  const done: number[] = [];
  const result = await runWorkQueue(
    Array.from({ length: count }, (_, i) => i),
    async (i) => {
      peak = Math.max(peak, ++running);
      await sleep(ms);
      running--;
      done.push(i);
    },
    limits,
  );
  return { peak, done, result };
}

describe('runWorkQueue', () => {
  it('keeps as many records in flight as the caller asks for, under the --concurrency ceiling', async () => {
    const sized = await peakInFlight(40, 5, { concurrency: 100, inFlight: () => 6 });
    expect(sized.peak).toBe(6);
    expect(sized.done).toHaveLength(40);
    const capped = await peakInFlight(40, 5, { concurrency: 4, inFlight: () => 50 });
    expect(capped.peak).toBe(4);
  });

  it('follows the target as it changes (the measured latency moves)', async () => {
    let target = 2;
    let running = 0;
    const peaks: number[] = [];
    await runWorkQueue(
      Array.from({ length: 60 }, (_, i) => i),
      async (i) => {
        running++;
        peaks[i] = running;
        if (i === 10) target = 10;
        if (i === 40) target = 3;
        await sleep(5);
        running--;
      },
      { concurrency: 100, inFlight: () => target },
    );
    expect(Math.max(...peaks.slice(0, 10))).toBeLessThanOrEqual(2);
    expect(Math.max(...peaks.slice(15, 40))).toBe(10);
    expect(Math.max(...peaks.slice(55))).toBeLessThanOrEqual(3);
  });

  it('without a target, runs --concurrency records at once as before', async () => {
    const { peak } = await peakInFlight(20, 5, { concurrency: 5 });
    expect(peak).toBe(5);
  });

  it('returns what it did not start when the record limit is reached', async () => {
    const { done, result } = await peakInFlight(10, 1, { concurrency: 3, inFlight: () => 2, maxRecords: 4 });
    expect(done.sort()).toEqual([0, 1, 2, 3]);
    expect(result).toEqual({ notStarted: [4, 5, 6, 7, 8, 9], stoppedBy: 'max-records' });
  });

  it('stops taking records after a fatal error and throws it', async () => {
    const started: number[] = [];
    const run = runWorkQueue(
      Array.from({ length: 50 }, (_, i) => i),
      async (i) => {
        started.push(i);
        await sleep(2);
        if (i === 3) throw new FatalRunError('WorkOS is gone');
      },
      { concurrency: 4 },
    );
    await expect(run).rejects.toThrow('WorkOS is gone');
    expect(started.length).toBeLessThan(10);
  });

  it('lets the records in flight finish (and reach the journal) before it throws', async () => {
    const finished: number[] = [];
    const run = runWorkQueue(
      Array.from({ length: 50 }, (_, i) => i),
      async (i) => {
        if (i === 0) throw new Error('WorkOS at http://127.0.0.1:1 cannot be reached');
        await sleep(20);
        finished.push(i);
      },
      { concurrency: 4 },
    );
    await expect(run).rejects.toThrow('cannot be reached');
    // The three started beside the failing one finished; nothing was started after it.
    expect(finished.sort()).toEqual([1, 2, 3]);
  });
});
