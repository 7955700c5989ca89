import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What ships: `migrate-to-workos/lazy` resolves through package.json "exports" to the bundle
// `npm run bundle` writes, with its types, and `files` ships it.

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  exports: Record<string, { types: string; import: string }>;
  files: string[];
};

describe('the ./lazy package entry', () => {
  it('is exported with types and shipped', () => {
    expect(pkg.exports['./lazy']).toEqual({ types: './dist/lazy/index.d.ts', import: './dist/lazy/index.js' });
    expect(pkg.files).toContain('dist/');
  });

  it('loads from the bundle by its package name', () => {
    expect(existsSync(`${root}/dist/lazy/index.js`), 'run `npm run bundle` first').toBe(true);
    expect(existsSync(`${root}/dist/lazy/index.d.ts`)).toBe(true);
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('migrate-to-workos/lazy'); console.log(typeof m.createLazyMigration, m.LAZY_METADATA_KEY)",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('function migrate_to_workos_lazy');
  });
});
