import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  FixedWidthColumn,
  type FixedWidthColumnParts,
  MemoryStringColumn,
  type MemoryStringColumnParts,
  NumberColumn,
  type NumberColumnParts,
} from '../../compact/columns.js';
import { KeyIndex, type KeyIndexParts } from '../../compact/key-index.js';
import { reportBytesRead } from '../../io/byte-stream.js';
import { contentBytes, estimatedRecords } from '../../io/file-kind.js';
import { inputLimits, type InputLimits } from '../../io/limits.js';
import { readJsonRecords } from '../../io/json-records.js';
import { checkPasswordHash } from '../../model/password.js';
import { wrongFieldType } from '../../model/problems.js';
import { type PasswordGap, type PasswordHash, type RecordProblem, UsageError } from '../../model/types.js';
import { jsonObjectOf } from '../json-objects.js';
import { normalizePasswordRowKeys, parseAuth0PasswordRow, passwordSetTime } from './schema.js';

/** What a password row's field must hold, for messages about a wrong type (the rest are text). */
const PASSWORD_ROW_EXPECTATIONS: Record<string, string> = {
  _id: 'a string or {"$oid": "…"}',
  password_set_date: 'a date (text, a number or {"$date": …})',
};

/** One row of the password file, reduced to what the join needs: no tenant, no other fields. */
interface PasswordRow {
  /** `auth0|<alt_id ?? oid>`: the Auth0 user id the row belongs to, when the row has an id. */
  userId?: string;
  emailKey?: string;
  connection?: string;
  /** Present only when the hash passed the bcrypt shape check. */
  hash?: string;
  /** The row says `email_verified: false`: its account never proved it owns the email. */
  unverified?: boolean;
  setAt: number;
  line: number;
}

/** What a user gets from the password file. */
export interface PasswordJoin {
  password?: PasswordHash;
  passwordGap: PasswordGap;
  problems: RecordProblem[];
}

export interface JoinQuery {
  userId: string;
  email?: string;
  /** A verified user never joins by email a row whose account left the email unverified. */
  emailVerified?: boolean;
  /** The user's Auth0 database connections; empty when the export does not say. */
  databaseConnections: string[];
}

/**
 * The Auth0 password-hash export (from Auth0 support), held as compact rows keyed for the join
 * of DESIGN §4: `user_id = "auth0|" + (alt_id ?? _id.$oid)`, else email (compared
 * case-insensitively) and database connection. The user export is streamed past it, and joins
 * rows in whatever order the two files list them, so what a join reads (the id, to check a
 * match, and the hash) is held in memory: hashes in a fixed 60-byte column, ids and emails as
 * UTF-8, about 150 bytes a row in all. Every part is a typed array, so the index can be built
 * on another thread and handed over whole (`toParts`).
 */
export class Auth0PasswordIndex {
  /** Per row, the id after `auth0|` ('' for none). */
  private readonly ids: MemoryStringColumn;
  /** Per row, the hash when it passed the bcrypt shape check, else empty. */
  private readonly hashes: FixedWidthColumn;
  /** Per row, the email key ('' for none): read only to build the email index. */
  private readonly emails: MemoryStringColumn;
  private readonly setAt: NumberColumn<Float64Array>;
  private readonly lines: NumberColumn<Uint32Array>;
  /** Index into `connectionNames`, or -1. */
  private readonly connections: NumberColumn<Int32Array>;
  /** 1 once joined to a user or set aside as an older duplicate: no longer reported as unmatched. */
  private readonly settled: NumberColumn<Uint8Array>;
  /** 1 when the row says its account's email is not verified. */
  private readonly unverified: NumberColumn<Uint8Array>;
  private readonly connectionNames: string[] = [];
  private readonly connectionIds = new Map<string, number>();
  private readonly byUserId: KeyIndex;
  /** Built on the first join by email: most exports join every row by id, and never need it. */
  private byEmail: KeyIndex | undefined;

