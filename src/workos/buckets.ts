// WorkOS counts requests in separate rate-limit buckets (WorkOS docs, "Rate limits"): AuthKit's
// user management per environment, one general bucket per API key, and exceptions such as
// Delete Organization. Each bucket gets its own pacer, so a burst of organization writes never
// eats into the user writes' window, and each runs at its own limit.

/** At most `requests` in any `windowMs`. */
export interface WindowLimit {
  requests: number;
  windowMs: number;
}

export type Bucket = 'userManagementWrites' | 'userManagementReads' | 'general' | 'organizationDelete';

export const BUCKETS: readonly Bucket[] = [
  'userManagementWrites',
  'userManagementReads',
  'general',
  'organizationDelete',
];

/** WorkOS's documented limits: the defaults. */
export const WORKOS_BUCKET_LIMITS: Readonly<Record<Bucket, WindowLimit>> = {
  /** `/user_management/*` writes, per environment. */
  userManagementWrites: { requests: 500, windowMs: 10_000 },
  /** `/user_management/*` reads, per environment. */
  userManagementReads: { requests: 1_000, windowMs: 10_000 },
  /** Everything else (organizations, authorization roles and permissions, connections, webhook endpoints, events), per API key. */
  general: { requests: 6_000, windowMs: 60_000 },
  /** `DELETE /organizations/{id}`, per API key. */
  organizationDelete: { requests: 50, windowMs: 60_000 },
};

/** What a person reads in a message: "user-management writes". */
export const BUCKET_NAMES: Readonly<Record<Bucket, string>> = {
  userManagementWrites: 'user-management writes',
  userManagementReads: 'user-management reads',
  general: 'other requests (per API key)',
  organizationDelete: 'organization deletes',
};

/**
 * The bucket WorkOS counts a request in, from its method and path (`/user_management/users`,
 * with or without a query string). A GET (or HEAD) under `/user_management/` is a read, any other
 * method there a write (`POST /user_management/authenticate` too, and enrolling a user's factor,
 * `POST /user_management/users/{id}/auth_factors`); deleting one organization has its own limit;
 * the rest share the per-key bucket, the MFA API's `/auth/factors/…` and `/auth/challenges/…` too.
 */
export function bucketOf(method: string, path: string): Bucket {
  const verb = method.toUpperCase();
  const segments = path
    .split('?', 1)[0]!
    .split('/')
    .filter((s) => s !== '');
  if (segments[0] === 'user_management')
    return verb === 'GET' || verb === 'HEAD' ? 'userManagementReads' : 'userManagementWrites';
  if (verb === 'DELETE' && segments[0] === 'organizations' && segments.length === 2) return 'organizationDelete';
  return 'general';
}

/** Writes or reads per second, for people: "50/s". */
export function perSecond(limit: WindowLimit): number {
  return limit.requests / (limit.windowMs / 1000);
}
