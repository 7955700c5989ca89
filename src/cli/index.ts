#!/usr/bin/env node
import { keepYoungGenerationSmall } from '../compact/heap.js';
import { type CliArgs, helpText, parseCliArgs } from './args.js';

const argv = process.argv.slice(2);
// `--help` answers without loading the engine, the SDK or the stand-in: a fast first start.
const help = helpRequest(argv);
if (help) {
  process.stdout.write(`${helpText(help.helpTopic)}\n`);
} else {
  keepYoungGenerationSmall();
  const { runCli } = await import('./main.js');
  process.exitCode = await runCli(argv);
}

/** `help`, `--help` or `<command> --help`, with the command whose help is asked for. */
function helpRequest(args: string[]): CliArgs | undefined {
  try {
    const parsed = parseCliArgs(args);
    return parsed.command === 'help' ? parsed : undefined;
  } catch {
    return undefined; // runCli reports the bad flag
  }
}
