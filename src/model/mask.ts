// The one scrubber (DESIGN §3): everything that reaches a report, the job summary, a PR comment,
// an annotation, a log line or the CLI's output passes through here. It masks the secrets the run
// knows (registered once at start), anything shaped like a WorkOS key or an Authorization header
// (API error bodies can echo the request), password hashes, and emails unless the reports may
// hold them; and it keeps control characters from export data off terminals and log lines.

/** Environment variables that hold credentials, whichever command reads them. */
export const SECRET_VARIABLES = [
  'WORKOS_API_KEY',
  'MIGRATE_TO_WORKOS_PASSPHRASE',
  'AUTH0_CLIENT_SECRET',
  'AUTH0_MANAGEMENT_TOKEN',
  'CLERK_SECRET_KEY',
  'GITHUB_TOKEN',
  'GH_TOKEN',
] as const;

// Masking a two- or three-letter string everywhere would garble every report and protect nothing.
const MIN_SECRET_LENGTH = 4;
const SECRET_MASK = '[secret]';

// Longest first, so a secret that contains another is masked whole; one pattern finds them all.
let knownSecrets: string[] = [];
let secretPattern: RegExp | undefined;

/**
 * Makes `value` a secret for the rest of the process: it never appears in anything this module
 * scrubs. Also its URL-encoded and Base64 forms, in which an error body may quote it.
 */
export function registerSecret(value: string | undefined): void {
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length < MIN_SECRET_LENGTH) return;
  const forms = [trimmed, value!, encodeURIComponent(trimmed), Buffer.from(trimmed).toString('base64')];
  const added = forms.filter((form) => form.length >= MIN_SECRET_LENGTH && !knownSecrets.includes(form));
  if (added.length === 0) return;
  knownSecrets = [...knownSecrets, ...added].sort((a, b) => b.length - a.length);
  secretPattern = new RegExp(
    knownSecrets.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
}

// Secrets that come by the thousand (TOTP secrets, one per user): a regex alternative each would
// make every scrub slow, so they sit in a set and each run of letters and digits long enough to
// be one is looked up. They are compared in upper case without padding, the way Base32 is.
const tokenSecrets = new Set<string>();
const MIN_TOKEN_SECRET_LENGTH = 8;
const TOKEN_CANDIDATE = /[A-Za-z0-9]{8,}/g;

/**
 * Makes `value` a secret that is masked wherever it stands as a token of its own (between
 * characters that are not letters or digits), in any case: a TOTP secret, as an API error
 * body may quote it. Cheap for a million of them, unlike registerSecret.
 */
export function registerTokenSecret(value: string | undefined): void {
  const token = value?.replace(/[\s=-]/g, '').toUpperCase();
  if (!token || token.length < MIN_TOKEN_SECRET_LENGTH || !/^[A-Z0-9]+$/.test(token)) return;
  tokenSecrets.add(token);
}

function maskTokenSecrets(text: string): string {
  if (tokenSecrets.size === 0) return text;
  return text.replace(TOKEN_CANDIDATE, (token) => (tokenSecrets.has(token.toUpperCase()) ? SECRET_MASK : token));
}

/** Registers every credential the environment holds (SECRET_VARIABLES). */
export function registerSecretsFromEnvironment(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_VARIABLES) registerSecret(env[name]);
}

/** Forgets every registered secret (tests only: a process keeps its secrets to the end). */
export function forgetSecretsForTests(): void {
  knownSecrets = [];
  secretPattern = undefined;
  tokenSecrets.clear();
}

export interface ScrubOptions {
  /** The user asked for PII in the reports (include-pii): emails stay. Logs, comments and annotations never keep them. */
  keepEmails?: boolean;
}

// CR, LF and the Unicode line breaks end a log line early; inside one value they become a space.
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// C0 (but tab and LF), DEL, C1, and the bidi marks and overrides that make a line read other than it is.
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const REPLACEMENT = '\ufffd';
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
// A line that starts with one of these is a workflow command to the GitHub runner.
const WORKFLOW_COMMAND = /^(\s*)(::|##\[)/;

/** One value (a name, a message, an id) on one line: no line breaks, no control characters, nothing secret. */
export function scrubValue(value: string, options: ScrubOptions = {}): string {
  const flat = ANY_CONTROL.test(value)
    ? value.replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(UNSAFE_CHARACTER, REPLACEMENT)
    : value;
  return maskSensitive(flat, options);
}

/**
 * Text this program composed (a log message, the terminal's summary, markdown): its own line
 * breaks stay, every other control character goes, and no line can be taken for a workflow command.
 */
export function scrubText(text: string, options: ScrubOptions = {}): string {
  const flat = text
    .replace(/\r\n/g, '\n')
    .replace(/[\r\u0085\u2028\u2029]/g, ' ')
    .replace(UNSAFE_CHARACTER, REPLACEMENT);
  return maskSensitive(flat, options)
    .split('\n')
    .map((line) =>
      line.replace(
        WORKFLOW_COMMAND,
        (_all, space: string, command: string) => `${space}${command[0]}\u200b${command.slice(1)}`,
      ),
    )
    .join('\n');
}

/** A JSON value (summary.json, a report line) with every string and every key scrubbed as a value. */
export function scrubJson(value: unknown, options: ScrubOptions = {}): unknown {
  if (typeof value === 'string') return scrubValue(value, options);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, options));
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a key such as `__proto__` from an export stays an ordinary key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    const name = scrubValue(key, options);
    const scrubbed = scrubJson(item, options);
    // Two names from an export that scrub alike (`a\nb`, `a b`) are one name: their counts add up.
    const earlier = out[name];
    out[name] = typeof earlier === 'number' && typeof scrubbed === 'number' ? earlier + scrubbed : scrubbed;
  }
  return out;
}

