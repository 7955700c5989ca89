import { mkdir, open, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../model/types.js';

// An export's own checkpoint: a small JSON state file in --out plus "spools", append-only
// files of one JSON record a line, each with a cursor (a page's `next`, or an offset). A page is
// appended and flushed first, and the state (file length, count, cursor) saved after it, by an
// atomic rename. A kill between the two leaves bytes past the recorded length: on resume they
// are cut off and the page is fetched again, so nothing is written twice and nothing is lost.

export const STATE_FILE = 'export-state.json';
export const PARTS_DIR = '.export-parts';

export interface SpoolState {
  /** Bytes of the spool file that are confirmed (everything after is cut on resume). */
  bytes: number;
  /** Records confirmed. */
  count: number;
  /** Where the next page starts: Auth0's checkpoint `from`, or Clerk's offset. */
  cursor?: string | number;
  done: boolean;
}

export interface ExportState {
  version: 1;
  source: 'auth0' | 'clerk';
  startedAt: string;
  /** Free-form per source: job ids, which organization is being read. */
  progress: Record<string, unknown>;
  spools: Record<string, SpoolState>;
  complete: boolean;
}

export class ExportCheckpoint {
  private constructor(
    readonly outDir: string,
    readonly state: ExportState,
    /** True when the run continues an interrupted one. */
    readonly resumed: boolean,
  ) {}

  static async open(outDir: string, source: ExportState['source']): Promise<ExportCheckpoint> {
    await mkdir(join(outDir, PARTS_DIR), { recursive: true });
    const path = join(outDir, STATE_FILE);
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      let state: ExportState;
      try {
        state = JSON.parse(text) as ExportState;
      } catch {
        throw new UsageError(
          `${path}: the export checkpoint is damaged (not JSON). Delete it to start the export over.`,
        );
      }
      if (state.version !== 1 || typeof state.spools !== 'object' || state.spools === null) {
        throw new UsageError(
          `${path}: this is not an export checkpoint this version can read. Delete it to start the export over.`,
        );
      }
      if (state.source !== source) {
        throw new UsageError(
          `${path}: ${outDir} holds an unfinished ${state.source} export; use another --out, or delete ${STATE_FILE} there to start over.`,
        );
      }
      if (!state.complete) return new ExportCheckpoint(outDir, state, true);
      // A finished export is fetched again from the start: the source may have changed since.
      await rm(join(outDir, PARTS_DIR), { recursive: true, force: true });
      await mkdir(join(outDir, PARTS_DIR), { recursive: true });
    }
    const state: ExportState = {
      version: 1,
      source,
      startedAt: new Date().toISOString(),
      progress: {},
      spools: {},
      complete: false,
    };
    const checkpoint = new ExportCheckpoint(outDir, state, false);
    await checkpoint.save();
    return checkpoint;
  }

  partPath(name: string): string {
    return join(this.outDir, PARTS_DIR, name);
  }

  async save(): Promise<void> {
    const path = join(this.outDir, STATE_FILE);
    const temp = `${path}.tmp`;
    await writeFile(temp, `${JSON.stringify(this.state, null, 2)}\n`);
    await rename(temp, path);
  }

  /** A spool by name, cut back to its confirmed length. */
  async spool(name: string): Promise<Spool> {
    const state = (this.state.spools[name] ??= { bytes: 0, count: 0, done: false });
    const path = this.partPath(`${name}.ndjson`);
    const handle = await open(path, 'a');
    await handle.close();
    await truncate(path, state.bytes);
    return new Spool(path, state, this);
  }

  async finish(): Promise<void> {
    this.state.complete = true;
    await this.save();
    await rm(join(this.outDir, PARTS_DIR), { recursive: true, force: true });
  }
}

export class Spool {
  constructor(
    readonly path: string,
    readonly state: SpoolState,
    private readonly checkpoint: ExportCheckpoint,
  ) {}

  /** Appends one page of records, then records the cursor of the next page (none: the last page). */
  async append(records: unknown[], next: string | number | undefined): Promise<void> {
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    if (text !== '') {
      const handle = await open(this.path, 'r+');
      try {
        await handle.write(text, this.state.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.state.bytes += Buffer.byteLength(text);
    this.state.count += records.length;
    if (next === undefined) {
      delete this.state.cursor;
      this.state.done = true;
    } else {
      this.state.cursor = next;
    }
    await this.checkpoint.save();
  }
}
