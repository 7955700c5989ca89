import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The young generation's size past which it stops growing (see keepYoungGenerationSmall). */
const YOUNG_GENERATION_BYTES = 16 * 1024 * 1024;

/**
 * Stops V8's young generation from growing past about 16 MB. By default it grows to tens of
 * megabytes a semi-space while a large export streams through (millions of short-lived
 * objects), and the process then holds about 150 MB of slack: a plan of a million users peaked
 * at 460 MB. Kept at its first size (1 MB) it collects several times as often, and those
 * collections cost seconds of CPU; at 16 MB the plan peaked at about 365 MB and took 12.7 s of
 * CPU against 13.9 s at 1 MB. The growth factor is read whenever the heap would grow, so it
 * can be set to 1 once the size is reached; it is a process-wide flag, so worker threads
 * stop there too. Called once, at start-up, by the entry points.
 */
export function keepYoungGenerationSmall(): void {
  const watch = setInterval(() => {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (young === undefined || young.space_size >= YOUNG_GENERATION_BYTES) {
      setFlagsFromString('--semi-space-growth-factor=1');
      clearInterval(watch);
    }
  }, 10);
  watch.unref();
}

/** How far past what survived its last full collection the old generation may grow (V8's default: about 100 %, more while it allocates fast). */
const OLD_GENERATION_GROWTH_PERCENT = 35;

/**
 * Keeps V8's old generation near what is alive. By default each full collection lets it grow
 * to about twice what survived, and V8 has gigabytes of room on a runner: an import of 20,000
 * users (SDK responses promoted while their requests were in flight) peaked at 407 MB with
 * about 90 MB alive; with the old generation allowed 35 % over what survived, at about 270 MB,
 * for the same CPU time. Read at every collection, so it takes effect at run time; process-wide.
 * Called once, at start-up, by the entry points.
 */
export function keepOldGenerationClose(): void {
  setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}
