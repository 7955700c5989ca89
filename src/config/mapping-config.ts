import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { FirebaseHashConfigSchema } from '../model/firebase-hash-config.js';
import { notRegularFile } from '../io/file-kind.js';
import { UsageError } from '../model/types.js';
import { METADATA_LIMITS } from '../model/validate.js';
import { stableJson } from '../model/stable-json.js';

// The mapping config (`--config FILE`, YAML or JSON): how source roles become WorkOS role
// slugs, which source fields become WorkOS metadata, and what to do with blocked, unverified
// and email-less users. Every key is optional; a run without a config uses the defaults.

const MAX_CONFIG_BYTES = 1 << 20;
const MAX_CONFIG_ALIASES = 100;

/** Source fields that hold secrets: never metadata, whatever the config says (DESIGN §5). */
const SECRET_FIELD =
  /(?:^|\.)(?:totp_secret|password_digest|password_hasher|password_hash|passwordhash|backup_codes|password)$/i;

const roleSlug = z
  .string({ error: 'must be a string (a WorkOS role slug)' })
  .trim()
  .min(1, { error: 'must not be empty (a WorkOS role slug)' })
  .regex(/^\S+$/, { error: 'must be a WorkOS role slug, without spaces' });

const fieldPath = z
  .string({ error: 'must be a string (the source field path, such as public_metadata.plan)' })
  .trim()
  .min(1, { error: 'must not be empty (the source field path, such as public_metadata.plan)' })
  .refine((path) => !SECRET_FIELD.test(path), {
    error: 'names a password hash or TOTP secret; those never go into metadata',
  });

const metadataMap = z
  .record(
    z.string().max(METADATA_LIMITS.maxKeyLength, {
      error: `is longer than ${METADATA_LIMITS.maxKeyLength} characters, the WorkOS limit for a metadata key`,
    }),
    fieldPath,
    { error: 'must be a mapping of WorkOS metadata key to source field path' },
  )
  .refine((map) => Object.keys(map).length <= METADATA_LIMITS.maxKeys, {
    error: `maps more than ${METADATA_LIMITS.maxKeys} keys, the WorkOS limit for metadata`,
  });

const limit = z
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be more than 0' });

export const MappingConfigSchema = z.strictObject(
  {
    /** Source role (Clerk `org:admin`; Auth0 role name or id) → WorkOS role slug. */
    roles: z
      .record(z.string(), roleSlug, { error: 'must be a mapping of source role to WorkOS role slug' })
      .default({}),
    metadata: z
      .strictObject(
        {
          /** WorkOS metadata key → source field path (`public_metadata.plan`, `app_metadata.tier`). */
          users: metadataMap.default({}),
          organizations: metadataMap.default({}),
        },
        { error: 'must be a mapping with users and/or organizations' },
      )
      .default({ users: {}, organizations: {} }),
    policies: z
      .strictObject(
        {
          blockedUsers: z.enum(['skip', 'import'], { error: 'must be skip or import' }).default('skip'),
          unverifiedEmails: z.enum(['import', 'skip'], { error: 'must be import or skip' }).default('import'),
          // No default written in: a config without the key keeps the fingerprint it had before
          // the key existed, so journals made then still resume (absent means import-verified).
          unverifiedDuplicates: z
            .enum(['import-verified', 'import-neither'], { error: 'must be import-verified or import-neither' })
            .optional(),
          // A Cognito file whose last page still carries a pagination token holds some of the pool
          // only. Refused unless the team says it is meant to be part (absent means refuse).
          partialExports: z.enum(['refuse', 'import'], { error: 'must be refuse or import' }).optional(),
          // Cognito users who never confirmed their sign-up (UserStatus UNCONFIRMED): absent means skip.
          unconfirmedUsers: z.enum(['skip', 'import'], { error: 'must be skip or import' }).optional(),
          // import --lazy-passwords: users without an importable hash are marked pending for the
          // lazy migration library instead of a reset (absent means off, the fingerprint unchanged).
          lazyPasswords: z.boolean({ error: 'must be true or false' }).optional(),
          // Roles the export uses and the environment lacks: created before the memberships
          // (absent means create), or reported as unknown_role with their memberships (report).
          missingRoles: z.enum(['create', 'report'], { error: 'must be create or report' }).optional(),
          // WorkOS users are keyed by email: a user without one cannot be imported, only reported.
          usersWithoutEmail: z
            .literal('report', { error: 'must be report (users without an email cannot be imported)' })
            .default('report'),
        },
        {
          error:
            'must be a mapping with blockedUsers, unverifiedEmails, unverifiedDuplicates, unconfirmedUsers, partialExports, lazyPasswords, missingRoles and/or usersWithoutEmail',
        },
      )
      .default({ blockedUsers: 'skip', unverifiedEmails: 'import', usersWithoutEmail: 'report' }),
    /** Firebase only: the project's password hash parameters (or `--hash-config FILE`). */
    hashConfig: FirebaseHashConfigSchema.optional(),
    /** Caps on input size and shape (see io/limits.ts); only raised for genuine exports that exceed them. */
    limits: z
      .strictObject(
        {
          decompressedBytes: limit.optional(),
          lineLength: limit.optional(),
          recordLength: limit.optional(),
          depth: limit.optional(),
        },
        { error: 'must be a mapping with decompressedBytes, lineLength, recordLength and/or depth' },
      )
      .default({}),
  },
  { error: 'must be a mapping with roles, metadata, policies, hashConfig and/or limits' },
);

export type MappingConfig = z.output<typeof MappingConfigSchema>;

