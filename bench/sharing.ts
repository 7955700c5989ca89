// Two importers with default settings on one WorkOS environment (another team's script, a second
// migration): the limit is shared through AIMD, not fought over with a storm of 429s.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PACING, WORKOS_LIMITS } from '../src/workos/pacing-defaults.js';
import { startEmulator } from '../src/emulator/server.js';
import { runImport } from '../src/modes/import.js';
import { writeSyntheticAuth0Export } from '../test/support/synthetic-auth0.js';

export interface SharingResult {
  /** Both importers' writes per second together, over the limit's. */
  ofLimit: number;
  share429: number;
  /** Each importer's share of the writes (0.5 each is a fair split). */
  split: [number, number];
  seconds: number;
}

export async function benchSharing(secondsEach: number, latencyMs: number): Promise<SharingResult> {
  const limitPerSecond = WORKOS_LIMITS.writes.requests / (WORKOS_LIMITS.writes.windowMs / 1000);
  // Together they can write only at the limit: size each export for `secondsEach` at half of it.
  const users = Math.round((limitPerSecond / 2) * secondsEach);
  const dirs = [mkdtempSync(join(tmpdir(), 'bench-share-a-')), mkdtempSync(join(tmpdir(), 'bench-share-b-'))];
  const emulator = await startEmulator({ writeLimit: WORKOS_LIMITS.writes, readLimit: WORKOS_LIMITS.reads });
  emulator.setFaults({ latencyMs });
  try {
    const exports = dirs.map((dir) => writeSyntheticAuth0Export(dir, users));
    // The second importer's users are other people: other emails, other Auth0 ids.
    for (const path of [exports[1]!.usersPath, exports[1]!.passwordsPath]) {
      const text = readFileSync(path, 'utf8')
        .replaceAll('@synthetic.example.com', '@second.example.com')
        .replace(/("auth0\|)0|("user_id":")0|("\$oid":")0/g, (_m, a, b, c) => `${a ?? b ?? c}b`);
      writeFileSync(path, text);
    }
    const started = Date.now();
    const runs = await Promise.all(
      exports.map((data, i) =>
        runImport({
          source: 'auth0',
          files: { users: data.usersPath, passwords: data.passwordsPath },
          target: { apiKey: `sk_test_bench_${i}`, apiUrl: emulator.url },
          rateLimit: DEFAULT_PACING.rateLimit,
          readRateLimit: DEFAULT_PACING.readRateLimit,
          concurrency: DEFAULT_PACING.concurrency,
          reconcileAfterImport: false,
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const stats = emulator.stats();
    const answered = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
    const writes = runs.map((r) => r.summary.requests?.writes ?? 0);
    const committed = stats.committed;
    return {
      ofLimit: committed / seconds / limitPerSecond,
      share429: answered === 0 ? 0 : (stats.byStatus['429'] ?? 0) / answered,
      split: [writes[0]! / (writes[0]! + writes[1]!), writes[1]! / (writes[0]! + writes[1]!)],
      seconds,
    };
  } finally {
    await emulator.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
