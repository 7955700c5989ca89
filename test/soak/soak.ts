import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { EmulatorStats } from '../../src/emulator/stats.js';
import { writeSyntheticAuth0Export } from '../support/synthetic-auth0.js';

// The soak: an import SIGKILLed at random moments while WorkOS misbehaves (answers lost after
// the write happened, 5xx, connection resets, answers slower than the request timeout), run
// again until it finishes, many times over. Each trial ends by comparing what the stand-in
// holds with the export: every user exactly once, and the journal and id map agreeing.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SoakOptions {
  trials: number;
  users?: number;
  seed?: number;
  /** Kills per trial before a run is let finish. */
  killsPerTrial?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  trials: number;
  users: number;
  kills: number;
  runs: number;
  /** Users WorkOS holds more than once (by external id), over all trials. */
  duplicates: number;
  /** Exported users WorkOS does not hold at the end of a trial. */
  lost: number;
  /** Users in WorkOS that are not in the export. */
  unexpected: number;
  /** Journal or id-map lines that disagree with WorkOS. */
  mismatches: number;
  /** Trials whose last run did not finish with exit 0. */
  unfinished: number;
  faults: EmulatorStats['faults'];
  seconds: number;
}

/** The CLI as one ES module built from the current source (faster to start than tsx, and never a stale dist/). */
export async function buildSoakCli(): Promise<string> {
  const outdir = join(ROOT, 'node_modules', '.cache', 'migrate-to-workos-soak');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'cli.mjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

function mkdirIn(root: string, ...names: string[]): string {
  const dir = join(root, ...names);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A seeded generator, so a failing soak can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runCli(
  cli: string,
  args: string[],
  env: Record<string, string>,
  killAtWrites: number | undefined,
  emulator: Emulator,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, CI: 'true', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const startWrites = emulator.stats().writes;
    // Killed after a number of writes reached the stand-in, not after a time: on a busy machine
    // a start can take seconds, and a kill before the first write tests nothing.
    const poll =
      killAtWrites === undefined
        ? undefined
        : setInterval(() => {
            if (emulator.stats().writes - startWrites >= killAtWrites) child.kill('SIGKILL');
          }, 5);
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const users = options.users ?? 120;
  const killsPerTrial = options.killsPerTrial ?? 3;
  const log = options.log ?? (() => undefined);
  const rand = random(options.seed ?? 20261130);
  const started = Date.now();
  const cli = await buildSoakCli();
  // Everything the soak writes, and whatever a killed CLI leaves in its TMPDIR, is under one folder
  // removed at the end: a SIGKILLed process cannot remove its own temporary files.
  const root = mkdtempSync(join(tmpdir(), 'soak-'));
  const data = writeSyntheticAuth0Export(mkdirIn(root, 'data'), users);
  const emulator = await startEmulator({
    seed: options.seed ?? 20261130,
    writeLimit: { requests: 100_000, windowMs: 10_000 },
  });
  const result: SoakResult = {
    trials: options.trials,
    users,
    kills: 0,
    runs: 0,
    duplicates: 0,
    lost: 0,
    unexpected: 0,
    mismatches: 0,
    unfinished: 0,
    faults: { serverError: 0, afterCommitFailure: 0, timeout: 0, drop: 0, rateLimitStorm: 0, echoHeaders: 0 },
    seconds: 0,
  };
  try {
    for (let trial = 0; trial < options.trials; trial++) {
      emulator.reset();
      emulator.setFaults({
        latencyMs: 4,
        jitterMs: 20,
        afterCommitFailureRate: 0.05,
        serverErrorRate: 0.08,
        dropRate: 0.02,
        // Answers that never come: the client's request timeout (shortened below) gives up on them.
        timeoutRate: 0.01,
        commitBeforeTimeout: trial % 2 === 0,
      });
      const state = mkdirIn(root, `trial-${trial}`, 'state');
      const out = mkdirIn(root, `trial-${trial}`, 'out');
      const args = [
        'import',
        '--users',
        data.usersPath,
        '--passwords',
        data.passwordsPath,
        '--state',
        state,
        '--out',
        out,
      ];
      args.push('--api-url', emulator.url, '--rate-limit', '5000', '--concurrency', '6');
      const env = {
        WORKOS_API_KEY: 'sk_test_soak',
        MIGRATE_TO_WORKOS_REQUEST_TIMEOUT_MS: '800',
        TMPDIR: mkdirIn(root, `trial-${trial}`, 'tmp'),
      };
      let finished = false;
      let last: Run | undefined;
      for (let attempt = 0; attempt < killsPerTrial + 12 && !finished; attempt++) {
        // Writes per full run are about twice the users (create, then password or lookups).
        const killAt = attempt < killsPerTrial ? 1 + Math.floor(rand() * users * 1.5) : undefined;
        last = await runCli(cli, args, env, killAt, emulator);
        result.runs++;
        if (last.signal === 'SIGKILL') result.kills++;
        else if (last.code === 0) finished = true;
      }
      const stats = emulator.stats().faults;
      for (const key of Object.keys(result.faults) as (keyof EmulatorStats['faults'])[])
        result.faults[key] += stats[key];
      if (!finished) {
        result.unfinished++;
        log(
          `trial ${trial + 1}: did not finish; last run exit ${last?.code}: ${last?.stderr.split('\n').slice(-4).join(' | ')}`,
        );
      }
      const checked = compare(emulator, data.expectedExternalIds, state, out);
      result.duplicates += checked.duplicates;
      result.lost += checked.lost;
      result.unexpected += checked.unexpected;
      result.mismatches += checked.mismatches;
      log(
        `trial ${trial + 1}/${options.trials}: ${finished ? 'finished' : 'UNFINISHED'}; kills so far ${result.kills}; ` +
          `duplicates ${checked.duplicates}, lost ${checked.lost}, unexpected ${checked.unexpected}, mismatches ${checked.mismatches}`,
      );
    }
  } finally {
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  return result;
}

function compare(
  emulator: Emulator,
  expected: string[],
  state: string,
  out: string,
): Pick<SoakResult, 'duplicates' | 'lost' | 'unexpected' | 'mismatches'> {
  const held = emulator.snapshot().users;
  const count = new Map<string, number>();
  for (const user of held) count.set(user.external_id ?? '', (count.get(user.external_id ?? '') ?? 0) + 1);
  const wanted = new Set(expected);
  const duplicates = [...count.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const lost = expected.filter((id) => !count.has(id)).length;
  const unexpected = [...count.keys()].filter((id) => !wanted.has(id)).length;
  const byExternalId = new Map(held.map((u) => [u.external_id ?? '', u.id]));
  let mismatches = 0;
  const journal = readFileSync(join(state, 'journal.ndjson'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');
  for (const line of journal) {
    const entry = JSON.parse(line) as { entity: string; source_id: string; workos_id: string };
    if (entry.entity === 'user' && byExternalId.get(entry.source_id) !== entry.workos_id) mismatches++;
  }
  let idMap: string[] = [];
  try {
    idMap = readFileSync(join(out, 'id-map.csv'), 'utf8').trim().split('\n').slice(1);
  } catch {
    mismatches += expected.length;
  }
  for (const line of idMap) {
    const [entity, sourceId, workosId] = line.split(',');
    if (entity === 'user' && byExternalId.get(sourceId ?? '') !== workosId) mismatches++;
  }
  if (idMap.filter((l) => l.startsWith('user,')).length !== expected.length) mismatches++;
  return { duplicates, lost, unexpected, mismatches };
}
