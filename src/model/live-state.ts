// What WorkOS holds, as the diff needs it: read in pages by workos/live-index.ts, compared by
// plan/diff.ts. Kept compact on purpose (no full user objects): at a million users the index
// must fit beside the plan, so each user is its ids, its email key, names and a metadata digest.
import { createHash } from 'node:crypto';
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

export interface LiveIndex {
  usersByExternalId: Map<string, LiveUser>;
  usersByEmail: Map<string, LiveUser>;
  usersById: Map<string, LiveUser>;
  organizationsByExternalId: Map<string, LiveOrganization>;
  organizationsById: Map<string, LiveOrganization>;
  /** Memberships of the organizations the index was asked about, by `<organization id>:<user id>`. */
  memberships: Map<string, LiveMembership>;
  /** Organizations whose memberships were read (others' memberships are unknown, not absent). */
  membershipsReadFor: Set<string>;
  /** Requests it took, for the report (a rerun should cost about one read per 100 records). */
  reads: number;
}

export function emptyLiveIndex(): LiveIndex {
  return {
    usersByExternalId: new Map(),
    usersByEmail: new Map(),
    usersById: new Map(),
    organizationsByExternalId: new Map(),
    organizationsById: new Map(),
    memberships: new Map(),
    membershipsReadFor: new Set(),
    reads: 0,
  };
}

export function liveMembershipKey(organizationId: string, userId: string): string {
  return `${organizationId}:${userId}`;
}

/** Metadata compared by digest: equal maps digest alike whatever their key order; none is `{}`. */
export function metadataDigest(metadata: Record<string, string> | null | undefined): string {
  return createHash('sha256')
    .update(stableJson(metadata ?? {}))
    .digest('base64url')
    .slice(0, 16);
}

export function sortedJoined(values: readonly string[]): string {
  return [...new Set(values)].sort().join(',');
}
