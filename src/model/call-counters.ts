/** What the run asked of WorkOS: the basis of the report's request figures. */
export interface CallCounters {
  reads: number;
  writes: number;
  rateLimited: number;
  transient: number;
  /** Epoch ms of the first and the last write sent: the span the write rate is measured over. */
  firstWriteAt?: number;
  lastWriteAt?: number;
}

/** A paced, retried read of WorkOS: how `workos/` reads without knowing the executor. */
export type ReadFn = <T>(request: () => Promise<T>) => Promise<T>;
