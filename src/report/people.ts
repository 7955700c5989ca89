import { journalSourceId } from '../model/source-id.js';
import { lazyMarkOf } from '../lazy/marks.js';
import type { PlannedUser } from '../model/planned.js';
import { needsPasswordReset } from '../model/user-tally.js';
import { csvRow } from './escape.js';

export { needsPasswordReset };

/**
 * Whether a read-only check was given what it needs to speak of passwords: an Auth0 export keeps
 * its hashes in a separate file, and without it every user looks passwordless (a reset list of
 * everyone). Other sources carry their hashes (or none) in the user file.
 */
export function passwordsNotRead(source: string, files: { passwords?: string }): boolean {
  return source === 'auth0' && files.passwords === undefined;
}

// Who must be reached before sign-in moves: users without a password WorkOS can verify.

/**
 * password-reset.csv: `reason,source_id` (plus `email` only with include-pii). A source id that
 * holds an email is written as its `sha256:` digest unless include-pii, as in the journal.
 */
export function passwordResetCsv(users: Iterable<PlannedUser>, includePii: boolean): string {
  return [...passwordResetRows(users, includePii)].join('');
}

/** passwordResetCsv a row at a time (the header first), for writing a million of them. */
export function* passwordResetRows(users: Iterable<PlannedUser>, includePii: boolean): Iterable<string> {
  yield csvRow(includePii ? ['reason', 'source_id', 'email'] : ['reason', 'source_id']);
  for (const user of users) {
    if (!needsPasswordReset(user) || isLazy(user)) continue;
    const reason = user.passwordGap === 'unsupported' ? 'hash_not_importable' : 'no_password_hash';
    yield csvRow(includePii ? [reason, user.sourceId, user.input.email] : [reason, journalSourceId(user.sourceId)], {
      keepEmails: includePii,
    });
  }
}

/** Marked pending by `import --lazy-passwords`: the first sign-in moves the password, no reset needed. */
function isLazy(user: PlannedUser): boolean {
  return lazyMarkOf(user.input.metadata) !== undefined;
}

/**
 * lazy.csv: `source_id` of the users marked pending for a lazy migration (plus
 * `email` only with include-pii); a source id that holds an email is written as its digest.
 */
export function* lazyRows(users: Iterable<PlannedUser>, includePii: boolean): Iterable<string> {
  yield csvRow(includePii ? ['source_id', 'email'] : ['source_id']);
  for (const user of users) {
    if (!isLazy(user)) continue;
    yield csvRow(includePii ? [user.sourceId, user.input.email] : [journalSourceId(user.sourceId)], {
      keepEmails: includePii,
    });
  }
}
