import type { Logger } from './logger.js';

/**
 * Rate, done/total and ETA for the records that need writes. In a terminal the line is
 * redrawn every second; in CI a line every `ciIntervalMs` keeps the log short.
 */
export class ProgressMeter {
  private done = 0;
  private lastShown = 0;
  private readonly startedAt = Date.now();

  constructor(
    private readonly log: Logger,
    private readonly label: string,
    private readonly total: number,
    private readonly intervalMs = process.stderr.isTTY && !process.env.CI ? 1000 : 15_000,
  ) {}

  tick(): void {
    this.done++;
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
    const pct = this.total > 0 ? Math.floor((this.done / this.total) * 100) : 100;
    return `${this.label}: ${this.done}/${this.total} (${pct}%), ${rate.toFixed(1)}/s, ETA ${eta}`;
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Parses `5h30m`, `90m`, `45s`, `1h` (the --time-budget flag). */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$/.exec(text);
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return ((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 1000;
}
