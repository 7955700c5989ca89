// Writes the sample exports of examples/firebase, examples/cognito, examples/supabase and
// examples/csv: small, fictional, and shaped exactly as each system's own export tool writes
// them. Deterministic: every salt and key comes from a hash of a fixed label, so a rerun gives
// the same files byte for byte. Hashes are made with other code than the stand-in's verifiers
// (bcryptjs, hash-wasm, and Firebase's algorithm written out here from its description), so a
// mistake in one cannot cancel out in the other.
//
//   npx tsx scripts/generate-examples.ts
//
// The story tests assert exact results against these files: change them together.

import { createCipheriv, createHash, scryptSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { argon2id, createSHA256, pbkdf2, scrypt } from 'hash-wasm';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

/** Fixed bytes for a label: the generator's only source of "randomness". */
function bytes(label: string, length: number): Buffer {
  let out = Buffer.alloc(0);
  for (let i = 0; out.length < length; i++)
    out = Buffer.concat([out, createHash('sha256').update(`${label}#${i}`).digest()]);
  return out.subarray(0, length);
}

const b64 = (data: Uint8Array) => Buffer.from(data).toString('base64');
const unpadded = (data: Uint8Array) => b64(data).replace(/=+$/, '');

function bcryptHash(password: string, label: string): string {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const salt = [...bytes(`bcrypt ${label}`, 22)].map((b) => alphabet[b % 64]).join('');
  return bcrypt.hashSync(password, `$2a$10$${salt}`);
}

// ---------------------------------------------------------------------------------------------
// Firebase: a project's hash parameters, and users as `firebase auth:export --format=json` writes
// them. Firebase's modified scrypt (github.com/firebase/scrypt): scrypt(password, salt ‖
// separator, N = 2^mem_cost, r = rounds, p = 1, 64 bytes); the first 32 bytes are an AES-256-CTR
// key (zero IV) that encrypts the signer key; the ciphertext is the user's passwordHash.

export const FIREBASE_PROJECT = {
  algorithm: 'SCRYPT',
  base64_signer_key: b64(bytes('firebase signer key', 64)),
  base64_salt_separator: 'Bw==',
  rounds: 8,
  mem_cost: 14,
};

function firebaseHash(password: string, salt: Buffer): string {
  const separator = Buffer.from(FIREBASE_PROJECT.base64_salt_separator, 'base64');
  const key = scryptSync(password, Buffer.concat([salt, separator]), 64, {
    N: 2 ** FIREBASE_PROJECT.mem_cost,
    r: FIREBASE_PROJECT.rounds,
    p: 1,
    maxmem: 64 * 1024 * 1024,
  });
  const cipher = createCipheriv('aes-256-ctr', key.subarray(0, 32), Buffer.alloc(16));
  return b64(Buffer.concat([cipher.update(Buffer.from(FIREBASE_PROJECT.base64_signer_key, 'base64')), cipher.final()]));
}

function firebaseUser(user: Record<string, unknown> & { localId: string }, password?: string): Record<string, unknown> {
  const out: Record<string, unknown> = { localId: user.localId };
  if (password) {
    const salt = bytes(`firebase salt ${user.localId}`, 16);
    Object.assign(out, { passwordHash: firebaseHash(password, salt), salt: b64(salt) });
  }
  return { ...out, ...user, createdAt: '1704067200000', lastSignedInAt: '1717200000000' };
}

function writeFirebase(): void {
  const pw = (email: string, displayName?: string) => ({
    providerId: 'password',
    rawId: email,
    email,
    ...(displayName ? { displayName } : {}),
  });
  const users = [
    firebaseUser(
      {
        localId: 'fbAdaLovelace000000000000001',
        email: 'ada.lovelace@example.com',
        emailVerified: true,
        displayName: 'Ada Lovelace',
        providerUserInfo: [pw('ada.lovelace@example.com', 'Ada Lovelace')],
        customAttributes: '{"plan":"pro"}',
      },
      'Firebase-Pass-1!',
    ),
    firebaseUser(
      {
        localId: 'fbBaoNguyen00000000000000002',
        email: 'bao.nguyen@example.com',
        emailVerified: true,
        displayName: 'Bao Nguyen Thi',
        providerUserInfo: [pw('bao.nguyen@example.com')],
      },
      'Firebase-Pass-2!',
    ),
    firebaseUser(
      {
        localId: 'fbCarmenRuiz0000000000000003',
        email: 'carmen.ruiz@example.org',
        emailVerified: false,
        displayName: 'Carmen',
        providerUserInfo: [pw('carmen.ruiz@example.org')],
        mfaInfo: [
          {
            mfaEnrollmentId: 'enroll-carmen-1',
            displayName: 'phone',
            phoneInfo: '+15555550103',
            enrolledAt: '2024-03-01T10:00:00Z',
          },
        ],
      },
      'Firebase-Pass-3!',
    ),
    firebaseUser({
      localId: 'fbDevPatel00000000000000004',
      email: 'dev.patel@example.com',
      emailVerified: true,
      displayName: 'Dev Patel',
      providerUserInfo: [
        {
          providerId: 'google.com',
          rawId: '104000000000000000004',
          email: 'dev.patel@example.com',
          displayName: 'Dev Patel',
        },
      ],
    }),
    firebaseUser(
      {
        localId: 'fbElifYilmaz0000000000000005',
        email: 'elif.yilmaz@example.com',
        emailVerified: true,
        displayName: 'Elif Yilmaz',
        disabled: true,
        providerUserInfo: [pw('elif.yilmaz@example.com')],
      },
      'Firebase-Pass-5!',
    ),
    firebaseUser({
      localId: 'fbFaridHaddad000000000000006',
      phoneNumber: '+15555550106',
      providerUserInfo: [{ providerId: 'phone', rawId: '+15555550106', phoneNumber: '+15555550106' }],
    }),
    firebaseUser(
      {
        localId: 'fbGraceHopper00000000000007',
        email: 'grace.hopper@example.com',
        emailVerified: true,
        displayName: 'Grace Brewster Hopper',
        providerUserInfo: [
          pw('grace.hopper@example.com'),
          { providerId: 'github.com', rawId: '7000007', email: 'grace.hopper@example.com' },
        ],
      },
      'Firebase-Pass-7!',
    ),
    firebaseUser({
      localId: 'fbHugoLambert0000000000008',
      email: 'hugo.lambert@example.fr',
      emailVerified: true,
      displayName: 'Hugo Lambert',
      providerUserInfo: [],
    }),
    firebaseUser({
      localId: 'fbIrisBroken00000000000009',
      email: 'iris.broken@',
      emailVerified: false,
      displayName: 'Iris',
      providerUserInfo: [],
    }),
    firebaseUser({
      localId: 'fbJunTakeda00000000000000010',
      email: 'jun.takeda@acme-corp.example',
      emailVerified: true,
      displayName: 'Jun Takeda',
      providerUserInfo: [{ providerId: 'saml.acme-okta', rawId: 'jun.takeda', email: 'jun.takeda@acme-corp.example' }],
    }),
  ];
  // The Firebase CLI writes one user per line inside {"users": [ … ]}.
  const lines = users.map((u, i) => JSON.stringify(u) + (i < users.length - 1 ? ',' : ''));
  writeFileSync(join(EXAMPLES, 'firebase', 'users.json'), `{"users": [\n${lines.join('\n')}\n]}\n`);
  writeFileSync(join(EXAMPLES, 'firebase', 'hash-config.json'), JSON.stringify(FIREBASE_PROJECT, null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------
// Cognito: `aws cognito-idp list-users --user-pool-id … > users.json`. The AWS CLI follows the
// pagination itself and prints one object, indented four spaces. No password hashes exist.

function cognitoUser(
  sub: string,
  attributes: Record<string, string>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Username: extra.Username ?? sub,
    Attributes: [{ Name: 'sub', Value: sub }, ...Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }))],
    UserCreateDate: '2024-02-01T09:30:00.000000+00:00',
    UserLastModifiedDate: '2024-06-01T12:00:00.000000+00:00',
    Enabled: true,
    UserStatus: 'CONFIRMED',
    ...extra,
  };
}

