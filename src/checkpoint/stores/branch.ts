import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { createOctokit, httpStatusOf, type Octokit } from '../../github/octokit.js';
import { explainGitHubError, formatBytes, snapshotState, StateStoreError, type StateStore } from './state-store.js';

export interface BranchStateStoreOptions {
  branch: string;
  /** Needs `contents: write`. */
  token: string;
  owner: string;
  repo: string;
  apiUrl?: string;
  /** Folder in the branch holding the state; the branch root by default. */
  path?: string;
  /** Largest blob per part of a file (after gzip); GitHub refuses files over 100 MB. */
  partBytes?: number;
}

const DEFAULT_PART_BYTES = 25 * 1024 * 1024;

/** `journal.ndjson.gz` is part 0 of journal.ndjson, `journal.ndjson.gz.1` part 1, and so on. */
const PART_NAME = /^(.+)\.gz(?:\.(\d+))?$/;

interface StatePart {
  file: string;
  index: number;
  path: string;
  sha: string;
}

/**
 * Checkpoints committed to a git branch through the REST API, for state that must outlive
 * artifact retention. Each file is gzipped and split into parts below GitHub's file limit.
 * A save is one commit whose parent is the head this store last saw; the ref moves only by
 * fast-forward, so a concurrent writer makes the save fail instead of being overwritten.
 */
