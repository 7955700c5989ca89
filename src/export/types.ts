import type { Logger } from '../report/logger.js';
import type { SourceRequestCounts } from './http.js';

export type ExportSource = 'auth0' | 'clerk';

export interface ExportContext {
  /** Credentials and base URLs (AUTH0_*, CLERK_*). */
  env: NodeJS.ProcessEnv;
  /** Counts only: never a name, email, id or key. */
  log: Logger;
  signal?: AbortSignal;
  /** Auth0 job polling: first wait (default 1 s), growing 1.5× up to maxPollMs (default 30 s). */
  pollMs?: number;
  maxPollMs?: number;
  /** Called with every secret learned during the run (an access token), to mask it in logs. */
  onSecret?: (secret: string) => void;
}

export interface ExportResult {
  /** Paths of the files `import` reads: --users and --organizations. */
  files: { users: string; organizations: string };
  counts: { users: number; organizations: number; memberships: number };
  requests: SourceRequestCounts;
}
