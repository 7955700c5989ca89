// Every test, and every CLI, action or stand-in process a test starts, makes its temporary files
// under one folder of this run (TMPDIR is inherited by the workers and their children), and the
// folder goes when the run ends: the suite leaves /tmp as it found it, even when a test fails
// before its own cleanup or a killed child leaves its files behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'migrate-to-workos-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(scratch, { recursive: true, force: true });
  };
}
