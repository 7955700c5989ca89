#!/usr/bin/env node
import { restartUnderAllocatorSettings } from '../compact/allocator.js';
import { keepOldGenerationClose, keepYoungGenerationSmall } from '../compact/heap.js';
import { type CliArgs, helpText, parseCliArgs } from './args.js';

const argv = process.argv.slice(2);
// `--help` answers without loading the engine, the SDK or the stand-in: a fast first start.
const help = helpRequest(argv);
if (help) {
  process.stdout.write(`${helpText(help.helpTopic)}\n`);
} else {
  restartUnderAllocatorSettings();
  keepYoungGenerationSmall();
  keepOldGenerationClose();
  const { runCli } = await import('./main.js');
  const { scrubText } = await import('../model/mask.js');
  try {
    process.exitCode = await runCli(argv);
  } catch (error) {
    // A bug, not a usage error: the stack helps, but it is scrubbed like every other line (an
    // API error's message can echo a key).
    process.stderr.write(`${scrubText(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = 1;
  }
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