function writeCognito(): void {
  const users = [
    cognitoUser('0b1e4c2a-0001-4a6f-9c55-7d1e2f300001', {
      email: 'kofi.mensah@example.com',
      email_verified: 'true',
      given_name: 'Kofi',
      family_name: 'Mensah',
      'custom:plan': 'team',
    }),
    cognitoUser('0b1e4c2a-0002-4a6f-9c55-7d1e2f300002', {
      email: 'lena.fischer@example.de',
      email_verified: 'true',
      given_name: 'Lena',
      family_name: 'Fischer',
    }),
    cognitoUser(
      '0b1e4c2a-0003-4a6f-9c55-7d1e2f300003',
      { email: 'mateo.silva@example.com', email_verified: 'false', name: 'Mateo Silva Ruiz' },
      { UserStatus: 'UNCONFIRMED' },
    ),
    cognitoUser(
      '0b1e4c2a-0004-4a6f-9c55-7d1e2f300004',
      {
        email: 'noor.aziz@example.com',
        email_verified: 'true',
        given_name: 'Noor',
        family_name: 'Aziz',
        phone_number: '+15555550204',
        phone_number_verified: 'true',
      },
      { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] },
    ),
    cognitoUser(
      '0b1e4c2a-0005-4a6f-9c55-7d1e2f300005',
      { email: 'oscar.berg@example.se', email_verified: 'true', given_name: 'Oscar', family_name: 'Berg' },
      { Enabled: false },
    ),
    cognitoUser(
      '0b1e4c2a-0006-4a6f-9c55-7d1e2f300006',
      {
        email: 'pia.koch@example.com',
        email_verified: 'true',
        given_name: 'Pia',
        family_name: 'Koch',
        identities: JSON.stringify([
          {
            userId: '106000000000000000006',
            providerName: 'Google',
            providerType: 'Google',
            primary: 'true',
            dateCreated: '1706780000000',
          },
        ]),
      },
      { Username: 'google_106000000000000000006', UserStatus: 'EXTERNAL_PROVIDER' },
    ),
    cognitoUser('0b1e4c2a-0007-4a6f-9c55-7d1e2f300007', {
      phone_number: '+15555550207',
      phone_number_verified: 'true',
      given_name: 'Quentin',
    }),
    cognitoUser(
      '0b1e4c2a-0008-4a6f-9c55-7d1e2f300008',
      { email: 'rosa.diaz@example.com', email_verified: 'true', given_name: 'Rosa', family_name: 'Díaz' },
      { UserStatus: 'FORCE_CHANGE_PASSWORD' },
    ),
  ];
  writeFileSync(join(EXAMPLES, 'cognito', 'users.json'), JSON.stringify({ Users: users }, null, 4) + '\n');
}

