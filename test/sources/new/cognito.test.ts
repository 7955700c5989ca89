import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, parseMappingConfig } from '../../../src/config/mapping-config.js';
import type { RecordProblem } from '../../../src/model/types.js';
import { readCognitoUsers } from '../../../src/sources/cognito/users.js';
import { brief, file, readAll } from './read.js';

const USERS = 'examples/cognito/users.json';
const read = (usersPath: string, config = DEFAULT_MAPPING_CONFIG) => readAll(readCognitoUsers({ usersPath, config }));
// The example's unconfirmed sign-up is read here as the import policy brings it; the default skip is in real-shapes.
const IMPORT_UNCONFIRMED = {
  ...DEFAULT_MAPPING_CONFIG,
  policies: { ...DEFAULT_MAPPING_CONFIG.policies, unconfirmedUsers: 'import' as const },
};
const page = JSON.parse(readFileSync(USERS, 'utf8')) as { Users: Record<string, unknown>[] };

describe('readCognitoUsers', () => {
  it('maps one list-users page: sub as the id, string booleans, names, Enabled, MFA and identities', async () => {
    const { users, problems, byId } = await read(USERS, IMPORT_UNCONFIRMED);
    expect(users.map((u) => u.sourceId.slice(-1))).toEqual(['1', '2', '3', '4', '5', '6', '8']);
    expect(users.every((u) => u.passwordGap === 'missing' && !u.password)).toBe(true);
    expect(byId.get('0b1e4c2a-0003-4a6f-9c55-7d1e2f300003')).toMatchObject({
      emailVerified: false,
      firstName: 'Mateo',
      lastName: 'Silva Ruiz',
    });
    expect(byId.get('0b1e4c2a-0004-4a6f-9c55-7d1e2f300004')).toMatchObject({ mfaFactors: ['sms'] });
    expect(byId.get('0b1e4c2a-0005-4a6f-9c55-7d1e2f300005')).toMatchObject({ blocked: true });
    expect(byId.get('0b1e4c2a-0006-4a6f-9c55-7d1e2f300006')).toMatchObject({ socialProviders: ['google'] });
    expect(problems.map(brief)).toEqual([
      '65 UserStatus status_unconfirmed warning',
      '195 Attributes.email missing_email error',
      '220 UserStatus status_force_change_password warning',
    ]);
  });

  it('reads an array of pages and NDJSON of users the same', async () => {
    const half = Math.ceil(page.Users.length / 2);
    const pages = file(
      'pages.json',
      JSON.stringify(
        [{ Users: page.Users.slice(0, half), PaginationToken: 'x' }, { Users: page.Users.slice(half) }],
        null,
        2,
      ),
    );
    const ndjson = file('users.ndjson', page.Users.map((u) => JSON.stringify(u)).join('\n'));
    const expected = (await read(USERS, IMPORT_UNCONFIRMED)).users.map((u) => [u.sourceId, u.email, u.blocked]);
    const fromPages = await read(pages, IMPORT_UNCONFIRMED);
    expect(fromPages.users.map((u) => [u.sourceId, u.email, u.blocked])).toEqual(expected);
    // Users of an array of pages point at their page, with the entry in the field.
    const errorsOf = (read: { problems: RecordProblem[] }) => read.problems.filter((p) => p.severity === 'error');
    expect(errorsOf(fromPages).map(brief)).toEqual([
      `${fromPages.users.at(-1)!.location.line} Users[2].Attributes.email missing_email error`,
    ]);
    const fromNdjson = await read(ndjson, IMPORT_UNCONFIRMED);
    expect(fromNdjson.users.map((u) => [u.sourceId, u.email, u.blocked])).toEqual(expected);
    expect(errorsOf(fromNdjson).map(brief)).toEqual(['7 Attributes.email missing_email error']);
  });

  it('reports a user without sub, a bad email_verified and a wrong Attributes type by line', async () => {
    const path = file(
      'bad.ndjson',
      [
        '{"Username":"u1","Attributes":[{"Name":"email","Value":"a@example.com"}]}',
        '{"Username":"u2","Attributes":[{"Name":"sub","Value":"s2"},{"Name":"email","Value":"b@example.com"},{"Name":"email_verified","Value":"maybe"}]}',
        '{"Username":"u3","Attributes":{"sub":"s3"}}',
      ].join('\n'),
    );
    const { users, problems } = await read(path);
    expect(users).toEqual([]);
    expect(problems.map(brief)).toEqual([
      '1 Attributes.sub missing_user_id error',
      '2 Attributes.email_verified invalid_field_type error',
      '3 Attributes invalid_field_type error',
    ]);
  });

  it('offers attributes to the metadata map by name', async () => {
    const config = parseMappingConfig(
      'metadata:\n  users:\n    plan: "custom:plan"\n    status: UserStatus\n',
      'mapping.yml',
    );
    const { byId } = await read(USERS, config);
    expect(byId.get('0b1e4c2a-0001-4a6f-9c55-7d1e2f300001')?.metadata).toEqual({ plan: 'team', status: 'CONFIRMED' });
  });
});
