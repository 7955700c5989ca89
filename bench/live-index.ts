// npm run bench:live-index: what reading WorkOS costs before every plan, import and verify.
//
// The stand-in is seeded in process with N users that carry external ids, names and metadata
// (BENCH_LIVE_USERS, default 200,000); the real SDK then reads them back in pages of 100 over
// HTTP into the engine's live index. Printed: reads per record (the bound is about one
// per 100) and the index's memory, as retained heap per user and against the same users held
// as full SDK objects (the baseline, measured in the same run).
import { WorkOS, type User } from '@workos-inc/node';
import { startEmulator } from '../src/emulator/server.js';
import { readLiveIndex } from '../src/workos/live-index.js';
import { allPages } from '../src/workos/pages.js';

const USERS = Number(process.env.BENCH_LIVE_USERS ?? 200_000);

function heapMb(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main(): Promise<void> {
  if (!global.gc) throw new Error('run with --expose-gc (npm run bench:live-index does)');
  const emulator = await startEmulator({ readLimit: null });
  try {
    for (let i = 0; i < USERS; i++) {
      emulator.seedUser({
        email: `person${i}@bench.example.com`,
        first_name: `Given${i}`,
        last_name: `Family${i}`,
        email_verified: true,
        external_id: `auth0|${i.toString(16).padStart(24, '0')}`,
        metadata: { plan: 'pro', region: 'eu' },
      });
    }
    const url = new URL(emulator.url);
    const workos = new WorkOS('sk_test_bench', {
      apiHostname: url.hostname,
      port: Number(url.port),
      https: false,
      maxRetries: 0,
    });
    const read = <T>(fn: () => Promise<T>) => fn();

    const before = heapMb();
    const started = Date.now();
    const index = await readLiveIndex(workos, read, { organizations: false });
    const seconds = (Date.now() - started) / 1000;
    const indexMb = heapMb() - before;

    const baselineBefore = heapMb();
    const full: User[] = [];
    for await (const user of allPages(read, (after) => workos.userManagement.listUsers({ limit: 100, after })))
      full.push(user);
    const fullMb = heapMb() - baselineBefore;

    console.log(`live index of ${USERS.toLocaleString('en')} WorkOS users, read in ${seconds.toFixed(1)} s`);
    console.log(`  reads: ${index.reads} = ${(index.reads / USERS).toFixed(4)} per record (bound: about 0.01)`);
    console.log(
      `  retained heap: ${indexMb.toFixed(1)} MB = ${((indexMb * 1024 * 1024) / USERS).toFixed(0)} bytes per user`,
    );
    console.log(
      `  baseline (full SDK user objects): ${fullMb.toFixed(1)} MB; index / baseline = ${(indexMb / fullMb).toFixed(2)}`,
    );
    if (index.users.size !== USERS || full.length !== USERS) throw new Error('the index does not hold every user');
  } finally {
    await emulator.close();
  }
}

await main();
