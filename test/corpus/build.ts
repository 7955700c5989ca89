import { gzipSync } from 'node:zlib';
import { CORPUS_DOMAIN, CORPUS_HASH_MARK } from './harness.js';

// Small builders for corpus content: every email ends in the corpus domain and every hash
// carries the corpus mark, so the leak check can find them in any output.

export function email(n: number | string): string {
  return `person${n}@${CORPUS_DOMAIN}`;
}

/** A bcrypt-shaped hash (53 characters after `$2b$10$`) that holds the corpus mark. */
export function bcrypt(n: number): string {
  const tail = `${CORPUS_HASH_MARK}${String(n).padStart(6, '0')}`;
  return `$2b$10$${(tail + 'a'.repeat(53)).slice(0, 53)}`;
}

export interface Auth0UserShape {
  user_id?: unknown;
  email?: unknown;
  [key: string]: unknown;
}

export function auth0User(n: number, extra: Record<string, unknown> = {}): Auth0UserShape {
  return {
    user_id: `auth0|c${n}`,
    email: email(n),
    email_verified: true,
    given_name: `Given${n}`,
    family_name: `Family${n}`,
    ...extra,
  };
}

export function ndjson(...records: unknown[]): string {
  return records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

/** NDJSON of good users 1..n, with `replace` swapping in other lines at 1-based positions. */
export function auth0Lines(n: number, replace: Record<number, unknown> = {}): string {
  return ndjson(...Array.from({ length: n }, (_, i) => (i + 1 in replace ? replace[i + 1] : auth0User(i + 1))));
}

export function auth0Ids(n: number, except: number[] = []): string[] {
  return Array.from({ length: n }, (_, i) => i + 1)
    .filter((i) => !except.includes(i))
    .map((i) => `auth0|c${i}`);
}

export function passwordRow(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: { $oid: `c${n}` },
    email: email(n),
    email_verified: true,
    passwordHash: bcrypt(n),
    connection: 'Username-Password-Authentication',
    ...extra,
  };
}

export const CLERK_HEADER =
  'id,first_name,last_name,username,primary_email_address,primary_phone_number,verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,password_digest,password_hasher';

export function clerkRow(
  n: number,
  cells: Partial<Record<'id' | 'first' | 'email' | 'digest' | 'hasher', string>> = {},
): string {
  const mail = cells.email ?? email(n);
  return [
    cells.id ?? `user_c${n}`,
    cells.first ?? `First${n}`,
    `Last${n}`,
    '',
    mail,
    '',
    mail,
    '',
    '',
    '',
    '',
    cells.digest ?? '',
    cells.hasher ?? '',
  ].join(',');
}

/** A Clerk CSV of good users 1..n, with `replace` swapping in other rows at 1-based positions (line = position + 1). */
export function clerkCsv(n: number, replace: Record<number, string> = {}): string {
  return [CLERK_HEADER, ...Array.from({ length: n }, (_, i) => replace[i + 1] ?? clerkRow(i + 1))].join('\n') + '\n';
}

export function clerkIds(n: number, except: number[] = []): string[] {
  return Array.from({ length: n }, (_, i) => i + 1)
    .filter((i) => !except.includes(i))
    .map((i) => `user_c${i}`);
}

export function clerkJsonUser(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: `user_c${n}`, first_name: `First${n}`, last_name: `Last${n}`, email_addresses: email(n), ...extra };
}

export function gzip(text: string | Buffer): Buffer {
  return gzipSync(text);
}

export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** JSON text of a value nested `depth` levels deep (JSON.stringify itself would overflow the stack). */
export function deepJson(depth: number): string {
  return '{"d":'.repeat(depth) + '"bottom"' + '}'.repeat(depth);
}

/** A record's NDJSON line with `deepJson(depth)` at app_metadata.deep. */
export function deepAuth0Line(n: number, depth: number): string {
  return JSON.stringify(auth0User(n, { app_metadata: { tier: 't', deep: '__DEEP__' } })).replace(
    '"__DEEP__"',
    deepJson(depth),
  );
}

/** A value nested `depth` levels deep, built without recursion. */
export function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { d: value };
  return value;
}

/** Deterministic pseudo-random bytes. */
export function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}
