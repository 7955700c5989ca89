import { readCsvRecords } from '../../io/csv.js';
import type { SourceItem, SourceLocation } from '../../model/types.js';
import type { JsonObject } from '../json-objects.js';
import { badCsvRow } from '../user-items.js';

// `firebase auth:export users.csv` (the format follows the file name): one user a line, no
// header row, the columns by position as Firebase's auth:import documentation lists them. Newer
// firebase-tools add `disabled` and `customAttributes` at the end.

const PROVIDERS = ['google.com', 'facebook.com', 'twitter.com', 'github.com'] as const;

export const FIREBASE_CSV_COLUMNS = [
  'uid',
  'email',
  'email_verified',
  'password_hash',
  'password_salt',
  'name',
  'photo_url',
  ...PROVIDERS.flatMap((provider) => [
    `${provider}:id`,
    `${provider}:email`,
    `${provider}:display_name`,
    `${provider}:photo_url`,
  ]),
  'user_creation_time',
  'last_sign_in_time',
  'phone_number',
  'disabled',
  'custom_attributes',
] as const;

/** The 23 columns of the oldest writers (up to GitHub's photo URL). */
const MINIMUM_COLUMNS = 23;

/** A row as the JSON export's user object, or the problem of a row that cannot be read. */
export type FirebaseCsvRow = JsonObject | SourceItem;

/**
 * The rows of a Firebase CSV export, each as the JSON export's user object (`localId`,
 * `passwordHash`, `providerUserInfo`, …), so one mapping serves both. A first row that names
 * the columns (`UID,Email,…`, added by hand) is passed over.
 */
export async function* readFirebaseCsvRows(path: string): AsyncGenerator<FirebaseCsvRow> {
  for await (const item of readCsvRecords(path, {
    columns: { names: FIREBASE_CSV_COLUMNS, minimum: MINIMUM_COLUMNS },
  })) {
    if (!item.ok) {
      yield badCsvRow(path, item);
      continue;
    }
    const location: SourceLocation = { file: path, line: item.line };
    const row = item.row;
    if (item.line === 1 && /^(uid|localid)$/i.test(row.uid!.trim())) continue;
    yield { kind: 'object', raw: firebaseUserOfRow(row), location };
  }
}

function firebaseUserOfRow(row: Record<string, string>): Record<string, unknown> {
  const cell = (name: string) => (row[name] === '' ? undefined : row[name]);
  const providerUserInfo: { providerId: string }[] = PROVIDERS.filter(
    (provider) => cell(`${provider}:id`) !== undefined,
  ).map((provider) => ({
    providerId: provider,
  }));
  if (cell('password_hash') !== undefined) providerUserInfo.unshift({ providerId: 'password' });
  if (cell('phone_number') !== undefined) providerUserInfo.push({ providerId: 'phone' });
  const raw: Record<string, unknown> = {
    localId: row.uid,
    email: cell('email'),
    emailVerified: cell('email_verified'),
    passwordHash: cell('password_hash'),
    salt: cell('password_salt'),
    displayName: cell('name'),
    phoneNumber: cell('phone_number'),
    disabled: cell('disabled'),
    customAttributes: cell('custom_attributes'),
    createdAt: cell('user_creation_time'),
    lastSignedInAt: cell('last_sign_in_time'),
    providerUserInfo,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return raw;
}
