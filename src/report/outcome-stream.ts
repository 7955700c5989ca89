import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { emptyOutcomeCounts, type Outcome } from '../model/outcome.js';
import type { MergedUsers } from '../model/user-plan.js';
import { failureLine, idMapHeader, idMapLines } from './files.js';

/** Failed outcomes kept whole for summary.md and the result (the rest are in errors.jsonl only). */
const FAILURES_KEPT = 1000;
/** About this much text is gathered before each write. */
const WRITE_BYTES = 1024 * 1024;

/** One report file written as rows come in, a megabyte at a time, under a name that says it is not whole yet. */
class LineSink {
  private fd: number;
  private pending = '';

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= WRITE_BYTES) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length > 0) writeSync(this.fd, this.pending);
    this.pending = '';
  }
}

/**
 * How every planned record ended, taken as it happens: counted, its id-map row and (failed) its
 * errors.jsonl line written to a part file in the report directory. At a million users an
 * outcome is never kept past its own record; only the first failures are, for summary.md.
 */
export class OutcomeStream {
  readonly counts = emptyOutcomeCounts();
  /** The first FAILURES_KEPT failed outcomes, whole. */
  readonly failures: Outcome[] = [];
  private failedCount = 0;
  private readonly idMap?: LineSink;
  private readonly errors?: LineSink;
  private readonly merged: ReadonlyMap<string, readonly string[]>;
  private finished = false;

  /** Without a directory only counts (and the first failures) are kept. */
  constructor(
    dir: string | undefined,
    merges: readonly MergedUsers[],
    private readonly includePii: boolean,
  ) {
    this.merged = new Map(merges.map((m) => [m.sourceId, m.mergedSourceIds]));
    if (dir === undefined) return;
    mkdirSync(dir, { recursive: true });
    this.idMap = new LineSink(join(dir, 'id-map.csv.part'));
    this.idMap.write(idMapHeader());
    this.errors = new LineSink(join(dir, 'errors.jsonl.part'));
  }

  add(outcome: Outcome): void {
    if (outcome.entity === 'password') return;
    this.counts[outcome.entity][outcome.status]++;
    if (outcome.workosId) for (const line of idMapLines(outcome, this.merged)) this.idMap?.write(line);
    if (outcome.status !== 'failed') return;
    this.failedCount++;
    if (this.failures.length < FAILURES_KEPT) this.failures.push(outcome);
    this.errors?.write(failureLine(outcome, this.includePii));
  }

  /** Failed outcomes in all (more than `failures` holds when many failed). */
  get failed(): number {
    return this.failedCount;
  }

  /** The part files, closed: the report writer joins them into id-map.csv and errors.jsonl. */
  finish(): { idMap: string; failures: string } | undefined {
    if (!this.idMap || !this.errors) return undefined;
    if (!this.finished) {
      this.idMap.close();
      this.errors.close();
      this.finished = true;
    }
    return { idMap: this.idMap.path, failures: this.errors.path };
  }

  /** Removes the part files (a run that ends without reports). */
  discard(): void {
    const parts = this.finish();
    if (parts) for (const path of Object.values(parts)) rmSync(path, { force: true });
  }
}
