import { ExportInterrupted, parseExportSource, runExport } from '../export/index.js';
import { UsageError } from '../model/types.js';
import { streamLogger } from '../report/logger.js';
import type { CliArgs } from './args.js';
import type { CliIO } from './cli-io.js';

/**
 * `migrate-to-workos export --source auth0|clerk --out DIR`: fetches the source's exports
 * through its API into DIR, resuming DIR's checkpoint after an interruption. Credentials only
 * from the environment. Prints the files to pass to `import`.
 */
export async function runExportCommand(args: CliArgs, io: CliIO): Promise<number> {
  if (!args.out)
    throw new UsageError(`export needs --out DIR: where the export files (and the export's checkpoint) go.`);
  const source = parseExportSource(args.source);
  const controller = new AbortController();
  let signalName: 'SIGINT' | 'SIGTERM' | undefined;
  const onInt = (): void => {
    signalName = 'SIGINT';
    controller.abort();
  };
  const onTerm = (): void => {
    signalName = 'SIGTERM';
    controller.abort();
  };
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  try {
    const result = await runExport(source, args.out, {
      env: io.env,
      log: streamLogger(io.stderr),
      signal: controller.signal,
    });
    const { users, organizations, memberships } = result.counts;
    io.stdout.write(
      `Exported ${users} users, ${organizations} organizations, ${memberships} memberships into ${args.out}\n`,
    );
    io.stdout.write(
      `Next: migrate-to-workos plan --source ${source} --users ${result.files.users} --organizations ${result.files.organizations}\n`,
    );
    if (source === 'clerk')
      io.stdout.write(
        'Clerk gives no password digests through its API: add the dashboard CSV export to move passwords.\n',
      );
    if (source === 'auth0')
      io.stdout.write(
        'Auth0 gives no password hashes through its API: ask Auth0 support for them and pass --passwords.\n',
      );
    return 0;
  } catch (error) {
    if (error instanceof ExportInterrupted || controller.signal.aborted) {
      io.stderr.write(`Export interrupted; run the same command again to resume from the checkpoint in ${args.out}.\n`);
      return signalName === 'SIGTERM' ? 143 : 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
