import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/server.js';
import { recordExitCode } from '../modes/exit-code.js';
import { runMigration, type MigrationOptions } from '../modes/migration.js';
import { UsageError } from '../model/types.js';
import { streamLogger } from '../report/logger.js';
import { renderSummaryText } from '../report/text.js';
import { parseSourceKind } from '../sources/index.js';
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
  const controller = new AbortController();
  // Ctrl-C / SIGTERM: stop taking records, let in-flight writes land in the journal, report.
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const options: MigrationOptions = {
      mode,
      source: parseSourceKind(args.source),
      files: { users: args.users, passwords: args.passwords, organizations: args.organizations },
      stateDir: args.state,
      outDir: args.out,
      target: mode === 'plan' ? undefined : { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
      rateLimit: args.rateLimit,
      concurrency: args.concurrency,
      maxRecords: args.maxRecords,
      timeBudgetMs: args.timeBudgetMs,
      includePii: args.includePii,
      force: args.force,
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
  }
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
  try {
    io.stdout.write(`Local WorkOS stand-in: ${emulator.url}\n\n`);
    const base: MigrationOptions = {
      mode: 'import',
      source: 'auth0',
      files: { users: join(examples, 'auth0', 'users.ndjson'), passwords: join(examples, 'auth0', 'passwords.ndjson') },
      target: { apiKey: 'sk_test_demo', apiUrl: emulator.url },
      // The stand-in allows 500 writes / 10 s like WorkOS; the demo has few records.
      rateLimit: 45,
      log: streamLogger(io.stderr),
    };
    const first = await runMigration(base);
    io.stdout.write(`First import of the Auth0 sample export:\n${renderSummaryText(first.summary)}\n`);
    const state = emulator.snapshot();
    const expected = first.outcomes.filter((o) => o.workosId).length;
    io.stdout.write(`WorkOS (stand-in) now holds ${state.users.length} user(s); the import accounts for ${expected}.\n`);
    return state.users.length === expected ? 0 : 1;
  } finally {
    await emulator.close();
  }
}
