import { parseArgs } from 'node:util';
import { UsageError } from '../model/types.js';
import type { FailOn } from '../modes/exit-code.js';
import { parseDuration } from '../report/progress.js';

export const COMMANDS = ['plan', 'import', 'verify', 'rollback', 'cutover', 'export', 'emulator', 'demo', 'bench', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const FAIL_ON: readonly FailOn[] = ['invalid', 'failed', 'never'];

export const USAGE = `Usage: migrate-to-workos <command> [flags]

Commands:
  plan      dry run: read, validate and map the exports; writes nothing to WorkOS
  import    import into WorkOS (WORKOS_API_KEY from the environment), resumable with --state
  verify    reconcile the exports and checkpoint against WorkOS, no writes
  cutover   read-only go/no-go before sign-in switches to WorkOS (cutover.json, cutover.md,
            sso-setup.csv); exit 0 go, 1 no-go
  rollback  delete what this migration created, as the checkpoint (--state) records it;
            a preview unless --confirm
  export    fetch the exports from Auth0 or Clerk (--source auth0|clerk --out DIR; credentials from
            AUTH0_DOMAIN + AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET or AUTH0_MANAGEMENT_TOKEN, or
            CLERK_SECRET_KEY); resumes after an interruption
  emulator  start the local WorkOS stand-in and print its URL
  demo      import the bundled sample exports into the stand-in and print the reconciliation

Source flags (a FILE may be a path, a .gpg/.age file decrypted with the passphrase in
MIGRATE_TO_WORKOS_PASSPHRASE, env:NAME for a variable holding the content, plain or base64):
  --source auth0|clerk|firebase|cognito|supabase|csv   where the exports come from (default auth0)
  --users FILE             the user export (NDJSON, JSON or CSV; .gz detected)
  --passwords FILE         Auth0's password-hash export
  --organizations FILE     organizations with their members (Auth0, Clerk)
  --hash-config FILE       Firebase: the project's password hash parameters (JSON or the console's block)
  --config FILE            mapping config (YAML or JSON)
Run flags:
  --state DIR              checkpoint directory (resume from it; created if missing)
  --out DIR                report directory (summary.json, summary.md, errors.jsonl, id-map.csv, reenroll.csv)
  --rate-limit N           WorkOS writes per second for the whole run (default 48)
  --concurrency N          most records in flight, a ceiling: the pace follows the rate (default 100)
  --max-records N          stop cleanly after N records that need writes (a stage)
  --time-budget 5h30m      stop cleanly after this long
  --api-url URL            WorkOS API base URL (or WORKOS_API_URL)
  --prune                  import: delete records of this migration that left the export
  --prune-limit N          refuse to prune more than N records (default 10 % of the export's users)
  --confirm                rollback: delete for real (without it, a preview)
  --portal-links           cutover: an Admin Portal SSO setup link per organization that needs one
                           (in sso-setup.csv only: the links are secrets)
  --fail-on invalid|failed|never   which record problems make the exit code 1
                           (default: invalid for plan, failed for import)
  --login-probes FILE      verify: test accounts ("email password" a line, or JSON) whose sign-in
                           must work; needs WORKOS_CLIENT_ID
  --include-pii            put emails in reenroll.csv and password-reset.csv
  --force                  reuse a checkpoint made with another source or config
Emulator flags: --port N, --host 127.0.0.1

Exit codes: 0 done; 1 some records invalid or failed (see errors.jsonl); 2 the run could not start.`;

export interface CliArgs {
  command: Command;
  source: string;
  users?: string;
  passwords?: string;
  organizations?: string;
  hashConfig?: string;
  config?: string;
  state?: string;
  out?: string;
  rateLimit?: number;
  concurrency?: number;
  maxRecords?: number;
  timeBudgetMs?: number;
  apiUrl?: string;
  /** Undefined: the mode's default (DESIGN §2). */
  failOn?: FailOn;
  prune: boolean;
  pruneLimit?: number;
  confirm: boolean;
  portalLinks: boolean;
  includePii: boolean;
  force: boolean;
  loginProbes?: string;
  port?: number;
  host: string;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: 'string', default: 'auth0' },
        users: { type: 'string' },
        passwords: { type: 'string' },
        organizations: { type: 'string' },
        'hash-config': { type: 'string' },
        config: { type: 'string' },
        state: { type: 'string' },
        out: { type: 'string' },
        'rate-limit': { type: 'string' },
        concurrency: { type: 'string' },
        'max-records': { type: 'string' },
        'time-budget': { type: 'string' },
        'api-url': { type: 'string' },
        'fail-on': { type: 'string' },
        prune: { type: 'boolean', default: false },
        'prune-limit': { type: 'string' },
        confirm: { type: 'boolean', default: false },
        'portal-links': { type: 'boolean', default: false },
        'include-pii': { type: 'boolean', default: false },
        'login-probes': { type: 'string' },
        force: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run migrate-to-workos help for the flags.`);
  }
  const { values, positionals } = parsed;
  const command = values.help ? 'help' : (positionals[0] ?? 'help');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.`);
  }
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}". Flags take the form --name value.`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}".`);
  const timeBudget = values['time-budget'];
  const timeBudgetMs = timeBudget === undefined ? undefined : parseDuration(timeBudget);
  if (timeBudget !== undefined && timeBudgetMs === undefined) throw new UsageError(`--time-budget "${timeBudget}" is not a duration like 5h30m, 90m or 45s.`);
  return {
    command: command as Command,
    source: values.source,
    users: values.users,
    passwords: values.passwords,
    organizations: values.organizations,
    hashConfig: values['hash-config'],
    config: values.config,
    state: values.state,
    out: values.out,
    rateLimit: positiveNumber('--rate-limit', values['rate-limit']),
    concurrency: positiveInteger('--concurrency', values.concurrency),
    maxRecords: positiveInteger('--max-records', values['max-records']),
    timeBudgetMs,
    apiUrl: values['api-url'],
    failOn: failOn as FailOn | undefined,
    prune: values.prune,
    pruneLimit: values['prune-limit'] === undefined ? undefined : nonNegativeCount('--prune-limit', values['prune-limit']),
    confirm: values.confirm,
    portalLinks: values['portal-links'],
    includePii: values['include-pii'],
    force: values.force,
    loginProbes: values['login-probes'],
    port: values.port === undefined ? undefined : nonNegativeInteger('--port', values.port),
    host: values.host,
  };
}

function positiveNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}".`);
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
