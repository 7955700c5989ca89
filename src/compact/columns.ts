import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, unlinkSync, write, writeSync } from 'node:fs';
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

  /** The column as plain data, to hand to another thread (its buffer is moved, not copied). */
  toParts(): NumberColumnParts<T> {
    return { values: this.values, length: this.length };
  }

  static fromParts<T extends TypedArray>(kind: TypedArrayConstructor<T>, parts: NumberColumnParts<T>): NumberColumn<T> {
    const column = new NumberColumn(kind, 1);
    column.values = parts.values;
    column.length = parts.length;
    return column;
  }
}

export interface NumberColumnParts<T extends TypedArray> {
  values: T;
  length: number;
}

/**
 * Values of one byte width each (a bcrypt hash is 60 ASCII characters), side by side in one
 * buffer: no offsets, no per-value object. For values read in any order, held in memory.
 */
export class FixedWidthColumn {
  private data: Buffer;
  length = 0;

  /** `expectedRows` sizes the buffer up front; its untouched pages cost no memory. */
  constructor(
    readonly width: number,
    expectedRows = 1024,
  ) {
    this.data = Buffer.alloc(width * Math.max(16, expectedRows));
  }

  /** Appends `text` (single-byte characters, cut or zero-padded to the width); returns its row. */
  pushLatin1(text: string): number {
    if ((this.length + 1) * this.width > this.data.length) {
      const grown = Buffer.alloc(this.data.length * 2);
      this.data.copy(grown);
      this.data = grown;
    }
    this.data.write(text, this.length * this.width, this.width, 'latin1');
    return this.length++;
  }

  /** The row's bytes as text, without the zero padding. */
  latin1(row: number): string {
    const start = row * this.width;
    let end = start + this.width;
    while (end > start && this.data[end - 1] === 0) end--;
    return this.data.toString('latin1', start, end);
  }

  /** The column as plain data, to hand to another thread (its buffer is moved, not copied). */
  toParts(): FixedWidthColumnParts {
    return { width: this.width, data: this.data, length: this.length };
  }

  static fromParts(parts: FixedWidthColumnParts): FixedWidthColumn {
    const column = new FixedWidthColumn(parts.width, 1);
    column.data = asBuffer(parts.data);
    column.length = parts.length;
    return column;
  }
}

export interface FixedWidthColumnParts {
  width: number;
  data: Uint8Array;
  length: number;
}

/** Chunks of a StringColumn looked up by key rather than read in order (indexes, maps). */
export const LOOKUP_CHUNK_BYTES = 512 * 1024;

/** A Uint8Array that came from another thread (postMessage hands over plain Uint8Arrays) as a Buffer. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bytes of one chunk of a MemoryStringColumn: small, so a short column costs little. */
const MEMORY_CHUNK_BYTES = 1024 * 1024;

/**
 * Short strings (ids) as UTF-8 bytes, held in memory for reads in any order: about a byte a
 * character plus 12 a row, where a JS string costs its header and the collector's time.
 */
export class MemoryStringColumn {
  private readonly chunks: Buffer[] = [];
  private used = 0;
  /** Per row: chunk number × MEMORY_CHUNK_BYTES + offset in the chunk. */
  private startOf: NumberColumn<Float64Array> = new NumberColumn(Float64Array);
  private bytesOf: NumberColumn<Uint32Array> = new NumberColumn(Uint32Array);

  get length(): number {
    return this.startOf.length;
  }

