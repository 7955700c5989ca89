import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { standInBanner } from '../emulator/banner.js';
import { startEmulator } from '../emulator/server.js';
import { gitHubArtifacts } from '../github/artifact-download.js';
import { withLazyPasswords } from '../config/lazy-passwords.js';
import { loadMappingConfig } from '../config/mapping-config.js';
import { assertNotSpecialFile } from '../io/file-kind.js';
import { recordExitCode } from '../modes/exit-code.js';
import { runCutoverMode, cutoverOptions } from '../modes/cutover.js';
import { importOptions, runImport, type ImportOptions } from '../modes/import.js';
import { lazyFinishOptions, runLazyFinish } from '../modes/lazy-finish.js';
import type { LoginProbeSet, MigrationResult, MigrationSettings, ResolvedRun } from '../modes/pipeline.js';
import { planOptions, runPlan } from '../modes/plan.js';
import { rollbackOptions, runRollback } from '../modes/rollback.js';
import { runVerify, verifyOptions } from '../modes/verify.js';
import { resolveSourceFiles } from '../modes/source-locations.js';
import { registerSecret, registerSecretsFromEnvironment, scrubText } from '../model/mask.js';
import { UsageError } from '../model/types.js';
import { streamLogger } from '../report/logger.js';
import { renderSummaryText } from '../report/text.js';
import { parseSourceKind } from '../sources/index.js';
import { parseLoginProbes } from '../reconcile/login-probes.js';
import { createInterface } from 'node:readline/promises';
import { describeInterruption, onInterrupt } from '../shell/interrupt.js';
import { helpText, parseCliArgs, type CliArgs } from './args.js';
import type { CliIO } from './cli-io.js';
import { runExportCommand } from './export-command.js';
import { runInventoryCommand } from './inventory-command.js';
import { runWatchCommand } from './watch-command.js';

export type { CliIO } from './cli-io.js';

