// A string → row-numbers index in a typed array: each slot holds a 32-bit fingerprint of its key
// and the first row with that key; rows with the same key are chained in insertion order. About
// 12 bytes a key at a million keys, where a Map<string, number> takes about 90.
// Exact, not probabilistic: a fingerprint only finds candidates, and every candidate's key is
// read back (`keyOf`) and compared before it counts.
const EMPTY = -1;

export interface KeyIndexParts {
  slots: Int32Array;
  nextRow: Map<number, number>;
  lastRow: Map<number, number>;
  keys: number;
}

export class KeyIndex {
  /**
   * Per slot, side by side (one cache line, not two): fingerprint, first row + 1. Rows are stored
   * plus one so that a fresh (zeroed) table is empty without being filled.
   */
  private slots: Int32Array;
  /** Keys with several rows (a few, mostly): the row after a row, and each chain's last row by its first. */
  private nextRow = new Map<number, number>();
  private lastRow = new Map<number, number>();
  private keys = 0;

  /**
   * `keyOf(row)` gives back the key a row was added under (read from where the rows are kept);
   * `expectedKeys` sizes the table up front (it still grows past it).
   */
  constructor(
    private readonly keyOf: (row: number) => string,
    expectedKeys = 512,
  ) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expectedKeys) capacity *= 2;
    this.slots = new Int32Array(capacity * SLOT);
  }

  /** The index as plain data, to hand to another thread (its table is moved, not copied). */
  toParts(): KeyIndexParts {
    return { slots: this.slots, nextRow: this.nextRow, lastRow: this.lastRow, keys: this.keys };
  }

  /** An index from `toParts`, reading keys back with `keyOf` (over the same rows). */
  static fromParts(keyOf: (row: number) => string, parts: KeyIndexParts): KeyIndex {
    const index = new KeyIndex(keyOf, 0);
    index.slots = parts.slots;
    index.nextRow = parts.nextRow;
    index.lastRow = parts.lastRow;
    index.keys = parts.keys;
    return index;
  }

  /** The first row added under `key`, or -1. */
  first(key: string): number {
    const slot = this.find(key, fingerprint(key));
    return slot < 0 ? EMPTY : this.slots[slot + FIRST]! - 1;
  }

  /** Every row added under `key`, in the order they were added. */
  rows(key: string): number[] {
    const rows: number[] = [];
    for (let row = this.first(key); row !== EMPTY; row = this.next(row)) rows.push(row);
    return rows;
  }

  /** The row added under the same key after `row`, or -1. */
  next(row: number): number {
    return this.nextRow.get(row) ?? EMPTY;
  }

  /**
   * Adds `row` (rows are numbered 0, 1, 2… by the caller, each added at most once) under `key`;
   * returns the first row the key already had, or -1 when it is new.
   */
  add(key: string, row: number): number {
    const hash = fingerprint(key);
    const slot = this.find(key, hash);
    if (slot < 0) {
      this.insert(hash, row);
      return EMPTY;
    }
    const first = this.slots[slot + FIRST]! - 1;
    this.nextRow.set(this.lastRow.get(first) ?? first, row);
    this.lastRow.set(first, row);
    return first;
  }

  /** Adds `row` under `key` only when the key is new (-1); else returns the key's first row, adding nothing. */
  addIfAbsent(key: string, row: number): number {
    const hash = fingerprint(key);
    const slot = this.find(key, hash);
    if (slot >= 0) return this.slots[slot + FIRST]! - 1;
    this.insert(hash, row);
    return EMPTY;
  }

  /** Makes `row` the only row under `key` (the rows it replaces are forgotten). */
  replace(key: string, row: number): void {
    const hash = fingerprint(key);
    const slot = this.find(key, hash);
    if (slot < 0) {
      this.insert(hash, row);
      return;
    }
    this.lastRow.delete(this.slots[slot + FIRST]! - 1);
    this.slots[slot + FIRST] = row + 1;
  }

  /** The slot's offset in `slots`, or -1. */
  private find(key: string, hash: number): number {
    const mask = (this.slots.length >>> 1) - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = i << 1;
      const stored = this.slots[slot + FIRST]!;
      if (stored === 0) return -1;
      if (this.slots[slot] === hash && this.keyOf(stored - 1) === key) return slot;
    }
  }

  private insert(hash: number, row: number): void {
    if (this.keys + 1 > (this.slots.length >>> 1) * MAX_LOAD) this.grow();
    this.place(hash, row + 1);
    this.keys++;
  }

  /** Puts a key's slot (its first row already stored plus one) in the first free place. */
  private place(hash: number, first: number): void {
    const mask = (this.slots.length >>> 1) - 1;
    let i = hash & mask;
    while (this.slots[(i << 1) + FIRST] !== 0) i = (i + 1) & mask;
    this.slots[i << 1] = hash;
    this.slots[(i << 1) + FIRST] = first;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += SLOT) {
      if (old[slot + FIRST] !== 0) this.place(old[slot]!, old[slot + FIRST]!);
    }
  }
}

const SLOT = 2;
const FIRST = 1;
/** Keys per slot before the table doubles: linear probing stays short below about 0.7. */
const MAX_LOAD = 0.7;

/** FNV-1a over UTF-16 code units, then a final mix so nearby keys land in distant slots. */
export function fingerprint(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  // As a signed 32-bit number, the way the Int32Array slots hold it.
  return hash | 0;
}
