// Which export a file looks like, from its CSV header or its first JSON record: when a file is
// given as one source (or one file kind) and looks like another, the run stops with a sentence
// that names the flag to use, instead of dropping columns or failing every record.

/** What a file looks like, said so a user recognizes it, and the flags that read it. */
export interface ExportShape {
  /** The `--source` that reads it. */
  source: string;
  /** `users` for `--users`; `passwords` for Auth0's `--passwords`. */
  kind: 'users' | 'passwords';
  /** What the file is, in the exporter's words. */
  what: string;
}

const has = (names: ReadonlySet<string>, ...columns: string[]) => columns.every((c) => names.has(c));

/** The export a CSV header belongs to, when it is one of the known ones. */
export function csvHeaderShape(columns: readonly string[]): ExportShape | undefined {
  const names = new Set(columns.map((c) => c.trim().toLowerCase()));
  if (has(names, 'encrypted_password') || has(names, 'raw_user_meta_data') || has(names, 'email_confirmed_at', 'aud'))
    return { source: 'supabase', kind: 'users', what: "a dump of Supabase's auth.users" };
  if (
    has(names, 'primary_email_address') ||
    has(names, 'verified_email_addresses') ||
    has(names, 'id', 'email_addresses', 'password_hasher')
  )
    return { source: 'clerk', kind: 'users', what: "Clerk's dashboard user export" };
  if (has(names, 'password_hash_type') || has(names, 'org_external_id'))
    return { source: 'csv', kind: 'users', what: "the WorkOS migrations CLI's CSV" };
  return undefined;
}

/** The export a JSON record belongs to (the first of the file), when it is one of the known ones. */
export function jsonRecordShape(record: unknown): ExportShape | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  const is = (key: string) => r[key] !== undefined && r[key] !== null;
  if (is('passwordHash') && !is('user_id') && !is('localId') && (is('_id') || is('tenant') || is('_ID')))
    return { source: 'auth0', kind: 'passwords', what: "Auth0's password-hash export" };
  if (is('user_id') && (is('identities') || is('email')))
    return { source: 'auth0', kind: 'users', what: 'an Auth0 user export' };
  if (is('localId')) return { source: 'firebase', kind: 'users', what: 'a Firebase auth:export' };
  if (is('Username') && (is('Attributes') || is('UserAttributes')))
    return { source: 'cognito', kind: 'users', what: 'AWS Cognito list-users output' };
  if (is('aud') && (is('encrypted_password') || is('raw_user_meta_data') || is('raw_app_meta_data')))
    return { source: 'supabase', kind: 'users', what: "Supabase's auth.users" };
  if (typeof r.id === 'string' && r.id.startsWith('user_') && (is('email_addresses') || is('primary_email_address_id')))
    return { source: 'clerk', kind: 'users', what: 'a Clerk user export' };
  return undefined;
}

/** The export a top-level object is, from the key that holds its records (`Users`: Cognito's list-users). */
export function wrapperShape(keys: readonly string[]): ExportShape | undefined {
  if (keys.includes('Users')) return { source: 'cognito', kind: 'users', what: 'AWS Cognito list-users output' };
  return undefined;
}

/**
 * The sentence for a file given as `given` (source, and file kind) that looks like `shape`, or
 * undefined when it is what it was given as.
 */
export function misplacedExport(
  path: string,
  given: { source: string; kind: ExportShape['kind'] },
  shape: ExportShape | undefined,
): string | undefined {
  if (!shape || (shape.source === given.source && shape.kind === given.kind)) return undefined;
  if (shape.source === given.source && shape.kind === 'passwords')
    return `${path}: this is ${shape.what}, not its user export; give it as --passwords FILE and the user export as --users FILE.`;
  const flag = shape.kind === 'passwords' ? '--passwords' : '--users';
  return `${path}: this looks like ${shape.what}, not a ${given.source} export; run with --source ${shape.source} (${flag} ${path}).`;
}
