import { afterAll, describe, it } from 'vitest';
import { auth0ImportCases, auth0UserCases } from './cases-auth0.js';
import { clerkImportCases, clerkUserCases } from './cases-clerk.js';
import { configCases, flagCases, locationCases, resumeCases } from './cases-config-flags.js';
import { organizationCases, organizationImportCases } from './cases-organizations.js';
import { checkCase, removeCaseDirectories, runCase, type CorpusCase } from './harness.js';

// Hostile and malformed inputs, each run through the CLI with its expected outcome: exit 2 and
// one sentence naming the file, or exit 1 with the bad records in errors.jsonl and every good
// record planned or imported exactly. Never a hang, a stack trace or a leaked email or hash.

afterAll(removeCaseDirectories);

const groups: [string, CorpusCase[]][] = [
  ['Auth0 user exports', auth0UserCases],
  ['Clerk user exports', clerkUserCases],
  ['Organization files', organizationCases],
  ['The mapping config', configCases],
  ['Flags, --out and --state', flagCases],
  ['Input locations', locationCases],
  [
    'Imports against the stand-in',
    [...auth0ImportCases, ...clerkImportCases, ...organizationImportCases, ...resumeCases],
  ],
];

for (const [title, cases] of groups) {
  describe(title, () => {
    for (const c of cases) {
      const limit = (c.timeoutMs ?? 10_000) + 5_000;
      // Cases whose fix belongs to another part of the code are kept, with the owner named.
      (c.needs ? it.skip : it)(
        c.needs ? `${c.name} (needs ${c.needs})` : c.name,
        async () => {
          const run = await runCase(c);
          try {
            await checkCase(c, run);
          } finally {
            await run.emulator?.close();
          }
        },
        limit,
      );
    }
  });
}
