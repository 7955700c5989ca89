import { open, stat, type FileHandle } from 'node:fs/promises';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { UsageError } from '../model/types.js';
import { notRegularFile } from './file-kind.js';
import { inputLimits, raiseHint } from './limits.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const READ_AHEAD_BYTES = 1024 * 1024;

/** Told of every chunk read from an export file: bytes as on disk (before gunzip), and the file's size. */
export type BytesReadListener = (path: string, bytes: number, fileSize: number) => void;
const bytesReadListeners = new Set<BytesReadListener>();

/** Read progress (bytes/s, ETA from the file size) without threading a callback through every reader. */
export function watchBytesRead(listener: BytesReadListener): () => void {
  bytesReadListeners.add(listener);
  return () => bytesReadListeners.delete(listener);
}

/** Tells the listeners of a chunk read (here, or by a worker thread on this thread's behalf). */
export function reportBytesRead(path: string, bytes: number, fileSize: number): void {
  for (const listener of bytesReadListeners) listener(path, bytes, fileSize);
}

export interface ByteStreamOptions {
  /** How many bytes the file is read at a time (tests cut input into small chunks to prove readers do not care). */
  chunkBytes?: number;
}

/**
 * The bytes of an export file, gunzipped when they are gzip. Gzip is recognised by its magic
 * bytes, not by the name: Auth0 export jobs hand out `.json.gz` files that people rename, and
 * a `.gz` that was already unpacked by a browser keeps its name.
 *
 * Every failure, at open time or later while reading, is a `UsageError` naming the file.
 */
export async function openByteStream(path: string, options: ByteStreamOptions = {}): Promise<Readable> {
  let handle: FileHandle;
  try {
    // Checked before opening: opening a FIFO for reading blocks until something writes to it.
    const kind = notRegularFile(await stat(path));
    if (kind)
      throw new UsageError(
        `${path}: is ${kind}, not a file; name the export file itself (save a stream to a file first).`,
      );
    handle = await open(path, 'r');
  } catch (error) {
    throw error instanceof UsageError ? error : openError(path, error);
  }

  let gzip = false;
  let size = 0;
  try {
    const info = await handle.stat();
    size = info.size;
    if (info.isDirectory()) throw new UsageError(`${path}: is a directory, not a file; name the export file itself.`);
    if (info.isFile()) {
      if (info.size === 0) throw new UsageError(`${path}: the file is empty; export the data again or check the path.`);
      const magic = Buffer.alloc(GZIP_MAGIC.length);
      const { bytesRead } = await handle.read(magic, 0, magic.length, 0);
      gzip = bytesRead === GZIP_MAGIC.length && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1];
    }
  } catch (error) {
    await handle.close();
    throw error instanceof UsageError ? error : openError(path, error);
  }

  // 64 KB reads (the default): larger buffers and the strings decoded from them (over 128 KB)
  // each get fresh pages, and on a VM touching fresh pages costs more than the extra reads.
  const file = handle.createReadStream({
    start: 0,
    ...(options.chunkBytes ? { highWaterMark: options.chunkBytes } : {}),
  });
  if (bytesReadListeners.size > 0)
    file.on('data', (chunk: Buffer | string) => reportBytesRead(path, chunk.length, size));
  // Room for a megabyte of read-ahead: the file (and gunzip) keep working on libuv's threads
  // while the reader parses, instead of starting each 64 KB read only once the last is used.
  const out = new PassThrough({ highWaterMark: READ_AHEAD_BYTES });
  // Errors of the inner streams are replaced by one the user can act on; the consumer sees
  // only `out`, and closing it early (a `break` in `for await`) releases the file.
  file.on('error', (error) => out.destroy(readError(path, error)));
  out.on('close', () => file.destroy());
  if (gzip) {
    // Output in 64 KB pieces, not zlib's 16 KB: a quarter of the trips to libuv's threads (each
    // a wake-up, costly on a VM). Not larger: a decoded piece of over 128 KB is a string V8
    // gives fresh pages of its own, and touching fresh pages is what costs most there.
    const gunzip = createGunzip({ chunkSize: 64 * 1024 });
    gunzip.on('error', (error) => out.destroy(gzipError(path, error)));
    // A few kilobytes of gzip can unpack to terabytes: stop at the limit, not at a full disk or heap.
    const { decompressedBytes } = inputLimits();
    let unpacked = 0;
    gunzip.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > decompressedBytes && !out.destroyed) {
        out.destroy(
          new UsageError(
            `${path}: the gzip data unpacks to more than ${decompressedBytes} bytes, the limit; ${raiseHint('decompressedBytes')}.`,
          ),
        );
      }
    });
    out.on('close', () => gunzip.destroy());
    file.pipe(gunzip).pipe(asUtf8(path, out)).pipe(out);
  } else {
    file.pipe(asUtf8(path, out)).pipe(out);
  }
  return out;
}

