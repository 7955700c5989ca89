// What WorkOS holds, as the diff needs it: read in pages by workos/live-index.ts, compared by
// plan/diff.ts. Kept compact on purpose (no full user objects): at a million users the index
// must fit beside the plan, so each user is its ids, its email key, names and a metadata digest.
import { createHash } from 'node:crypto';
import { LOOKUP_CHUNK_BYTES, NumberColumn, StringColumn } from '../compact/columns.js';
import { KeyIndex } from '../compact/key-index.js';
import { LAZY_METADATA_KEY, lazyMarkOf } from '../lazy/marks.js';
import { stableJson } from './stable-json.js';

export interface LiveUser {
  id: string;
  externalId: string | null;
  /** Lowercased: WorkOS compares emails case-insensitively. */
  emailKey: string;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  metadataDigest: string;
  /** WorkOS's `last_sign_in_at` is set: the user has signed in to WorkOS, whose password now wins. */
  signedIn: boolean;
}

export interface LiveOrganization {
  id: string;
  externalId: string | null;
  name: string;
  /** Lowercased, sorted, joined with commas. */
  domains: string;
  /** Those of `domains` WorkOS holds verified, the same way. */
  verifiedDomains: string;
  metadataDigest: string;
}

export interface LiveMembership {
  id: string;
  organizationId: string;
  userId: string;
  /** Role slugs, sorted, joined with commas. */
  roles: string;
}

/**
 * WorkOS users, one packed string each (its fields joined by a separator no field holds), as
 * UTF-8 bytes in a temporary file (a StringColumn), found by external id and by email key
 * through two KeyIndexes over the same rows; decoded on lookup. About 40 bytes a user in memory
 * (offsets and index slots), where the rows in memory took 120 and two Maps of strings 250:
 * what lets a million users fit beside the plan and the checkpoint.
 */
export class LiveUsers {
  private readonly packed = new StringColumn(LOOKUP_CHUNK_BYTES);
  private readonly byExternal = new KeyIndex((row) => fieldOf(this.packed.get(row), EXTERNAL_ID));
  private readonly byEmailKey = new KeyIndex((row) => fieldOf(this.packed.get(row), EMAIL_KEY));
  private emails = 0;

  /** A user read again (same external id or email) takes the place of the one read before. */
  add(user: LiveUser): void {
    const row = this.packed.push(
      [
        user.id,
        user.externalId ?? '',
        user.emailKey,
        user.emailVerified ? '1' : '0',
        user.firstName ?? NONE,
        user.lastName ?? NONE,
        user.metadataDigest,
        user.signedIn ? '1' : '0',
      ].join(SEP),
    );
    if (user.externalId) this.byExternal.replace(user.externalId, row);
    if (this.byEmailKey.first(user.emailKey) < 0) this.emails++;
    this.byEmailKey.replace(user.emailKey, row);
  }

  byExternalId(externalId: string): LiveUser | undefined {
    const row = this.byExternal.first(externalId);
    return row < 0 ? undefined : unpack(this.packed.get(row));
  }

  byEmail(emailKey: string): LiveUser | undefined {
    const row = this.byEmailKey.first(emailKey);
    return row < 0 ? undefined : unpack(this.packed.get(row));
  }

  /** Users that carry an external id (the only ones that can belong to a migration), in the order read. */
  *withExternalId(): IterableIterator<LiveUser> {
    for (let row = 0; row < this.packed.length; row++) {
      const externalId = fieldOf(this.packed.get(row), EXTERNAL_ID);
      if (externalId !== '' && this.byExternal.first(externalId) === row) yield unpack(this.packed.get(row));
    }
  }

  /** Every user (emails are unique in WorkOS, so one entry each). */
  get size(): number {
    return this.emails;
  }
}

const EXTERNAL_ID = 1;
const EMAIL_KEY = 2;

function fieldOf(packed: string, field: number): string {
  return packed.split(SEP, field + 1)[field]!;
}

// Unit and record separators: control characters that no id, email or name from WorkOS holds.
const SEP = '\u001f';
const NONE = '\u001e';

function unpack(packed: string): LiveUser {
  const [id, externalId, emailKey, verified, firstName, lastName, metadataDigest, signedIn] = packed.split(SEP) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    id,
    externalId: externalId === '' ? null : externalId,
    emailKey,
    emailVerified: verified === '1',
    firstName: firstName === NONE ? null : firstName,
    lastName: lastName === NONE ? null : lastName,
    metadataDigest,
    signedIn: signedIn === '1',
  };
}

/**
 * WorkOS memberships by `<organization id>:<user id>`, each one packed string of UTF-8 bytes in
 * a temporary file (a StringColumn), found through a KeyIndex: about 30 bytes a membership in
 * memory, where the rows in memory took 130 and a Map of objects 270 (a million memberships are
 * read back after an import).
 */
export class LiveMemberships {
  private readonly packed = new StringColumn(LOOKUP_CHUNK_BYTES);
  /** Per row: 1 while it is its key's membership, 0 once another took its place. */
  private readonly current = new NumberColumn(Uint8Array);
  private readonly rows = new KeyIndex((row) => keyOfPacked(this.packed.get(row)));
  private count = 0;

