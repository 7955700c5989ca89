import type { CutoverCheck, CutoverDecision, CutoverEvidence, ReconciledCounts } from './evidence.js';

// The go/no-go: six checks, each passing or failing on its own evidence, in the order a
// reviewer reads them. `go` only when all pass. Details are plain text (the markdown renderer
// escapes them) and hold no email and no portal link.

export function decideCutover(evidence: CutoverEvidence): CutoverDecision {
  const checks: CutoverCheck[] = [
    reconciledCheck(evidence),
    completeCheck(evidence),
    loginsCheck(evidence),
    enterpriseSsoCheck(evidence),
    peopleCheck(evidence),
    rollbackCheck(evidence),
  ];
  return { go: checks.every((c) => c.ok), checks };
}

/** The names of the failing checks, for the no-go message (exit 1). */
export function failingChecks(decision: CutoverDecision): string[] {
  return decision.checks.filter((c) => !c.ok).map((c) => c.name);
}

function reconciledCheck(e: CutoverEvidence): CutoverCheck {
  const entities: [string, ReconciledCounts][] = [
    ['users', e.reconciled.users],
    ['organizations', e.reconciled.organizations],
    ['memberships', e.reconciled.memberships],
  ];
  const off = entities.filter(([, c]) => c.missing > 0 || c.mismatched > 0 || c.found !== c.expected);
  const problems = off.map(
    ([name, c]) => `${name}: ${c.found} of ${c.expected} found, ${c.missing} missing, ${c.mismatched} mismatched`,
  );
  if (e.conflicts > 0) problems.push(`${plural(e.conflicts, 'conflict')} to resolve (see changes.jsonl)`);
  if (e.unreviewedRemovals > 0) {
    problems.push(
      `${plural(e.unreviewedRemovals, 'record')} of this migration gone from the export (removals.csv): ` +
        `import with --prune (prune: true) deletes ${e.unreviewedRemovals === 1 ? 'it, or put it' : 'them, or put them'} back in the export`,
    );
  }
  // A plain import repairs what is missing or different; removals go only with prune (said above).
  const next = off.length > 0 || e.conflicts > 0 ? 'Run import, then cutover again.' : 'Then run cutover again.';
  if (problems.length > 0) return { name: 'reconciled', ok: false, detail: `${problems.join('; ')}. ${next}` };
  const held = entities
    .filter(([name, c]) => name === 'users' || c.expected > 0)
    .map(([name, c]) => `${c.found} ${name}`)
    .join(', ');
  return {
    name: 'reconciled',
    ok: true,
    detail: `WorkOS holds all ${held} as planned; no conflicts; no removals left unreviewed.`,
  };
}

