import { z } from 'zod';
import { SOURCE_KINDS } from '../model/source-kinds.js';
import { UsageError } from '../model/types.js';

// Every setting of the CLI and the action, described once: its flag, its input, what values it
// takes, its default and its help. `migrate-to-workos <command> --help`, action.yml and the
// README's tables are checked against (or made from) this table, and both the CLI and the action
// parse through it, so the same bad value is refused with the same sentence by both.

/** What `mode` (the action) and the command (the CLI) may be. */
export const MODES = ['plan', 'import', 'verify', 'cutover', 'rollback', 'export', 'inventory', 'watch'] as const;
export type Mode = (typeof MODES)[number];
/** The modes that run a migration over the exports and the checkpoint. */
export type MigrationMode = 'plan' | 'import' | 'verify' | 'cutover' | 'rollback';
/** Where a setting applies: a mode, or the CLI's `emulator`. */
export type Scope = Mode | 'emulator';

const MIGRATION: readonly Scope[] = ['plan', 'import', 'verify', 'cutover'];
const READS_WORKOS: readonly Scope[] = ['plan', 'import', 'verify', 'cutover', 'rollback'];

/** How the user wrote a setting: a CLI flag or an action input. */
export type Surface = 'cli' | 'action';

/** "a, b or c" */
export function oneOf(choices: readonly string[]): string {
  return choices.length < 2 ? (choices[0] ?? '') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}

// The value parsers. Each takes the written value (trimmed; undefined when not given) and
// says what is wrong without naming the setting: the sentence names it the way the user wrote it.
const text = z.string().optional();
const choice = <const T extends readonly [string, ...string[]]>(choices: T) =>
  z.enum(choices, { error: `must be ${oneOf(choices)}` }).optional();
const switchValue = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }))
  .transform((s) => s === 'true')
  .optional()
  .transform((value) => value ?? false);
const POSITIVE = 'must be a number greater than 0, such as 50 or 12.5';
const positiveNumber = z
  .string()
  .regex(/^\d+(\.\d+)?$/, POSITIVE)
  .transform(Number)
  .refine((n) => n > 0, POSITIVE)
  .optional();
const WHOLE_POSITIVE = 'must be a whole number greater than 0';
const wholePositive = z
  .string()
  .regex(/^\d+$/, WHOLE_POSITIVE)
  .transform(Number)
  .refine((n) => n > 0, WHOLE_POSITIVE)
  .optional();
const wholeCount = z.string().regex(/^\d+$/, 'must be a whole number (0 or more)').transform(Number).optional();
const PORT = 'must be a port number from 0 to 65535';
const port = z
  .string()
  .regex(/^\d+$/, PORT)
  .transform(Number)
  .refine((n) => n <= 65535, PORT)
  .optional();
const PERCENT = 'must be a percentage from 0 to 100';
const percent = z
  .string()
  .regex(/^\d+(\.\d+)?%?$/, PERCENT)
  .transform((s) => Number(s.replace(/%$/, '')))
  .refine((n) => n <= 100, PERCENT)
  .optional();
/** Parses `5h30m`, `90m`, `45s`, `1h` (--time-budget) into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$/.exec(text);
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return ((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 1000;
}
const DURATION = 'must be a duration like 5h30m, 90m or 45s';
const duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, DURATION)
  .transform((s) => parseDuration(s)!)
  .optional();
const url = z.url({ error: 'must be a URL such as https://api.workos.com' }).optional();
const artifactName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'may hold letters, digits, dot, dash and underscore (at most 100)')
  .optional();

export interface SettingSpec {
  /** The CLI flag, without its dashes; none: the action only. */
  flag?: string;
  /** The action input (action.yml's key); none: the CLI only. */
  input?: string;
  /** A CLI switch (`--prune`, or `--prune=false`); `true` or `false` in the action. */
  switch?: true;
  /** What the flag takes, in its help: `--users FILE`. */
  placeholder?: string;
  value: z.ZodType;
  /** The value when not given, as written; parsed like a written one. */
  default?: string;
  /** The value the engine uses when not given (action.yml writes it as the input's default). */
  engineDefault?: string;
  /** The default in words, when it is not one value. */
  defaultNote?: string;
  /** The CLI commands whose help lists the flag. */
  commands: readonly Scope[];
  /** The flag's line in `<command> --help`. */
  cliHelp?: string;
  /** The input's description in action.yml. */
  actionHelp?: string;
  /** Never quoted back in a message. */
  secret?: true;
  /** Spaces at either end are part of the value (a passphrase). */
  keepSpaces?: true;
}

