import { inputLimits, nestingDepth, raiseHint } from './limits.js';

/** One record of a JSON or NDJSON file: its value, or why it could not be read. Lines are 1-based. */
export type JsonRecord =
  | { ok: true; value: unknown; line: number }
  | { ok: false; line: number; column?: number; message: string };

/** Where a piece of text starts in its file, so a parse error can point at the exact line and column. */
export interface TextStart {
  line: number;
  column: number;
}

/**
 * Parses one record's text. The message never quotes the text: V8's "Unexpected token" errors
 * embed a snippet of the input, which may hold an email or a password hash.
 */
export function parseJsonText(text: string, start: TextStart): JsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(raw);
    const reason = describeParseError(raw);
    if (!position) return { ok: false, line: start.line, message: `Not valid JSON: ${reason}.` };
    const at = locate(text, Number(position[1]), start);
    return { ok: false, line: at.line, column: at.column, message: `Not valid JSON: ${reason}.` };
  }
  const { depth } = inputLimits();
  // Mapping walks records (metadata maps, digests); a record nested past the limit is refused here, whole.
  if (!fewerOpeningBrackets(text, depth) && nestingDepth(value, depth) > depth) {
    return {
      ok: false,
      line: start.line,
      message: `The record is nested more than ${depth} levels deep; ${raiseHint('depth')}.`,
    };
  }
  return { ok: true, value, line: start.line };
}

/**
 * True when `text` holds at most `limit` of `{` and `[` (inside strings or not): every level of
 * nesting opens with one, so the record cannot be nested deeper than that. This settles the
 * depth of an ordinary record (a handful of levels) with a few `indexOf` calls instead of a walk
 * over the parsed value.
 */
function fewerOpeningBrackets(text: string, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) if (++count > limit) return false;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) if (++count > limit) return false;
  return true;
}

function describeParseError(raw: string): string {
  const reason = raw
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the record ends too early (truncated?)')
    .trim();
  return reason ? reason.charAt(0).toLowerCase() + reason.slice(1) : 'unreadable';
}

function locate(text: string, offset: number, start: TextStart): TextStart {
  let line = start.line;
  let lineStart = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i;
    }
  }
  return lineStart < 0 ? { line, column: start.column + offset } : { line, column: offset - lineStart };
}
