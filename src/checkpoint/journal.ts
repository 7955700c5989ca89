import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LOOKUP_CHUNK_BYTES, NumberColumn, StringColumn } from '../compact/columns.js';
import { KeyIndex } from '../compact/key-index.js';
import { journalSourceId } from '../model/source-id.js';
import { UsageError, type Entity } from '../model/types.js';

export const JOURNAL_FILE = 'journal.ndjson';

/**
 * What a journal line is about: a record of the export, an environment role or permission the run
 * made, or a TOTP factor the migration enrolled (keyed by its user's source id; its `input_digest`
 * is a digest of the secret, never the secret).
 */
export type JournalEntity = Entity | 'role' | 'permission' | 'factor';

/** What the journal knows about one record. Holds no email, name, hash or secret (DESIGN §3). */
export interface JournalEntry {
  entity: JournalEntity;
  source_id: string;
  workos_id: string;
  /** `deleted`: removed by prune or rollback (the line stays, for the audit trail). */
  status: 'created' | 'updated' | 'unchanged' | 'deleted';
  /** Digest of what was sent; a record whose digest changed is planned again as an update. */
  input_digest: string;
  /** Users: digest of the password hash last sent to this WorkOS user (WorkOS never returns hashes). */
  password_digest?: string;
  /** This migration created the WorkOS record (so rollback may delete it); kept across later updates. */
  created?: boolean;
  /** This migration set its external id on a WorkOS user that existed before (rollback keeps it). */
  claimed?: boolean;
}

/** The first line of a journal: which migration it belongs to. */
export interface JournalIdentity {
  source: string;
  /** Fingerprint of the mapping config; a different config means different writes. */
  fingerprint: string;
}

interface JournalHeader extends JournalIdentity {
  journal: 1;
}

/**
 * Append-only NDJSON of confirmed writes. Each line is written with one `write(2)` as soon as
 * WorkOS confirms, so a SIGKILL loses at most the line being written: the kernel keeps what
 * was written. A torn last line is ignored on replay and cut off before the next append (that
 * record is then resolved by a lookup, never created twice); without the cut, the next entry
 * would be glued to the torn one and the journal would no longer open.
 *
 * Replay reads the file in chunks, one line at a time, so a journal of millions of lines never
 * becomes one string (V8 caps strings at about 512 MiB).
 */
export class Journal {
  /** Each record's entries, newest last, and which is whose (see EntryRows). */
  private readonly rows = new EntryRows();
  private fd: number | undefined;
  private appended = 0;
  private needsHeader = true;
  /** Bytes of the file that hold complete lines; anything after them is a torn tail. */
  private keepBytes = 0;
  /** The last entry is complete but its line break was not written. */
  private needsLineBreak = false;

  private constructor(
    readonly path: string,
    readonly identity: JournalIdentity,
  ) {}

  /** Opens the journal in `dir`, replaying what it holds; `readOnly` (a dry run) neither creates nor appends. */
  static open(dir: string, identity: JournalIdentity, options: { force?: boolean; readOnly?: boolean } = {}): Journal {
    const path = join(dir, JOURNAL_FILE);
    const journal = new Journal(path, identity);
    const exists = existsSync(path);
    if (exists) journal.replay(options.force ?? false);
    if (options.readOnly) return journal;
    mkdirSync(dir, { recursive: true });
    journal.fd = openSync(path, 'a');
    if (exists && fstatSync(journal.fd).size > journal.keepBytes) ftruncateSync(journal.fd, journal.keepBytes);
    if (journal.needsLineBreak) writeSync(journal.fd, '\n');
    if (journal.needsHeader) journal.writeLine({ journal: 1, ...identity } satisfies JournalHeader);
    return journal;
  }

