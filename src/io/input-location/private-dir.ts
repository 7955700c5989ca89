import { chmod, mkdtemp, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * One directory of our own inside the caller's temp dir, created 0700 on first use, holding
 * every file that decrypting, decoding or downloading an input produces (each 0600). Keyed by
 * the temp dir rather than the context object, so a copied context still cleans up the same files.
 */
const dirs = new Map<string, Promise<string>>();
let nextFile = 0;

export function privateDir(tempDir: string): Promise<string> {
  const key = resolve(tempDir);
  let dir = dirs.get(key);
  if (!dir) {
    // mkdtemp creates the directory 0700: nobody else on the runner can list or open what we put there.
    dir = mkdtemp(join(key, 'migrate-to-workos-inputs-'));
    dirs.set(key, dir);
    dir.catch(() => dirs.delete(key));
  }
  return dir;
}

/** A fresh path in the private dir whose last part is `name`, so messages about the file stay readable. */
export async function privatePath(tempDir: string, name: string): Promise<string> {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '') || 'input';
  return join(await privateDir(tempDir), `${++nextFile}-${safe}`);
}

/** Creates the file 0600 and fails rather than follow or reuse anything already there. */
export async function createPrivateFile(path: string): Promise<FileHandle> {
  return open(path, 'wx', 0o600);
}

export async function writePrivateFile(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await createPrivateFile(path);
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
}

/** Files written by other code into the private dir (an artifact download) are made 0600 too. */
export async function restrictTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    await chmod(path, entry.isDirectory() ? 0o700 : 0o600);
  }
}

/** Removes the private dir of `tempDir` with everything in it; answers its path, if there was one. */
export async function removePrivateDir(tempDir: string): Promise<string | undefined> {
  const key = resolve(tempDir);
  const dir = dirs.get(key);
  if (!dir) return undefined;
  dirs.delete(key);
  let path: string;
  try {
    path = await dir;
  } catch {
    return undefined;
  }
  await rm(path, { recursive: true, force: true });
  return path;
}
