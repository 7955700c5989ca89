import type { EntityCounts, Summary } from './summary.js';

/** The reconciliation for a terminal: the same numbers as summary.md, as plain columns. */
export function renderSummaryText(s: Summary): string {
  const cols = ['total', 'created', 'updated', 'unchanged', 'invalid', 'failed', 'pending'] as const;
  const entities: [string, EntityCounts][] = [
    ['users', s.users],
    ['organizations', s.organizations],
    ['memberships', s.memberships],
  ];
  const rows = entities.filter(([name, c]) => name === 'users' || c.total > 0);
  const header = ['', ...cols].map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(10))).join('');
  const lines = rows.map(([name, c]) => [name.padEnd(14), ...cols.map((k) => String(c[k]).padStart(10))].join(''));
  const out = [`${s.mode} (${s.source})${s.complete ? ': complete' : ''}${s.stoppedBy ? `: stopped by ${s.stoppedBy}` : ''}`, header, ...lines];
  const pending = s.users.pending + s.organizations.pending + s.memberships.pending;
  if (s.mode !== 'plan' && pending > 0) {
    out.push(`${pending} record(s) pending: run again to go on from the checkpoint${s.runsRemaining ? ` (about ${s.runsRemaining} more run(s) of this size)` : ''}`);
  }
  if (s.users.merged > 0) out.push(`${s.users.merged} source user(s) merged into another with the same email`);
  out.push(`passwords: ${s.passwords.imported} imported, ${s.passwords.missing} missing, ${s.passwords.unsupported} unsupported${s.passwords.invalid ? `, ${s.passwords.invalid} invalid` : ''}${s.passwords.reset ? `; ${s.passwords.reset} need a reset or Magic Auth (password-reset.csv)` : ''}`);
  const mfa = Object.entries(s.mfa).map(([f, n]) => `${n} ${f}`);
  if (mfa.length > 0) out.push(`re-enroll MFA: ${mfa.join(', ')}`);
  const social = Object.entries(s.social).map(([p, n]) => `${n} ${p}`);
  if (social.length > 0) out.push(`social sign-in: ${social.join(', ')}`);
  if (s.warnings > 0) out.push(`${s.warnings} warning(s): see errors.jsonl`);
  if (s.workos) {
    for (const [name, f] of Object.entries(s.workos)) {
      if (name !== 'users' && f.expected === 0) continue;
      out.push(`found in WorkOS, ${name}: ${f.found} of ${f.expected} (${f.missing} missing, ${f.mismatched} mismatched, ${f.unexpected} not in the export)`);
    }
  }
  if (s.logins) out.push(`test sign-ins: ${s.logins.succeeded} of ${s.logins.tried} succeeded`);
  if (s.requests) {
    const r = s.requests;
    out.push(`WorkOS requests: ${r.writes} writes, ${r.reads} reads, ${r.rateLimited} answered 429, ${r.transient} transient failures`);
  }
  return out.join('\n') + '\n';
}
