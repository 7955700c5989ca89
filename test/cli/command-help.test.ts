import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, defaultFailOn } from '../../src/cli/args.js';
import { flagDefault, flagsOf, type Scope } from '../../src/config/settings.js';
import { runCliProcess } from '../support/cli.js';

// `migrate-to-workos <command> --help`, as the built bin prints it: the command's own flags, as
// the settings table gives them (with their defaults), and its examples.

/** The flags a help text lists under `Flags:`. */
function listedFlags(help: string): string[] {
  const section = help.slice(help.indexOf('\nFlags:\n'), help.indexOf('\n\n', help.indexOf('\nFlags:\n') + 1));
  return [...section.matchAll(/^ {2}--([a-z-]+)/gm)].map((m) => m[1]!);
}

describe('<command> --help through the bin', () => {
  it.each(Object.keys(COMMAND_HELP))('%s: its flags with their defaults, and its examples', async (command) => {
    const help = await runCliProcess([command, '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: migrate-to-workos ${command}\\b`));
    const flags = command === 'demo' ? [] : flagsOf(command as Scope);
    expect(listedFlags(help.stdout)).toEqual(flags.map(([, spec]) => spec.flag));
    // Each flag's help, and its default, joined over the wrapped lines.
    const joined = help.stdout.replace(/\n {27}/g, ' ');
    for (const [, spec] of flags) {
      expect(joined).toContain(spec.cliHelp);
      const fallback = spec.flag === 'fail-on' ? defaultFailOn(command) : flagDefault(spec);
      if (fallback !== undefined) expect(joined).toContain(`${spec.cliHelp} (default ${fallback})`);
    }
    const examples = COMMAND_HELP[command as keyof typeof COMMAND_HELP].examples;
    expect(help.stdout).toContain(`\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
    // -h and `help <command>` print the same.
    for (const args of [
      [command, '-h'],
      ['help', command],
    ])
      expect((await runCliProcess(args)).stdout).toBe(help.stdout);
  });

  it('the overview lists every command and where its flags are', async () => {
    const help = await runCliProcess(['--help']);
    for (const command of Object.keys(COMMAND_HELP)) expect(help.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
    expect(help.stdout).toContain('Run migrate-to-workos <command> --help');
  });
});
