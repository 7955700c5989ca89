import { parseArgs } from 'node:util';
import { UsageError } from '../model/types.js';
import { defaultFailOn as modeDefaultFailOn, type FailOn } from '../modes/exit-code.js';
import { parseDuration } from '../report/progress.js';

export const COMMANDS = [
  'plan',
  'import',
  'verify',
  'cutover',
  'rollback',
  'export',
  'inventory',
  'watch',
  'emulator',
  'demo',
  'help',
] as const;
export type Command = (typeof COMMANDS)[number];

const FAIL_ON: readonly FailOn[] = ['invalid', 'failed', 'never'];

/** The --fail-on of a command without the flag: `invalid` for plan, `failed` for the rest (policy skips never fail). */
export function defaultFailOn(command: string): FailOn {
  return modeDefaultFailOn(command === 'plan' ? 'plan' : 'import');
}

const SOURCE_FLAGS = `Source flags (a FILE may be a path, a .gz, a .gpg/.age file decrypted with the passphrase in
MIGRATE_TO_WORKOS_PASSPHRASE, or env:NAME for a variable holding the content, plain or base64):
  --source auth0|clerk|firebase|cognito|supabase|csv   where the exports come from (default auth0)
  --users FILE             the user export (NDJSON, JSON or CSV; .gz detected)
  --passwords FILE         Auth0's password-hash export
  --organizations FILE     organizations with their members (Auth0, Clerk)
  --hash-config FILE       Firebase: the project's password hash parameters (JSON or the console's block)
  --config FILE            mapping config (YAML or JSON): role map, metadata map, policies`;

const REPORT_FLAGS = `  --state DIR              checkpoint directory (resume from it; created if missing)
  --out DIR                report directory (summary.json, summary.md, errors.jsonl, id-map.csv, reenroll.csv)
  --api-url URL            WorkOS API base URL (or WORKOS_API_URL)
  --include-pii            put emails (and source ids that hold one) in reenroll.csv and password-reset.csv
  --force                  reuse a checkpoint made with another source or config`;

const RUN_FLAGS = `  --rate-limit N           WorkOS's user-management write limit per second; paced just under it (default 50)
  --read-rate-limit N      WorkOS's user-management read limit per second; paced just under it (default 100)
  --concurrency N          most records in flight, a ceiling: the pace follows the rate (default 100)
  --max-records N          stop cleanly after N records that need writes (a stage)
  --time-budget 5h30m      stop cleanly after this long
  --confirm-production     allow an sk_live_ key (otherwise asked on a terminal, refused elsewhere)`;

const EXIT_CODES = `Exit codes: 0 done, or work left for the next stage (cutover: go); 1 records matched --fail-on,
verify found drift or a login probe failed, cutover said no-go, a rollback delete failed, or watch alerted;
2 the run could not start or had to stop; 130 / 143 interrupted (Ctrl-C / SIGTERM), pending work is listed.`;

interface CommandHelp {
  summary: string;
  usage: string;
  body: string;
  examples: string[];
}