/** Runs one CLI command and returns the exit code (0, 1, 2, 130 or 143, as in the README's table). */
export async function runCli(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin },
): Promise<number> {
  // Before anything can print: these are masked in every report and line of output from here on.
  registerSecretsFromEnvironment(io.env);
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(`${helpText(args.helpTopic)}\n`);
        return 0;
      case 'emulator':
        return await serveEmulator(args, io);
      case 'demo':
        return await runDemo(io);
      case 'export':
        return await runExportCommand(args, io);
      case 'watch':
        return await runWatchCommand(args, io);
      case 'inventory':
        return await runInventoryCommand(args, io);
      default:
        return await runMode(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${scrubText(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

async function runMode(args: CliArgs, io: CliIO): Promise<number> {
  const mode =
    args.command === 'import' || args.command === 'verify' || args.command === 'rollback' || args.command === 'cutover'
      ? args.command
      : 'plan';
  if (mode === 'import' || (mode === 'rollback' && args.confirm))
    await confirmProduction(io.env.WORKOS_API_KEY, args.confirmProduction, io);
  if (mode === 'rollback') return runRollbackCommand(args, io);
  // parseCliArgs refused a mode without --users.
  if (!args.users) throw new UsageError(`${args.command} needs --users, the user export: it is missing or blank.`);
  // Encrypted files, env:NAME and artifact:NAME become files in a private temp dir, removed at the end.
  const tempDir = await mkdtemp(join(tmpdir(), 'migrate-to-workos-'));
  const sources = await resolveSourceFiles(
    {
      users: args.users,
      passwords: args.passwords,
      organizations: args.organizations,
      hashConfig: args.hashConfig,
      mfa: args.mfa,
    },
    // An artifact of this run, read with the job's runtime token when run inside GitHub Actions.
    { tempDir, env: io.env, passphrase: io.env.MIGRATE_TO_WORKOS_PASSPHRASE, artifacts: gitHubArtifacts(undefined) },
  ).catch(async (error: unknown) => {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  });
  // Ctrl-C / SIGTERM: stop taking records, let in-flight writes land in the journal, report; twice: exit now.
  const interruption = onInterrupt({
    exitOnSecond: true,
    onFirst: (signal) => io.stderr.write(`\n${signal}: stopping after the writes in flight (again to quit at once)…\n`),
  });
  try {
    const settings = migrationSettings(args, {
      // A dry run uses a key when there is one (to check role slugs) and never needs it.
      target:
        mode === 'plan' && !io.env.WORKOS_API_KEY
          ? undefined
          : { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
    });
    const resolved: ResolvedRun = {
      files: sources.files,
      fileLabels: sources.labels,
      config: withLazyPasswords(await loadMappingConfig(args.config), args.lazyPasswords),
      loginProbes: args.loginProbes ? await loginProbesFrom(args.loginProbes, io.env) : undefined,
      log: streamLogger(io.stderr),
      signal: interruption.signal,
    };
    const result = await runExportMode(mode, args.lazyFinish, settings, resolved);
    io.stdout.write(renderSummaryText(result.summary));
    if (result.files) io.stdout.write(`Reports in ${args.out}\n`);
    if (result.summary.fatal) io.stderr.write(`error: ${scrubText(result.summary.fatal)}\n`);
    if (interruption.received) {
      const s = result.summary;
      const pending = s.users.pending + s.organizations.pending + s.memberships.pending;
      const resume = args.state
        ? 'Run the same command again to go on from the checkpoint.'
        : 'Run it again with --state DIR to keep a checkpoint; without one every record is looked up again.';
      io.stderr.write(`${describeInterruption(interruption.received, pending, resume)}\n`);
      return interruption.exitCode!;
    }
    return recordExitCode(result.summary, args.failOn);
  } finally {
    interruption.dispose();
    await sources.cleanup();
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** rollback reads no export: the checkpoint says what the migration created. */
async function runRollbackCommand(args: CliArgs, io: CliIO): Promise<number> {
  const interruption = onInterrupt({
    exitOnSecond: true,
    onFirst: (signal) =>
      io.stderr.write(`\n${signal}: stopping after the deletes in flight (again to quit at once)…\n`),
  });
  try {
    const settings = migrationSettings(args, {
      target:
        io.env.WORKOS_API_KEY || args.confirm
          ? { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL }
          : undefined,
    });
    const result = await runRollback(
      rollbackOptions(settings, { log: streamLogger(io.stderr), signal: interruption.signal }),
    );
    io.stdout.write(renderSummaryText(result.summary));
    if (result.files) io.stdout.write(`Reports in ${args.out}\n`);
    if (interruption.received) {
      io.stderr.write(
        `${describeInterruption(interruption.received, 0, 'Run rollback --confirm again: it goes on from the checkpoint.')}\n`,
      );
      return interruption.exitCode!;
    }
    return recordExitCode(result.summary, args.failOn);
  } finally {
    interruption.dispose();
  }
}

/** The settings of a migration run, from the parsed flags (the key comes from the environment). */
function migrationSettings(args: CliArgs, from: Pick<MigrationSettings, 'target'>): MigrationSettings {
  return {
    source: parseSourceKind(args.source),
    stateDir: args.state,
    outDir: args.out,
    target: from.target,
    rateLimit: args.rateLimit,
    readRateLimit: args.readRateLimit,
    concurrency: args.concurrency,
    maxRecords: args.maxRecords,
    timeBudgetMs: args.timeBudgetMs,
    includePii: args.includePii,
    force: args.force,
    prune: args.prune,
    pruneLimit: args.pruneLimit,
    forcePasswords: args.forcePasswords,
    confirmRollback: args.confirm,
    portalLinks: args.portalLinks,
  };
}

/** Each mode with its own options; the modes that read an export. */
function runExportMode(
  mode: 'plan' | 'import' | 'verify' | 'cutover',
  lazyFinish: boolean,
  settings: MigrationSettings,
  resolved: ResolvedRun,
): Promise<MigrationResult> {
  switch (mode) {
    case 'plan':
      return runPlan(planOptions(settings, resolved));
    case 'import':
      return lazyFinish
        ? runLazyFinish(lazyFinishOptions(settings, resolved))
        : runImport(importOptions(settings, resolved));
    case 'verify':
      return runVerify(verifyOptions(settings, resolved));
    case 'cutover':
      return runCutoverMode(cutoverOptions(settings, resolved));
  }
}

/**
 * An sk_live_ key imports into production only with --confirm-production, or a typed "yes" when a
 * person is at a terminal; a script or CI job without the flag stops here, before any write.
 */
async function confirmProduction(apiKey: string | undefined, confirmed: boolean, io: CliIO): Promise<void> {
  if (!apiKey?.startsWith('sk_live_') || confirmed) return;
  const refusal = 'WORKOS_API_KEY is a production key (sk_live_). To import into production pass --confirm-production.';
  if (!io.stdin?.isTTY || !io.stderr.isTTY) throw new UsageError(refusal);
  const prompt = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await prompt.question(
      'WORKOS_API_KEY is a production key (sk_live_). Import into production? Type yes to go on: ',
    );
    if (answer.trim().toLowerCase() !== 'yes')
      throw new UsageError('Not confirmed: nothing was written. Pass --confirm-production to skip the question.');
  } finally {
    prompt.close();
  }
}

async function loginProbesFrom(path: string, env: NodeJS.ProcessEnv): Promise<LoginProbeSet> {
  const clientId = env.WORKOS_CLIENT_ID;
  if (!clientId)
    throw new UsageError('--login-probes needs WORKOS_CLIENT_ID (the client id of the WorkOS environment, client_…).');
  let text: string;
  await assertNotSpecialFile(path, 'the login probes file');
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the login probes file. Check the --login-probes path.`);
  }
  const probes = parseLoginProbes(text, path);
  for (const probe of probes) registerSecret(probe.password);
  return { clientId, probes, label: path };
}

async function serveEmulator(args: CliArgs, io: CliIO): Promise<number> {
  const emulator = await startEmulator({ host: args.host, port: args.port ?? 0 });
  io.stdout.write(standInBanner(emulator.url));
  const interruption = onInterrupt();
  await new Promise<void>((done) => interruption.signal.addEventListener('abort', () => done(), { once: true }));
  interruption.dispose();
  await emulator.close();
  return 0;
}

/** The project's own files (examples/), found from the bundle's location: dist/cli/ → root. */
export function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

async function runDemo(io: CliIO): Promise<number> {
  const examples = join(projectRoot(), 'examples');
  const emulator = await startEmulator();
  const log = streamLogger(io.stderr);
  const state = await mkdtemp(join(tmpdir(), 'migrate-to-workos-demo-'));
  try {
    io.stdout.write(`Local WorkOS stand-in: ${emulator.url} (500 writes / 10 s, like WorkOS)\n\n`);
    const target = { apiKey: 'sk_test_demo', apiUrl: emulator.url };
    const runs: [string, ImportOptions][] = [
      [
        'Auth0: bulk user export, password hashes, organizations',
        {
          source: 'auth0',
          files: {
            users: join(examples, 'auth0', 'users.ndjson'),
            passwords: join(examples, 'auth0', 'passwords.ndjson'),
            organizations: join(examples, 'auth0', 'organizations.json'),
          },
          stateDir: join(state, 'auth0'),
          outDir: join(state, 'auth0-report'),
          target,
          log,
        },
      ],
      [
        'Clerk: dashboard CSV, organizations',
        {
          source: 'clerk',
          files: {
            users: join(examples, 'clerk', 'users.csv'),
            organizations: join(examples, 'clerk', 'organizations.json'),
          },
          config: await loadMappingConfig(join(examples, 'mapping.yml')),
          stateDir: join(state, 'clerk'),
          outDir: join(state, 'clerk-report'),
          target,
          log,
        },
      ],
      ...(
        [
          [
            'firebase',
            'Firebase: auth:export JSON with the project hash parameters',
            {
              users: join(examples, 'firebase', 'users.json'),
              hashConfig: join(examples, 'firebase', 'hash-config.json'),
            },
          ],
          [
            'cognito',
            'Cognito: list-users JSON (no hashes: password-reset.csv)',
            { users: join(examples, 'cognito', 'users.json') },
          ],
          ['supabase', 'Supabase: auth.users CSV', { users: join(examples, 'supabase', 'users.csv') }],
          [
            'csv',
            'Generic CSV (WorkOS migrations CLI columns), organizations and roles',
            { users: join(examples, 'csv', 'users.csv') },
          ],
        ] as const
      ).map(([source, title, files]): [string, ImportOptions] => [
        title,
        {
          source,
          files,
          stateDir: join(state, source),
          outDir: join(state, `${source}-report`),
          target,
          log,
        },
      ]),
    ];
    let consistent = true;
    for (const [title, options] of runs) {
      const first = await runImport(options);
      io.stdout.write(`== ${title}\n${renderSummaryText(first.summary)}\n`);
      const again = await runImport(options);
      const u = again.summary.users;
      io.stdout.write(
        `Imported again from the checkpoint: ${u.created} created, ${u.updated} updated, ${u.unchanged} unchanged, ${again.summary.requests?.writes ?? 0} writes.\n\n`,
      );
      const found = first.summary.workos;
      consistent &&=
        !!found &&
        found.users.missing === 0 &&
        found.organizations.missing === 0 &&
        found.memberships.missing === 0 &&
        u.created === 0;
    }
    const held = emulator.snapshot();
    io.stdout.write(
      `The stand-in now holds ${held.users.length} users, ${held.organizations.length} organizations, ${held.memberships.length} memberships.\n`,
    );
    io.stdout.write(
      `Reports (summary.md, errors.jsonl, id-map.csv, reenroll.csv, password-reset.csv) are in ${state}\n`,
    );
    return consistent ? 0 : 1;
  } finally {
    await emulator.close();
  }
}
