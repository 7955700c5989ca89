import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { Summary } from '../../src/report/summary.js';
import { tempDirForFile } from '../support/temp-dir.js';

// Runs one corpus case through the real CLI entry (`runCli`, in this process: the same code
// the bundle runs, without a process start per case) and checks what a user would see.

/** What a case's files hold: text, bytes, a generator (big cases are made on the fly), or a special file. */
export type Content = string | Buffer | (() => string | Buffer) | { fifo: true } | { dir: true } | { symlink: string };

export interface ErrorExpectation {
  /** The file the entry names, as its base name (`users.ndjson`). */
  file: string;
  line: number;
  field?: string;
  code?: string | RegExp;
  entity?: string;
}

export type Expectation =
  /** Unusable input: exit 2 and one sentence naming the file (and the line, when there is one). */
  | { exit: 2; says: (string | RegExp)[] }
  /**
   * Bad records: exit 1 (or 0 when every problem is a skip or warning), errors.jsonl holds
   * exactly these errors, and the counts say how many records of each entity were good.
   */
  | {
      exit: 0 | 1;
      errors?: ErrorExpectation[];
      good?: Partial<Record<'users' | 'organizations' | 'memberships', number>>;
      skipped?: number;
    };

export interface CorpusCase {
  name: string;
  /** The files of the case by name; flags name them by that name and the harness swaps in the path. */
  files: Record<string, Content>;
  /** The CLI arguments; `{name}` is replaced by the path of that file, `{dir}` by the case directory. */
  args: string[];
  env?: Record<string, string>;
  expect: Expectation;
  /** Run against a fresh WorkOS stand-in (`import`); the good users must be in it, exactly. */
  importIds?: string[];
  /** Role slugs the stand-in's environment has besides admin and member. */
  roles?: string[];
  /** Per-case time limit; a hang fails the case. */
  timeoutMs?: number;
  /** Why the case is skipped for now, and who owns the fix. */
  needs?: string;
}