  private replay(force: boolean): void {
    let headerSeen = false;
    /** Where an unreadable line starts: harmless only if it turns out to be the last one. */
    let torn: { offset: number; line: number } | undefined;
    for (const { text, offset, line, complete } of readLines(this.path)) {
      if (text.trim() === '') {
        if (complete && torn === undefined) this.keepBytes = offset + Buffer.byteLength(text) + 1;
        continue;
      }
      if (torn !== undefined) throw this.damaged(torn.line);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        torn = { offset, line };
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        this.checkHeader(value, force);
      } else {
        const entry = value as JournalEntry;
        // Stored ids are already in journal form.
        if (isEntry(entry)) this.rows.set(entry);
      }
      this.keepBytes = offset + Buffer.byteLength(text) + (complete ? 1 : 0);
      this.needsLineBreak = !complete;
    }
    this.needsHeader = !headerSeen;
  }

  private damaged(line: number): UsageError {
    return new UsageError(
      `${this.path}: line ${line} is not valid JSON. The checkpoint is damaged; restore it or start over with a new --state directory.`,
    );
  }

  private checkHeader(value: unknown, force: boolean): void {
    const header = value as Partial<JournalHeader>;
    if (header.journal !== 1) {
      throw new UsageError(
        `${this.path} is not a migrate-to-workos checkpoint journal. Point --state at an empty or earlier state directory.`,
      );
    }
    const sameSource = header.source === this.identity.source;
    const sameConfig = header.fingerprint === this.identity.fingerprint;
    if ((!sameSource || !sameConfig) && !force) {
      const what = !sameSource
        ? `source "${header.source}", not "${this.identity.source}"`
        : 'a different mapping config';
      throw new UsageError(
        `The checkpoint in ${this.path} was made with ${what}. Use another --state (state-name in the action) for this migration, or pass --force to reuse it.`,
      );
    }
  }

  get(entity: JournalEntity, sourceId: string): JournalEntry | undefined {
    return this.rows.get(entity, journalSourceId(sourceId));
  }

  /** Every entry the journal holds (the newest per record), in the order first recorded. */
  entries(): IterableIterator<JournalEntry> {
    return this.rows.entries();
  }

  /** Records a confirmed write. Synchronous on purpose: the line is on disk before we go on. */
  record(entry: JournalEntry): void {
    const previous = this.get(entry.entity, entry.source_id);
    const sameRecord = previous !== undefined && previous.workos_id === entry.workos_id && entry.status !== 'deleted';
    // What this migration made, and which hash it sent, outlive later updates of the same record.
    const stored: JournalEntry = {
      ...entry,
      source_id: journalSourceId(entry.source_id),
      // `created` is implied by its own status; a later update of the same record carries it on.
      ...(entry.status !== 'created' && previous?.workos_id === entry.workos_id && madeByMigration(previous)
        ? { created: true }
        : {}),
      ...(entry.claimed || (sameRecord && previous.claimed) ? { claimed: true } : {}),
      ...((entry.password_digest ?? (sameRecord ? previous.password_digest : undefined))
        ? { password_digest: entry.password_digest ?? previous!.password_digest }
        : {}),
    };
    this.rows.set(stored);
    this.writeText(JSON.stringify(stored));
    this.appended++;
  }

  /** Entries appended by this process (0 means this run changed nothing in the checkpoint). */
  get appendedCount(): number {
    return this.appended;
  }

  get size(): number {
    return this.rows.size;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private writeLine(value: object): void {
    this.writeText(JSON.stringify(value));
  }

  private writeText(line: string): void {
    if (this.fd === undefined) throw new Error('journal is closed');
    writeSync(this.fd, line + '\n');
  }
}

/** The migration created this WorkOS record (so rollback may delete it). */
export function madeByMigration(entry: Pick<JournalEntry, 'status' | 'created'>): boolean {
  return entry.status === 'created' || entry.created === true;
}

/**
 * The journal's entries, read once: each as a JSON array of its values (no field names), in
 * UTF-8 bytes in a temporary file (a StringColumn), found by entity and source id through a
 * KeyIndex. At a million users and a million memberships a Map of JSON lines is about 300 bytes
 * an entry, the rows in memory 140; this keeps about 30 in memory (offsets and index slots).
 * A record written again gets a new row; its first row says where its newest is (the order of
 * entries() stays the order first recorded).
 */
