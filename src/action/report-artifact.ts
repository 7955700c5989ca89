import { DefaultArtifactClient } from '@actions/artifact';
import type { ReportFiles } from '../report/files.js';
import type { Logger } from '../report/logger.js';

/**
 * Uploads the report files as one artifact so they can be downloaded from the run page.
 * Only inside Actions (the runtime token is there); elsewhere the files stay in --out.
 */
export async function uploadReportArtifact(
  files: Pick<ReportFiles, 'summaryJson' | 'all'>,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) return undefined;
  // Unique per step: matrix legs share GITHUB_JOB, and artifact names cannot be reused in a run.
  const name = `migrate-to-workos-report-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}-${Date.now().toString(36)}`;
  const paths = files.all;
  const root = files.summaryJson.slice(0, files.summaryJson.lastIndexOf('/'));
  try {
    await new DefaultArtifactClient().uploadArtifact(name, paths, root, { retentionDays: 30 });
    log.info(`Report files uploaded as the artifact ${name}.`);
    return name;
  } catch (error) {
    log.warn(`Could not upload the report artifact: ${(error as Error).message}. The files are in ${root}.`);
    return undefined;
  }
}
