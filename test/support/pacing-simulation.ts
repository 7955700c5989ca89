// A deterministic run of one bucket's pacer against a server window, on a simulated clock: the
// pacer (WindowPacing) lets requests go, each reaches the server half a latency later plus some
// network jitter, the server counts it in its window (the stand-in's own SlidingWindowLimiter, or
// a fixed window) and answers 200 or 429 another half latency later; a 429 goes back to the pacer
// and its request is sent again. The client's event loop stalls now and then, so slots come due
// together. Enough requests wait at all times to keep the pacer busy (an import at full speed).
import { SlidingWindowLimiter } from '../../src/emulator/rate-limit.js';
import type { WindowLimit } from '../../src/workos/buckets.js';
import { WindowPacing } from '../../src/workos/rate-limiter.js';

export interface SimulationSetup {
  /** What the server enforces (and the pacer is told, unless `told` says otherwise). */
  limit: WindowLimit;
  told?: WindowLimit;
  server?: 'sliding' | 'fixed';
  latencyMs: number;
  /** Each request's way to the server takes up to this much longer (uniform). */
  jitterMs?: number;
  /** Every `stallEveryMs` on average the client's event loop is blocked for up to `stallMs`. */
  stallEveryMs?: number;
  stallMs?: number;
  durationMs: number;
  seed?: number;
}

export interface SimulationResult {
  /** Requests the server accepted while the run lasted. */
  accepted: number;
  rateLimited: number;
  /** Accepted over what the limit allows in the run's time. */
  ofLimit: number;
  /** Share of all answers that were 429. */
  share429: number;
}

interface Event {
  at: number;
  kind: 'arrive' | 'answer';
  sentAt: number;
  status?: 200 | 429;
  retryAfterMs?: number;
}

export function simulatePacing(setup: SimulationSetup): SimulationResult {
  const { limit, latencyMs, durationMs } = setup;
  const random = seeded(setup.seed ?? 1);
  let now = 0;
  const pacing = new WindowPacing(setup.told ?? limit);
  const server =
    setup.server === 'fixed' ? new FixedWindow(limit, () => now) : new SlidingWindowLimiter(limit, () => now);
  const events: Event[] = [];
  const schedule = (event: Event) => {
    let i = events.length;
    while (i > 0 && events[i - 1]!.at > event.at) i--;
    events.splice(i, 0, event);
  };
  let stalledUntil = 0;
  let nextStallAt = setup.stallEveryMs ? random() * setup.stallEveryMs * 2 : Infinity;
  let accepted = 0;
  let rateLimited = 0;

  while (now < durationMs) {
    // The next send as the pacer's timer would fire it: late while the event loop is blocked.
    let sendAt = now + pacing.delay(now);
    if (sendAt >= nextStallAt) {
      stalledUntil = nextStallAt + random() * (setup.stallMs ?? 0);
      nextStallAt += (0.5 + random()) * (setup.stallEveryMs ?? Infinity);
    }
    if (sendAt < stalledUntil) sendAt = stalledUntil;
    const event = events[0];
    if (event && event.at <= sendAt) {
      events.shift();
      now = Math.max(now, event.at);
      if (event.kind === 'arrive') {
        const retryAfterSeconds = server.take();
        const answer: Event = { at: now + latencyMs / 2, kind: 'answer', sentAt: event.sentAt, status: 200 };
        if (retryAfterSeconds > 0) Object.assign(answer, { status: 429, retryAfterMs: retryAfterSeconds * 1000 });
        else if (event.sentAt < durationMs) accepted++;
        schedule(answer);
      } else if (event.status === 429) {
        if (event.sentAt < durationMs) rateLimited++;
        // Answers are read by the same event loop: a blocked one reads them late.
        pacing.rateLimited(Math.max(now, stalledUntil), event.sentAt, event.retryAfterMs ?? 1000);
      }
      continue;
    }
    now = sendAt;
    if (now >= durationMs) break;
    pacing.send(now);
    schedule({ at: now + latencyMs / 2 + random() * (setup.jitterMs ?? 0), kind: 'arrive', sentAt: now });
  }
  const allowed = (limit.requests * durationMs) / limit.windowMs;
  return {
    accepted,
    rateLimited,
    ofLimit: accepted / allowed,
    share429: rateLimited / Math.max(1, accepted + rateLimited),
  };
}

/** A server that counts in fixed windows (0–W, W–2W, …), for comparison with the stand-in's sliding one. */
class FixedWindow {
  private windowStart = 0;
  private count = 0;

  constructor(
    private readonly limit: WindowLimit,
    private readonly now: () => number,
  ) {}

  take(): number {
    const now = this.now();
    const start = Math.floor(now / this.limit.windowMs) * this.limit.windowMs;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.count = 0;
    }
    if (this.count < this.limit.requests) {
      this.count++;
      return 0;
    }
    return Math.max(1, Math.ceil((start + this.limit.windowMs - now) / 1000));
  }
}

/** Mulberry32: the same run every time. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