export function branchStateStore(options: BranchStateStoreOptions): StateStore {
  const folder = (options.path ?? '').replace(/^\/+|\/+$/g, '');
  const description = `branch "${options.branch}"${folder ? ` (folder ${folder}/)` : ''}`;
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  const repo = { owner: options.owner, repo: options.repo };
  let octokit: Octokit | undefined;
  /** The head this store restored from or last saved; null when the branch did not exist. */
  let knownHead: string | null | undefined;
  let lastSavedDigest: string | undefined;

  function rest(): Octokit {
    octokit ??= createOctokit(options.token, options.apiUrl);
    return octokit;
  }

  async function readHead(): Promise<string | null> {
    try {
      const { data } = await rest().rest.git.getRef({ ...repo, ref: `heads/${options.branch}` });
      return data.object.sha;
    } catch (error) {
      if (httpStatusOf(error) === 404) return null;
      throw error;
    }
  }

  async function stateParts(commitSha: string): Promise<{ treeSha: string; parts: StatePart[] }> {
    const { data: commit } = await rest().rest.git.getCommit({ ...repo, commit_sha: commitSha });
    const { data: tree } = await rest().rest.git.getTree({ ...repo, tree_sha: commit.tree.sha, recursive: 'true' });
    if (tree.truncated) {
      throw new Error(`the tree of ${options.branch} is too large to list; keep the checkpoint on a branch of its own`);
    }
    const prefix = folder ? `${folder}/` : '';
    const parts: StatePart[] = [];
    for (const entry of tree.tree) {
      if (entry.type !== 'blob' || !entry.path || !entry.sha || !entry.path.startsWith(prefix)) continue;
      const match = PART_NAME.exec(entry.path.slice(prefix.length));
      if (match) parts.push({ file: match[1]!, index: Number(match[2] ?? 0), path: entry.path, sha: entry.sha });
    }
    return { treeSha: commit.tree.sha, parts: parts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index)) };
  }

  async function* blobContents(parts: StatePart[]): AsyncGenerator<Buffer> {
    for (const part of parts) {
      const { data } = await rest().rest.git.getBlob({ ...repo, file_sha: part.sha });
      yield Buffer.from(data.content, 'base64');
    }
  }

  /** Gzips one file into parts of at most `partBytes`, uploading each as a blob as soon as it is full. */
  async function uploadParts(source: string, file: string): Promise<StatePart[]> {
    const parts: StatePart[] = [];
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const content = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const index = parts.length;
      const path = `${folder ? `${folder}/` : ''}${file}.gz${index === 0 ? '' : `.${index}`}`;
      const { data } = await rest().rest.git.createBlob({ ...repo, content: content.toString('base64'), encoding: 'base64' });
      parts.push({ file, index, path, sha: data.sha });
    };
    for await (const chunk of createReadStream(source).pipe(createGzip())) {
      let remaining = chunk as Buffer;
      while (pendingBytes + remaining.length >= partBytes) {
        const take = partBytes - pendingBytes;
        pending.push(remaining.subarray(0, take));
        pendingBytes += take;
        remaining = remaining.subarray(take);
        await flush();
      }
      if (remaining.length > 0) {
        pending.push(remaining);
        pendingBytes += remaining.length;
      }
    }
    if (pendingBytes > 0 || parts.length === 0) await flush();
    return parts;
  }

  return {
    description,

    async restore(dir) {
      try {
        const head = await readHead();
        knownHead = head;
        if (head === null) return { restored: false };
        const { parts } = await stateParts(head);
        if (parts.length === 0) return { restored: false };
        const files = [...new Set(parts.map((part) => part.file))];
        for (const file of files) {
          const target = join(dir, file);
          await mkdir(dirname(target), { recursive: true });
          const staging = `${target}.restoring`;
          await pipeline(Readable.from(blobContents(parts.filter((part) => part.file === file))), createGunzip(), createWriteStream(staging));
          await rename(staging, target);
        }
        return { restored: true, from: `${description} at ${head.slice(0, 7)}` };
      } catch (error) {
        throw new StateStoreError(description, `could not read the checkpoint: ${explainGitHubError(error, 'contents: read')}`, { cause: error });
      }
    },

    async save(dir) {
      const snapshot = await snapshotState(dir);
      try {
        if (snapshot.files.length === 0) return { saved: false, reason: `${dir} holds no state files yet` };
        if (lastSavedDigest === snapshot.digest) return { saved: false, reason: 'unchanged since the last save' };
        const parent = knownHead === undefined ? await readHead() : knownHead;
        const previous = parent === null ? undefined : await stateParts(parent);

        const parts: StatePart[] = [];
        for (const file of snapshot.files) parts.push(...(await uploadParts(join(snapshot.root, file), file)));
        const kept = new Set(parts.map((part) => part.path));
        const stale = (previous?.parts ?? []).filter((part) => !kept.has(part.path));
        const { data: tree } = await rest().rest.git.createTree({
          ...repo,
          ...(previous ? { base_tree: previous.treeSha } : {}),
          tree: [
            ...parts.map((part) => ({ path: part.path, mode: '100644' as const, type: 'blob' as const, sha: part.sha })),
            ...stale.map((part) => ({ path: part.path, mode: '100644' as const, type: 'blob' as const, sha: null })),
          ],
        });
        if (previous && tree.sha === previous.treeSha) {
          lastSavedDigest = snapshot.digest;
          return { saved: false, reason: `unchanged since ${options.branch} at ${parent!.slice(0, 7)}` };
        }
        const { data: commit } = await rest().rest.git.createCommit({
          ...repo,
          message: `migrate-to-workos checkpoint: ${snapshot.files.join(', ')} (${formatBytes(snapshot.bytes)})`,
          tree: tree.sha,
          parents: parent === null ? [] : [parent],
        });
        try {
          if (parent === null) {
            await rest().rest.git.createRef({ ...repo, ref: `refs/heads/${options.branch}`, sha: commit.sha });
          } else {
            await rest().rest.git.updateRef({ ...repo, ref: `heads/${options.branch}`, sha: commit.sha, force: false });
          }
        } catch (error) {
          if (httpStatusOf(error) !== 422) throw error;
          throw new Error(
            `another writer ${parent === null ? 'created the branch' : `moved the branch past ${parent.slice(0, 7)}`} while this job ran, ` +
              `and this save would have overwritten it. Run one migration job at a time (a workflow "concurrency:" group)`,
            { cause: error },
          );
        }
        knownHead = commit.sha;
        lastSavedDigest = snapshot.digest;
        return { saved: true, name: `${options.branch}@${commit.sha.slice(0, 7)}` };
      } catch (error) {
        throw new StateStoreError(
          description,
          `the checkpoint in ${dir} (${snapshot.files.join(', ')}, ${formatBytes(snapshot.bytes)}) was not saved: ${explainGitHubError(error, 'contents: write')}. ` +
            `The next run resumes from the branch's last commit and looks up, rather than creates again, what this run wrote since.`,
          { cause: error },
        );
      } finally {
        await snapshot.discard();
      }
    },
  };
}
