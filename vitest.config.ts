import { defineConfig } from 'vitest/config';

// Two projects. `unit`: fast tests of the source, in process (`npm run test:unit`). `e2e`: tests
// of what ships, which run the bundles in dist/ (the CLI, the action), the stories and the corpus;
// the project bundles from the current source first when dist/ is not what src/ builds, so a source
// change can never pass against a stale bundle. `npm test` runs both.
// A test file that runs dist/ (test/support/cli.ts, test/e2e/run-action.ts) belongs in E2E:
// test/suite/projects.test.ts fails when one is left in `unit`.
export const E2E = [
  'test/e2e/**/*.test.ts',
  'test/stories/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  'test/cli/allocator-restart.test.ts',
  'test/cli/command-help.test.ts',
  'test/cli/emulator-command.test.ts',
  'test/cli/hostile-names.test.ts',
  'test/cli/interrupt.test.ts',
  'test/export/action-export.test.ts',
  'test/export/auth0-export.test.ts',
  'test/export/clerk-export.test.ts',
  'test/export/kill-and-resume.test.ts',
  // The engine against the stand-in under faults, outages and crashes, and the soak.
  'test/integration/**/*.test.ts',
  // The real gpg and age decrypting inputs: seconds each.
  'test/io/input-location.test.ts',
  'test/lazy/package-entry.test.ts',
  'test/sources/auth0/password-worker.test.ts',
];

export default defineConfig({
  test: {
    // The run's own TMPDIR, and the check that /tmp holds no more after the run than before.
    globalSetup: ['test/support/scratch-tmpdir.ts'],
    // Tests start real HTTP servers and child processes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/support/bundle-first.ts'],
          // Every request the engine sends the WorkOS stand-in, and every answer, against WorkOS's spec.
          setupFiles: ['test/support/workos-spec/check-exchanges.ts'],
        },
      },
    ],
  },
});
