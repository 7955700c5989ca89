/**
 * Caps on what one input may make us hold or unpack, so a hostile or broken file ends in a
 * clear message instead of an exhausted heap, a full disk or an overflowed stack. Each is
 * raisable in the mapping config (`limits:`); the defaults are far above what real Auth0 and
 * Clerk exports need.
 */
export interface InputLimits {
  /** Bytes a gzipped input may unpack to (a small `.gz` can unpack to terabytes). */
  decompressedBytes: number;
  /** Characters in one line of NDJSON or CSV. */
  lineLength: number;
  /** Characters in one element of a JSON array (one user or organization). */
  recordLength: number;
  /** Nesting depth of one JSON record (metadata objects inside objects). */
  depth: number;
}

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  decompressedBytes: 16 * 1024 ** 3,
  lineLength: 8 * 1024 ** 2,
  recordLength: 8 * 1024 ** 2,
  depth: 64,
});

/** The config key of each limit, for messages that say how to raise it. */
export const LIMIT_KEYS: Readonly<Record<keyof InputLimits, string>> = Object.freeze({
  decompressedBytes: 'limits.decompressedBytes',
  lineLength: 'limits.lineLength',
  recordLength: 'limits.recordLength',
  depth: 'limits.depth',
});

let active: InputLimits = { ...DEFAULT_INPUT_LIMITS };

/** The limits the readers apply. One process runs one migration, so they are set once per run. */
export function inputLimits(): Readonly<InputLimits> {
  return active;
}

/** Sets the limits for the readers (missing ones take the default); returns a function that restores the previous ones. */
export function setInputLimits(limits: Partial<InputLimits> = {}): () => void {
  const previous = active;
  active = { ...DEFAULT_INPUT_LIMITS, ...limits };
  return () => {
    active = previous;
  };
}

/** How to raise a limit, for the end of a message. */
export function raiseHint(limit: keyof InputLimits): string {
  return `raise ${LIMIT_KEYS[limit]} in the config (--config) if the file is genuine`;
}

/**
 * How deeply `value` nests, counting each object or array as one level, without recursion (a
 * record nested 100,000 levels deep must not overflow the stack). Stops counting at `stopAt`.
 */
export function nestingDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
