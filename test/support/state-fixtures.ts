import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../src/checkpoint/journal.js';
import type { FakeGitHub } from '../fakes/github.js';

/**
 * The environment a step of the fake's current run sees. Set it before importing anything that
 * imports @actions/github: it reads GITHUB_API_URL once, and @actions/artifact downloads through it.
 */
export function stubActionsEnv(fake: FakeGitHub): void {
  vi.stubEnv('GITHUB_API_URL', fake.apiUrl);
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
  vi.stubEnv('ACTIONS_RESULTS_URL', fake.resultsUrl);
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', fake.runtimeToken);
  vi.stubEnv('GITHUB_WORKSPACE', tmpdir());
}

/** A journal in `dir` holding users `auth0|<n>` (added to what it holds), returned as its text. */
export function journalWith(dir: string, users: number[], identity = { source: 'auth0', fingerprint: 'f1' }): string {
  const journal = Journal.open(dir, identity);
  for (const n of users) {
    if (journal.get('user', `auth0|${n}`)) continue;
    journal.record({
      entity: 'user',
      source_id: `auth0|${n}`,
      workos_id: `user_${n}`,
      status: 'created',
      input_digest: `d${n}`,
    });
  }
  journal.close();
  return readFileSync(join(dir, JOURNAL_FILE), 'utf8');
}