  /**
   * An empty index (`expectedRows` sizes the id index and the hash column up front: a guess
   * from the file's size is enough), or the one `parts` describe.
   */
  constructor(
    private readonly file: string,
    expectedRows?: number,
    parts?: PasswordIndexParts,
  ) {
    this.ids = parts ? MemoryStringColumn.fromParts(parts.ids) : new MemoryStringColumn();
    this.hashes = parts ? FixedWidthColumn.fromParts(parts.hashes) : new FixedWidthColumn(BCRYPT_LENGTH, expectedRows);
    this.emails = parts ? MemoryStringColumn.fromParts(parts.emails) : new MemoryStringColumn();
    this.setAt = parts ? NumberColumn.fromParts(Float64Array, parts.setAt) : new NumberColumn(Float64Array);
    this.lines = parts ? NumberColumn.fromParts(Uint32Array, parts.lines) : new NumberColumn(Uint32Array);
    this.connections = parts ? NumberColumn.fromParts(Int32Array, parts.connections) : new NumberColumn(Int32Array);
    this.settled = parts ? NumberColumn.fromParts(Uint8Array, parts.settled) : new NumberColumn(Uint8Array);
    this.unverified = parts ? NumberColumn.fromParts(Uint8Array, parts.unverified) : new NumberColumn(Uint8Array);
    for (const name of parts?.connectionNames ?? []) this.connectionId(name);
    const keyOf = (row: number) => this.userIdOf(row);
    this.byUserId = parts ? KeyIndex.fromParts(keyOf, parts.byUserId) : new KeyIndex(keyOf, expectedRows);
  }

  /** The index as plain data, for postMessage (`buffersOf` finds the buffers to move). */
  toParts(): PasswordIndexParts {
    return {
      file: this.file,
      ids: this.ids.toParts(),
      hashes: this.hashes.toParts(),
      emails: this.emails.toParts(),
      setAt: this.setAt.toParts(),
      lines: this.lines.toParts(),
      connections: this.connections.toParts(),
      settled: this.settled.toParts(),
      unverified: this.unverified.toParts(),
      connectionNames: this.connectionNames,
      byUserId: this.byUserId.toParts(),
    };
  }

  /** The index `toParts` described, on this thread. */
  static fromParts(parts: PasswordIndexParts): Auth0PasswordIndex {
    return new Auth0PasswordIndex(parts.file, 0, parts);
  }

  /** Adds a row; returns the problem when it replaces (or loses to) a row for the same user. */
  add(row: PasswordRow): RecordProblem | undefined {
    const index = this.ids.push(row.userId?.slice(AUTH0_PREFIX.length) ?? '');
    this.hashes.pushLatin1(row.hash ?? '');
    this.emails.push(row.emailKey ?? '');
    this.setAt.push(row.setAt);
    this.lines.push(row.line);
    this.connections.push(row.connection === undefined ? -1 : this.connectionId(row.connection));
    this.settled.push(0);
    this.unverified.push(row.unverified ? 1 : 0);
    if (row.emailKey) this.byEmail?.add(row.emailKey, index);
    if (!row.userId) return undefined;
    const existing = this.byUserId.addIfAbsent(row.userId, index);
    if (existing < 0) return undefined;
    const [kept, dropped] = row.setAt > this.setAt.get(existing) ? [index, existing] : [existing, index];
    this.byUserId.replace(row.userId, kept);
    this.settled.set(dropped, 1);
    return duplicateWarning(this.file, row.userId, this.lines.get(dropped), this.lines.get(kept));
  }

  /**
   * The password for one user, by id first, then by email and connection. A row joins at most
   * one user. Without any connection in the export, an `auth0|` user joins by email alone when
   * exactly one unjoined row has that email.
   */
  join(query: JoinQuery): PasswordJoin {
    let row = this.byUserId.first(query.userId);
    const problems: RecordProblem[] = [];
    if (row >= 0 && this.settled.get(row) === 1) row = -1;
    // Only a user of a database connection (or, without connections, an auth0| user) can join by email.
    const byEmail = query.databaseConnections.length > 0 || query.userId.startsWith(AUTH0_PREFIX);
    if (row < 0 && query.email && byEmail) {
      const unjoined = this.emailIndex()
        .rows(query.email.toLowerCase())
        .filter((r) => this.settled.get(r) === 0);
      // The hash of an account that never verified this email (a sign-up with someone else's
      // address) must not become a verified user's password: it stays for its own account.
      const candidates = query.emailVerified ? unjoined.filter((r) => this.unverified.get(r) === 0) : unjoined;
      for (const r of unjoined) if (!candidates.includes(r)) problems.push(this.unverifiedRowWarning(query.userId, r));
      const matching =
        query.databaseConnections.length > 0
          ? candidates.filter((r) => {
              const connection = this.connections.get(r);
              return connection >= 0 && query.databaseConnections.includes(this.connectionNames[connection]!);
            })
          : candidates.length === 1
            ? candidates
            : [];
      matching.sort((a, b) => this.setAt.get(b) - this.setAt.get(a));
      row = matching[0] ?? -1;
      for (const older of matching.slice(1)) {
        this.settled.set(older, 1);
        problems.push(duplicateWarning(this.file, query.userId, this.lines.get(older), this.lines.get(row)));
      }
    }
    if (row < 0) return { passwordGap: 'missing', problems };
    this.settled.set(row, 1);
    // A row whose hash failed the shape check was reported when it was read; the user still
    // had a password in Auth0, which cannot move: count it as unsupported, not missing.
    const hash = this.hashes.latin1(row);
    if (hash === '') return { passwordGap: 'unsupported', problems };
    return { password: { type: 'bcrypt', hash }, passwordGap: 'none', problems };
  }

