import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvColumnNumber, readCsvRecords, type CsvRecord } from '../../src/io/csv.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

const dir = tempDirForFile('csv-records-');
let counter = 0;

function file(content: string | Buffer, name = `f${counter++}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(path)) out.push(record);
  return out;
}

const rowsAndLines = (records: CsvRecord[]) =>
  records.map((r) => (r.ok ? [r.line, r.row] : [r.line, r.column, 'error']));

describe('readCsvRecords', () => {
  it('keys rows by the header and drops a byte order mark from the first column name', async () => {
    const records = await readAll(file('\uFEFFid,name\r\n1,Ada\r\n2,Bo\r\n'));
    expect(rowsAndLines(records)).toEqual([
      [2, { id: '1', name: 'Ada' }],
      [3, { id: '2', name: 'Bo' }],
    ]);
  });

  it('gives each row the line it starts on, past quoted commas, quotes and CRLF line breaks inside cells', async () => {
    const text = 'id,note\r\n1,"a, b"\r\n2,"two\r\nlines"\r\n3,"say ""hi"""\r\n\r\n4,"x\r\ny\r\nz"\r\n5,last\r\n';
    const records = await readAll(file(text));
    expect(rowsAndLines(records)).toEqual([
      [2, { id: '1', note: 'a, b' }],
      [3, { id: '2', note: 'two\r\nlines' }],
      [5, { id: '3', note: 'say "hi"' }],
      [7, { id: '4', note: 'x\r\ny\r\nz' }],
      [10, { id: '5', note: 'last' }],
    ]);
  });

  it('counts lines the same with LF line ends and multi-byte characters', async () => {
    const records = await readAll(file('id,name\nü1,"Zoë\nBrontë"\n\n\né2,Åsa\n'));
    expect(rowsAndLines(records)).toEqual([
      [2, { id: 'ü1', name: 'Zoë\nBrontë' }],
      [6, { id: 'é2', name: 'Åsa' }],
    ]);
  });

  it('reports a row that does not fit the header with its line and first misfit column, and reads on', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,"x,\ny",12\n13,14,15\n';
    const records = await readAll(file(text));
    expect(rowsAndLines(records)).toEqual([
      [2, { a: '1', b: '2', c: '3' }],
      [3, 3, 'error'],
      [4, 4, 'error'],
      [5, { a: '10', b: 'x,\ny', c: '12' }],
      [7, { a: '13', b: '14', c: '15' }],
    ]);
    const short = records[1] as Extract<CsvRecord, { ok: false }>;
    expect(short.message).toMatch(/2 cells but the header has 3/);
  });

  it('keeps a stray quote inside a cell as text instead of losing the rows after it', async () => {
    const records = await readAll(file('a,b\n1,say "x" now\n2,ok\n'));
    expect(rowsAndLines(records)).toEqual([
      [2, { a: '1', b: 'say "x" now' }],
      [3, { a: '2', b: 'ok' }],
    ]);
  });

  it('reports a quote that is never closed at the line of its row, without quoting the cell, and reads the rows after it', async () => {
    const records = await readAll(file('a,b\n1,ok\n2,"secret@example.com\n3,read again\n\n5,last\n'));
    expect(rowsAndLines(records)).toEqual([
      [2, { a: '1', b: 'ok' }],
      [3, undefined, 'error'],
      [4, { a: '3', b: 'read again' }],
      [6, { a: '5', b: 'last' }],
    ]);
    const problem = records[1] as Extract<CsvRecord, { ok: false }>;
    expect(problem.message).toMatch(/never closed/);
    expect(problem.message).not.toContain('secret@example.com');
  });

  it('reads a gzipped file the same', async () => {
    const records = await readAll(file(gzipSync('\uFEFFid,name\r\n1,"A, B"\r\n'), 'g.csv.gz'));
    expect(rowsAndLines(records)).toEqual([[2, { id: '1', name: 'A, B' }]]);
  });

  it('reads line numbers right across the chunks of a large file', async () => {
    const rows = Array.from(
      { length: 20000 },
      (_, i) => `${i},"cell ${i} padding padding padding${i % 7 === 0 ? '\r\nsecond line' : ''}"`,
    );
    const records = await readAll(file(`id,text\r\n${rows.join('\r\n')}\r\n`));
    expect(records).toHaveLength(20000);
    let line = 2;
    for (const [i, record] of records.entries()) {
      expect(record.ok && record.line).toBe(line);
      line += i % 7 === 0 ? 2 : 1;
    }
  });

  it('refuses a header that names a column twice', async () => {
    await expect(readAll(file('id,email,email\n1,a,b\n'))).rejects.toThrow(/column "email" twice/);
    await expect(readAll(file('id,email,email\n1,a,b\n'))).rejects.toBeInstanceOf(UsageError);
  });

  it('gives the column number of a field in a row', async () => {
    const [record] = await readAll(file('id,first_name,email\n1,A,a@example.com\n'));
    if (!record?.ok) throw new Error('the row was not read');
    expect(csvColumnNumber(record.row, 'email')).toBe(3);
    expect(csvColumnNumber(record.row, 'nope')).toBeUndefined();
  });
});
