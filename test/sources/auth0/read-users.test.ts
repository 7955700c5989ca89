import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import type { RecordProblem, SourceItem, UserRecord } from '../../../src/model/types.js';
import { readAuth0Users } from '../../../src/sources/auth0/users.js';
import { tempDirForFile } from '../../support/temp-dir.js';

const EXAMPLE_USERS = 'examples/auth0/users.ndjson';
const EXAMPLE_PASSWORDS = 'examples/auth0/passwords.ndjson';
const FIXTURES = 'test/fixtures/auth0';

interface Read {
  items: SourceItem[];
  users: UserRecord[];
  problems: RecordProblem[];
  byId: Map<string, UserRecord>;
}

async function readAll(usersPath: string, passwordsPath?: string): Promise<Read> {
  const items: SourceItem[] = [];
  for await (const item of readAuth0Users({ usersPath, passwordsPath })) items.push(item);
  const users = items.flatMap((i) => (i.kind === 'user' ? [i.record] : []));
  const problems = items.flatMap((i) => (i.kind === 'problem' ? [i.problem] : []));
  return { items, users, problems, byId: new Map(users.map((u) => [u.sourceId, u])) };
}

/** Emails and hashes that went in must not come out in any problem. */
function expectNoSecrets(problems: RecordProblem[], ...files: string[]): void {
  const text = JSON.stringify(problems);
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    for (const email of content.match(/[\w.+'-]+@[\w.-]+\.\w+/g) ?? []) expect(text).not.toContain(email);
    for (const hash of content.match(/\$2[aby]\$\d\d\$[./A-Za-z0-9]{10,}/g) ?? [])
      expect(text).not.toContain(hash.slice(7));
  }
}

describe('readAuth0Users on the example export', () => {
  it('reads 29 users and one user without email, and joins 18 passwords', async () => {
    const { users, problems, byId } = await readAll(EXAMPLE_USERS, EXAMPLE_PASSWORDS);
    expect(users).toHaveLength(29);
    expect(problems.map((p) => [p.entity, p.code, p.location.line, p.severity])).toEqual([
      ['user', 'missing_email', 27, 'error'],
      ['password', 'password_unmatched', 10, 'warning'],
    ]);
    expect(problems[0]!.location.file).toBe(EXAMPLE_USERS);
    expect(problems[1]!.location.file).toBe(EXAMPLE_PASSWORDS);
    expect(users.filter((u) => u.passwordGap === 'none')).toHaveLength(18);
    expect(users.filter((u) => u.passwordGap === 'missing')).toHaveLength(11);
    expect(users.filter((u) => u.blocked).map((u) => u.sourceId)).toEqual(['auth0|665f1c0e8a4b2d0019e3a107']);
    expect(users.flatMap((u) => u.mfaFactors).sort()).toEqual(['sms', 'sms', 'totp']);
    expect(users.flatMap((u) => u.socialProviders).sort()).toEqual([
      'github',
      ...Array(5).fill('google-oauth2'),
      'windowslive',
    ]);

    expect(byId.get('auth0|legacy-10042')?.passwordGap).toBe('none');
    expect(byId.get('auth0|665f1c0e8a4b2d0019e3a10d')?.passwordGap).toBe('none');
    expect(byId.get('auth0|665f1c0e8a4b2d0019e3a103')).toMatchObject({ firstName: 'Chloe', lastName: 'Ramirez' });
    const dmitri = byId.get('auth0|665f1c0e8a4b2d0019e3a104')!;
    expect([dmitri.firstName, dmitri.lastName]).toEqual([undefined, undefined]);
    expect(byId.get('auth0|665f1c0e8a4b2d0019e3a109')?.email).toBe('Isaac.Moreno@Example.com');
    expect(byId.get('google-oauth2|104958372615009281301')).toMatchObject({
      email: 'isaac.moreno@example.com',
      passwordGap: 'missing',
    });
    expect(byId.get('auth0|665f1c0e8a4b2d0019e3a105')?.metadata).toEqual({});
    expect(users.every((u) => u.location.file === EXAMPLE_USERS && u.location.line >= 1)).toBe(true);
    expectNoSecrets(problems, EXAMPLE_USERS, EXAMPLE_PASSWORDS);
  });

  it('joins hashes that verify the passwords listed in the README', async () => {
    const { byId } = await readAll(EXAMPLE_USERS, EXAMPLE_PASSWORDS);
    const readme = readFileSync('examples/auth0/README.md', 'utf8');
    const rows = [...readme.matchAll(/^\| (auth0\\\|[\w-]+) \| [^|]+ \| `(Password-\d+!)` \|/gm)];
    expect(rows).toHaveLength(18);
    for (const [, id, password] of rows) {
      const user = byId.get(id!.replace('\\|', '|'))!;
      expect(user.password?.type).toBe('bcrypt');
      expect(bcrypt.compareSync(password!, user.password!.hash), `${user.sourceId}`).toBe(true);
    }
  });

  it('reads the same users from a gzipped JSON array with a misleading name', async () => {
    const dir = tempDirForFile('auth0-');
    const lines = readFileSync(EXAMPLE_USERS, 'utf8').trim().split('\n');
    const path = join(dir, 'users.txt');
    writeFileSync(path, gzipSync(`[\n${lines.join(',\n')}\n]\n`));
    const fromArray = await readAll(path, EXAMPLE_PASSWORDS);
    const fromNdjson = await readAll(EXAMPLE_USERS, EXAMPLE_PASSWORDS);
    // Element n starts on line n + 1 (line 1 is the "[").
    expect(
      fromArray.users.map((u) => ({
        ...u,
        location: { ...u.location, file: EXAMPLE_USERS, line: u.location.line - 1 },
      })),
    ).toEqual(fromNdjson.users);
    expect(fromArray.problems.map((p) => p.code)).toEqual(['missing_email', 'password_unmatched']);
  });

  it('imports every user without a password when no password file is given', async () => {
    const { users, problems } = await readAll(EXAMPLE_USERS);
    expect(users).toHaveLength(29);
    expect(users.every((u) => u.passwordGap === 'missing' && u.password === undefined)).toBe(true);
    expect(problems.map((p) => p.code)).toEqual(['missing_email']);
  });
});

describe('readAuth0Users on broken exports', () => {
  it('reports each bad record with its line and field and keeps reading', async () => {
    const path = `${FIXTURES}/users-broken.ndjson`;
    const { users, problems } = await readAll(path);
    expect(users.map((u) => [u.location.line, u.sourceId])).toEqual([
      [1, 'auth0|aaaaaaaaaaaaaaaaaaaaaa01'],
      [9, 'auth0|aaaaaaaaaaaaaaaaaaaaaa09'],
    ]);
    expect(problems.map((p) => ({ line: p.location.line, code: p.code, field: p.field }))).toEqual([
      { line: 2, code: 'invalid_json', field: undefined },
      { line: 3, code: 'invalid_email', field: 'email' },
      { line: 4, code: 'invalid_field_type', field: 'email_verified' },
      { line: 5, code: 'missing_user_id', field: 'user_id' },
      { line: 7, code: 'invalid_field_type', field: 'identities[0].isSocial' },
      { line: 8, code: 'invalid_record', field: undefined },
    ]);
    expect(problems.every((p) => p.entity === 'user' && p.severity === 'error' && p.location.file === path)).toBe(true);
    expect(problems[2]!.message).toBe('The field email_verified must be true or false, not a string.');
    expect(problems[2]!.sourceId).toBe('auth0|aaaaaaaaaaaaaaaaaaaaaa04');
    expectNoSecrets(problems, path);
  });

  it('yields a blocked user as a user, with its factors mapped', async () => {
    const { users } = await readAll(`${FIXTURES}/users-broken.ndjson`);
    expect(users[1]).toMatchObject({ blocked: true, mfaFactors: ['push', 'webauthn', 'other'] });
  });

  it('reads the import/export extension format with capitalised keys', async () => {
    const path = `${FIXTURES}/legacy-extension.json`;
    const { users, problems } = await readAll(path, `${FIXTURES}/legacy-passwords.ndjson`);
    expect(users).toEqual([
      expect.objectContaining({
        sourceId: 'auth0|legacy0000000000000001',
        email: 'legacy.one@example.com',
        emailVerified: true,
        firstName: 'Lena',
        lastName: 'Marsh',
        passwordGap: 'none',
        location: { file: path, line: 2 },
      }),
      expect.objectContaining({
        sourceId: 'google-oauth2|2002',
        emailVerified: false,
        firstName: 'Tom',
        lastName: 'Varga',
        socialProviders: ['google-oauth2'],
        passwordGap: 'missing',
      }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'invalid_field_type',
        field: 'Email Verified',
        sourceId: 'auth0|legacy0000000000000003',
        message: 'The field Email Verified must be true or false, not a string.',
      }),
    ]);
  });
});

describe('readAuth0Users: the password join', () => {
  const usersPath = `${FIXTURES}/join-users.ndjson`;
  const passwordsPath = `${FIXTURES}/join-passwords.ndjson`;

  it('joins by oid, alt_id, _ID, a plain _id, and email + connection', async () => {
    const { byId } = await readAll(usersPath, passwordsPath);
    const verifies = (id: string, password: string) => bcrypt.compareSync(password, byId.get(id)!.password!.hash);
    expect(verifies('auth0|aaaaaaaaaaaaaaaaaaaaaa11', 'pw-oid')).toBe(true);
    expect(verifies('auth0|custom-77', 'pw-altid')).toBe(true);
    expect(verifies('auth0|aaaaaaaaaaaaaaaaaaaaaa13', 'pw-email')).toBe(true);
    expect(verifies('auth0|aaaaaaaaaaaaaaaaaaaaaa16', 'pw-upper')).toBe(true);
    expect(verifies('auth0|aaaaaaaaaaaaaaaaaaaaaa17', 'pw-string')).toBe(true);
  });

  it('keeps the newest of two rows for one user and warns about the other', async () => {
    const { byId, problems } = await readAll(usersPath, passwordsPath);
    expect(bcrypt.compareSync('pw-new', byId.get('auth0|aaaaaaaaaaaaaaaaaaaaaa15')!.password!.hash)).toBe(true);
    expect(problems.find((p) => p.code === 'password_duplicate')).toMatchObject({
      entity: 'password',
      location: { line: 5 },
      severity: 'warning',
    });
  });

  it('reports a malformed hash with its line and imports the user without it', async () => {
    const { byId, problems } = await readAll(usersPath, passwordsPath);
    expect(problems.find((p) => p.code === 'invalid_password_hash')).toEqual({
      entity: 'password',
      sourceId: 'auth0|aaaaaaaaaaaaaaaaaaaaaa14',
      location: { file: passwordsPath, line: 4 },
      field: 'passwordHash',
      code: 'invalid_password_hash',
      message: expect.stringMatching(/^The bcrypt password hash is malformed/),
      severity: 'error',
    });
    expect(byId.get('auth0|aaaaaaaaaaaaaaaaaaaaaa14')?.passwordGap).toBe('unsupported');
    expect(byId.get('auth0|aaaaaaaaaaaaaaaaaaaaaa14')?.password).toBeUndefined();
  });

  it('gives a social user with the same email no password, and reports rows that join nobody', async () => {
    const { byId, problems, items } = await readAll(usersPath, passwordsPath);
    expect(byId.get('google-oauth2|1001')?.passwordGap).toBe('missing');
    expect(byId.get('google-oauth2|1001')?.password).toBeUndefined();
    expect(byId.get('auth0|aaaaaaaaaaaaaaaaaaaaaa19')).toMatchObject({ passwordGap: 'missing' });
    expect(problems.filter((p) => p.code === 'password_unmatched').map((p) => [p.location.line, p.severity])).toEqual([
      [10, 'warning'],
      [11, 'warning'],
    ]);
    expect(problems.find((p) => p.code === 'invalid_json')).toMatchObject({
      entity: 'password',
      location: { line: 9 },
    });
    // Unmatched rows come last, after every user.
    expect(items.at(-1)).toMatchObject({ kind: 'problem', problem: { code: 'password_unmatched' } });
    expectNoSecrets(problems, usersPath, passwordsPath);
  });
});

describe('readAuth0Users: the password join and unverified accounts', () => {
  it('never joins by email a row that says email_verified false to a verified user; its own account joins it by id', async () => {
    const dir = tempDirForFile('auth0-unverified-row-');
    try {
      // An export without identities or connections: an auth0| user may join a row by email alone.
      const usersPath = join(dir, 'users.ndjson');
      const passwordsPath = join(dir, 'passwords.ndjson');
      const users = [
        { user_id: 'auth0|owner-without-row', email: 'vera@corp.example', email_verified: true },
        { user_id: 'auth0|bbbbbbbbbbbbbbbbbbbbbb01', email: 'VERA@corp.example', email_verified: false },
      ];
      const row = {
        _id: { $oid: 'bbbbbbbbbbbbbbbbbbbbbb01' },
        email: 'Vera@corp.example',
        email_verified: false,
        passwordHash: bcrypt.hashSync('squatter', 4),
      };
      writeFileSync(usersPath, users.map((u) => JSON.stringify(u)).join('\n') + '\n');
      writeFileSync(passwordsPath, JSON.stringify(row) + '\n');
      const { byId, problems } = await readAll(usersPath, passwordsPath);
      expect(byId.get('auth0|owner-without-row')).toMatchObject({ passwordGap: 'missing' });
      expect(byId.get('auth0|owner-without-row')!.password).toBeUndefined();
      expect(bcrypt.compareSync('squatter', byId.get('auth0|bbbbbbbbbbbbbbbbbbbbbb01')!.password!.hash)).toBe(true);
      expect(problems).toEqual([
        expect.objectContaining({
          entity: 'password',
          sourceId: 'auth0|owner-without-row',
          location: { file: passwordsPath, line: 1 },
          code: 'password_row_unverified',
          severity: 'warning',
        }),
      ]);
      expectNoSecrets(problems, usersPath, passwordsPath);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readAuth0Users with a metadata map', () => {
  it('puts the mapped app_metadata and user_metadata fields in WorkOS metadata, and nothing else', async () => {
    const dir = tempDirForFile('auth0-md-');
    const usersPath = join(dir, 'users.ndjson');
    writeFileSync(
      usersPath,
      [
        JSON.stringify({
          user_id: 'auth0|1',
          email: 'a@example.com',
          app_metadata: { plan: 'pro', seats: 5 },
          user_metadata: { theme: 'dark', secret_note: 'x' },
        }),
        JSON.stringify({ user_id: 'auth0|2', email: 'b@example.com', app_metadata: { plan: 'x'.repeat(601) } }),
      ].join('\n'),
    );
    const items: SourceItem[] = [];
    for await (const item of readAuth0Users({
      usersPath,
      metadataMap: { plan: 'app_metadata.plan', seats: 'app_metadata.seats', theme: 'user_metadata.theme' },
    }))
      items.push(item);
    const user = items.find((i) => i.kind === 'user');
    expect(user?.kind === 'user' && user.record.metadata).toEqual({ plan: 'pro', seats: '5', theme: 'dark' });
    const problem = items.find((i) => i.kind === 'problem');
    expect(problem?.kind === 'problem' && problem.problem).toMatchObject({
      sourceId: 'auth0|2',
      location: { line: 2 },
      field: 'metadata.plan',
    });
  });
});

describe('readAuth0Users given another file as the user export', () => {
  it("stops at the first record, naming the flag Auth0's password file goes to", async () => {
    await expect(readAll(EXAMPLE_PASSWORDS)).rejects.toThrow(
      `${EXAMPLE_PASSWORDS}: this is Auth0's password-hash export, not its user export; give it as --passwords FILE`,
    );
  });
});
