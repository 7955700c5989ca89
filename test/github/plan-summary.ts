import type { RecordProblem } from '../../src/model/types.js';
import { emptyCounts, type Summary } from '../../src/report/summary.js';

/** A dry run of a small Auth0 export: what a reviewer sees on the PR that changes it. */
export function planSummary(overrides: Partial<Summary> = {}): Summary {
  return {
    mode: 'plan',
    source: 'auth0',
    complete: false,
    users: { ...emptyCounts(), total: 120, pending: 110, unchanged: 6, invalid: 4, merged: 1 },
    organizations: { ...emptyCounts(), total: 3, pending: 3 },
    memberships: { ...emptyCounts(), total: 40, pending: 40 },
    passwords: {
      withHash: 90,
      sent: 0,
      recordedEarlier: 0,
      keptExisting: 0,
      keptSignedIn: 0,
      notSent: 90,
      missing: 25,
      unsupported: 1,
      invalid: 0,
      reset: 26,
    },
    mfa: { totp: 7, sms: 2 },
    social: { 'google-oauth2': 20 },
    warnings: 0,
    ...overrides,
  };
}

export function problem(overrides: Partial<RecordProblem> = {}): RecordProblem {
  return {
    entity: 'user',
    sourceId: 'auth0|5f7c8ec7c33c6c004bbafe82',
    location: { file: 'exports/users.ndjson', line: 12, column: 3 },
    field: 'email',
    code: 'missing_email',
    message: 'The user has no email address; WorkOS users need one.',
    severity: 'error',
    ...overrides,
  };
}
