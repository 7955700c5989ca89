import { parseArgs } from 'node:util';
import {
  flagDefault,
  flagsOf,
  MODES,
  parseSettings,
  SETTING_BY_FLAG,
  SETTINGS,
  type Scope,
  type Settings,
  type SettingSpec,
  type WrittenSettings,
} from '../config/settings.js';
import { UsageError } from '../model/types.js';
import { defaultFailOn as modeDefaultFailOn, type FailOn } from '../modes/exit-code.js';

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

/** The --fail-on of a command without the flag: `invalid` for plan, `failed` for the rest (policy skips never fail). */
export function defaultFailOn(command: string): FailOn {
  return modeDefaultFailOn(command === 'plan' ? 'plan' : 'import');
}

const FILE_NOTE = `A FILE may be a path, a .gz, a .gpg/.age file decrypted with the passphrase in
MIGRATE_TO_WORKOS_PASSPHRASE, or env:NAME for a variable holding the content, plain or base64.`;

const EXIT_CODES = `Exit codes: 0 done, or work left for the next stage (cutover: go); 1 records matched --fail-on,
verify found drift or a login probe failed, cutover said no-go, a rollback delete failed, or watch alerted;
2 the run could not start or had to stop; 130 / 143 interrupted (Ctrl-C / SIGTERM), pending work is listed.`;

interface CommandHelp {
  summary: string;
  usage: string;
  /** What the flags do not say, after them. */
  notes?: string;
  examples: string[];
}