class EntryRows {
  private readonly values = new StringColumn(LOOKUP_CHUNK_BYTES);
  /** Per row: for a record's first row, the row of its newest entry; for later rows, -1. */
  private readonly newest = new NumberColumn(Int32Array);
  private readonly firstRows = new KeyIndex((row) => keyOfValues(this.valuesOf(row)));
  private records = 0;

  get size(): number {
    return this.records;
  }

  /** `entry` (its source id in journal form) becomes its record's newest. */
  set(entry: JournalEntry): void {
    const row = this.values.push(JSON.stringify(valuesOf(entry)));
    const first = this.firstRows.addIfAbsent(entryKey(entry.entity, entry.source_id), row);
    if (first < 0) {
      this.newest.push(row);
      this.records++;
    } else {
      this.newest.push(-1);
      this.newest.set(first, row);
    }
  }

  get(entity: JournalEntity, journalId: string): JournalEntry | undefined {
    const first = this.firstRows.first(entryKey(entity, journalId));
    return first < 0 ? undefined : entryOf(this.valuesOf(this.newest.get(first)));
  }

  *entries(): IterableIterator<JournalEntry> {
    for (let row = 0; row < this.newest.length; row++) {
      const newest = this.newest.get(row);
      if (newest >= 0) yield entryOf(this.valuesOf(newest));
    }
  }

  private valuesOf(row: number): EntryValues {
    return JSON.parse(this.values.get(row)) as EntryValues;
  }
}

/** An entry's values in a fixed order; flags: 1 created, 2 claimed. */
type EntryValues = [JournalEntity, string, string, JournalEntry['status'], string | null, string | null, number];

function valuesOf(e: JournalEntry): EntryValues {
  const flags = (e.created ? 1 : 0) | (e.claimed ? 2 : 0);
  return [e.entity, e.source_id, e.workos_id, e.status, e.input_digest ?? null, e.password_digest ?? null, flags];
}

function entryOf([
  entity,
  source_id,
  workos_id,
  status,
  inputDigest,
  passwordDigest,
  flags,
]: EntryValues): JournalEntry {
  // An entry without a digest (written by hand, or by an older version) stays without one.
  const entry = { entity, source_id, workos_id, status } as JournalEntry;
  if (inputDigest !== null) entry.input_digest = inputDigest;
  if (passwordDigest !== null) entry.password_digest = passwordDigest;
  if (flags & 1) entry.created = true;
  if (flags & 2) entry.claimed = true;
  return entry;
}

function keyOfValues(values: EntryValues): string {
  return entryKey(values[0], values[1]);
}

function entryKey(entity: JournalEntity, journalId: string): string {
  return `${entity}\u0000${journalId}`;
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Partial<JournalEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.source_id === 'string' &&
    typeof entry.workos_id === 'string'
  );
}

interface JournalLine {
  text: string;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** 1-based. */
  line: number;
  /** False for a last line without its line break (torn, or its break not yet written). */
  complete: boolean;
}

const CHUNK_BYTES = 1 << 20;

/** The lines of a file, read in chunks so that no string ever holds more than one line. */
function* readLines(path: string): Generator<JournalLine> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let carry: Buffer[] = [];
    let carryBytes = 0;
    let offset = 0;
    let line = 1;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      let from = 0;
      let at = chunk.indexOf(0x0a);
      while (at >= 0) {
        const bytes = Buffer.concat([...carry, chunk.subarray(from, at)]);
        yield { text: bytes.toString('utf8'), offset, line: line++, complete: true };
        offset += bytes.length + 1;
        carry = [];
        carryBytes = 0;
        from = at + 1;
        at = chunk.indexOf(0x0a, from);
      }
      if (from < read) {
        // The buffer is reused for the next chunk: keep a copy.
        carry.push(Buffer.from(chunk.subarray(from)));
        carryBytes += read - from;
      }
    }
    if (carryBytes > 0) yield { text: Buffer.concat(carry).toString('utf8'), offset, line, complete: false };
  } finally {
    closeSync(fd);
  }
}