function completeCheck(e: CutoverEvidence): CutoverCheck {
  const { pending, failed } = e.checkpoint;
  if (pending === 0 && failed === 0)
    return { name: 'complete', ok: true, detail: 'Nothing pending or failed in the checkpoint.' };
  const parts = [pending > 0 ? `${pending} pending` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
  return {
    name: 'complete',
    ok: false,
    detail: `${parts.join(' and ')} in the checkpoint (see errors.jsonl). Run import until nothing is left.`,
  };
}

function loginsCheck(e: CutoverEvidence): CutoverCheck {
  if (e.logins === undefined) {
    return {
      name: 'logins',
      ok: true,
      notChecked: true,
      detail: 'Not run: no login probes given. Pass --login-probes FILE (test accounts) to prove sign-in.',
    };
  }
  const { tried, succeeded, failed } = e.logins;
  if (tried === 0)
    return {
      name: 'logins',
      ok: false,
      detail: 'The login probes file lists no account; add test accounts or leave it out.',
    };
  if (failed > 0) {
    return {
      name: 'logins',
      ok: false,
      detail: `${failed} of ${tried} test sign-ins failed (accounts in errors.jsonl, masked). Check their passwords were imported.`,
    };
  }
  return { name: 'logins', ok: true, detail: `${succeeded} of ${tried} test sign-ins succeeded.` };
}

function enterpriseSsoCheck(e: CutoverEvidence): CutoverCheck {
  const { organizations, usersWithoutOrganization } = e.sso;
  const lacking = organizations.filter((o) => !o.activeConnection);
  const unverified = organizations.filter((o) => (o.unverifiedDomains?.length ?? 0) > 0);
  const awaiting = organizations.filter((o) => o.awaitingFirstSignIn);
  const orphans = Object.entries(usersWithoutOrganization);
  const orphanCount = orphans.reduce((n, [, count]) => n + count, 0);
  const problems: string[] = [];
  if (lacking.length > 0) {
    const names = lacking
      .slice(0, 5)
      .map((o) => `${o.externalId} (${plural(o.users, 'user')}, ${o.connectionTypes.join('/')})`);
    const more = lacking.length > 5 ? ` and ${lacking.length - 5} more` : '';
    problems.push(
      `${plural(lacking.length, 'organization')} with enterprise sign-in ${lacking.length === 1 ? 'has' : 'have'} no active SSO connection in WorkOS: ` +
        `${names.join(', ')}${more}. ` +
        (e.sso.portalLinks
          ? 'Send each IT admin the Admin Portal link in sso-setup.csv'
          : 'They are listed in sso-setup.csv; run cutover with --portal-links for Admin Portal links to send each IT admin'),
    );
  }
  if (unverified.length > 0) {
    const names = unverified.slice(0, 5).map((o) => `${o.externalId} (${o.unverifiedDomains!.join(', ')})`);
    const more = unverified.length > 5 ? ` and ${unverified.length - 5} more` : '';
    problems.push(
      `${plural(unverified.length, 'organization')} with enterprise sign-in ${unverified.length === 1 ? 'has' : 'have'} a domain WorkOS does not hold verified: ` +
        `${names.join(', ')}${more}. SSO routes only verified domains: verify them in WorkOS (Admin Portal, intent domain_verification), or import them as verified if the source verified them`,
    );
  }
  if (orphanCount > 0) {
    const byConnection = orphans.map(([connection, count]) => `${connection} (${count})`).join(', ');
    problems.push(
      `${plural(orphanCount, 'user')} signed in through an enterprise connection but belong to no organization (${byConnection}); ` +
        'WorkOS routes SSO by organization: add them to one in the organizations export',
    );
  }
  if (problems.length > 0) return { name: 'enterprise-sso', ok: false, detail: `${problems.join('. ')}.` };
  if (organizations.length === 0) {
    return {
      name: 'enterprise-sso',
      ok: true,
      detail: `No user signed in through an enterprise connection (SAML, OIDC…) in ${e.source}.`,
    };
  }
  // Distinct people: a user in two organizations is one user.
  const users = e.sso.users ?? organizations.reduce((n, o) => n + o.users, 0);
  const warning =
    awaiting.length > 0
      ? ` Warning: for ${awaiting.map((o) => o.externalId).join(', ')} that connection is validating: imported into WorkOS, awaiting its first sign-in (it becomes active then); watch that first sign-in.`
      : '';
  return {
    name: 'enterprise-sso',
    ok: true,
    ...(awaiting.length > 0 ? { warning: true } : {}),
    detail:
      (organizations.length === 1
        ? `The organization with enterprise sign-in (${plural(users, 'user')}) has an active SSO connection in WorkOS.`
        : `All ${organizations.length} organizations with enterprise sign-in (${plural(users, 'user')}) have an active SSO connection in WorkOS.`) +
      warning,
  };
}

function peopleCheck(e: CutoverEvidence): CutoverCheck {
  const { reenroll, passwordReset, files, socialProviders } = e.people;
  const missing: string[] = [];
  if (reenroll > 0 && !files.reenroll) missing.push('reenroll.csv');
  if (passwordReset > 0 && !files.passwordReset) missing.push('password-reset.csv');
  const providers = Object.entries(socialProviders)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([provider, count]) => `${provider} (${count})`);
  const lists =
    `${plural(reenroll, 'user')} to re-enroll MFA${files.reenroll ? ` (${files.reenroll})` : ''}, ` +
    `${plural(passwordReset, 'user')} to reset a password${files.passwordReset ? ` (${files.passwordReset})` : ''}`;
  const social =
    providers.length > 0
      ? `; configure social sign-in in WorkOS for ${providers.join(', ')}`
      : '; no social sign-in to configure';
  if (missing.length > 0) {
    return {
      name: 'people',
      ok: false,
      detail: `${lists}${social}. Not written: ${missing.join(', ')}; run cutover with --out to write them.`,
    };
  }
  return { name: 'people', ok: true, detail: `${lists}${social}.` };
}

function rollbackCheck(e: CutoverEvidence): CutoverCheck {
  const { journal, inWorkOS, created, unknown } = e.rollback;
  if (!journal) {
    return {
      name: 'rollback-ready',
      ok: false,
      detail:
        "No checkpoint journal: pass --state DIR (the import's state) so rollback knows what this migration created.",
    };
  }
  if (unknown > 0) {
    return {
      name: 'rollback-ready',
      ok: false,
      detail:
        `${plural(unknown, 'record')} of this migration in WorkOS ${unknown === 1 ? 'is' : 'are'} not in the journal, so rollback would leave ${unknown === 1 ? 'it' : 'them'}. ` +
        'Run import with this --state to record them, then cutover again.',
    };
  }
  return {
    name: 'rollback-ready',
    ok: true,
    detail: `The journal covers all ${plural(inWorkOS, 'record')} of this migration in WorkOS; rollback would delete the ${created} it created.`,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
