import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, type MappingConfig } from '../../../src/config/mapping-config.js';
import { verifyPassword } from '../../../src/emulator/password-verify.js';
import {
  UsageError,
  type RecordProblem,
  type SourceItem,
  type TotpFactorRecord,
  type UserRecord,
} from '../../../src/model/types.js';
import { readClerkUsers } from '../../../src/sources/clerk/users.js';
import { tempDirForFile } from '../../support/temp-dir.js';

const EXAMPLE = 'examples/clerk/users.csv';
const BROKEN = 'test/fixtures/clerk/broken.csv';
const dir = tempDirForFile('clerk-users-');

interface Read {
  /** Every item but the TOTP factors. */
  items: SourceItem[];
  factors: TotpFactorRecord[];
  users: UserRecord[];
  problems: RecordProblem[];
  byId: Map<string, UserRecord>;
}

async function readAll(usersPath: string, config: MappingConfig = DEFAULT_MAPPING_CONFIG): Promise<Read> {
  const all: SourceItem[] = [];
  for await (const item of readClerkUsers({ usersPath, config })) all.push(item);
  // A TOTP secret that moves lives in its factor item and nowhere else.
  const items = all.filter((i) => i.kind !== 'factor');
  const factors = all.flatMap((i) => (i.kind === 'factor' ? [i.record] : []));
  const users = items.flatMap((i) => (i.kind === 'user' ? [i.record] : []));
  const problems = items.flatMap((i) => (i.kind === 'problem' ? [i.problem] : []));
  return { items, factors, users, problems, byId: new Map(users.map((u) => [u.sourceId, u])) };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const brief = (p: RecordProblem) => [p.location.line, p.location.column, p.field, p.code, p.severity];

describe('readClerkUsers on the example dashboard CSV', () => {
  it('reads 19 users and reports the one without any email at its line and column', async () => {
    const { users, problems } = await readAll(EXAMPLE);
    expect(users).toHaveLength(19);
    expect(problems.map(brief)).toEqual([
      [4, undefined, 'email_addresses', 'secondary_emails', 'warning'],
      [7, 13, 'password_hasher', 'unsupported_password_hasher', 'warning'],
      [8, 5, 'primary_email_address', 'missing_email', 'error'],
    ]);
    expect(problems[2]!.sourceId).toBe('user_2lGustavoLima0000000007');
  });

  it('gives every user the line of its row, past the byte order mark and CRLF line ends', async () => {
    const { users } = await readAll(EXAMPLE);
    const lines = users.map((u) => u.location.line);
    expect(lines).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(users[0]!.sourceId).toBe('user_2lAmaraOkonkwo0000000001');
    expect(users.every((u) => u.location.file === EXAMPLE)).toBe(true);
  });

  it('reads quoted cells holding commas and quotes as the names they are', async () => {
    const { byId } = await readAll(EXAMPLE);
    expect(byId.get('user_2lHanaSato00000000000008')).toMatchObject({
      firstName: 'Hana "Hanny"',
      lastName: 'Sato, Jr.',
    });
  });

  it('takes the primary address, else the first verified, else the first unverified, and verified only when it is in the verified list', async () => {
    const { byId } = await readAll(EXAMPLE);
    expect(byId.get('user_2lChenWei00000000000003')).toMatchObject({
      email: 'chen.wei@example.com',
      emailVerified: true,
    });
    expect(byId.get('user_2lIngridNilsson000000009')).toMatchObject({
      email: 'ingrid.nilsson@example.org',
      emailVerified: true,
    });
    expect(byId.get('user_2lJamalCarter0000000010')).toMatchObject({
      email: 'jamal.carter@example.com',
      emailVerified: false,
    });
    expect(byId.get('user_2lQuinnMurphy0000000017')).toMatchObject({
      email: 'Quinn.Murphy@Example.com',
      emailVerified: true,
    });
  });

  it('counts secondary addresses in a warning that holds none of them, and puts none in metadata', async () => {
    const { byId, problems } = await readAll(EXAMPLE);
    const warning = problems.find((p) => p.code === 'secondary_emails')!;
    expect(warning.message).toMatch(/2 other email addresses/);
    expect(JSON.stringify(problems)).not.toMatch(/@example\./);
    expect(byId.get('user_2lChenWei00000000000003')!.metadata).toEqual({});
  });

  it('imports bcrypt, argon2id and pbkdf2 hashes that verify the documented passwords', async () => {
    const { byId, users } = await readAll(EXAMPLE);
    const amara = byId.get('user_2lAmaraOkonkwo0000000001')!;
    expect(amara.password?.type).toBe('bcrypt');
    expect(await verifyPassword('Clerk-Pass-1!', amara.password!)).toBe(true);
    const dalia = byId.get('user_2lDaliaHaddad00000000004')!;
    expect(dalia.password?.type).toBe('argon2');
    expect(await verifyPassword('Clerk-Argon-4!', dalia.password!)).toBe(true);
    const emeka = byId.get('user_2lEmekaObi0000000000005')!;
    expect(emeka.password?.type).toBe('pbkdf2');
    expect(emeka.password!.hash).toMatch(/^\$pbkdf2-sha256\$i=100000,l=32\$/);
    expect(await verifyPassword('Clerk-Pbkdf2-5!', emeka.password!)).toBe(true);
    expect(await verifyPassword('Clerk-Pass-20!', byId.get('user_2lTomaszNowak00000000020')!.password!)).toBe(true);

    const gaps: Record<string, number> = {};
    for (const u of users) gaps[u.passwordGap] = (gaps[u.passwordGap] ?? 0) + 1;
    expect(gaps).toEqual({ none: 17, unsupported: 1, missing: 1 });
    expect(byId.get('user_2lFionaGallagher00000006')).toMatchObject({ passwordGap: 'unsupported' });
    expect(byId.get('user_2lFionaGallagher00000006')!.password).toBeUndefined();
  });

  it('moves a valid TOTP secret as a factor of its own and keeps it out of everything else', async () => {
    const { byId, items, factors } = await readAll(EXAMPLE);
    expect(byId.get('user_2lBrunoCastillo000000002')!.mfaFactors).toEqual([]);
    expect(factors).toEqual([
      {
        userSourceId: 'user_2lBrunoCastillo000000002',
        secret: 'FAKEFAKEFAKEFAKEEXAMPLEONLYAAAAA',
        location: { file: EXAMPLE, line: 3, column: 11 },
        field: 'totp_secret',
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('FAKEFAKEFAKEFAKEEXAMPLEONLYAAAAA');
    expect(JSON.stringify(items)).not.toContain('totp_secret');
  });

  it('counts a phone number as no MFA factor', async () => {
    const { byId, users } = await readAll(EXAMPLE);
    expect(byId.get('user_2lKeikoTanaka0000000011')!.mfaFactors).toEqual([]);
    // Bruno's TOTP factor moves with its secret: nobody re-enrolls.
    expect(users.filter((u) => u.mfaFactors.length > 0).map((u) => u.sourceId)).toEqual([]);
  });

  it('copies mapped fields into metadata, and only those', async () => {
    const config: MappingConfig = {
      ...DEFAULT_MAPPING_CONFIG,
      metadata: { users: { clerk_username: 'username', phone: 'primary_phone_number' }, organizations: {} },
    };
    const { byId } = await readAll(EXAMPLE, config);
    expect(byId.get('user_2lAmaraOkonkwo0000000001')!.metadata).toEqual({ clerk_username: 'amara' });
    expect(byId.get('user_2lKeikoTanaka0000000011')!.metadata).toEqual({ phone: '+15555550111' });
    expect(byId.get('user_2lLucaRomano00000000012')!.metadata).toEqual({});
  });

  it('reads the export gzipped the same', async () => {
    const gz = await readAll(file('users.csv.gz', gzipSync(readFileSync(EXAMPLE))));
    const plain = await readAll(EXAMPLE);
    expect(gz.users.map((u) => [u.sourceId, u.location.line])).toEqual(
      plain.users.map((u) => [u.sourceId, u.location.line]),
    );
  });
});

describe('readClerkUsers on a broken CSV', () => {
  it('reports every invalid row with its line and column, and yields the rest', async () => {
    const { users, problems } = await readAll(BROKEN);
    expect(users.map((u) => [u.sourceId, u.location.line, u.passwordGap])).toEqual([
      ['user_ok_1', 2, 'none'],
      ['user_multiline_6', 7, 'none'],
      ['user_bad_bcrypt_8', 9, 'unsupported'],
      ['user_bad_pbkdf2_9', 10, 'unsupported'],
      ['user_ok_11', 12, 'missing'],
      // The row after an unclosed quote is read again from its own line, not lost.
      ['user_swallowed_13', 14, 'missing'],
    ]);
    expect(problems.map((p) => [p.entity, ...brief(p)])).toEqual([
      ['user', 3, 13, undefined, 'invalid_csv_row', 'error'],
      ['user', 4, 14, undefined, 'invalid_csv_row', 'error'],
      ['user', 5, 1, 'id', 'missing_user_id', 'error'],
      ['user', 6, 5, 'primary_email_address', 'invalid_email', 'error'],
      ['password', 9, 12, 'password_digest', 'invalid_password_hash', 'error'],
      ['password', 10, 12, 'password_digest', 'invalid_password_hash', 'error'],
      ['user', 13, undefined, undefined, 'invalid_csv_row', 'error'],
    ]);
  });

  it('keeps the rows intact around a quoted cell that spans two lines', async () => {
    const { byId } = await readAll(BROKEN);
    expect(byId.get('user_multiline_6')).toMatchObject({
      firstName: 'Fay, the "first"',
      lastName: 'Line one\nline two',
      email: 'fay@example.com',
    });
    expect(await verifyPassword('Fixture-6!', byId.get('user_multiline_6')!.password!)).toBe(true);
  });

  it('says what is wrong without quoting emails, hashes or secrets', async () => {
    const { problems, items } = await readAll(BROKEN);
    const text = JSON.stringify(problems);
    expect(text).not.toMatch(/@example\.com|not-an-email|tooshort|c2FsdA/);
    expect(JSON.stringify(items)).not.toContain('FIXTURETOTPSECRETNOTREAL');
    expect(problems[0]!.message).toMatch(/12 cells but the header has 13/);
    expect(problems.find((p) => p.code === 'invalid_password_hash' && p.location.line === 10)!.message).toMatch(
      /whole number of iterations/,
    );
  });

  it('refuses a CSV that is not a Clerk user export', async () => {
    const path = file('other.csv', 'name,mail\nAda,ada@example.com\n');
    await expect(readAll(path)).rejects.toBeInstanceOf(UsageError);
    await expect(readAll(path)).rejects.toThrow(/not a Clerk user export/);
  });
});

describe('readClerkUsers on the older JSON export', () => {
  const users = [
    {
      id: 'user_json_1',
      first_name: 'Lena',
      last_name: 'Voss',
      username: 'lvoss',
      email_addresses: 'lena.voss@example.com|lena@example.org',
      phone_numbers: '+15555550131',
      totp_secret: 'JSONFAKESECRETNOTREALAAAAAAAAAAA',
      password_digest: '$2a$04$P4nSByTvpe3MuAzhUgZHhuf3EJBydtTf2cILNYDr0qzy4cJOfBkGa',
      password_hasher: 'bcrypt',
      public_metadata: { plan: 'pro', seats: 5 },
      private_metadata: { stripe: 'cus_123' },
      unsafe_metadata: {},
      external_accounts: [{ provider: 'oauth_google' }, { provider: 'oauth_github' }],
    },
    { id: 'user_json_2', first_name: 'Ola', email_addresses: '', password_digest: '', password_hasher: '' },
    { id: 'user_json_3', first_name: 7, email_addresses: 'ola@example.com' },
    {
      id: 'user_json_4',
      primary_email_address_id: 'idn_b',
      email_addresses: [
        { id: 'idn_a', email_address: 'old@example.com', verification: { status: 'unverified' } },
        { id: 'idn_b', email_address: 'main@example.com', verification: { status: 'verified' } },
      ],
      phone_numbers: [{ phone_number: '+15555550199', reserved_for_second_factor: true }],
      banned: true,
    },
  ];

  it('reads the array with lines, maps the first listed address, providers and MFA, and drops the TOTP secret', async () => {
    const path = file('users.json', `[\n${users.map((u) => JSON.stringify(u)).join(',\n')}\n]\n`);
    const config: MappingConfig = {
      ...DEFAULT_MAPPING_CONFIG,
      metadata: { users: { plan: 'public_metadata.plan', seats: 'public_metadata.seats' }, organizations: {} },
    };
    const { byId, problems, items } = await readAll(path, config);
    expect(byId.get('user_json_1')).toMatchObject({
      email: 'lena.voss@example.com',
      // The older export does not say which addresses are verified.
      emailVerified: false,
      firstName: 'Lena',
      lastName: 'Voss',
      passwordGap: 'none',
      metadata: { plan: 'pro', seats: '5' },
      // The TOTP secret moves (a factor item); nothing to re-enroll.
      mfaFactors: [],
      socialProviders: ['google', 'github'],
      blocked: false,
      location: { file: path, line: 2 },
    });
    expect(byId.get('user_json_4')).toMatchObject({
      email: 'main@example.com',
      emailVerified: true,
      mfaFactors: ['sms'],
      blocked: true,
      passwordGap: 'missing',
    });
    expect(problems.map((p) => [p.sourceId, p.location.line, p.field, p.code])).toEqual([
      ['user_json_1', 2, 'email_addresses', 'secondary_emails'],
      ['user_json_2', 3, 'email_addresses', 'missing_email'],
      ['user_json_3', 4, 'first_name', 'invalid_field_type'],
      ['user_json_4', 5, 'email_addresses', 'secondary_emails'],
    ]);
    expect(problems[2]!.message).toBe('The field first_name must be a string, not a number.');
    expect(JSON.stringify(items)).not.toContain('JSONFAKESECRETNOTREAL');
    expect(JSON.stringify(items)).not.toContain('cus_123');
  });

  it('reports an element that is not valid JSON at its line and reads on', async () => {
    const path = file(
      'broken.json',
      `[\n${JSON.stringify(users[0])},\n{"id": "user_x", "email_addresses": },\n${JSON.stringify({ id: 'user_y', email_addresses: 'y@example.com' })}\n]\n`,
    );
    const { users: read, problems } = await readAll(path);
    expect(read.map((u) => u.sourceId)).toEqual(['user_json_1', 'user_y']);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.location.line, p.code])).toEqual([
      [3, 'invalid_json'],
    ]);
  });
});
