import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, parseMappingConfig } from '../../../src/config/mapping-config.js';
import { verifyPassword } from '../../../src/emulator/password-verify.js';
import { UsageError } from '../../../src/model/types.js';
import { emailKey } from '../../../src/model/email-key.js';
import { roleSlugs } from '../../../src/sources/csv/map-row.js';
import { readGenericCsv } from '../../../src/sources/csv/users.js';
import { brief, file, readAll } from './read.js';

const USERS = 'examples/csv/users.csv';
const read = (usersPath: string, config = DEFAULT_MAPPING_CONFIG) => readAll(readGenericCsv({ usersPath, config }));
const HEADER =
  'email,first_name,last_name,email_verified,password_hash,password_hash_type,external_id,metadata,org_id,org_external_id,org_name,role_slugs';

describe('readGenericCsv', () => {
  it('maps the example: one user per user, every WorkOS hash type, organizations and memberships per row', async () => {
    const { users, organizations, memberships, byId } = await read(USERS);
    expect(users).toHaveLength(11);
    const passwords: [string, string][] = [
      ['app-user-1001', 'Csv-Bcrypt-1!'],
      ['app-user-1002', 'Csv-Argon-2!'],
      ['app-user-1003', 'Csv-Pbkdf2-3!'],
      ['app-user-1004', 'Csv-Pbkdf2-4!'],
      ['app-user-1005', 'Csv-Scrypt-5!'],
      ['app-user-1006', 'Csv-Ssha-6!'],
      ['app-user-1007', 'Csv-Ssha256-7!'],
      ['app-user-1008', 'Csv-Firebase-8!'],
    ];
    for (const [id, password] of passwords)
      expect(await verifyPassword(password, byId.get(id)!.password!), id).toBe(true);
    expect(byId.get('app-user-1001')).toMatchObject({
      metadata: { plan: 'enterprise', seats: '25' },
      location: { line: 2 },
    });
    expect(byId.get(emailKey('liam.oconnor@example.ie'))).toMatchObject({
      lastName: "O'Connor, Jr.",
      passwordGap: 'missing',
    });
    expect(organizations.map((o) => [o.sourceId, o.name, o.location.line])).toEqual([
      ['acct-harbor', 'Harbor Freight Co', 2],
      ['acct-lumen', 'Lumen Analytics', 3],
    ]);
    expect(
      memberships.map((m) => `${m.organizationSourceId} ${m.userSourceId} ${m.roles.join('+')} ${m.location.line}`),
    ).toEqual([
      'acct-harbor app-user-1001 admin 2',
      'acct-lumen app-user-1001 member 3',
      'acct-harbor app-user-1002 member 4',
      'acct-lumen app-user-1003 admin 5',
      'acct-lumen app-user-1005 member 7',
      'acct-harbor app-user-1007  9',
    ]);
  });

  it('reports rows of one user that disagree, organizations never named, org_name alone, and maps roles', async () => {
    const path = file(
      'rows.csv',
      [
        HEADER,
        'a@example.com,Ann,,true,,,u1,,,o1,,"admin,billing"',
        'a@example.com,Anne,,true,,,u1,,,o2,Org Two,Owner',
        'b@example.com,,,,,,u2,,,,Only A Name,member',
        'c@example.com,,,,,,u3,"{""plan"":1}",,o2,,["member"]',
      ].join('\n'),
    );
    const config = parseMappingConfig('roles:\n  Owner: admin\n', 'mapping.yml');
    const { users, memberships, problems, organizations } = await read(path, config);
    expect(users.map((u) => [u.sourceId, u.firstName])).toEqual([
      ['u1', 'Ann'],
      ['u2', undefined],
      ['u3', undefined],
    ]);
    expect(users[2]!.metadata).toEqual({ plan: '1' });
    expect(organizations.map((o) => o.sourceId)).toEqual(['o2']);
    expect(memberships.map((m) => `${m.organizationSourceId} ${m.userSourceId} ${m.roles.join('+')}`)).toEqual([
      'o1 u1 admin+billing',
      'o2 u1 admin',
      'o2 u3 member',
    ]);
    expect(problems.map(brief)).toEqual([
      '3 - conflicting_user_rows warning',
      '4:10 org_external_id missing_org_external_id error',
      '2 org_name missing_name error',
    ]);
  });

  it('reads plaintext passwords as a warning, never as a password, and blanks them', async () => {
    const path = file('plain.csv', ['email,password,external_id', 'p@example.com,Secret-1!,p1'].join('\n'));
    const { users, problems } = await read(path);
    expect(users[0]).toMatchObject({ sourceId: 'p1', passwordGap: 'missing' });
    expect(users[0]!.password).toBeUndefined();
    expect(JSON.stringify({ users, problems })).not.toContain('Secret-1!');
    expect(problems.map(brief)).toEqual(['2:2 password plaintext_password warning']);
  });

  it('refuses a CSV without an email column', async () => {
    await expect(read(file('no-email.csv', 'id,name\n1,x\n'))).rejects.toThrow(UsageError);
  });

  it('reads role_slugs as a list or a JSON array', () => {
    expect(roleSlugs(' admin, member ,')).toEqual(['admin', 'member']);
    expect(roleSlugs('["a","b"]')).toEqual(['a', 'b']);
    expect(roleSlugs('')).toEqual([]);
  });
});

