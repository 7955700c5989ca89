export interface TextLine {
  text: string;
  /** 1-based. */
  line: number;
  /** Set when the line was longer than `maxLength`: its text is dropped (`''`) and this is its length. */
  tooLong?: number;
}

/**
 * Splits text chunks into lines (LF or CRLF), numbering them. Only the current line is held,
 * so memory stays bounded however large the file is; a line over `maxLength` characters is
 * not held at all (it comes out with `tooLong` and no text), so a file without line breaks
 * cannot fill the heap.
 */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  maxLength = Number.POSITIVE_INFINITY,
): AsyncGenerator<TextLine> {
  for await (const batch of splitLineBatches(chunks, maxLength)) {
    for (const line of batch) yield line;
  }
}

/**
 * `splitLines`, one batch per chunk: every line a chunk completes comes out in one array. Each
 * step of an async generator costs a few promise hops, which at a million lines is a good share
 * of the reading time; a chunk holds hundreds of lines, so per chunk that cost disappears.
 * No batch is empty.
 */
export async function* splitLineBatches(
  chunks: AsyncIterable<string>,
  maxLength = Number.POSITIVE_INFINITY,
): AsyncGenerator<TextLine[]> {
  // The start of a line that began in an earlier chunk; empty for most lines, which sit in one chunk.
  let pending: string[] = [];
  let pendingLength = 0;
  let dropped = 0;
  let line = 1;
  const take = (last: string): TextLine => {
    let out: TextLine;
    if (dropped > 0) out = { text: '', line: line++, tooLong: dropped + pendingLength };
    else if (pending.length === 0) out = { text: stripCarriageReturn(last), line: line++ };
    else {
      pending.push(last);
      out = { text: stripCarriageReturn(pending.join('')), line: line++ };
    }
    pending = [];
    pendingLength = 0;
    dropped = 0;
    return out;
  };
  for await (const chunk of chunks) {
    const batch: TextLine[] = [];
    let from = 0;
    let at = chunk.indexOf('\n');
    while (at >= 0) {
      pendingLength += at - from;
      if (pendingLength > maxLength) {
        drop();
        batch.push(take(''));
      } else batch.push(take(chunk.slice(from, at)));
      from = at + 1;
      at = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) {
      pending.push(chunk.slice(from));
      pendingLength += chunk.length - from;
      if (pendingLength > maxLength) drop();
    }
    if (batch.length > 0) yield batch;
  }
  if (pending.length > 0 || dropped > 0) yield [take('')];

  function drop(): void {
    dropped += pendingLength;
    pending = [];
    pendingLength = 0;
  }
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
