import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkOS } from '@workos-inc/node';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Emulator } from '../../src/emulator/server.js';
import type { Summary } from '../../src/report/summary.js';
import { runCliProcess, type CliRun } from '../support/cli.js';
import { tempDirForFile } from '../support/temp-dir.js';

// What the story tests share: where the bundled examples are, how a user runs the CLI against
// the stand-in, and how they read what it wrote to --out.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = join(ROOT, 'examples');

export const AUTH0 = {
  users: join(EXAMPLES, 'auth0', 'users.ndjson'),
  passwords: join(EXAMPLES, 'auth0', 'passwords.ndjson'),
  organizations: join(EXAMPLES, 'auth0', 'organizations.json'),
};

export const CLERK = {
  users: join(EXAMPLES, 'clerk', 'users.csv'),
  organizations: join(EXAMPLES, 'clerk', 'organizations.json'),
  config: join(EXAMPLES, 'mapping.yml'),
};

export const FIREBASE = {
  users: join(EXAMPLES, 'firebase', 'users.json'),
  hashConfig: join(EXAMPLES, 'firebase', 'hash-config.json'),
};
export const COGNITO = { users: join(EXAMPLES, 'cognito', 'users.json') };
export const SUPABASE = { users: join(EXAMPLES, 'supabase', 'users.csv') };
export const GENERIC_CSV = { users: join(EXAMPLES, 'csv', 'users.csv') };

/** Distinctive, so a leak of it into any output is easy to find. */
export const API_KEY = 'sk_test_story_4f1d9c2b7e';

export function tempDir(prefix: string): string {
  return tempDirForFile(`story-${prefix}-`);
}

export function auth0Flags(files: { users: string; passwords?: string; organizations?: string } = AUTH0): string[] {
  return [
    '--source',
    'auth0',
    '--users',
    files.users,
    ...(files.passwords ? ['--passwords', files.passwords] : []),
    ...(files.organizations ? ['--organizations', files.organizations] : []),
  ];
}

export function clerkFlags(): string[] {
  return [
    '--source',
    'clerk',
    '--users',
    CLERK.users,
    '--organizations',
    CLERK.organizations,
    '--config',
    CLERK.config,
  ];
}

