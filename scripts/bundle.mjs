// Builds the five bundles (action main, action post, CLI, the worker thread that reads an
// Auth0 password file beside the first and third, and the `./lazy` library entry with its types) the way actions/upload-artifact
// does: ESM output plus the package.json ncc writes beside it. tsc compiles src/ once (and
// checks its types); ncc then bundles the JavaScript, much faster than four TypeScript
// compilations inside ncc. The bundles are built side by side.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const entries = [
  ['build/action/main-entry.js', 'dist/main'],
  ['build/action/post-entry.js', 'dist/post'],
  ['build/cli/index.js', 'dist/cli'],
  ['build/sources/auth0/password-worker.js', 'dist/password-worker'],
  ['build/lazy/index.js', 'dist/lazy'],
];

function ncc(entry, out) {
  return new Promise((resolve, reject) => {
    const child = spawn('ncc', ['build', entry, '-o', out, '--target', 'es2023', '--quiet'], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ncc ${entry} exited ${code}`))));
  });
}

rmSync('build', { recursive: true, force: true });
execFileSync('tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
await Promise.all(entries.map(([entry, out]) => ncc(entry, out)));
// The library's types beside its bundle (package.json exports `./lazy`).
execFileSync('tsc', ['-p', 'tsconfig.lazy.json'], { stdio: 'inherit' });
// `npx --no-install migrate-to-workos` (in a clone) runs the CLI bundle directly.
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
rmSync('build', { recursive: true, force: true });
