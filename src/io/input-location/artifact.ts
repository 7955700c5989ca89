import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../../model/types.js';
import { privateDir, restrictTree } from './private-dir.js';

export interface ArtifactLocation {
  /** What the user wrote, e.g. `artifact:auth0-export/users.json.gz`. */
  label: string;
  name: string;
  /** The file inside the artifact; optional when it holds one file. */
  file?: string;
}

/**
 * Where `artifact:` inputs come from. io/ knows no GitHub: the action and the CLI pass GitHub's
 * (github/artifact-download.ts), which finds the newest artifact of that name that may be trusted.
 */
export interface ArtifactSource {
  /**
   * Downloads the artifact `location` names into a new directory under `dir` and says which one
   * it was, for the log. Every failure is a UsageError that starts with `location.label`.
   */
  download(location: ArtifactLocation, dir: string): Promise<{ dir: string; from: string }>;
}

export interface ArtifactFile {
  path: string;
  /** Which artifact of which run, for the log. */
  from: string;
}

interface Download {
  dir: string;
  files: string[];
  from: string;
}

/** One download per artifact per private dir: `users` and `passwords` often come from one export artifact. */
const downloads = new Map<string, Promise<Download>>();

/** `artifact:NAME` or `artifact:NAME/path/in/artifact`; GitHub forbids `/` in artifact names, so the first one splits. */
export function parseArtifactSpec(label: string, rest: string): ArtifactLocation {
  const slash = rest.indexOf('/');
  const name = (slash < 0 ? rest : rest.slice(0, slash)).trim();
  const file = slash < 0 ? undefined : rest.slice(slash + 1).replace(/^(\.\/|\/)+/, '');
  if (name === '')
    throw new UsageError(`${label}: name the artifact, as artifact:NAME or artifact:NAME/path/in/artifact.`);
  return { label, name, ...(file ? { file } : {}) };
}

export async function artifactFile(
  location: ArtifactLocation,
  tempDir: string,
  source: ArtifactSource | undefined,
): Promise<ArtifactFile> {
  const dir = await privateDir(tempDir);
  const key = `${dir}\0${location.name}`;
  let download = downloads.get(key);
  if (!download) {
    download = downloadInto(location, dir, source);
    downloads.set(key, download);
    download.catch(() => downloads.delete(key));
  }
  const { dir: root, files, from } = await download;
  return { path: join(root, pickFile(location, files, from)), from };
}

/** Drops what was downloaded into a private dir that has been removed. */
export function forgetArtifactDownloads(dir: string): void {
  for (const key of downloads.keys()) if (key.startsWith(`${dir}\0`)) downloads.delete(key);
}

function pickFile(location: ArtifactLocation, files: string[], from: string): string {
  const listed =
    files.length <= 10 ? files.join(', ') : `${files.slice(0, 10).join(', ')} and ${files.length - 10} more`;
  if (location.file !== undefined) {
    if (files.includes(location.file)) return location.file;
    throw new UsageError(`${location.label}: ${from} has no file ${location.file}; it holds ${listed || 'no files'}.`);
  }
  if (files.length === 1) return files[0]!;
  if (files.length === 0) throw new UsageError(`${location.label}: ${from} holds no files; upload the export again.`);
  throw new UsageError(
    `${location.label}: ${from} holds ${files.length} files (${listed}); name one, as artifact:${location.name}/${files[0]}.`,
  );
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function downloadInto(
  location: ArtifactLocation,
  dir: string,
  source: ArtifactSource | undefined,
): Promise<Download> {
  if (!source) throw new UsageError(artifactNeedsGitHub(location));
  const downloaded = await source.download(location, dir);
  await restrictTree(downloaded.dir);
  return { dir: downloaded.dir, files: await listFiles(downloaded.dir), from: downloaded.from };
}

/** Neither a job's runtime token nor a GitHub token: nowhere to read an artifact from. */
export function artifactNeedsGitHub(location: ArtifactLocation): string {
  return `${location.label}: reading an artifact needs GitHub Actions or a GitHub token, repository and run id; run it in a workflow or download the artifact and give its path.`;
}
