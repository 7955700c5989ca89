import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_SETTINGS } from '../../src/compact/allocator.js';
import { CLI_BUNDLE } from '../support/cli.js';
import { MAIN_BUNDLE } from '../e2e/run-action.js';
import { tempDirForFile } from '../support/temp-dir.js';

// The shipped CLI and action start again under the allocator's settings (compact/allocator.ts)
// in the same process: the pid a runner or a test holds is the one doing the work, so a SIGKILL
// still stops everything at once. A preload (kept across the restart with Node's own flags)
// writes down, at exit, the environment and pid the work ran under.

const dir = tempDirForFile('allocator-restart-');
const probe = join(dir, 'probe.mjs');
writeFileSync(
  probe,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.PROBE_FILE, JSON.stringify({ pid: process.pid, arena: process.env.MALLOC_ARENA_MAX, mmap: process.env.MALLOC_MMAP_THRESHOLD_ })));
`,
);

async function runProbed(
  entry: string,
  args: string[],
  env: Record<string, string>,
  name: string,
): Promise<{ pid: number; ran: { pid: number; arena?: string; mmap?: string } }> {
  const file = join(dir, `${name}.json`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MALLOC_')));
  const child = spawn(process.execPath, ['--import', probe, entry, ...args], {
    env: { ...clean, CI: 'true', PROBE_FILE: file, ...env },
    stdio: 'ignore',
  });
  await new Promise((resolve) => child.on('close', resolve));
  return { pid: child.pid!, ran: JSON.parse(readFileSync(file, 'utf8')) };
}

describe.runIf(process.platform === 'linux')('the shipped entry points under the allocator settings', () => {
  it('the CLI runs its command in the same process, under the settings', async () => {
    const { pid, ran } = await runProbed(CLI_BUNDLE, ['plan'], {}, 'cli');
    expect(ran).toEqual({
      pid,
      arena: ALLOCATOR_SETTINGS.MALLOC_ARENA_MAX,
      mmap: ALLOCATOR_SETTINGS.MALLOC_MMAP_THRESHOLD_,
    });
  });

  it('the action does too, and a setting the workflow made is kept', async () => {
    const { pid, ran } = await runProbed(MAIN_BUNDLE, [], { MALLOC_ARENA_MAX: '4' }, 'action');
    expect(ran).toEqual({ pid, arena: '4', mmap: ALLOCATOR_SETTINGS.MALLOC_MMAP_THRESHOLD_ });
  });
});
