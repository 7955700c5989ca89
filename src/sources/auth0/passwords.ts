import { readJsonRecords } from '../../io/json-records.js';
import { checkPasswordHash } from '../../model/password.js';
import type { PasswordGap, PasswordHash, RecordProblem } from '../../model/types.js';
import { describeType } from '../../model/validate.js';
import { fieldPath, normalizePasswordRowKeys, parseAuth0PasswordRow, passwordSetTime } from './schema.js';

/** One row of the password file, reduced to what the join needs: no tenant, no other fields. */
interface PasswordRow {
  /** `auth0|<alt_id ?? oid>`: the Auth0 user id the row belongs to, when the row has an id. */
  userId?: string;
  emailKey?: string;
  connection?: string;
  /** Present only when the hash passed the bcrypt shape check. */
  hash?: string;
  setAt: number;
  line: number;
  /** Joined to a user, or set aside as an older duplicate: no longer reported as unmatched. */
  settled: boolean;
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
  /** The user's Auth0 database connections; empty when the export does not say. */
  databaseConnections: string[];
}

/**
 * The Auth0 password-hash export (from Auth0 support), held in memory as small rows keyed for
 * the join of DESIGN §4: `user_id = "auth0|" + (alt_id ?? _id.$oid)`, else email (compared
 * case-insensitively) and database connection. It is much smaller than the user export, which
 * is streamed past it.
 */
export class Auth0PasswordIndex {
  private readonly byUserId = new Map<string, PasswordRow>();
  private readonly byEmail = new Map<string, PasswordRow[]>();
  private readonly rows: PasswordRow[] = [];

  constructor(private readonly file: string) {}

  /** Adds a row; returns the problem when it replaces (or loses to) a row for the same user. */
  add(row: PasswordRow): RecordProblem | undefined {
    this.rows.push(row);
    if (row.emailKey) {
      const list = this.byEmail.get(row.emailKey);
      if (list) list.push(row);
      else this.byEmail.set(row.emailKey, [row]);
    }
    if (!row.userId) return undefined;
    const existing = this.byUserId.get(row.userId);
    if (!existing) {
      this.byUserId.set(row.userId, row);
      return undefined;
    }
    const [kept, dropped] = row.setAt > existing.setAt ? [row, existing] : [existing, row];
    this.byUserId.set(row.userId, kept);
    dropped.settled = true;
    return duplicateWarning(this.file, row.userId, dropped.line, kept.line);
  }

  /**
   * The password for one user, by id first, then by email and connection. A row joins at most
   * one user. Without any connection in the export, an `auth0|` user joins by email alone when
   * exactly one unjoined row has that email.
   */
  join(query: JoinQuery): PasswordJoin {
    let row = this.byUserId.get(query.userId);
    const problems: RecordProblem[] = [];
    if (row?.settled) row = undefined;
    if (!row && query.email) {
      const candidates = (this.byEmail.get(query.email.toLowerCase()) ?? []).filter((r) => !r.settled);
      const matching =
        query.databaseConnections.length > 0
          ? candidates.filter((r) => r.connection !== undefined && query.databaseConnections.includes(r.connection))
          : query.userId.startsWith('auth0|') && candidates.length === 1
            ? candidates
            : [];
      matching.sort((a, b) => b.setAt - a.setAt);
      row = matching[0];
      for (const older of matching.slice(1)) {
        older.settled = true;
        problems.push(duplicateWarning(this.file, query.userId, older.line, row!.line));
      }
    }
    if (!row) return { passwordGap: 'missing', problems };
    row.settled = true;
    // A row whose hash failed the shape check was reported when it was read; the user still
    // had a password in Auth0, which cannot move: count it as unsupported, not missing.
    if (row.hash === undefined) return { passwordGap: 'unsupported', problems };
    return { password: { type: 'bcrypt', hash: row.hash }, passwordGap: 'none', problems };
  }

  /** Marks the row of a user that was itself invalid, so it is not reported as unmatched too. */
  settle(userId: string): void {
    const row = this.byUserId.get(userId);
    if (row) row.settled = true;
  }

  /** Rows no user joined, as warnings: they may point at users missing from the user export. */
  unmatched(): RecordProblem[] {
    return this.rows
      .filter((row) => !row.settled)
      .map((row) => ({
        entity: 'password' as const,
        ...(row.userId ? { sourceId: row.userId } : {}),
        location: { file: this.file, line: row.line },
        code: 'password_unmatched',
        message: row.userId
          ? 'This password row matches no user in the user export (by id, or by email and connection); check that both files come from the same tenant.'
          : 'This password row has no _id and matches no user by email and connection; check that both files come from the same tenant.',
        severity: 'warning' as const,
      }));
  }
}

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

export interface LoadedPasswords {
  index: Auth0PasswordIndex;
  /** Rows that could not be read, hashes with a bad shape, duplicates: reported before any user. */
  problems: RecordProblem[];
}

/** Reads the whole password file into an index. Hashes are kept only in memory, never in a problem. */
export async function loadAuth0Passwords(path: string): Promise<LoadedPasswords> {
  const index = new Auth0PasswordIndex(path);
  const problems: RecordProblem[] = [];
  const report = (line: number, code: string, message: string, extra: Partial<RecordProblem> = {}) =>
    problems.push({ entity: 'password', location: { file: path, line }, code, message, severity: 'error', ...extra });

  for await (const item of readJsonRecords(path)) {
    if (!item.ok) {
      report(
        item.line,
        'invalid_json',
        item.message,
        item.column !== undefined ? { location: { file: path, line: item.line, column: item.column } } : {},
      );
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)) {
      report(
        item.line,
        'invalid_record',
        `Each password row must be a JSON object; this one is ${describeType(item.value)}.`,
      );
      continue;
    }
    const parsed = parseAuth0PasswordRow(normalizePasswordRowKeys(item.value as Record<string, unknown>));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = fieldPath(issue.path);
      report(item.line, 'invalid_field_type', `The field ${field} of this password row has the wrong type.`, { field });
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
      setAt: passwordSetTime(row.password_set_date),
      line: item.line,
      settled: false,
    });
    if (duplicate) problems.push(duplicate);
  }
  return { index, problems };
}