// ---------------------------------------------------------------------------------------------
// Supabase: `\copy (select * from auth.users) to 'users.csv' csv header` in psql. PostgreSQL
// writes booleans as t/f, timestamps as `2024-01-02 03:04:05.123456+00`, NULL as an empty cell.

const SUPABASE_COLUMNS = [
  'instance_id',
  'id',
  'aud',
  'role',
  'email',
  'encrypted_password',
  'email_confirmed_at',
  'invited_at',
  'confirmation_token',
  'confirmation_sent_at',
  'recovery_token',
  'recovery_sent_at',
  'email_change_token_new',
  'email_change',
  'email_change_sent_at',
  'last_sign_in_at',
  'raw_app_meta_data',
  'raw_user_meta_data',
  'is_super_admin',
  'created_at',
  'updated_at',
  'phone',
  'phone_confirmed_at',
  'phone_change',
  'phone_change_token',
  'phone_change_sent_at',
  'email_change_token_current',
  'email_change_confirm_status',
  'banned_until',
  'reauthentication_token',
  'reauthentication_sent_at',
  'is_sso_user',
  'deleted_at',
  'is_anonymous',
] as const;

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function supabaseRow(
  id: string,
  fields: Partial<Record<(typeof SUPABASE_COLUMNS)[number], string>>,
  password?: string,
): string {
  const provider = fields.encrypted_password === undefined && !password ? 'google' : 'email';
  const row: Record<string, string> = {
    instance_id: '00000000-0000-0000-0000-000000000000',
    id,
    aud: 'authenticated',
    role: 'authenticated',
    email_confirmed_at: '2024-01-15 08:00:00.000000+00',
    raw_app_meta_data: JSON.stringify({ provider, providers: [provider] }),
    raw_user_meta_data: '{}',
    created_at: '2024-01-15 08:00:00.000000+00',
    updated_at: '2024-06-01 08:00:00.000000+00',
    last_sign_in_at: '2024-06-01 08:00:00.000000+00',
    email_change_confirm_status: '0',
    is_sso_user: 'f',
    is_anonymous: 'f',
    ...(password ? { encrypted_password: bcryptHash(password, `supabase ${id}`) } : {}),
    ...fields,
  };
  return SUPABASE_COLUMNS.map((column) => csvCell(row[column] ?? '')).join(',');
}