describe('a generic CSV with columns the reader does not take', () => {
  it('says which columns are not read and what they were probably meant to be, once, and imports the users', async () => {
    const path = file(
      'unread-columns.csv',
      'id,email,first_name,organization_id,organization_name,role,plan\n' +
        'u1,a@unread.example,Ann,o1,Orbit,admin,pro\n' +
        'u2,b@unread.example,Ben,o1,Orbit,member,free\n',
    );
    const { users, problems } = await read(path);
    expect(users).toHaveLength(2);
    expect(problems.map(brief)).toEqual(['1 id unread_columns warning']);
    expect(problems[0]!.message).toContain('id, organization_id, organization_name, role, plan are not read');
    expect(problems[0]!.message).toContain(
      'Rename id → external_id, organization_id → org_external_id, organization_name → org_name, role → role_slugs',
    );
  });

  it('counts a column the config maps to metadata as read, and says nothing for the known columns', async () => {
    const path = file('mapped-column.csv', `${HEADER},plan\nc@unread.example,Cy,,true,,,c1,,,,,,pro\n`);
    const config = parseMappingConfig('metadata:\n  users:\n    plan: plan\n', 'config.yml');
    const { users, problems } = await read(path, config);
    expect(problems).toEqual([]);
    expect(users[0]!.metadata).toMatchObject({ plan: 'pro' });
  });
});

describe("the generic CSV's domains column", () => {
  it('gives the organization its domains with their state, from the row that names it; a bad entry is a warning', async () => {
    const path = file(
      'domains.csv',
      `${HEADER},domains\n` +
        'a@acme.example,,,true,,,u1,,,acme,Acme,member,acme.example:verified|acme-lab.example\n' +
        'b@acme.example,,,true,,,u2,,,acme,Acme,member,other.example:verified\n' +
        'c@globex.example,,,true,,,u3,,,globex,Globex,member,globex.example:trusted\n',
    );
    const { organizations, problems } = await read(path);
    expect(organizations.map((o) => [o.sourceId, o.domains, o.verifiedDomains])).toEqual([
      ['acme', ['acme.example', 'acme-lab.example'], ['acme.example']],
      ['globex', [], undefined],
    ]);
    expect(problems.filter((p) => p.code === 'invalid_domain')).toEqual([
      expect.objectContaining({ entity: 'organization', sourceId: 'globex', field: 'domains', severity: 'warning' }),
    ]);
    expect(problems.map((p) => p.code)).not.toContain('unread_columns');
  });
});
