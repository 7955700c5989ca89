/**
 * What must never leave the action: keys, tokens, and the personal data and password hashes
 * of the exports it read. The scan looks at everything a run produced, as bytes people can see:
 * logs, the step summary, outputs, state, files on the runner, artifacts, PR comments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FakeGitHub } from '../fakes/github.js';
import { downloadArtifact, type StepRun } from './run-action.js';

export interface Secret {
  /** Says what it is without repeating it (the test output must not leak either). */
  what: string;
  value: string;
}

export interface Produced {
  where: string;
  text: string;
}

const EMAIL = /[^\s"',;|<>()[\]{}]+@[^\s"',;|<>()[\]{}]+\.[A-Za-z]{2,}/g;

/** Every address-shaped string in a file (user exports, password exports, organizations). */
export function emailsIn(path: string): Secret[] {
  const found = new Set(readFileSync(path, 'utf8').match(EMAIL) ?? []);
  return [...found].map((value, i) => ({ what: `email #${i + 1} of ${path}`, value }));
}

/** The `passwordHash` of every row of an Auth0 password export. */
export function auth0PasswordHashes(path: string): Secret[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => ({
      what: `password hash on line ${i + 1} of ${path}`,
      value: (JSON.parse(line) as { passwordHash: string }).passwordHash,
    }));
}

/** The `password_digest` and `totp_secret` cells of a Clerk CSV export. */
export function clerkSecrets(path: string): Secret[] {
  const rows = parseCsv(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const secrets: Secret[] = [];
  rows.forEach((row, i) => {
    if (row.password_digest)
      secrets.push({ what: `password_digest of row ${i + 1} of ${path}`, value: row.password_digest });
    if (row.totp_secret) secrets.push({ what: `totp_secret of row ${i + 1} of ${path}`, value: row.totp_secret });
  });
  return secrets;
}

/**
 * A step's stdout, stderr, summary, outputs and state. `::add-mask::` lines are left out:
 * they are how `core.setSecret` hands a secret to the runner, which consumes them and never
 * shows them; everything else on stdout is the log users read.
 */
export function producedByStep(label: string, run: StepRun): Produced[] {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [
    { where: `${label} stdout`, text: stdout },
    { where: `${label} stderr`, text: run.stderr },
    { where: `${label} step summary`, text: run.summary },
    { where: `${label} outputs`, text: JSON.stringify(run.outputs) },
    { where: `${label} state`, text: JSON.stringify(run.state) },
  ];
}

/** Every file under a directory (a runner's temp folder: report files, checkpoint, file commands). */
export function producedInDirectory(label: string, dir: string): Produced[] {
  const produced: Produced[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else produced.push({ where: `${label}: ${relative(dir, full)}`, text: readFileSync(full, 'latin1') });
    }
  };
  walk(dir);
  return produced;
}

/** Every file of every artifact the fake holds, and every comment on the given PRs. */
export async function producedOnGitHub(fake: FakeGitHub, pullRequests: number[]): Promise<Produced[]> {
  const produced: Produced[] = [];
  for (const artifact of fake.artifacts()) {
    for (const [file, content] of await downloadArtifact(fake, artifact.id)) {
      produced.push({ where: `artifact ${artifact.name}: ${file}`, text: content.toString('latin1') });
    }
  }
  for (const number of pullRequests) {
    for (const comment of fake.comments(number))
      produced.push({ where: `comment ${comment.id} on PR #${number}`, text: comment.body });
  }
  return produced;
}

export interface LeakScanOptions {
  /**
   * Source ids that embed an address (Auth0 SAML users: `samlp|acme-okta|nora.kim@example.net`),
   * and the files that must carry source ids exactly: the id map (apps rewrite their foreign keys
   * with it) and the journal. There, and only there, such an id is not a leak (errors.jsonl and
   * the other reports show it as a digest or masked).
   */
  sourceIds?: { ids: string[]; allowedIn: RegExp };
}

/** "<what> in <where>" for each secret found; emails compare case-insensitively. */
export function findLeaks(produced: Produced[], secrets: Secret[], options: LeakScanOptions = {}): string[] {
  const leaks: string[] = [];
  for (const { where, text: raw } of produced) {
    let text = raw;
    if (options.sourceIds?.allowedIn.test(where)) {
      for (const id of options.sourceIds.ids) text = text.split(id).join('[source id]');
    }
    const lower = text.toLowerCase();
    for (const { what, value } of secrets) {
      const hit = what.startsWith('email') ? lower.includes(value.toLowerCase()) : text.includes(value);
      if (hit) leaks.push(`${what} in ${where}`);
    }
  }
  return leaks;
}

/**
 * "<address> in <where>" for every email-shaped string that is not masked (`j***@acme.com`),
 * whether or not the export held it: a scan that needs no list of what to look for.
 */
export function findUnmaskedEmails(produced: Produced[], options: LeakScanOptions = {}): string[] {
  const leaks: string[] = [];
  for (const { where, text: raw } of produced) {
    let text = raw;
    if (options.sourceIds?.allowedIn.test(where)) {
      for (const id of options.sourceIds.ids) text = text.split(id).join('[source id]');
    }
    for (const found of text.match(EMAIL) ?? []) {
      const local = found.slice(0, found.lastIndexOf('@'));
      if (!/^.?\*\*\*$/u.test(local.split('|').pop() ?? local)) leaks.push(`${found} in ${where}`);
    }
  }
  return leaks;
}

/** The `user_id`s of an Auth0 user export that hold an address. */
export function auth0SourceIdsWithEmails(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { user_id?: string }).user_id ?? '')
    .filter((id) => id.includes('@'));
}