/** One entry per command: `migrate-to-workos <command> --help` prints it. */
export const COMMAND_HELP: Record<Exclude<Command, 'help'>, CommandHelp> = {
  plan: {
    summary: 'dry run: read, validate and map the exports; writes nothing to WorkOS',
    usage: 'migrate-to-workos plan [source flags] [--state DIR] [--out DIR] [--fail-on invalid|failed|never]',
    body: `${SOURCE_FLAGS}
Flags:
${REPORT_FLAGS}
  --fail-on invalid|failed|never   which record problems make the exit code 1 (default ${defaultFailOn('plan')})
  --force-passwords        plan as import --force-passwords would: hashes go to users who signed in to WorkOS too
With WORKOS_API_KEY set it reads WorkOS and says what an import would do now: create / update /
remove counts, and changes.jsonl and removals.csv by record (still no writes).`,
    examples: [
      'migrate-to-workos plan --users examples/auth0/users.ndjson --passwords examples/auth0/passwords.ndjson --out report',
      'migrate-to-workos plan --source clerk --users examples/clerk/users.csv --organizations examples/clerk/organizations.json',
    ],
  },
  import: {
    summary: 'import into WorkOS (WORKOS_API_KEY from the environment), resumable with --state',
    usage:
      'migrate-to-workos import [source flags] --state DIR [--out DIR] [run flags] [--lazy-passwords | --lazy-finish]',
    body: `${SOURCE_FLAGS}
Run flags:
${RUN_FLAGS}
${REPORT_FLAGS}
  --fail-on invalid|failed|never   which record problems make the exit code 1 (default ${defaultFailOn('import')})
  --prune                  also delete records of this migration that left the export (removals.csv); only
                           those the checkpoint records as created: users who existed before stay
  --prune-limit N          refuse, deleting nothing, when more would be deleted (default 10 % of the export's users)
  --force-passwords        send the export's hashes even to users who signed in to WorkOS since (replaces
                           the password they use there; without it WorkOS's password wins after a sign-in)
  --lazy-passwords         mark users without an importable hash as pending (metadata
                           migrate_to_workos_lazy) and list them in lazy.csv instead of password-reset.csv:
                           the migrate-to-workos/lazy library moves each password at the user's first sign-in
  --lazy-finish            for the day the old provider is switched off: clear the mark of every user still
                           pending and list them in password-reset.csv (users who moved keep theirs); no other writes
It reads WorkOS, writes the difference (drift repaired, hashes not recorded as sent are sent) and
reads WorkOS back. Ctrl-C stops after the writes in flight and reports what is pending (exit 130); run the same command to go on.`,
    examples: [
      'WORKOS_API_KEY=sk_test_... migrate-to-workos import --users users.ndjson.gz --passwords passwords.ndjson --state state --out report',
      'WORKOS_API_KEY=sk_live_... migrate-to-workos import --users users.ndjson --state state --max-records 20000 --confirm-production',
      'WORKOS_API_KEY=sk_test_... migrate-to-workos import --users users.ndjson --organizations orgs.json --state state --prune',
    ],
  },
  verify: {
    summary: 'reconcile the exports and checkpoint against WorkOS, no writes',
    usage: 'migrate-to-workos verify [source flags] [--state DIR] [--out DIR] [--login-probes FILE] [--lazy-passwords]',
    body: `${SOURCE_FLAGS}
Flags:
${REPORT_FLAGS}
  --login-probes FILE      test accounts ("email password" a line, or JSON) whose sign-in must work;
                           needs WORKOS_CLIENT_ID
  --lazy-passwords         the import marked users for a lazy migration: expect the marks, and count the
                           users still pending and those who moved (summary lazy)
Exit code 0 when WorkOS holds every record as planned, 1 when something is missing or differs.`,
    examples: [
      'WORKOS_API_KEY=sk_test_... migrate-to-workos verify --users users.ndjson --state state --out report',
      'WORKOS_CLIENT_ID=client_... WORKOS_API_KEY=sk_test_... migrate-to-workos verify --users users.ndjson --login-probes probes.txt',
    ],
  },
  cutover: {
    summary: 'read-only go/no-go before sign-in switches to WorkOS (cutover.json, cutover.md, sso-setup.csv)',
    usage: 'migrate-to-workos cutover [source flags] [--state DIR] [--out DIR] [--login-probes FILE] [--portal-links]',
    body: `${SOURCE_FLAGS}
Flags:
${REPORT_FLAGS}
  --login-probes FILE      test accounts whose sign-in must work; needs WORKOS_CLIENT_ID
  --portal-links           an Admin Portal SSO setup link per organization that still needs a connection
                           (secrets: only in sso-setup.csv)
Checks: reconciled, complete, logins, enterprise-sso, people, rollback-ready. Exit 0 go, 1 no-go, 2 could not run.`,
    examples: [
      'WORKOS_API_KEY=sk_test_... migrate-to-workos cutover --users users.ndjson --organizations orgs.json --state state --out report',
      'WORKOS_API_KEY=sk_test_... migrate-to-workos cutover --users users.ndjson --organizations orgs.json --state state --portal-links --out report',
    ],
  },
  rollback: {
    summary: 'delete what this migration created, as the checkpoint records it (a preview unless --confirm)',
    usage: 'migrate-to-workos rollback --state DIR [--out DIR] [--confirm]',
    body: `Flags:
  --state DIR              the migration's checkpoint directory (required)
  --out DIR                report directory (rollback.csv lists every record and what happens to it)
  --confirm                delete for real; without it, a preview
  --api-url URL            WorkOS API base URL (or WORKOS_API_URL)
  --confirm-production     allow an sk_live_ key
Users that were in WorkOS before the migration are never deleted (the memberships it gave them are);
fields it updated are not reverted.`,
    examples: [
      'migrate-to-workos rollback --state state --out report',
      'WORKOS_API_KEY=sk_test_... migrate-to-workos rollback --state state --out report --confirm',
    ],
  },
  export: {
    summary: 'fetch the exports from Auth0 or Clerk through their APIs (resumes after an interruption)',
    usage: 'migrate-to-workos export --source auth0|clerk --out DIR',
    body: `Credentials come from the environment, never a flag:
  Auth0: AUTH0_DOMAIN with AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_MANAGEMENT_TOKEN (AUTH0_API_URL overrides the base URL)
  Clerk: CLERK_SECRET_KEY (CLERK_API_URL overrides the base URL)
Writes users (Auth0: users.ndjson.gz, byte for byte; Clerk: users.json) and organizations.json to --out.
Password hashes never come from these APIs: see the README, "Getting the exports".`,
    examples: [
      'AUTH0_DOMAIN=acme.eu.auth0.com AUTH0_CLIENT_ID=... AUTH0_CLIENT_SECRET=... migrate-to-workos export --source auth0 --out exports',
      'CLERK_SECRET_KEY=sk_live_... migrate-to-workos export --source clerk --out exports',
    ],
  },
  inventory: {
    summary: "before you start: list the old tenant's dependencies as portable, replaceable or redesign",
    usage: 'migrate-to-workos inventory --source auth0|clerk --out DIR',
    body: `Reads the tenant's configuration (read-only) with the credentials export uses, from the environment:
  Auth0: AUTH0_DOMAIN with AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or AUTH0_MANAGEMENT_TOKEN (AUTH0_API_URL overrides the base URL)
  Clerk: CLERK_SECRET_KEY (CLERK_API_URL overrides the base URL)
Writes inventory.json and inventory.md to --out: each connection, rule, action, hook, custom domain, MFA
factor, log stream, application, API, role and the organizations, with what WorkOS offers in its place
and what to do. Secrets the API returns (client secrets, code, keys) are never written.
A kind the credentials may not read is listed as unread, with the scope to grant.`,
    examples: [
      'AUTH0_DOMAIN=acme.eu.auth0.com AUTH0_CLIENT_ID=... AUTH0_CLIENT_SECRET=... migrate-to-workos inventory --source auth0 --out inventory',
    ],
  },
  watch: {
    summary: "after cutover: sign-in health from WorkOS's events, per organization (read-only)",
    usage: 'migrate-to-workos watch [--since 24h|ISO] [--until ISO] [--fail-above PCT] [--min-attempts N] [--out DIR]',
    body: `Flags:
  --since 24h|ISO          start of the window: a span back from --until (24h, 7d, 90m) or an ISO time (default 24h)
  --until ISO              end of the window (default now)
  --fail-above PCT         alert when more than PCT % of sign-ins failed, overall or in one organization (default 20)
  --min-attempts N         an organization (and the whole) needs N attempts before it can alert (default 10)
  --out DIR                report directory (watch.json, watch.md)
  --api-url URL            WorkOS API base URL (or WORKOS_API_URL)
  --include-pii            emails beside the digests of migrated users whose first sign-ins fail
Exit code 0 healthy, 1 alert (the organizations are named), 2 could not run. Writes nothing to WorkOS.`,
    examples: [
      'WORKOS_API_KEY=sk_live_... migrate-to-workos watch --since 24h --out watch',
      'WORKOS_API_KEY=sk_live_... migrate-to-workos watch --since 2026-03-01T09:00:00Z --fail-above 10 --min-attempts 25',
    ],
  },
  emulator: {
    summary: 'start the local WorkOS stand-in and print its URL',
    usage: 'migrate-to-workos emulator [--port N] [--host 127.0.0.1]',
    body: `Flags:
  --port N                 port to listen on (default: any free port)
  --host HOST              address to listen on (default 127.0.0.1)
It runs until Ctrl-C. Point the other commands at it with WORKOS_API_URL; it accepts any sk_test_ or
sk_live_ key and any client id. Its controls (roles, SSO connections, faults, state) are under
/_emulator/, documented in docs/emulator.md.`,
    examples: [
      'migrate-to-workos emulator --port 8787',
      'WORKOS_API_URL=http://127.0.0.1:8787 WORKOS_API_KEY=sk_test_local migrate-to-workos import --users examples/auth0/users.ndjson --state state',
    ],
  },
  demo: {
    summary: 'import the bundled sample exports into the stand-in and print the reconciliation',
    usage: 'migrate-to-workos demo',
    body: 'Starts the local WorkOS stand-in, imports the samples of every source twice (the second run resumes from\nthe checkpoint and writes nothing), and prints what WorkOS holds. Needs no key and no network.',
    examples: ['migrate-to-workos demo'],
  },
};

