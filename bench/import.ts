// npm run bench: how close the importer runs to the WorkOS write limit, and how often it hits it.
//
// The stand-in enforces the real limit's shape (a sliding 10 s window) scaled up 4× so 20,000
// users finish in under two minutes, with 100 ms latency per request. Printed as ratios against
// numbers measured in the same run: achieved writes/s over the limit, and the share of requests
// answered 429 — next to an unpaced client (the SDK's own retries, no limiter) as the baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkOS } from '@workos-inc/node';
import { startEmulator } from '../src/emulator/server.js';
import { runMigration } from '../src/modes/migration.js';
import { writeSyntheticAuth0Export } from '../test/support/synthetic-auth0.js';

const USERS = Number(process.env.BENCH_USERS ?? 20_000);
// Three windows' worth: a smaller burst fits in one window and would never meet the limit.
const BASELINE_USERS = Math.min(USERS, Number(process.env.BENCH_BASELINE_USERS ?? 6_000));
const WINDOW_MS = 10_000;
const WINDOW_WRITES = 2_000; // 4 × WorkOS's 500 per 10 s
const LIMIT_PER_SECOND = WINDOW_WRITES / (WINDOW_MS / 1000);
const LATENCY_MS = 100;

async function paced(dir: string) {
  const data = writeSyntheticAuth0Export(dir, USERS);
  const emulator = await startEmulator({ writeLimit: { requests: WINDOW_WRITES, windowMs: WINDOW_MS } });
  emulator.setFaults({ latencyMs: LATENCY_MS });
  try {
    const started = Date.now();
    const result = await runMigration({
      mode: 'import',
      source: 'auth0',
      files: { users: data.usersPath, passwords: data.passwordsPath },
      target: { apiKey: 'sk_test_bench', apiUrl: emulator.url },
      // Just under the limit: the limiter's burst keeps any window within it.
      rateLimit: LIMIT_PER_SECOND * 0.98,
      readRateLimit: LIMIT_PER_SECOND,
      concurrency: 48,
      reconcileAfterImport: false,
    });
    const seconds = (Date.now() - started) / 1000;
    const created = result.summary.users.created;
    return { created, seconds, writesPerSecond: result.summary.requests!.writesPerSecond, stats: emulator.stats() };
  } finally {
    await emulator.close();
  }
}

async function unpaced() {
  const emulator = await startEmulator({ writeLimit: { requests: WINDOW_WRITES, windowMs: WINDOW_MS } });
  emulator.setFaults({ latencyMs: LATENCY_MS });
  const url = new URL(emulator.url);
  // What a hand-written script does: the SDK's own retries (3, honouring Retry-After), no pacing.
  const workos = new WorkOS('sk_test_bench', { apiHostname: url.hostname, port: Number(url.port), https: false });
  try {
    const started = Date.now();
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < BASELINE_USERS) {
        const i = next++;
        try {
          await workos.userManagement.createUser({ email: `base${i}@synthetic.example.com`, externalId: `base|${i}` });
        } catch {
          failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: 48 }, worker));
    const seconds = (Date.now() - started) / 1000;
    return { seconds, created: BASELINE_USERS - failed, failed, stats: emulator.stats() };
  } finally {
    await emulator.close();
  }
}

function share429(stats: { byStatus: Record<string, number> }): number {
  const total = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : (stats.byStatus[429] ?? 0) / total;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
try {
  console.log(`Importing ${USERS} users into the stand-in: limit ${LIMIT_PER_SECOND} writes/s (${WINDOW_WRITES} per ${WINDOW_MS / 1000} s), ${LATENCY_MS} ms latency.`);
  const ours = await paced(dir);
  const base = await unpaced();
  const baseRate = base.created / base.seconds;
  console.log('');
  console.log(`paced import:   ${ours.created} users in ${ours.seconds.toFixed(1)} s (reading the export included); ${ours.writesPerSecond.toFixed(1)} writes/s while writing = ${(ours.writesPerSecond / LIMIT_PER_SECOND).toFixed(3)} of the limit; 429 share ${(share429(ours.stats) * 100).toFixed(2)} %`);
  console.log(`unpaced client: ${base.created} of ${BASELINE_USERS} users in ${base.seconds.toFixed(1)} s; ${baseRate.toFixed(1)} writes/s = ${(baseRate / LIMIT_PER_SECOND).toFixed(3)} of the limit; 429 share ${(share429(base.stats) * 100).toFixed(2)} %; ${base.failed} gave up`);
  console.log('');
  console.log(`ratio of limit: ${(ours.writesPerSecond / LIMIT_PER_SECOND).toFixed(3)} (target >= 0.95)`);
  console.log(`429 share:      ${(share429(ours.stats) * 100).toFixed(2)} % (target < 1 %)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