export const SETTINGS = {
  mode: {
    input: 'mode',
    value: choice(MODES),
    default: 'plan',
    commands: [],
    actionHelp:
      "plan (dry run; with a key, what an import would change in WorkOS), import (write the difference), verify (no writes; fails on drift), rollback (delete what the migration created; a preview unless confirm-rollback), cutover (read-only go/no-go before sign-in moves: reconciled, complete, logins, enterprise SSO, people, rollback ready), export (fetch the exports from the Auth0 or Clerk API into an artifact; credentials from env: AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET or AUTH0_MANAGEMENT_TOKEN; CLERK_SECRET_KEY), inventory (before you start: the old tenant's dependencies, each portable, replaceable or redesign; credentials from env as for export), or watch (after cutover: sign-in health per organization from WorkOS's events; fails on an alert). Pull requests never write: on pull_request and pull_request_target events, fork or not, import and a confirmed rollback are refused; plan is the dry run for pull requests.",
  },
  source: {
    flag: 'source',
    input: 'source',
    placeholder: SOURCE_KINDS.join('|'),
    value: choice(SOURCE_KINDS),
    default: 'auth0',
    commands: [...MIGRATION, 'export', 'inventory'],
    cliHelp: 'where the exports come from (export and inventory: auth0 or clerk)',
    actionHelp:
      "Where the exports come from: auth0, clerk, firebase, cognito, supabase or csv (the WorkOS migrations CLI's columns).",
  },
  users: {
    flag: 'users',
    input: 'users',
    placeholder: 'FILE',
    value: text,
    commands: MIGRATION,
    cliHelp: 'the user export (NDJSON, JSON or CSV; .gz detected)',
    actionHelp:
      "The user export (NDJSON, JSON or CSV; gzip detected): a path in the repository, a .gpg/.age file (decrypted with passphrase), env:NAME (a secret's content, plain or base64), or artifact:NAME[/path] (from an earlier run or job). Required by every mode but rollback.",
  },
  passwords: {
    flag: 'passwords',
    input: 'passwords',
    placeholder: 'FILE',
    value: text,
    commands: MIGRATION,
    cliHelp: "Auth0's password-hash export",
    actionHelp:
      'Auth0 only: the password-hash export from Auth0 support (NDJSON), in the same forms as users: a path, a .gpg/.age file, env:NAME or artifact:NAME[/path].',
  },
  organizations: {
    flag: 'organizations',
    input: 'organizations',
    placeholder: 'FILE',
    value: text,
    commands: MIGRATION,
    cliHelp: 'organizations with their members (Auth0, Clerk)',
    actionHelp: 'The organizations file (organizations with their members), in the same forms as users.',
  },
  hashConfig: {
    flag: 'hash-config',
    input: 'hash-config',
    placeholder: 'FILE',
    value: text,
    commands: MIGRATION,
    cliHelp: "Firebase: the project's password hash parameters (JSON or the console's block)",
    actionHelp:
      "Firebase only: the project's password hash parameters (JSON {base64_signer_key, base64_salt_separator, rounds, mem_cost}, or the console's hash_config block); a path, .gpg/.age file or env:NAME. Or put them under hashConfig in the config.",
  },
  mfa: {
    flag: 'mfa',
    input: 'mfa',
    placeholder: 'FILE',
    value: text,
    commands: MIGRATION,
    cliHelp: "TOTP secrets: Auth0's MFA export from support (NDJSON), Supabase's auth.mfa_factors dump",
    actionHelp:
      "Auth0 and Supabase: the file with the users' TOTP secrets, which move as TOTP factors: Auth0's MFA export from Auth0 support (NDJSON lines {user_id, type: otp, otp_secret}), or a dump of Supabase's auth.mfa_factors (CSV or JSON); a path, .gpg/.age file, env:NAME or artifact:NAME.",
  },
  config: {
    flag: 'config',
    input: 'config',
    placeholder: 'FILE',
    value: text,
    commands: MIGRATION,
    cliHelp: 'mapping config (YAML or JSON): role map, metadata map, policies',
    actionHelp: 'Path of a mapping config (YAML or JSON): role map, metadata map, policies.',
  },
  workosApiKey: {
    input: 'workos-api-key',
    value: text,
    commands: [...READS_WORKOS, 'watch'],
    secret: true,
    actionHelp:
      'WorkOS secret API key (sk_test_… or sk_live_…), from a secret. Needed for import, verify, cutover and rollback; a plan with a key diffs against WorkOS.',
  },
  apiUrl: {
    flag: 'api-url',
    input: 'workos-api-url',
    placeholder: 'URL',
    value: url,
    commands: [...READS_WORKOS, 'watch'],
    cliHelp: 'WorkOS API base URL (or WORKOS_API_URL)',
    actionHelp: 'WorkOS API base URL. Leave empty for https://api.workos.com.',
  },
  rateLimit: {
    flag: 'rate-limit',
    input: 'rate-limit',
    placeholder: 'N',
    value: positiveNumber,
    engineDefault: '50',
    commands: ['import', 'rollback'],
    cliHelp: "WorkOS's user-management write limit per second; the run paces just under it",
    actionHelp: "WorkOS's user-management write limit per second (50: its 500 per 10 s); the run paces just under it.",
  },
  readRateLimit: {
    flag: 'read-rate-limit',
    placeholder: 'N',
    value: positiveNumber,
    engineDefault: '100',
    commands: READS_WORKOS,
    cliHelp: "WorkOS's user-management read limit per second; the run paces just under it",
  },
  concurrency: {
    flag: 'concurrency',
    input: 'concurrency',
    placeholder: 'N',
    value: wholePositive,
    engineDefault: '100',
    commands: ['import', 'rollback'],
    cliHelp: 'most records in flight, a ceiling: the pace follows the rate',
    actionHelp: 'The most records in flight at once: a ceiling; how many are in flight follows the measured latency.',
  },
  maxRecords: {
    flag: 'max-records',
    input: 'max-records',
    placeholder: 'N',
    value: wholePositive,
    commands: ['import'],
    cliHelp: 'stop cleanly after N records that need writes (a stage)',
    actionHelp: 'Stop cleanly after this many records that need writes (a stage); the next run goes on.',
  },
  timeBudgetMs: {
    flag: 'time-budget',
    input: 'time-budget',
    placeholder: '5h30m',
    value: duration,
    commands: ['import'],
    cliHelp: 'stop cleanly after this long',
    actionHelp: "Stop cleanly after this long (e.g. 5h30m), before the job's own limit.",
  },
  confirmProduction: {
    flag: 'confirm-production',
    input: 'confirm-production',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['import', 'rollback'],
    cliHelp: 'allow an sk_live_ key (otherwise asked on a terminal, refused elsewhere)',
    actionHelp: 'Must be true to import (or roll back) with a production (sk_live_) key.',
  },
  state: {
    flag: 'state',
    placeholder: 'DIR',
    value: text,
    commands: READS_WORKOS,
    cliHelp: 'checkpoint directory (resume from it; created if missing); rollback: required',
  },
  out: {
    flag: 'out',
    input: 'out',
    placeholder: 'DIR',
    value: text,
    commands: [...READS_WORKOS, 'export', 'inventory', 'watch'],
    cliHelp: 'report directory: where the command writes its reports (created if missing)',
    actionHelp: 'Directory for the report files. Defaults to a folder under RUNNER_TEMP.',
  },
  includePii: {
    flag: 'include-pii',
    input: 'include-pii',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: [...MIGRATION, 'watch'],
    cliHelp: 'put emails (and source ids that hold one) in the reports; without it they are digests',
    actionHelp:
      'true: emails, and source ids that contain one, in the report files. Off by default: no report holds an email, and a source id that contains one is written as its sha256: digest (id-map.csv always keeps exact source ids).',
  },
  force: {
    flag: 'force',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: MIGRATION,
    cliHelp: 'reuse a checkpoint made with another source or config',
  },
  failOn: {
    flag: 'fail-on',
    input: 'fail-on',
    placeholder: 'invalid|failed|never',
    value: choice(['invalid', 'failed', 'never']),
    defaultNote: 'invalid for plan, failed for the rest',
    commands: ['plan', 'import', 'verify'],
    cliHelp: 'which record problems make the exit code 1',
    actionHelp:
      'Which record problems fail the step: invalid (invalid or failed records), failed, or never. Empty: invalid for plan, failed for import. Records skipped by policy and pending work never fail a run.',
  },
  prune: {
    flag: 'prune',
    input: 'prune',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['import'],
    cliHelp:
      'also delete records of this migration that left the export (removals.csv); only those the checkpoint records as created: users who existed before stay',
    actionHelp:
      'import: also delete records of this migration that left the export (memberships, then users, then organizations): only those the checkpoint records as created; users who were in WorkOS before, and records it cannot prove it created, are listed in removals.csv (kept_because) and never deleted.',
  },
  pruneLimit: {
    flag: 'prune-limit',
    input: 'prune-limit',
    placeholder: 'N',
    value: wholeCount,
    defaultNote: "10 % of the export's users",
    commands: ['import'],
    cliHelp: 'refuse, deleting nothing, when more would be deleted',
    actionHelp:
      "import with prune: refuse (and delete nothing) when more records would be deleted than this. Default: 10 % of the export's users.",
  },
  forcePasswords: {
    flag: 'force-passwords',
    input: 'force-passwords',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['plan', 'import'],
    cliHelp:
      "send the export's hashes even to users who signed in to WorkOS since (replaces the password they use there; without it WorkOS's password wins after a sign-in)",
    actionHelp:
      "plan, import: send the export's password hashes even to users who have signed in to WorkOS since (last_sign_in_at), replacing the password they use there. Without it WorkOS's password wins once a user has signed in.",
  },
  lazyPasswords: {
    flag: 'lazy-passwords',
    input: 'lazy-passwords',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['plan', 'import', 'verify'],
    cliHelp:
      'mark users without an importable hash as pending (metadata migrate_to_workos_lazy) and list them in lazy.csv instead of password-reset.csv: the migrate-to-workos/lazy library moves each password at the first sign-in; verify: expect the marks and count who moved',
    actionHelp:
      "plan, import: mark users without an importable password hash as pending (user metadata migrate_to_workos_lazy) and list them in lazy.csv instead of password-reset.csv; the package's migrate-to-workos/lazy library moves each password at the user's first sign-in.",
  },
  lazyFinish: {
    flag: 'lazy-finish',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['import'],
    cliHelp:
      'for the day the old provider is switched off: clear the mark of every user still pending and list them in password-reset.csv (users who moved keep theirs); no other writes',
  },
  confirm: {
    flag: 'confirm',
    input: 'confirm-rollback',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['rollback'],
    cliHelp: 'delete for real; without it, a preview (rollback.csv)',
    actionHelp: 'mode rollback: must be true to delete; without it rollback only previews (rollback.csv).',
  },
  portalLinks: {
    flag: 'portal-links',
    input: 'portal-links',
    switch: true,
    value: switchValue,
    default: 'false',
    commands: ['cutover'],
    cliHelp:
      'an Admin Portal SSO setup link per organization that still needs a connection (secrets: only in sso-setup.csv)',
    actionHelp:
      'mode cutover: make an Admin Portal SSO setup link for each organization that still needs a connection. The links are secrets: masked, and only in sso-setup.csv in the report artifact.',
  },
  loginProbes: {
    flag: 'login-probes',
    placeholder: 'FILE',
    value: text,
    commands: ['verify', 'cutover'],
    cliHelp: 'test accounts ("email password" a line, or JSON) whose sign-in must work; needs WORKOS_CLIENT_ID',
  },
  loginProbesText: {
    input: 'login-probes',
    value: text,
    commands: ['verify', 'cutover'],
    secret: true,
    actionHelp:
      'verify: test accounts whose password sign-in must work, from a secret: one "email password" a line, or a JSON array of {email, password}.',
  },
  workosClientId: {
    input: 'workos-client-id',
    value: text,
    commands: ['verify', 'cutover'],
    actionHelp: "The WorkOS environment's client id (client_…), for login-probes.",
  },
  passphrase: {
    input: 'passphrase',
    value: text,
    commands: [...MIGRATION, 'export'],
    secret: true,
    keepSpaces: true,
    actionHelp: 'Passphrase for exports encrypted with gpg --symmetric or age -p (from a secret).',
  },
  stateStore: {
    input: 'state',
    value: choice(['artifact', 'branch', 'none']),
    default: 'artifact',
    commands: READS_WORKOS,
    actionHelp:
      'Where the checkpoint lives between runs: artifact (a workflow artifact; needs actions: read), branch (commits to migrate-to-workos/<state-name>; needs contents: write), or none. Only runs of this repository on push, workflow_dispatch, schedule, workflow_call or repository_dispatch are trusted; pull-request runs read the checkpoint and never write one.',
  },
  stateName: {
    input: 'state-name',
    value: artifactName,
    default: 'workos-migration-state',
    commands: READS_WORKOS,
    actionHelp:
      'Name of the checkpoint (artifact prefix or branch suffix). One per migration, shared by all its workflows.',
  },
  stateRetentionDays: {
    input: 'state-retention-days',
    value: wholePositive,
    engineDefault: '30',
    commands: READS_WORKOS,
    actionHelp:
      "Days a checkpoint artifact is kept (1-90, capped by the repository's setting). Each run saves the whole journal once, then only new entries; a pause longer than this needs state: branch.",
  },
  reportRetentionDays: {
    input: 'report-retention-days',
    value: wholePositive,
    engineDefault: '30',
    commands: READS_WORKOS,
    actionHelp:
      "Days the report artifact is kept (1-90, capped by the repository's setting). On pull_request runs it leaves out id-map.csv (its source ids can hold emails) unless include-pii.",
  },
  githubToken: {
    input: 'github-token',
    value: text,
    engineDefault: '${{ github.token }}',
    commands: READS_WORKOS,
    secret: true,
    actionHelp: 'Token for the checkpoint store and the PR comment.',
  },
  comment: {
    input: 'comment',
    value: choice(['auto', 'always', 'never']),
    default: 'auto',
    commands: READS_WORKOS,
    actionHelp: 'Sticky PR comment on pull_request runs: auto (plan mode only), always (any mode), or never.',
  },
  exportArtifact: {
    input: 'export-artifact',
    value: artifactName,
    default: 'migrate-to-workos-export',
    commands: ['export'],
    actionHelp: 'mode: export: name of the artifact the export files go into (encrypted with passphrase when given).',
  },
  since: {
    flag: 'since',
    input: 'since',
    placeholder: '24h|ISO',
    value: text,
    engineDefault: '24h',
    commands: ['watch'],
    cliHelp: 'start of the window: a span back from --until (24h, 7d, 90m) or an ISO time',
    actionHelp: 'mode: watch: start of the window, a span back from until (24h, 7d, 90m) or an ISO 8601 time.',
  },
  until: {
    flag: 'until',
    input: 'until',
    placeholder: 'ISO',
    value: text,
    defaultNote: 'now',
    commands: ['watch'],
    cliHelp: 'end of the window',
    actionHelp: 'mode: watch: end of the window, an ISO 8601 time (default now).',
  },
  failAbove: {
    flag: 'fail-above',
    input: 'fail-above',
    placeholder: 'PCT',
    value: percent,
    engineDefault: '20',
    commands: ['watch'],
    cliHelp: 'alert when more than PCT % of sign-ins failed, overall or in one organization',
    actionHelp:
      'mode: watch: fail (alert) when more than this percentage of sign-ins failed, overall or in one organization.',
  },
  minAttempts: {
    flag: 'min-attempts',
    input: 'min-attempts',
    placeholder: 'N',
    value: wholeCount,
    engineDefault: '10',
    commands: ['watch'],
    cliHelp: 'an organization (and the whole) needs N attempts before it can alert',
    actionHelp: 'mode: watch: the sign-in attempts an organization (and the whole) needs before it can alert.',
  },
  port: {
    flag: 'port',
    placeholder: 'N',
    value: port,
    defaultNote: 'any free port',
    commands: ['emulator'],
    cliHelp: 'port to listen on',
  },
  host: {
    flag: 'host',
    placeholder: 'HOST',
    value: text,
    default: '127.0.0.1',
    commands: ['emulator'],
    cliHelp: 'address to listen on',
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;

const SettingsSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([key, spec]) => [key, spec.value])) as {
    [K in SettingKey]: (typeof SETTINGS)[K]['value'];
  },
);

