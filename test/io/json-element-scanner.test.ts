import { describe, expect, it } from 'vitest';
import { JsonElementScanner } from '../../src/io/json-element-scanner.js';
import type { JsonRecord } from '../../src/io/json-text.js';

function scan(text: string, chunkSize: number, arrayKey?: string): JsonRecord[] {
  const scanner = new JsonElementScanner(arrayKey);
  const out: JsonRecord[] = [];
  for (let i = 0; i < text.length && !scanner.stopped; i += chunkSize)
    out.push(...scanner.push(text.slice(i, i + chunkSize)));
  if (!scanner.stopped) out.push(...scanner.end());
  return out;
}

const ARRAY = [
  '[',
  '  {"a": "x,y]}", "b": [1, {"c": "\\"]"}]},',
  '  "a string, with a comma",',
  '  42, true, null,',
  '  {"broken": tru},',
  '  {',
  '    "multi": "line",',
  '    "deep": {"e": [[], {}]}',
  '  }',
  ']',
].join('\n');

describe('JsonElementScanner', () => {
  it('finds the same elements, lines and columns however the text is cut into chunks', () => {
    const whole = scan(ARRAY, ARRAY.length);
    expect(whole.map((r) => (r.ok ? r.value : 'error'))).toEqual([
      { a: 'x,y]}', b: [1, { c: '"]' }] },
      'a string, with a comma',
      42,
      true,
      null,
      'error',
      { multi: 'line', deep: { e: [[], {}] } },
    ]);
    expect(whole.map((r) => r.line)).toEqual([2, 3, 4, 4, 4, 5, 6]);
    for (const size of [1, 2, 3, 7, 16]) expect(scan(ARRAY, size)).toEqual(whole);
  });

  it('points a parse error inside a multi-line element at its own line and column', () => {
    const records = scan('[\n  {\n    "a": 1,\n    "b" 2\n  }\n]', 5);
    expect(records).toEqual([{ ok: false, line: 4, column: 9, message: expect.stringMatching(/^Not valid JSON/) }]);
  });

  it('reports an empty element and content after the array', () => {
    expect(scan('[1,,2]', 1).map((r) => r.ok)).toEqual([true, false, true]);
    const trailing = scan('[1]\n\n x', 2);
    expect(trailing.at(-1)).toMatchObject({ ok: false, line: 3, column: 2 });
  });

  it('reports an array left open', () => {
    expect(scan('[\n{"a": 1},\n', 4)).toEqual([
      { ok: true, value: { a: 1 }, line: 2 },
      { ok: false, line: 3, message: expect.stringMatching(/truncated/) },
    ]);
  });

  it('rejects a wrapper key that does not hold an array', () => {
    expect(scan('{"organizations": {"id": 1}}', 3, 'organizations')).toEqual([
      { ok: false, line: 1, column: 19, message: 'Not valid JSON: "organizations" must hold an array.' },
    ]);
  });

  it('hands a one-line object without the key back as NDJSON', () => {
    const scanner = new JsonElementScanner('organizations');
    expect(scanner.push('{"id": "org_1", "members": []}\n{"id": "org_2"}')).toEqual([]);
    expect(scanner.isNdjson).toBe(true);
  });
});
