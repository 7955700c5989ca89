import { journalSourceId } from '../checkpoint/journal.js';
import type { PlannedUser } from '../plan/users.js';
import { csvRow } from '../report/escape.js';
import type { PeopleEvidence } from './evidence.js';

// The people a switch needs to reach: who must enrol MFA again, who must reset a password,
// and which social providers must be configured in WorkOS before they can sign in.

/**
 * A user who arrives without a password WorkOS can verify and has no other way in that moves
 * by itself (a social provider links by email; an enterprise user signs in through SSO).
 */
export function needsPasswordReset(user: Pick<PlannedUser, 'passwordGap' | 'socialProviders' | 'enterpriseConnection'>): boolean {
  if (user.passwordGap === 'unsupported') return true;
  return user.passwordGap === 'missing' && user.socialProviders.length === 0 && user.enterpriseConnection === undefined;
}

/**
 * password-reset.csv: `reason,source_id` (plus `email` only with include-pii). A source id that
 * holds an email (Auth0's `email|…`, `samlp|…|ann@acme.com`) is written as its `sha256:` digest
 * unless include-pii, as in the journal.
 */
export function passwordResetCsv(users: readonly PlannedUser[], includePii: boolean): string {
  let text = csvRow(includePii ? ['reason', 'source_id', 'email'] : ['reason', 'source_id']);
  for (const user of users) {
    if (!needsPasswordReset(user)) continue;
    const reason = user.passwordGap === 'unsupported' ? 'hash_not_importable' : 'no_password_hash';
    text += csvRow(includePii ? [reason, user.sourceId, user.input.email] : [reason, journalSourceId(user.sourceId)]);
  }
  return text;
}

/** The people evidence of a plan; `files` names the lists written (none when not written). */
export function peopleEvidence(users: readonly PlannedUser[], files: PeopleEvidence['files']): PeopleEvidence {
  const socialProviders: Record<string, number> = {};
  for (const user of users) for (const provider of user.socialProviders) socialProviders[provider] = (socialProviders[provider] ?? 0) + 1;
  return {
    reenroll: users.filter((u) => u.mfaFactors.length > 0).length,
    passwordReset: users.filter(needsPasswordReset).length,
    files,
    socialProviders,
  };
}
