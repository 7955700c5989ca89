export interface TextLine {
  text: string;
  /** 1-based. */
  line: number;
}

/**
 * Splits text chunks into lines (LF or CRLF), numbering them. Only the current line is held,
 * so memory stays bounded however large the file is.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<TextLine> {
  let pending: string[] = [];
  let line = 1;
  for await (const chunk of chunks) {
    let from = 0;
    let at = chunk.indexOf('\n');
    while (at >= 0) {
      pending.push(chunk.slice(from, at));
      yield { text: stripCarriageReturn(pending.join('')), line: line++ };
      pending = [];
      from = at + 1;
      at = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) pending.push(chunk.slice(from));
  }
  if (pending.length > 0) yield { text: stripCarriageReturn(pending.join('')), line };
}

function stripCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