  private unverifiedRowWarning(userId: string, row: number): RecordProblem {
    return {
      entity: 'password',
      sourceId: userId,
      location: { file: this.file, line: this.lines.get(row) },
      field: 'email_verified',
      code: 'password_row_unverified',
      message:
        "This password row has the verified user's email but says email_verified false: it may be someone else's sign-up with that address, so it is not joined to the verified user by email.",
      severity: 'warning',
    };
  }

  /** Marks the row of a user that was itself invalid, so it is not reported as unmatched too. */
  settle(userId: string): void {
    const row = this.byUserId.first(userId);
    if (row >= 0) this.settled.set(row, 1);
  }

  /** Rows no user joined, as warnings: they may point at users missing from the user export. */
  unmatched(): RecordProblem[] {
    const problems: RecordProblem[] = [];
    for (let row = 0; row < this.ids.length; row++) {
      if (this.settled.get(row) === 1) continue;
      const userId = this.userIdOf(row);
      problems.push({
        entity: 'password' as const,
        ...(userId ? { sourceId: userId } : {}),
        location: { file: this.file, line: this.lines.get(row) },
        code: 'password_unmatched',
        message: userId
          ? 'This password row matches no user in the user export (by id, or by email and connection); check that both files come from the same tenant.'
          : 'This password row has no _id and matches no user by email and connection; check that both files come from the same tenant.',
        severity: 'warning' as const,
      });
    }
    return problems;
  }

  private emailIndex(): KeyIndex {
    if (!this.byEmail) {
      this.byEmail = new KeyIndex((row) => this.emails.get(row));
      for (let row = 0; row < this.emails.length; row++) {
        const email = this.emails.get(row);
        if (email) this.byEmail.add(email, row);
      }
    }
    return this.byEmail;
  }

  /** The user id a row was added under ('' for none). */
  private userIdOf(row: number): string {
    const id = this.ids.get(row);
    return id === '' ? '' : AUTH0_PREFIX + id;
  }

  private connectionId(name: string): number {
    let id = this.connectionIds.get(name);
    if (id === undefined) {
      id = this.connectionNames.push(name) - 1;
      this.connectionIds.set(name, id);
    }
    return id;
  }
}

const AUTH0_PREFIX = 'auth0|';
/** A bcrypt hash that passed the shape check: `$2b$10$` and 53 characters. */
const BCRYPT_LENGTH = 60;

function duplicateWarning(file: string, userId: string, droppedLine: number, keptLine: number): RecordProblem {
  return {
    entity: 'password',
    sourceId: userId,
    location: { file, line: droppedLine },
    code: 'password_duplicate',
    message: `This user has another password row (line ${keptLine}) with a newer password_set_date; this older row is ignored.`,
    severity: 'warning',
  };
}

export interface PasswordIndexParts {
  file: string;
  ids: MemoryStringColumnParts;
  hashes: FixedWidthColumnParts;
  emails: MemoryStringColumnParts;
  setAt: NumberColumnParts<Float64Array>;
  lines: NumberColumnParts<Uint32Array>;
  connections: NumberColumnParts<Int32Array>;
  settled: NumberColumnParts<Uint8Array>;
  unverified: NumberColumnParts<Uint8Array>;
  connectionNames: string[];
  byUserId: KeyIndexParts;
}

export interface LoadedPasswords {
  index: Auth0PasswordIndex;
  /** Rows that could not be read, hashes with a bad shape, duplicates: reported before any user. */
  problems: RecordProblem[];
}

