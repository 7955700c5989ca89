import { watchBytesRead } from '../io/byte-stream.js';
import type { Logger } from './logger.js';

/** How often a status line is printed: redrawn often in a terminal, a plain line now and then in CI logs. */
function defaultInterval(log: Logger): number {
  return log.live ? 500 : 10_000;
}

/**
 * Rate, done/total and ETA of a long phase (writing, reconciling, planning). In a terminal the
 * line is redrawn as a bar; in an Actions log it is a plain line every few seconds (no escape codes).
 */
export class ProgressMeter {
  private done = 0;
  private lastShown = 0;
  private readonly startedAt = Date.now();
  private readonly intervalMs: number;

  constructor(
    private readonly log: Logger,
    private readonly label: string,
    private readonly total: number,
    intervalMs?: number,
  ) {
    this.intervalMs = intervalMs ?? defaultInterval(log);
  }

  tick(count = 1): void {
    this.done += count;
    const now = Date.now();
    if (now - this.lastShown >= this.intervalMs || this.done === this.total) {
      this.lastShown = now;
      this.log.progress(this.describe(now));
    }
  }

  describe(now = Date.now()): string {
    const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
    const rate = this.done / seconds;
    const left = this.total - this.done;
    const eta = rate > 0 ? formatDuration(left / rate) : '?';
    const share = this.total > 0 ? this.done / this.total : 1;
    const counts = `${this.done}/${this.total} (${Math.floor(share * 100)}%), ${rate.toFixed(1)}/s, ETA ${eta}`;
    return this.log.live ? `${this.label} ${bar(share)} ${counts}` : `${this.label}: ${counts}`;
  }
}

/**
 * Progress of reading the exports: bytes and records per second, and an ETA from the size of the
 * files opened so far (a gzipped file counts its compressed bytes, as its size does).
 */
export class ReadProgress {
  private readonly files = new Map<string, { read: number; size: number }>();
  private records = 0;
  private lastShown = 0;
  private readonly startedAt = Date.now();
  private readonly intervalMs: number;
  private readonly unwatch: () => void;

  /** Starts listening to every export file opened from now on, until `done()`. */
  constructor(
    private readonly log: Logger,
    private readonly label = 'Reading',
    intervalMs?: number,
  ) {
    this.intervalMs = intervalMs ?? defaultInterval(log);
    this.unwatch = watchBytesRead((path, bytes, size) => this.bytes(path, bytes, size));
  }

  /** A record was read (map and validate count it once each). */
  record(count = 1): void {
    this.records += count;
    this.maybeShow();
  }

  /** Stops listening and prints the closing line. */
  done(): void {
    this.unwatch();
    if (this.records > 0 || this.files.size > 0) this.log.progress(this.describe());
  }

  describe(now = Date.now()): string {
    let read = 0;
    let size = 0;
    for (const f of this.files.values()) {
      read += f.read;
      size += Math.max(f.size, f.read);
    }
    const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
    const bytesPerSecond = read / seconds;
    const share = size > 0 ? read / size : 0;
    const eta =
      bytesPerSecond > 0 && read < size
        ? formatDuration((size - read) / bytesPerSecond)
        : read >= size && size > 0
          ? '0s'
          : '?';
    const text =
      `${formatBytes(read)} of ${formatBytes(size)} (${Math.floor(share * 100)}%), ${formatBytes(bytesPerSecond)}/s, ` +
      `${this.records} records (${Math.round(this.records / seconds)}/s), ETA ${eta}`;
    return this.log.live ? `${this.label} ${bar(share)} ${text}` : `${this.label}: ${text}`;
  }

  private bytes(path: string, bytes: number, size: number): void {
    const file = this.files.get(path) ?? { read: 0, size };
    file.read += bytes;
    this.files.set(path, file);
    this.maybeShow();
  }

  private maybeShow(): void {
    const now = Date.now();
    if (now - this.lastShown < this.intervalMs) return;
    // The first line waits one interval: a small export is read before it would be worth showing.
    if (this.lastShown === 0) {
      this.lastShown = now;
      return;
    }
    this.lastShown = now;
    this.log.progress(this.describe(now));
  }
}

const BAR_WIDTH = 24;

/** A plain ASCII bar (no escape codes: the logger decides how a line is redrawn). */
export function bar(share: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
