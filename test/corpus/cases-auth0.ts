import {
  auth0Ids,
  auth0Lines,
  auth0User,
  bcrypt,
  deep,
  deepAuth0Line,
  email,
  gzip,
  ndjson,
  noise,
  passwordRow,
  utf16be,
  utf16le,
} from './build.js';
import type { CorpusCase } from './harness.js';

const plan = (...extra: string[]) => ['plan', '--source', 'auth0', '--users', '{users.ndjson}', ...extra];
const planJson = (...extra: string[]) => ['plan', '--source', 'auth0', '--users', '{users.json}', ...extra];
const USERS = 'users.ndjson';
const METADATA_CONFIG = 'metadata:\n  users:\n    tier: app_metadata.tier\n';

/** Auth0 user exports: NDJSON, JSON array, gzip, encodings. */
export const auth0UserCases: CorpusCase[] = [
  // NDJSON: one bad record among good ones.
  {
    name: 'auth0 ndjson: a line that is not JSON',
    files: { [USERS]: auth0Lines(5, { 3: '{"user_id": "auth0|c3", "email": ' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 3, code: 'invalid_json' }], good: { users: 4 } },
  },
  {
    name: 'auth0 ndjson: last line torn without a line break',
    files: { [USERS]: auth0Lines(4) + '{"user_id":"auth0|c5","em' },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 5 }], good: { users: 4 } },
  },
  {
    name: 'auth0 ndjson: a user without email',
    files: { [USERS]: auth0Lines(4, { 2: { user_id: 'auth0|c2', email_verified: true } }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2, field: 'email' }], good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: email is a number',
    files: { [USERS]: auth0Lines(4, { 4: auth0User(4, { email: 12345 }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 4, field: 'email' }], good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: email without an @',
    files: { [USERS]: auth0Lines(3, { 1: auth0User(1, { email: 'not-an-address' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 1, field: 'email' }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: user_id missing',
    files: { [USERS]: auth0Lines(3, { 2: { email: email(2) } }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2, field: 'user_id' }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: user_id is an object',
    files: { [USERS]: auth0Lines(3, { 3: auth0User(3, { user_id: { $oid: 'x' } }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 3, field: 'user_id' }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: a line holding an array',
    files: { [USERS]: auth0Lines(3, { 2: '[1,2,3]' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: a line holding a string',
    files: { [USERS]: auth0Lines(3, { 2: '"just text"' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: a line holding null',
    files: { [USERS]: auth0Lines(3, { 3: 'null' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 3 }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: NUL bytes in the middle of a line',
    files: { [USERS]: auth0Lines(3, { 2: '{"user_id":"auth0|c2",\u0000\u0000"email":1}' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: a __proto__ key does not lend a record an email',
    files: { [USERS]: auth0Lines(3, { 2: '{"user_id":"auth0|c2","__proto__":{"email":"person2@corpus.example"}}' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2, field: 'email' }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: MFA factor names that are Object.prototype properties',
    files: { [USERS]: auth0Lines(3, { 2: auth0User(2, { multifactor: ['constructor', 'toString', '__proto__'] }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: social providers named like Object.prototype properties, or holding a workflow command',
    files: {
      [USERS]: auth0Lines(3, {
        2: auth0User(2, {
          identities: ['constructor', '__proto__', 'toString', 'google\n::warning::x', '\u001b[2J'].map((provider) => ({
            provider,
            isSocial: true,
            user_id: 'c2',
          })),
        }),
      }),
    },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: metadata keys that are Object.prototype properties, mapped',
    files: {
      [USERS]: auth0Lines(3, { 1: auth0User(1, { app_metadata: { constructor: 'x', toString: 'y', tier: 'gold' } }) }),
      'config.yml': 'metadata:\n  users:\n    tier: app_metadata.tier\n    ctor: app_metadata.constructor\n',
    },
    args: plan('--config', '{config.yml}'),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: metadata nested 20,000 levels deep with a metadata map (no stack overflow)',
    files: { [USERS]: () => auth0Lines(4, { 3: deepAuth0Line(3, 20_000) }), 'config.yml': METADATA_CONFIG },
    args: plan('--config', '{config.yml}'),
    expect: { exit: 1, errors: [{ file: USERS, line: 3 }], good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: metadata nested 80 levels, under a raised depth limit',
    files: {
      [USERS]: auth0Lines(2, { 2: auth0User(2, { app_metadata: { tier: 'x', deep: deep(80) } }) }),
      'config.yml': METADATA_CONFIG + 'limits:\n  depth: 200\n',
    },
    args: plan('--config', '{config.yml}'),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: metadata nested 80 levels, over the default depth limit',
    files: { [USERS]: auth0Lines(2, { 2: auth0User(2, { app_metadata: { tier: 'x', deep: deep(80) } }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 1 } },
  },
  {
    name: 'auth0 ndjson: a mapped metadata value over 600 characters',
    files: {
      [USERS]: auth0Lines(3, { 2: auth0User(2, { app_metadata: { tier: 'x'.repeat(700) } }) }),
      'config.yml': METADATA_CONFIG,
    },
    args: plan('--config', '{config.yml}'),
    expect: { exit: 1, errors: [{ file: USERS, line: 2, field: 'metadata.tier' }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: a line over the line-length limit (lowered in the config), and the lines after it',
    files: {
      [USERS]: () => auth0Lines(4, { 2: auth0User(2, { given_name: 'G'.repeat(5000) }) }),
      'config.yml': 'limits:\n  lineLength: 2000\n',
    },
    args: plan('--config', '{config.yml}'),
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: 20 MB without a single line break',
    files: { [USERS]: () => '{"user_id":"auth0|c1","email":"' + 'a'.repeat(20_000_000) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 1 }], good: { users: 0 } },
    timeoutMs: 20_000,
  },
  {
    name: 'auth0 ndjson: CRLF line ends',
    files: { [USERS]: auth0Lines(3).replace(/\n/g, '\r\n') },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: a UTF-8 byte order mark',
    files: { [USERS]: '\uFEFF' + auth0Lines(3) },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 ndjson: blank lines keep the line numbers right',
    files: { [USERS]: ndjson(auth0User(1), '', '   ', '{"user_id":"auth0|c4","email":', '', auth0User(6)) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 4 }], good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: a blocked user is a skip, not a failure',
    files: { [USERS]: auth0Lines(3, { 2: auth0User(2, { blocked: true }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 2 }, skipped: 1 },
  },
  {
    name: 'auth0 ndjson: lone surrogates and control characters in names',
    files: {
      [USERS]: auth0Lines(2, {
        2: '{"user_id":"auth0|c2","email":"person2@corpus.example","given_name":"\\ud800x\\u0007"}',
      }),
    },
    args: plan(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: Latin-1 bytes that are not UTF-8',
    files: {
      [USERS]: Buffer.concat([
        Buffer.from(auth0Lines(1)),
        Buffer.from('{"user_id":"auth0|c2","email":"person2@corpus.example","given_name":"Ren'),
        Buffer.from([0xe9]),
        Buffer.from('e"}\n'),
      ]),
    },
    args: plan(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'auth0 ndjson: two users with one email merge into one',
    files: { [USERS]: auth0Lines(3, { 3: auth0User(3, { user_id: 'google-oauth2|c3', email: email(1) }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    // An account takeover: someone signed up with person1's address and never verified it.
    name: 'auth0 ndjson: an unverified account with a verified user’s email is skipped, not merged in',
    files: {
      [USERS]: auth0Lines(3, {
        1: auth0User(1, { email_verified: false }),
        3: auth0User(3, { user_id: 'google-oauth2|c3', email: email(1).toUpperCase() }),
      }),
      'passwords.ndjson': ndjson(passwordRow(1, { email_verified: false })),
    },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 0, good: { users: 2 }, skipped: 1 },
  },
  {
    name: 'auth0 ndjson: the same user_id twice',
    files: { [USERS]: auth0Lines(3, { 3: auth0User(3, { user_id: 'auth0|c1' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 3, field: 'user_id' }], good: { users: 2 } },
  },
  // Whole-file problems.
  {
    name: 'auth0: an empty file',
    files: { [USERS]: '' },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/, /empty/] },
  },
  {
    name: 'auth0: only blank space',
    files: { [USERS]: '  \n\n\t\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/] },
  },
  {
    name: 'auth0: only a byte order mark',
    files: { [USERS]: '\uFEFF' },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/] },
  },
  {
    name: 'auth0: random bytes',
    files: { [USERS]: noise(5000) },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/] },
  },
  {
    name: 'auth0: a CSV given as the Auth0 export',
    files: { [USERS]: 'user_id,email\nauth0|c1,person1@corpus.example\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/, /not JSON/] },
  },
  {
    name: 'auth0: a single pretty-printed user object',
    files: { [USERS]: JSON.stringify(auth0User(1), null, 2) + '\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/, /NDJSON/] },
  },
  {
    name: 'auth0: pretty-printed users one after another',
    files: { [USERS]: JSON.stringify(auth0User(1), null, 2) + '\n' + JSON.stringify(auth0User(2), null, 2) + '\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/, /NDJSON/] },
  },
  // JSON array.
  {
    name: 'auth0 json: an element that is not JSON, in a pretty-printed array',
    files: {
      'users.json':
        '[\n' +
        [1, 2].map((n) => JSON.stringify(auth0User(n))).join(',\n') +
        ',\n{"user_id": auth0|c3},\n' +
        JSON.stringify(auth0User(4)) +
        '\n]\n',
    },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 4 }], good: { users: 3 } },
  },
  {
    name: 'auth0 json: the array is cut short',
    files: { 'users.json': '[' + JSON.stringify(auth0User(1)) + ',\n' + JSON.stringify(auth0User(2)).slice(0, 30) },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 2 }], good: { users: 1 } },
  },
  {
    name: 'auth0 json: an element that is a number',
    files: { 'users.json': '[' + JSON.stringify(auth0User(1)) + ',\n42,\n' + JSON.stringify(auth0User(3)) + ']' },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 json: an empty element between commas',
    files: { 'users.json': '[' + JSON.stringify(auth0User(1)) + ',\n,\n' + JSON.stringify(auth0User(3)) + ']' },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 json: text after the closing bracket',
    files: { 'users.json': '[' + JSON.stringify(auth0User(1)) + ']\ngarbage\n' },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 2 }], good: { users: 1 } },
  },
  {
    name: 'auth0 json: an element over the record-length limit (lowered in the config)',
    files: {
      'users.json': () =>
        '[' +
        JSON.stringify(auth0User(1)) +
        ',\n' +
        JSON.stringify(auth0User(2, { given_name: 'G'.repeat(50_000) })) +
        ',\n' +
        JSON.stringify(auth0User(3)) +
        ']',
      'config.yml': 'limits:\n  recordLength: 10000\n',
    },
    args: planJson('--config', '{config.yml}'),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 json: an element nested 50,000 levels deep',
    files: {
      'users.json': () =>
        '[' +
        JSON.stringify(auth0User(1)) +
        ',\n' +
        '['.repeat(50_000) +
        ']'.repeat(50_000) +
        ',\n' +
        JSON.stringify(auth0User(3)) +
        ']',
    },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0 json: an empty array',
    files: { 'users.json': '[]\n' },
    args: planJson(),
    expect: { exit: 0, good: { users: 0 } },
  },
  {
    name: 'auth0 json: an opening bracket and nothing else',
    files: { 'users.json': '[' },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: 'users.json', line: 1 }], good: { users: 0 } },
  },
  // gzip.
  {
    name: 'auth0 gz: a gzipped export',
    files: { 'users.ndjson.gz': gzip(auth0Lines(3)) },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 gz: a bad line inside the gzip keeps its line number',
    files: { 'users.ndjson.gz': gzip(auth0Lines(4, { 3: '{oops' })) },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 1, errors: [{ file: 'users.ndjson.gz', line: 3 }], good: { users: 3 } },
  },
  {
    name: 'auth0 gz: a truncated gzip file',
    files: { 'users.ndjson.gz': () => gzip(auth0Lines(200)).subarray(0, 300) },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 2, says: [/users\.ndjson\.gz/, /gzip/] },
  },
  {
    name: 'auth0 gz: gzip magic followed by garbage',
    files: { 'users.ndjson.gz': Buffer.concat([Buffer.from([0x1f, 0x8b]), noise(200)]) },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 2, says: [/users\.ndjson\.gz/, /gzip/] },
  },
  {
    name: 'auth0 gz: a gzip bomb stops at the decompressed-bytes limit',
    files: {
      'users.ndjson.gz': () => gzip(Buffer.alloc(50_000_000, 0x20)),
      'config.yml': 'limits:\n  decompressedBytes: 1000000\n',
    },
    args: ['plan', '--users', '{users.ndjson.gz}', '--config', '{config.yml}'],
    expect: { exit: 2, says: [/users\.ndjson\.gz/, /1000000 bytes/, /limits\.decompressedBytes/] },
    timeoutMs: 20_000,
  },
  {
    name: 'auth0 gz: two gzip members one after the other',
    files: { 'users.ndjson.gz': Buffer.concat([gzip(auth0Lines(2)), gzip(ndjson(auth0User(3)))]) },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0 gz: a gzipped empty file',
    files: { 'users.ndjson.gz': gzip('') },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 2, says: [/users\.ndjson\.gz/] },
  },
  // Encodings.
  {
    name: 'auth0: UTF-16LE with a byte order mark is read',
    files: { [USERS]: utf16le(auth0Lines(3, { 2: '{bad' })) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 2 } },
  },
  {
    name: 'auth0: UTF-16BE with a byte order mark is read',
    files: { [USERS]: utf16be(auth0Lines(3)) },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'auth0: UTF-16 without a byte order mark is named',
    files: { [USERS]: utf16le(auth0Lines(3), false) },
    args: plan(),
    expect: { exit: 2, says: [/users\.ndjson/, /UTF-16/] },
  },
  {
    name: 'auth0 gz: UTF-16LE inside gzip',
    files: { 'users.ndjson.gz': gzip(utf16le(auth0Lines(2))) },
    args: ['plan', '--users', '{users.ndjson.gz}'],
    expect: { exit: 0, good: { users: 2 } },
  },
  // Password hashes.
  {
    name: 'auth0 passwords: a line that is not JSON',
    files: { [USERS]: auth0Lines(3), 'passwords.ndjson': ndjson(passwordRow(1), '{"_id":', passwordRow(3)) },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 1, errors: [{ file: 'passwords.ndjson', line: 2 }], good: { users: 3 } },
  },
  {
    name: 'auth0 passwords: a hash that is not bcrypt',
    files: {
      [USERS]: auth0Lines(3),
      'passwords.ndjson': ndjson(
        passwordRow(1),
        passwordRow(2, { passwordHash: 'md5:CorpusSecretHash' }),
        passwordRow(3),
      ),
    },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 1, errors: [{ file: 'passwords.ndjson', line: 2, field: 'passwordHash' }], good: { users: 3 } },
  },
  {
    name: 'auth0 passwords: a row that joins no user is a warning',
    files: { [USERS]: auth0Lines(2), 'passwords.ndjson': ndjson(passwordRow(1), passwordRow(9, { email: email(9) })) },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'auth0 passwords: the _ID spelling of the id',
    files: {
      [USERS]: auth0Lines(2),
      'passwords.ndjson': ndjson({ _ID: { $oid: 'c1' }, email: email(1), passwordHash: bcrypt(1) }),
    },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'auth0 passwords: an empty file',
    files: { [USERS]: auth0Lines(2), 'passwords.ndjson': '' },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 2, says: [/passwords\.ndjson/] },
  },
  {
    name: 'auth0 passwords: a pretty-printed row',
    files: { [USERS]: auth0Lines(2), 'passwords.ndjson': JSON.stringify(passwordRow(1), null, 2) },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 2, says: [/passwords\.ndjson/, /NDJSON/] },
  },
  {
    name: 'auth0 passwords: a hash where the user id should be',
    files: { [USERS]: auth0Lines(2), 'passwords.ndjson': ndjson(passwordRow(1, { _id: { $oid: bcrypt(5) } })) },
    args: plan('--passwords', '{passwords.ndjson}'),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'auth0 passwords: a gzipped password file with a truncated last row',
    files: {
      [USERS]: auth0Lines(2),
      'passwords.ndjson.gz': gzip(ndjson(passwordRow(1)) + '{"_id":{"$oid":"c2"},"passwordHash":"$2b$10$Corpus'),
    },
    args: plan('--passwords', '{passwords.ndjson.gz}'),
    expect: { exit: 1, errors: [{ file: 'passwords.ndjson.gz', line: 2 }], good: { users: 2 } },
  },
];

export const auth0ImportCases: CorpusCase[] = [
  {
    name: 'auth0 import: a SAML user id that holds an email stays out of the reports',
    files: {
      [USERS]: auth0Lines(3, { 2: auth0User(2, { user_id: `samlp|acme|${email(2)}`, email: 'not-an-address' }) }),
    },
    args: ['import', '--users', '{users.ndjson}'],
    expect: { exit: 1, errors: [{ file: USERS, line: 2, field: 'email' }], good: { users: 2 } },
    importIds: auth0Ids(3, [2]),
  },
  {
    name: 'auth0 import: the same user_id twice is reported at its line, not retried as a network error',
    files: { [USERS]: auth0Lines(3, { 3: auth0User(3, { user_id: 'auth0|c1' }) }) },
    args: ['import', '--users', '{users.ndjson}'],
    expect: { exit: 1, errors: [{ file: USERS, line: 3, field: 'user_id' }], good: { users: 2 } },
    importIds: auth0Ids(2),
  },
  {
    name: 'auth0 import: a broken line among good users; every good user lands in WorkOS exactly',
    files: { [USERS]: auth0Lines(6, { 2: '{"user_id":', 5: { user_id: 'auth0|c5' } }) },
    args: ['import', '--users', '{users.ndjson}', '--state', '{dir}/state'],
    expect: {
      exit: 1,
      errors: [
        { file: USERS, line: 2 },
        { file: USERS, line: 5, field: 'email' },
      ],
      good: { users: 4 },
    },
    importIds: auth0Ids(6, [2, 5]),
    timeoutMs: 20_000,
  },
  {
    name: 'auth0 import: an unverified account with a verified Google user’s email stays out of WorkOS',
    files: {
      [USERS]: auth0Lines(3, {
        1: auth0User(1, { email_verified: false }),
        3: auth0User(3, { user_id: 'google-oauth2|c3', email: email(1) }),
      }),
      'passwords.ndjson': ndjson(passwordRow(1, { email_verified: false })),
    },
    args: ['import', '--users', '{users.ndjson}', '--passwords', '{passwords.ndjson}'],
    expect: { exit: 0, good: { users: 2 }, skipped: 1 },
    importIds: ['auth0|c2', 'google-oauth2|c3'],
  },
  {
    name: 'auth0 import: deep metadata with a metadata map',
    files: { [USERS]: () => auth0Lines(3, { 2: deepAuth0Line(2, 20_000) }), 'config.yml': METADATA_CONFIG },
    args: ['import', '--users', '{users.ndjson}', '--config', '{config.yml}'],
    expect: { exit: 1, errors: [{ file: USERS, line: 2 }], good: { users: 2 } },
    importIds: auth0Ids(3, [2]),
    timeoutMs: 20_000,
  },
];
