// Text from an export is hostile until proven otherwise: it lands in markdown that GitHub
// renders (job summary, PR comment) and in CSV files people open in spreadsheets.

// Only what changes meaning in the middle of a line: emphasis, code, links, tables, strikethrough.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]|~]/g;

/** Escapes text for a markdown table cell or paragraph: no HTML, no links, no mentions. */
export function escapeMarkdown(text: string): string {
  return (
    text
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
 * One CSV field (RFC 4180 quoting). A leading = + - @ or tab would make a spreadsheet run it
 * as a formula, so such a field gets a leading apostrophe.
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | undefined)[]): string {
  return values.map(csvField).join(',') + '\n';
}
