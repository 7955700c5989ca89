import { describe, expect, it } from 'vitest';
import type { MembershipRecord, OrganizationRecord, UserRecord } from '../../src/model/types.js';
import { checkMembershipRoles, planOrganizations } from '../../src/plan/organizations.js';
import { planUsers } from '../../src/plan/users.js';

const at = (line: number) => ({ file: 'orgs.json', line });

function user(sourceId: string, email: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    sourceId,
    email,
    emailVerified: true,
    passwordGap: 'missing',
    metadata: {},
    mfaFactors: [],
    socialProviders: [],
    blocked: false,
    location: { file: 'users.ndjson', line: 1 },
    ...extra,
  };
}
const org = (sourceId: string, name = sourceId): OrganizationRecord => ({
  sourceId,
  name,
  domains: [],
  metadata: {},
  location: at(1),
});
const member = (
  organizationSourceId: string,
  userSourceId: string,
  roles: string[] = [],
  line = 2,
): MembershipRecord => ({ organizationSourceId, userSourceId, roles, location: at(line) });

describe('planOrganizations', () => {
  const users = planUsers([
    user('auth0|a', 'ada@example.com', { password: { type: 'bcrypt', hash: 'h' }, passwordGap: 'none' }),
    user('google-oauth2|a', 'ADA@example.com'),
    user('auth0|blocked', 'b@example.com', { blocked: true }),
  ]);

  it("gives a merged-away user's membership to the user that kept the email, with the roles of both", () => {
    const plan = planOrganizations(
      [org('org_1')],
      [member('org_1', 'google-oauth2|a', ['admin']), member('org_1', 'auth0|a', ['member'])],
      users,
    );
    expect([...plan.memberships]).toEqual([
      expect.objectContaining({ sourceId: 'org_1:auth0|a', userSourceId: 'auth0|a', roles: ['admin', 'member'] }),
    ]);
    expect(plan.invalid).toEqual([]);
  });

  it('reports memberships of unknown organizations and unknown users, each once with its line; skips those of users skipped by policy', () => {
    const plan = planOrganizations(
      [org('org_1')],
      [
        member('org_2', 'auth0|a', [], 3),
        member('org_1', 'auth0|nobody', [], 4),
        member('org_1', 'auth0|blocked', [], 5),
      ],
      users,
    );
    expect([...plan.memberships]).toEqual([]);
    expect(plan.invalid.map((p) => [p.code, p.severity, p.location.line])).toEqual([
      ['unknown_organization', 'error', 3],
      ['unknown_user', 'error', 4],
      // Blocked: skipped by policy, and so is the membership (a plan with only this passes fail-on: invalid).
      ['user_skipped', 'skip', 5],
    ]);
  });

  it("points a membership's problem at the member's user id within its organization's line", () => {
    const plan = planOrganizations(
      [org('org_1')],
      [{ ...member('org_1', 'auth0|nobody', [], 4), userField: 'members[2].user_id' }],
      users,
    );
    expect(plan.invalid).toEqual([
      expect.objectContaining({ code: 'unknown_user', field: 'members[2].user_id', location: at(4) }),
    ]);
    expect(plan.invalid[0]!.message).toContain('auth0|nobody');
  });

  it('skips the memberships of an unverified account left out of a merge, without making them invalid', () => {
    const conflicted = planUsers([
      user('google-oauth2|v', 'victim@corp.example'),
      user('auth0|squatter', 'victim@corp.example', { emailVerified: false }),
    ]);
    const plan = planOrganizations(
      [org('org_1')],
      [member('org_1', 'auth0|squatter', ['admin'], 3), member('org_1', 'google-oauth2|v', [], 4)],
      conflicted,
    );
    expect(plan.memberships.map((m) => m.sourceId)).toEqual(['org_1:google-oauth2|v']);
    expect(plan.invalid.map((p) => [p.sourceId, p.code, p.severity, p.location.line])).toEqual([
      ['org_1:auth0|squatter', 'merge_unverified', 'skip', 3],
    ]);
  });

  it('imports a repeated organization once and reports the repeat', () => {
    const plan = planOrganizations([org('org_1', 'Acme'), org('org_1', 'Acme again')], [], users);
    expect(plan.organizations.map((o) => o.input.name)).toEqual(['Acme']);
    expect(plan.invalid.map((p) => p.code)).toEqual(['duplicate_organization']);
  });
});

describe('checkMembershipRoles', () => {
  it('keeps memberships whose roles exist and names the missing role and the ones that exist', () => {
    const users = planUsers([user('u1', 'u1@example.com'), user('u2', 'u2@example.com')]);
    const plan = planOrganizations(
      [org('o')],
      [member('o', 'u1', ['admin']), member('o', 'u2', ['billing-admin'])],
      users,
    );
    const checked = checkMembershipRoles(plan.memberships, new Set(['admin', 'member']));
    expect(checked.valid.map((m) => m.userSourceId)).toEqual(['u1']);
    expect(checked.invalid[0]).toMatchObject({ code: 'unknown_role', field: 'roles' });
    expect(checked.invalid[0]!.message).toContain('billing-admin');
    expect(checked.invalid[0]!.message).toContain('admin, member');
  });
});