/** Reads the whole password file into an index. Hashes are kept only in memory, never in a problem. */
export async function loadAuth0Passwords(path: string): Promise<LoadedPasswords> {
  const index = new Auth0PasswordIndex(path, estimatedRecords(path, 250));
  const problems: RecordProblem[] = [];
  const report = (line: number, code: string, message: string, extra: Partial<RecordProblem> = {}) =>
    problems.push({ entity: 'password', location: { file: path, line }, code, message, severity: 'error', ...extra });

  for await (const item of readJsonRecords(path)) {
    const object = jsonObjectOf(item, path, 'password');
    if (object.kind !== 'object') {
      if (object.kind === 'problem') problems.push(object.problem);
      continue;
    }
    const parsed = parseAuth0PasswordRow(normalizePasswordRowKeys(object.raw));
    if (!parsed.success) {
      const { field, message } = wrongFieldType(parsed.error.issues[0]!, object.raw, PASSWORD_ROW_EXPECTATIONS);
      report(item.line, 'invalid_field_type', message, { field });
      continue;
    }
    const row = parsed.data;
    const oid = typeof row._id === 'string' ? row._id : row._id?.$oid;
    const id = row.alt_id?.trim() || oid?.trim();
    const userId = id ? `auth0|${id}` : undefined;
    const email = row.email?.trim();

    const check = checkPasswordHash('bcrypt', row.passwordHash);
    if (!check.ok) {
      report(item.line, check.code, check.message, { field: 'passwordHash', ...(userId ? { sourceId: userId } : {}) });
    }
    const duplicate = index.add({
      userId,
      emailKey: email ? email.toLowerCase() : undefined,
      connection: row.connection?.trim() || undefined,
      hash: check.ok ? (row.passwordHash as string) : undefined,
      unverified: row.email_verified === false || row.email_verified === 'false',
      setAt: passwordSetTime(row.password_set_date),
      line: item.line,
    });
    if (duplicate) problems.push(duplicate);
  }
  return { index, problems };
}

/** A password file being read while the user export is: see readAuth0UserBatches. */
export interface PasswordLoad {
  /** True once `result` is settled: awaiting it then takes no time. */
  readonly settled: boolean;
  readonly result: Promise<LoadedPasswords>;
  /** Stops the reading (the user export failed first). */
  cancel(): void;
}

/** What the worker thread is given. */
export interface PasswordWorkerInput {
  path: string;
  limits: InputLimits;
}

/** What the worker thread says: read progress, then the index or why there is none. */
export type PasswordWorkerMessage =
  | { kind: 'read'; file: string; bytes: number; size: number }
  | { kind: 'done'; parts: PasswordIndexParts; problems: RecordProblem[] }
  | { kind: 'failed'; usage: boolean; message: string };

/**
 * Starts reading the password file on a worker thread, where the bundle ships one (the main
 * thread reads the user export meanwhile: on two cores the file costs next to nothing), else
 * on this thread, interleaved with the user export.
 */
export function loadAuth0PasswordsInBackground(path: string): PasswordLoad {
  const script = passwordWorkerScript();
  // A small file is read here: a thread takes longer to start than the file to read.
  if (script === undefined || contentBytes(path) < WORKER_MIN_BYTES) return tracked(loadAuth0Passwords(path), () => {});
  const input: PasswordWorkerInput = { path, limits: { ...inputLimits() } };
  const worker = new Worker(script, { workerData: input });
  const result = new Promise<LoadedPasswords>((resolve, reject) => {
    worker.on('message', (message: PasswordWorkerMessage) => {
      if (message.kind === 'read') reportBytesRead(message.file, message.bytes, message.size);
      else if (message.kind === 'done')
        resolve({ index: Auth0PasswordIndex.fromParts(message.parts), problems: message.problems });
      else reject(message.usage ? new UsageError(message.message) : new Error(message.message));
    });
    worker.on('error', reject);
    // After a message settled it, this changes nothing.
    worker.on('exit', (code) =>
      reject(new Error(`${path}: the thread reading the password file stopped (exit code ${code}); run again.`)),
    );
  });
  return tracked(result, () => void worker.terminate());
}

/** Below this much text (unpacked) the password file is read on the main thread. */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;

function tracked(result: Promise<LoadedPasswords>, cancel: () => void): PasswordLoad {
  const load = { settled: false, result, cancel };
  const settle = () => {
    load.settled = true;
  };
  result.then(settle, settle);
  return load;
}

/**
 * The worker's bundle, beside the one running (dist/cli/, dist/main/ → dist/password-worker/);
 * undefined when running from source (the tests), where the file is read on this thread.
 */
function passwordWorkerScript(): string | undefined {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'password-worker', 'index.js');
  return existsSync(script) ? script : undefined;
}
