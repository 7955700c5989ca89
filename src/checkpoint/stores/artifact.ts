import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DefaultArtifactClient } from '@actions/artifact';
import { JOURNAL_FILE, type JournalIdentity } from '../journal.js';
import { createOctokit, defaultApiUrl, type Octokit } from '../../github/octokit.js';
import { describeIgnored, findTrustedArtifacts, type TrustedArtifact } from '../../github/trusted-artifacts.js';
import { explainGitHubError, formatBytes, StateStoreError, type StateStore } from './state-store.js';

export interface ArtifactStateStoreOptions {
  /** The state name; saves are the artifacts `<name>-<runId>-<attempt>-<seq>` and their segments `…-s<k>`. */
  name: string;
  /** Needs `actions: read` to find and download earlier runs' artifacts. */
  token: string;
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  /** Defaults to GITHUB_API_URL as `@actions/github` read it at import, the only URL `@actions/artifact` downloads from. */
  apiUrl?: string;
  retentionDays?: number;
  /** The migration the journal must belong to: a checkpoint of another source or config is refused. */
  identity?: JournalIdentity;
  /** Pull-request runs read the checkpoint and never write one. */
  readOnly?: boolean;
  /** After this many segments the next save uploads the whole journal again and deletes the older ones. */
  segmentsPerBase?: number;
  /** The largest journal restored (default 4 GiB); anything larger is not one of ours. */
  maxJournalBytes?: number;
  log?: (msg: string) => void;
}

/** The file a full journal is saved as, and the one a segment (the lines appended since the last save) is saved as. */
export const BASE_FILE = JOURNAL_FILE;
export const SEGMENT_FILE = 'journal.segment.ndjson';

const DEFAULT_SEGMENTS_PER_BASE = 24;
const DEFAULT_MAX_JOURNAL_BYTES = 4 * 1024 ** 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CheckpointName {
  runId: number;
  attempt: number;
  baseSeq: number;
  /** 0 for the base (the whole journal), k for its k-th segment. */
  segment: number;
}

interface Chain {
  baseSeq: number;
  /** Bytes of the local journal that are saved (always the end of a complete line). */
  savedEnd: number;
  segments: number;
  names: string[];
}

/**
 * Checkpoints as workflow artifacts. Artifacts are immutable, so a save adds one: the first save
 * of a process uploads the whole journal (`<name>-<run>-<attempt>-<seq>`), later saves only the
 * lines appended since (`…-<seq>-s1`, `-s2`, …), so storage grows with new entries rather than with
 * the journal. Every `segmentsPerBase` segments the journal is uploaded whole again and the older
 * chain of this process is deleted.
 *
 * Restore takes the newest checkpoint artifact of the whole repository (any workflow) from a run
 * this repository trusts (see `findTrustedArtifacts`), downloads its base and segments, and checks
 * that what it got is a journal of this migration: only our files, within size caps, header first.
 */