  push(text: string): number {
    const room = text.length * 3;
    if (this.chunks.length === 0 || this.used + room > MEMORY_CHUNK_BYTES) {
      // A row longer than a chunk gets a chunk of its own size (its offset in it is 0).
      this.chunks.push(Buffer.allocUnsafe(Math.max(MEMORY_CHUNK_BYTES, room)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    const bytes = this.chunks[chunk]!.write(text, this.used, 'utf8');
    this.startOf.push(chunk * MEMORY_CHUNK_BYTES + this.used);
    this.used += bytes;
    return this.bytesOf.push(bytes);
  }

  get(row: number): string {
    const start = this.startOf.get(row);
    const chunk = Math.floor(start / MEMORY_CHUNK_BYTES);
    const offset = start - chunk * MEMORY_CHUNK_BYTES;
    return this.chunks[chunk]!.toString('utf8', offset, offset + this.bytesOf.get(row));
  }

  /** The column as plain data, to hand to another thread (its buffers are moved, not copied). */
  toParts(): MemoryStringColumnParts {
    return { chunks: this.chunks, used: this.used, startOf: this.startOf.toParts(), bytesOf: this.bytesOf.toParts() };
  }

  static fromParts(parts: MemoryStringColumnParts): MemoryStringColumn {
    const column = new MemoryStringColumn();
    column.chunks.push(...parts.chunks.map(asBuffer));
    column.used = parts.used;
    column.startOf = NumberColumn.fromParts(Float64Array, parts.startOf);
    column.bytesOf = NumberColumn.fromParts(Uint32Array, parts.bytesOf);
    return column;
  }
}

export interface MemoryStringColumnParts {
  chunks: Uint8Array[];
  used: number;
  startOf: NumberColumnParts<Float64Array>;
  bytesOf: NumberColumnParts<Uint32Array>;
}

/** The buffers behind `parts` (typed arrays, at any depth), each once: postMessage's transfer list. */
export function buffersOf(parts: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const stack = [parts];
  while (stack.length > 0) {
    const value = stack.pop();
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    } else if (value instanceof Map) {
      // Maps hold numbers here, nothing to move.
    } else if (typeof value === 'object' && value !== null) {
      stack.push(...Object.values(value));
    }
  }
  return [...found];
}

// 4 MB chunks, at most three on their way to the disk: a chunk fills in about 100 ms at full
// speed, and a write queued behind file reads and gunzip on libuv's threads can take as long;
// more would only hold memory.
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Past this many chunks waiting for the disk, a spill waits for its own write. */
const MAX_CHUNKS_WRITING = 3;

const unclosedFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

/**
 * An append-only list of strings kept as UTF-8 bytes: about one byte per character and no
 * per-string object (a JS string costs its characters plus a header, and the collector's time).
 * Full chunks are spilled to a temporary file, so a million rows cost the process only their
 * offsets; the file is unlinked as soon as it is opened, so nothing is left behind, even after
 * a kill. Reads in order are served a window at a time; a read out of order reads just its row.
 */
export class StringColumn {
  /** The rows not spilled yet: they start at file offset `spilled`. */
  private chunk: Buffer;
  private used = 0;
  private spilled = 0;
  private file: number | undefined;
  /** A window of the file read whole (for reads in order), and where it starts. */
  private window: Buffer | undefined;
  private windowStart = 0;
  private windowBytes = 0;
  private lastRead = -2;
  private lastText: string | undefined;
  /**
   * Chunks handed to the file but not yet written (the write runs on libuv's thread pool while
   * the export is parsed here), by file offset; their rows are read from memory meanwhile.
   */
  private readonly writing = new Map<number, Buffer>();
  private writeError: Error | undefined;
  /** A chunk whose write is done, to be filled again (at most one). */
  private readonly spare: Buffer[] = [];
  /**
   * Where each row starts in the file. Rows lie end to end, so a row ends where the next one
   * starts (the last where the bytes written so far end): no length is kept, 4 bytes a row less.
   */
  private readonly offsetOf = new NumberColumn(Float64Array);

  /**
   * `chunkBytes`: how much is gathered before each write, and read ahead in order. A column read
   * mostly out of order (an index's rows, looked up by key) needs less than one read in order.
   */
  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    this.chunk = Buffer.allocUnsafe(chunkBytes);
  }

  get length(): number {
    return this.offsetOf.length;
  }

  push(text: string): number {
    // Room for the worst case (3 bytes a UTF-16 unit) saves measuring the string first.
    const room = text.length * 3;
    if (this.used + room > this.chunkBytes) this.spill();
    if (room > this.chunkBytes) {
      // Larger than a chunk (a record near the input limit): straight to the file.
      const bytes = Buffer.from(text, 'utf8');
      writeSync(this.openFile(), bytes, 0, bytes.length, this.spilled);
      const row = this.offsetOf.push(this.spilled);
      this.spilled += bytes.length;
      return row;
    }
    const row = this.offsetOf.push(this.spilled + this.used);
    this.used += this.chunk.write(text, this.used, 'utf8');
    return row;
  }

  get(index: number): string {
    // A row read twice in a row (a KeyIndex compares a candidate's key, then its row is read): once.
    if (index === this.lastRead && this.lastText !== undefined) return this.lastText;
    this.lastText = this.read(index);
    return this.lastText;
  }

  private read(index: number): string {
    const offset = this.offsetOf.get(index);
    const end = index + 1 < this.offsetOf.length ? this.offsetOf.get(index + 1) : this.spilled + this.used;
    const bytes = end - offset;
    // Only the next row reads a window ahead: a lookup in any order reads just its row.
    const inOrder = index === this.lastRead + 1;
    this.lastRead = index;
    // An empty row has no bytes to find (its offset may be where no window or chunk is).
    if (bytes === 0) return '';
    if (offset >= this.spilled) {
      const start = offset - this.spilled;
      return this.chunk.toString('utf8', start, start + bytes);
    }
    for (const [at, chunk] of this.writing) {
      if (offset >= at && offset < at + chunk.length) return chunk.toString('utf8', offset - at, offset - at + bytes);
    }
    if (!this.inWindow(offset, bytes) && inOrder && bytes <= this.chunkBytes) {
      this.window ??= Buffer.allocUnsafe(this.chunkBytes);
      this.windowStart = offset;
      this.windowBytes = readSync(this.file!, this.window, 0, Math.min(this.chunkBytes, this.spilled - offset), offset);
    }
    if (this.inWindow(offset, bytes)) {
      const start = offset - this.windowStart;
      return this.window!.toString('utf8', start, start + bytes);
    }
    const row = Buffer.allocUnsafe(bytes);
    readSync(this.file!, row, 0, bytes, offset);
    return row.toString('utf8');
  }

  private inWindow(offset: number, bytes: number): boolean {
    return offset >= this.windowStart && offset + bytes <= this.windowStart + this.windowBytes;
  }

  /** Writes the rows held in memory to the file, and starts afresh. */
  private spill(): void {
    if (this.writeError) throw this.writeError;
    if (this.used === 0) return;
    const file = this.openFile();
    const chunk = this.chunk;
    const full = chunk.subarray(0, this.used);
    if (this.writing.size < MAX_CHUNKS_WRITING) {
      const at = this.spilled;
      this.writing.set(at, full);
      write(file, full, 0, full.length, at, (error, written) => {
        if (error || written !== full.length)
          this.writeError ??= new Error(
            `Could not spill rows to a temporary file: ${error?.message ?? 'short write'}.`,
          );
        this.writing.delete(at);
        // Written: one chunk is kept to fill again (a fresh one would pay its page faults
        // again); more would only be held once the column stops growing.
        if (this.spare.length === 0 && !this.closed) this.spare.push(chunk);
        if (this.closed && this.writing.size === 0) this.closeFile();
      });
      this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(this.chunkBytes);
    } else {
      writeSync(file, full, 0, full.length, this.spilled);
    }
    this.spilled += this.used;
    this.used = 0;
  }

  /**
   * Lets go of the rows: the temporary file is closed (its disk space freed) once the writes
   * under way have landed. For a column that is done with before the process ends.
   */
  close(): void {
    this.closed = true;
    this.chunk = Buffer.alloc(0);
    this.window = undefined;
    this.spare.length = 0;
    if (this.writing.size === 0) this.closeFile();
  }

  private closed = false;

  /** The file's path, where it could not be unlinked while open. */
  private removeOnClose: string | undefined;

  private closeFile(): void {
    if (this.file === undefined) return;
    unclosedFiles.unregister(this);
    closeSync(this.file);
    this.file = undefined;
    if (this.removeOnClose !== undefined) rmSync(this.removeOnClose, { force: true });
  }

  private openFile(): number {
    if (this.file === undefined) {
      const path = join(tmpdir(), `migrate-to-workos-${process.pid}-${randomUUID()}.rows`);
      this.file = openSync(path, 'w+', 0o600);
      // A column let go of without close() (a live index read and diffed) frees its disk space when collected.
      unclosedFiles.register(this, this.file, this);
      try {
        unlinkSync(path);
      } catch {
        // A system that cannot unlink an open file: it goes when the column is closed, or the process ends.
        this.removeOnClose = path;
        process.once('exit', () => this.closeFile());
      }
    }
    return this.file;
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
