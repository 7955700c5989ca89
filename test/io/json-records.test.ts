import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { readJsonRecords, type JsonRecord, type JsonRecordsOptions } from '../../src/io/json-records.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

let dir: string;
beforeEach(() => {
  dir = tempDirForFile('json-records-');
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, options?: JsonRecordsOptions): Promise<JsonRecord[]> {
  const out: JsonRecord[] = [];
  for await (const record of readJsonRecords(path, options)) out.push(record);
  return out;
}

describe('readJsonRecords: JSON arrays', () => {
  it('streams pretty-printed elements, each with the line where it starts', async () => {
    const users = [
      { user_id: 'auth0|1', email: 'a@example.com', note: 'brackets ] } [ { inside a string' },
      {
        user_id: 'auth0|2',
        email: 'b@example.com',
        quote: 'an escaped \\" quote and \\\\ slash',
        nested: { list: [1, [2, { x: ']' }]] },
      },
      { user_id: 'auth0|3', email: 'c@example.com' },
    ];
    const path = file('users.json', JSON.stringify(users, null, 2));
    const records = await read(path);
    expect(records.map((r) => r.ok && r.value)).toEqual(users);
    // Line 1 is the "[", each element opens with "{" on its own line.
    const lines = JSON.stringify(users, null, 2).split('\n');
    const expectedLines = lines.flatMap((text, i) => (text === '  {' ? [i + 1] : []));
    expect(records.map((r) => r.line)).toEqual(expectedLines);
  });

  it('reports a broken element with its line and column and reads the elements after it', async () => {
    const path = file(
      'users.json',
      '[\n  {"id": 1},\n  {"id": 2,\n   "email": "hidden@example.com" "x": 1},\n  {"id": 3}\n]\n',
    );
    const records = await read(path);
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({ ok: true, value: { id: 1 }, line: 2 });
    expect(records[1]).toMatchObject({ ok: false, line: 4, column: 34 });
    expect(records[2]).toEqual({ ok: true, value: { id: 3 }, line: 5 });
    if (!records[1]!.ok) expect(records[1]!.message).not.toContain('hidden@example.com');
  });

  it('turns a truncated file into a record with the line of the cut element, not a crash', async () => {
    const path = file('users.json', '[\n{"id": 1},\n{"id": 2, "name": "Cut of');
    const records = await read(path);
    expect(records[0]).toEqual({ ok: true, value: { id: 1 }, line: 2 });
    expect(records[1]).toMatchObject({ ok: false, line: 3, message: expect.stringMatching(/truncated/) });
  });

  it('skips a UTF-8 byte order mark', async () => {
    const path = file('users.json', '\uFEFF[{"id": 1}]');
    expect(await read(path)).toEqual([{ ok: true, value: { id: 1 }, line: 1 }]);
  });

  it('reads a gzipped array', async () => {
    const path = file('export.bin', gzipSync('[{"id": 1},\n{"id": 2}]'));
    expect(await read(path)).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
      { ok: true, value: { id: 2 }, line: 2 },
    ]);
  });
});

describe('readJsonRecords: NDJSON', () => {
  it('reports a malformed line with its number and keeps reading', async () => {
    const path = file(
      'users.ndjson',
      '{"id": 1}\n\n{"id": 2, "email": "secret@example.com", oops}\r\n{"id": 3}\n   \n{"id": 4}',
    );
    const records = await read(path);
    expect(records).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
      { ok: false, line: 3, column: 42, message: expect.stringMatching(/^Not valid JSON: /) },
      { ok: true, value: { id: 3 }, line: 4 },
      { ok: true, value: { id: 4 }, line: 6 },
    ]);
    expect(JSON.stringify(records)).not.toContain('secret@example.com');
  });

  it('keeps V8 snippets of the line out of the message', async () => {
    const path = file('users.ndjson', '{"email": "someone@example.com", "ok": tru}\n');
    const [record] = await read(path);
    expect(record).toMatchObject({ ok: false, line: 1 });
    expect(JSON.stringify(record)).not.toContain('someone');
  });

  it('skips a byte order mark and reads gzip', async () => {
    const path = file('users.txt', gzipSync('\uFEFF{"id": 1}\n{"id": 2}\n'));
    expect(await read(path)).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
      { ok: true, value: { id: 2 }, line: 2 },
    ]);
  });

  it('reads a large file line by line', async () => {
    const line = JSON.stringify({ user_id: 'auth0|x', email: 'x@example.com', padding: 'p'.repeat(200) });
    const path = file('big.ndjson', `${line}\n`.repeat(50_000));
    let count = 0;
    let last = 0;
    for await (const record of readJsonRecords(path)) {
      expect(record.ok).toBe(true);
      count++;
      last = record.line;
    }
    expect(count).toBe(50_000);
    expect(last).toBe(50_000);
  });
});

