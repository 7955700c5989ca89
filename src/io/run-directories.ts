import { statSync } from 'node:fs';
import { UsageError } from '../model/types.js';

const WHAT = {
  state: { flag: '--state (the state directory)', purpose: 'the checkpoint' },
  out: { flag: '--out (the out input in the action)', purpose: 'the reports' },
} as const;

/**
 * Checks, before anything is read or written, that the checkpoint and report directories can
 * be directories: a path that names an existing file would otherwise fail only at the first
 * journal line, or after every write when the reports are due, with no report at all.
 */
export function checkRunDirectories(dirs: { state?: string; out?: string }): void {
  for (const kind of ['state', 'out'] as const) {
    const path = dirs[kind];
    if (path === undefined || path === '') continue;
    let problem: string | undefined;
    try {
      if (!statSync(path).isDirectory()) problem = 'is a file, not a directory';
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOTDIR') problem = 'lies under a file, not a directory';
      else if (code === 'EACCES' || code === 'EPERM') problem = 'cannot be reached (permission denied)';
      // ENOENT is fine: the directory is created when it is first needed.
    }
    if (problem !== undefined) {
      const { flag, purpose } = WHAT[kind];
      throw new UsageError(`${path}: ${flag} ${problem}; name a directory for ${purpose} (it is created if missing).`);
    }
  }
}
