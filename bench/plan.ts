// `plan` speed and memory at scale, for npm run bench: an Auth0 export of N users plus a password
// file of N rows is generated, then read twice in one run, each in its own process:
//
//   bare:  readline + JSON.parse of both files (bench/bare-parse.mjs), the baseline;
//   plan:  the built CLI, `plan --source auth0 --users … --passwords …` (no key: no network).
//
// Printed: plan speed as a ratio of bare speed (bare seconds / plan seconds, each the best of
// BENCH_PLAN_ROUNDS alternated runs, default 5), and the plan process's peak RSS (the highest of
// its runs). BENCH_PLAN_USERS (default "100000,1000000") sets the sizes; BENCH_PLAN=0 skips the
// section. The files (about 1 GB at a million users) are deleted afterwards.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchLine } from './index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_RSS_MB = 512;
const MIN_RATIO = 0.4;
const ROUNDS = Number(process.env.BENCH_PLAN_ROUNDS ?? 5);

interface Timing {
  seconds: number;
  rssMb: number;
}

function best(timings: Timing[]): Timing {
  return timings.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

export async function run(log: (line: string) => void): Promise<BenchLine[]> {
  if (process.env.BENCH_PLAN === '0') return [];
  const sizes = (process.env.BENCH_PLAN_USERS ?? '100000,1000000').split(',').map(Number);
  const lines: BenchLine[] = [];
  for (const users of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
    try {
      const files = await writeAuth0Export(dir, users);
      const bareArgs = [join(root, 'bench', 'bare-parse.mjs'), files.users, files.passwords];
      const planArgs = [
        join(root, 'dist', 'cli', 'index.js'),
        'plan',
        '--source',
        'auth0',
        '--users',
        files.users,
        '--passwords',
        files.passwords,
        '--out',
        join(dir, 'out'),
      ];
      // Alternated, best of ROUNDS each: a shared machine's noise slows single runs, never speeds them
      // (on a 2-core VM the same plan took 8.5 to 13 s); five runs find the undisturbed time more often than three.
      const bares: Timing[] = [];
      const plans: Timing[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bares.push(timed(dir, bareArgs));
        plans.push(timed(dir, planArgs));
      }
      const bare = best(bares);
      const plan = { seconds: best(plans).seconds, rssMb: Math.max(...plans.map((p) => p.rssMb)) };
      checkPlanned(join(dir, 'out', 'summary.json'), users);
      const ratio = bare.seconds / plan.seconds;
      const n = users.toLocaleString('en');
      log(
        `plan of ${n} users + ${n} password rows: ${plan.seconds.toFixed(2)} s (bare parse ${bare.seconds.toFixed(2)} s), peak RSS ${plan.rssMb} MB`,
      );
      lines.push(
        {
          label: `plan speed / bare parse @ ${n} users`,
          value: ratio.toFixed(3),
          target: `>= ${MIN_RATIO}`,
          ok: ratio >= MIN_RATIO,
        },
        {
          label: `plan peak RSS @ ${n} users`,
          value: `${plan.rssMb} MB`,
          target: `<= ${MAX_RSS_MB} MB`,
          ok: plan.rssMb <= MAX_RSS_MB,
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return lines;
}

/** A fast plan that planned nothing proves nothing: every user must be planned, with its hash. */
function checkPlanned(summaryPath: string, users: number): void {
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as {
    users: { pending: number };
    passwords: { withHash: number };
  };
  if (summary.users.pending !== users || summary.passwords.withHash !== users) {
    throw new Error(
      `plan planned ${summary.users.pending} user(s), ${summary.passwords.withHash} with a hash; expected ${users} of each.`,
    );
  }
}

/** Runs node on `args`, with the RSS probe; fails loudly when the process does. */
function timed(dir: string, args: string[]): Timing {
  const rssFile = join(dir, 'rss');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench', 'rss-probe.mjs'), ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile, CI: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) };
}

/**
 * An Auth0 bulk export as Auth0 writes it (one JSON object a line, the fields a real tenant
 * has) and a password file with a distinct bcrypt-shaped hash a row, in the same order.
 */
export async function writeAuth0Export(dir: string, count: number): Promise<{ users: string; passwords: string }> {
  const files = { users: join(dir, 'users.ndjson'), passwords: join(dir, 'passwords.ndjson') };
  const users = createWriteStream(files.users);
  const passwords = createWriteStream(files.passwords);
  for (let i = 0; i < count; i++) {
    const oid = i.toString(16).padStart(24, '0');
    const email = `user${i}@bench.example.com`;
    const verified = i % 3 !== 0;
    const user = {
      user_id: `auth0|${oid}`,
      email,
      email_verified: verified,
      given_name: `Given${i}`,
      family_name: `Family${i}`,
      name: `Given${i} Family${i}`,
      nickname: `user${i}`,
      picture: 'https://s.gravatar.com/avatar/0.png',
      identities: [
        { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: oid, isSocial: false },
      ],
      app_metadata: { plan: 'pro' },
      user_metadata: { theme: 'dark' },
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-06-01T00:00:00.000Z',
      last_login: '2024-06-01T00:00:00.000Z',
      logins_count: i % 50,
    };
    const row = {
      _id: { $oid: oid },
      email,
      email_verified: verified,
      passwordHash: bcryptShapedHash(i),
      password_set_date: { $date: '2024-01-01T00:00:00.000Z' },
      tenant: 'bench',
      connection: 'Username-Password-Authentication',
    };
    await write(users, `${JSON.stringify(user)}\n`);
    await write(passwords, `${JSON.stringify(row)}\n`);
  }
  await Promise.all([close(users), close(passwords)]);
  return files;
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `$2b$10$` and 53 characters of bcrypt's base64, different for every i (never a real password). */
function bcryptShapedHash(i: number): string {
  let x = (i * 2654435761) >>> 0;
  let text = '$2b$10$';
  for (let k = 0; k < 53; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    text += BCRYPT_ALPHABET[(x >>> 16) % 64];
  }
  return text;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

function close(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