/** Runs the built CLI as a user would, with the API key in the environment. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliProcess(args, { WORKOS_API_KEY: API_KEY, ...env });
}

/** Formats a run for an assertion message: a failing test shows what the user saw. */
export function shown(run: CliRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

export interface ErrorLine {
  entity: string;
  source_id: string | null;
  file: string;
  line: number;
  field?: string;
  severity?: string;
  code: string;
  message: string;
}

export interface Report {
  summary: Summary;
  errors: ErrorLine[];
  /** id-map.csv rows as `entity,source_id → workos_id`. */
  idMap: Map<string, string>;
  reenroll: string[][];
}

/** Reads what a run wrote to --out, and checks the one rule every summary keeps. */
export function readReport(out: string): Report {
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  expectCountsAddUp(summary);
  const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ErrorLine);
  const idMap = new Map<string, string>();
  for (const line of readFileSync(join(out, 'id-map.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [entity, sourceId, workosId] = splitCsvLine(line);
    idMap.set(`${entity},${sourceId}`, workosId!);
  }
  const reenroll = readFileSync(join(out, 'reenroll.csv'), 'utf8').trim().split('\n').map(splitCsvLine);
  return { summary, errors, idMap, reenroll };
}

/** Enough CSV for our own report files: quoted cells may hold commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  cells.push(cell);
  return cells;
}

/** DESIGN §2: total = created + updated + unchanged + skipped + invalid + failed + pending, per entity. */
export function expectCountsAddUp(summary: Summary): void {
  for (const entity of ['users', 'organizations', 'memberships'] as const) {
    const c = summary[entity];
    expect(c.total, `${entity} in ${JSON.stringify(c)}`).toBe(
      c.created + c.updated + c.unchanged + c.skipped + c.invalid + c.failed + c.pending,
    );
  }
}

/** The real SDK pointed at the stand-in, as an app signing users in would use it. */
export function sdkFor(emulator: Emulator): WorkOS {
  return new WorkOS(API_KEY, {
    apiHostname: emulator.host,
    port: emulator.port,
    https: false,
    maxRetries: 0,
    clientId: 'client_story_app',
  });
}

/** Every file under a directory, with its text (report files are small). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

/** The journal's lines without its header, as the crash tests read it. */
export function journalEntries(
  stateDir: string,
): { entity: string; source_id: string; workos_id: string; status: string }[] {
  return readFileSync(join(stateDir, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as { entity: string; source_id: string; workos_id: string; status: string });
}

/** One line of a user-facing error: `error: <sentence>`, nothing that looks like a stack. */
export function expectOneSentenceError(run: CliRun): string {
  expect(run.code, shown(run)).toBe(2);
  const errorLines = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
  expect(errorLines, shown(run)).toHaveLength(1);
  expect(run.stderr, shown(run)).not.toMatch(/^\s{4}at /m);
  expect(run.stderr, shown(run)).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|ZodError)\b|node:internal/);
  const sentence = errorLines[0]!.slice('error: '.length);
  expect(sentence, shown(run)).toMatch(/[.!]$/);
  return sentence;
}

export interface ExamplePii {
  /** Every email address in the example files, as written there and lower-cased. */
  emails: string[];
  /** Password hashes, their long parts (a converted hash keeps its salt and key) and TOTP secrets. */
  secrets: string[];
  /** Source ids, which may hold an email (`samlp|acme-okta|nora.kim@example.net`): exact only in id-map.csv. */
  sourceIds: string[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** The personal data and secrets of both examples, read from the files themselves. */
export function examplePii(): ExamplePii {
  const texts = [
    AUTH0.users,
    AUTH0.passwords,
    AUTH0.organizations,
    CLERK.users,
    CLERK.organizations,
    ...NEW_SOURCE_FILES,
  ].map((p) => readFileSync(p, 'utf8'));
  const emails = [...new Set(texts.flatMap((t) => t.match(EMAIL) ?? []).flatMap((e) => [e, e.toLowerCase()]))];
  const hashes = [
    ...readFileSync(AUTH0.passwords, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { passwordHash: string }).passwordHash),
    ...clerkRows().flatMap((r) => [r.password_digest, r.totp_secret]),
    ...newSourceSecrets(),
  ].filter((h): h is string => !!h);
  const secrets = [
    ...new Set(
      hashes.flatMap((h) => [
        h,
        ...h
          .split(/[$,]/)
          .map((part) => part.replace(/=+$/, ''))
          .filter((part) => part.length >= 16),
      ]),
    ),
  ];
  const sourceIds = [
    ...readFileSync(AUTH0.users, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { user_id: string }).user_id),
    ...clerkRows().map((r) => r.id!),
  ];
  return { emails, secrets, sourceIds };
}

/** The Clerk example's CSV rows by column name (BOM and quoted cells handled by csv-parse). */
export function clerkRows(): Record<string, string>[] {
  return parseCsv(readFileSync(CLERK.users), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/**
 * Checks texts a user sees (stdout, stderr, report files) for leaks: no hash, secret or API key
 * anywhere; no email unless `emailsAllowed` says this text may hold them; and in logs, an
 * address may only appear masked (`j***@example.com`).
 */
export function expectNoPii(
  texts: { where: string; text: string }[],
  pii: ExamplePii,
  emailsAllowed: (where: string) => boolean = () => false,
): void {
  for (const { where, text } of texts) {
    let scrubbed = text;
    // Only id-map.csv keeps exact source ids (apps need them); everywhere else a source id that
    // holds an email is written as its digest, so it is no exception to the scan.
    if (where.endsWith('id-map.csv')) {
      // Longest first, so one id that contains another is removed whole.
      for (const id of [...pii.sourceIds].sort((a, b) => b.length - a.length))
        scrubbed = scrubbed.split(id).join('<source id>');
    }
    expect(scrubbed.includes(API_KEY), `the API key in ${where}`).toBe(false);
    for (const secret of pii.secrets)
      expect(scrubbed.includes(secret), `a password hash or secret (${secret.slice(0, 8)}…) in ${where}`).toBe(false);
    if (emailsAllowed(where)) continue;
    for (const email of pii.emails) expect(scrubbed.includes(email), `an email in ${where}`).toBe(false);
    for (const token of scrubbed.match(/\S+@[A-Za-z0-9.-]+/g) ?? []) {
      expect(token.replace(/^["'(<]+/, ''), `an email-like text in ${where}`).toMatch(/^[^@\s]?\*\*\*@/);
    }
  }
}

const NEW_SOURCE_FILES = [FIREBASE.users, FIREBASE.hashConfig, COGNITO.users, SUPABASE.users, GENERIC_CSV.users];

/** The password hashes, salts and the Firebase signer key of the Firebase, Supabase and CSV examples. */
function newSourceSecrets(): string[] {
  const firebase = JSON.parse(readFileSync(FIREBASE.users, 'utf8')) as {
    users: { passwordHash?: string; salt?: string }[];
  };
  const project = JSON.parse(readFileSync(FIREBASE.hashConfig, 'utf8')) as { base64_signer_key: string };
  const rows = (path: string) =>
    parseCsv(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return [
    ...firebase.users.flatMap((u) => [u.passwordHash, u.salt]),
    project.base64_signer_key,
    ...rows(SUPABASE.users).map((r) => r.encrypted_password),
    ...rows(GENERIC_CSV.users).map((r) => r.password_hash),
  ].filter((s): s is string => !!s && s.length >= 16);
}
