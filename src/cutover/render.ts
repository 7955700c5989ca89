import { scrubJson, scrubText, scrubValue } from '../model/mask.js';
import { csvRow, escapeMarkdown, exactCsvRow, truncate } from '../report/escape.js';
import type { CutoverDecision, CutoverEvidence, OrganizationSsoEvidence } from './evidence.js';

// cutover.json, cutover.md (job summary and PR comment) and sso-setup.csv. Portal links are
// secrets: only sso-setup.csv holds them; the markdown and the JSON never do.

/** cutover.json: `{go, checks: [{name, ok, detail}]}`. */
export function renderCutoverJson(decision: CutoverDecision): string {
  return (
    JSON.stringify(
      scrubJson({ go: decision.go, checks: decision.checks.map(({ name, ok, detail }) => ({ name, ok, detail })) }),
      null,
      2,
    ) + '\n'
  );
}

const MAX_ORGANIZATION_ROWS = 50;

/** cutover.md: one row per check, then the organizations that still need SSO, then the order of the switch. */
export function renderCutoverMarkdown(decision: CutoverDecision, evidence: CutoverEvidence): string {
  const out: string[] = [];
  const failing = decision.checks.filter((c) => !c.ok).map((c) => c.name);
  out.push(`## Cutover: ${decision.go ? '✅ go' : '❌ no-go'}`, '');
  out.push(
    decision.go
      ? `Every check passed for this ${escapeMarkdown(evidence.source)} migration: sign-in can move to WorkOS. This check wrote nothing.`
      : `Not ready to switch sign-in to WorkOS: ${failing.join(', ')} failed. This check wrote nothing.`,
    '',
  );
  out.push('| Check | Result | Evidence |', '| --- | --- | --- |');
  for (const check of decision.checks) {
    out.push(
      `| ${check.name} | ${check.notChecked ? '➖ not checked' : check.ok ? (check.warning ? '⚠️ pass, see detail' : '✅ pass') : '❌ fail'} | ${escapeMarkdown(truncate(scrubValue(check.detail), 1000))} |`,
    );
  }

  const lacking = evidence.sso.organizations.filter((o) => !o.activeConnection);
  if (lacking.length > 0) {
    out.push('', '### Organizations that need an SSO connection', '');
    out.push(
      'Their members signed in through an enterprise connection; they can sign in to WorkOS only once it has an active one.',
      '',
    );
    // Five short columns fit a 1,000 px page; the WorkOS ids and every domain are in sso-setup.csv.
    out.push(
      '| Organization | Users | Sign-in in the source | Domains | In WorkOS |',
      '| --- | ---: | --- | --- | --- |',
    );
    for (const org of lacking.slice(0, MAX_ORGANIZATION_ROWS)) out.push(organizationRow(org));
    if (lacking.length > MAX_ORGANIZATION_ROWS)
      out.push('', `…and ${lacking.length - MAX_ORGANIZATION_ROWS} more: see sso-setup.csv.`);
    out.push(
      '',
      evidence.sso.portalLinks
        ? "sso-setup.csv holds an Admin Portal link for each: send it to that organization's IT admin. The links are secrets and expire five minutes after they are made; they are not shown here."
        : "sso-setup.csv lists them. Run cutover with --portal-links for an Admin Portal link to send each organization's IT admin.",
    );
  }

  if (!decision.go) {
    out.push('', 'Fix what failed, then run cutover again. Switch sign-in only on a go.');
  } else {
    out.push(
      '',
      '**Next:** if sign-ups are frozen in the old system and this ran after the final import, switch sign-in to WorkOS, ' +
        'then run verify. Keep the checkpoint (the state) until you are sure: rollback needs it.',
    );
  }
  return scrubText(out.join('\n') + '\n');
}

function organizationRow(org: OrganizationSsoEvidence): string {
  const connections =
    org.workosId === undefined
      ? 'no organization yet'
      : org.workosConnections.length === 0
        ? 'no connection'
        : org.workosConnections.map((c) => `${c.type} (${c.state})`).join(', ');
  const cells = [
    org.externalId,
    String(org.users),
    org.connectionTypes.join(', '),
    shortList(org.domains, 2) || '—',
    connections,
  ];
  return `| ${cells.map((c) => escapeMarkdown(truncate(scrubValue(c), 40))).join(' | ')} |`;
}

/** The first `n` items and how many more: a long list would widen its column past the page. */
function shortList(items: readonly string[], n: number): string {
  return items.length > n ? `${items.slice(0, n).join(', ')} +${items.length - n}` : items.join(', ');
}

/**
 * sso-setup.csv: each organization that still needs an active SSO connection. No emails; the
 * portal_link column only when links were asked for (and each link is a secret).
 */
export function renderSsoSetupCsv(evidence: CutoverEvidence): string {
  const withLinks = evidence.sso.portalLinks;
  const header = [
    'organization_external_id',
    'workos_organization_id',
    'connection_types',
    'users',
    'domains',
    ...(withLinks ? ['portal_link'] : []),
  ];
  let out = csvRow(header);
  for (const org of evidence.sso.organizations) {
    if (org.activeConnection) continue;
    const row = csvRow([
      org.externalId,
      org.workosId ?? '',
      org.connectionTypes.join('|'),
      org.users,
      org.domains.join('|'),
    ]);
    // The one place a portal link is written: the scrubber would mask it (it is a registered secret).
    out += withLinks ? `${row.slice(0, -1)},${exactCsvRow([org.portalLink ?? ''])}` : row;
  }
  return out;
}

/** Every portal link in the evidence: the action masks each (core.setSecret) before anything is logged. */
export function portalLinkSecrets(evidence: CutoverEvidence): string[] {
  return evidence.sso.organizations.flatMap((o) => (o.portalLink ? [o.portalLink] : []));
}