function writeSupabase(): void {
  const id = (n: number) => `5b0d7a10-${String(n).padStart(4, '0')}-4c3e-8e21-${String(n).padStart(12, '0')}`;
  const rows = [
    supabaseRow(
      id(1),
      { email: 'sam.okafor@example.com', raw_user_meta_data: '{"full_name":"Sam Okafor","plan":"pro"}' },
      'Supabase-Pass-1!',
    ),
    supabaseRow(
      id(2),
      { email: 'tara.walsh@example.ie', raw_user_meta_data: '{"name":"Tara Walsh"}' },
      'Supabase-Pass-2!',
    ),
    supabaseRow(
      id(3),
      { email: 'uma.iyer@example.in', raw_user_meta_data: '{"first_name":"Uma","last_name":"Iyer Rao"}' },
      'Supabase-Pass-3!',
    ),
    supabaseRow(
      id(4),
      { email: 'victor.lund@example.no', email_confirmed_at: '', raw_user_meta_data: '{"full_name":"Victor Lund"}' },
      'Supabase-Pass-4!',
    ),
    supabaseRow(id(5), {
      email: 'wen.zhao@example.com',
      raw_app_meta_data: '{"provider":"google","providers":["google"]}',
      raw_user_meta_data: '{"full_name":"Wen Zhao","avatar_url":"https://example.com/wen.png"}',
    }),
    supabaseRow(
      id(6),
      {
        email: 'xavier.roux@example.fr',
        banned_until: '2999-01-01 00:00:00+00',
        raw_user_meta_data: '{"full_name":"Xavier Roux"}',
      },
      'Supabase-Pass-6!',
    ),
    supabaseRow(
      id(7),
      {
        email: 'yara.haddad@example.com',
        deleted_at: '2024-05-20 10:00:00.000000+00',
        raw_user_meta_data: '{"full_name":"Yara Haddad"}',
      },
      'Supabase-Pass-7!',
    ),
    supabaseRow(id(8), {
      email: 'zoe.martin@initech.example',
      is_sso_user: 't',
      encrypted_password: '',
      raw_app_meta_data:
        '{"provider":"sso:9f1c2d3e-0000-4000-8000-000000000001","providers":["sso:9f1c2d3e-0000-4000-8000-000000000001"]}',
      raw_user_meta_data: '{"full_name":"Zoe Martin"}',
    }),
    supabaseRow(id(9), {
      email: '',
      phone: '15555550309',
      phone_confirmed_at: '2024-01-15 08:00:00.000000+00',
      raw_app_meta_data: '{"provider":"phone","providers":["phone"]}',
    }),
    supabaseRow(id(10), {
      email: 'abel.tesfaye@example.com',
      encrypted_password: '$2a$10$thisIsNotAWholeBcryptHash',
      raw_user_meta_data: '{"full_name":"Abel Tesfaye"}',
    }),
    supabaseRow(
      id(11),
      {
        email: 'bea.santos@example.com',
        banned_until: '2024-02-01 00:00:00+00',
        raw_user_meta_data: '{"full_name":"Bea Santos"}',
      },
      'Supabase-Pass-11!',
    ),
  ];
  writeFileSync(join(EXAMPLES, 'supabase', 'users.csv'), [SUPABASE_COLUMNS.join(','), ...rows].join('\n') + '\n');
}

