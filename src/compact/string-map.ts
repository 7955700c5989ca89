import { MemoryStringColumn } from './columns.js';
import { KeyIndex } from './key-index.js';

/**
 * A string → string map for a million entries (source id → WorkOS id and the like): keys and
 * values as UTF-8 bytes outside the collector's heap, found through a KeyIndex. About 30 bytes
 * an entry beside its text, where a Map of strings takes about 110.
 */
export class StringMap {
  private readonly keys = new MemoryStringColumn();
  private readonly values = new MemoryStringColumn();
  private readonly rows = new KeyIndex((row) => this.keys.get(row));
  private count = 0;

  /** Sets `key` to `value` (a key set again keeps only the newest value). */
  set(key: string, value: string): this {
    const row = this.keys.push(key);
    this.values.push(value);
    if (this.rows.first(key) < 0) this.count++;
    this.rows.replace(key, row);
    return this;
  }

  get(key: string): string | undefined {
    const row = this.rows.first(key);
    return row < 0 ? undefined : this.values.get(row);
  }

  has(key: string): boolean {
    return this.rows.first(key) >= 0;
  }

  get size(): number {
    return this.count;
  }
}

/** A set of strings for a million entries: a StringMap without values. */
export class StringSet {
  private readonly map = new StringMap();

  add(key: string): this {
    if (!this.map.has(key)) this.map.set(key, '');
    return this;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get size(): number {
    return this.map.size;
  }
}
