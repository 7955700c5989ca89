// How close an import with default settings runs to WorkOS's write limit, and how often it hits
// it, at several latencies. The stand-in enforces the real limits (500 writes and 1,000 reads
// per sliding 10 s) and adds the latency to every request; the importer runs with the defaults
// the CLI uses (DEFAULT_PACING), no tuning flags.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_PACING, WORKOS_LIMITS } from '../src/workos/pacing-defaults.js';
import { startEmulator } from '../src/emulator/server.js';
import { runImport } from '../src/modes/import.js';
import { writeSyntheticAuth0Export } from '../test/support/synthetic-auth0.js';

export interface PacingRow {
  latencyMs: number;
  users: number;
  created: number;
  seconds: number;
  writesPerSecond: number;
  /** Achieved writes/s over the limit's writes/s. */
  ofLimit: number;
  /** Share of all requests answered 429. */
  share429: number;
  /** The longest the event loop (importer and stand-in share it) was blocked: a busy machine's mark. */
  maxStallMs: number;
}

const LIMIT_PER_SECOND = WORKOS_LIMITS.writes.requests / (WORKOS_LIMITS.writes.windowMs / 1000);

export async function benchPacing(
  latencies: number[],
  secondsEach: number,
  log: (line: string) => void,
): Promise<PacingRow[]> {
  // Enough users to keep the default rate busy for `secondsEach`, at least two limit windows.
  const users = Math.round(DEFAULT_PACING.rateLimit * secondsEach);
  const dir = mkdtempSync(join(tmpdir(), 'bench-pacing-'));
  const rows: PacingRow[] = [];
  try {
    const data = writeSyntheticAuth0Export(dir, users);
    for (const latencyMs of latencies) {
      const emulator = await startEmulator({ writeLimit: WORKOS_LIMITS.writes, readLimit: WORKOS_LIMITS.reads });
      emulator.setFaults({ latencyMs });
      const stalls = monitorEventLoopDelay({ resolution: 10 });
      stalls.enable();
      try {
        const started = Date.now();
        const result = await runImport({
          source: 'auth0',
          files: { users: data.usersPath, passwords: data.passwordsPath },
          target: { apiKey: 'sk_test_bench', apiUrl: emulator.url },
          // The CLI's defaults, spelled out until the engine takes them from DEFAULT_PACING itself.
          rateLimit: DEFAULT_PACING.rateLimit,
          readRateLimit: DEFAULT_PACING.readRateLimit,
          concurrency: DEFAULT_PACING.concurrency,
          reconcileAfterImport: false,
        });
        const stats = emulator.stats();
        const answered = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
        const writesPerSecond = result.summary.requests?.writesPerSecond ?? 0;
        const row: PacingRow = {
          latencyMs,
          users,
          created: result.summary.users.created,
          seconds: (Date.now() - started) / 1000,
          writesPerSecond,
          ofLimit: writesPerSecond / LIMIT_PER_SECOND,
          share429: answered === 0 ? 0 : (stats.byStatus['429'] ?? 0) / answered,
          maxStallMs: stalls.max / 1e6,
        };
        rows.push(row);
        log(
          `  ${latencyMs} ms: ${row.created}/${users} users in ${row.seconds.toFixed(1)} s, ` +
            `${writesPerSecond.toFixed(1)} writes/s = ${row.ofLimit.toFixed(3)} of the limit, 429s ${(row.share429 * 100).toFixed(2)} %, ` +
            `longest event-loop stall ${Math.round(row.maxStallMs)} ms`,
        );
      } finally {
        stalls.disable();
        await emulator.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export { LIMIT_PER_SECOND };