/** Every setting, parsed: what the CLI's flags and the action's inputs both become. */
type Parsed = z.output<typeof SettingsSchema>;
/** The settings that always have a value: their default. */
type Defaulted = { [K in SettingKey]: (typeof SETTINGS)[K] extends { default: string } ? K : never }[SettingKey];
export type Settings = Omit<Parsed, Defaulted> & { [K in Defaulted]-?: NonNullable<Parsed[K]> };

/** The written values, by setting; a setting not given is left out (or undefined). */
export type WrittenSettings = Partial<Record<SettingKey, string>>;

/** The setting's name as the user wrote it: `--rate-limit` on the CLI, `rate-limit` in the action. */
export function settingName(key: SettingKey, surface: Surface): string {
  const spec: SettingSpec = SETTINGS[key];
  if (surface === 'cli') return key === 'mode' ? 'the command' : `--${spec.flag ?? spec.input}`;
  return spec.input ?? `--${spec.flag}`;
}

/**
 * Parses what the user wrote into `Settings`, or throws the first problem as one sentence that
 * names the setting as written: `--rate-limit must be …, got "1e3".` / `rate-limit must be …`.
 */
export function parseSettings(
  written: WrittenSettings,
  surface: Surface,
  options: { /** The CLI's emulator, demo and help: no mode's rules apply. */ tool?: boolean } = {},
): Settings {
  const raw: Record<string, string | undefined> = {};
  for (const [key, spec] of Object.entries(SETTINGS) as [SettingKey, SettingSpec][]) {
    const value = written[key];
    const given = value === undefined ? undefined : spec.keepSpaces ? value : value.trim();
    raw[key] = given === undefined || given === '' ? spec.default : given;
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path[0] as SettingKey;
    throw new UsageError(settingProblem(key, surface, issue.message, raw[key]));
  }
  const settings = parsed.data as Settings;
  if (!options.tool) checkTogether(settings, surface);
  return settings;
}

