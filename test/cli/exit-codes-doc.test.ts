import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, USAGE } from '../../src/cli/args.js';

// The exit codes are a contract (scripts and the action's step branch on them): the README gives
// them for every command, and the top-level help names every reason for a 1.

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The commands of the README's exit-code table (the one whose header is `| command | 0 | 1 |`). */
function exitCodeTableCommands(): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^\|\s*command\s*\|\s*0\s*\|\s*1\s*\|$/.test(line));
  expect(start, 'the README has an exit-code table').toBeGreaterThan(-1);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(/^\|\s*`([a-z]+)`/.exec(line)?.[1]);
  }
  return rows.filter((name): name is string => name !== undefined);
}

describe('exit codes', () => {
  it('the README gives them for every command', () => {
    expect(exitCodeTableCommands().sort()).toEqual(Object.keys(COMMAND_HELP).sort());
  });

  it("the top-level help names cutover's no-go and rollback's failed delete", () => {
    const line = USAGE.slice(USAGE.indexOf('Exit codes:'));
    expect(line).toContain('cutover said no-go');
    expect(line).toContain('a rollback delete failed');
    expect(line).toContain('verify found drift');
  });
});