export const USAGE = `Usage: migrate-to-workos <command> [flags]

Commands:
${Object.entries(COMMAND_HELP)
  .map(([name, help]) => `  ${name.padEnd(9)} ${help.summary}`)
  .join('\n')}

Run migrate-to-workos <command> --help for a command's flags and examples.
The WorkOS key comes from WORKOS_API_KEY (never a flag).

${EXIT_CODES}`;

/** The help of one command, or the overview. */
export function helpText(topic?: string): string {
  if (topic === undefined || topic === 'help') return USAGE;
  const help = COMMAND_HELP[topic as Exclude<Command, 'help'>];
  if (!help) throw new UsageError(`Unknown command "${topic}". Commands: ${Object.keys(COMMAND_HELP).join(', ')}.`);
  return [
    `Usage: ${help.usage}`,
    '',
    `${topic}: ${help.summary}`,
    '',
    help.body,
    '',
    'Examples:',
    ...help.examples.map((example) => `  ${example}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

export interface CliArgs {
  command: Command;
  /** `help` and `<command> --help`: the command whose help to print. */
  helpTopic?: string;
  confirmProduction: boolean;
  source: string;
  hashConfig?: string;
  prune: boolean;
  pruneLimit?: number;
  forcePasswords: boolean;
  lazyPasswords: boolean;
  lazyFinish: boolean;
  confirm: boolean;
  portalLinks: boolean;
  users?: string;
  passwords?: string;
  organizations?: string;
  config?: string;
  state?: string;
  out?: string;
  rateLimit?: number;
  readRateLimit?: number;
  concurrency?: number;
  maxRecords?: number;
  timeBudgetMs?: number;
  apiUrl?: string;
  failOn: FailOn;
  includePii: boolean;
  force: boolean;
  loginProbes?: string;
  port?: number;
  host: string;
  /** watch: the window and the alert threshold. */
  since?: string;
  until?: string;
  failAbove?: number;
  minAttempts?: number;
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      source: { type: 'string', default: 'auth0' },
      users: { type: 'string' },
      passwords: { type: 'string' },
      organizations: { type: 'string' },
      config: { type: 'string' },
      state: { type: 'string' },
      out: { type: 'string' },
      'rate-limit': { type: 'string' },
      'read-rate-limit': { type: 'string' },
      concurrency: { type: 'string' },
      'max-records': { type: 'string' },
      'time-budget': { type: 'string' },
      'api-url': { type: 'string' },
      'fail-on': { type: 'string' },
      'confirm-production': { type: 'boolean', default: false },
      'hash-config': { type: 'string' },
      prune: { type: 'boolean', default: false },
      'prune-limit': { type: 'string' },
      'force-passwords': { type: 'boolean', default: false },
      'lazy-passwords': { type: 'boolean', default: false },
      'lazy-finish': { type: 'boolean', default: false },
      confirm: { type: 'boolean', default: false },
      'portal-links': { type: 'boolean', default: false },
      'include-pii': { type: 'boolean', default: false },
      'login-probes': { type: 'string' },
      force: { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      since: { type: 'string' },
      until: { type: 'string' },
      'fail-above': { type: 'string' },
      'min-attempts': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run migrate-to-workos help for the flags.`);
  }
  const { values, positionals } = parsed;
  const first = positionals[0];
  if (values.help || first === 'help' || first === undefined) {
    const topic = first === 'help' ? positionals[1] : first;
    helpText(topic);
    return { ...HELP_DEFAULTS, command: 'help', ...(topic ? { helpTopic: topic } : {}) };
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(
      `Unknown command "${first}". Commands: ${COMMANDS.join(', ')}. Run migrate-to-workos help for more.`,
    );
  }
  const command = first as Command;
  if (positionals.length > 1)
    throw new UsageError(`Unexpected argument "${positionals[1]}". Flags take the form --name value.`);
  const failOn = values['fail-on'] ?? defaultFailOn(command);
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}".`);
  const timeBudget = values['time-budget'];
  const timeBudgetMs = timeBudget === undefined ? undefined : parseDuration(timeBudget);
  if (timeBudget !== undefined && timeBudgetMs === undefined)
    throw new UsageError(`--time-budget "${timeBudget}" is not a duration like 5h30m, 90m or 45s.`);
  return {
    command,
    confirmProduction: values['confirm-production'],
    source: values.source,
    hashConfig: values['hash-config'],
    prune: values.prune,
    pruneLimit:
      values['prune-limit'] === undefined ? undefined : nonNegativeCount('--prune-limit', values['prune-limit']),
    forcePasswords: values['force-passwords'],
    lazyPasswords: values['lazy-passwords'],
    lazyFinish: lazyFinishFlag(command, values['lazy-finish'], values['lazy-passwords']),
    confirm: values.confirm,
    portalLinks: values['portal-links'],
    users: values.users,
    passwords: values.passwords,
    organizations: values.organizations,
    config: values.config,
    state: values.state,
    out: values.out,
    rateLimit: positiveNumber('--rate-limit', values['rate-limit']),
    readRateLimit: positiveNumber('--read-rate-limit', values['read-rate-limit']),
    concurrency: positiveInteger('--concurrency', values.concurrency),
    maxRecords: positiveInteger('--max-records', values['max-records']),
    timeBudgetMs,
    apiUrl: values['api-url'],
    failOn: failOn as FailOn,
    includePii: values['include-pii'],
    force: values.force,
    loginProbes: values['login-probes'],
    port: values.port === undefined ? undefined : nonNegativeInteger('--port', values.port),
    host: values.host,
    since: values.since,
    until: values.until,
    failAbove: percent('--fail-above', values['fail-above']),
    minAttempts:
      values['min-attempts'] === undefined ? undefined : nonNegativeCount('--min-attempts', values['min-attempts']),
  };
}

const HELP_DEFAULTS: CliArgs = {
  command: 'help',
  confirmProduction: false,
  prune: false,
  forcePasswords: false,
  lazyPasswords: false,
  lazyFinish: false,
  confirm: false,
  portalLinks: false,
  source: 'auth0',
  failOn: 'invalid',
  includePii: false,
  force: false,
  host: '127.0.0.1',
};

function positiveNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}".`);
  return n;
}

function percent(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/%$/, ''));
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`${flag} must be a percentage from 0 to 100, got "${raw}".`);
  return n;
}

function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  const n = positiveNumber(flag, raw);
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${flag} must be a whole number, got "${raw}".`);
  return n;
}

function nonNegativeCount(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number (0 or more), got "${raw}".`);
  return n;
}

function nonNegativeInteger(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${flag} must be a port number, got "${raw}".`);
  return n;
}

function lazyFinishFlag(command: string, lazyFinish: boolean, lazyPasswords: boolean): boolean {
  if (!lazyFinish) return false;
  if (command !== 'import') throw new UsageError('--lazy-finish goes with import only.');
  if (lazyPasswords) throw new UsageError('--lazy-finish ends a lazy migration: leave out --lazy-passwords.');
  return true;
}
