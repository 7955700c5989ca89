import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * The REST client every GitHub call of ours goes through. Without `apiUrl` it uses the URL
 * `@actions/github` read from GITHUB_API_URL when it was first imported, which is also where
 * `@actions/artifact` sends its REST calls.
 */
export function createOctokit(token: string, apiUrl?: string): Octokit {
  return getOctokit(token, apiUrl ? { baseUrl: apiUrl.replace(/\/+$/, '') } : {});
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
