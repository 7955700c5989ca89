import { readFile } from 'node:fs/promises';
import { readTextHead } from '../../io/byte-stream.js';
import type { MappingConfig } from '../../config/mapping-config.js';
import { parseFirebaseHashConfig, type FirebaseHashConfig } from '../../model/firebase-hash-config.js';
import { UsageError, type SourceItem } from '../../model/types.js';
import { readJsonObjects } from '../json-objects.js';
import { checkFirstRecord } from '../user-items.js';
import { readFirebaseCsvRows } from './csv-users.js';
import { mapFirebaseUser } from './map-user.js';

export interface FirebaseUsersOptions {
  usersPath: string;
  /** `--hash-config FILE`; or `config.hashConfig`. */
  hashConfigPath?: string;
  config: MappingConfig;
}

/**
 * Every user of a `firebase auth:export` file as canonical items, one at a time: JSON
 * (`{"users":[…]}`, a bare array or NDJSON), the CSV `auth:export users.csv` writes (no header,
 * columns by position), or the Auth Emulator's `accounts.json` (its `fakeHash:` passwords are
 * not hashes). Gzipped or not; the format is told by the first character, not the name.
 * Password hashes become firebase-scrypt PHC strings with the project's hash parameters.
 * Disabled users are yielded with `blocked: true`; the planner applies the policy.
 */
export async function* readFirebaseUsers(options: FirebaseUsersOptions): AsyncGenerator<SourceItem> {
  const hashConfig = await firebaseHashConfig(options);
  const ctx = { config: options.config, ...(hashConfig ? { hashConfig } : {}) };
  const first = (await readTextHead(options.usersPath)).trimStart().charAt(0);
  if (first !== '' && first !== '{' && first !== '[') {
    for await (const row of readFirebaseCsvRows(options.usersPath)) {
      if (row.kind !== 'object') yield row;
      else yield* mapFirebaseUser(row.raw, row.location, ctx);
    }
    return;
  }
  for await (const item of readJsonObjects(options.usersPath, 'user', {
    arrayKey: 'users',
    firstObject: (raw) => checkFirstRecord(options.usersPath, 'firebase', raw),
  })) {
    if (item.kind !== 'object') yield item;
    else yield* mapFirebaseUser(item.raw, item.location, ctx);
  }
}

async function firebaseHashConfig(options: FirebaseUsersOptions): Promise<FirebaseHashConfig | undefined> {
  const path = options.hashConfigPath;
  if (path === undefined) return options.config.hashConfig;
  if (options.config.hashConfig) {
    throw new UsageError(
      `${path}: the hash parameters are given twice (--hash-config and hashConfig in the config); keep one.`,
    );
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: cannot read the hash parameters file; check the --hash-config path.`);
  }
  const parsed = parseFirebaseHashConfig(text);
  if (typeof parsed === 'string') {
    throw new UsageError(
      `${path}: not Firebase hash parameters: ${parsed}. Copy them from the Firebase console (Authentication → Users → ⋮ → Password hash parameters).`,
    );
  }
  return parsed;
}
