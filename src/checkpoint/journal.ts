import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UsageError, type Entity } from '../model/types.js';

export const JOURNAL_FILE = 'journal.ndjson';

/** What the journal knows about one record. Holds no email, name or hash (DESIGN §3). */
export interface JournalEntry {
  entity: Entity;
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
 * was written, and a torn last line is ignored on replay (that record is then resolved by a
 * lookup, never created twice).
 */
export class Journal {
  private readonly entries = new Map<string, JournalEntry>();
  private fd: number | undefined;
  private appended = 0;

  private constructor(
    readonly path: string,
    readonly identity: JournalIdentity,
  ) {}

  /** Opens the journal in `dir`, replaying what it holds; `readOnly` (a dry run) neither creates nor appends. */
  static open(dir: string, identity: JournalIdentity, options: { force?: boolean; readOnly?: boolean } = {}): Journal {
    const path = join(dir, JOURNAL_FILE);
    const journal = new Journal(path, identity);
    if (existsSync(path)) journal.replay(readFileSync(path, 'utf8'), options.force ?? false);
    if (options.readOnly) return journal;
    mkdirSync(dir, { recursive: true });
    journal.fd = openSync(path, 'a');
    if (journal.needsHeader) journal.writeLine({ journal: 1, ...identity } satisfies JournalHeader);
    return journal;
  }

  private needsHeader = true;

  private replay(text: string, force: boolean): void {
    const lines = text.split('\n');
    let headerSeen = false;
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // Only the last line can be torn by a kill mid-write; anything else is damage worth a word.
        if (index < lines.length - 2) {
          throw new UsageError(`${this.path}: line ${index + 1} is not valid JSON. The checkpoint is damaged; restore it or start over with a new --state directory.`);
        }
        return;
      }
      if (!headerSeen) {
        headerSeen = true;
        this.checkHeader(value, force);
        return;
      }
      const entry = value as JournalEntry;
      if (typeof entry.source_id === 'string' && typeof entry.workos_id === 'string') {
        // Stored ids are already in journal form; key() would leave them as they are.
        this.entries.set(`${entry.entity}\u0000${entry.source_id}`, entry);
      }
    });
    this.needsHeader = !headerSeen;
  }

  private checkHeader(value: unknown, force: boolean): void {
    const header = value as Partial<JournalHeader>;
    if (header.journal !== 1) {
      throw new UsageError(`${this.path} is not a migrate-to-workos checkpoint journal. Point --state at an empty or earlier state directory.`);
    }
    const sameSource = header.source === this.identity.source;
    const sameConfig = header.fingerprint === this.identity.fingerprint;
    if ((!sameSource || !sameConfig) && !force) {
      const what = !sameSource ? `source "${header.source}", not "${this.identity.source}"` : 'a different mapping config';
      throw new UsageError(
        `The checkpoint in ${this.path} was made with ${what}. Use another --state (state-name in the action) for this migration, or pass --force to reuse it.`,
      );
    }
  }

  get(entity: Entity, sourceId: string): JournalEntry | undefined {
    return this.entries.get(key(entity, sourceId));
  }

  /** The latest entry of every record, in first-recorded order. */
  all(): IterableIterator<JournalEntry> {
    return this.entries.values();
  }

  /** Records a confirmed write. Synchronous on purpose: the line is on disk before we go on. */
  record(entry: JournalEntry): void {
    const previous = this.entries.get(key(entry.entity, entry.source_id));
    const sameRecord = previous !== undefined && previous.workos_id === entry.workos_id && entry.status !== 'deleted';
    // What this migration made, and which hash it sent, outlive later updates of the same record.
    const stored: JournalEntry = {
      ...entry,
      source_id: journalSourceId(entry.source_id),
      ...(entry.status === 'created' || (sameRecord && previous.created) ? { created: true } : {}),
      ...(entry.claimed || (sameRecord && previous.claimed) ? { claimed: true } : {}),
      ...(entry.password_digest ?? (sameRecord ? previous.password_digest : undefined)
        ? { password_digest: entry.password_digest ?? previous!.password_digest }
        : {}),
    };
    this.entries.set(key(entry.entity, entry.source_id), stored);
    this.writeLine(stored);
    this.appended++;
  }

  /** Entries appended by this process (0 means this run changed nothing in the checkpoint). */
  get appendedCount(): number {
    return this.appended;
  }

  get size(): number {
    return this.entries.size;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private writeLine(value: object): void {
    if (this.fd === undefined) throw new Error('journal is closed');
    writeSync(this.fd, JSON.stringify(value) + '\n');
  }
}

function key(entity: Entity, sourceId: string): string {
  return `${entity}\u0000${journalSourceId(sourceId)}`;
}

/**
 * How a source id is written in the journal. Some ids carry an email (Auth0's SAML ids look
 * like `samlp|acme|ann@acme.com`); those are kept as a digest, so the journal, and the
 * checkpoint artifact made of it, holds no email (DESIGN §3).
 */
export function journalSourceId(sourceId: string): string {
  return sourceId.includes('@') ? `sha256:${createHash('sha256').update(sourceId).digest('hex')}` : sourceId;
}
