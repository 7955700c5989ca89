import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Spool } from './checkpoint.js';
import { ExportInterrupted } from './http.js';

/** The confirmed records of a spool, one at a time. */
export async function* spoolRecords<T>(spool: Spool): AsyncGenerator<T> {
  if (spool.state.bytes === 0) return;
  const lines = createInterface({
    input: createReadStream(spool.path, { start: 0, end: spool.state.bytes - 1 }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as T;
}

/**
 * Writes `path` whole or not at all: into `path.tmp`, renamed when complete, so an interrupted
 * run never leaves a half file where `import` would read it.
 */
export async function writeFileAtomically(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = `${path}.tmp`;
  await pipeline(chunks, createWriteStream(temp));
  await rename(temp, path);
}

export interface DownloadResult {
  status: number;
  bytes: number;
}

/**
 * Downloads `url` into `target` as the server sent it. Node's http client, not fetch: fetch
 * undoes a Content-Encoding: gzip, and the export must stay byte for byte what Auth0 wrote.
 * A non-200 answer writes nothing and returns its status (an expired link is a 403).
 */
export function downloadRaw(url: string, target: string, signal?: AbortSignal): Promise<DownloadResult> {
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = get(url, { signal }, (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        resolve({ status, bytes: 0 });
        return;
      }
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      pipeline(response, createWriteStream(target)).then(
        () => resolve({ status, bytes }),
        (error: unknown) => reject(signal?.aborted ? new ExportInterrupted('interrupted') : error),
      );
    });
    request.on('error', (error) => reject(signal?.aborted ? new ExportInterrupted('interrupted') : error));
  });
}

/** Lines of a gzipped NDJSON file that hold something: the number of users in an Auth0 export. */
export async function countGzipLines(path: string): Promise<number> {
  let count = 0;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') count++;
  return count;
}
