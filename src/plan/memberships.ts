import { LOOKUP_CHUNK_BYTES, NumberColumn, StringColumn } from '../compact/columns.js';
import { KeyIndex } from '../compact/key-index.js';
import type { PlannedMembership } from '../model/planned.js';
import { membershipKey, type SourceLocation } from '../model/types.js';
import { inputDigest } from '../model/digest.js';

// A million memberships as objects (key, roles array, digest, location each) are several hundred
// megabytes; as columns they are about 50 bytes each in memory (the user ids and where they are
// in the export in temporary files, where in memory they took 70 more). Organizations, files and role sets are few:
// each is held once and a membership holds its number. A membership is made an object only when
// it is reached, and let go after.

const NO_COLUMN = -1;

/** The same roles, once: a role set's sorted roles and their digest, shared by its memberships. */
interface RoleSet {
  roles: string[];
  digest: string;
}

/** The planned memberships, in columns; one per organization and WorkOS user (merged users share one). */
export class PlannedMemberships implements Iterable<PlannedMembership> {
  private readonly organizationIds: string[] = [];
  private readonly organizationNumbers = new Map<string, number>();
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  private readonly roleSets: RoleSet[] = [];
  private readonly roleSetNumbers = new Map<string, number>();
  private readonly organizationOf = new NumberColumn(Int32Array);
  private readonly userOf = new StringColumn(LOOKUP_CHUNK_BYTES);
  private readonly roleSetOf = new NumberColumn(Int32Array);
  private readonly fileOf = new NumberColumn(Int32Array);
  private readonly lineOf = new NumberColumn(Int32Array);
  private readonly columnOf = new NumberColumn(Int32Array);
  /** Where each member's user id is in its record (`members[3].user_id`), or '' (the export's list keeps it for its problems). */
  private readonly userFieldOf = new StringColumn(LOOKUP_CHUNK_BYTES);
  /** Absent when the list keeps every membership it is given (the export's, as read). */
  private readonly byKey?: KeyIndex;

  /** `merge: false` keeps every membership added, even a second one of the same organization and user. */
  constructor(options: { merge?: boolean } = {}) {
    if (options.merge !== false) this.byKey = new KeyIndex((row) => this.keyOf(row));
  }

  /** The planned memberships given, in their order (a test's list, or the ones that pass a check). */
  static of(memberships: Iterable<PlannedMembership>): PlannedMemberships {
    const list = new PlannedMemberships();
    for (const m of memberships) list.add(m.organizationSourceId, m.userSourceId, m.roles, m.location);
    return list;
  }

  get length(): number {
    return this.organizationOf.length;
  }

  /**
   * Adds a membership; one the list already has (two source users merged into one) gets the
   * roles of both and keeps its first location.
   */
  add(
    organizationSourceId: string,
    userSourceId: string,
    roles: readonly string[],
    location: SourceLocation,
    userField?: string,
  ): void {
    const row = this.length;
    const first = this.byKey?.addIfAbsent(membershipKey(organizationSourceId, userSourceId), row) ?? -1;
    if (first >= 0) {
      const merged = [...this.roleSets[this.roleSetOf.get(first)]!.roles, ...roles];
      this.roleSetOf.set(first, this.roleSetNumber(merged));
      return;
    }
    this.organizationOf.push(numberOf(organizationSourceId, this.organizationIds, this.organizationNumbers));
    this.userOf.push(userSourceId);
    this.roleSetOf.push(this.roleSetNumber(roles));
    this.fileOf.push(numberOf(location.file, this.files, this.fileNumbers));
    this.lineOf.push(location.line);
    this.columnOf.push(location.column ?? NO_COLUMN);
    this.userFieldOf.push(userField ?? '');
  }

  /** The membership in `row` (0 to length - 1), as a new object. */
  get(row: number): PlannedMembership {
    const organizationSourceId = this.organizationIds[this.organizationOf.get(row)]!;
    const userSourceId = this.userOf.get(row);
    const { roles, digest } = this.roleSets[this.roleSetOf.get(row)]!;
    const column = this.columnOf.get(row);
    const location: SourceLocation = { file: this.files[this.fileOf.get(row)]!, line: this.lineOf.get(row) };
    if (column !== NO_COLUMN) location.column = column;
    const userField = this.userFieldOf.get(row);
    return {
      sourceId: membershipKey(organizationSourceId, userSourceId),
      organizationSourceId,
      userSourceId,
      roles: [...roles],
      digest,
      location,
      ...(userField ? { userField } : {}),
    };
  }

  *[Symbol.iterator](): Iterator<PlannedMembership> {
    for (let row = 0; row < this.length; row++) yield this.get(row);
  }

  map<T>(each: (m: PlannedMembership) => T): T[] {
    return Array.from(this, each);
  }

  private keyOf(row: number): string {
    return membershipKey(this.organizationIds[this.organizationOf.get(row)]!, this.userOf.get(row));
  }

  private roleSetNumber(roles: readonly string[]): number {
    const sorted = [...new Set(roles)].sort();
    const key = sorted.join('\n');
    let n = this.roleSetNumbers.get(key);
    if (n === undefined) {
      n = this.roleSets.push({ roles: sorted, digest: inputDigest({ roles: sorted }) }) - 1;
      this.roleSetNumbers.set(key, n);
    }
    return n;
  }
}

function numberOf(value: string, values: string[], numbers: Map<string, number>): number {
  let n = numbers.get(value);
  if (n === undefined) {
    n = values.push(value) - 1;
    numbers.set(value, n);
  }
  return n;
}
