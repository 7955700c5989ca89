// Every test, and every CLI, action or stand-in process a test starts, makes its temporary files
// under one folder of this run (TMPDIR is inherited by the workers and their children), and the
// folder goes when the run ends: the suite leaves /tmp as it found it, even when a test fails
// before its own cleanup or a killed child leaves its files behind.
//
// What escapes that folder (a hard-coded /tmp, a child started without TMPDIR) is caught at the
// end: the run fails when the real temporary folder holds entries it did not hold before. So does
// what a test left in the run's folder itself (each test removes what it makes), except the few
// things no test can remove: see LEFT_BY_KILLED_CHILDREN.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRATCH_PREFIX = 'migrate-to-workos-tests-';

/**
 * The temporary folders of the CLI and the action themselves (src/cli/main.ts, the state store,
 * the artifact download), which they remove when they end. A crash test kills them with SIGKILL
 * mid-run, when they cannot; a test that starts such a child can give it its own TMPDIR (a folder
 * the test removes), and the crash tests do, but the left ones are the product's, not a test's.
 */
const LEFT_BY_KILLED_CHILDREN = [/^migrate-to-workos-(state-|download-)?[A-Za-z0-9]{6}$/];

export default function setup(): () => void {
  const real = tmpdir();
  const before = new Set(readdirSync(real));
  const scratch = mkdtempSync(join(real, SCRATCH_PREFIX));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const entries = readdirSync(scratch);
    const unremoved = notRemovedByTests(entries);
    const allowed = entries.filter((name) => !unremoved.includes(name));
    if (allowed.length > 0)
      console.warn(`Left in the run's TMPDIR by children killed with SIGKILL (removed now): ${byPrefix(allowed)}`);
    rmSync(scratch, { recursive: true, force: true });
    const left = leftBehind(before, readdirSync(real));
    const problems: string[] = [];
    if (unremoved.length > 0)
      // Named by prefix, so the test that did not clean up can be found (its folders carry it).
      problems.push(
        `The tests left temporary entries in the run's TMPDIR (removed now; a test makes a folder it ` +
          `does not remove: make it with tempDirForFile from test/support/temp-dir.ts, or remove it in ` +
          `afterEach/afterAll): ${byPrefix(unremoved)}`,
      );
    if (left.length > 0)
      problems.push(
        `The tests left ${left.length} new entr${left.length === 1 ? 'y' : 'ies'} in ${real} (a test writes ` +
          `outside TMPDIR, or starts a child without it; remove them and fix the test): ${left.join(', ')}`,
      );
    if (problems.length > 0) {
      // A thrown teardown error is printed by vitest, but the counts stay green: this failure
      // must also end the run with a non-zero code.
      process.exitCode = 1;
      throw new Error(problems.join('\n'));
    }
  };
}

/**
 * What is in the temporary folder now that was not before. Another run's own scratch folder (a
 * run of the suite in another checkout, at the same time) is that run's to remove, not ours.
 */
export function leftBehind(before: ReadonlySet<string>, after: readonly string[]): string[] {
  return after.filter((name) => !before.has(name) && !name.startsWith(SCRATCH_PREFIX)).sort();
}

/** What tests left in the run's TMPDIR, less what only a killed child of a crash test leaves. */
export function notRemovedByTests(names: readonly string[]): string[] {
  return names.filter((name) => !LEFT_BY_KILLED_CHILDREN.some((pattern) => pattern.test(name))).sort();
}

/** `story-auth0-a1B2c3, story-auth0-d4E5f6, x.json` → `story-auth0-… ×2, x.json`. */
function byPrefix(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const prefix = name.replace(/[A-Za-z0-9]{6}$/, '…');
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([prefix, count]) => (count === 1 ? prefix : `${prefix} ×${count}`))
    .join(', ');
}
