import type { PlannedUser } from '../model/planned.js';
import { needsPasswordReset } from '../report/people.js';
import type { PeopleEvidence } from './evidence.js';

// The people a switch needs to reach: who must enrol MFA again, who must reset a password,
// and which social providers must be configured in WorkOS before they can sign in.

/** The people evidence of a plan; `files` names the lists written (none when not written). */
export function peopleEvidence(users: readonly PlannedUser[], files: PeopleEvidence['files']): PeopleEvidence {
  const socialProviders: Record<string, number> = {};
  for (const user of users)
    for (const provider of user.socialProviders) socialProviders[provider] = (socialProviders[provider] ?? 0) + 1;
  return {
    reenroll: users.filter((u) => u.mfaFactors.length > 0).length,
    passwordReset: users.filter(needsPasswordReset).length,
    files,
    socialProviders,
  };
}

export { needsPasswordReset, passwordResetCsv } from '../report/people.js';
