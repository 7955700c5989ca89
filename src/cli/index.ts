#!/usr/bin/env node
import { keepOldGenerationClose, keepYoungGenerationSmall } from '../compact/heap.js';
import { parseCliArgs, USAGE } from './args.js';

const argv = process.argv.slice(2);
// `--help` answers without loading the engine, the SDK or the stand-in: a fast first start.
if (isHelp(argv)) {
  process.stdout.write(`${USAGE}\n`);
} else {
  keepYoungGenerationSmall();
  keepOldGenerationClose();
  const { runCli } = await import('./main.js');
  process.exitCode = await runCli(argv);
}

function isHelp(args: string[]): boolean {
  try {
    return parseCliArgs(args).command === 'help';
  } catch {
    return false; // runCli reports the bad flag
  }
}