export interface CaseRun {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
  dir: string;
  emulator?: Emulator;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

// Removed after each test file that uses the harness (corpus.test.ts also removes it at once).
const ROOT_DIR = tempDirForFile('corpus-');
let counter = 0;

/** Removes every case's files (call once, after the last case). */
export function removeCaseDirectories(): void {
  rmSync(ROOT_DIR, { recursive: true, force: true });
}

function materialize(dir: string, name: string, content: Content): void {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  if (typeof content === 'function') content = content();
  if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(path, content);
  else if ('fifo' in content) execFileSync('mkfifo', [path]);
  else if ('dir' in content) mkdirSync(path, { recursive: true });
  else symlinkSync(content.symlink.replace(/\{dir\}/g, dir), path);
}

export async function runCase(c: CorpusCase): Promise<CaseRun> {
  const dir = join(ROOT_DIR, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files)) materialize(dir, name, content);
  const out = join(dir, 'out');
  const args = c.args.map((arg) =>
    arg.replace(/\{dir\}/g, dir).replace(/\{([^}]+)\}/g, (_, name: string) => join(dir, name)),
  );
  const emulator = c.importIds ? await startEmulator({ writeLimit: { requests: 100_000, windowMs: 1000 } }) : undefined;
  for (const role of c.roles ?? []) emulator?.defineRole(role);
  const stdout = new Capture();
  const stderr = new Capture();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR, CI: 'true', ...c.env };
  if (emulator) Object.assign(env, { WORKOS_API_KEY: 'sk_test_corpus_5e3b', WORKOS_API_URL: emulator.url });
  // The corpus's contract for a bad record is exit 1: an import only fails on failed writes by
  // default, so its cases ask for what a strict team would (--fail-on invalid).
  const strict = args[0] === 'import' && !args.includes('--fail-on') ? [...args, '--fail-on', 'invalid'] : args;
  const withOut = strict.includes('--out') ? strict : [...strict, '--out', out];
  let timer: NodeJS.Timeout | undefined;
  const limit = c.timeoutMs ?? 10_000;
  try {
    const code = await Promise.race([
      runCli(withOut, { stdout, stderr: stderr as unknown as NodeJS.WriteStream, env }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the case did not finish within ${limit} ms (a hang)`)), limit);
      }),
    ]);
    return { code, stdout: stdout.text, stderr: stderr.text, out, dir, emulator };
  } catch (error) {
    await emulator?.close();
    // runCli turns every usage problem into exit 2; anything thrown is what a user sees as a stack trace.
    throw new Error(`crashed (a user would see a stack trace): ${(error as Error).stack}\n--- stderr\n${stderr.text}`);
  } finally {
    clearTimeout(timer);
  }
}

export function shown(run: CaseRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

interface ErrorLine {
  entity: string;
  source_id: string | null;
  file: string;
  line: number;
  field?: string;
  severity?: string;
  code: string;
  message: string;
}

/** Emails of the corpus all end in this domain; hashes all start with this. */
export const CORPUS_DOMAIN = 'corpus.example';
export const CORPUS_HASH_MARK = 'CorpusSecretHash';

export async function checkCase(c: CorpusCase, run: CaseRun): Promise<void> {
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output, shown(run)).not.toMatch(/^\s{4}at /m);
  expect(output, shown(run)).not.toMatch(
    /\b(TypeError|ReferenceError|RangeError|SyntaxError|ZodError)\b|node:internal/,
  );
  checkNoLeak('stdout/stderr', output, true);
  // Export data never starts a workflow command (the CLI may run in a `run:` step) or reaches the terminal as a control sequence.
  expect(output, shown(run)).not.toMatch(/^\s*(::|##\[)/m);
  expect(output, shown(run)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);

  const e = c.expect;
  if (e.exit === 2) {
    expect(run.code, shown(run)).toBe(2);
    const errorLines = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errorLines, shown(run)).toHaveLength(1);
    const sentence = errorLines[0]!;
    expect(sentence, shown(run)).toMatch(/[.!]$/);
    for (const part of e.says) expect(sentence, shown(run)).toMatch(part);
    // Nothing half-written: a run that could not start leaves no report behind.
    expect(existsSync(join(run.out, 'summary.json')), 'a report from a run that could not start').toBe(false);
    return;
  }

  expect(run.code, shown(run)).toBe(e.exit);
  const summary = JSON.parse(readFileSync(join(run.out, 'summary.json'), 'utf8')) as Summary;
  const errors = readFileSync(join(run.out, 'errors.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ErrorLine);
  for (const file of reportFiles(run.out)) {
    // id-map.csv keeps exact source ids on purpose; the corpus's ids hold no email.
    checkNoLeak(file.name, file.text, false);
  }
  const actual = errors
    // Warnings and policy skips are not errors: skips are counted (expect.skipped), warnings only shown.
    .filter((err) => err.severity !== 'warning' && err.severity !== 'skip')
    .map((err) => ({
      file: err.file.split('/').pop(),
      line: err.line,
      field: err.field,
      code: err.code,
      entity: err.entity,
    }));
  const expected = e.errors ?? [];
  expect(actual, `errors.jsonl\n${shown(run)}`).toHaveLength(expected.length);
  expected.forEach((want, i) => {
    const got = actual[i]!;
    expect(got.file, `error ${i} file`).toBe(want.file);
    expect(got.line, `error ${i} line`).toBe(want.line);
    if (want.field !== undefined) expect(got.field, `error ${i} field`).toBe(want.field);
    if (want.code !== undefined) expect(got.code, `error ${i} code`).toMatch(want.code);
    if (want.entity !== undefined) expect(got.entity, `error ${i} entity`).toBe(want.entity);
  });
  for (const entity of ['users', 'organizations', 'memberships'] as const) {
    const n = summary[entity];
    expect(n.total, `${entity} add up in ${JSON.stringify(n)}`).toBe(
      n.created +
        n.updated +
        n.unchanged +
        n.invalid +
        n.failed +
        n.pending +
        ((n as { skipped?: number }).skipped ?? 0),
    );
    const want = e.good?.[entity];
    if (want !== undefined) {
      const good = n.created + n.updated + n.unchanged + n.pending;
      expect(good, `good ${entity} in ${JSON.stringify(n)}\n${shown(run)}`).toBe(want);
    }
  }
  if (e.skipped !== undefined) {
    const skipped = summary.users.skipped + summary.organizations.skipped + summary.memberships.skipped;
    expect(skipped, `skipped records\n${shown(run)}`).toBe(e.skipped);
  }
  if (c.importIds && run.emulator) {
    const held = run.emulator
      .snapshot()
      .users.map((u) => (u as { external_id?: string | null }).external_id)
      .sort();
    expect(held, 'the users in WorkOS are exactly the good ones').toEqual([...c.importIds].sort());
  }
}

function reportFiles(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** No corpus hash anywhere; a corpus email only masked (`u***@corpus.example`) in logs, and nowhere in reports. */
function checkNoLeak(where: string, text: string, masked: boolean): void {
  expect(text.includes(CORPUS_HASH_MARK), `a password hash in ${where}`).toBe(false);
  for (const match of text.matchAll(new RegExp(`[^\\s"'<>(,]*@${CORPUS_DOMAIN.replace('.', '\\.')}`, 'g'))) {
    if (masked) expect(match[0], `an unmasked email in ${where}`).toMatch(/^[^@]?\*\*\*@/);
    else expect.fail(`an email in ${where}: ${match[0].replace(/^.*@/, '…@')}`);
  }
}
