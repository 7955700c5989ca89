import { ExportInterrupted } from '../export/http.js';
import { UsageError } from '../model/types.js';
import { parseInventorySource, runInventory } from '../modes/inventory.js';
import { streamLogger } from '../report/logger.js';
import type { CliArgs } from './args.js';
import type { CliIO } from './cli-io.js';

/**
 * `migrate-to-workos inventory --source auth0|clerk --out DIR`: the old tenant's dependencies.
 * Credentials only from the environment, as for export. Exit 0, or 2 when it cannot read.
 */
export async function runInventoryCommand(args: CliArgs, io: CliIO): Promise<number> {
  if (!args.out) throw new UsageError('inventory needs --out DIR: where inventory.json and inventory.md go.');
  const source = parseInventorySource(args.source);
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const result = await runInventory({
      source,
      env: io.env,
      outDir: args.out,
      log: streamLogger(io.stderr),
      signal: controller.signal,
    });
    io.stdout.write(`${result.headline}\nReports in ${args.out} (inventory.json, inventory.md)\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExportInterrupted) {
      io.stderr.write('Inventory interrupted; nothing was written. Run it again.\n');
      return 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
