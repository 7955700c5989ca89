// Builds the three bundles (action main, action post, CLI) with ncc, the way
// actions/upload-artifact does: ESM output plus the package.json ncc writes beside it.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const entries = [
  ['src/action/main-entry.ts', 'dist/main'],
  ['src/action/post-entry.ts', 'dist/post'],
  ['src/cli/index.ts', 'dist/cli'],
];

rmSync('dist', { recursive: true, force: true });
for (const [entry, out] of entries) {
  execFileSync('ncc', ['build', entry, '-o', out, '--target', 'es2023', '--quiet'], { stdio: 'inherit' });
}
// `npx migrate-to-workos` runs the CLI bundle directly.
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
