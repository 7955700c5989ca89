// throughput: the pacer reaches ≥ 0.95 of the limit it is told with < 1 % of requests answered
// 429, at 1 s and 10 s windows and 50–400 ms latency. Measured on a simulated clock (see
// test/support/pacing-simulation.ts): the pacer itself, the stand-in's own sliding window (and a
// fixed one), latency, network jitter and event-loop stalls; no wall clock of the machine running
// the suite. `npm run bench` measures the same through real HTTP against the stand-in.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { WindowLimit } from '../../src/workos/buckets.js';
import { createWorkOS } from '../../src/workos/client.js';
import { PacedTransport } from '../../src/workos/paced-fetch.js';
import { simulatePacing } from '../support/pacing-simulation.js';

const ONE_SECOND: WindowLimit = { requests: 100, windowMs: 1000 };
const TEN_SECONDS: WindowLimit = { requests: 500, windowMs: 10_000 };

describe('throughput at an exact limit (simulated clock)', () => {
  // A busy runner: requests reach the server up to 10 ms apart from when they were sent, and
  // the client's event loop is blocked up to 30 ms about every 2 s.
  const busy = { jitterMs: 10, stallEveryMs: 2000, stallMs: 30 };

  it.each([
    ['1 s', 50, 'sliding', ONE_SECOND],
    ['1 s', 400, 'sliding', ONE_SECOND],
    ['10 s', 50, 'sliding', TEN_SECONDS],
    ['10 s', 400, 'sliding', TEN_SECONDS],
    ['1 s', 400, 'fixed', ONE_SECOND],
    ['10 s', 400, 'fixed', TEN_SECONDS],
    ['60 s (the per-key bucket)', 400, 'sliding', { requests: 6000, windowMs: 60_000 }],
  ] as const)(
    '%s window at %i ms, %s server window: ≥ 0.95 of the limit, < 1 %% answered 429',
    (_, latencyMs, server, limit) => {
      const result = simulatePacing({ limit, latencyMs, server, durationMs: limit.windowMs * 30, ...busy });
      expect(result.ofLimit).toBeGreaterThanOrEqual(0.95);
      expect(result.share429).toBeLessThan(0.01);
    },
  );

  it('a pacer told 1,000 per 10 s holds a server that counts 100 per 1 s (`--rate-limit 100`)', () => {
    const result = simulatePacing({
      limit: ONE_SECOND,
      told: { requests: 1000, windowMs: 10_000 },
      latencyMs: 400,
      durationMs: 30_000,
      ...busy,
    });
    expect(result.ofLimit).toBeGreaterThanOrEqual(0.95);
    expect(result.share429).toBeLessThan(0.01);
  });

  it.each([50, 400])(
    'keeps ≥ 0.95 when requests bunch enough to draw 429s (%i ms): a small cut and a fast climb, not a halving',
    (latencyMs) => {
      const result = simulatePacing({
        limit: ONE_SECOND,
        latencyMs,
        jitterMs: 25,
        stallEveryMs: 1000,
        stallMs: 50,
        durationMs: 30_000,
        seed: 7,
      });
      expect(result.rateLimited).toBeGreaterThan(2);
      expect(result.ofLimit).toBeGreaterThanOrEqual(0.95);
      expect(result.share429).toBeLessThan(0.01);
    },
  );
});

// Through real HTTP the ratio depends on the machine keeping time (a shared 2-core runner does
// not): `npm run bench` measures it. What must hold anywhere: the SDK's requests are paced.
describe('pacing through real HTTP (the stand-in, small scale)', () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('sends user writes at 100 per 1 s window for 3 s without overrunning the window (40 workers would send 800/s unpaced)', async () => {
    emulator = await startEmulator({ writeLimit: ONE_SECOND });
    emulator.setFaults({ latencyMs: 50 });
    const transport = new PacedTransport({ userManagementWrites: ONE_SECOND });
    const workos = createWorkOS({ apiKey: 'sk_test_throughput', apiUrl: emulator.url }, transport);
    const started = Date.now();
    let next = 0;
    // 40 workers keep the pacer busy; each repeats its write after a 429.
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (Date.now() - started < 3000) {
          const i = next++;
          await workos.userManagement
            .updateUser({ userId: `user_missing_${i}`, firstName: 'A' })
            .catch((error: { status?: number }) => {
              if (error.status !== 404 && error.status !== 429) throw error;
            });
        }
      }),
    );
    const stats = emulator.stats();
    const answered = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
    // A stray 429 or two when the machine stalls; unpaced, most answers would be 429.
    expect((stats.byStatus['429'] ?? 0) / answered).toBeLessThan(0.05);
    expect(answered - (stats.byStatus['429'] ?? 0)).toBeGreaterThan(200);
  });
});
