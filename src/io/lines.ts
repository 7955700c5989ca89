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
  let pending: string[] = [];
  let pendingLength = 0;
  let dropped = 0;
  let line = 1;
  const take = (): TextLine => {
    const out: TextLine =
      dropped > 0
        ? { text: '', line: line++, tooLong: dropped + pendingLength }
        : { text: stripCarriageReturn(pending.join('')), line: line++ };
    pending = [];
    pendingLength = 0;
    dropped = 0;
    return out;
  };
  for await (const chunk of chunks) {
    let from = 0;
    let at = chunk.indexOf('\n');
    while (at >= 0) {
      pending.push(chunk.slice(from, at));
      pendingLength += at - from;
      if (pendingLength > maxLength) drop();
      yield take();
      from = at + 1;
      at = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) {
      pending.push(chunk.slice(from));
      pendingLength += chunk.length - from;
      if (pendingLength > maxLength) drop();
    }
  }
  if (pending.length > 0 || dropped > 0) yield take();

  function drop(): void {
    dropped += pendingLength;
    pending = [];
    pendingLength = 0;
  }
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
