import type { Readable } from 'node:stream';
import { UsageError } from '../model/types.js';
import { openByteStream, type ByteStreamOptions } from './byte-stream.js';
import { wrapperShape } from './export-shape.js';
import { JsonElementScanner } from './json-element-scanner.js';
import { parseJsonText, type JsonRecord } from './json-text.js';
import { splitLineBatches } from './lines.js';
import { inputLimits, raiseHint } from './limits.js';

export type { JsonRecord } from './json-text.js';

export interface JsonRecordsOptions extends ByteStreamOptions {
  /**
   * The key under which a wrapper object holds the records: `organizations` for
   * `{"organizations":[…]}`, `data` for Clerk's paginated `{"data":[…],"total_count":n}`.
   * A bare array and NDJSON are accepted as well.
   */
  arrayKey?: string;
  /** Sees the other fields of each wrapper object as it closes, short values as JSON text (see `JsonElementScanner`). */
  onWrapperEnd?: (fields: ReadonlyMap<string, string>) => void;
}

const BOM = '\uFEFF';

/**
 * The records of a JSON array or NDJSON file (gzipped or not), one at a time, each with its
 * line. The format is decided by the first character: `[` is an array, `{` is NDJSON (or, with
 * `arrayKey`, a wrapper object). A record that cannot be parsed is an `ok: false` item and the
 * reading goes on; a file that is not JSON at all is a `UsageError`.
 */
export async function* readJsonRecords(path: string, options: JsonRecordsOptions = {}): AsyncGenerator<JsonRecord> {
  for await (const batch of readJsonRecordBatches(path, options)) {
    for (const record of batch) yield record;
  }
}

/**
 * `readJsonRecords`, one batch of records per chunk read (no batch is empty). For the readers
 * of large exports: every step of an async generator costs a few promise hops, a good share of
 * the time per record when there are millions, and a chunk holds hundreds of records.
 */
export async function* readJsonRecordBatches(
  path: string,
  options: JsonRecordsOptions = {},
): AsyncGenerator<JsonRecord[]> {
  const stream = await openByteStream(path, options);
  try {
    stream.setEncoding('utf8');
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
    const head = await readHead(chunks);
    const first = head.trimStart().charAt(0);
    if (first === '')
      throw new UsageError(
        `${path}: the file holds no records, only blank space; export the data again or check the path.`,
      );

    if (first === '[' || (first === '{' && options.arrayKey !== undefined)) {
      const scanner = new JsonElementScanner(options.arrayKey, options.onWrapperEnd);
      yield* scanElements(scanner, prepend(head, chunks));
      if (scanner.objectWithoutArray !== undefined) {
        // One pretty-printed record is not an export, whichever source: the same answer as for NDJSON below.
        const shape = wrapperShape(scanner.keysWithoutArray);
        throw new UsageError(
          shape
            ? `${path}: this looks like ${shape.what}, not what was asked for (its records are not under "${options.arrayKey}"); run with --source ${shape.source}.`
            : `${path}: line ${scanner.objectWithoutArray}: the object that starts here has no "${options.arrayKey}" array; give the array, or one object per line (NDJSON).`,
        );
      }
      if (!scanner.isNdjson) return;
      // The first object was an ordinary one-line record without the key: plain NDJSON.
      stream.destroy();
      yield* readNdjson(path, await openByteStream(path, options));
      return;
    }
    if (first === '{') {
      yield* ndjsonRecords(path, prepend(head, chunks));
      return;
    }
    throw new UsageError(
      `${path}: not JSON or NDJSON (a JSON export starts with [ or {); check that this is the right file and that it is not encrypted.`,
    );
  } finally {
    stream.destroy();
  }
}

/** Reads until the first character that is not blank space, dropping a UTF-8 byte order mark. */
async function readHead(chunks: AsyncIterator<string>): Promise<string> {
  let head = '';
  for (;;) {
    const next = await chunks.next();
    if (next.done) return head;
    head += next.value;
    if (head.startsWith(BOM)) head = head.slice(BOM.length);
    if (head.trimStart() !== '') return head;
  }
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* scanElements(scanner: JsonElementScanner, chunks: AsyncIterable<string>): AsyncGenerator<JsonRecord[]> {
  for await (const chunk of chunks) {
    const batch = scanner.push(chunk);
    if (batch.length > 0) yield batch;
    if (scanner.stopped) return;
  }
  const last = scanner.end();
  if (last.length > 0) yield last;
}

async function* readNdjson(path: string, stream: Readable): AsyncGenerator<JsonRecord[]> {
  try {
    stream.setEncoding('utf8');
    yield* ndjsonRecords(path, withoutBom(stream));
  } finally {
    stream.destroy();
  }
}

async function* withoutBom(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    yield first && chunk.startsWith(BOM) ? chunk.slice(BOM.length) : chunk;
    first = false;
  }
}

async function* ndjsonRecords(path: string, chunks: AsyncIterable<string>): AsyncGenerator<JsonRecord[]> {
  let first = true;
  const { lineLength } = inputLimits();
  for await (const lines of splitLineBatches(chunks, lineLength)) {
    const batch: JsonRecord[] = [];
    for (const { text, line, tooLong } of lines) {
      if (tooLong !== undefined) {
        first = false;
        batch.push({
          ok: false,
          line,
          message: `The line has ${tooLong} characters, more than the limit of ${lineLength}; ${raiseHint('lineLength')}.`,
        });
        continue;
      }
      if (isBlank(text)) continue;
      // Pretty-printed objects one after another (`jq '.[]'` without -c) would otherwise give
      // one parse error per line of the file.
      if (first && text.trim() === '{') {
        // Nothing came before it but blank lines: the batch is empty, no record is lost by throwing here.
        throw new UsageError(
          `${path}: the first object spans several lines, so this is not NDJSON (one object per line); convert it with \`jq -c\` or give a JSON array.`,
        );
      }
      first = false;
      batch.push(parseJsonText(text, { line, column: 1 }));
    }
    if (batch.length > 0) yield batch;
  }
}

/** `text.trim() === ''` without building the trimmed copy: a record line starts with `{`, which settles it at once. */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 123 /* { */) return false;
  return text.trim() === '';
}
