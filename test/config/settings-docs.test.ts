import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SETTING_BY_FLAG, SETTING_BY_INPUT, SETTINGS, type SettingSpec } from '../../src/config/settings.js';

// The settings table (src/config/settings.ts) is the one description of every flag and input:
// action.yml (what GitHub shows and fills in) and the README's tables (what people read) are
// checked against it, so a name, a default or a description cannot drift from what is parsed.

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, root)), 'utf8');

const action = parse(read('action.yml')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
};
const README = read('README.md');

const spec = (key: string): SettingSpec => SETTINGS[key as keyof typeof SETTINGS];

/** The rows of the README table whose header starts `| <first> |`, as trimmed cells. */
function readmeTable(first: string): string[][] {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(line));
  expect(start, `the README has a table starting with "${first}"`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    // Cells split on pipes that are not escaped (`auth0\|clerk` stays one cell).
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|')),
    );
  }
  return rows;
}

/** The default the table gives (applied by the parse, or by the engine), as action.yml writes it. */
function schemaDefault(setting: SettingSpec): string | undefined {
  return setting.default ?? setting.engineDefault;
}

describe('action.yml', () => {
  it('has an input for every setting the action reads, and no other', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...SETTING_BY_INPUT.keys()].sort());
  });

  it.each([...SETTING_BY_INPUT])('%s: the description and default of the settings table', (input, key) => {
    const declared = action.inputs[input]!;
    expect(declared.description).toBe(spec(key).actionHelp);
    const value = declared.default === undefined || declared.default === '' ? undefined : String(declared.default);
    expect(value, `default of ${input}`).toBe(schemaDefault(spec(key)));
  });
});

describe("the README's table of action inputs", () => {
  const rows = readmeTable('input').map(([names = '', defaults = '', description = '']) => ({
    names: [...names.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!),
    defaults: defaults === '' ? [] : defaults.split(' / ').map((d) => d.trim()),
    description,
  }));
  const byName = new Map(rows.flatMap((row) => row.names.map((name, i) => [name, { row, i }] as const)));

  it('names every input, and only those', () => {
    expect([...byName.keys()].sort()).toEqual([...SETTING_BY_INPUT.keys()].sort());
  });

  it('gives the defaults of the settings table', () => {
    for (const [name, { row, i }] of byName) {
      const cell = row.defaults.length === row.names.length ? row.defaults[i] : row.defaults[0];
      // A default written as one code span is a value; prose (or nothing) is none.
      const value = cell === undefined ? undefined : /^`([^`]*)`$/.exec(cell)?.[1];
      const expected = schemaDefault(spec(SETTING_BY_INPUT.get(name)!))?.replace(/^\$\{\{\s*(.*?)\s*\}\}$/, '$1');
      expect(value, `default of ${name}`).toBe(expected);
    }
  });

  const SOURCES = ['Auth0', 'Clerk', 'Firebase', 'Cognito', 'Supabase'];
  const sourcesIn = (text: string) => SOURCES.filter((s) => new RegExp(`\\b${s}\\b`).test(text));
  const filesIn = (text: string) => [...new Set(text.match(/[a-z][a-z-]*\.(?:csv|jsonl)\b/g) ?? [])].sort();

  it('agrees with the input descriptions on which source an input is for and which report files it touches', () => {
    for (const [name, { row }] of byName) {
      const description = spec(SETTING_BY_INPUT.get(name)!).actionHelp ?? '';
      // A row for two inputs describes both: compare only rows of one input.
      if (row.names.length === 1) {
        expect(sourcesIn(row.description), `sources named for ${name}`).toEqual(sourcesIn(description));
        expect(filesIn(row.description), `files named for ${name}`).toEqual(filesIn(description));
      }
    }
  });
});

describe("the README's table of CLI flags", () => {
  const rows = readmeTable('flag');

  it('is the settings table: each flag with its commands, default and help, in its order', () => {
    const expected = [...SETTING_BY_FLAG.values()].map((key) => {
      const setting = spec(key);
      const value = schemaDefault(setting);
      return [
        `\`--${setting.flag}${setting.placeholder ? ` ${setting.placeholder}` : ''}\``,
        setting.commands.map((command) => `\`${command}\``).join(', '),
        setting.switch ? '' : value !== undefined ? `\`${value}\`` : (setting.defaultNote ?? ''),
        setting.cliHelp ?? '',
      ];
    });
    expect(rows).toEqual(expected);
  });
});