  /** `key` is liveMembershipKey(m.organizationId, m.userId). */
  set(key: string, m: LiveMembership): void {
    const row = this.packed.push([m.organizationId, m.userId, m.id, m.roles].join(SEP));
    this.current.push(1);
    const before = this.rows.first(key);
    if (before < 0) this.count++;
    else this.current.set(before, 0);
    this.rows.replace(key, row);
  }

  get(key: string): LiveMembership | undefined {
    const row = this.rows.first(key);
    return row < 0 ? undefined : unpackMembership(this.packed.get(row));
  }

  *values(): IterableIterator<LiveMembership> {
    for (let row = 0; row < this.current.length; row++)
      if (this.current.get(row) === 1) yield unpackMembership(this.packed.get(row));
  }

  /**
   * The memberships whose keys `keys` does not give: one byte a membership marks the rest (a
   * set of a million membership ids took 40 MB and a temporary file).
   */
  *valuesNotIn(keys: Iterable<string>): IterableIterator<LiveMembership> {
    const given = new Uint8Array(this.current.length);
    for (const key of keys) {
      const row = this.rows.first(key);
      if (row >= 0) given[row] = 1;
    }
    for (let row = 0; row < this.current.length; row++)
      if (this.current.get(row) === 1 && given[row] === 0) yield unpackMembership(this.packed.get(row));
  }

  get size(): number {
    return this.count;
  }
}

function unpackMembership(packed: string): LiveMembership {
  const [organizationId, userId, id, roles] = packed.split(SEP) as [string, string, string, string];
  return { id, organizationId, userId, roles };
}

function keyOfPacked(packed: string): string {
  const [organizationId, userId] = packed.split(SEP, 2) as [string, string];
  return liveMembershipKey(organizationId, userId);
}

export interface LiveIndex {
  users: LiveUsers;
  organizationsByExternalId: Map<string, LiveOrganization>;
  organizationsById: Map<string, LiveOrganization>;
  /** Memberships of the organizations the index was asked about, by `<organization id>:<user id>`. */
  memberships: LiveMemberships;
  /** Organizations whose memberships were read (others' memberships are unknown, not absent). */
  membershipsReadFor: Set<string>;
  /** Requests it took, for the report (a rerun should cost about one read per 100 records). */
  reads: number;
  /** Users marked for a lazy migration (import --lazy-passwords): still pending, and moved at a sign-in. */
  lazy: LazyCounts;
}

export interface LazyCounts {
  pending: number;
  moved: number;
}

export function emptyLiveIndex(): LiveIndex {
  return {
    users: new LiveUsers(),
    organizationsByExternalId: new Map(),
    organizationsById: new Map(),
    memberships: new LiveMemberships(),
    membershipsReadFor: new Set(),
    reads: 0,
    lazy: { pending: 0, moved: 0 },
  };
}

export function liveMembershipKey(organizationId: string, userId: string): string {
  return `${organizationId}:${userId}`;
}

/** Metadata compared by digest: equal maps digest alike whatever their key order; none is `{}`. */
export function metadataDigest(metadata: Record<string, string> | null | undefined): string {
  return createHash('sha256')
    .update(stableJson(withLazyMarkAsOne(metadata ?? {})))
    .digest('base64url')
    .slice(0, 16);
}

export function sortedJoined(values: readonly string[]): string {
  return [...new Set(values)].sort().join(',');
}

/**
 * A WorkOS user's metadata as the diff compares it: the digest of everything but the lazy
 * migration's mark, with `+` in front when WorkOS holds a mark (base64url never starts with `+`).
 */
export function userMetadataDigest(metadata: Record<string, string> | null | undefined): string {
  const held = metadata ?? {};
  return (lazyMarkOf(held) === undefined ? '' : '+') + metadataDigest(withoutLazyMark(held));
}

/**
 * Whether a user's metadata in WorkOS differs from what the plan sends. The lazy mark is the lazy
 * migration's: a plan that marks (`--lazy-passwords`) adds it where WorkOS lacks it, `pending`
 * and `moved` are one value, and a plan that does not mark leaves a mark WorkOS holds alone, so
 * an import run without the flag between lazy ones cannot undo the lazy migration.
 */
export function userMetadataDiffers(liveDigest: string, wanted: Record<string, string> | undefined): boolean {
  const liveMarked = liveDigest.startsWith('+');
  if ((liveMarked ? liveDigest.slice(1) : liveDigest) !== metadataDigest(withoutLazyMark(wanted ?? {}))) return true;
  return lazyMarkOf(wanted ?? {}) !== undefined && !liveMarked;
}

export function withoutLazyMark(metadata: Record<string, string>): Record<string, string> {
  if (lazyMarkOf(metadata) === undefined) return metadata;
  const { [LAZY_METADATA_KEY]: _mark, ...rest } = metadata;
  return rest;
}

/**
 * The lazy migration's mark moves from `pending` to `moved` in WorkOS when the user signs in;
 * the plan always says `pending`. Both are one value here, so a moved user is not drift to repair.
 */
export function withLazyMarkAsOne(metadata: Record<string, string>): Record<string, string> {
  return lazyMarkOf(metadata) === undefined ? metadata : { ...metadata, [LAZY_METADATA_KEY]: 'marked' };
}
