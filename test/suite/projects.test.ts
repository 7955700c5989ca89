import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E } from '../../vitest.config.js';

// `npm run test:unit` runs the source only; what runs the bundles in dist/ must be in the e2e
// project, whose setup builds dist/ from the current source first. A test file left in `unit`
// that drives dist/ would pass or fail against whatever bundle happens to be there.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The helpers that start the bundled CLI or action. */
const RUNS_DIST = ['test/support/cli.ts', 'test/e2e/run-action.ts'];

function localImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  // A test may quote an import in a string (the structure test's fixtures): only real files count.
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((match) => relative(ROOT, resolve(dirname(join(ROOT, file)), match[1]!.replace(/\.js$/, '.ts'))))
    .filter((imported) => existsSync(join(ROOT, imported)));
}

/** Whether `file`, or a test helper it imports (at any depth), starts a bundle from dist/. */
function runsDist(file: string, seen = new Set<string>()): boolean {
  if (RUNS_DIST.includes(file)) return true;
  if (seen.has(file) || !file.startsWith('test/')) return false;
  seen.add(file);
  return localImports(file).some((imported) => runsDist(imported, seen));
}

describe('the test projects', () => {
  const all = globSync('test/**/*.test.ts', { cwd: ROOT });
  const e2e = new Set(E2E.flatMap((pattern) => globSync(pattern, { cwd: ROOT })));

  it('put every test file that runs dist/ in the e2e project', () => {
    const misplaced = all.filter((file) => !e2e.has(file) && runsDist(file));
    expect(misplaced, 'add these to E2E in vitest.config.ts').toEqual([]);
  });

  it('find the helpers that run dist/ (the check above can fail)', () => {
    expect(runsDist('test/stories/auth0-example.test.ts')).toBe(true);
    expect(runsDist('test/plan/digest.test.ts')).toBe(false);
  });
});
