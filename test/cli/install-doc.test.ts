import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No package named migrate-to-workos on the npm registry is ours: a command that fetches that
// name would run whoever published it, with WorkOS, Auth0 and Clerk secrets in its environment.
// The documents people copy commands from never say to (only the README's warning names them).

const root = fileURLToPath(new URL('../../', import.meta.url));
const FETCHES =
  /\b(?:npx(?! --no-install)|npm (?:install|i|exec|x)(?: -g| --global)?|pnpm dlx|yarn dlx|bunx) migrate-to-workos\b/;
const WARNING = '**The CLI is not on the npm registry.**';

function documents(): string[] {
  const dir = (path: string, ext: string) =>
    readdirSync(join(root, path))
      .filter((name) => name.endsWith(ext))
      .map((name) => join(path, name));
  const exampleReadmes = readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'workflows')
    .map((entry) => join('examples', entry.name, 'README.md'));
  return ['README.md', 'action.yml', ...dir('docs', '.md'), ...dir('examples/workflows', '.yml'), ...exampleReadmes];
}

/** The text without the README's warning paragraph, which names the commands not to run. */
function withoutWarning(text: string): string {
  const start = text.indexOf(WARNING);
  return start === -1 ? text : text.slice(0, start) + text.slice(text.indexOf('\n\n', start));
}

describe('install and run commands', () => {
  it('never fetch migrate-to-workos from the npm registry', () => {
    const found = documents().flatMap((path) =>
      withoutWarning(readFileSync(join(root, path), 'utf8'))
        .split('\n')
        .map((line, i) => ({ at: `${path}:${i + 1}`, line }))
        .filter(({ line }) => FETCHES.test(line)),
    );
    expect(found).toEqual([]);
  });

  it('the README says so, and says how to get the CLI instead', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(WARNING);
    expect(readme).toContain('node dist/cli/index.js');
    expect(readme).toContain('npx --no-install migrate-to-workos');
  });
});
