#!/usr/bin/env node
import { keepYoungGenerationSmall } from '../compact/heap.js';
import { parseCliArgs, USAGE } from './args.js';

const argv = process.argv.slice(2);
// `--help` answers without loading the engine, the SDK or the stand-in: a fast first start.
if (isHelp(argv)) {
  process.stdout.write(`${USAGE}\n`);
} else {
  keepYoungGenerationSmall();
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

function isHelp(args: string[]): boolean {
  try {
    return parseCliArgs(args).command === 'help';
  } catch {
    return false; // runCli reports the bad flag
  }
}
