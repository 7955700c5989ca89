import { namedCounts, type UserTally } from '../model/user-tally.js';
import type { PeopleEvidence } from './evidence.js';

// The people a switch needs to reach: who must enrol MFA again, who must reset a password,
// and which social providers must be configured in WorkOS before they can sign in.

/** The people evidence of a plan (its tally); `files` names the lists written (none when not written). */
export function peopleEvidence(
  tally: Pick<UserTally, 'reenroll' | 'passwordReset' | 'social'>,
  files: PeopleEvidence['files'],
): PeopleEvidence {
  return {
    reenroll: tally.reenroll,
    passwordReset: tally.passwordReset,
    files,
    socialProviders: namedCounts(tally.social),
  };
}

export { needsPasswordReset, passwordResetCsv, passwordResetRows } from '../report/people.js';
