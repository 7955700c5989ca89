// Each rate-limit bucket's pacer against the stand-in enforcing that bucket's limit, through real
// HTTP and the SDK: the pacer is told exactly the limit the stand-in counts (a sliding window of
// 1 s or 10 s), requests of that bucket are sent by enough workers to keep it busy, at 50 and
// 400 ms latency. Reported: requests the stand-in accepted over what the limit allows in the
// time, and the share answered 429.
//
// The rates are WorkOS's documented ones per second (user-management writes 50/s, reads 100/s,
// the per-key bucket 100/s); Delete Organization (50 per 60 s) is run at 50/s so its windows
// are as short as the others'. The requests name records that do not exist (a 404 counts in the
// window like any answer), so the stand-in's store stays empty.
import type { WorkOS } from '@workos-inc/node';
import { startEmulator, type EmulatorOptions } from '../src/emulator/server.js';
import { type Bucket, BUCKET_NAMES, BUCKETS, type WindowLimit } from '../src/workos/buckets.js';
import { createWorkOS } from '../src/workos/client.js';
import { PacedTransport } from '../src/workos/paced-fetch.js';

export interface BucketRow {
  bucket: Bucket;
  limit: WindowLimit;
  latencyMs: number;
  ofLimit: number;
  share429: number;
}

const PER_SECOND: Record<Bucket, number> = {
  userManagementWrites: 50,
  userManagementReads: 100,
  general: 100,
  organizationDelete: 50,
};

const REQUEST: Record<Bucket, (workos: WorkOS, i: number) => Promise<unknown>> = {
  userManagementWrites: (w, i) => w.userManagement.updateUser({ userId: `user_bench_${i}`, firstName: 'A' }),
  userManagementReads: (w, i) => w.userManagement.getUser(`user_bench_${i}`),
  general: (w, i) => w.organizations.getOrganization(`org_bench_${i}`),
  organizationDelete: (w, i) => w.organizations.deleteOrganization(`org_bench_${i}`),
};

const EMULATOR_LIMIT: Record<Bucket, keyof EmulatorOptions> = {
  userManagementWrites: 'writeLimit',
  userManagementReads: 'readLimit',
  general: 'generalLimit',
  organizationDelete: 'organizationDeleteLimit',
};

export async function benchBuckets(options: {
  buckets?: readonly Bucket[];
  windowsMs: readonly number[];
  latencies: readonly number[];
  /** How many windows each run lasts. */
  windows: number;
  log: (line: string) => void;
}): Promise<BucketRow[]> {
  const rows: BucketRow[] = [];
  for (const bucket of options.buckets ?? BUCKETS)
    for (const windowMs of options.windowsMs)
      for (const latencyMs of options.latencies) {
        const limit = { requests: (PER_SECOND[bucket] * windowMs) / 1000, windowMs };
        const row = {
          bucket,
          limit,
          latencyMs,
          ...(await runOne(bucket, limit, latencyMs, windowMs * options.windows)),
        };
        rows.push(row);
        options.log(
          `  ${BUCKET_NAMES[bucket]}, ${limit.requests} per ${windowMs / 1000} s, ${latencyMs} ms: ` +
            `${row.ofLimit.toFixed(3)} of the limit, 429s ${(row.share429 * 100).toFixed(2)} %`,
        );
      }
  return rows;
}

async function runOne(
  bucket: Bucket,
  limit: WindowLimit,
  latencyMs: number,
  durationMs: number,
): Promise<{ ofLimit: number; share429: number }> {
  const emulator = await startEmulator({ readLimit: null, [EMULATOR_LIMIT[bucket]]: limit });
  emulator.setFaults({ latencyMs });
  try {
    const transport = new PacedTransport({ [bucket]: limit });
    const workos = createWorkOS({ apiKey: 'sk_test_bench', apiUrl: emulator.url }, transport);
    // Little's law with room: the rate times the latency, twice over.
    const workers = Math.ceil((limit.requests / limit.windowMs) * Math.max(latencyMs, 50) * 2) + 4;
    let next = 0;
    let stopped = false;
    const started = Date.now();
    const stop = setTimeout(() => {
      stopped = true;
      // Requests still waiting for a slot are not sent: only the run's time counts.
      transport.close(new Error('the run is over'));
    }, durationMs);
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!stopped) await REQUEST[bucket](workos, next++).catch(() => undefined);
      }),
    );
    clearTimeout(stop);
    const seconds = (Date.now() - started) / 1000;
    const stats = emulator.stats();
    const answered = Object.values(stats.byStatus).reduce((a, b) => a + b, 0);
    const limited = stats.byStatus['429'] ?? 0;
    // Answers that came in after the stop were sent before it: the run's time is until the stop.
    const allowed = (limit.requests * Math.min(seconds, durationMs / 1000) * 1000) / limit.windowMs;
    return { ofLimit: (answered - limited) / allowed, share429: answered === 0 ? 0 : limited / answered };
  } finally {
    await emulator.close();
  }
}
