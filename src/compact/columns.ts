import { randomUUID } from 'node:crypto';
import { openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Growable typed-array columns: a million numbers in a few megabytes, outside the garbage
// collector's reach (a JS array of a million objects costs hundreds of megabytes and GC time).

type TypedArray = Int32Array | Uint32Array | Float64Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** An append-only column of numbers of one typed-array kind, doubling as it grows. */
export class NumberColumn<T extends TypedArray> {
  private values: T;
  length = 0;

  constructor(
    private readonly kind: TypedArrayConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.values = new kind(initialCapacity);
  }

  push(value: number): number {
    if (this.length === this.values.length) {
      const grown = new this.kind(this.values.length * 2);
      grown.set(this.values as never);
      this.values = grown;
    }
    this.values[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.values[index]!;
  }

  set(index: number, value: number): void {
    this.values[index] = value;
  }
}

const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * An append-only list of strings kept as UTF-8 bytes: about one byte per character and no
 * per-string object (a JS string costs its characters plus a header, and the collector's time).
 * Full chunks are spilled to a temporary file, so a million rows cost the process only their
 * offsets; the file is unlinked as soon as it is opened, so nothing is left behind, even after
 * a kill. Reads in order are served a chunk at a time; a read out of order reads just its row.
 */
export class StringColumn {
  /** The chunk being filled. */
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private chunkNumber = 0;
  private used = 0;
  private file: number | undefined;
  /** The spilled chunk last read whole (reads in order), and its number. */
  private cached: Buffer | undefined;
  private cachedNumber = -1;
  private lastRead = -2;
  private readonly chunkOf = new NumberColumn(Uint32Array);
  private readonly startOf = new NumberColumn(Uint32Array);
  private readonly bytesOf = new NumberColumn(Uint32Array);

  get length(): number {
    return this.chunkOf.length;
  }

  push(text: string): number {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > CHUNK_BYTES) throw new RangeError(`A row of ${bytes} bytes is larger than a chunk (${CHUNK_BYTES}).`);
    if (this.used + bytes > CHUNK_BYTES) this.spill();
    this.chunk.write(text, this.used, 'utf8');
    this.chunkOf.push(this.chunkNumber);
    this.startOf.push(this.used);
    this.used += bytes;
    return this.bytesOf.push(bytes);
  }

  get(index: number): string {
    const chunk = this.chunkOf.get(index);
    const start = this.startOf.get(index);
    const bytes = this.bytesOf.get(index);
    const inOrder = index === this.lastRead + 1;
    this.lastRead = index;
    if (chunk === this.chunkNumber) return this.chunk.toString('utf8', start, start + bytes);
    if (chunk !== this.cachedNumber && inOrder) {
      this.cached ??= Buffer.allocUnsafe(CHUNK_BYTES);
      readSync(this.file!, this.cached, 0, CHUNK_BYTES, chunk * CHUNK_BYTES);
      this.cachedNumber = chunk;
    }
    if (chunk === this.cachedNumber) return this.cached!.toString('utf8', start, start + bytes);
    const row = Buffer.allocUnsafe(bytes);
    readSync(this.file!, row, 0, bytes, chunk * CHUNK_BYTES + start);
    return row.toString('utf8');
  }

  /** Writes the full chunk to the file (whole, so chunk n starts at n × CHUNK_BYTES) and starts the next. */
  private spill(): void {
    if (this.file === undefined) {
      const path = join(tmpdir(), `migrate-to-workos-${process.pid}-${randomUUID()}.rows`);
      this.file = openSync(path, 'w+', 0o600);
      unlinkSync(path);
    }
    writeSync(this.file, this.chunk, 0, CHUNK_BYTES, this.chunkNumber * CHUNK_BYTES);
    this.chunkNumber++;
    this.used = 0;
  }
}

/**
 * Several strings as one (`3,5,` then the strings), for a StringColumn row: safe for any
 * content, where a separator character could occur in hostile input.
 */
export function packStrings(values: readonly string[]): string {
  let head = '';
  for (let i = 0; i < values.length - 1; i++) head += `${values[i]!.length},`;
  return head + values.join('');
}

/** The strings `packStrings` packed; `count` says how many. */
export function unpackStrings(packed: string, count: number): string[] {
  const lengths: number[] = [];
  let at = 0;
  for (let i = 0; i < count - 1; i++) {
    const comma = packed.indexOf(',', at);
    lengths.push(Number(packed.slice(at, comma)));
    at = comma + 1;
  }
  const values: string[] = [];
  for (const length of lengths) {
    values.push(packed.slice(at, at + length));
    at += length;
  }
  values.push(packed.slice(at));
  return values;
}
