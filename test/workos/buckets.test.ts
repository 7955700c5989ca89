import { describe, expect, it } from 'vitest';
import { bucketOf, WORKOS_BUCKET_LIMITS } from '../../src/workos/buckets.js';

describe('bucketOf: the WorkOS rate-limit bucket of a request', () => {
  it.each([
    ['POST', '/user_management/users', 'userManagementWrites'],
    ['PUT', '/user_management/users/user_01', 'userManagementWrites'],
    ['DELETE', '/user_management/users/user_01', 'userManagementWrites'],
    ['POST', '/user_management/organization_memberships', 'userManagementWrites'],
    ['DELETE', '/user_management/organization_memberships/om_01', 'userManagementWrites'],
    ['POST', '/user_management/users/user_01/auth_factors', 'userManagementWrites'],
    ['GET', '/user_management/users/user_01/auth_factors?limit=100', 'userManagementReads'],
    ['POST', '/user_management/authenticate', 'userManagementWrites'],
    ['GET', '/user_management/users?email=a%40example.com&limit=100', 'userManagementReads'],
    ['get', '/user_management/users/external_id/auth0%7C1', 'userManagementReads'],
    ['GET', '/user_management/organization_memberships?user_id=user_01', 'userManagementReads'],
    ['POST', '/organizations', 'general'],
    ['PUT', '/organizations/org_01', 'general'],
    ['GET', '/organizations/external_id/clerk_org_1', 'general'],
    ['DELETE', '/organizations/org_01', 'organizationDelete'],
    ['GET', '/authorization/organizations/org_01/roles', 'general'],
    ['POST', '/authorization/roles', 'general'],
    ['PUT', '/authorization/roles/admin/permissions', 'general'],
    ['POST', '/authorization/permissions', 'general'],
    ['GET', '/connections?organization_id=org_01', 'general'],
    ['GET', '/webhook_endpoints', 'general'],
    ['GET', '/events?events=authentication.password_succeeded', 'general'],
    ['DELETE', '/auth/factors/auth_factor_01', 'general'],
    ['GET', '/auth/factors/auth_factor_01', 'general'],
    ['POST', '/auth/factors/auth_factor_01/challenge', 'general'],
    ['POST', '/auth/challenges/auth_challenge_01/verify', 'general'],
    ['POST', '/portal/generate_link', 'general'],
  ])('%s %s → %s', (method, path, bucket) => {
    expect(bucketOf(method, path)).toBe(bucket);
  });

  it('defaults to WorkOS’s documented limits', () => {
    expect(WORKOS_BUCKET_LIMITS).toEqual({
      userManagementWrites: { requests: 500, windowMs: 10_000 },
      userManagementReads: { requests: 1_000, windowMs: 10_000 },
      general: { requests: 6_000, windowMs: 60_000 },
      organizationDelete: { requests: 50, windowMs: 60_000 },
    });
  });
});
