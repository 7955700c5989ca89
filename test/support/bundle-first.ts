// The end-to-end tests run what ships: the bundles in dist/. Before they start, dist/ is built
// from the current source unless it is exactly what the current source built last time (a
// fingerprint of the bundle's inputs and of dist/ itself, kept outside dist/ so a bundle of an
// unchanged source leaves dist/ byte for byte as it was). A source change can never pass
// against a stale bundle, and a second run of an unchanged tree does not wait for a rebuild.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What `npm run bundle` reads: a change to any of them changes what dist/ should hold. */
const INPUTS = [
  'src',
  'scripts/bundle.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.lazy.json',
  'package.json',
  'package-lock.json',
];
const STAMP = join(ROOT, 'node_modules', '.cache', 'migrate-to-workos', 'dist-fingerprint');

export default function setup(): void {
  const inputs = fingerprint(INPUTS);
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === `${inputs} ${fingerprint(['dist'])}`) return;
  const started = Date.now();
  console.log('Bundling dist/ from the current source before the end-to-end tests (npm run bundle)…');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    // The bundle script runs tsc and ncc by name, as `npm run bundle` does.
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
  });
  console.log(`Bundled in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  mkdirSync(join(STAMP, '..'), { recursive: true });
  writeFileSync(STAMP, `${inputs} ${fingerprint(['dist'])}`);
}

/** One hash over the paths and contents of every file under `paths` (relative to the root). */
function fingerprint(paths: string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((path) => filesUnder(join(ROOT, path))).sort()) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [path];
  }
}
