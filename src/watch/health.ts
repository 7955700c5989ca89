import type { AuthenticationEventRecord, SignInOrganization, SignInUser } from '../workos/events.js';

// Sign-in health after cutover: each sign-in attempt counted once overall, once per method and
// failure code, and once in each organization its user belongs to (an SSO sign-in: the one it
// names). The decision: an alert when the failure share, overall or of an organization with
// at least `minAttempts` attempts, is above `failAbove` percent.

export interface Counts {
  succeeded: number;
  failed: number;
}

export interface OrganizationCounts extends Counts {
  failureCodes: Record<string, number>;
}

/** A sign-in event with what the directory said about its user. */
export interface ResolvedSignIn {
  event: AuthenticationEventRecord;
  /** Undefined when WorkOS knows no such user (an unknown email). */
  user?: SignInUser;
  /** The organizations the attempt counts in. */
  organizations: readonly string[];
}

export class SignInTally {
  readonly overall: Counts = { succeeded: 0, failed: 0 };
  readonly methods = new Map<string, Counts>();
  readonly failureCodes = new Map<string, number>();
  readonly organizations = new Map<string, OrganizationCounts>();
  readonly withoutOrganization: Counts = { succeeded: 0, failed: 0 };
  /** Steps inside a sign-in (mfa, email verification): counted apart, never attempts. */
  readonly steps = new Map<string, number>();
  /** Users this migration imported (an external id) that never signed in, with their failures. */
  readonly firstSignInFailures = new Map<string, { user: SignInUser; email?: string; failed: number }>();
  /** Failed attempts with an email WorkOS holds no user for. */
  unknownUserFailures = 0;

  add({ event, user, organizations }: ResolvedSignIn): void {
    if (event.method === 'mfa' || event.method === 'email_verification') {
      this.steps.set(event.method, (this.steps.get(event.method) ?? 0) + 1);
      return;
    }
    const outcome: keyof Counts = event.succeeded ? 'succeeded' : 'failed';
    this.overall[outcome]++;
    bump(this.methods, event.method)[outcome]++;
    const code = event.succeeded ? undefined : (event.errorCode ?? 'unknown');
    if (code) this.failureCodes.set(code, (this.failureCodes.get(code) ?? 0) + 1);
    if (organizations.length === 0) this.withoutOrganization[outcome]++;
    for (const id of new Set(organizations)) {
      let counts = this.organizations.get(id);
      if (!counts) {
        counts = { succeeded: 0, failed: 0, failureCodes: {} };
        this.organizations.set(id, counts);
      }
      counts[outcome]++;
      if (code) counts.failureCodes[code] = (counts.failureCodes[code] ?? 0) + 1;
    }
    if (!event.succeeded && !user) this.unknownUserFailures++;
    if (!event.succeeded && user?.externalId && user.lastSignInAt === null) {
      const entry = this.firstSignInFailures.get(user.id) ?? { user, failed: 0 };
      entry.failed++;
      if (event.email) entry.email = event.email;
      this.firstSignInFailures.set(user.id, entry);
    }
  }
}

function bump(map: Map<string, Counts>, key: string): Counts {
  let counts = map.get(key);
  if (!counts) {
    counts = { succeeded: 0, failed: 0 };
    map.set(key, counts);
  }
  return counts;
}

export interface HealthPolicy {
  /** Percent: an alert when a failure share is above it. */
  failAbove: number;
  /** Fewer attempts than this (overall, or in an organization) say too little to alert on. */
  minAttempts: number;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = { failAbove: 20, minAttempts: 10 };

export interface HealthAlert {
  scope: 'overall' | 'organization';
  organization?: SignInOrganization;
  attempts: number;
  failed: number;
  /** Percent, one decimal. */
  failureShare: number;
}

/** Percent of attempts that failed, one decimal; 0 without attempts. */
export function failureShare(counts: Counts): number {
  const attempts = counts.succeeded + counts.failed;
  return attempts === 0 ? 0 : Math.round((counts.failed / attempts) * 1000) / 10;
}

/** The alerts, organizations by failure share (highest first), then by name. */
export function decideHealth(
  tally: SignInTally,
  policy: HealthPolicy,
  organization: (id: string) => SignInOrganization,
): HealthAlert[] {
  const alerts: HealthAlert[] = [];
  const over = (counts: Counts): boolean =>
    counts.succeeded + counts.failed >= policy.minAttempts && exactShare(counts) > policy.failAbove;
  if (over(tally.overall)) alerts.push(alertOf('overall', tally.overall));
  const organizations: HealthAlert[] = [];
  for (const [id, counts] of tally.organizations)
    if (over(counts)) organizations.push({ ...alertOf('organization', counts), organization: organization(id) });
  organizations.sort(
    (a, b) => b.failureShare - a.failureShare || a.organization!.name.localeCompare(b.organization!.name),
  );
  return [...alerts, ...organizations];
}

/** The share compared with the threshold, unrounded: 20.04 % is above 20. */
function exactShare(counts: Counts): number {
  const attempts = counts.succeeded + counts.failed;
  return attempts === 0 ? 0 : (counts.failed / attempts) * 100;
}

function alertOf(scope: HealthAlert['scope'], counts: Counts): HealthAlert {
  return {
    scope,
    attempts: counts.succeeded + counts.failed,
    failed: counts.failed,
    failureShare: failureShare(counts),
  };
}
