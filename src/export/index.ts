import { UsageError } from '../model/types.js';
import { auth0Credentials, exportAuth0 } from './auth0.js';
import { ExportCheckpoint } from './checkpoint.js';
import { clerkCredentials, exportClerk } from './clerk.js';
import type { ExportContext, ExportResult, ExportSource } from './types.js';

export { ExportInterrupted, SourceApiError } from './http.js';
export type { ExportContext, ExportResult, ExportSource } from './types.js';

export const EXPORT_SOURCES: readonly ExportSource[] = ['auth0', 'clerk'];

export function parseExportSource(value: string | undefined): ExportSource {
  if (value === 'auth0' || value === 'clerk') return value;
  throw new UsageError(
    `export reads from auth0 or clerk, not "${value ?? ''}". Other sources have their own export tools; see "Getting the exports" in the README.`,
  );
}

/**
 * Fetches the exports of `source` into `outDir`, resuming the checkpoint there when an earlier
 * run was interrupted. Returns the paths `import` takes and the counts.
 */
export async function runExport(source: ExportSource, outDir: string, context: ExportContext): Promise<ExportResult> {
  // Missing credentials stop the run before anything is written to --out.
  if (source === 'auth0') auth0Credentials(context.env);
  else clerkCredentials(context.env);
  const checkpoint = await ExportCheckpoint.open(outDir, source);
  if (checkpoint.resumed) context.log.info(`Resuming the ${source} export from its checkpoint in ${outDir}.`);
  const result = source === 'auth0' ? await exportAuth0(context, checkpoint) : await exportClerk(context, checkpoint);
  await checkpoint.finish();
  const { requests, rateLimited, retried } = result.requests;
  context.log.info(
    `${requests} requests to ${source === 'auth0' ? 'Auth0' : 'Clerk'}, ${rateLimited} rate limited (waited as told), ${retried} retried.`,
  );
  return result;
}
