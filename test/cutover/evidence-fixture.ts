import type { CutoverEvidence, OrganizationSsoEvidence } from '../../src/cutover/evidence.js';

/** Evidence of a migration ready to switch; each test changes what its scenario is about. */
export function readyEvidence(overrides: Partial<CutoverEvidence> = {}): CutoverEvidence {
  return {
    source: 'auth0',
    reconciled: {
      users: { expected: 120, found: 120, missing: 0, mismatched: 0 },
      organizations: { expected: 3, found: 3, missing: 0, mismatched: 0 },
      memberships: { expected: 118, found: 118, missing: 0, mismatched: 0 },
    },
    conflicts: 0,
    unreviewedRemovals: 0,
    checkpoint: { pending: 0, failed: 0 },
    sso: {
      organizations: [acme({ activeConnection: true, workosConnections: [{ type: 'OktaSAML', state: 'active' }] })],
      usersWithoutOrganization: {},
      portalLinks: false,
    },
    people: {
      reenroll: 4,
      passwordReset: 11,
      files: { reenroll: 'reenroll.csv', passwordReset: 'password-reset.csv' },
      socialProviders: { 'google-oauth2': 30, github: 2 },
    },
    rollback: { journal: true, inWorkOS: 241, created: 236, unknown: 0 },
    ...overrides,
  };
}

export function acme(overrides: Partial<OrganizationSsoEvidence> = {}): OrganizationSsoEvidence {
  return {
    externalId: 'org_acme',
    workosId: 'org_01ACME',
    connectionTypes: ['samlp'],
    users: 40,
    domains: ['acme.com'],
    workosConnections: [],
    activeConnection: false,
    ...overrides,
  };
}
