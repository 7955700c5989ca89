import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { httpStatusOf } from '../../github/octokit.js';

/**
 * Where the checkpoint state directory (the journal) lives between runs. A CI job starts on an
 * empty machine, so the action restores the directory at start and saves it every few minutes
 * and from the post step; the CLI keeps it on disk.
 */
export interface StateStore {
  /** e.g. 'workflow artifact "workos-migration-state"' */
  readonly description: string;
  /** Fills `dir` with the newest saved state; false when there is none yet (a first run). */
  restore(dir: string): Promise<{ restored: boolean; from?: string }>;
  /**
   * Saves the files of `dir` as the newest state and says what it saved. When the store fails
   * it throws a StateStoreError saying what was not saved and what the next run will do.
   */
  save(dir: string): Promise<{ saved: boolean; name?: string; reason?: string; bytes?: number }>;
}

export class StateStoreError extends Error {
  constructor(
    /** The store's description, so a caller can say which one failed. */
    readonly store: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Checkpoint store ${store}: ${message}`, options);
    this.name = 'StateStoreError';
  }
}

/** A frozen copy of the state directory: the journal keeps growing while a save uploads. */
export interface StateSnapshot {
  root: string;
  /** Paths relative to `root`, with '/' separators, sorted. */
  files: string[];
  bytes: number;
  /** Digest of names and contents: equal digests mean nothing changed. */
  digest: string;
  discard(): Promise<void>;
}

export async function listStateFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

export async function snapshotState(dir: string): Promise<StateSnapshot> {
  const files = await listStateFiles(dir);
  const root = await mkdtemp(join(tmpdir(), 'migrate-to-workos-state-'));
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for (const file of files) {
      const target = join(root, file);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(dir, file), target);
      bytes += (await stat(target)).size;
      hash.update(`${file}\0`);
      for await (const chunk of createReadStream(target)) hash.update(chunk as Buffer);
      hash.update('\0');
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return { root, files, bytes, digest: hash.digest('hex'), discard: () => rm(root, { recursive: true, force: true }) };
}

/** Moves restored files into `dir`, each by rename so a reader never sees half a file. */
export async function moveStateFiles(from: string, dir: string): Promise<string[]> {
  const files = await listStateFiles(from);
  for (const file of files) {
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    const staging = `${target}.restoring`;
    await copyFile(join(from, file), staging);
    await rename(staging, target);
  }
  return files;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** What a GitHub error means for the user, with the permission to grant when it is one. */
export function explainGitHubError(error: unknown, permission: string): string {
  const status = httpStatusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (status === 401)
    return `GitHub refused the token (401: ${message}). Pass a valid token (github-token, usually \${{ github.token }}).`;
  if (status === 403)
    return `the token is not allowed to do this (403: ${message}). Grant the workflow "permissions: ${permission}".`;
  if (status !== undefined) return `GitHub answered ${status}: ${message}`;
  return message;
}
