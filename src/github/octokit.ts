import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type BottleneckType from 'bottleneck';
// @ts-expect-error: the light build (no Redis) has no type file of its own; it is the same API.
import BottleneckLight from 'bottleneck/light.js';

const Bottleneck = BottleneckLight as typeof BottleneckType;

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitOptions {
  /** Where the throttling plugin says it is waiting (a rate limit), e.g. the action's warning log. */
  log?: (message: string) => void;
}

/**
 * Writes go one at a time, as GitHub asks of integrations. The plugin's defaults also wait 1 s
 * between writes and 3 s between comments, meant for bulk writers; a run makes one comment and a
 * checkpoint save a handful of writes every few minutes, far below the content-creation limits,
 * so we keep the serialisation and drop the pauses.
 */
const serialWrites = new Bottleneck.Group({ id: 'migrate-to-workos-write', maxConcurrent: 1, minTime: 0 });
const serialNotifications = new Bottleneck.Group({
  id: 'migrate-to-workos-notifications',
  maxConcurrent: 1,
  minTime: 0,
});

/** Retries after a primary rate limit at most this often, and after a secondary one once. */
const RATE_LIMIT_RETRIES = 2;

/**
 * The REST client every GitHub call of ours goes through, with GitHub's recommended throttling
 * (waits out `retry-after` / `x-ratelimit-reset`) and retries of 5xx and network failures
 * (@octokit/plugin-retry: 3 retries; 4xx answers other than rate limits are not retried).
 * Without `apiUrl` it uses the URL `@actions/github` read from GITHUB_API_URL when it was first
 * imported, which is also where `@actions/artifact` sends its REST calls.
 */
export function createOctokit(token: string, apiUrl?: string, options: OctokitOptions = {}): Octokit {
  const log = options.log ?? (() => {});
  return getOctokit(
    token,
    {
      ...(apiUrl ? { baseUrl: apiUrl.replace(/\/+$/, '') } : {}),
      throttle: {
        write: serialWrites,
        notifications: serialNotifications,
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          log(`GitHub's rate limit was reached on ${request.method} ${request.url}; retrying in ${retryAfter} s.`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          log(
            `GitHub's secondary rate limit was hit on ${request.method} ${request.url}; retrying in ${retryAfter} s.`,
          );
          return retryCount < 1;
        },
      },
    },
    retry,
    throttling,
  );
}

/**
 * The API URL `@actions/github` fixed at import time. `@actions/artifact` downloads other runs'
 * artifacts through it and takes no other, so a store must not list artifacts elsewhere.
 */
export function defaultApiUrl(): string {
  return (defaults.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
}

/** The HTTP status of an Octokit request error, or undefined for anything else (a network failure). */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