/** One entry per command: `migrate-to-workos <command> --help` prints it, with the flags the settings table gives it. */
export const COMMAND_HELP: Record<Exclude<Command, 'help'>, CommandHelp> = {
  plan: {
    summary: 'dry run: read, validate and map the exports; writes nothing to WorkOS',
    usage: 'migrate-to-workos plan --users FILE [--source NAME] [--state DIR] [--out DIR] [flags]',
    notes: `With WORKOS_API_KEY set it reads WorkOS and says what an import would do now: create / update /
remove counts, and changes.jsonl and removals.csv by record (still no writes).`,
    examples: [
      'migrate-to-workos plan --users examples/auth0/users.ndjson --passwords examples/auth0/passwords.ndjson --out report',
      'migrate-to-workos plan --source clerk --users examples/clerk/users.csv --organizations examples/clerk/organizations.json',
    ],
  },
  import: {
    summary: 'import into WorkOS (WORKOS_API_KEY from the environment), resumable with --state',
    usage: 'migrate-to-workos import --users FILE [--source NAME] --state DIR [--out DIR] [flags]',
    notes: `It reads WorkOS, writes the difference (drift repaired, hashes not recorded as sent are sent) and
reads WorkOS back. Ctrl-C stops after the writes in flight and reports what is pending (exit 130); run the same command to go on.`,
    examples: [
      'WORKOS_API_KEY=sk_test_... migrate-to-workos import --users users.ndjson.gz --passwords passwords.ndjson --state state --out report',
      'WORKOS_API_KEY=sk_live_... migrate-to-workos import --users users.ndjson --state state --max-records 20000 --confirm-production',
      'WORKOS_API_KEY=sk_test_... migrate-to-workos import --users users.ndjson --organizations orgs.json --state state --prune',
    ],
  },
  verify: {
    summary: 'reconcile the exports and checkpoint against WorkOS, no writes',
    usage: 'migrate-to-workos verify --users FILE [--source NAME] [--state DIR] [--out DIR] [flags]',
    notes: 'Exit code 0 when WorkOS holds every record as planned, 1 when something is missing or differs.',
    examples: [
      'WORKOS_API_KEY=sk_test_... migrate-to-workos verify --users users.ndjson --state state --out report',
      'WORKOS_CLIENT_ID=client_... WORKOS_API_KEY=sk_test_... migrate-to-workos verify --users users.ndjson --login-probes probes.txt',
    ],
  },
  cutover: {
    summary: 'read-only go/no-go before sign-in switches to WorkOS (cutover.json, cutover.md, sso-setup.csv)',
    usage: 'migrate-to-workos cutover --users FILE [--source NAME] [--state DIR] [--out DIR] [flags]',
    notes:
      'Checks: reconciled, complete, logins, enterprise-sso, people, rollback-ready. Exit 0 go, 1 no-go, 2 could not run.',
    examples: [
      'WORKOS_API_KEY=sk_test_... migrate-to-workos cutover --users users.ndjson --organizations orgs.json --state state --out report',
      'WORKOS_API_KEY=sk_test_... migrate-to-workos cutover --users users.ndjson --organizations orgs.json --state state --portal-links --out report',
    ],
  },
  rollback: {
    summary: 'delete what this migration created, as the checkpoint records it (a preview unless --confirm)',
    usage: 'migrate-to-workos rollback --state DIR [--out DIR] [--confirm]',
    notes: `Users that were in WorkOS before the migration are never deleted (the memberships it gave them are);
fields it updated are not reverted.`,
    examples: [
      'migrate-to-workos rollback --state state --out report',
      'WORKOS_API_KEY=sk_test_... migrate-to-workos rollback --state state --out report --confirm',
    ],
  },
  export: {
    summary: 'fetch the exports from Auth0 or Clerk through their APIs (resumes after an interruption)',
    usage: 'migrate-to-workos export --source auth0|clerk --out DIR',
    notes: `Credentials come from the environment, never a flag:
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
    notes: `Reads the tenant's configuration (read-only) with the credentials export uses, from the environment:
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
    notes: 'Exit code 0 healthy, 1 alert (the organizations are named), 2 could not run. Writes nothing to WorkOS.',
    examples: [
      'WORKOS_API_KEY=sk_live_... migrate-to-workos watch --since 24h --out watch',
      'WORKOS_API_KEY=sk_live_... migrate-to-workos watch --since 2026-03-01T09:00:00Z --fail-above 10 --min-attempts 25',
    ],
  },
  emulator: {
    summary: 'start the local WorkOS stand-in and print its URL',
    usage: 'migrate-to-workos emulator [--port N] [--host 127.0.0.1]',
    notes: `It runs until Ctrl-C. Point the other commands at it with WORKOS_API_URL; it accepts any sk_test_ or
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
    notes:
      'Starts the local WorkOS stand-in, imports the samples of every source twice (the second run resumes from\nthe checkpoint and writes nothing), and prints what WorkOS holds. Needs no key and no network.',
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

const HELP_WIDTH = 110;
const FLAG_COLUMN = 27;

/** One flag's lines in a command's help: `  --flag PLACEHOLDER   help (default X)`, wrapped. */
export function flagHelpLine(spec: SettingSpec, command: Scope): string {
  const name = `--${spec.flag}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
  // fail-on's default depends on the command.
  const fallback = spec === SETTINGS.failOn ? defaultFailOn(command) : flagDefault(spec);
  const text = `${spec.cliHelp ?? ''}${fallback === undefined ? '' : ` (default ${fallback})`}`;
  const lead = `  ${name}`;
  const lines: string[] = [];
  // A long flag (--source's list) gets its own line; its help starts on the next.
  if (lead.length >= FLAG_COLUMN - 1) lines.push(lead);
  let line = lead.length >= FLAG_COLUMN - 1 ? ' '.repeat(FLAG_COLUMN) : lead.padEnd(FLAG_COLUMN);
  for (const word of text.split(' ')) {
    if (line.length + word.length > HELP_WIDTH && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = ' '.repeat(FLAG_COLUMN);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** The help of one command, or the overview. */
export function helpText(topic?: string): string {
  if (topic === undefined || topic === 'help') return USAGE;
  const help = COMMAND_HELP[topic as Exclude<Command, 'help'>];
  if (!help) throw new UsageError(`Unknown command "${topic}". Commands: ${Object.keys(COMMAND_HELP).join(', ')}.`);
  const command = topic as Exclude<Command, 'help'>;
  const flags = command === 'demo' ? [] : flagsOf(command);
  return [
    `Usage: ${help.usage}`,
    '',
    `${topic}: ${help.summary}`,
    '',
    ...(flags.length > 0 ? ['Flags:', ...flags.map(([, spec]) => flagHelpLine(spec, command as Scope)), ''] : []),
    ...(flags.some(([key]) => key === 'users') ? [FILE_NOTE, ''] : []),
    ...(help.notes ? [help.notes, ''] : []),
    'Examples:',
    ...help.examples.map((example) => `  ${example}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

/** The CLI's settings, and the command that uses them. */
export type CliArgs = Settings & {
  command: Command;
  /** The flag, or the command's default. */
  failOn: FailOn;
  /** `help` and `<command> --help`: the command whose help to print. */
  helpTopic?: string;
};

/** The flags the settings table gives a flag, as `parseArgs` takes them. */
const FLAG_OPTIONS = Object.fromEntries([
  ...[...SETTING_BY_FLAG].map(([flag, key]) => [
    flag,
    { type: (SETTINGS[key] as SettingSpec).switch ? ('boolean' as const) : ('string' as const) },
  ]),
  ['help', { type: 'boolean' as const, short: 'h' }],
]);

/** The words and flags of a command line, each flag's value as written (a switch: `true`, or `--prune=false`). */
function readCommandLine(argv: string[]): { positionals: string[]; help: boolean; written: WrittenSettings } {
  // Not strict: a switch may be written `--prune=false`, and an unknown flag or a missing value
  // gets a sentence that says what to do.
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: FLAG_OPTIONS,
  });
  const positionals: string[] = [];
  const written: WrittenSettings = {};
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const key = SETTING_BY_FLAG.get(token.name);
    if (key === undefined)
      throw new UsageError(
        `Unknown flag ${token.rawName}. Run migrate-to-workos help for the commands and their flags.`,
      );
    const spec: SettingSpec = SETTINGS[key];
    if (spec.switch) {
      written[key] = token.value ?? 'true';
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      throw new UsageError(`${token.rawName} needs a value: --${spec.flag} ${spec.placeholder ?? 'VALUE'}.`);
    written[key] = token.value;
  }
  return { positionals, help, written };
}

export function parseCliArgs(argv: string[]): CliArgs {
  const { positionals, help, written } = readCommandLine(argv);
  const first = positionals[0];
  if (help || first === 'help' || first === undefined) {
    const topic = first === 'help' ? positionals[1] : first;
    helpText(topic);
    const settings = parseSettings({}, 'cli', { tool: true });
    return { ...settings, failOn: defaultFailOn('help'), command: 'help', ...(topic ? { helpTopic: topic } : {}) };
  }
  const tool = first === 'emulator' || first === 'demo';
  if (!tool && !(MODES as readonly string[]).includes(first)) {
    try {
      parseSettings({ mode: first }, 'cli');
    } catch (error) {
      // The sentence the action gives for its mode, and where the CLI's own tools are listed.
      throw new UsageError(
        `${(error as Error).message} Run migrate-to-workos help for every command (emulator and demo too).`,
      );
    }
  }
  if (positionals.length > 1)
    throw new UsageError(`Unexpected argument "${positionals[1]}". Flags take the form --name value.`);
  const settings = parseSettings(tool ? written : { ...written, mode: first }, 'cli', { tool });
  return { ...settings, failOn: settings.failOn ?? defaultFailOn(first), command: first as Command };
}
