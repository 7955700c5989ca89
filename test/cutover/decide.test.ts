import { describe, expect, it } from 'vitest';
import { decideCutover, failingChecks } from '../../src/cutover/decide.js';
import { acme, readyEvidence } from './evidence-fixture.js';

const byName = (evidence: Parameters<typeof decideCutover>[0]) =>
  Object.fromEntries(decideCutover(evidence).checks.map((c) => [c.name, c]));

describe('decideCutover', () => {
  it('says go when every check passes, with the six checks in order and their evidence', () => {
    const decision = decideCutover(readyEvidence({ logins: { tried: 3, succeeded: 3, failed: 0 } }));
    expect(decision.go).toBe(true);
    expect(decision.checks.map((c) => [c.name, c.ok])).toEqual([
      ['reconciled', true],
      ['complete', true],
      ['logins', true],
      ['enterprise-sso', true],
      ['people', true],
      ['rollback-ready', true],
    ]);
    const checks = byName(readyEvidence({ logins: { tried: 3, succeeded: 3, failed: 0 } }));
    expect(checks.reconciled!.detail).toBe(
      'WorkOS holds all 120 users, 3 organizations, 118 memberships as planned; no conflicts; no removals left unreviewed.',
    );
    expect(checks.logins!.detail).toBe('3 of 3 test sign-ins succeeded.');
    expect(checks['enterprise-sso']!.detail).toBe(
      'The organization with enterprise sign-in (40 users) has an active SSO connection in WorkOS.',
    );
    expect(checks.people!.detail).toBe(
      '4 users to re-enroll MFA (reenroll.csv), 11 users to reset a password (password-reset.csv); configure social sign-in in WorkOS for google-oauth2 (30), github (2).',
    );
    expect(checks['rollback-ready']!.detail).toBe(
      'The journal covers all 241 records of this migration in WorkOS; rollback would delete the 236 it created.',
    );
  });

  it('is no-go while an organization with SAML members lacks an active connection, and names it', () => {
    const evidence = readyEvidence({
      sso: {
        organizations: [
          acme({ workosConnections: [{ type: 'OktaSAML', state: 'draft' }] }),
          acme({
            externalId: 'org_globex',
            workosId: 'org_01GLOBEX',
            connectionTypes: ['waad'],
            users: 3,
            activeConnection: true,
          }),
        ],
        usersWithoutOrganization: {},
        portalLinks: false,
      },
    });
    const decision = decideCutover(evidence);
    expect(decision.go).toBe(false);
    expect(failingChecks(decision)).toEqual(['enterprise-sso']);
    expect(byName(evidence)['enterprise-sso']!.detail).toBe(
      '1 organization with enterprise sign-in has no active SSO connection in WorkOS: org_acme (40 users, samlp). ' +
        'They are listed in sso-setup.csv; run cutover with --portal-links for Admin Portal links to send each IT admin.',
    );
  });

  it('is go once that organization has an active connection', () => {
    const evidence = readyEvidence({
      sso: {
        organizations: [acme({ activeConnection: true, workosConnections: [{ type: 'OktaSAML', state: 'active' }] })],
        usersWithoutOrganization: {},
        portalLinks: false,
      },
    });
    expect(decideCutover(evidence).go).toBe(true);
  });

  it('is no-go when enterprise users belong to no organization, since WorkOS routes SSO by organization', () => {
    const evidence = readyEvidence({
      sso: { organizations: [], usersWithoutOrganization: { 'contoso-adfs': 2 }, portalLinks: false },
    });
    expect(failingChecks(decideCutover(evidence))).toEqual(['enterprise-sso']);
    expect(byName(evidence)['enterprise-sso']!.detail).toContain(
      '2 users signed in through an enterprise connection but belong to no organization (contoso-adfs (2))',
    );
  });

  it('counts the people with enterprise sign-in once, whatever organizations they are in', () => {
    const shared = readyEvidence({
      sso: {
        organizations: [
          acme({ users: 40, activeConnection: true }),
          acme({ externalId: 'org_partner', users: 4, activeConnection: true }),
        ],
        users: 40,
        usersWithoutOrganization: {},
        portalLinks: false,
      },
    });
    expect(byName(shared)['enterprise-sso']!.detail).toBe(
      'All 2 organizations with enterprise sign-in (40 users) have an active SSO connection in WorkOS.',
    );
  });

  it('passes enterprise-sso when nobody signed in through an enterprise connection', () => {
    const evidence = readyEvidence({
      source: 'clerk',
      sso: { organizations: [], usersWithoutOrganization: {}, portalLinks: false },
    });
    expect(byName(evidence)['enterprise-sso']).toEqual({
      name: 'enterprise-sso',
      ok: true,
      detail: 'No user signed in through an enterprise connection (SAML, OIDC…) in clerk.',
    });
  });

  it('is no-go after a user goes missing in WorkOS, or with conflicts or unreviewed removals', () => {
    const missing = readyEvidence({
      reconciled: { ...readyEvidence().reconciled, users: { expected: 120, found: 119, missing: 1, mismatched: 0 } },
    });
    expect(failingChecks(decideCutover(missing))).toEqual(['reconciled']);
    expect(byName(missing).reconciled!.detail).toBe(
      'users: 119 of 120 found, 1 missing, 0 mismatched. Run import, then cutover again.',
    );

    const conflicted = readyEvidence({ conflicts: 2, unreviewedRemovals: 1 });
    expect(failingChecks(decideCutover(conflicted))).toEqual(['reconciled']);
    expect(byName(conflicted).reconciled!.detail).toBe(
      '2 conflicts to resolve (see changes.jsonl); 1 record of this migration gone from the export (removals.csv): import with --prune (prune: true) deletes it, or put it back in the export. Run import, then cutover again.',
    );
    // Only prune clears a removal: a plain import is not the advice.
    const removed = readyEvidence({ unreviewedRemovals: 3 });
    expect(byName(removed).reconciled!.detail).toBe(
      '3 records of this migration gone from the export (removals.csv): import with --prune (prune: true) deletes them, or put them back in the export. Then run cutover again.',
    );
  });

  it('is no-go with a failed login probe, and does not require probes', () => {
    const failed = readyEvidence({ logins: { tried: 3, succeeded: 2, failed: 1 } });
    expect(failingChecks(decideCutover(failed))).toEqual(['logins']);
    expect(byName(failed).logins!.detail).toContain('1 of 3 test sign-ins failed');
    expect(byName(readyEvidence()).logins).toMatchObject({
      ok: true,
      notChecked: true,
      detail: expect.stringContaining('Not run'),
    });
    expect(failingChecks(decideCutover(readyEvidence({ logins: { tried: 0, succeeded: 0, failed: 0 } })))).toEqual([
      'logins',
    ]);
  });

  it('is no-go while the checkpoint has pending or failed records', () => {
    const evidence = readyEvidence({ checkpoint: { pending: 5, failed: 1 } });
    expect(failingChecks(decideCutover(evidence))).toEqual(['complete']);
    expect(byName(evidence).complete!.detail).toBe(
      '5 pending and 1 failed in the checkpoint (see errors.jsonl). Run import until nothing is left.',
    );
  });

  it('is no-go when a people list was not written', () => {
    const evidence = readyEvidence({ people: { reenroll: 4, passwordReset: 0, files: {}, socialProviders: {} } });
    expect(failingChecks(decideCutover(evidence))).toEqual(['people']);
    expect(byName(evidence).people!.detail).toBe(
      '4 users to re-enroll MFA, 0 users to reset a password; no social sign-in to configure. Not written: reenroll.csv; run cutover with --out to write them.',
    );
  });

  it('is no-go without a journal, or when WorkOS holds records of this migration the journal does not know', () => {
    expect(
      failingChecks(
        decideCutover(readyEvidence({ rollback: { journal: false, inWorkOS: 241, created: 0, unknown: 241 } })),
      ),
    ).toEqual(['rollback-ready']);
    const unknown = readyEvidence({ rollback: { journal: true, inWorkOS: 241, created: 230, unknown: 6 } });
    expect(failingChecks(decideCutover(unknown))).toEqual(['rollback-ready']);
    expect(byName(unknown)['rollback-ready']!.detail).toContain(
      '6 records of this migration in WorkOS are not in the journal',
    );
  });
});