/** `<name> <what is wrong>, got "<value>".` The one sentence both the CLI and the action print. */
export function settingProblem(key: SettingKey, surface: Surface, problem: string, value?: string): string {
  const spec: SettingSpec = SETTINGS[key];
  const got = value === undefined || spec.secret ? '' : `, got "${value}"`;
  return `${settingName(key, surface)} ${problem}${got}.`;
}

/** Rules about settings given together. */
function checkTogether(settings: Settings, surface: Surface): void {
  const users = settingName('users', surface);
  const needsUsers = settings.mode === 'plan' || settings.mode === 'import' || settings.mode === 'verify';
  if ((needsUsers || settings.mode === 'cutover') && !settings.users)
    throw new UsageError(`${settings.mode} needs ${users}, the user export: it is missing or blank.`);
  if (settings.lazyFinish) {
    if (settings.mode !== 'import')
      throw new UsageError(`${settingName('lazyFinish', surface)} goes with import only.`);
    if (settings.lazyPasswords)
      throw new UsageError(
        `${settingName('lazyFinish', surface)} ends a lazy migration: leave out ${settingName('lazyPasswords', surface)}.`,
      );
  }
}

/** The settings whose flag the CLI knows, by flag. */
export const SETTING_BY_FLAG: ReadonlyMap<string, SettingKey> = new Map(
  (Object.entries(SETTINGS) as [SettingKey, SettingSpec][]).flatMap(([key, spec]) =>
    spec.flag ? [[spec.flag, key] as const] : [],
  ),
);

/** The settings the action reads, by input. */
export const SETTING_BY_INPUT: ReadonlyMap<string, SettingKey> = new Map(
  (Object.entries(SETTINGS) as [SettingKey, SettingSpec][]).flatMap(([key, spec]) =>
    spec.input ? [[spec.input, key] as const] : [],
  ),
);

/** The flags a command's help lists, in the table's order. */
export function flagsOf(command: Scope): [SettingKey, SettingSpec][] {
  return (Object.entries(SETTINGS) as [SettingKey, SettingSpec][]).filter(
    ([, spec]) => spec.flag && spec.commands.includes(command),
  );
}

/** A flag's default as its help and the README say it (a switch is off). */
export function flagDefault(spec: SettingSpec): string | undefined {
  if (spec.switch) return undefined;
  return spec.default ?? spec.engineDefault ?? spec.defaultNote;
}
