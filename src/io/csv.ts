import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError, type Info } from 'csv-parse';
import { UsageError } from '../model/types.js';
import { openByteStream, type ByteStreamOptions } from './byte-stream.js';
import { inputLimits, raiseHint } from './limits.js';

/** One row of a CSV file keyed by the header, or why it could not be read. Lines and columns are 1-based. */
export type CsvRecord =
  | { ok: true; row: Record<string, string>; line: number }
  | { ok: false; line: number; column?: number; message: string };

const LF = 0x0a;
const CR = 0x0d;

/**
 * The rows of a CSV file (gzipped or not), one at a time, keyed by its header row. A UTF-8
 * byte order mark, CRLF line ends, and quoted cells holding commas, quotes and line breaks are
 * all read as Excel and Clerk's dashboard write them.
 *
 * Each row carries the line it starts on. csv-parse counts the lines of a record by where it
 * ends, and counts a CRLF inside a quoted cell as two; so lines are counted here, from the
 * byte offset at which csv-parse says each record ends.
 *
 * A row that does not fit the header (a missing cell, an unquoted comma) is an `ok: false`
 * item with the line and the first column that does not fit, and the reading goes on.
 * Quotes inside an unquoted cell are kept as text (`relax_quotes`): csv-parse's own recovery
 * from a misplaced quote swallows the good rows after it.
 *
 * A quote that is never closed, or a row longer than the line-length limit, makes csv-parse
 * take in (or give up on) the rest of the file. That row is reported, and reading starts
 * again on the line after the one the row began on, so the rows after it are still read.
 */
export async function* readCsvRecords(path: string, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  let from: Resume = { offset: 0, line: 1, skipLine: false };
  const state: CsvState = options.columns
    ? { header: [...options.columns.names], minimumWidth: options.columns.minimum }
    : {};
  for (;;) {
    const resume = yield* readCsvSegment(path, from, state, options);
    if (resume === undefined) return;
    from = resume;
  }
}

export interface CsvOptions extends ByteStreamOptions {
  /**
   * For files without a header row (Firebase's `auth:export users.csv`): the columns by
   * position. A row may stop after `minimum` cells (older writers wrote fewer columns); the
   * missing ones are blank.
   */
  columns?: { names: readonly string[]; minimum: number };
}

interface CsvState {
  header?: string[];
  /** With fixed columns: the fewest cells a row may have. */
  minimumWidth?: number;
}

/** Where to start reading again: at byte `offset`, after dropping its line when `skipLine`. */
interface Resume {
  offset: number;
  line: number;
  skipLine: boolean;
}

/** Errors after which csv-parse has taken in, or stopped reading, the rest of the file. */
const SWALLOWING = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_MAX_RECORD_SIZE']);

async function* readCsvSegment(
  path: string,
  from: Resume,
  state: CsvState,
  options: ByteStreamOptions,
): AsyncGenerator<CsvRecord, Resume | undefined> {
  const stream = await openByteStream(path, options);
  const { lineLength } = inputLimits();
  const lines = new LineStarts(from.line);
  const skipped: CsvError[] = [];
  const parser = parse({
    bom: true,
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: lineLength,
    on_skip: (error) => {
      if (error) skipped.push(error);
    },
  });
  /** Absolute offset of the first byte the parser sees. */
  let base = from.offset;
  let toDrop = from.offset;
  let dropLine = from.skipLine;
  const scanner = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (toDrop > 0) {
        const n = Math.min(toDrop, chunk.length);
        toDrop -= n;
        chunk = chunk.subarray(n);
      }
      if (dropLine && chunk.length > 0) {
        const at = chunk.indexOf(LF);
        base += at < 0 ? chunk.length : at + 1;
        if (at < 0) return callback();
        dropLine = false;
        chunk = chunk.subarray(at + 1);
      }
      lines.scan(chunk);
      callback(null, chunk);
    },
  });
  const piped = pipeline(stream, scanner, parser);
  piped.catch(() => undefined);

  let recordEnd = 0;
  let resume: Resume | undefined;
  const skipProblem = (error: CsvError): CsvRecord => {
    const start = lines.contentStartFrom(recordEnd);
    recordEnd = Math.max(recordEnd, errorBytes(error));
    if (SWALLOWING.has(error.code)) {
      if (!state.header) {
        throw new UsageError(
          `${path}: the header row ${error.code === 'CSV_MAX_RECORD_SIZE' ? 'is too long' : 'opens a quote it never closes'}; fix the first row.`,
        );
      }
      resume = { offset: base + start.offset, line: start.line + 1, skipLine: true };
    }
    return { ok: false, line: start.line, message: describeCsvError(error, lineLength) };
  };
  const swallowed = () => skipped.some((error) => SWALLOWING.has(error.code));

  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      while (skipped.length > 0 && errorBytes(skipped[0]!) <= item.info.bytes) {
        yield skipProblem(skipped.shift()!);
        // What csv-parse gives after it gave up on a row is not to be trusted: read again from the next line.
        if (resume) return resume;
      }
      const line = lines.contentLineFrom(recordEnd);
      recordEnd = item.info.bytes;
      const cells = item.record;
      if (!state.header) {
        state.header = readHeader(path, cells);
        continue;
      }
      const header = state.header;
      const fits =
        state.minimumWidth === undefined
          ? cells.length === header.length
          : cells.length >= state.minimumWidth && cells.length <= header.length;
      if (!fits) {
        yield {
          ok: false,
          line,
          column: Math.min(cells.length, header.length) + 1,
          message:
            state.minimumWidth === undefined
              ? describeWidth(cells.length, header.length)
              : `The row has ${cells.length} cells; rows of this file have ${state.minimumWidth} to ${header.length}, so a cell holds an unquoted comma or the row is cut short.`,
        };
        continue;
      }
      const row: Record<string, string> = Object.create(null) as Record<string, string>;
      header.forEach((name, i) => {
        row[name] = cells[i] ?? '';
      });
      yield { ok: true, row, line };
    }
    if (!swallowed()) await piped;
    while (skipped.length > 0) {
      yield skipProblem(skipped.shift()!);
      if (resume) return resume;
    }
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const detail = error instanceof Error ? error.message.split(':')[0] : String(error);
    throw new UsageError(`${path}: not a readable CSV file (${detail}); check that this is the right file.`);
  } finally {
    stream.destroy();
    parser.destroy();
  }
}

