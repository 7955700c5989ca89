import { DefaultArtifactClient } from '@actions/artifact';
import type { ReportFiles } from '../report/files.js';
import type { Logger } from '../report/logger.js';

export interface ReportArtifactOptions {
  /** Days the artifact is kept (report-retention-days); the repository's setting caps it. */
  retentionDays?: number;
  /** A pull_request run: anyone who can read the run can download its artifacts. */
  pullRequest?: boolean;
  includePii?: boolean;
}

/** Days a report artifact is kept when report-retention-days is not set. */
export const DEFAULT_REPORT_RETENTION_DAYS = 30;

/**
 * The report files the artifact holds: id-map.csv's exact source ids can hold emails (Auth0's
 * `samlp|acme|ann@acme.com`), so a pull request's artifact leaves it out unless include-pii.
 */
export function reportArtifactPaths(
  files: Pick<ReportFiles, 'all'> & Partial<Pick<ReportFiles, 'idMap'>>,
  options: ReportArtifactOptions,
): string[] {
  const withoutIds = options.pullRequest === true && options.includePii !== true;
  return withoutIds ? files.all.filter((path) => path !== files.idMap) : files.all;
}

/**
 * Uploads the report files as one artifact so they can be downloaded from the run page.
 * Only inside Actions (the runtime token is there); elsewhere the files stay in --out.
 */
export async function uploadReportArtifact(
  // inventory and watch write their own files (no id map): only the migration modes have one.
  files: Pick<ReportFiles, 'summaryJson' | 'all'> & Partial<Pick<ReportFiles, 'idMap'>>,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  options: ReportArtifactOptions = {},
): Promise<string | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) return undefined;
  // Unique per step: matrix legs share GITHUB_JOB, and artifact names cannot be reused in a run.
  const name = `migrate-to-workos-report-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${env.GITHUB_JOB ?? 'job'}-${Date.now().toString(36)}`;
  const paths = reportArtifactPaths(files, options);
  const root = files.summaryJson.slice(0, files.summaryJson.lastIndexOf('/'));
  try {
    await new DefaultArtifactClient().uploadArtifact(name, paths, root, {
      retentionDays: options.retentionDays ?? DEFAULT_REPORT_RETENTION_DAYS,
    });
    log.info(`Report files uploaded as the artifact ${name}.`);
    return name;
  } catch (error) {
    log.warn(`Could not upload the report artifact: ${(error as Error).message}. The files are in ${root}.`);
    return undefined;
  }
}