export function artifactStateStore(options: ArtifactStateStoreOptions): StateStore {
  const description = `workflow artifact "${options.name}"`;
  const log = options.log ?? (() => {});
  const ownName = new RegExp(`^${escapeRegExp(options.name)}-(\\d+)-(\\d+)-(\\d+)(?:-s(\\d+))?$`);
  const segmentsPerBase = options.segmentsPerBase ?? DEFAULT_SEGMENTS_PER_BASE;
  const maxJournalBytes = options.maxJournalBytes ?? DEFAULT_MAX_JOURNAL_BYTES;
  const client = new DefaultArtifactClient();
  let octokit: Octokit | undefined;
  let chain: Chain | undefined;
  let restoredFrom: string | undefined;

  function rest(): Octokit {
    octokit ??= createOctokit(options.token, options.apiUrl, { log });
    return octokit;
  }

  function parse(name: string): CheckpointName | undefined {
    const match = ownName.exec(name);
    if (!match) return undefined;
    return {
      runId: Number(match[1]),
      attempt: Number(match[2]),
      baseSeq: Number(match[3]),
      segment: Number(match[4] ?? 0),
    };
  }

  function nameOf(baseSeq: number, segment: number): string {
    const base = `${options.name}-${options.runId}-${options.runAttempt}-${baseSeq}`;
    return segment === 0 ? base : `${base}-s${segment}`;
  }

  /** The newest trusted checkpoint and the artifacts that make it up, base first. */
  async function findNewestChain(): Promise<TrustedArtifact[] | undefined> {
    const { trusted, ignored } = await findTrustedArtifacts({
      octokit: rest(),
      owner: options.owner,
      repo: options.repo,
      matches: (name) => ownName.test(name),
      currentRunId: options.runId,
    });
    const note = describeIgnored(ignored, `checkpoint artifact(s) named "${options.name}-…"`);
    if (note) log(note);
    const newest = trusted[0];
    if (!newest) return undefined;
    const head = parse(newest.name)!;
    const sameBase = trusted.filter((artifact) => {
      const other = parse(artifact.name)!;
      return other.runId === head.runId && other.attempt === head.attempt && other.baseSeq === head.baseSeq;
    });
    const bySegment = new Map(sameBase.map((artifact) => [parse(artifact.name)!.segment, artifact]));
    const base = bySegment.get(0);
    if (!base) {
      throw new Error(
        `the newest checkpoint, ${newest.name}, is a segment whose base artifact is gone (expired or deleted)`,
      );
    }
    const result = [base];
    for (let k = 1; bySegment.has(k); k++) result.push(bySegment.get(k)!);
    const newestSegment = Math.max(...bySegment.keys());
    if (result.length - 1 < newestSegment) {
      throw new Error(
        `segment ${result.length} of checkpoint ${base.name} is missing (expired or deleted), so its later segments cannot be applied`,
      );
    }
    return result;
  }

  async function download(artifact: TrustedArtifact, into: string, expected: string): Promise<string> {
    const target = join(into, String(artifact.id));
    await client.downloadArtifact(artifact.id, {
      path: target,
      findBy: {
        token: options.token,
        workflowRunId: artifact.runId,
        repositoryOwner: options.owner,
        repositoryName: options.repo,
      },
    });
    const files = (await readdir(target, { recursive: true, withFileTypes: true })).filter(
      (entry) => !entry.isDirectory(),
    );
    if (files.length !== 1 || files[0]!.name !== expected || files[0]!.parentPath !== target) {
      const names = files.map((entry) => join(entry.parentPath, entry.name).slice(target.length + 1)).join(', ');
      throw new Error(`artifact ${artifact.name} holds ${names || 'nothing'}, not the ${expected} this action writes`);
    }
    return join(target, expected);
  }

  /** Checks the first line: a journal header, of this migration when the identity is known. */
  async function checkHeader(path: string, from: string): Promise<void> {
    const handle = await open(path, 'r');
    let first: string;
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      first = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0] ?? '';
    } finally {
      await handle.close();
    }
    let header: { journal?: unknown; source?: unknown; fingerprint?: unknown } | undefined;
    try {
      header = JSON.parse(first) as typeof header;
    } catch {
      header = undefined;
    }
    if (header?.journal !== 1 || typeof header.source !== 'string' || typeof header.fingerprint !== 'string') {
      throw new Error(`${from} does not start with a migrate-to-workos journal header`);
    }
    const identity = options.identity;
    if (identity && header.source !== identity.source) {
      throw new Error(
        `${from} belongs to a migration from ${header.source}, not ${identity.source}; give this migration its own state-name`,
      );
    }
    if (identity && header.fingerprint !== identity.fingerprint) {
      throw new Error(
        `${from} was made with a different mapping config; give this migration its own state-name, or restore the config it was made with`,
      );
    }
  }

  /** The position after the last newline in [from, size): only whole lines are saved. */
  async function wholeLinesEnd(path: string, from: number, size: number): Promise<number> {
    const handle = await open(path, 'r');
    try {
      const chunk = Buffer.alloc(64 * 1024);
      for (let end = size; end > from; ) {
        const start = Math.max(from, end - chunk.length);
        const { bytesRead } = await handle.read(chunk, 0, end - start, start);
        const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
        if (newline >= 0) return start + newline + 1;
        end = start;
      }
      return from;
    } finally {
      await handle.close();
    }
  }

  async function upload(name: string, root: string, file: string): Promise<void> {
    await client.uploadArtifact(
      name,
      [join(root, file)],
      root,
      options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
    );
  }

  /** The next free base number of this run attempt, so the post step never reuses main's names. */
  async function firstFreeSeq(): Promise<number> {
    const { artifacts } = await client.listArtifacts();
    let highest = 0;
    for (const artifact of artifacts) {
      const parsed = parse(artifact.name);
      if (parsed && parsed.runId === options.runId && parsed.attempt === options.runAttempt)
        highest = Math.max(highest, parsed.baseSeq);
    }
    return highest + 1;
  }

  function isNameTaken(error: unknown): boolean {
    return /\(409\)|already exists/i.test(error instanceof Error ? error.message : String(error));
  }

  async function uploadBase(root: string, end: number): Promise<string> {
    let seq = await firstFreeSeq();
    try {
      await upload(nameOf(seq, 0), root, BASE_FILE);
    } catch (error) {
      if (!isNameTaken(error)) throw error;
      // Another process of this run attempt saved in between: look again for a free name, once.
      seq = await firstFreeSeq();
      await upload(nameOf(seq, 0), root, BASE_FILE);
    }
    const superseded = chain?.names ?? [];
    chain = { baseSeq: seq, savedEnd: end, segments: 0, names: [nameOf(seq, 0)] };
    // The new base holds everything the older chain of this process held: those artifacts are dead weight.
    for (const name of superseded) {
      await client
        .deleteArtifact(name)
        .catch((error: unknown) =>
          log(`Could not delete the superseded checkpoint ${name}: ${(error as Error).message}`),
        );
    }
    return nameOf(seq, 0);
  }

  return {
    description,

    async restore(dir) {
      if (options.apiUrl !== undefined && options.apiUrl.replace(/\/+$/, '') !== defaultApiUrl()) {
        throw new StateStoreError(
          description,
          `the API URL ${options.apiUrl} differs from ${defaultApiUrl()}, the one @actions/artifact downloads from (GITHUB_API_URL when the action started). Leave apiUrl unset.`,
        );
      }
      let found: TrustedArtifact[] | undefined;
      try {
        found = await findNewestChain();
      } catch (error) {
        throw new StateStoreError(
          description,
          `could not find the newest checkpoint: ${explainGitHubError(error, 'actions: read')}`,
          { cause: error },
        );
      }
      if (!found) return { restored: false };

      const base = found[0]!;
      const from = `artifact ${base.name} of run ${base.runId}${found.length > 1 ? ` (+${found.length - 1} segment${found.length > 2 ? 's' : ''})` : ''}`;
      const total = found.reduce((sum, artifact) => sum + artifact.sizeInBytes, 0);
      if (total > maxJournalBytes) {
        throw new StateStoreError(
          description,
          `${from} is ${formatBytes(total)}, more than the ${formatBytes(maxJournalBytes)} a checkpoint may be`,
        );
      }
      const downloads = await mkdtemp(join(tmpdir(), 'migrate-to-workos-download-'));
      try {
        await mkdir(dir, { recursive: true });
        const staging = join(dir, `${BASE_FILE}.restoring`);
        const out = createWriteStream(staging);
        let bytes = 0;
        try {
          for (const [index, artifact] of found.entries()) {
            const path = await download(artifact, downloads, index === 0 ? BASE_FILE : SEGMENT_FILE);
            if (index === 0) await checkHeader(path, from);
            bytes += (await stat(path)).size;
            if (bytes > maxJournalBytes)
              throw new Error(`${from} unpacks to more than ${formatBytes(maxJournalBytes)}`);
            await pipeline(createReadStream(path), out, { end: false });
          }
        } finally {
          await new Promise<void>((resolve, reject) =>
            out.end((error?: Error | null) => (error ? reject(error) : resolve())),
          );
        }
        await rename(staging, join(dir, BASE_FILE));
      } catch (error) {
        await rm(join(dir, `${BASE_FILE}.restoring`), { force: true });
        throw new StateStoreError(
          description,
          `could not restore ${from}: ${explainGitHubError(error, 'actions: read')}`,
          { cause: error },
        );
      } finally {
        await rm(downloads, { recursive: true, force: true });
      }
      restoredFrom = base.name;
      log(`Restored the checkpoint from ${from}, saved by a ${base.event} run.`);
      return { restored: true, from };
    },

    async save(dir) {
      if (options.readOnly)
        return { saved: false, reason: 'a pull-request run reads the checkpoint but never writes one' };
      const journal = join(dir, BASE_FILE);
      if (!existsSync(journal)) return { saved: false, reason: `${dir} holds no journal yet` };
      const size = (await stat(journal)).size;
      const startsAt = chain?.savedEnd ?? 0;
      const end = await wholeLinesEnd(journal, startsAt, size);
      if (chain && end === chain.savedEnd)
        return { saved: false, name: chain.names.at(-1), reason: 'unchanged since the last save' };
      const asBase = !chain || chain.segments >= segmentsPerBase;
      const from = asBase ? 0 : startsAt;
      const root = await mkdtemp(join(tmpdir(), 'migrate-to-workos-state-'));
      try {
        // A frozen copy of whole lines: the journal keeps growing while the upload runs.
        const file = asBase ? BASE_FILE : SEGMENT_FILE;
        await pipeline(createReadStream(journal, { start: from, end: end - 1 }), createWriteStream(join(root, file)));
        let name: string;
        if (asBase) {
          name = await uploadBase(root, end);
        } else {
          name = nameOf(chain!.baseSeq, chain!.segments + 1);
          await upload(name, root, SEGMENT_FILE);
          chain = { ...chain!, savedEnd: end, segments: chain!.segments + 1, names: [...chain!.names, name] };
        }
        log(
          `Saved the checkpoint as artifact ${name} (${asBase ? 'the whole journal' : 'new entries'}, ${formatBytes(end - from)}).`,
        );
        return { saved: true, name, bytes: end - from };
      } catch (error) {
        const previous = chain?.names.at(-1) ?? restoredFrom;
        throw new StateStoreError(
          description,
          `the checkpoint in ${dir} (${formatBytes(end - from)} of journal) was not saved: ${explainGitHubError(error, 'actions: write')}. ` +
            `The next run resumes from ${previous ? `artifact ${previous}` : 'the newest earlier checkpoint, if any,'} and looks up, rather than creates again, what this run wrote since.`,
          { cause: error },
        );
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  };
}