/** One JSON line of a report (errors.jsonl, changes.jsonl), scrubbed. */
export function scrubbedJsonLine(value: unknown, options: ScrubOptions = {}): string {
  return `${JSON.stringify(scrubJson(value, options))}\n`;
}

// The second line of defence, for a credential nobody registered: the token of an echoed
// Authorization header, WorkOS API keys, GitHub tokens.
// A bearer token's characters (RFC 6750 b64token), so a mask already made (`[secret]`) is not one.
const AUTHORIZATION_SHAPED = /\b(Bearer)\s+[A-Za-z0-9._~+/-]{6,}=*/gi;
const KEY_SHAPED = /sk_(test|live)_[A-Za-z0-9]+/g;
const GITHUB_TOKEN_SHAPED = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g;

// What any rule below could change; most values (codes, ids, our own sentences) hold none of it.
const WORTH_A_LOOK = /[@${]|sk_|bearer|gh[pousr]_|github_pat_/i;

function maskSensitive(input: string, options: ScrubOptions): string {
  const text = maskTokenSecrets(input);
  const secrets = secretPattern;
  const holdsSecret = secrets !== undefined && text.search(secrets) >= 0;
  if (!holdsSecret && !WORTH_A_LOOK.test(text)) return text;
  // Known secrets first: the shape rules below could cut one into pieces no longer recognized.
  let out = holdsSecret ? text.replace(secrets!, SECRET_MASK) : text;
  out = out
    .replace(AUTHORIZATION_SHAPED, `$1 ${SECRET_MASK}`)
    .replace(KEY_SHAPED, `sk_$1_${SECRET_MASK}`)
    .replace(GITHUB_TOKEN_SHAPED, SECRET_MASK);
  out = maskHashes(out);
  if (!options.keepEmails) out = maskEmailsInText(out);
  // A mask next to other text could spell a (strange) secret again: such a secret is removed,
  // which shortens the text each time, so this ends with none left.
  while (secrets !== undefined && out.search(secrets) >= 0) out = out.replace(secrets, '');
  return out;
}

/**
 * An email as logs and PR comments may show it: `j***@acme.com`. Enough to tell users apart in
 * a short list, not enough to read the address. Text that is not an email becomes `***`.
 */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return '***';
  const first = [...trimmed.slice(0, at)][0] ?? '';
  const domain = trimmed.slice(at + 1);
  return `${first}***@${domain}`;
}

// Runs of characters that can be part of an address; everything else separates them (`|` too:
// Auth0's `samlp|acme|ann@corp.example` keeps its prefix). One pass, no backtracking: a regex that
// looks for `local@domain.tld` directly is quadratic on a long run without an @, and messages can
// carry long values from an export.
const ADDRESS_CANDIDATE = /[^\s<>()[\]{}"',;:|=]+/g;

/** Masks every email-shaped piece of text the way logs show emails: `j***@acme.com`. */
export function maskEmailsInText(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(ADDRESS_CANDIDATE, (token) => (looksLikeEmail(token) ? maskEmail(token) : token));
}

function looksLikeEmail(token: string): boolean {
  const at = token.lastIndexOf('@');
  if (at <= 0) return false;
  const domain = token.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && dot < domain.length - 1;
}

// Modular crypt format ($2b$10$…, $argon2id$…, $pbkdf2-sha256$…) and LDAP {SSHA} style hashes.
const HASH_SHAPED = /\$[A-Za-z0-9-]{1,20}\$[^\s"']{8,}|\{S?SHA(?:256|512)?\}[A-Za-z0-9+/=]{8,}/gi;

function maskHashes(text: string): string {
  return text.includes('$') || text.includes('{') ? text.replace(HASH_SHAPED, '[hash]') : text;
}
