// A string → row-numbers index in typed arrays: each slot holds a 32-bit fingerprint of its key
// and the first and last row with that key; rows with the same key are chained in insertion
// order. About 30 bytes a key at a million keys, where a Map<string, number> takes about 90.
// Exact, not probabilistic: a fingerprint only finds candidates, and every candidate's key is
// read back (`keyOf`) and compared before it counts.
import { NumberColumn } from './columns.js';

const EMPTY = -1;

export class KeyIndex {
  private fingerprints = new Uint32Array(1024);
  private firstRow = new Int32Array(1024).fill(EMPTY);
  private lastRow = new Int32Array(1024).fill(EMPTY);
  private readonly nextRow = new NumberColumn(Int32Array);
  private keys = 0;

  /** `keyOf(row)` gives back the key a row was added under (read from where the rows are kept). */
  constructor(private readonly keyOf: (row: number) => string) {}

  /** The first row added under `key`, or -1. */
  first(key: string): number {
    const slot = this.find(key, fingerprint(key));
    return slot < 0 ? EMPTY : this.firstRow[slot]!;
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
      this.nextRow.set(this.lastRow[slot]!, row);
      this.lastRow[slot] = row;
      return this.firstRow[slot]!;
    }
    if ((this.keys + 1) * 2 > this.fingerprints.length) this.grow();
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
    this.firstRow[slot] = row;
    this.lastRow[slot] = row;
  }

  private find(key: string, hash: number): number {
    const mask = this.fingerprints.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const row = this.firstRow[slot]!;
      if (row === EMPTY) return -1;
      if (this.fingerprints[slot] === hash && this.keyOf(row) === key) return slot;
    }
  }

  private place(hash: number, first: number, last: number): void {
    const mask = this.fingerprints.length - 1;
    let slot = hash & mask;
    while (this.firstRow[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.fingerprints[slot] = hash;
    this.firstRow[slot] = first;
    this.lastRow[slot] = last;
  }

  private grow(): void {
    const { fingerprints, firstRow, lastRow } = this;
    this.fingerprints = new Uint32Array(fingerprints.length * 2);
    this.firstRow = new Int32Array(fingerprints.length * 2).fill(EMPTY);
    this.lastRow = new Int32Array(fingerprints.length * 2).fill(EMPTY);
    for (let slot = 0; slot < fingerprints.length; slot++) {
      if (firstRow[slot] !== EMPTY) this.place(fingerprints[slot]!, firstRow[slot]!, lastRow[slot]!);
    }
  }
}

/** FNV-1a over UTF-16 code units, then a final mix so nearby keys land in distant slots. */
export function fingerprint(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
