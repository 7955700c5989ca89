// A string → row-numbers index in typed arrays: each slot holds a 32-bit fingerprint of its key
// and the first and last row with that key; rows with the same key are chained in insertion
// order. About 30 bytes a key at a million keys, where a Map<string, number> takes about 90.
// Exact, not probabilistic: a fingerprint only finds candidates, and every candidate's key is
// read back (`keyOf`) and compared before it counts.
import { NumberColumn } from './columns.js';

const EMPTY = -1;

export class KeyIndex {
  /** Per slot, side by side (one cache line, not three): fingerprint, first row, last row. */
  private slots: Int32Array;
  private readonly nextRow = new NumberColumn(Int32Array);
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
    while (capacity < expectedKeys * 2) capacity *= 2;
    this.slots = emptySlots(capacity);
  }

  /** The first row added under `key`, or -1. */
  first(key: string): number {
    const slot = this.find(key, fingerprint(key));
    return slot < 0 ? EMPTY : this.slots[slot + FIRST]!;
  }

  /** Every row added under `key`, in the order they were added. */
  rows(key: string): number[] {
    const rows: number[] = [];
    for (let row = this.first(key); row !== EMPTY; row = this.next(row)) rows.push(row);
    return rows;
  }

  /** The row added under the same key after `row`, or -1. */
  next(row: number): number {
    return row < this.nextRow.length ? this.nextRow.get(row) : EMPTY;
  }

  /**
   * Adds `row` (rows are numbered 0, 1, 2… by the caller, each added at most once) under `key`;
   * returns the first row the key already had, or -1 when it is new.
   */
  add(key: string, row: number): number {
    while (this.nextRow.length <= row) this.nextRow.push(EMPTY);
    const hash = fingerprint(key);
    const slot = this.find(key, hash);
    if (slot >= 0) {
      this.nextRow.set(this.slots[slot + LAST]!, row);
      this.slots[slot + LAST] = row;
      return this.slots[slot + FIRST]!;
    }
    if ((this.keys + 1) * 2 * SLOT > this.slots.length) this.grow();
    this.place(hash, row, row);
    this.keys++;
    return EMPTY;
  }

  /** Makes `row` the only row under `key` (the row it replaces is forgotten). */
  replace(key: string, row: number): void {
    const slot = this.find(key, fingerprint(key));
    if (slot < 0) {
      this.add(key, row);
      return;
    }
    while (this.nextRow.length <= row) this.nextRow.push(EMPTY);
    this.slots[slot + FIRST] = row;
    this.slots[slot + LAST] = row;
  }

  /** The slot's offset in `slots`, or -1. */
  private find(key: string, hash: number): number {
    const mask = this.slots.length / SLOT - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = i * SLOT;
      const row = this.slots[slot + FIRST]!;
      if (row === EMPTY) return -1;
      if (this.slots[slot] === hash && this.keyOf(row) === key) return slot;
    }
  }

  private place(hash: number, first: number, last: number): void {
    const mask = this.slots.length / SLOT - 1;
    let i = hash & mask;
    while (this.slots[i * SLOT + FIRST] !== EMPTY) i = (i + 1) & mask;
    this.slots[i * SLOT] = hash;
    this.slots[i * SLOT + FIRST] = first;
    this.slots[i * SLOT + LAST] = last;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = emptySlots((old.length / SLOT) * 2);
    for (let slot = 0; slot < old.length; slot += SLOT) {
      if (old[slot + FIRST] !== EMPTY) this.place(old[slot]!, old[slot + FIRST]!, old[slot + LAST]!);
    }
  }
}

const SLOT = 3;
const FIRST = 1;
const LAST = 2;

function emptySlots(capacity: number): Int32Array {
  const slots = new Int32Array(capacity * SLOT);
  for (let slot = 0; slot < slots.length; slot += SLOT) slots[slot + FIRST] = EMPTY;
  return slots;
}

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
