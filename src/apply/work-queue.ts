/** When a run must stop taking new work, so the next run (a cron stage) can go on from here. */
export interface StageLimits {
  /** The most records in flight at once: a ceiling (`--concurrency`); the pace is the limiter's. */
  concurrency: number;
  /**
   * How many records should be in flight now (e.g. `() => caller.inFlightTarget()`), asked again
   * as records finish; capped by `concurrency`. Without it, `concurrency` records are in flight.
   */
  inFlight?: () => number;
  /** Records that need a request to WorkOS; records the journal already holds do not count. */
  maxRecords?: number;
  /** Epoch ms after which no new record is started (in-flight ones finish and are journaled). */
  deadline?: number;
  signal?: AbortSignal;
}

export type StopReason = 'max-records' | 'time-budget' | 'cancelled' | 'fatal';

export class FatalRunError extends Error {}

/**
 * Runs `work` over `items` with as many in flight as `limits` allow. Items not started when a
 * limit is hit are returned as `notStarted`: they are the run's pending records. When `work`
 * throws (a FatalRunError, an unreachable WorkOS, a bug), no record is started after it, the ones
 * in flight finish (their writes reach the journal), and the first error is thrown.
 *
 * Records are taken only when a worker is free, so a record waits in the queue, not inside a
 * request: at a deadline or a cancel, little has been started that still has to finish.
 */
export async function runWorkQueue<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  limits: StageLimits,
): Promise<{ notStarted: T[]; stoppedBy?: StopReason }> {
  let next = 0;
  let stoppedBy: StopReason | undefined;
  let failed = false;
  let fatal: unknown;
  let active = 0;

  const mayStart = (): boolean => {
    if (stoppedBy) return false;
    if (limits.signal?.aborted) stoppedBy = 'cancelled';
    else if (limits.maxRecords !== undefined && next >= limits.maxRecords) stoppedBy = 'max-records';
    else if (limits.deadline !== undefined && Date.now() >= limits.deadline) stoppedBy = 'time-budget';
    return !stoppedBy;
  };

  const target = (): number => {
    const wanted = limits.inFlight ? limits.inFlight() : limits.concurrency;
    return Math.max(1, Math.min(limits.concurrency, Number.isFinite(wanted) ? Math.floor(wanted) : limits.concurrency));
  };

  await new Promise<void>((resolve) => {
    const worker = async (): Promise<void> => {
      // A worker leaves when the target drops below the workers running, to keep it.
      while (next < items.length && active <= target() && mayStart()) {
        const item = items[next++]!;
        await work(item);
        launch();
      }
    };
    const launch = (): void => {
      while (active < target() && next < items.length && !stoppedBy) {
        active++;
        void worker()
          .catch((error: unknown) => {
            stoppedBy = 'fatal';
            if (!failed) {
              failed = true;
              fatal = error;
            }
          })
          .then(() => {
            if (--active === 0) resolve();
            else launch();
          });
      }
    };
    launch();
    if (active === 0) resolve();
  });
  if (failed) throw fatal;
  return { notStarted: items.slice(next), stoppedBy };
}
