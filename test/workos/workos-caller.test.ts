import { createServer } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { runWorkQueue } from '../../src/apply/work-queue.js';
import { WorkOSCaller, WorkOSCallError, WorkOSUnreachableError } from '../../src/workos/workos-caller.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { createWorkOS } from '../../src/workos/client.js';
import { PacedTransport } from '../../src/workos/paced-fetch.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** A caller at `rate` user-management writes and reads a second (WorkOS's 10 s window). */
function callerFor(apiUrl: string, rate = 200): WorkOSCaller {
  const perTenSeconds = { requests: rate * 10, windowMs: 10_000 };
  const transport = new PacedTransport({
    userManagementWrites: perTenSeconds,
    userManagementReads: perTenSeconds,
    general: perTenSeconds,
  });
  return new WorkOSCaller(transport, undefined, { apiUrl });
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function settle<T>(promises: Promise<T>[]) {
  return Promise.allSettled(promises).then((all) =>
    all.map((r) => (r.status === 'rejected' ? (r.reason as Error) : r.value)),
  );
}

describe('WorkOSCaller circuit breaker', () => {
  it('stops every pending and later call within seconds when nothing listens at the API URL', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}`;
    const workos = createWorkOS({ apiKey: 'sk_test_breaker', apiUrl });
    const caller = callerFor(apiUrl);
    const started = Date.now();
    const calls = Array.from({ length: 8 }, (_, i) => caller.read(() => workos.userManagement.getUser(`user_${i}`)));
    const errors = await settle(calls);
    const seconds = (Date.now() - started) / 1000;

    expect(seconds).toBeLessThan(6);
    for (const error of errors) {
      expect(error).toBeInstanceOf(WorkOSUnreachableError);
      expect((error as Error).message).toMatch(
        new RegExp(`^WorkOS at ${apiUrl} cannot be reached: connection refused \\(ECONNREFUSED\\)`),
      );
    }
    // Later calls do not even try.
    await expect(
      caller.create(() => workos.userManagement.createUser({ email: 'x@example.com' })),
    ).rejects.toBeInstanceOf(WorkOSUnreachableError);
  });

  it('stops the work queue (exit 2 path) when the stand-in answers only 5xx', async () => {
    emulator = await startEmulator();
    emulator.setFaults({ serverErrorRate: 1 });
    const workos = createWorkOS({ apiKey: 'sk_test_breaker', apiUrl: emulator.url });
    const caller = callerFor(emulator.url);
    const started = Date.now();
    const run = runWorkQueue(
      Array.from({ length: 200 }, (_, i) => i),
      async (i) => {
        await caller.idempotentWrite(() => workos.userManagement.updateUser({ userId: `user_${i}`, firstName: 'A' }));
      },
      { concurrency: 8 },
    );
    const error = await run.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(WorkOSUnreachableError);
    expect(error!.message).toMatch(
      new RegExp(`^WorkOS at ${emulator.url} cannot be reached: it answered HTTP 50[023] on \\d+ requests in a row`),
    );
    expect((Date.now() - started) / 1000).toBeLessThan(6);
    expect(emulator.stats().faults.serverError).toBeLessThan(100);
  });

  it('rides out a flaky 10 % of 5xx without tripping', async () => {
    emulator = await startEmulator({ seed: 7 });
    emulator.setFaults({ serverErrorRate: 0.1 });
    const workos = createWorkOS({ apiKey: 'sk_test_breaker', apiUrl: emulator.url });
    const caller = callerFor(emulator.url, 400);
    await runWorkQueue(
      Array.from({ length: 150 }, (_, i) => i),
      async (i) => {
        await caller.idempotentWrite(() => workos.organizations.createOrganization({ name: `Org ${i}` }));
      },
      { concurrency: 8 },
    );
    expect(caller.counters.transient).toBeGreaterThan(0);
    expect(emulator.snapshot().organizations.length).toBeGreaterThanOrEqual(150);
  });

  it('never retries or blames WorkOS for an error of our own code', async () => {
    emulator = await startEmulator();
    const caller = callerFor(emulator.url);
    const bug = caller.read(async () => {
      const user = undefined as unknown as { id: string };
      return user.id;
    });
    await expect(bug).rejects.toBeInstanceOf(TypeError);
    await expect(bug).rejects.not.toBeInstanceOf(WorkOSCallError);
    expect(caller.counters).toMatchObject({ reads: 1, transient: 0 });
  });
});

describe('WorkOSCaller pacing', () => {
  it('reaches the write rate at 300 ms latency by sizing the records in flight from the latency', async () => {
    emulator = await startEmulator();
    emulator.setFaults({ latencyMs: 300 });
    const caller = callerFor(emulator.url, 40);
    const workos = createWorkOS({ apiKey: 'sk_test_pacing', apiUrl: emulator.url }, caller.transport);
    let running = 0;
    let peak = 0;
    await runWorkQueue(
      Array.from({ length: 100 }, (_, i) => i),
      async (i) => {
        peak = Math.max(peak, ++running);
        await caller.create(() =>
          workos.userManagement.createUser({ email: `p${i}@example.com`, externalId: `p|${i}` }),
        );
        running--;
      },
      { concurrency: 100, inFlight: () => caller.inFlightTarget() },
    );
    const { writes, firstWriteAt, lastWriteAt } = caller.counters;
    const rate = (writes - 1) / ((lastWriteAt! - firstWriteAt!) / 1000);
    expect(rate / 40).toBeGreaterThan(0.93);
    // Little's law: 39.2/s × 0.3 s = 12 in flight; the target adds headroom (× 1.5, + 0.25 s of
    // records), far from the ceiling of 100.
    expect(caller.averageLatencyMs).toBeGreaterThan(250);
    expect(caller.inFlightTarget()).toBeGreaterThanOrEqual(12);
    expect(caller.inFlightTarget()).toBeLessThan(40);
    expect(peak).toBeLessThan(50);
  });
});

describe('WorkOSCaller memory', () => {
  it('keeps nothing of a finished call (a million calls must not pile up until the run ends)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const caller = callerFor('http://127.0.0.1:1', 1_000_000_000);
    const heldAfter = async (calls: number) => {
      for (let i = 0; i < calls; i++) await caller.read(() => Promise.resolve(i));
      // Collection finishes across a few turns of the event loop.
      for (let turn = 0; turn < 3; turn++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      return process.memoryUsage().heapUsed;
    };
    const before = await heldAfter(100);
    const after = await heldAfter(50_000);
    // Each call that left something behind would hold a few hundred bytes: 50,000 of them, megabytes.
    expect(after - before).toBeLessThan(2_000_000);
  });
});
