import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/cli.js';
import { tempDirForFile } from '../support/temp-dir.js';
import { examplePii, expectNoPii, filesUnder, shown } from './story-support.js';

// Someone evaluating the tool runs `npm run demo` (`migrate-to-workos demo`): the bundled
// examples go into a local stand-in, and the reconciliation it prints must add up.

const COLUMNS = ['total', 'created', 'updated', 'unchanged', 'skipped', 'invalid', 'failed', 'pending'] as const;

type Row = Record<(typeof COLUMNS)[number], number>;

function tables(stdout: string): Map<string, Row>[] {
  const result: Map<string, Row>[] = [];
  let current: Map<string, Row> | undefined;
  for (const line of stdout.split('\n')) {
    if (/^\s+total\s+created\s+updated\s+unchanged\s+skipped\s+invalid\s+failed\s+pending\s*$/.test(line)) {
      current = new Map();
      result.push(current);
      continue;
    }
    const row = /^(users|organizations|memberships)\s+((?:\d+\s+){7}\d+)\s*$/.exec(line);
    if (row && current) {
      const numbers = row[2]!.trim().split(/\s+/).map(Number);
      current.set(row[1]!, Object.fromEntries(COLUMNS.map((c, i) => [c, numbers[i]!])) as Row);
    } else current = undefined;
  }
  return result;
}

describe('migrate-to-workos demo', () => {
  it('exits 0 and prints a reconciliation whose numbers add up', async () => {
    // The demo leaves its reports for the reader: here they go to a folder the test removes.
    const run = await runCliProcess(['demo'], { WORKOS_API_KEY: '', TMPDIR: tempDirForFile('demo-') });
    expect(run.code, shown(run)).toBe(0);

    // Auth0, Clerk, Firebase, Cognito, Supabase, the generic CSV.
    const all = tables(run.stdout);
    expect(all, run.stdout).toHaveLength(6);
    const [auth0, clerk] = all;
    for (const table of [auth0!, clerk!]) expect([...table.keys()]).toEqual(['users', 'organizations', 'memberships']);
    for (const table of all) {
      for (const [entity, c] of table) {
        expect(c.total, `${entity}: ${JSON.stringify(c)}`).toBe(
          c.created + c.updated + c.unchanged + c.skipped + c.invalid + c.failed + c.pending,
        );
        expect(c.failed + c.pending, entity).toBe(0);
      }
    }
    // The example READMEs' counts.
    expect(auth0!.get('users')).toMatchObject({ total: 29, created: 27, skipped: 1, invalid: 1 });
    expect(clerk!.get('users')).toMatchObject({ total: 20, created: 19, invalid: 1 });

    // Everything imported was found again in WorkOS.
    const found = [...run.stdout.matchAll(/found in WorkOS, (\w+): (\d+) of (\d+) \((\d+) missing, (\d+) mismatched/g)];
    expect(found).toHaveLength(all.reduce((n, table) => n + table.size, 0));
    for (const [line, , got, expected, missing, mismatched] of found) {
      expect(got, line).toBe(expected);
      expect([missing, mismatched], line).toEqual(['0', '0']);
    }

    // The second run of each import came from the checkpoint and wrote nothing.
    const again = [
      ...run.stdout.matchAll(
        /Imported again from the checkpoint: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) writes/g,
      ),
    ];
    expect(again.map((m) => m.slice(1).map(Number))).toEqual(
      all.map((table) => [0, 0, table.get('users')!.created, 0]),
    );

    const held = /holds (\d+) users, (\d+) organizations, (\d+) memberships/.exec(run.stdout);
    const created = (entity: string) => all.reduce((n, table) => n + (table.get(entity)?.created ?? 0), 0);
    expect(held?.slice(1).map(Number)).toEqual([created('users'), created('organizations'), created('memberships')]);

    const reports = /are in (\S+)/.exec(run.stdout)?.[1];
    expect(reports).toBeTruthy();
    expectNoPii(
      [
        { where: 'stdout', text: run.stdout },
        { where: 'stderr', text: run.stderr },
        ...filesUnder(reports!).map((f) => ({ where: f.path, text: f.text })),
      ],
      examplePii(),
    );
  });
});
