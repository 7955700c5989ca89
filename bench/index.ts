// npm run bench: the engine's speed as ratios against numbers measured in the same run.
//
//   each rate-limit bucket's pacer told the stand-in's exact limit (1 s and 10 s windows, 50 and
//   400 ms per request): accepted / limit and the share answered 429
//   write rate / WorkOS write limit, at 50, 150 and 400 ms per request, default settings
//   share of requests answered 429
//   peak RSS of this process (the stand-in runs in it too)
//   two importers sharing one environment: together against the limit, 429s, the split (AIMD)
//
// BENCH_SECONDS (default 30) sets how long each latency writes; BENCH_LATENCIES="50,150,400";
// BENCH_SHARING=0 skips the two-importer run. BENCH_BUCKETS=0 skips the buckets, or names some
// ("userManagementWrites,general"); BENCH_BUCKET_WINDOWS (default 3) sets how many windows each
// bucket run lasts, BENCH_BUCKET_WINDOW_MS (default "1000,10000") their windows; BENCH_PACING=0 skips the default-settings import.
// Further sections (plan speed against bare parsing, import at a million users) plug in below as `bench/<name>.ts`
// modules exporting `run(log): Promise<BenchLine[]>`.
import { existsSync } from 'node:fs';
import { BUCKET_NAMES, BUCKETS, type Bucket } from '../src/workos/buckets.js';
import { DEFAULT_PACING, WORKOS_LIMITS } from '../src/workos/pacing-defaults.js';
import { benchBuckets } from './buckets.js';
import { benchPacing, LIMIT_PER_SECOND } from './pacing.js';
import { benchSharing } from './sharing.js';

export interface BenchLine {
  label: string;
  value: string;
  target?: string;
  ok?: boolean;
}

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const latencies = (process.env.BENCH_LATENCIES ?? '50,150,400').split(',').map(Number);
const log = (line: string): void => console.log(line);

const lines: BenchLine[] = [];

const bucketSetting = process.env.BENCH_BUCKETS ?? '';
if (bucketSetting !== '0') {
  const buckets = bucketSetting === '' ? BUCKETS : (bucketSetting.split(',') as Bucket[]);
  // At least 10 s a run (3 windows of 10 s, 10 of 1 s): a run of three 1 s windows is mostly its start.
  const windowsFor = (windowMs: number) =>
    Number(process.env.BENCH_BUCKET_WINDOWS ?? Math.max(3, Math.ceil(10_000 / windowMs)));
  log("Each bucket's pacer told the stand-in's exact limit, for at least 10 s a run:");
  const rows = [];
  for (const windowMs of (process.env.BENCH_BUCKET_WINDOW_MS ?? '1000,10000').split(',').map(Number)) {
    rows.push(
      ...(await benchBuckets({ buckets, windowsMs: [windowMs], latencies: [50, 400], windows: windowsFor(windowMs), log })),
    );
  }
  for (const r of rows) {
    const at = `${BUCKET_NAMES[r.bucket]}, ${r.limit.windowMs / 1000} s window @ ${r.latencyMs} ms`;
    lines.push(
      { label: `${at}: accepted / limit`, value: r.ofLimit.toFixed(3), target: '>= 0.95', ok: r.ofLimit >= 0.95 },
      {
        label: `${at}: 429 share`,
        value: `${(r.share429 * 100).toFixed(2)} %`,
        target: '< 1 %',
        ok: r.share429 < 0.01,
      },
    );
  }
}

if (process.env.BENCH_PACING !== '0') {
  log(
    `Write pacing: limit ${WORKOS_LIMITS.writes.requests} writes per ${WORKOS_LIMITS.writes.windowMs / 1000} s (${LIMIT_PER_SECOND}/s), ` +
      `defaults ${DEFAULT_PACING.rateLimit} writes/s, ${DEFAULT_PACING.readRateLimit} reads/s, concurrency ceiling ${DEFAULT_PACING.concurrency}; ` +
      `${seconds} s of writes per latency.`,
  );
  const rows = await benchPacing(latencies, seconds, log);
  lines.push(
    ...rows.flatMap((r) => [
      {
        label: `write rate / limit @ ${r.latencyMs} ms`,
        value: r.ofLimit.toFixed(3),
        target: '>= 0.95',
        ok: r.ofLimit >= 0.95,
      },
      {
        label: `429 share @ ${r.latencyMs} ms`,
        value: `${(r.share429 * 100).toFixed(2)} %`,
        target: '< 1 %',
        ok: r.share429 < 0.01,
      },
    ]),
  );
}

if (process.env.BENCH_SHARING !== '0') {
  log(`Two importers with default settings on one environment, 150 ms latency, ${seconds} s:`);
  const shared = await benchSharing(seconds, 150);
  log(
    `  together ${shared.ofLimit.toFixed(3)} of the limit, 429s ${(shared.share429 * 100).toFixed(2)} %, split ${shared.split.map((x) => x.toFixed(2)).join(' / ')}`,
  );
  lines.push(
    { label: 'two importers sharing: writes / limit', value: shared.ofLimit.toFixed(3) },
    { label: 'two importers sharing: 429 share', value: `${(shared.share429 * 100).toFixed(2)} %` },
    { label: 'two importers sharing: split', value: shared.split.map((x) => x.toFixed(2)).join(' / ') },
  );
}

// Sections owned elsewhere: each is optional, so the bench runs whichever are present.
for (const name of ['plan', 'import']) {
  const path = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(path)) continue;
  const section = (await import(path.href)) as { run(log: (line: string) => void): Promise<BenchLine[]> };
  lines.push(...(await section.run(log)));
}

lines.push({ label: 'peak RSS (bench process)', value: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` });

log('');
const width = Math.max(...lines.map((l) => l.label.length));
for (const l of lines) {
  const verdict = l.ok === undefined ? '' : l.ok ? '  ok' : '  MISSED';
  log(`${l.label.padEnd(width)}  ${l.value.padStart(9)}${l.target ? `  (target ${l.target})` : ''}${verdict}`);
}
if (lines.some((l) => l.ok === false)) process.exitCode = 1;