/**
 * Excel and PowerShell save "Unicode" text as UTF-16 with a byte order mark: that is turned
 * into UTF-8 here, so every reader sees the same text (and the same line numbers). UTF-16
 * without a mark cannot be told apart reliably from binary, so it is named and refused.
 */
function asUtf8(path: string, out: PassThrough): Transform {
  let decoder: TextDecoder | undefined;
  let decided = false;
  let head = Buffer.alloc(0);
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (decided) return callback(null, decoder ? Buffer.from(decoder.decode(chunk, { stream: true })) : chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < 4) return callback();
      try {
        decide();
      } catch (error) {
        return callback(error as Error);
      }
      callback(null, decoder ? Buffer.from(decoder.decode(head, { stream: true })) : head);
    },
    flush(callback) {
      if (!decided && head.length > 0) {
        try {
          decide();
        } catch (error) {
          return callback(error as Error);
        }
        return callback(null, decoder ? Buffer.from(decoder.decode(head)) : head);
      }
      if (decoder) return callback(null, Buffer.from(decoder.decode()));
      callback();
    },
  });
  transform.on('error', (error) => out.destroy(error instanceof UsageError ? error : readError(path, error)));
  out.on('close', () => transform.destroy());
  return transform;

  function decide(): void {
    decided = true;
    if (head[0] === 0xff && head[1] === 0xfe) decoder = new TextDecoder('utf-16le');
    else if (head[0] === 0xfe && head[1] === 0xff) decoder = new TextDecoder('utf-16be');
    else if (
      head.length >= 4 &&
      ((head[0] !== 0 && head[1] === 0 && head[3] === 0) || (head[0] === 0 && head[2] === 0 && head[1] !== 0))
    ) {
      throw new UsageError(
        `${path}: the text is UTF-16 without a byte order mark; save the file as UTF-8 and run again.`,
      );
    }
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function openError(path: string, error: unknown): UsageError {
  switch (errorCode(error)) {
    case 'ENOENT':
      return new UsageError(`${path}: file not found; check the path (relative paths start at the working directory).`);
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`${path}: permission denied; make the file readable by this user.`);
    case 'EISDIR':
      return new UsageError(`${path}: is a directory, not a file; name the export file itself.`);
    default:
      return readError(path, error);
  }
}

function readError(path: string, error: unknown): UsageError {
  const code = errorCode(error);
  if (code === 'EISDIR') return openError(path, error);
  return new UsageError(
    `${path}: the file cannot be read (${code ?? 'unknown error'}); check that it is a readable export file.`,
  );
}

function gzipError(path: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new UsageError(
    `${path}: the gzip data is corrupt or truncated (${detail}); download or export the file again.`,
  );
}

/**
 * The first `chars` characters of a file as text (gunzipped when it is gzip), to tell formats
 * apart before reading the whole file. A UTF-8 byte order mark is dropped.
 */
export async function readTextHead(path: string, chars = 4096): Promise<string> {
  const stream = await openByteStream(path);
  try {
    stream.setEncoding('utf8');
    let head = '';
    for await (const chunk of stream as AsyncIterable<string>) {
      head += chunk;
      if (head.length >= chars) break;
    }
    return head.replace(/^\uFEFF/, '');
  } finally {
    stream.destroy();
  }
}
