import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { openByteStream } from '../../src/io/byte-stream.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

let dir: string;
beforeEach(() => {
  dir = tempDirForFile('byte-stream-');
});

async function readAll(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openByteStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function usageErrorOf(action: () => Promise<unknown>): Promise<UsageError> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('openByteStream', () => {
  it('gunzips a gzip file whatever its name says', async () => {
    const text = '{"user_id":"auth0|1"}\n'.repeat(1000);
    const path = join(dir, 'users.ndjson');
    writeFileSync(path, gzipSync(text));
    expect(await readAll(path)).toBe(text);
  });

  it('reads a plain file named .gz as it is', async () => {
    const path = join(dir, 'users.json.gz');
    writeFileSync(path, '[{"a":1}]');
    expect(await readAll(path)).toBe('[{"a":1}]');
  });

  it('says which file is missing and what to check', async () => {
    const path = join(dir, 'nope.ndjson');
    const error = await usageErrorOf(() => openByteStream(path));
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not found; check the path/);
  });

  it('refuses a directory and an empty file, naming them', async () => {
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    expect((await usageErrorOf(() => openByteStream(folder))).message).toMatch(
      new RegExp(`^${folder}: is a directory`),
    );

    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '');
    expect((await usageErrorOf(() => openByteStream(empty))).message).toMatch(
      new RegExp(`^${empty}: the file is empty`),
    );
  });

  it('reports a corrupt or truncated gzip as a usage error naming the file', async () => {
    const corrupt = join(dir, 'corrupt.gz');
    writeFileSync(corrupt, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('definitely not deflate data')]));
    const e1 = await usageErrorOf(() => readAll(corrupt));
    expect(e1.message).toMatch(new RegExp(`^${corrupt}: the gzip data is corrupt or truncated`));

    const whole = gzipSync('{"a":1}\n'.repeat(5000));
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const e2 = await usageErrorOf(() => readAll(truncated));
    expect(e2.message).toContain(truncated);
    expect(e2.message).toMatch(/download or export the file again/);
  });
});
