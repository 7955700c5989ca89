import { UsageError } from '../model/types.js';

// The window `watch` reads: `--since 24h` (a span back from now: d, h, m, combined like 1d12h)
// or an ISO 8601 time, up to `--until` (ISO 8601, default now).

export interface WatchWindow {
  since: Date;
  until: Date;
}

const SPAN = /^\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*$/;

export function parseWatchWindow(since: string | undefined, until: string | undefined, now: Date): WatchWindow {
  const end = until === undefined ? now : isoTime('--until', until);
  const start = since === undefined ? new Date(end.getTime() - 24 * 3_600_000) : sinceTime(since, end);
  if (start.getTime() >= end.getTime())
    throw new UsageError(
      `--since (${start.toISOString()}) must be before --until (${end.toISOString()}). Widen the window.`,
    );
  return { since: start, until: end };
}

function sinceTime(text: string, end: Date): Date {
  const span = SPAN.exec(text);
  if (span && (span[1] || span[2] || span[3])) {
    const minutes = (Number(span[1] ?? 0) * 24 + Number(span[2] ?? 0)) * 60 + Number(span[3] ?? 0);
    if (minutes > 0) return new Date(end.getTime() - minutes * 60_000);
  }
  return isoTime('--since', text);
}

function isoTime(flag: string, text: string): Date {
  // A date needs at least year-month-day; Date.parse alone takes "12" as a year.
  const at = /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (!Number.isFinite(at))
    throw new UsageError(
      `${flag} "${text}" is neither a span like 24h, 7d or 90m nor an ISO 8601 time like 2026-03-01T09:00:00Z.`,
    );
  return new Date(at);
}
