import { LOOKUP_CHUNK_BYTES, StringColumn } from './columns.js';
import { KeyIndex } from './key-index.js';

/**
 * A string → string map for a million entries (source id → WorkOS id and the like): keys and
 * values as UTF-8 bytes in temporary files (StringColumns), found through a KeyIndex. About 40
 * bytes an entry in memory (offsets and index slots), where the text in memory took about 100
 * and a Map of strings about 170: an import holds several of these at a million users.
 */
export class StringMap {
  private readonly keys = new StringColumn(LOOKUP_CHUNK_BYTES);
  private readonly values = new StringColumn(LOOKUP_CHUNK_BYTES);
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
