import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/server.js';
import { loadMappingConfig } from '../config/mapping-config.js';
import { assertNotSpecialFile } from '../io/file-kind.js';
import { recordExitCode } from '../modes/exit-code.js';
import { runMigration, type MigrationOptions } from '../modes/migration.js';
import { resolveSourceFiles } from '../modes/source-locations.js';
import { UsageError } from '../model/types.js';
import { streamLogger } from '../report/logger.js';
import { renderSummaryText } from '../report/text.js';
import { parseSourceKind } from '../sources/index.js';
import { parseLoginProbes } from '../reconcile/login-probes.js';
import { parseCliArgs, USAGE, type CliArgs } from './args.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** Runs one CLI command and returns the exit code (0, 1 or 2 as in DESIGN §2). */
export async function runCli(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      case 'emulator':
        return await serveEmulator(args, io);
      case 'demo':
        return await runDemo(io);
      case 'bench':
        throw new UsageError('bench is not available yet.');
      default:
        return await runMode(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function runMode(args: CliArgs, io: CliIO): Promise<number> {
  if (!args.users) throw new UsageError(`${args.command} needs --users FILE (the user export).`);
  const mode = args.command === 'import' ? 'import' : args.command === 'verify' ? 'verify' : 'plan';
  // Encrypted files, env:NAME and artifact:NAME become files in a private temp dir, removed at the end.
  const tempDir = await mkdtemp(join(tmpdir(), 'migrate-to-workos-'));
  const sources = await resolveSourceFiles(
    { users: args.users, passwords: args.passwords, organizations: args.organizations },
    { tempDir, env: io.env, passphrase: io.env.MIGRATE_TO_WORKOS_PASSPHRASE },
  ).catch(async (error: unknown) => {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  });
  const controller = new AbortController();
  // Ctrl-C / SIGTERM: stop taking records, let in-flight writes land in the journal, report.
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const options: MigrationOptions = {
      mode,
      source: parseSourceKind(args.source),
      files: sources.files,
      fileLabels: sources.labels,
      config: await loadMappingConfig(args.config),
      stateDir: args.state,
      outDir: args.out,
      // A dry run uses a key when there is one (to check role slugs) and never needs it.
      target: mode === 'plan' && !io.env.WORKOS_API_KEY ? undefined : { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
      rateLimit: args.rateLimit,
      concurrency: args.concurrency,
      maxRecords: args.maxRecords,
      timeBudgetMs: args.timeBudgetMs,
      includePii: args.includePii,
      force: args.force,
      loginProbes: args.loginProbes ? await loginProbesFrom(args.loginProbes, io.env) : undefined,
      log: streamLogger(io.stderr),
      signal: controller.signal,
    };
    const result = await runMigration(options);
    io.stdout.write(renderSummaryText(result.summary));
    if (result.files) io.stdout.write(`Reports in ${args.out}\n`);
    return recordExitCode(result.summary, args.failOn);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await sources.cleanup();
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function loginProbesFrom(path: string, env: NodeJS.ProcessEnv): Promise<MigrationOptions['loginProbes']> {
  const clientId = env.WORKOS_CLIENT_ID;
  if (!clientId) throw new UsageError('--login-probes needs WORKOS_CLIENT_ID (the client id of the WorkOS environment, client_…).');
  let text: string;
  await assertNotSpecialFile(path, 'the login probes file');
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the login probes file. Check the --login-probes path.`);
  }
  return { clientId, probes: parseLoginProbes(text, path), label: path };
}

async function serveEmulator(args: CliArgs, io: CliIO): Promise<number> {
  const emulator = await startEmulator({ host: args.host, port: args.port ?? 0 });
  io.stdout.write(`WorkOS stand-in listening on ${emulator.url}\nUse it with: WORKOS_API_URL=${emulator.url} WORKOS_API_KEY=sk_test_local\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
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
    const runs: [string, MigrationOptions][] = [
      [
        'Auth0: bulk user export, password hashes, organizations',
        {
          mode: 'import',
          source: 'auth0',
          files: { users: join(examples, 'auth0', 'users.ndjson'), passwords: join(examples, 'auth0', 'passwords.ndjson'), organizations: join(examples, 'auth0', 'organizations.json') },
          stateDir: join(state, 'auth0'),
          outDir: join(state, 'auth0-report'),
          target,
          log,
        },
      ],
      [
        'Clerk: dashboard CSV, organizations',
        {
          mode: 'import',
          source: 'clerk',
          files: { users: join(examples, 'clerk', 'users.csv'), organizations: join(examples, 'clerk', 'organizations.json') },
          config: await loadMappingConfig(join(examples, 'mapping.yml')),
          stateDir: join(state, 'clerk'),
          outDir: join(state, 'clerk-report'),
          target,
          log,
        },
      ],
    ];
    let consistent = true;
    for (const [title, options] of runs) {
      const first = await runMigration(options);
      io.stdout.write(`== ${title}\n${renderSummaryText(first.summary)}\n`);
      const again = await runMigration(options);
      const u = again.summary.users;
      io.stdout.write(`Imported again from the checkpoint: ${u.created} created, ${u.updated} updated, ${u.unchanged} unchanged, ${again.summary.requests?.writes ?? 0} writes.\n\n`);
      const found = first.summary.workos;
      consistent &&= !!found && found.users.missing === 0 && found.organizations.missing === 0 && found.memberships.missing === 0 && u.created === 0;
    }
    const held = emulator.snapshot();
    io.stdout.write(`The stand-in now holds ${held.users.length} users, ${held.organizations.length} organizations, ${held.memberships.length} memberships.\n`);
    io.stdout.write(`Reports (summary.md, errors.jsonl, id-map.csv, reenroll.csv) are in ${state}\n`);
    return consistent ? 0 : 1;
  } finally {
    await emulator.close();
  }
}
