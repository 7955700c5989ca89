/** How long a retry may wait when the server names no time: the first ceiling and the largest. */
export interface Backoff {
  baseBackoffMs: number;
  maxBackoffMs: number;
}

/**
 * "Full jitter" exponential backoff: a random wait under a ceiling that doubles with each
 * attempt, so clients that failed together do not come back in step.
 */
export function jitteredBackoff(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxBackoffMs, backoff.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}
