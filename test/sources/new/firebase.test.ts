import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING_CONFIG, parseMappingConfig } from '../../../src/config/mapping-config.js';
import { verifyPassword } from '../../../src/emulator/password-verify.js';
import { parseFirebaseHashConfig } from '../../../src/model/firebase-hash-config.js';
import { UsageError } from '../../../src/model/types.js';
import { readFirebaseUsers } from '../../../src/sources/firebase/users.js';
import { brief, file, readAll } from './read.js';

const USERS = 'examples/firebase/users.json';
const HASH_CONFIG = 'examples/firebase/hash-config.json';
const read = (usersPath: string, hashConfigPath: string | null = HASH_CONFIG, config = DEFAULT_MAPPING_CONFIG) =>
  readAll(readFirebaseUsers({ usersPath, ...(hashConfigPath ? { hashConfigPath } : {}), config }));

describe('readFirebaseUsers', () => {
  it('maps the example: firebase-scrypt PHC hashes, names, providers, MFA and the disabled user', async () => {
    const { users, problems, byId } = await read(USERS);
    expect(users).toHaveLength(8);
    const ada = byId.get('fbAdaLovelace000000000000001')!;
    expect(ada).toMatchObject({
      email: 'ada.lovelace@example.com',
      emailVerified: true,
      firstName: 'Ada',
      lastName: 'Lovelace',
      passwordGap: 'none',
      location: { line: 2 },
    });
    expect(ada.password?.type).toBe('firebase-scrypt');
    expect(ada.password?.hash).toMatch(/^\$firebase-scrypt\$sk=[^=$]+,ss=Bw,r=8,m=14\$[^=$]+\$[^=$]+$/);
    expect(await verifyPassword('Firebase-Pass-1!', ada.password!)).toBe(true);
    expect(byId.get('fbCarmenRuiz0000000000000003')).toMatchObject({
      firstName: 'Carmen',
      mfaFactors: ['sms'],
      emailVerified: false,
    });
    expect(byId.get('fbCarmenRuiz0000000000000003')?.lastName).toBeUndefined();
    expect(byId.get('fbDevPatel00000000000000004')).toMatchObject({
      passwordGap: 'missing',
      socialProviders: ['google'],
    });
    expect(byId.get('fbElifYilmaz0000000000000005')).toMatchObject({ blocked: true });
    expect(byId.get('fbGraceHopper00000000000007')).toMatchObject({
      socialProviders: ['github'],
      passwordGap: 'none',
      lastName: 'Brewster Hopper',
    });
    expect(byId.get('fbJunTakeda00000000000000010')).toMatchObject({ socialProviders: ['sso'] });
    expect(problems.map(brief)).toEqual([
      '7 email missing_email error',
      '10 email invalid_email error',
      '11 providerUserInfo sso_user warning',
    ]);
    expect(problems[0]!.message).toMatch(/phone number only/);
  });

  it('stops with where to find the parameters when the export has hashes and none are given', async () => {
    await expect(read(USERS, null)).rejects.toThrow(UsageError);
    await expect(read(USERS, null)).rejects.toThrow(/users\.json:2: .*--hash-config/);
  });

  it('takes the parameters from the mapping config, and refuses them given twice', async () => {
    const project = JSON.parse(readFileSync(HASH_CONFIG, 'utf8')) as Record<string, unknown>;
    const config = parseMappingConfig(JSON.stringify({ hashConfig: project }), 'mapping.json');
    const { byId } = await read(USERS, null, config);
    expect(await verifyPassword('Firebase-Pass-7!', byId.get('fbGraceHopper00000000000007')!.password!)).toBe(true);
    await expect(read(USERS, HASH_CONFIG, config)).rejects.toThrow(/given twice/);
  });

  it('reads NDJSON and a bare array too, and reports wrong types by field', async () => {
    const ndjson = file(
      'users.ndjson',
      [
        '{"localId":"a1","email":"a@example.com","emailVerified":"true"}',
        '{"localId":"a2","email":"b@example.com","disabled":"sometimes"}',
        '{"localId":"a3","email":"c@example.com","providerUserInfo":"google"}',
      ].join('\n'),
    );
    const { users, problems } = await read(ndjson, null);
    expect(users.map((u) => [u.sourceId, u.emailVerified])).toEqual([['a1', true]]);
    expect(problems.map(brief)).toEqual([
      '2 disabled invalid_field_type error',
      '3 providerUserInfo invalid_field_type error',
    ]);
    const array = file('users-array.json', '[\n{"localId":"b1","email":"d@example.com","displayName":"  Solo  "}\n]');
    expect((await read(array, null)).users[0]).toMatchObject({
      sourceId: 'b1',
      firstName: 'Solo',
      location: { line: 2 },
    });
  });

  it('reports a hash without its salt as an invalid password and imports the user without one', async () => {
    const path = file(
      'no-salt.json',
      '{"users":[\n{"localId":"c1","email":"e@example.com","passwordHash":"aGFzaA=="}\n]}',
    );
    const { users, problems } = await read(path);
    expect(users[0]).toMatchObject({ passwordGap: 'unsupported' });
    expect(problems.map(brief)).toEqual(['2 passwordHash invalid_password_hash error']);
  });
});

describe('parseFirebaseHashConfig', () => {
  it('reports a CSV row too short to be a user at its line and reads on', async () => {
    const row = (uid: string, email: string) => [uid, email, 'true', ...Array(20).fill('')].join(',');
    const path = file(
      'short-row.csv',
      `${row('fb1', 'a@example.com')}\nfb2,b@example.com\n${row('fb3', 'c@example.com')}\n`,
    );
    const { users, problems } = await read(path, null);
    expect(users.map((u) => u.sourceId)).toEqual(['fb1', 'fb3']);
    expect(problems.map((p) => [p.location.line, p.code, p.severity])).toEqual([[2, 'invalid_csv_row', 'error']]);
  });

  it("reads JSON and the console's hash_config block", () => {
    const block =
      'hash_config {\n  algorithm: SCRYPT,\n  base64_signer_key: a2V5a2V5a2V5,\n  base64_salt_separator: Bw==,\n  rounds: 8,\n  mem_cost: 14,\n}';
    expect(parseFirebaseHashConfig(block)).toEqual({
      algorithm: 'SCRYPT',
      base64_signer_key: 'a2V5a2V5a2V5',
      base64_salt_separator: 'Bw==',
      rounds: 8,
      mem_cost: 14,
    });
    expect(parseFirebaseHashConfig(readFileSync(HASH_CONFIG, 'utf8'))).toMatchObject({ rounds: 8, mem_cost: 14 });
  });

  it('says what is wrong without quoting the key', () => {
    expect(parseFirebaseHashConfig('{"base64_signer_key":"a2V5","base64_salt_separator":"Bw==","rounds":8}')).toMatch(
      /mem_cost/,
    );
    expect(
      parseFirebaseHashConfig(
        '{"base64_signer_key":"not base64!","base64_salt_separator":"Bw==","rounds":8,"mem_cost":14}',
      ),
    ).toMatch(/base64_signer_key must be base64/);
    expect(
      parseFirebaseHashConfig('{"signer_key":"a2V5","base64_salt_separator":"Bw==","rounds":8,"mem_cost":14}'),
    ).toMatch(/signer_key is not a hash parameter|base64_signer_key/);
    expect(parseFirebaseHashConfig('nonsense')).toMatch(/neither JSON nor/);
  });
});