export const DEFAULT_MAPPING_CONFIG: MappingConfig = MappingConfigSchema.parse({});

/**
 * Reads and checks a mapping config. Without a path, the defaults. Every problem is a
 * `UsageError` naming the file, the key path and (for YAML and JSON alike) the line.
 */
export async function loadMappingConfig(path?: string): Promise<MappingConfig> {
  if (path === undefined) return DEFAULT_MAPPING_CONFIG;
  let text: string;
  try {
    const info = await stat(path);
    const kind = notRegularFile(info);
    if (kind) throw new UsageError(`${path}: the config is ${kind}, not a file; name the config file itself.`);
    if (info.size > MAX_CONFIG_BYTES) {
      throw new UsageError(
        `${path}: the config is ${info.size} bytes, more than a mapping config needs (at most ${MAX_CONFIG_BYTES}); check the path.`,
      );
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
    throw new UsageError(
      code === 'ENOENT'
        ? `${path}: config file not found; check the path given as the config (--config, or the config input).`
        : `${path}: the config file cannot be read (${code}).`,
    );
  }
  return parseMappingConfig(text, path);
}

/** Parses config text (YAML, of which JSON is a subset). `file` only names the source in messages. */
export function parseMappingConfig(text: string, file: string): MappingConfig {
  const lineCounter = new LineCounter();
  // JSON is YAML 1.2, so one parser serves both and gives line numbers for both.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    const where = at ? `:${at.line}:${at.col}` : '';
    const reason = syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new UsageError(`${file}${where}: not valid YAML or JSON: ${reason}.`);
  }
  let value: unknown;
  try {
    // yaml refuses to expand more aliases than this (a "billion laughs" file) with a ReferenceError.
    value = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/\.$/, '') : String(error);
    throw new UsageError(
      `${file}: the config cannot be read (${reason}); write the values out instead of using YAML aliases.`,
    );
  }
  const prototypeKey = prototypeKeyPath(value);
  if (prototypeKey) {
    throw new UsageError(
      `${file}${lineOf(doc, lineCounter, prototypeKey, true)}: ${prototypeKey.join('.')} is not a usable key: ` +
        '__proto__ names the prototype of every object in JavaScript, so it cannot be a role, metadata key or setting; rename it.',
    );
  }
  const parsed = MappingConfigSchema.safeParse(value);
  if (parsed.success)
    return { ...parsed.data, roles: roleTable((value as { roles?: Record<string, unknown> }).roles ?? {}) };

  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const keyPath = [...path, key];
    const allowed = allowedKeys(path);
    throw new UsageError(
      `${file}${lineOf(doc, lineCounter, keyPath, true)}: ${keyPath.join('.')} is not a config key${allowed ? `; use ${allowed}` : ''}.`,
    );
  }
  const subject = path.length === 0 ? 'the config' : path.join('.');
  // A bad record key (a metadata key over 40 characters) carries its reason one level down.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  throw new UsageError(
    `${file}${lineOf(doc, lineCounter, path, issue.code === 'invalid_key')}: ${subject} ${message}.`,
  );
}

/**
 * The role map as a table without a prototype: role names come from the exports, and a role
 * called `constructor` or `toString` must not find Object's methods; built from the parsed
 * YAML itself because a record schema drops a `__proto__` key.
 */
function roleTable(raw: Record<string, unknown>): Record<string, string> {
  const table = Object.create(null) as Record<string, string>;
  for (const [name, slug] of Object.entries(raw)) table[name] = roleSlug.parse(slug);
  return table;
}

/**
 * The path of the first `__proto__` key anywhere in the config. The parser keeps it as an own
 * key, but the schema's records drop it silently and a plain object would take it for its
 * prototype: it is refused with its line instead.
 */
function prototypeKeyPath(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const here = [...path, key];
    if (!Array.isArray(value) && key === '__proto__') return here;
    const found = prototypeKeyPath(item, here);
    if (found) return found;
  }
  return undefined;
}

function allowedKeys(parent: string[]): string | undefined {
  const joined = parent.join('.');
  if (joined === '') return 'roles, metadata, policies, hashConfig or limits';
  if (joined === 'hashConfig') return 'base64_signer_key, base64_salt_separator, rounds and mem_cost';
  if (joined === 'limits') return 'decompressedBytes, lineLength, recordLength or depth';
  if (joined === 'metadata') return 'users or organizations';
  if (joined === 'policies')
    return 'blockedUsers, unverifiedEmails, unverifiedDuplicates, unconfirmedUsers, partialExports, missingRoles or usersWithoutEmail';
  return undefined;
}

/** `:line` of the node at `path` (of its key when `key` is true), or '' when it cannot be found. */
function lineOf(doc: Document, lineCounter: LineCounter, path: string[], key: boolean): string {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === part);
      if (!pair) break;
      offset = key && isScalar(pair.key) ? pair.key.range?.[0] : (rangeStart(pair.value) ?? rangeStart(pair.key));
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (item === undefined) break;
      offset = rangeStart(item);
      node = item;
    } else break;
  }
  if (offset === undefined) return '';
  return `:${lineCounter.linePos(offset).line}`;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range?.[0];
  }
  return undefined;
}

/**
 * A stable digest of what the config changes in the output. A checkpoint journal records it,
 * so a resumed run under another role map or metadata map is refused instead of silently
 * mixing two mappings in one WorkOS environment.
 */
export function configFingerprint(config: MappingConfig): string {
  // Limits change what may be read, not what is written: raising one must not orphan a checkpoint.
  const { limits: _limits, ...mapping } = config;
  return createHash('sha256').update(stableJson(mapping)).digest('hex');
}
