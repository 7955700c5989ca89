import { createWriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import { JOURNAL_FILE } from '../journal.js';
import { createOctokit, httpStatusOf, type Octokit } from '../../github/octokit.js';
import { explainGitHubError, formatBytes, StateStoreError, type StateStore } from './state-store.js';

export interface BranchStateStoreOptions {
  branch: string;
  /** Needs `contents: write`. */
  token: string;
  owner: string;
  repo: string;
  apiUrl?: string;
  /** Folder in the branch holding the state; the branch root by default. */
  path?: string;
  /** Journal bytes per part (cut after a whole line); each part is gzipped on its own. GitHub refuses files over 100 MB. */
  partBytes?: number;
  /** Pull-request runs read the checkpoint and never write one. */
  readOnly?: boolean;
  log?: (message: string) => void;
}

const DEFAULT_PART_BYTES = 8 * 1024 * 1024;
/** How often a save merges with another writer's commit and tries again before giving up. */
const MERGE_ATTEMPTS = 3;

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
 * artifact retention. The journal is cut into parts of `partBytes` at line ends, each gzipped on
 * its own (the gzip members concatenate into one stream): the journal only grows at its end, so
 * every part but the last is byte for byte the blob the branch already holds, and a save uploads
 * and commits only the parts that changed. History grows with new entries, not with the journal.
 * The ref moves only by fast-forward: when another writer moved it, the save merges that
 * writer's journal lines with its own and commits on top.
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
  /** Journal lines another writer committed that the local journal lacks; saved along with it from then on. */
  const foreignLines: string[] = [];
  const log = options.log ?? (() => {});

  async function mergeWith(head: string, local: Buffer): Promise<void> {
    const theirs = (await journalAt((await stateParts(head)).parts)).split('\n');
    const ours = local.toString('utf8').split('\n');
    if (theirs[0] && ours[0] && theirs[0] !== ours[0]) {
      throw new Error(
        `the branch now holds the journal of another migration (${theirs[0]}); give each migration its own state-name`,
      );
    }
    const known = new Set([...ours, ...foreignLines.map((line) => line.slice(0, -1))]);
    for (const line of theirs.slice(1)) {
      if (line.trim() === '' || known.has(line)) continue;
      known.add(line);
      foreignLines.push(`${line}\n`);
    }
  }

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
    return {
      treeSha: commit.tree.sha,
      parts: parts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index)),
    };
  }

  async function* blobContents(parts: StatePart[]): AsyncGenerator<Buffer> {
    for (const part of parts) {
      const { data } = await rest().rest.git.getBlob({ ...repo, file_sha: part.sha });
      yield Buffer.from(data.content, 'base64');
    }
  }

  /** The journal's parts: cut after the last newline within `partBytes` (or at `partBytes` in a line that long). */
  function cutParts(content: Buffer): Buffer[] {
    const parts: Buffer[] = [];
    for (let start = 0; start < content.length; ) {
      let end = Math.min(start + partBytes, content.length);
      if (end < content.length) {
        const newline = content.subarray(start, end).lastIndexOf(0x0a);
        if (newline >= 0) end = start + newline + 1;
      }
      parts.push(content.subarray(start, end));
      start = end;
    }
    return parts.length > 0 ? parts : [Buffer.alloc(0)];
  }

  /** Uploads the parts the branch does not already hold (same path, same blob) and says which blobs make the file. */
  async function uploadParts(
    content: Buffer,
    file: string,
    previous: StatePart[],
  ): Promise<{ parts: StatePart[]; uploaded: number }> {
    const held = new Map(previous.map((part) => [part.path, part.sha]));
    const parts: StatePart[] = [];
    let uploaded = 0;
    for (const [index, raw] of cutParts(content).entries()) {
      const path = `${folder ? `${folder}/` : ''}${file}.gz${index === 0 ? '' : `.${index}`}`;
      // Deterministic gzip (no timestamp in the header): an unchanged part is the same blob.
      const gz = gzipSync(raw);
      const sha = createHash('sha1').update(`blob ${gz.length}\0`).update(gz).digest('hex');
      if (held.get(path) !== sha) {
        const { data } = await rest().rest.git.createBlob({
          ...repo,
          content: gz.toString('base64'),
          encoding: 'base64',
        });
        uploaded += gz.length;
        parts.push({ file, index, path, sha: data.sha });
      } else {
        parts.push({ file, index, path, sha });
      }
    }
    return { parts, uploaded };
  }

  /** The journal the branch holds at `commit`, as text. */
  async function journalAt(parts: StatePart[]): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.from(blobContents(parts.filter((part) => part.file === JOURNAL_FILE))).pipe(
      createGunzip(),
    )) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
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
          await pipeline(
            Readable.from(blobContents(parts.filter((part) => part.file === file))),
            createGunzip(),
            createWriteStream(staging),
          );
          await rename(staging, target);
        }
        return { restored: true, from: `${description} at ${head.slice(0, 7)}` };
      } catch (error) {
        throw new StateStoreError(
          description,
          `could not read the checkpoint: ${explainGitHubError(error, 'contents: read')}`,
          { cause: error },
        );
      }
    },

    async save(dir) {
      if (options.readOnly)
        return { saved: false, reason: 'a pull-request run reads the checkpoint but never writes one' };
      const path = join(dir, JOURNAL_FILE);
      if (!existsSync(path)) return { saved: false, reason: `${dir} holds no journal yet` };
      const local = await readFile(path);
      // Only whole lines: the last one may still be being written.
      const whole = local.subarray(0, local.lastIndexOf(0x0a) + 1);
      try {
        let parent = knownHead === undefined ? await readHead() : knownHead;
        for (let attempt = 1; ; attempt++) {
          const content = Buffer.concat([whole, Buffer.from(foreignLines.join(''))]);
          const digest = createHash('sha256').update(content).digest('hex');
          if (lastSavedDigest === digest) return { saved: false, reason: 'unchanged since the last save' };
          const previous = parent === null ? undefined : await stateParts(parent);
          const { parts, uploaded } = await uploadParts(content, JOURNAL_FILE, previous?.parts ?? []);
          const kept = new Set(parts.map((part) => part.path));
          const stale = (previous?.parts ?? []).filter((part) => !kept.has(part.path));
          const { data: tree } = await rest().rest.git.createTree({
            ...repo,
            ...(previous ? { base_tree: previous.treeSha } : {}),
            tree: [
              ...parts.map((part) => ({
                path: part.path,
                mode: '100644' as const,
                type: 'blob' as const,
                sha: part.sha,
              })),
              ...stale.map((part) => ({ path: part.path, mode: '100644' as const, type: 'blob' as const, sha: null })),
            ],
          });
          if (previous && tree.sha === previous.treeSha) {
            knownHead = parent;
            lastSavedDigest = digest;
            return { saved: false, reason: `unchanged since ${options.branch} at ${parent!.slice(0, 7)}` };
          }
          const { data: commit } = await rest().rest.git.createCommit({
            ...repo,
            message: `migrate-to-workos checkpoint: ${JOURNAL_FILE} (${formatBytes(content.length)}, ${formatBytes(uploaded)} new)`,
            tree: tree.sha,
            parents: parent === null ? [] : [parent],
          });
          try {
            if (parent === null) {
              await rest().rest.git.createRef({ ...repo, ref: `refs/heads/${options.branch}`, sha: commit.sha });
            } else {
              await rest().rest.git.updateRef({
                ...repo,
                ref: `heads/${options.branch}`,
                sha: commit.sha,
                force: false,
              });
            }
          } catch (error) {
            if (httpStatusOf(error) !== 422 || attempt >= MERGE_ATTEMPTS) throw error;
            // Another writer committed since: take its journal lines too, and commit on top of it.
            parent = await readHead();
            if (parent !== null) await mergeWith(parent, whole);
            log(`${description} moved while this job ran; merged that writer's journal and saving again.`);
            continue;
          }
          knownHead = commit.sha;
          lastSavedDigest = digest;
          return { saved: true, name: `${options.branch}@${commit.sha.slice(0, 7)}`, bytes: uploaded };
        }
      } catch (error) {
        throw new StateStoreError(
          description,
          `the checkpoint in ${dir} (${formatBytes(whole.length)} of journal) was not saved: ${explainGitHubError(error, 'contents: write')}. ` +
            `The next run resumes from the branch's last commit and looks up, rather than creates again, what this run wrote since.`,
          { cause: error },
        );
      }
    },
  };
}
