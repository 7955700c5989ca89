import { scrubValue, type ScrubOptions } from '../model/mask.js';

// Text from an export is hostile until proven otherwise: it lands in markdown that GitHub
// renders (job summary, PR comment) and in CSV files people open in spreadsheets. Both escape
// what the scrubber (model/mask.ts) left: secrets, emails and control characters are gone first.

// Only what changes meaning in the middle of a line: emphasis, code, links, tables, strikethrough.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]|~]/g;

/**
 * Escapes text for a markdown table cell or paragraph: no HTML, no links, no mentions. Markdown
 * is read by everyone who can see the run, so emails are always masked here.
 */
export function escapeMarkdown(text: string): string {
  return (
    scrubValue(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
      .replace(/[\r\n]+/g, ' ')
      // A zero-width space keeps @team, #123, https://… and www.… from becoming a mention or a link.
      .replace(/@/g, '@\u200b')
      .replace(/#/g, '#\u200b')
      .replace(/:\/\//g, ':\u200b//')
      .replace(/www\./gi, (w) => `${w.slice(0, 3)}\u200b.`)
  );
}

/** Cuts text to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Cuts markdown to at most `max` characters at a line end and closes every `<details>` fold the
 * cut left open, so the rest of the page (the cut note, GitHub's own footer) is not swallowed by
 * a fold that never ends.
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  const close = '\n\n</details>';
  let cut = text.slice(0, Math.max(0, max));
  for (;;) {
    const lineEnd = cut.lastIndexOf('\n');
    if (lineEnd > 0) cut = cut.slice(0, lineEnd);
    const open = openFolds(cut);
    const ending = `\n…${close.repeat(open)}`;
    if (cut.length + ending.length <= max) return cut + ending;
    if (cut.length === 0) return '';
    cut = cut.slice(0, Math.max(0, max - ending.length));
  }
}

function openFolds(text: string): number {
  const opened = text.match(/<details>/g)?.length ?? 0;
  const closed = text.match(/<\/details>/g)?.length ?? 0;
  return Math.max(0, opened - closed);
}

/**
 * One field of a CSV file people open (RFC 4180 quoting), scrubbed. A leading = + - @ or tab
 * would make a spreadsheet run it as a formula, so such a field gets a leading apostrophe.
 */
export function csvField(value: string | number | undefined, options: ScrubOptions = {}): string {
  let text = value === undefined ? '' : scrubValue(String(value), options);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return quoteCsv(text);
}

/** A row of a CSV file people open: every field scrubbed and guarded against formulas. */
export function csvRow(values: (string | number | undefined)[], options: ScrubOptions = {}): string {
  return values.map((value) => csvField(value, options)).join(',') + '\n';
}

/**
 * A row of a CSV file programs load (id-map.csv): each value exactly as it is, only quoted. An
 * application rewrites its foreign keys from it, so a formula guard would corrupt a Firebase uid
 * such as `-Mx1…`.
 */
export function exactCsvRow(values: (string | number | undefined)[]): string {
  return values.map((value) => quoteCsv(value === undefined ? '' : String(value))).join(',') + '\n';
}

function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
