import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { CliRun } from '../support/cli.js';
import { cli, readReport, sdkFor, tempDir, type Report } from './story-support.js';

// What the Firebase, Cognito, Supabase and generic-CSV stories share: a fresh stand-in, an
// import of one example with a checkpoint, and ways to read what WorkOS then holds.

export interface SourceStory {
  emulator: Emulator;
  state: string;
  runs: { name: string; run: CliRun; out: string }[];
  importRun(name: string, extra?: string[]): Promise<{ run: CliRun; report: Report; out: string }>;
  /** WorkOS users by external id, in the shape a person compares with the example's README. */
  users(): Map<
    string,
    {
      email: string;
      email_verified: boolean;
      first_name: string | null;
      last_name: string | null;
      metadata: Record<string, string>;
    }
  >;
  /** `<org external id> | <user external id> | <role slugs>`, sorted. */
  memberships(): string[];
  signIn(email: string, password: string): Promise<{ user: { externalId: string | null } }>;
}

export async function startSourceStory(name: string, flags: string[]): Promise<SourceStory> {
  const emulator = await startEmulator();
  const state = tempDir(`${name}-state`);
  const runs: SourceStory['runs'] = [];
  return {
    emulator,
    state,
    runs,
    async importRun(runName, extra = ['--state', state]) {
      const out = tempDir(`${name}-${runName}`);
      const run = await cli(['import', ...flags, '--out', out, '--api-url', emulator.url, ...extra]);
      runs.push({ name: runName, run, out });
      return { run, report: readReport(out), out };
    },
    users() {
      return new Map(
        emulator.snapshot().users.map((u) => [
          u.external_id ?? '',
          {
            email: u.email.toLowerCase(),
            email_verified: u.email_verified,
            first_name: u.first_name,
            last_name: u.last_name,
            metadata: u.metadata,
          },
        ]),
      );
    },
    memberships() {
      const held = emulator.snapshot();
      const user = new Map(held.users.map((u) => [u.id, u.external_id]));
      const org = new Map(held.organizations.map((o) => [o.id, o.external_id]));
      return held.memberships
        .map((m) => `${org.get(m.organization_id)} | ${user.get(m.user_id)} | ${m.roles.map((r) => r.slug).join(',')}`)
        .sort();
    },
    signIn(email, password) {
      return sdkFor(emulator).userManagement.authenticateWithPassword({
        clientId: 'client_story_app',
        email,
        password,
      });
    },
  };
}

/** `<severity> <code> <file>:<line>[ <field>]` for each line of errors.jsonl, sorted. */
export function problemLines(report: Report): string[] {
  return report.errors
    .map(
      (e) => `${e.severity ?? 'error'} ${e.code} ${e.file.split('/').pop()}:${e.line}${e.field ? ` ${e.field}` : ''}`,
    )
    .sort();
}

/** password-reset.csv's rows. */
export function passwordResetRows(out: string): string[] {
  const rows = readFileSync(join(out, 'password-reset.csv'), 'utf8').trim().split('\n');
  // Each row starts with its reason (no_password_hash, hash_not_importable); the ids are what a story checks.
  expect(rows[0]!.startsWith('reason,')).toBe(true);
  return rows.map((row) => row.slice(row.indexOf(',') + 1));
}
