/** When a run must stop taking new work, so the next run (a cron stage) can go on from here. */
export interface StageLimits {
  concurrency: number;
  /** Records that need a request to WorkOS; records the journal already holds do not count. */
  maxRecords?: number;
  /** Epoch ms after which no new record is started (in-flight ones finish and are journaled). */
  deadline?: number;
  signal?: AbortSignal;
}

export type StopReason = 'max-records' | 'time-budget' | 'cancelled' | 'fatal';

export class FatalRunError extends Error {}

/**
 * Runs `work` over `items` with at most `concurrency` in flight. Items not started when a limit
 * is hit are returned as `notStarted`: they are the run's pending records.
 */
export async function runWorkQueue<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  limits: StageLimits,
): Promise<{ notStarted: T[]; stoppedBy?: StopReason }> {
  let next = 0;
  let stoppedBy: StopReason | undefined;
  let fatal: unknown;

  const mayStart = (): boolean => {
    if (stoppedBy) return false;
    if (limits.signal?.aborted) stoppedBy = 'cancelled';
    else if (limits.maxRecords !== undefined && next >= limits.maxRecords) stoppedBy = 'max-records';
    else if (limits.deadline !== undefined && Date.now() >= limits.deadline) stoppedBy = 'time-budget';
    return !stoppedBy;
  };

  const worker = async (): Promise<void> => {
    while (next < items.length && mayStart()) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        if (error instanceof FatalRunError) {
          stoppedBy = 'fatal';
          fatal ??= error;
          return;
        }
        throw error;
      }
    }
  };

  const workers = Array.from({ length: Math.max(1, Math.min(limits.concurrency, items.length)) }, worker);
  await Promise.all(workers);
  if (fatal) throw fatal;
  return { notStarted: items.slice(next), stoppedBy };
}
