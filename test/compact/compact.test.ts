import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FixedWidthColumn,
  MemoryStringColumn,
  NumberColumn,
  packStrings,
  StringColumn,
  unpackStrings,
} from '../../src/compact/columns.js';
import { fingerprint, KeyIndex } from '../../src/compact/key-index.js';

describe('KeyIndex', () => {
  it('answers like a Map of arrays for any keys, in the order rows were added', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), (keys) => {
        const index = new KeyIndex((row) => keys[row]!);
        const reference = new Map<string, number[]>();
        keys.forEach((key, row) => {
          const first = index.add(key, row);
          expect(first).toBe(reference.get(key)?.[0] ?? -1);
          reference.set(key, [...(reference.get(key) ?? []), row]);
        });
        for (const [key, rows] of reference) {
          expect(index.rows(key)).toEqual(rows);
          expect(index.first(key)).toBe(rows[0]);
        }
        expect(index.first('not a key at all, longer than six')).toBe(-1);
      }),
    );
  });

  it('never confuses two keys that share a fingerprint', () => {
    // Find two distinct keys with one fingerprint (a birthday search over short strings).
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const key = `k${i}`;
      const other = seen.get(fingerprint(key));
      if (other !== undefined) pair = [other, key];
      else seen.set(fingerprint(key), key);
    }
    const keys = [pair[0], pair[1]];
    const index = new KeyIndex((row) => keys[row]!);
    expect(index.add(pair[0], 0)).toBe(-1);
    expect(index.add(pair[1], 1)).toBe(-1);
    expect(index.rows(pair[0])).toEqual([0]);
    expect(index.rows(pair[1])).toEqual([1]);
  });

  it('replace keeps one row under the key', () => {
    const keys = ['a', 'a', 'b'];
    const index = new KeyIndex((row) => keys[row]!);
    index.add('a', 0);
    index.add('b', 2);
    index.replace('a', 1);
    expect(index.rows('a')).toEqual([1]);
    expect(index.rows('b')).toEqual([2]);
  });

  it('addIfAbsent adds a new key and leaves a known one as it was', () => {
    const keys = ['a', 'b', 'a'];
    const index = new KeyIndex((row) => keys[row]!);
    expect(index.addIfAbsent('a', 0)).toBe(-1);
    expect(index.addIfAbsent('b', 1)).toBe(-1);
    expect(index.addIfAbsent('a', 2)).toBe(0);
    expect(index.rows('a')).toEqual([0]);
  });
});

describe('StringColumn', () => {
  it('gives back every string, in and out of order, across spilled chunks, before and after they reach the disk', async () => {
    const column = new StringColumn();
    const rows: string[] = [];
    // About 20 MB: more than two chunks, so most rows are read back from the spill file.
    for (let i = 0; i < 70_000; i++) {
      const text = `${i}:${'é€😀'.repeat(i % 7)}${'x'.repeat(280)}`;
      rows.push(text);
      expect(column.push(text)).toBe(i);
    }
    for (let i = 0; i < rows.length; i++) if (column.get(i) !== rows[i]) expect(column.get(i)).toBe(rows[i]);
    for (const i of [69_999, 3, 40_000, 0, 12_345]) expect(column.get(i)).toBe(rows[i]);
    expect(column.length).toBe(rows.length);
    // The spills are written in the background; once they are, rows come from the file.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < rows.length; i++) if (column.get(i) !== rows[i]) expect(column.get(i)).toBe(rows[i]);
    for (const i of [69_999, 3, 40_000, 0, 12_345]) expect(column.get(i)).toBe(rows[i]);
    // Closed here, not when collected: the next test counts the process's spill files.
    column.close();
  });

  it('frees its temporary file on close, once the writes under way have landed', async () => {
    // Linux shows an open, unlinked file in /proc/self/fd as "<path> (deleted)".
    const spillFiles = () =>
      existsSync('/proc/self/fd')
        ? readdirSync('/proc/self/fd').filter((fd) => {
            try {
              return /migrate-to-workos-.*\.rows/.test(readlinkSync(`/proc/self/fd/${fd}`));
            } catch {
              return false;
            }
          }).length
        : undefined;
    const before = spillFiles();
    const column = new StringColumn();
    for (let i = 0; i < 30_000; i++) column.push(`${i}:${'x'.repeat(300)}`);
    if (before !== undefined) expect(spillFiles()).toBe(before + 1);
    column.close(); // with writes still under way
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (before !== undefined) expect(spillFiles()).toBe(before);
  });

  it('keeps a row larger than a chunk', () => {
    const column = new StringColumn();
    const huge = `{"a":"${'ü'.repeat(3_000_000)}"}`;
    column.push('before');
    column.push(huge);
    column.push('after');
    expect(column.get(1)).toBe(huge);
    expect(column.get(0)).toBe('before');
    expect(column.get(2)).toBe('after');
  });

  it('gives back any rows (empty, multi-byte, larger than a chunk) read at any point, the newest included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.constant(''),
            fc.nat(300).map((n) => 'ü'.repeat(n)),
          ),
          { minLength: 1, maxLength: 200 },
        ),
        fc.array(fc.nat(), { maxLength: 40 }),
        (rows, reads) => {
          // Chunks of 256 bytes: most rows spill, and the longest go to the file on their own.
          const column = new StringColumn(256);
          try {
            rows.forEach((text, i) => {
              column.push(text);
              expect(column.get(i)).toBe(text);
              if (reads.length > 0) {
                const at = reads[i % reads.length]! % (i + 1);
                expect(column.get(at)).toBe(rows[at]);
              }
            });
            rows.forEach((text, i) => expect(column.get(i)).toBe(text));
          } finally {
            column.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('packStrings', () => {
  it('round-trips any strings, separators and digits included', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (values) => {
        expect(unpackStrings(packStrings(values), values.length)).toEqual(values);
      }),
    );
  });
});

describe('NumberColumn', () => {
  it('grows past its first capacity and keeps every value', () => {
    const column = new NumberColumn(Float64Array, 2);
    for (let i = 0; i < 5000; i++) column.push(i * 1.5);
    column.set(10, -1);
    expect(column.length).toBe(5000);
    expect(column.get(4999)).toBe(4999 * 1.5);
    expect(column.get(10)).toBe(-1);
  });
});

describe('MemoryStringColumn', () => {
  it('gives back every string as pushed, in any order, across chunks and past a chunk', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 300 }), (values) => {
        const column = new MemoryStringColumn();
        // A row longer than a chunk (1 MB) and short ones around it.
        const all = [...values, 'x'.repeat(1_200_000), ...values, 'ü'.repeat(400_000), 'end'];
        for (const [row, value] of all.entries()) expect(column.push(value)).toBe(row);
        expect(column.length).toBe(all.length);
        for (let row = all.length - 1; row >= 0; row--) expect(column.get(row)).toBe(all[row]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('FixedWidthColumn', () => {
  it('keeps single-byte strings of up to its width, growing past its first size', () => {
    const column = new FixedWidthColumn(8, 2);
    const values = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? '' : `h${i}`.padEnd(i % 9, '.')));
    for (const [row, value] of values.entries()) expect(column.pushLatin1(value)).toBe(row);
    for (const [row, value] of values.entries()) expect(column.latin1(row)).toBe(value);
  });
});
