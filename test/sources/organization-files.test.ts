import { describe, expect, it } from 'vitest';
import { invalidOrganization, type MemberList } from '../../src/sources/organization-files.js';

const at = { file: 'organizations.json', line: 4 };
const members: MemberList = {
  field: 'memberships',
  noun: 'membership',
  userIdOf: (entry) => (entry as { user?: string } | null)?.user,
};

describe('invalidOrganization', () => {
  it("reports the organization, then each of its members as not imported, in the source's own words", () => {
    const items = [
      ...invalidOrganization(
        at,
        'org_1',
        'missing_name',
        'The organization has no name.',
        'name',
        [{ user: 'u1' }, 'junk'],
        members,
      ),
    ];
    expect(items).toEqual([
      {
        kind: 'problem',
        problem: {
          entity: 'organization',
          sourceId: 'org_1',
          location: at,
          field: 'name',
          code: 'missing_name',
          message: 'The organization has no name.',
          severity: 'error',
        },
      },
      {
        kind: 'problem',
        problem: {
          entity: 'membership',
          sourceId: 'org_1:u1',
          location: at,
          field: 'memberships[0]',
          code: 'organization_not_imported',
          message: "The membership belongs to an organization that is not imported (see that organization's problem).",
          severity: 'error',
        },
      },
      {
        kind: 'problem',
        problem: {
          entity: 'membership',
          location: at,
          field: 'memberships[1]',
          code: 'organization_not_imported',
          message: "The membership belongs to an organization that is not imported (see that organization's problem).",
          severity: 'error',
        },
      },
    ]);
  });

  it('names no membership key when the organization has no id', () => {
    const items = [
      ...invalidOrganization(at, undefined, 'missing_organization_id', 'No id.', 'id', [{ user: 'u1' }], {
        field: 'members',
        noun: 'member',
        userIdOf: members.userIdOf,
      }),
    ];
    expect(items.map((item) => item.kind === 'problem' && [item.problem.sourceId, item.problem.field])).toEqual([
      [undefined, 'id'],
      [undefined, 'members[0]'],
    ]);
    expect(items[1]!.kind === 'problem' && items[1]!.problem.message).toMatch(/^The member belongs/);
  });
});
