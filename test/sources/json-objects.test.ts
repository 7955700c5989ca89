import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonObjectOf, readJsonObjects } from '../../src/sources/json-objects.js';

const dir = mkdtempSync(join(tmpdir(), 'json-objects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readJsonObjects', () => {
  it('yields each object with its line, and a problem in place of a record that is not JSON or not an object', async () => {
    const path = join(dir, 'users.ndjson');
    writeFileSync(path, '{"id":"u1"}\n{"id":\n42\n{"id":"u2"}\n');
    const items = [];
    for await (const item of readJsonObjects(path, 'user')) items.push(item);
    expect(items).toEqual([
      { kind: 'object', raw: { id: 'u1' }, location: { file: path, line: 1 } },
      {
        kind: 'problem',
        problem: expect.objectContaining({
          entity: 'user',
          location: expect.objectContaining({ file: path, line: 2 }),
          code: 'invalid_json',
          severity: 'error',
        }),
      },
      {
        kind: 'problem',
        problem: {
          entity: 'user',
          location: { file: path, line: 3 },
          code: 'invalid_record',
          message: 'Each user must be a JSON object; this record is a number.',
          severity: 'error',
        },
      },
      { kind: 'object', raw: { id: 'u2' }, location: { file: path, line: 4 } },
    ]);
  });

  it('reads the array a wrapper object holds under arrayKey, and sees the wrapper’s other fields', async () => {
    const path = join(dir, 'page.json');
    writeFileSync(path, '{"Users":[{"Username":"a"},[1]],"NextToken":"t"}');
    const seen: string[] = [];
    const items = [];
    for await (const item of readJsonObjects(path, 'organization', {
      arrayKey: 'Users',
      onWrapperEnd: (fields) => seen.push(...fields.keys()),
    }))
      items.push(item);
    expect(
      items.map((item) => (item.kind === 'object' ? item.raw : item.kind === 'problem' && item.problem.message)),
    ).toEqual([{ Username: 'a' }, 'Each organization must be a JSON object; this record is an array.']);
    expect(seen).toEqual(['NextToken']);
  });
});

describe('readJsonObjects firstObject', () => {
  it('sees the first object once, even after records that are not objects', async () => {
    const path = join(dir, 'first.ndjson');
    writeFileSync(path, '{"id":\n{"id":"u1"}\n{"id":"u2"}\n');
    const seen: unknown[] = [];
    const kinds = [];
    for await (const item of readJsonObjects(path, 'user', { firstObject: (raw) => seen.push(raw) }))
      kinds.push(item.kind);
    expect(seen).toEqual([{ id: 'u1' }]);
    expect(kinds).toEqual(['problem', 'object', 'object']);
  });

  it('stops before yielding anything of a file the check refuses', async () => {
    const path = join(dir, 'refused.ndjson');
    writeFileSync(path, '{"user_id":"auth0|1","email":"a@example.com"}\n');
    const yielded: unknown[] = [];
    const reading = (async () => {
      for await (const item of readJsonObjects(path, 'user', {
        firstObject: () => {
          throw new Error('an Auth0 export');
        },
      }))
        yielded.push(item);
    })();
    await expect(reading).rejects.toThrow('an Auth0 export');
    expect(yielded).toEqual([]);
  });
});

describe('jsonObjectOf', () => {
  it('calls a password row a password row', () => {
    const item = jsonObjectOf({ ok: true, line: 2, value: 'x' }, 'passwords.ndjson', 'password');
    expect(item.kind === 'problem' && [item.problem.entity, item.problem.code, item.problem.message]).toEqual([
      'password',
      'invalid_record',
      'Each password row must be a JSON object; this record is a string.',
    ]);
  });

  it('keeps the column of a record that is not JSON', () => {
    expect(
      jsonObjectOf({ ok: false, line: 7, column: 12, message: 'Not valid JSON.' }, 'f.json', 'organization'),
    ).toEqual({
      kind: 'problem',
      problem: {
        entity: 'organization',
        location: { file: 'f.json', line: 7, column: 12 },
        code: 'invalid_json',
        message: 'Not valid JSON.',
        severity: 'error',
      },
    });
  });
});
