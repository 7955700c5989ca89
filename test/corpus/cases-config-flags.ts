import { configFingerprint, DEFAULT_MAPPING_CONFIG } from '../../src/config/mapping-config.js';
import { auth0Ids, auth0Lines, clerkCsv, gzip, ndjson, auth0User } from './build.js';
import type { CorpusCase } from './harness.js';

const USERS = 'users.ndjson';
const withConfig = (config: string | Buffer | (() => string)): Pick<CorpusCase, 'files' | 'args'> => ({
  files: { [USERS]: auth0Lines(2), 'config.yml': config },
  args: ['plan', '--users', '{users.ndjson}', '--config', '{config.yml}'],
});

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'roles: {}',
].join('\n');

/** The mapping config (`--config`). */
export const configCases: CorpusCase[] = [
  { name: 'config: a YAML alias bomb', ...withConfig(BOMB), expect: { exit: 2, says: [/config\.yml/, /alias/] } },
  {
    name: 'config: aliases inside the role map',
    ...withConfig('x: &x admin\nroles:\n  Admin: *x\n'),
    expect: { exit: 2, says: [/config\.yml/, /x is not a config key/] },
  },
  {
    name: 'config: not YAML',
    ...withConfig('roles: [unclosed\n  - x: {\n'),
    expect: { exit: 2, says: [/config\.yml/, /not valid YAML/] },
  },
  {
    name: 'config: an unknown key',
    ...withConfig('roles: {}\nrole_map: {}\n'),
    expect: { exit: 2, says: [/config\.yml:2/, /role_map/] },
  },
  {
    name: 'config: a role slug that is a number',
    ...withConfig('roles:\n  Admin: 7\n'),
    expect: { exit: 2, says: [/config\.yml:2/, /roles\.Admin/] },
  },
  {
    name: 'config: a role slug with a space',
    ...withConfig('roles:\n  Admin: "org admin"\n'),
    expect: { exit: 2, says: [/config\.yml:2/] },
  },
  {
    name: 'config: a key given twice',
    ...withConfig('roles: {}\nroles: {}\n'),
    expect: { exit: 2, says: [/config\.yml/] },
  },
  {
    name: 'config: metadata that names a password hash',
    ...withConfig('metadata:\n  users:\n    h: password_hash\n'),
    expect: { exit: 2, says: [/config\.yml:3/, /password hash/] },
  },
  {
    name: 'config: a metadata key over 40 characters',
    ...withConfig(`metadata:\n  users:\n    ${'k'.repeat(41)}: app_metadata.x\n`),
    expect: { exit: 2, says: [/config\.yml:3/, /40/] },
  },
  {
    name: 'config: a limit of 0',
    ...withConfig('limits:\n  lineLength: 0\n'),
    expect: { exit: 2, says: [/config\.yml:2/, /limits\.lineLength/] },
  },
  {
    name: 'config: a limit that is text',
    ...withConfig('limits:\n  depth: deep\n'),
    expect: { exit: 2, says: [/config\.yml:2/, /limits\.depth/] },
  },
  {
    name: 'config: an unknown limit',
    ...withConfig('limits:\n  bytes: 5\n'),
    expect: { exit: 2, says: [/config\.yml:2/, /limits\.bytes/] },
  },
  { name: 'config: an empty file means the defaults', ...withConfig(''), expect: { exit: 0, good: { users: 2 } } },
  {
    name: 'config: JSON works too',
    ...withConfig('{"roles": {"Admin": "admin"}, "limits": {"depth": 10}}'),
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'config: a list instead of a mapping',
    ...withConfig('- roles\n- metadata\n'),
    expect: { exit: 2, says: [/config\.yml/] },
  },
  {
    name: 'config: over a megabyte',
    ...withConfig(() => '# ' + 'x'.repeat(2_000_000) + '\n'),
    expect: { exit: 2, says: [/config\.yml/, /bytes/] },
  },
  {
    name: 'config: a named pipe',
    files: { [USERS]: auth0Lines(2), 'config.yml': { fifo: true } },
    args: ['plan', '--users', '{users.ndjson}', '--config', '{config.yml}'],
    expect: { exit: 2, says: [/config\.yml/, /pipe/] },
  },
  {
    name: 'config: a directory',
    files: { [USERS]: auth0Lines(2), 'config.yml': { dir: true } },
    args: ['plan', '--users', '{users.ndjson}', '--config', '{config.yml}'],
    expect: { exit: 2, says: [/config\.yml/, /directory/] },
  },
  {
    name: 'config: missing',
    files: { [USERS]: auth0Lines(2) },
    args: ['plan', '--users', '{users.ndjson}', '--config', '{config.yml}'],
    expect: { exit: 2, says: [/config\.yml/, /not found/] },
  },
  {
    name: 'config: a __proto__ key in the role map (e-proto-key)',
    ...withConfig('roles:\n  Admin: admin\n  __proto__:\n    polluted: yes\n'),
    expect: { exit: 2, says: [/config\.yml:3/, /roles\.__proto__ is not a usable key/] },
  },
  {
    name: 'config: a __proto__ key in the metadata map',
    ...withConfig('metadata:\n  organizations:\n    __proto__: app_metadata.tier\n'),
    expect: { exit: 2, says: [/config\.yml:3/, /metadata\.organizations\.__proto__/] },
  },
  {
    name: 'config: a __proto__ role maps like any other',
    files: {
      'users.csv': clerkCsv(1),
      'orgs.json': JSON.stringify({
        organizations: [
          {
            id: 'org_1',
            name: 'O',
            slug: 'o',
            memberships: [{ role: 'org:__proto__', public_user_data: { user_id: 'user_c1' } }],
          },
        ],
      }),
      'config.yml': 'roles:\n  "org:__proto__": admin\n',
    },
    args: [
      'plan',
      '--source',
      'clerk',
      '--users',
      '{users.csv}',
      '--organizations',
      '{orgs.json}',
      '--config',
      '{config.yml}',
    ],
    expect: { exit: 0, good: { memberships: 1 } },
  },
];

