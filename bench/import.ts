// `import` at scale, for npm run bench: an Auth0 export of N users (a bcrypt-shaped hash each) and
// organizations of up to 50,000 members holding every user once (N memberships; 4 organizations
// at 200,000 users, 20 at a million) is imported into the stand-in, twice, then verified:
//
//   first:  everything is written (N users with their hashes, the organizations, N memberships);
//   rerun:  the same export and checkpoint again, nothing to write;
//   verify: the same export and checkpoint, read-only: WorkOS must hold every record as planned;
//   cutover: the same, read-only, with the go/no-go checks: go;
//   rollback: `rollback --confirm` from the checkpoint: the stand-in is empty afterwards.
//
// Each run is the built CLI in its own process; the stand-in runs in this process with its write
// limit out of the way (the bench measures the engine, not the pacing) and the CLI's --rate-limit
// raised to match. Printed per run: records per second of the CLI's CPU time (user + system) and
// its peak RSS, against the 512 MB a GitHub-hosted runner leaves one process. The runs must exit
// 0, and the stand-in must hold exactly the export afterwards.
//
// BENCH_IMPORT_USERS (default 1000000) sets the size; BENCH_IMPORT=0 skips the section. The files
// are deleted afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Emulator } from '../src/emulator/server.js';
import type { BenchLine } from './index.js';
import { writeAuth0Export } from './plan.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_RSS_MB = 512;
/**
 * An Auth0 organization is one JSON element, members included: 50,000 members are about 4.6 MB
 * of it, under the 8 Mi characters `limits.recordLength` allows by default (250,000 are not).
 */
const MEMBERS_PER_ORGANIZATION = 50_000;

export function organizationsFor(users: number): number {
  return Math.max(4, Math.ceil(users / MEMBERS_PER_ORGANIZATION));
}

/** Far above what one process can send: the stand-in's limit and the CLI's pace stay out of the way. */
const UNLIMITED = { requests: 1_000_000_000, windowMs: 1 };

export interface ImportRun {
  code: number | null;
  cpuSeconds: number;
  rssMb: number;
  wallSeconds: number;
  summary: ImportSummary;
  stderr: string;
}

interface ImportSummary {
  complete: boolean;
  users: { created: number; unchanged: number; failed: number; pending: number };
  organizations: { created: number; unchanged: number };
  memberships: { created: number; unchanged: number; failed: number; pending: number };
  passwords: { sent: number; recordedEarlier: number };
}