// ---------------------------------------------------------------------------------------------
// The generic CSV of the WorkOS migrations CLI (its README's "CSV Format"): one row per user and
// organization, every WorkOS hash type represented.

const CSV_COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'email_verified',
  'password_hash',
  'password_hash_type',
  'external_id',
  'metadata',
  'org_id',
  'org_external_id',
  'org_name',
  'role_slugs',
] as const;

async function writeGenericCsv(): Promise<void> {
  const salt = (label: string, n = 16) => bytes(`csv salt ${label}`, n);
  const pbkdf2Key = async (password: string, s: Buffer) =>
    pbkdf2({
      password,
      salt: s,
      iterations: 10000,
      hashLength: 32,
      hashFunction: createSHA256(),
      outputType: 'binary',
    });
  const ssha = (password: string, digest: 'sha1' | 'sha256', s: Buffer, prefix: string) =>
    prefix + b64(Buffer.concat([createHash(digest).update(password).update(s).digest(), s]));
  const firebaseSalt = salt('firebase');

  const hashes = {
    bcrypt: bcryptHash('Csv-Bcrypt-1!', 'csv carla'),
    argon2: await argon2id({
      password: 'Csv-Argon-2!',
      salt: salt('argon2'),
      iterations: 2,
      parallelism: 1,
      memorySize: 4096,
      hashLength: 32,
      outputType: 'encoded',
    }),
    pbkdf2Id: `$pbkdf2-sha256$i=10000,l=32$${unpadded(salt('pbkdf2 a'))}$${unpadded(await pbkdf2Key('Csv-Pbkdf2-3!', salt('pbkdf2 a')))}`,
    pbkdf2Param: `$pbkdf2$i=10000,d=sha256$${unpadded(salt('pbkdf2 b'))}$${unpadded(await pbkdf2Key('Csv-Pbkdf2-4!', salt('pbkdf2 b')))}`,
    scrypt: `$scrypt$ln=14,r=8,p=1$${unpadded(salt('scrypt'))}$${unpadded(await scrypt({ password: 'Csv-Scrypt-5!', salt: salt('scrypt'), costFactor: 2 ** 14, blockSize: 8, parallelism: 1, hashLength: 32, outputType: 'binary' }))}`,
    ssha: ssha('Csv-Ssha-6!', 'sha1', salt('ssha', 8), '{SSHA}'),
    ssha256: ssha('Csv-Ssha256-7!', 'sha256', salt('ssha256', 8), '{SSHA256}'),
    firebase:
      `$firebase-scrypt$sk=${FIREBASE_PROJECT.base64_signer_key.replace(/=+$/, '')},ss=${FIREBASE_PROJECT.base64_salt_separator.replace(/=+$/, '')},` +
      `r=${FIREBASE_PROJECT.rounds},m=${FIREBASE_PROJECT.mem_cost}$${unpadded(firebaseSalt)}$${firebaseHash('Csv-Firebase-8!', firebaseSalt).replace(/=+$/, '')}`,
  };
  type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;
  const rows: Row[] = [
    {
      email: 'carla.mendes@example.com',
      first_name: 'Carla',
      last_name: 'Mendes',
      email_verified: 'true',
      password_hash: hashes.bcrypt,
      password_hash_type: 'bcrypt',
      external_id: 'app-user-1001',
      metadata: '{"plan":"enterprise","seats":25}',
      org_external_id: 'acct-harbor',
      org_name: 'Harbor Freight Co',
      role_slugs: 'admin',
    },
    {
      email: 'carla.mendes@example.com',
      first_name: 'Carla',
      last_name: 'Mendes',
      email_verified: 'true',
      password_hash: hashes.bcrypt,
      password_hash_type: 'bcrypt',
      external_id: 'app-user-1001',
      metadata: '{"plan":"enterprise","seats":25}',
      org_external_id: 'acct-lumen',
      org_name: 'Lumen Analytics',
      role_slugs: 'member',
    },
    {
      email: 'dario.conti@example.it',
      first_name: 'Dario',
      last_name: 'Conti',
      email_verified: 'true',
      password_hash: hashes.argon2,
      password_hash_type: 'argon2',
      external_id: 'app-user-1002',
      org_external_id: 'acct-harbor',
      role_slugs: 'member',
    },
    {
      email: 'esther.cohen@example.com',
      first_name: 'Esther',
      last_name: 'Cohen',
      email_verified: 'yes',
      password_hash: hashes.pbkdf2Id,
      password_hash_type: 'pbkdf2',
      external_id: 'app-user-1003',
      org_external_id: 'acct-lumen',
      role_slugs: 'admin',
    },
    {
      email: 'felix.wagner@example.de',
      first_name: 'Felix',
      last_name: 'Wagner',
      email_verified: '1',
      password_hash: hashes.pbkdf2Param,
      password_hash_type: 'pbkdf2',
      external_id: 'app-user-1004',
    },
    {
      email: 'gloria.reyes@example.mx',
      first_name: 'Gloria',
      last_name: 'Reyes',
      email_verified: 'true',
      password_hash: hashes.scrypt,
      password_hash_type: 'scrypt',
      external_id: 'app-user-1005',
      org_external_id: 'acct-lumen',
      role_slugs: 'member',
    },
    {
      email: 'henrik.dahl@example.dk',
      first_name: 'Henrik',
      last_name: 'Dahl',
      email_verified: 'false',
      password_hash: hashes.ssha,
      password_hash_type: 'ssha',
      external_id: 'app-user-1006',
    },
    {
      email: 'ines.laurent@example.fr',
      first_name: 'Inès',
      last_name: 'Laurent',
      email_verified: 'true',
      password_hash: hashes.ssha256,
      password_hash_type: 'ssha256',
      external_id: 'app-user-1007',
      org_external_id: 'acct-harbor',
      role_slugs: '',
    },
    {
      email: 'jonas.berg@example.se',
      first_name: 'Jonas',
      last_name: 'Berg',
      email_verified: 'true',
      password_hash: hashes.firebase,
      password_hash_type: 'firebase-scrypt',
      external_id: 'app-user-1008',
    },
    {
      email: 'kira.novak@example.cz',
      first_name: 'Kira',
      last_name: 'Novak',
      email_verified: 'true',
      password_hash: createHash('md5').update('Csv-Md5-9!').digest('hex'),
      password_hash_type: 'md5',
      external_id: 'app-user-1009',
    },
    { email: 'liam.oconnor@example.ie', first_name: 'Liam', last_name: "O'Connor, Jr.", email_verified: 'true' },
    {
      email: 'not-an-email',
      first_name: 'Broken',
      last_name: 'Row',
      email_verified: 'true',
      external_id: 'app-user-1011',
      org_external_id: 'acct-harbor',
      role_slugs: 'member',
    },
    {
      email: 'maya.singh@example.com',
      first_name: 'Maya',
      last_name: 'Singh',
      email_verified: 'maybe',
      external_id: 'app-user-1012',
    },
    {
      email: 'nils.eriksen@example.no',
      first_name: 'Nils',
      last_name: 'Eriksen',
      email_verified: 'true',
      password_hash: '$2b$10$tooShort',
      password_hash_type: 'bcrypt',
      external_id: 'app-user-1013',
      org_id: 'org_01HXYZEXISTINGWORKOSORG1',
      role_slugs: 'member',
    },
  ];
  const text =
    [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c] ?? '')).join(','))].join('\n') +
    '\n';
  writeFileSync(join(EXAMPLES, 'csv', 'users.csv'), text);
}

writeFirebase();
writeCognito();
writeSupabase();
await writeGenericCsv();
console.log('examples written: firebase/, cognito/, supabase/, csv/');
