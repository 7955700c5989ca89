import { auth0Lines, clerkCsv } from './build.js';
import type { CorpusCase } from './harness.js';

const auth0 = (...extra: string[]) => [
  'plan',
  '--source',
  'auth0',
  '--users',
  '{users.ndjson}',
  '--organizations',
  '{orgs.json}',
  ...extra,
];
const clerk = (...extra: string[]) => [
  'plan',
  '--source',
  'clerk',
  '--users',
  '{users.csv}',
  '--organizations',
  '{orgs.json}',
  ...extra,
];
const ORGS = 'orgs.json';

function auth0Org(
  n: number,
  members: unknown[] = [{ user_id: 'auth0|c1' }],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: `org_c${n}`, name: `org-${n}`, display_name: `Org ${n}`, members, ...extra };
}

function clerkOrg(
  n: number,
  memberships: unknown[] = [clerkMember('user_c1')],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: `org_c${n}`, name: `Org ${n}`, slug: `org-${n}`, memberships, ...extra };
}

function clerkMember(userId: string, role = 'org:member'): Record<string, unknown> {
  return { role, public_user_data: { user_id: userId } };
}

const wrap = (organizations: unknown[]) => JSON.stringify({ organizations }, null, 2) + '\n';

/** Organization files of both sources. */
export const organizationCases: CorpusCase[] = [
  {
    name: 'auth0 orgs: a broken organization among good ones',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]:
        '{"organizations":[\n' +
        JSON.stringify(auth0Org(1)) +
        ',\n{"id": org_c2},\n' +
        JSON.stringify(auth0Org(3)) +
        '\n]}\n',
    },
    args: auth0(),
    expect: { exit: 1, errors: [{ file: ORGS, line: 3 }], good: { organizations: 2, memberships: 2 } },
  },
  {
    name: 'auth0 orgs: an organization without id',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: JSON.stringify({ organizations: [auth0Org(1), { name: 'x', members: [] }] }),
    },
    args: auth0(),
    expect: { exit: 1, errors: [{ file: ORGS, line: 1, entity: 'organization' }], good: { organizations: 1 } },
  },
  {
    name: 'auth0 orgs: a bare array',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: JSON.stringify([auth0Org(1), auth0Org(2, [{ user_id: 'auth0|c2' }])]),
    },
    args: auth0(),
    expect: { exit: 0, good: { organizations: 2, memberships: 2 } },
  },
  {
    name: 'auth0 orgs: a pretty-printed object without an organizations array',
    files: { 'users.ndjson': auth0Lines(2), [ORGS]: JSON.stringify({ orgs: [auth0Org(1)] }, null, 2) },
    args: auth0(),
    expect: { exit: 2, says: [/orgs\.json/, /line 1/, /organizations/] },
  },
  {
    name: 'auth0 orgs: an empty file',
    files: { 'users.ndjson': auth0Lines(2), [ORGS]: '' },
    args: auth0(),
    expect: { exit: 2, says: [/orgs\.json/] },
  },
  {
    name: 'auth0 orgs: members is not an array',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: wrap([auth0Org(1), auth0Org(2, 'everyone' as unknown as unknown[])]),
    },
    args: auth0(),
    // Line 13 is where the second organization starts.
    expect: { exit: 1, errors: [{ file: ORGS, line: 13 }], good: { organizations: 1, memberships: 1 } },
  },
  {
    name: 'auth0 orgs: a member who is not in the user export',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: JSON.stringify({ organizations: [auth0Org(1, [{ user_id: 'auth0|c1' }, { user_id: 'auth0|ghost' }])] }),
    },
    args: auth0(),
    expect: {
      exit: 1,
      errors: [{ file: ORGS, line: 1, entity: 'membership' }],
      good: { organizations: 1, memberships: 1 },
    },
  },
  {
    name: 'auth0 orgs: role names that are Object.prototype properties',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: JSON.stringify({
        organizations: [
          auth0Org(1, [
            { user_id: 'auth0|c1', roles: [{ id: 'rol_1', name: 'constructor' }] },
            { user_id: 'auth0|c2', roles: [{ name: 'toString' }] },
          ]),
        ],
      }),
      'config.yml': 'roles:\n  Admin: admin\n',
    },
    args: auth0('--config', '{config.yml}'),
    expect: { exit: 0, good: { organizations: 1, memberships: 2 } },
  },
  {
    name: 'auth0 orgs: metadata nested 10,000 levels deep',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: () =>
        '[' +
        JSON.stringify(auth0Org(1)) +
        ',\n' +
        JSON.stringify(auth0Org(2, [], { metadata: '__DEEP__' })).replace(
          '"__DEEP__"',
          '{"x":'.repeat(10_000) + '0' + '}'.repeat(10_000),
        ) +
        ']',
    },
    args: auth0(),
    expect: { exit: 1, errors: [{ file: ORGS, line: 2 }], good: { organizations: 1, memberships: 1 } },
  },
  {
    name: 'auth0 orgs: the file is cut short inside the array',
    files: {
      'users.ndjson': auth0Lines(2),
      [ORGS]: '{"organizations":[\n' + JSON.stringify(auth0Org(1)) + ',\n' + JSON.stringify(auth0Org(2)).slice(0, 25),
    },
    args: auth0(),
    expect: { exit: 1, errors: [{ file: ORGS, line: 3 }], good: { organizations: 1, memberships: 1 } },
  },
  {
    name: 'auth0 orgs: random bytes',
    files: { 'users.ndjson': auth0Lines(2), [ORGS]: Buffer.from([0x00, 0x01, 0xff, 0x13, 0x37]) },
    args: auth0(),
    expect: { exit: 2, says: [/orgs\.json/] },
  },
  {
    name: 'clerk orgs: a membership role that is an Object.prototype property',
    files: {
      'users.csv': clerkCsv(3),
      [ORGS]: wrap([
        clerkOrg(1, [
          clerkMember('user_c1', 'org:constructor'),
          clerkMember('user_c2', 'org:toString'),
          clerkMember('user_c3', 'org:__proto__'),
        ]),
      ]),
    },
    args: clerk(),
    expect: { exit: 0, good: { organizations: 1, memberships: 3 } },
  },
  {
    name: 'clerk orgs: a membership without public_user_data',
    files: {
      'users.csv': clerkCsv(2),
      [ORGS]: JSON.stringify({ organizations: [clerkOrg(1, [clerkMember('user_c1'), { role: 'org:member' }])] }),
    },
    args: clerk(),
    expect: {
      exit: 1,
      errors: [{ file: ORGS, line: 1, entity: 'membership' }],
      good: { organizations: 1, memberships: 1 },
    },
  },
  {
    name: 'clerk orgs: {data, total_count} pages',
    files: {
      'users.csv': clerkCsv(2),
      [ORGS]:
        JSON.stringify({ data: [clerkOrg(1)], total_count: 2 }) +
        '\n' +
        JSON.stringify({ data: [clerkOrg(2, [clerkMember('user_c2')])], total_count: 2 }) +
        '\n',
    },
    args: clerk(),
    expect: { exit: 0, good: { organizations: 2, memberships: 2 } },
  },
  {
    name: 'clerk orgs: a single pretty-printed organization',
    files: { 'users.csv': clerkCsv(2), [ORGS]: JSON.stringify(clerkOrg(1), null, 2) },
    args: clerk(),
    expect: { exit: 2, says: [/orgs\.json/] },
  },
  {
    name: 'clerk orgs: an organization that is a number',
    files: { 'users.csv': clerkCsv(2), [ORGS]: '{"organizations":[\n' + JSON.stringify(clerkOrg(1)) + ',\n7\n]}' },
    args: clerk(),
    expect: { exit: 1, errors: [{ file: ORGS, line: 3 }], good: { organizations: 1, memberships: 1 } },
  },
  {
    name: 'clerk orgs: UTF-16LE with a byte order mark',
    files: {
      'users.csv': clerkCsv(2),
      [ORGS]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wrap([clerkOrg(1)]), 'utf16le')]),
    },
    args: clerk(),
    expect: { exit: 0, good: { organizations: 1, memberships: 1 } },
  },
];

export const organizationImportCases: CorpusCase[] = [
  {
    name: 'clerk import: a role called constructor reaches WorkOS as that role, not as Object',
    files: {
      'users.csv': clerkCsv(2),
      [ORGS]: wrap([clerkOrg(1, [clerkMember('user_c1', 'org:constructor'), clerkMember('user_c2', 'org:toString')])]),
    },
    args: ['import', '--source', 'clerk', '--users', '{users.csv}', '--organizations', `{${ORGS}}`],
    expect: { exit: 0, good: { users: 2, organizations: 1, memberships: 2 } },
    importIds: ['user_c1', 'user_c2'],
    roles: ['constructor', 'toString'],
    timeoutMs: 20_000,
  },
];
