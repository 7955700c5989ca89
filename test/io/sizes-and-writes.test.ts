import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { estimatedRecords } from '../../src/io/file-kind.js';
import { writeLines } from '../../src/io/write-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'sizes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('estimatedRecords', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `{"user_id":"auth0|${i}","email":"u${i}@example.com"}\n`).join(
    '',
  );

  it('counts a plain file by its size', () => {
    const path = join(dir, 'users.ndjson');
    writeFileSync(path, lines);
    expect(estimatedRecords(path, lines.length / 20_000)).toBe(20_000);
  });

  it('counts a gzip file by the size it unpacks to, not its packed size', () => {
    const path = join(dir, 'users.json.gz');
    writeFileSync(path, gzipSync(lines));
    expect(estimatedRecords(path, lines.length / 20_000)).toBe(20_000);
  });

  it('is 0 for a file that is not there', () => {
    expect(estimatedRecords(join(dir, 'missing.json'), 100)).toBe(0);
  });
});

describe('writeLines', () => {
  it('writes every line in order, across many writes', async () => {
    const path = join(dir, 'rows.csv');
    const rows = Array.from({ length: 60_000 }, (_, i) => `row,${i},${'é'.repeat(i % 40)}\n`);
    await writeLines(path, rows);
    expect(readFileSync(path, 'utf8')).toBe(rows.join(''));
  });

  it('leaves an empty file for no lines', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, 'old content');
    await writeLines(path, []);
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});
