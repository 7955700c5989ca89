import { WorkOS } from '@workos-inc/node';
import { UsageError } from '../model/types.js';
import type { PacedTransport } from './paced-fetch.js';

export const DEFAULT_API_URL = 'https://api.workos.com';

export interface WorkOSTarget {
  apiKey: string;
  /** The API's base URL; the stand-in's `http://127.0.0.1:PORT` in tests and the demo. */
  apiUrl?: string;
  /** Milliseconds before a request counts as timed out (an ambiguous failure for writes). */
  timeoutMs?: number;
}

export type KeyEnvironment = 'test' | 'live';

/**
 * Checks the shape of a WorkOS API key before any request, so that the commonest mistakes
 * (a client id, an empty secret) fail with a sentence instead of a 401 deep in the run.
 */
export function checkApiKey(key: string | undefined): KeyEnvironment {
  if (!key || key.trim() === '') {
    throw new UsageError(
      'No WorkOS API key: set WORKOS_API_KEY (in a workflow, the workos-api-key input from a secret).',
    );
  }
  const trimmed = key.trim();
  if (trimmed.startsWith('client_')) {
    throw new UsageError(
      'The WorkOS API key looks like a client ID (client_…). Use the secret API key (sk_test_… or sk_live_…) from the WorkOS dashboard.',
    );
  }
  if (trimmed.startsWith('sk_live_')) return 'live';
  if (trimmed.startsWith('sk_test_')) return 'test';
  throw new UsageError(
    'The WorkOS API key must start with sk_test_ or sk_live_. Copy the secret key from the WorkOS dashboard, API Keys.',
  );
}

/**
 * The SDK client. Its own retries are off (`maxRetries: 0`): our engine owns retries and pacing,
 * because a retried create must first look up what the lost attempt may have written, and a 429
 * must slow every worker of its bucket, not just the one that saw it.
 *
 * With `transport` (the engine's: `caller.transport`) every request waits for its bucket's pacer
 * and its timeout counts from when it is sent; the SDK's own timer, which would count the wait
 * too, is pushed out of the way.
 */
export function createWorkOS(target: WorkOSTarget, transport?: PacedTransport): WorkOS {
  const url = parseApiUrl(target.apiUrl ?? DEFAULT_API_URL);
  const timeoutMs = target.timeoutMs ?? requestTimeoutFromEnv() ?? 30_000;
  return new WorkOS(target.apiKey.trim(), {
    apiHostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    https: url.protocol === 'https:',
    maxRetries: 0,
    timeout: transport ? LONGEST_TIMER_MS : timeoutMs,
    ...(transport ? { fetchFn: transport.fetchFor(timeoutMs) } : {}),
  });
}

/** The longest delay a Node timer takes (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** `MIGRATE_TO_WORKOS_REQUEST_TIMEOUT_MS`: a shorter request timeout, for rehearsals against slow stand-ins (the soak). */
function requestTimeoutFromEnv(): number | undefined {
  const ms = Number(process.env.MIGRATE_TO_WORKOS_REQUEST_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function parseApiUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `The WorkOS API URL "${raw}" is not a URL. Use e.g. https://api.workos.com or http://127.0.0.1:4010.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`The WorkOS API URL must be http(s), got ${url.protocol}`);
  }
  // URL keeps IPv6 hosts bracketed; the SDK builds its own URL and wants them so.
  return url;
}
