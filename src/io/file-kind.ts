import { stat } from 'node:fs/promises';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UsageError } from '../model/types.js';

/**
 * What a path is when it is not a regular file (`a directory`, `a named pipe (FIFO)`), or
 * undefined for a regular file. Reading a FIFO blocks until something writes to it, and a
 * device like /dev/zero never ends: both would hang a run, so inputs must be regular files.
 */
export function notRegularFile(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** Refuses a path that exists but is not a regular file, before anything opens it (opening a FIFO would block). */
export async function assertNotSpecialFile(path: string, what: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    // Missing or unreadable: the caller's own read says so.
    return;
  }
  const kind = notRegularFile(info);
  if (kind) throw new UsageError(`${path}: ${what} is ${kind}, not a file; name the file itself.`);
}

/**
 * About how many records of `bytesPerRecord` a file holds, from its size (0 when it cannot be
 * read): enough to size an index up front so it need not grow a million records long. A gzip
 * file is measured by the size it unpacks to.
 */
export function estimatedRecords(path: string, bytesPerRecord: number): number {
  return Math.ceil(contentBytes(path) / bytesPerRecord);
}

/** How many bytes of text a file holds: its size, or for gzip what it unpacks to; 0 when it cannot be read. */
export function contentBytes(path: string): number {
  try {
    return unpackedSize(path);
  } catch {
    return 0;
  }
}

/**
 * A file's size, or for gzip the size its trailer records (the unpacked size modulo 4 GiB, of
 * the last member); where that is below the packed size it wrapped, and a typical ratio of 8
 * for JSON is assumed.
 */
function unpackedSize(path: string): number {
  const size = statSync(path).size;
  if (size < 18) return size;
  const file = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(file, head, 0, 2, 0);
    if (head[0] !== 0x1f || head[1] !== 0x8b) return size;
    const trailer = Buffer.alloc(4);
    readSync(file, trailer, 0, 4, size - 4);
    const recorded = trailer.readUInt32LE(0);
    return recorded >= size ? recorded : size * 8;
  } finally {
    closeSync(file);
  }
}
