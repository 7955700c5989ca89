import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders of src/ from the top of the pipeline down (docs/architecture.md draws the same
// order). A file may import its own folder and any folder on a lower line, never one on its own
// line or above: a shared type goes down to model/, an edge module takes a function.
const LAYERS: readonly (readonly string[])[] = [
  ['action', 'cli'],
  ['modes'],
  ['cutover', 'inventory', 'watch', 'emulator'],
  ['export'],
  ['sources'],
  ['config'],
  ['plan'],
  ['reconcile'],
  ['apply'],
  ['checkpoint'],
  ['github'],
  ['report'],
  ['workos', 'io'],
  ['model'],
  ['compact', 'lazy', 'shell'],
];

// The one file of modes/ that the modes share: reading, planning and reporting a run.
const SHARED_ORCHESTRATION = 'src/modes/pipeline.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Arrow {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Static imports and re-exports (type-only ones too: they tie files as much), and import('…').
const IMPORT =
  /(?:^|[\n;])\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative imports of a file's text, as written. */
function importsOf(text: string): string[] {
  // Comments may quote an import; strings inside the code never hold one in this project.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!).filter((spec) => spec.startsWith('.'));
}

function arrowsOf(files: readonly string[]): Arrow[] {
  const known = new Set(files);
  return files.flatMap((from) =>
    importsOf(readFileSync(join(ROOT, from), 'utf8')).map((spec) => {
      const to = relative(ROOT, resolve(ROOT, dirname(from), spec)).replace(/\.js$/, '.ts');
      if (!known.has(to)) throw new Error(`${from} imports ${spec}, which is no file of src/`);
      return { from, to };
    }),
  );
}

function folderOf(file: string): string {
  return file.split('/')[1]!;
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

/** Arrows that point at the importer's own line or one above it: each as "a -> b (why)". */
function arrowsBackUp(arrows: readonly Arrow[]): string[] {
  return arrows.flatMap(({ from, to }) => {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b || layerOf(b) > layerOf(a)) return [];
    const where = layerOf(a) === layerOf(b) ? 'beside it' : 'above it';
    return [`${from} -> ${to} (${b}/ sits ${where}: move what both need down, e.g. to model/)`];
  });
}

/** Files of modes/ that import another mode (anything of modes/ but the shared pipeline). */
function modesImportingModes(arrows: readonly Arrow[]): string[] {
  return arrows
    .filter(({ from, to }) => folderOf(from) === 'modes' && folderOf(to) === 'modes' && to !== SHARED_ORCHESTRATION)
    .map(({ from, to }) => `${from} -> ${to}`);
}

/** Groups of files that import each other in a loop (Tarjan's strongly connected components). */
function fileCircles(arrows: readonly Arrow[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of arrows) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const circle: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      circle.push(member);
    } while (member !== file);
    if (circle.length > 1 || (next.get(file) ?? []).includes(file)) circles.push(circle.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return circles;
}

describe('the structure of src/', () => {
  const files = sourceFiles('src');
  const arrows = arrowsOf(files);

  it('places every folder of src/ on one line of the order', () => {
    const folders = [...new Set(files.filter((f) => f.split('/').length > 2).map(folderOf))].sort();
    expect(folders.filter((folder) => layerOf(folder) < 0)).toEqual([]);
    expect(LAYERS.flat().filter((folder) => !folders.includes(folder))).toEqual([]);
  });

  it('has no import that points back up the pipeline', () => {
    expect(arrowsBackUp(arrows)).toEqual([]);
  });

  it('has no mode that imports another mode', () => {
    expect(modesImportingModes(arrows)).toEqual([]);
  });

  it('has no files that import each other in a circle', () => {
    expect(fileCircles(arrows)).toEqual([]);
  });

  it('is drawn in docs/architecture.md in the same order', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Folders and arrows'));
    const start = section.indexOf('```') + 3;
    const drawing = section.slice(start, section.indexOf('```', start));
    const drawn = drawing
      .split('\n')
      .map((line) => [...line.matchAll(/\b([a-z]+)\/(?=\s|$)/g)].map((m) => m[1]!))
      .filter((line) => line.length > 0);
    expect(drawn.map((line) => [...line].sort())).toEqual(LAYERS.map((layer) => [...layer].sort()));
  });
});

describe('the checks themselves', () => {
  it('read static, re-exported, type-only and dynamic imports, and skip comments and packages', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      'import {',
      '  d,',
      "} from './d.js';",
      "const e = await import('./e.js');",
      "// import { f } from './f.js';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.js', '../b/b.js', './c.js', './d.js', './e.js']);
  });

  it('find an arrow back up, a mode importing a mode, and a circle', () => {
    const up = { from: 'src/report/summary.ts', to: 'src/plan/diff.ts' };
    const down = { from: 'src/plan/diff.ts', to: 'src/model/changes.ts' };
    expect(arrowsBackUp([up, down])).toEqual([
      'src/report/summary.ts -> src/plan/diff.ts (plan/ sits above it: move what both need down, e.g. to model/)',
    ]);
    expect(
      modesImportingModes([
        { from: 'src/modes/rollback.ts', to: 'src/modes/import.ts' },
        { from: 'src/modes/rollback.ts', to: SHARED_ORCHESTRATION },
      ]),
    ).toEqual(['src/modes/rollback.ts -> src/modes/import.ts']);
    expect(
      fileCircles([
        { from: 'src/cli/main.ts', to: 'src/cli/export-command.ts' },
        { from: 'src/cli/export-command.ts', to: 'src/cli/main.ts' },
        down,
      ]),
    ).toEqual([['src/cli/export-command.ts', 'src/cli/main.ts']]);
  });
});