export async function run(log: (line: string) => void): Promise<BenchLine[]> {
  if (process.env.BENCH_IMPORT === '0') return [];
  const users = Number(process.env.BENCH_IMPORT_USERS ?? 1_000_000);
  const n = users.toLocaleString('en');
  const organizations = organizationsFor(users);
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const emulator = await startEmulator({ writeLimit: UNLIMITED, readLimit: null });
  try {
    const files = await writeAuth0ImportExport(dir, users);
    const lines: BenchLine[] = [];
    const record = (label: string, result: ImportRun, records: number) => {
      log(
        `${label} of ${n} users, ${organizations} organizations, ${n} memberships: ${result.wallSeconds.toFixed(1)} s, ` +
          `${result.cpuSeconds.toFixed(1)} s CPU, peak RSS ${result.rssMb} MB`,
      );
      lines.push(
        { label: `${label} records / CPU s @ ${n} users`, value: Math.round(records / result.cpuSeconds).toString() },
        {
          label: `${label} peak RSS @ ${n} users`,
          value: `${result.rssMb} MB`,
          target: `<= ${MAX_RSS_MB} MB`,
          ok: result.rssMb <= MAX_RSS_MB,
        },
      );
    };
    const records = users * 2 + organizations;
    for (const label of ['first run', 'rerun', 'verify'] as const) {
      const result = await runImport(emulator.url, dir, files, label === 'verify' ? 'verify' : 'import');
      checkImported(result, users, label);
      record(label === 'verify' ? 'verify' : `import ${label}`, result, records);
    }
    checkStandIn(emulator, users);
    const cutover = await runImport(emulator.url, dir, files, 'cutover');
    if (cutover.code !== 0) throw new Error(`cutover exited ${cutover.code}:\n${cutover.stderr.slice(-4000)}`);
    record('cutover', cutover, records);
    const rollback = await runImport(emulator.url, dir, files, 'rollback');
    checkRolledBack(rollback, emulator);
    record('rollback --confirm', rollback, records);
    return lines;
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ImportFiles {
  users: string;
  passwords: string;
  organizations: string;
}

/** The plan bench's export plus an Auth0 organizations file: user i belongs to organization i % organizationsFor(users). */
export async function writeAuth0ImportExport(dir: string, users: number): Promise<ImportFiles> {
  const count = organizationsFor(users);
  const files = await writeAuth0Export(dir, users);
  const organizations = join(dir, 'organizations.json');
  const out = createWriteStream(organizations);
  const write = (text: string): Promise<void> | void => {
    if (!out.write(text)) return new Promise((resolve) => out.once('drain', () => resolve()));
  };
  await write('{"organizations":[\n');
  for (let o = 0; o < count; o++) {
    await write(
      `${o > 0 ? ',\n' : ''}{"id":"org_bench${o}","name":"bench-${o}","display_name":"Bench ${o}","metadata":{"domains":"bench${o}.example.com"},"members":[`,
    );
    let first = true;
    for (let i = o; i < users; i += count) {
      const role = i % 100 === 0 ? 'admin' : 'member';
      await write(
        `${first ? '' : ','}\n{"user_id":"auth0|${i.toString(16).padStart(24, '0')}","roles":[{"id":"rol_${role}","name":"${role}"}]}`,
      );
      first = false;
    }
    await write(']}');
  }
  await write('\n]}\n');
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return { ...files, organizations };
}

/** The built CLI's `import` (or another command), with the RSS and CPU probe; its checkpoint and reports in `dir`. */
export async function runImport(
  apiUrl: string,
  dir: string,
  files: ImportFiles,
  command: 'import' | 'verify' | 'cutover' | 'rollback' = 'import',
): Promise<ImportRun> {
  const rssFile = join(dir, 'rss');
  const cpuFile = join(dir, 'cpu');
  // A folder of its own each run: a summary left by an earlier run is never read as this one's.
  const out = mkdtempSync(join(dir, `out-${command}-`));
  const exportFlags =
    command === 'rollback'
      ? ['--confirm']
      : ['--source', 'auth0', '--users', files.users, '--passwords', files.passwords, '--organizations', files.organizations];
  const paceFlags = command === 'verify' || command === 'cutover' ? [] : ['--rate-limit', '1000000'];
  const args = [
    '--import',
    join(root, 'bench', 'rss-probe.mjs'),
    join(root, 'dist', 'cli', 'index.js'),
    command,
    ...exportFlags,
    '--state',
    join(dir, 'state'),
    '--out',
    out,
    ...paceFlags,
    '--read-rate-limit',
    '1000000',
  ];
  const started = process.hrtime.bigint();
  // Not spawnSync: the stand-in answers from this process's event loop.
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      BENCH_RSS_FILE: rssFile,
      BENCH_CPU_FILE: cpuFile,
      CI: '1',
      NO_COLOR: '1',
      WORKOS_API_KEY: 'sk_test_bench',
      WORKOS_API_URL: apiUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-8000)));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return 'NaN';
    }
  };
  let summary: ImportSummary;
  try {
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as ImportSummary;
  } catch {
    throw new Error(`${command} exited ${status} without a summary:\n${stderr}${stdout}`);
  }
  return {
    code: status,
    cpuSeconds: Number(read(cpuFile)),
    rssMb: Number(read(rssFile)),
    wallSeconds,
    summary,
    stderr,
  };
}

/** A fast import that imported nothing proves nothing: every record must be there, as planned (verify sees what a rerun sees). */
function checkImported(result: ImportRun, users: number, label: 'first run' | 'rerun' | 'verify'): void {
  const s = result.summary;
  const done = (c: { created: number; unchanged: number }) => (label === 'first run' ? c.created : c.unchanged);
  const wrong =
    result.code !== 0 ||
    !s.complete ||
    done(s.users) !== users ||
    done(s.organizations) !== organizationsFor(users) ||
    done(s.memberships) !== users ||
    (label === 'first run' ? s.passwords.sent : s.passwords.recordedEarlier) !== users;
  if (wrong)
    throw new Error(`${label} exited ${result.code}: ${JSON.stringify(s)}\n${result.stderr.slice(-4000)}`);
}

/** Rollback must leave the stand-in as it was before the first import: empty. */
function checkRolledBack(result: ImportRun, emulator: Emulator): void {
  const held = emulator.snapshot();
  if (result.code !== 0 || held.users.length + held.organizations.length + held.memberships.length > 0)
    throw new Error(
      `rollback exited ${result.code}; the stand-in still holds ${held.users.length} users, ${held.organizations.length} organizations, ${held.memberships.length} memberships:\n${result.stderr.slice(-4000)}`,
    );
}

function checkStandIn(emulator: Emulator, users: number): void {
  const organizations = organizationsFor(users);
  const held = emulator.snapshot();
  if (held.users.length !== users || held.organizations.length !== organizations || held.memberships.length !== users) {
    throw new Error(
      `the stand-in holds ${held.users.length} users, ${held.organizations.length} organizations, ${held.memberships.length} memberships; expected ${users}, ${organizations}, ${users}.`,
    );
  }
}
