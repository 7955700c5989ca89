import type { PlannedUser } from './planned.js';

/**
 * A user who arrives without a password WorkOS can verify and has no other way in that moves
 * by itself (a social provider links by email; an enterprise user signs in through SSO). Cognito
 * exports no hashes, so every Cognito user without a provider is one.
 */
export function needsPasswordReset(
  user: Pick<PlannedUser, 'passwordGap' | 'socialProviders' | 'enterpriseConnection'>,
): boolean {
  if (user.passwordGap === 'unsupported') return true;
  return user.passwordGap === 'missing' && user.socialProviders.length === 0 && user.enterpriseConnection === undefined;
}

/** What the tally counts of a planned user. */
export type Counted = Pick<PlannedUser, 'passwordGap' | 'mfaFactors' | 'socialProviders' | 'enterpriseConnection'>;

/**
 * What the summary and the cutover report count over the planned users, kept as users are
 * planned (and taken back when records merge), so nobody walks a million users to count them.
 */
export class UserTally {
  withHash = 0;
  missing = 0;
  unsupported = 0;
  passwordReset = 0;
  /** Users marked pending for a lazy migration (import --lazy-passwords) instead of a reset. */
  lazyPending = 0;
  reenroll = 0;
  readonly mfa = namedCounts();
  readonly social = namedCounts();

  /** `lazyPasswords`: the users who would need a reset are marked for a lazy migration instead. */
  constructor(private readonly lazyPasswords = false) {}

  /** Counts a user in (`sign` 1) or back out (-1). */
  add(user: Counted, sign: 1 | -1): void {
    if (user.passwordGap === 'none') this.withHash += sign;
    else if (user.passwordGap === 'missing') this.missing += sign;
    else this.unsupported += sign;
    if (needsPasswordReset(user)) {
      if (this.lazyPasswords) this.lazyPending += sign;
      else this.passwordReset += sign;
    }
    if (user.mfaFactors.length > 0) this.reenroll += sign;
    for (const factor of user.mfaFactors) bump(this.mfa, factor, sign);
    for (const provider of user.socialProviders) bump(this.social, provider, sign);
  }
}

/**
 * Counts keyed by names from an export (social providers, MFA factors, connections): without a
 * prototype, so a provider called `constructor`, `toString` or `__proto__` is just a name.
 */
export function namedCounts(from: Readonly<Record<string, number>> = {}): Record<string, number> {
  return Object.assign(Object.create(null) as Record<string, number>, from);
}

function bump(counts: Record<string, number>, key: string, sign: number): void {
  const next = (counts[key] ?? 0) + sign;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}
