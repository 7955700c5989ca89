// What WorkOS holds, as the diff needs it: read in pages by workos/live-index.ts, compared by
// plan/diff.ts. Kept compact on purpose (no full user objects): at a million users the index
// must fit beside the plan, so each user is its ids, its email key, names and a metadata digest.
import { createHash } from 'node:crypto';
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
 * WorkOS users, one packed string each (its fields joined by a separator no field holds), found
 * by external id and by email key. One string shared by both maps, decoded on lookup: about
 * half the memory of an object per user, which is what lets a million users fit beside the plan.
 */
export class LiveUsers {
  private readonly byExternal = new Map<string, string>();
  private readonly byEmailKey = new Map<string, string>();

  add(user: LiveUser): void {
    const packed = [
      user.id,
      user.externalId ?? '',
      user.emailKey,
      user.emailVerified ? '1' : '0',
      user.firstName ?? NONE,
      user.lastName ?? NONE,
      user.metadataDigest,
      user.signedIn ? '1' : '0',
    ].join(SEP);
    if (user.externalId) this.byExternal.set(user.externalId, packed);
    this.byEmailKey.set(user.emailKey, packed);
  }

  byExternalId(externalId: string): LiveUser | undefined {
    const packed = this.byExternal.get(externalId);
    return packed === undefined ? undefined : unpack(packed);
  }

  byEmail(emailKey: string): LiveUser | undefined {
    const packed = this.byEmailKey.get(emailKey);
    return packed === undefined ? undefined : unpack(packed);
  }

  /** Users that carry an external id (the only ones that can belong to a migration). */
  *withExternalId(): IterableIterator<LiveUser> {
    for (const packed of this.byExternal.values()) yield unpack(packed);
  }

  /** Every user (emails are unique in WorkOS, so one entry each). */
  get size(): number {
    return this.byEmailKey.size;
  }
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

export interface LiveIndex {
  users: LiveUsers;
  organizationsByExternalId: Map<string, LiveOrganization>;
  organizationsById: Map<string, LiveOrganization>;
  /** Memberships of the organizations the index was asked about, by `<organization id>:<user id>`. */
  memberships: Map<string, LiveMembership>;
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
    memberships: new Map(),
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
 * The lazy migration's mark moves from `pending` to `moved` in WorkOS when the user signs in;
 * the plan always says `pending`. Both are one value here, so a moved user is not drift to repair.
 */
export function withLazyMarkAsOne(metadata: Record<string, string>): Record<string, string> {
  return lazyMarkOf(metadata) === undefined ? metadata : { ...metadata, [LAZY_METADATA_KEY]: 'marked' };
}
