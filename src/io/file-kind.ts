import type { Stats } from 'node:fs';

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
