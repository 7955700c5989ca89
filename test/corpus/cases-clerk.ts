import {
  bcrypt,
  CLERK_HEADER,
  clerkCsv,
  clerkIds,
  clerkJsonUser,
  clerkRow,
  email,
  gzip,
  noise,
  utf16le,
} from './build.js';
import type { CorpusCase } from './harness.js';

const CSV = 'users.csv';
const JSON_FILE = 'users.json';
const plan = (...extra: string[]) => ['plan', '--source', 'clerk', '--users', `{${CSV}}`, ...extra];
const planJson = (...extra: string[]) => ['plan', '--source', 'clerk', '--users', `{${JSON_FILE}}`, ...extra];

/** Clerk user exports: the dashboard CSV and the older JSON. */
export const clerkUserCases: CorpusCase[] = [
  {
    name: 'clerk csv: an unclosed quote; the rows after it are still read',
    files: { [CSV]: clerkCsv(6, { 3: clerkRow(3, { first: '"Unclosed' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 4 }], good: { users: 5 } },
  },
  {
    name: 'clerk csv: an unclosed quote on the last row',
    files: { [CSV]: clerkCsv(3, { 3: clerkRow(3, { first: '"Unclosed' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 4 }], good: { users: 2 } },
  },
  {
    name: 'clerk csv: a row with an extra cell',
    files: { [CSV]: clerkCsv(4, { 2: clerkRow(2) + ',extra' }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 3 }], good: { users: 3 } },
  },
  {
    name: 'clerk csv: a row with a cell missing',
    files: { [CSV]: clerkCsv(4, { 4: clerkRow(4).replace(/,[^,]*$/, '') }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 5 }], good: { users: 3 } },
  },
  {
    name: 'clerk csv: text after a closing quote is kept as text, and the rows after it are read',
    files: { [CSV]: clerkCsv(3, { 2: clerkRow(2, { first: '"Ann"x' }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'clerk csv: an invalid email',
    files: { [CSV]: clerkCsv(3, { 2: clerkRow(2, { email: 'nobody' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 3, field: 'primary_email_address' }], good: { users: 2 } },
  },
  {
    name: 'clerk csv: a row without id',
    files: { [CSV]: clerkCsv(3, { 3: clerkRow(3, { id: '' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 4, field: 'id' }], good: { users: 2 } },
  },
  {
    name: 'clerk csv: a bcrypt digest of the wrong shape',
    files: { [CSV]: clerkCsv(3, { 1: clerkRow(1, { digest: '$2a$10$CorpusSecretHashTooShort', hasher: 'bcrypt' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 2, field: 'password_digest' }], good: { users: 3 } },
  },
  {
    name: 'clerk csv: a good bcrypt digest',
    files: { [CSV]: clerkCsv(2, { 1: clerkRow(1, { digest: bcrypt(1), hasher: 'bcrypt' }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'clerk csv: a hasher called constructor',
    files: { [CSV]: clerkCsv(2, { 1: clerkRow(1, { digest: 'CorpusSecretHash', hasher: 'constructor' }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'clerk csv: a header that names a column twice',
    files: { [CSV]: CLERK_HEADER + ',id\n' + clerkRow(1) + ',x\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/, /twice/] },
  },
  {
    name: 'clerk csv: a CSV that is not a Clerk export',
    files: { [CSV]: 'name,mail\nAnn,' + email(1) + '\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/, /not a Clerk user export/] },
  },
  {
    name: 'clerk csv: only the header',
    files: { [CSV]: CLERK_HEADER + '\n' },
    args: plan(),
    expect: { exit: 0, good: { users: 0 } },
  },
  {
    name: 'clerk csv: an empty header row',
    files: { [CSV]: ',,,\n' + clerkRow(1) + '\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/, /header/] },
  },
  {
    name: 'clerk csv: a header whose first cell opens a quote it never closes',
    files: { [CSV]: '"id,first_name\n' + clerkRow(1) + '\n' },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/, /header/] },
  },
  {
    name: 'clerk csv: CRLF line ends and a byte order mark',
    files: { [CSV]: '\uFEFF' + clerkCsv(3).replace(/\n/g, '\r\n') },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'clerk csv: a quoted cell with a line break keeps later line numbers right',
    files: { [CSV]: clerkCsv(4, { 1: clerkRow(1, { first: '"Two\nlines"' }), 3: clerkRow(3, { email: 'bad' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 5, field: 'primary_email_address' }], good: { users: 3 } },
  },
  {
    name: 'clerk csv: a row over the line-length limit (lowered in the config), and the rows after it',
    files: {
      [CSV]: () => clerkCsv(5, { 2: clerkRow(2, { first: 'F'.repeat(5000) }) }),
      'config.yml': 'limits:\n  lineLength: 1000\n',
    },
    args: plan('--config', '{config.yml}'),
    expect: { exit: 1, errors: [{ file: CSV, line: 3 }], good: { users: 4 } },
  },
  {
    name: 'clerk csv: an unclosed quote that would swallow 20 MB',
    files: {
      [CSV]: () =>
        clerkCsv(2, { 2: clerkRow(2, { first: '"Unclosed' }) }) + 'x'.repeat(20_000_000) + '\n' + clerkRow(9) + '\n',
    },
    args: plan(),
    expect: {
      exit: 1,
      errors: [
        { file: CSV, line: 3 },
        { file: CSV, line: 4 },
      ],
      good: { users: 2 },
    },
    timeoutMs: 30_000,
  },
  {
    name: 'clerk csv: UTF-16LE with a byte order mark (Excel "Unicode text")',
    files: { [CSV]: utf16le(clerkCsv(3)) },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'clerk csv: UTF-16 without a byte order mark is named',
    files: { [CSV]: utf16le(clerkCsv(3), false) },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/, /UTF-16/] },
  },
  {
    name: 'clerk csv: gzipped, with a bad row',
    files: { 'users.csv.gz': gzip(clerkCsv(3, { 2: clerkRow(2, { email: 'bad' }) })) },
    args: ['plan', '--source', 'clerk', '--users', '{users.csv.gz}'],
    expect: { exit: 1, errors: [{ file: 'users.csv.gz', line: 3 }], good: { users: 2 } },
  },
  {
    name: 'clerk csv: NUL bytes in a cell',
    files: { [CSV]: clerkCsv(3, { 2: clerkRow(2, { first: 'A\u0000B' }) }) },
    args: plan(),
    expect: { exit: 0, good: { users: 3 } },
  },
  {
    name: 'clerk csv: random bytes',
    files: { [CSV]: noise(3000, 11) },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/] },
  },
  {
    name: 'clerk csv: an empty file',
    files: { [CSV]: '' },
    args: plan(),
    expect: { exit: 2, says: [/users\.csv/] },
  },
  {
    name: 'clerk csv: a header with a __proto__ column',
    files: { [CSV]: CLERK_HEADER + ',__proto__\n' + clerkRow(1) + ',x\n' + clerkRow(2) + ',y\n' },
    args: plan(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'clerk csv: the same id twice',
    files: { [CSV]: clerkCsv(3, { 3: clerkRow(3, { id: 'user_c1' }) }) },
    args: plan(),
    expect: { exit: 1, errors: [{ file: CSV, line: 4, field: 'id' }], good: { users: 2 } },
  },
  // The older JSON export.
  {
    name: 'clerk json: an array with a broken element',
    files: {
      [JSON_FILE]:
        '[\n' + JSON.stringify(clerkJsonUser(1)) + ',\n{"id": user_c2},\n' + JSON.stringify(clerkJsonUser(3)) + '\n]\n',
    },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: JSON_FILE, line: 3 }], good: { users: 2 } },
  },
  {
    name: 'clerk json: a single pretty-printed user object (same answer as Auth0)',
    files: { [JSON_FILE]: JSON.stringify(clerkJsonUser(1), null, 2) + '\n' },
    args: planJson(),
    expect: { exit: 2, says: [/users\.json/, /line 1/] },
  },
  {
    name: 'clerk json: an element that is a string',
    files: { [JSON_FILE]: '[' + JSON.stringify(clerkJsonUser(1)) + ',\n"user_c2"]' },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: JSON_FILE, line: 2 }], good: { users: 1 } },
  },
  {
    name: 'clerk json: paginated {data, total_count} objects one after another',
    files: {
      [JSON_FILE]:
        JSON.stringify({ data: [clerkJsonUser(1)], total_count: 2 }) +
        '\n' +
        JSON.stringify({ data: [clerkJsonUser(2)], total_count: 2 }) +
        '\n',
    },
    args: planJson(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'clerk json: the array is cut short',
    files: {
      [JSON_FILE]: '[' + JSON.stringify(clerkJsonUser(1)) + ',\n' + JSON.stringify(clerkJsonUser(2)).slice(0, 20),
    },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: JSON_FILE, line: 2 }], good: { users: 1 } },
  },
  {
    name: 'clerk json: public_metadata nested 30,000 levels deep',
    files: {
      [JSON_FILE]: () =>
        '[' +
        JSON.stringify(clerkJsonUser(1)) +
        ',\n' +
        JSON.stringify(clerkJsonUser(2, { public_metadata: '__DEEP__' })).replace(
          '"__DEEP__"',
          '{"a":'.repeat(30_000) + '1' + '}'.repeat(30_000),
        ) +
        ']',
      'config.yml': 'metadata:\n  users:\n    plan: public_metadata.a\n',
    },
    args: planJson('--config', '{config.yml}'),
    expect: { exit: 1, errors: [{ file: JSON_FILE, line: 2 }], good: { users: 1 } },
  },
  {
    name: 'clerk json: a {"users": [...]} wrapper',
    files: { [JSON_FILE]: JSON.stringify({ users: [clerkJsonUser(1), clerkJsonUser(2)] }, null, 2) },
    args: planJson(),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'clerk json: email_addresses is a number',
    files: { [JSON_FILE]: JSON.stringify([clerkJsonUser(1), clerkJsonUser(2, { email_addresses: 7 })]) },
    args: planJson(),
    expect: { exit: 1, errors: [{ file: JSON_FILE, line: 1 }], good: { users: 1 } },
  },
];

export const clerkImportCases: CorpusCase[] = [
  {
    name: 'clerk import: the rows after an unclosed quote land in WorkOS',
    files: { [CSV]: clerkCsv(5, { 2: clerkRow(2, { first: '"Unclosed' }) }) },
    args: ['import', '--source', 'clerk', '--users', `{${CSV}}`],
    expect: { exit: 1, errors: [{ file: CSV, line: 3 }], good: { users: 4 } },
    importIds: clerkIds(5, [2]),
    timeoutMs: 20_000,
  },
];