/**
 * The 1-based column of `field` in a row from `readCsvRecords` (rows keep the header's order),
 * for problems that point at one cell.
 */
export function csvColumnNumber(row: Record<string, string>, field: string): number | undefined {
  const index = Object.keys(row).indexOf(field);
  return index < 0 ? undefined : index + 1;
}

/** The byte offset at which csv-parse gave up on a record (its error carries the parser's context). */
function errorBytes(error: CsvError): number {
  const bytes: unknown = (error as { bytes?: unknown }).bytes;
  return typeof bytes === 'number' ? bytes : 0;
}

function readHeader(path: string, cells: string[]): string[] {
  const names = cells.map((cell) => cell.trim());
  if (names.every((name) => name === ''))
    throw new UsageError(`${path}: the first row (the header) is empty; the file must start with its column names.`);
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name))
      throw new UsageError(
        `${path}: the header names the column "${name}" twice (column ${i + 1}); each column needs its own name.`,
      );
    seen.add(name);
  });
  return names;
}

function describeWidth(cells: number, expected: number): string {
  return cells < expected
    ? `The row has ${cells} cells but the header has ${expected}: a cell is missing, or a quoted cell takes in the line break after it.`
    : `The row has ${cells} cells but the header has ${expected}: a cell holds an unquoted comma; quote cells that contain commas.`;
}

// csv-parse messages quote the cell they fail on, which may hold an email or a hash.
function describeCsvError(error: CsvError, lineLength: number): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted cell on this row is never closed; the row was skipped and reading went on from the next line. Close the quote or remove it.';
    case 'CSV_MAX_RECORD_SIZE':
      return `The row has more than ${lineLength} characters, the limit (an unclosed quote can cause this); ${raiseHint('lineLength')}.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quoted cell on this row has text after its closing quote; quote the whole cell and double the quotes inside it ("").';
    default:
      return `This row is not valid CSV (${error.code}).`;
  }
}

/**
 * The start of every line not yet passed by the parser, so the line a record starts on can be
 * found from the byte offset where the previous record ended. Lines the parser skips as empty
 * are skipped here too. Only lines after the last finished record are kept.
 */
class LineStarts {
  private starts: { offset: number; line: number; blank?: boolean }[];
  /** Index of the first line start still needed; the ones before it are dropped in batches. */
  private head = 0;
  private scanned = 0;
  private line: number;

  constructor(firstLine = 1) {
    this.line = firstLine;
    this.starts = [{ offset: 0, line: firstLine }];
  }

  scan(chunk: Buffer): void {
    const last = this.starts[this.starts.length - 1]!;
    if (last.blank === undefined && last.offset === this.scanned && chunk.length > 0)
      last.blank = isLineBreak(chunk[0]!);
    let at = chunk.indexOf(LF);
    while (at >= 0) {
      this.line++;
      const next = at + 1 < chunk.length ? chunk[at + 1] : undefined;
      this.starts.push({
        offset: this.scanned + at + 1,
        line: this.line,
        ...(next !== undefined ? { blank: isLineBreak(next) } : {}),
      });
      at = chunk.indexOf(LF, at + 1);
    }
    this.scanned += chunk.length;
  }

  /** The line of the first non-empty line that starts at or after `offset`. */
  contentLineFrom(offset: number): number {
    return this.contentStartFrom(offset).line;
  }

  /** The first non-empty line that starts at or after `offset`: its number and its offset. */
  contentStartFrom(offset: number): { line: number; offset: number } {
    const starts = this.starts;
    while (this.head < starts.length - 1 && starts[this.head]!.offset < offset) this.head++;
    if (this.head > 4096) {
      this.starts = starts.slice(this.head);
      this.head = 0;
    }
    for (let i = this.head; i < this.starts.length; i++) {
      const start = this.starts[i]!;
      if (start.offset >= offset && start.blank !== true) return start;
    }
    return this.starts[this.starts.length - 1]!;
  }
}

function isLineBreak(byte: number): boolean {
  return byte === LF || byte === CR;
}
