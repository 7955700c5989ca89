import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openByteStream } from '../../src/io/byte-stream.js';
import { streamLogger, type Logger } from '../../src/report/logger.js';
import { ProgressMeter, ReadProgress } from '../../src/report/progress.js';
import { tempDirForFile } from '../support/temp-dir.js';

function capture(live: boolean): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    live,
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    progress: (m) => lines.push(m),
    group: (_t, body) => body(),
  };
}

async function readAll(path: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of await openByteStream(path)) bytes += (chunk as Buffer).length;
  return bytes;
}

const ESC = '\x1b';

describe('reading progress', () => {
  it('counts the bytes of every export file read, against its size on disk, gzipped or not', async () => {
    const dir = tempDirForFile('progress-');
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ user_id: `auth0|${i}`, email: `u${i}@example.com` }),
    );
    const plain = join(dir, 'users.ndjson');
    const gz = join(dir, 'passwords.ndjson.gz');
    writeFileSync(plain, lines.join('\n'));
    writeFileSync(gz, gzipSync(lines.join('\n')));

    const log = capture(false);
    const progress = new ReadProgress(log, 'Reading the auth0 export', 0);
    await readAll(plain);
    progress.record(20_000);
    await readAll(gz);
    progress.record(20_000);
    progress.done();
    // After done, other reads are not counted.
    await readAll(plain);

    const last = log.lines.at(-1)!;
    expect(last).toMatch(
      /^Reading the auth0 export: [\d.]+ [KM]B of [\d.]+ [KM]B \(100%\), [\d.]+ [KM]?B\/s, 40000 records \(\d+\/s\), ETA 0s$/,
    );
    expect(log.lines.length).toBeGreaterThan(1);
    for (const line of log.lines) expect(line).not.toContain(ESC);
  });

  it('draws a bar in a terminal', () => {
    const log = capture(true);
    const progress = new ReadProgress(log, 'Reading');
    progress.done();
    expect(new ProgressMeter(log, 'users', 200).describe()).toMatch(/^users \[\.{24}\] 0\/200 \(0%\)/);
  });
});

describe('write progress', () => {
  afterEach(() => vi.unstubAllEnvs());

  function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
    const stream = new Writable({
      write(chunk, _enc, done) {
        stream.text += String(chunk);
        done();
      },
    }) as unknown as NodeJS.WriteStream & { text: string };
    stream.text = '';
    (stream as { isTTY?: boolean }).isTTY = isTTY;
    return stream;
  }

  it('redraws one line with a bar in a terminal', () => {
    vi.stubEnv('CI', '');
    const stream = fakeStream(true);
    const meter = new ProgressMeter(streamLogger(stream), 'users', 4, 0);
    for (let i = 0; i < 4; i++) meter.tick();
    expect(stream.text).toContain(`\r${ESC}[2Kusers [######......`);
    expect(stream.text).toMatch(/users \[#{24}\] 4\/4 \(100%\)/);
    expect(stream.text).not.toContain('\n');
  });

  it('prints plain lines in an Actions log: no escape codes, no bar, not every record', () => {
    vi.stubEnv('CI', 'true');
    const stream = fakeStream(false);
    const meter = new ProgressMeter(streamLogger(stream), 'users', 1000);
    for (let i = 0; i < 1000; i++) meter.tick();
    const lines = stream.text.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/^users: 1000\/1000 \(100%\), [\d.]+\/s, ETA 0s$/);
    expect(stream.text).not.toContain(ESC);
  });
});
