import { WorkOSCallError } from '../workos/workos-caller.js';
import { UsageError } from '../model/types.js';
import { runWatch } from '../modes/watch.js';
import { outboundText } from '../report/outbound.js';
import { streamLogger } from '../report/logger.js';
import type { CliArgs } from './args.js';
import type { CliIO } from './cli-io.js';

/**
 * `migrate-to-workos watch`: sign-in health from WorkOS's events. Exit 0 healthy, 1 alert;
 * a bad flag, a missing key or an unreachable WorkOS is a UsageError (exit 2).
 */
export async function runWatchCommand(args: CliArgs, io: CliIO): Promise<number> {
  const result = await runWatch({
    target: { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
    since: args.since,
    until: args.until,
    policy: {
      ...(args.failAbove !== undefined ? { failAbove: args.failAbove } : {}),
      ...(args.minAttempts !== undefined ? { minAttempts: args.minAttempts } : {}),
    },
    outDir: args.out,
    includePii: args.includePii,
    log: streamLogger(io.stderr),
  }).catch((error: unknown) => {
    // WorkOS refused the read (a key without access, a bad window): the run could not run (exit 2).
    if (error instanceof WorkOSCallError)
      throw new UsageError(
        outboundText(
          `WorkOS refused to list the sign-in events: ${error.message}. Check WORKOS_API_KEY (the environment's secret key) and the window.`,
          { includePii: false, secrets: [io.env.WORKOS_API_KEY ?? ''] },
        ),
      );
    throw error;
  });
  io.stdout.write(`${result.headline}\n`);
  if (result.files) io.stdout.write(`Reports in ${args.out} (watch.json, watch.md)\n`);
  return result.exitCode;
}