/** Flags, and what --out and --state may name. */
export const flagCases: CorpusCase[] = [
  {
    name: 'flags: an unknown flag',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--users', '{users.ndjson}', '--user', 'x'],
    expect: { exit: 2, says: [/--user/] },
  },
  {
    name: 'flags: --rate-limit below zero',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--users', '{users.ndjson}', '--rate-limit', '-1'],
    expect: { exit: 2, says: [/--rate-limit/] },
  },
  {
    name: 'flags: --concurrency not whole',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--users', '{users.ndjson}', '--concurrency', '1.5'],
    expect: { exit: 2, says: [/--concurrency/] },
  },
  {
    name: 'flags: --max-records 0',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--users', '{users.ndjson}', '--max-records', '0'],
    expect: { exit: 2, says: [/--max-records/] },
  },
  {
    name: 'flags: --fail-on unknown',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--users', '{users.ndjson}', '--fail-on', 'sometimes'],
    expect: { exit: 2, says: [/--fail-on/] },
  },
  {
    name: 'flags: --time-budget not a duration',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--users', '{users.ndjson}', '--time-budget', 'soon'],
    expect: { exit: 2, says: [/--time-budget/] },
  },
  {
    name: 'flags: an unknown source',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', '--source', 'okta', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/okta/] },
  },
  {
    name: 'flags: --passwords with Clerk',
    files: { 'users.csv': clerkCsv(1), 'p.ndjson': '{}\n' },
    args: ['plan', '--source', 'clerk', '--users', '{users.csv}', '--passwords', '{p.ndjson}'],
    expect: { exit: 2, says: [/--passwords/] },
  },
  { name: 'flags: no --users', files: {}, args: ['plan'], expect: { exit: 2, says: [/--users/] } },
  {
    name: 'flags: an extra positional argument',
    files: { [USERS]: auth0Lines(1) },
    args: ['plan', 'now', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/now/] },
  },
  { name: 'flags: an unknown command', files: {}, args: ['migrate'], expect: { exit: 2, says: [/migrate/] } },
  {
    name: 'flags: import without a key',
    files: { [USERS]: auth0Lines(1) },
    args: ['import', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/key/] },
  },
  {
    name: '--out names an existing file',
    files: { [USERS]: auth0Lines(2), 'report.txt': 'keep me' },
    args: ['plan', '--users', '{users.ndjson}', '--out', '{report.txt}'],
    expect: { exit: 2, says: [/report\.txt/, /--out/, /is a file/] },
  },
  {
    name: '--out lies under a file',
    files: { [USERS]: auth0Lines(2), 'report.txt': 'keep me' },
    args: ['plan', '--users', '{users.ndjson}', '--out', '{report.txt}/sub'],
    expect: { exit: 2, says: [/report\.txt\/sub/, /--out/] },
  },
  {
    name: '--state names an existing file',
    files: { [USERS]: auth0Lines(2), 'state.txt': 'keep me' },
    args: ['plan', '--users', '{users.ndjson}', '--state', '{state.txt}'],
    expect: { exit: 2, says: [/state\.txt/, /--state/, /is a file/] },
  },
  {
    name: 'import: --out names an existing file, and nothing is written to WorkOS',
    files: { [USERS]: auth0Lines(2), 'report.txt': 'keep me' },
    args: ['import', '--users', '{users.ndjson}', '--state', '{dir}/state', '--out', '{report.txt}'],
    expect: { exit: 2, says: [/report\.txt/, /--out/] },
    importIds: [],
  },
  {
    name: 'import: --state names an existing file, and nothing is written to WorkOS',
    files: { [USERS]: auth0Lines(2), 'state.txt': 'keep me' },
    args: ['import', '--users', '{users.ndjson}', '--state', '{state.txt}'],
    expect: { exit: 2, says: [/state\.txt/, /--state/] },
    importIds: [],
  },
  {
    name: '--state: a journal damaged in the middle',
    files: {
      [USERS]: auth0Lines(2),
      'state/journal.ndjson': () =>
        `{"journal":1,"source":"auth0","fingerprint":"${fingerprintOfDefaults()}"}\n{"entity":"us\n{"entity":"user"}\n`,
    },
    args: ['plan', '--users', '{users.ndjson}', '--state', '{dir}/state'],
    expect: { exit: 2, says: [/journal\.ndjson/, /line 2/, /damaged/] },
  },
  {
    name: '--state: a journal that is not ours',
    files: { [USERS]: auth0Lines(2), 'state/journal.ndjson': '{"hello":"world"}\n' },
    args: ['plan', '--users', '{users.ndjson}', '--state', '{dir}/state'],
    expect: { exit: 2, says: [/journal\.ndjson/, /not a migrate-to-workos checkpoint/] },
  },
];