describe('readJsonRecords: files that are not JSON', () => {
  async function usageError(path: string, options?: JsonRecordsOptions): Promise<string> {
    const error = await read(path, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }

  it('refuses a CSV, naming the file', async () => {
    const path = file('users.csv', 'id,email\n1,a@example.com\n');
    const message = await usageError(path);
    expect(message).toMatch(new RegExp(`^${path}: not JSON or NDJSON`));
    expect(message).not.toContain('a@example.com');
  });

  it('refuses an empty file, a file of blank space, and a missing file', async () => {
    expect(await usageError(file('empty.json', ''))).toMatch(/empty\.json: the file is empty/);
    expect(await usageError(file('blank.json', '\uFEFF  \n\n'))).toMatch(/blank\.json: the file holds no records/);
    expect(await usageError(join(dir, 'missing.json'))).toMatch(/missing\.json: file not found/);
  });
});

describe('readJsonRecords: an array under a key', () => {
  it('streams the array of a wrapper object and skips its other keys', async () => {
    const content = JSON.stringify(
      {
        total_count: 2,
        meta: { organizations: 'not this one', list: [1, 2] },
        organizations: [{ id: 'org_1' }, { id: 'org_2' }],
        after: '}]',
      },
      null,
      2,
    );
    const path = file('orgs.json', content);
    const records = await read(path, { arrayKey: 'organizations' });
    expect(records.map((r) => r.ok && r.value)).toEqual([{ id: 'org_1' }, { id: 'org_2' }]);
    const lines = content.split('\n');
    expect(records.map((r) => r.line)).toEqual([lines.indexOf('    {') + 1, lines.lastIndexOf('    {') + 1]);
  });

  it('reads Clerk pages one after another', async () => {
    const path = file(
      'orgs.json',
      '{"data": [{"id": 1}], "total_count": 2}\n{"data": [{"id": 2}], "total_count": 2}\n',
    );
    expect(await read(path, { arrayKey: 'data' })).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
      { ok: true, value: { id: 2 }, line: 2 },
    ]);
  });

  it('accepts a bare array and NDJSON too', async () => {
    expect(await read(file('a.json', '[{"id": 1}]'), { arrayKey: 'organizations' })).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
    ]);
    expect(await read(file('b.ndjson', '{"id": 1}\n{"id": 2}\n'), { arrayKey: 'organizations' })).toEqual([
      { ok: true, value: { id: 1 }, line: 1 },
      { ok: true, value: { id: 2 }, line: 2 },
    ]);
  });

  it('refuses a pretty-printed object that lacks the key, as it refuses one without a key (not an export)', async () => {
    const path = file('c.json', '{\n  "orgs": []\n}\n');
    await expect(read(path, { arrayKey: 'organizations' })).rejects.toBeInstanceOf(UsageError);
    await expect(read(path, { arrayKey: 'organizations' })).rejects.toThrow(
      /line 1: the object that starts here has no "organizations" array/,
    );
  });
});

describe('readJsonRecords: pretty-printed objects one after another', () => {
  it('asks for NDJSON or an array instead of reporting every line', async () => {
    const path = file('users.ndjson', '{\n  "id": 1\n}\n{\n  "id": 2\n}\n');
    const error = await read(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /users\.ndjson: the first object spans several lines, so this is not NDJSON/,
    );
  });
});
