import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Input } from '../../src/action/inputs.js';

// action.yml is what GitHub shows and fills in; the README's inputs table is what people read.
// They must name the same inputs, give the same defaults, and not contradict each other on the
// facts a description carries: which source an input is for, and which files it touches.

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');

const action = parse(read('action.yml')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
};

interface ReadmeRow {
  names: string[];
  defaults: string[];
  description: string;
}

/** The README's inputs table (the one whose header starts `| input`), a row per line. */
function readmeInputs(markdown: string): ReadmeRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^\|\s*input\s*\|/.test(line));
  expect(start, 'the README has an inputs table').toBeGreaterThan(-1);
  const rows: ReadmeRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    // Cells split on pipes that are not escaped (`auth0\|clerk` stays one cell).
    const [names = '', defaults = '', description = ''] = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    rows.push({
      names: [...names.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!),
      defaults: defaults === '' ? [] : defaults.split(' / ').map((d) => d.trim()),
      description,
    });
  }
  return rows;
}

const rows = readmeInputs(read('README.md'));
const byName = new Map(rows.flatMap((row) => row.names.map((name, i) => [name, { row, i }] as const)));

/** A README default written as one code span is a value; anything else (prose, empty) is not one. */
function readmeDefault(row: ReadmeRow, i: number): string | undefined {
  const cell = row.defaults.length === row.names.length ? row.defaults[i] : row.defaults[0];
  const value = cell === undefined ? undefined : /^`([^`]*)`$/.exec(cell)?.[1];
  return value;
}

function actionDefault(name: string): string | undefined {
  const value = action.inputs[name]!.default;
  if (value === undefined || value === '') return undefined;
  return String(value).replace(/^\$\{\{\s*(.*?)\s*\}\}$/, '$1');
}

const SOURCES = ['Auth0', 'Clerk', 'Firebase', 'Cognito', 'Supabase'];
const sourcesIn = (text: string) => SOURCES.filter((s) => new RegExp(`\\b${s}\\b`).test(text));
const filesIn = (text: string) => [...new Set(text.match(/[a-z][a-z-]*\.(?:csv|jsonl)\b/g) ?? [])].sort();

describe("the README's inputs table and action.yml", () => {
  it('name the same inputs, and the action reads no input action.yml lacks', () => {
    expect([...byName.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const name of Object.values(Input)) expect(action.inputs, name).toHaveProperty(name);
  });

  it('give the same defaults', () => {
    for (const [name, { row, i }] of byName)
      expect(readmeDefault(row, i), `default of ${name}`).toBe(actionDefault(name));
  });

  it('agree on which source an input is for and which report files it touches', () => {
    for (const [name, { row }] of byName) {
      const description = action.inputs[name]!.description;
      // A row for two inputs describes both: compare what the action says of each with the row.
      if (row.names.length === 1) {
        expect(sourcesIn(row.description), `sources named for ${name}`).toEqual(sourcesIn(description));
        expect(filesIn(row.description), `files named for ${name}`).toEqual(filesIn(description));
      }
    }
  });
});
