import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvRecord } from '../../src/io/csv.js';
import { readJsonRecords, type JsonRecord } from '../../src/io/json-records.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

// However the bytes of a file arrive (one at a time, or in odd-sized pieces that split a
// multi-byte character or a CRLF), the readers give the same records with the same lines.
// And whatever the bytes are, reading ends in records and problems, or one UsageError:
// never another exception.

const dir = tempDirForFile('property-readers-');
let counter = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `f${counter++}`);
  writeFileSync(path, content);
  return path;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Records or the UsageError that stopped the reading; any other exception fails the property. */
async function outcome<T>(items: AsyncIterable<T>): Promise<{ records: T[] } | { usage: string }> {
  try {
    return { records: await collect(items) };
  } catch (error) {
    if (error instanceof UsageError) return { usage: error.message };
    throw error;
  }
}

const text = fc.string({
  unit: fc.constantFrom('a', 'é', '😀', ' ', '"', ',', '\\', '{', '}', '[', ']', 'x', '\r', '\u2028'),
});
const record = fc.dictionary(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 4 },
);
/** A line of NDJSON: a record, a broken record, or blank. */
const ndjsonLine = fc.oneof(
  { weight: 5, arbitrary: record.map((r) => ({ ok: true as const, text: JSON.stringify(r), value: r as unknown })) },
  {
    weight: 1,
    // The trailing comma keeps the line broken whatever `t` is (`{}}` would otherwise close it).
    arbitrary: text.map((t) => ({ ok: false as const, text: `{"broken": ${t.replace(/[\r\n\u2028]/g, '')},` })),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '  ').map((t) => ({ ok: null, text: t })) },
);
const chunkBytes = fc.integer({ min: 1, max: 97 });
const runs = { numRuns: 40 };

describe('readers, whatever the chunks', () => {
  it('NDJSON: the same records and lines, and each good line is its record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ndjsonLine, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        chunkBytes,
        async (lines, crlf, chunk) => {
          // A first line that is only '{' is the pretty-printed case, refused as a whole: start with a record.
          const all = [{ ok: true as const, text: '{"first":1}', value: { first: 1 } as unknown }, ...lines];
          const content = all.map((l) => l.text).join(crlf ? '\r\n' : '\n') + '\n';
          const path = file(content);
          const whole = await collect(readJsonRecords(path));
          const pieces = await collect(readJsonRecords(path, { chunkBytes: chunk }));
          expect(pieces).toEqual(whole);
          const expected = all.flatMap((l, i) => (l.ok === true ? [{ ok: true, value: l.value, line: i + 1 }] : []));
          expect(whole.filter((r) => r.ok)).toEqual(expected);
          expect(whole.filter((r) => !r.ok).map((r) => r.line)).toEqual(
            all.flatMap((l, i) => (l.ok === false ? [i + 1] : [])),
          );
        },
      ),
      runs,
    );
  });

  it('JSON array: the same elements and lines, pretty-printed or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 10 }),
        fc.integer({ min: 0, max: 2 }),
        chunkBytes,
        async (records, indent, chunk) => {
          const content = JSON.stringify(records, null, indent);
          const path = file(content);
          const whole = await collect(readJsonRecords(path));
          const pieces = await collect(readJsonRecords(path, { chunkBytes: chunk }));
          expect(pieces).toEqual(whole);
          expect(whole.map((r) => (r.ok ? r.value : r))).toEqual(records);
          if (indent === 0) expect(whole.every((r) => r.line === 1)).toBe(true);
        },
      ),
      runs,
    );
  });

  it('CSV: the same rows and lines, with quoted commas, quotes, line breaks and multi-byte text', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ü', '😀', ',', '"', '\n', '\r\n', ' ', 'x'), maxLength: 8 });
    const quote = (value: string) =>
      /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        chunkBytes,
        async (rows, crlf, chunk) => {
          const eol = crlf ? '\r\n' : '\n';
          const lines = ['id,note', ...rows.map(([a, b], i) => `${quote(`r${i}${a}`)},${quote(b)}`)];
          const path = file(lines.join(eol) + eol);
          const whole = await collect(readCsvRecords(path));
          const pieces = await collect(readCsvRecords(path, { chunkBytes: chunk }));
          expect(pieces).toEqual(whole);
          expect(whole.map((r) => (r.ok ? [r.row.id, r.row.note] : r))).toEqual(
            rows.map(([a, b], i) => [`r${i}${a}`, b]),
          );
          // Each row starts on the line after the previous row's last line.
          let line = 2;
          whole.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += lines[i + 1]!.split('\n').length;
          });
        },
      ),
      runs,
    );
  });

  it('CSV: rows after an unclosed quote are still read, however the chunks fall', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        chunkBytes,
        async (before, after, chunk) => {
          const rows = [
            ...Array.from({ length: before }, (_, i) => `b${i},ok`),
            'x,"never closed',
            ...Array.from({ length: after }, (_, i) => `a${i},ok`),
          ];
          const path = file(['id,note', ...rows].join('\n') + '\n');
          const read: CsvRecord[] = await collect(readCsvRecords(path, { chunkBytes: chunk }));
          expect(read.filter((r) => r.ok).length).toBe(before + after);
          expect(read.filter((r) => !r.ok).map((r) => r.line)).toEqual([before + 2]);
        },
      ),
      runs,
    );
  });
});

describe('readers, whatever the bytes', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    // Bytes that start like JSON or CSV get further into the readers.
    fc
      .tuple(
        fc.constantFrom('[', '{', '{"organizations":[', 'id,note\n', '\uFEFF[', '\u00ff\u00fe'),
        fc.uint8Array({ maxLength: 200 }),
      )
      .map(
        ([head, tail]) =>
          new Uint8Array([...Buffer.from(head, head.startsWith('\u00ff') ? 'latin1' : 'utf8'), ...tail]),
      ),
  );
  const options = { numRuns: 60 };

  it('the JSON reader reports problems or one UsageError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.constantFrom(undefined, 'organizations', 'data'),
        chunkBytes,
        async (content, arrayKey, chunk) => {
          const path = file(content);
          const result = await outcome<JsonRecord>(
            readJsonRecords(path, { chunkBytes: chunk, ...(arrayKey ? { arrayKey } : {}) }),
          );
          if ('records' in result) for (const r of result.records) expect(r.line).toBeGreaterThanOrEqual(1);
        },
      ),
      options,
    );
  });

  it('the CSV reader reports problems or one UsageError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, chunkBytes, async (content, chunk) => {
        const path = file(content);
        const result = await outcome<CsvRecord>(readCsvRecords(path, { chunkBytes: chunk }));
        if ('records' in result) for (const r of result.records) expect(r.line).toBeGreaterThanOrEqual(1);
      }),
      options,
    );
  });
});