/** Where inputs come from: special files, env:NAME, paths that are not there. */
export const locationCases: CorpusCase[] = [
  {
    name: 'location: --users is a named pipe (FIFO)',
    files: { [USERS]: { fifo: true } },
    args: ['plan', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/users\.ndjson/, /named pipe/] },
    timeoutMs: 5_000,
  },
  {
    name: 'location: --passwords is a named pipe',
    files: { [USERS]: auth0Lines(1), 'p.ndjson': { fifo: true } },
    args: ['plan', '--users', '{users.ndjson}', '--passwords', '{p.ndjson}'],
    expect: { exit: 2, says: [/p\.ndjson/, /named pipe/] },
    timeoutMs: 5_000,
  },
  {
    name: 'location: --organizations is a named pipe',
    files: { [USERS]: auth0Lines(1), 'o.json': { fifo: true } },
    args: ['plan', '--users', '{users.ndjson}', '--organizations', '{o.json}'],
    expect: { exit: 2, says: [/o\.json/, /named pipe/] },
    timeoutMs: 5_000,
  },
  {
    name: 'location: a symlink to a named pipe',
    files: { fifo: { fifo: true }, [USERS]: { symlink: '{dir}/fifo' } },
    args: ['plan', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/users\.ndjson/, /named pipe/] },
    timeoutMs: 5_000,
  },
  {
    name: 'location: a device (/dev/zero)',
    files: {},
    args: ['plan', '--users', '/dev/zero'],
    expect: { exit: 2, says: [/\/dev\/zero/, /device/] },
    timeoutMs: 5_000,
  },
  {
    name: 'location: /dev/null',
    files: {},
    args: ['plan', '--users', '/dev/null'],
    expect: { exit: 2, says: [/\/dev\/null/, /device/] },
    timeoutMs: 5_000,
  },
  {
    name: 'location: --login-probes is a named pipe',
    files: { [USERS]: auth0Lines(1), 'probes.txt': { fifo: true } },
    args: ['verify', '--users', '{users.ndjson}', '--login-probes', '{probes.txt}'],
    env: { WORKOS_CLIENT_ID: 'client_corpus' },
    expect: { exit: 2, says: [/probes\.txt/, /named pipe/] },
    importIds: [],
    timeoutMs: 5_000,
  },
  {
    name: 'location: a directory',
    files: { [USERS]: { dir: true } },
    args: ['plan', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/users\.ndjson/, /directory/] },
  },
  {
    name: 'location: a missing file',
    files: {},
    args: ['plan', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/users\.ndjson/, /not found/] },
  },
  {
    name: 'location: a dangling symlink',
    files: { [USERS]: { symlink: '{dir}/nowhere' } },
    args: ['plan', '--users', '{users.ndjson}'],
    expect: { exit: 2, says: [/users\.ndjson/, /not found/] },
  },
  {
    name: 'location: a symlink loop',
    files: { a: { symlink: '{dir}/b' }, b: { symlink: '{dir}/a' } },
    args: ['plan', '--users', '{a}'],
    expect: { exit: 2, says: [/\ba\b/] },
  },
  {
    name: 'location: a URL',
    files: {},
    args: ['plan', '--users', 'https://example.com/users.ndjson'],
    expect: { exit: 2, says: [/https:/, /not found/] },
  },
  {
    name: 'location: env: with a bad name',
    files: {},
    args: ['plan', '--users', 'env:1BAD'],
    expect: { exit: 2, says: [/env:1BAD/] },
  },
  {
    name: 'location: env: not set',
    files: {},
    args: ['plan', '--users', 'env:CORPUS_UNSET'],
    expect: { exit: 2, says: [/env:CORPUS_UNSET/, /not set/] },
  },
  {
    name: 'location: env: empty',
    files: {},
    args: ['plan', '--users', 'env:CORPUS_EMPTY'],
    env: { CORPUS_EMPTY: '' },
    expect: { exit: 2, says: [/env:CORPUS_EMPTY/, /empty/] },
  },
  {
    name: 'location: env: holding NDJSON',
    files: {},
    args: ['plan', '--users', 'env:CORPUS_USERS'],
    env: { CORPUS_USERS: auth0Lines(2) },
    expect: { exit: 0, good: { users: 2 } },
  },
  {
    name: 'location: env: holding base64 gzip with a bad line',
    files: {},
    args: ['plan', '--users', 'env:CORPUS_USERS'],
    env: { CORPUS_USERS: gzip(ndjson(auth0User(1), '{nope', auth0User(3))).toString('base64') },
    expect: { exit: 1, errors: [{ file: 'env:CORPUS_USERS', line: 2 }], good: { users: 2 } },
  },
  {
    name: 'location: env: holding random text',
    files: {},
    args: ['plan', '--users', 'env:CORPUS_USERS'],
    env: { CORPUS_USERS: 'hello there' },
    expect: { exit: 2, says: [/env:CORPUS_USERS/] },
  },
  {
    name: 'location: a .gpg name without a passphrase',
    files: { 'users.ndjson.gpg': Buffer.from([0x8c, 0x0d, 0x04, 0x09, 0x03, 0x08]) },
    args: ['plan', '--users', '{users.ndjson.gpg}'],
    expect: { exit: 2, says: [/users\.ndjson\.gpg/, /passphrase/] },
  },
  {
    name: 'location: a blank location',
    files: {},
    args: ['plan', '--users', '  '],
    expect: { exit: 2, says: [/blank/] },
  },
  {
    name: 'location: artifact: outside GitHub Actions',
    files: {},
    args: ['plan', '--users', 'artifact:auth0-export'],
    expect: { exit: 2, says: [/artifact:auth0-export/] },
  },
];

/** A journal torn by a kill, then resumed: nothing created twice, nothing lost. */
export const resumeCases: CorpusCase[] = [
  {
    name: 'resume: an import over a journal whose last line was torn by a kill',
    files: {
      [USERS]: auth0Lines(4),
      'state/journal.ndjson': () => {
        const header = JSON.stringify({ journal: 1, source: 'auth0', fingerprint: fingerprintOfDefaults() });
        return header + '\n' + '{"entity":"user","source_id":"auth0|c1","workos_id":"user_';
      },
    },
    args: ['import', '--users', '{users.ndjson}', '--state', '{dir}/state'],
    expect: { exit: 0, good: { users: 4 } },
    importIds: auth0Ids(4),
    timeoutMs: 20_000,
  },
];

let defaultsFingerprint: string | undefined;
function fingerprintOfDefaults(): string {
  defaultsFingerprint ??= configFingerprint(DEFAULT_MAPPING_CONFIG);
  return defaultsFingerprint;
}
