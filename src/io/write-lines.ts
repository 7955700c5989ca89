import { open } from 'node:fs/promises';

/** About this much text is gathered before each write. */
const WRITE_BYTES = 1024 * 1024;

/**
 * Writes `lines` (each with its own line end) to `path`, a megabyte at a time: a report of a
 * million rows never exists as one string (a string that size costs twice its text, and V8 has
 * a limit on a string's length).
 */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const file = await open(path, 'w');
  try {
    let pending = '';
    for (const line of lines) {
      pending += line;
      if (pending.length >= WRITE_BYTES) {
        await file.write(pending);
        pending = '';
      }
    }
    if (pending.length > 0) await file.write(pending);
  } finally {
    await file.close();
  }
}
