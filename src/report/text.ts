import { scrubText, scrubValue } from '../model/mask.js';
import { headline, passwordParts } from './markdown.js';
import type { EntityCounts, Summary } from './summary.js';

/** The reconciliation for a terminal: the same numbers as summary.md, as plain columns, scrubbed. */
export function renderSummaryText(s: Summary): string {
  const cols = ['total', 'created', 'updated', 'unchanged', 'skipped', 'invalid', 'failed', 'pending'] as const;
  const entities: [string, EntityCounts][] = [
    ['users', s.users],
    ['organizations', s.organizations],
    ['memberships', s.memberships],
  ];
  const rows = entities.filter(([name, c]) => name === 'users' || c.total > 0);
  const header = ['', ...cols].map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(10))).join('');
  const lines = rows.map(([name, c]) => [name.padEnd(14), ...cols.map((k) => String(c[k]).padStart(10))].join(''));
  const out = [
    `${s.mode} (${s.source})${s.stoppedBy ? `: stopped by ${s.stoppedBy}` : ''}`,
    plainHeadline(s),
    header,
    ...lines,
  ];
  if (s.users.merged > 0) out.push(`${s.users.merged} source user(s) merged into another with the same email`);
  const conflicts = s.users.mergeConflicts ?? 0;
  if (conflicts > 0) {
    out.push(
      `${conflicts} source user(s) not imported: an unverified account shares a verified user's email; a person must check who owns it (merge_unverified in errors.jsonl)`,
    );
  }
  const pw = s.passwords;
  if (pw.notChecked) out.push('passwords: not checked (no --passwords file given)');
  // The same words as summary.md: a read-only mode never claims what it did not send.
  else
    out.push(
      `passwords: ${passwordParts(s).join(', ')}${pw.invalid ? `, ${pw.invalid} invalid` : ''}` +
        `${pw.reset ? `; ${pw.reset} need a reset or Magic Auth (password-reset.csv)` : ''}`,
    );
  if (s.changes) {
    for (const [name, c] of Object.entries(s.changes)) {
      out.push(
        `would change, ${name}: ${c.create} create, ${c.update} update, ${c.unchanged} unchanged, ${c.remove} remove, ${c.conflict} conflict`,
      );
    }
  }
  if (s.removals && s.mode !== 'rollback') {
    const r = s.removals;
    if (r.users + r.organizations + r.memberships > 0) {
      out.push(
        `not in the export any more: ${entityCounts(r)} (removals.csv)${s.deleted ? '' : '; import --prune deletes them'}`,
      );
      const k = s.removalsKept;
      if (k)
        out.push(
          `kept by prune: ${entityCounts(k)}: they existed in WorkOS before the migration or this checkpoint did not create them (kept_because in removals.csv)`,
        );
    }
  }
  if (s.deleted)
    out.push(`deleted: ${entityCounts(s.deleted)}${s.deleted.factors ? `, ${s.deleted.factors} TOTP factor(s)` : ''}`);
  const f = s.factors;
  if (f)
    out.push(
      `TOTP factors: ${f.total} with a valid secret (${f.enrolled} enrolled, ${f.unchanged} already in WorkOS, ${f.pending} ${s.mode === 'plan' ? 'to enroll' : 'pending'}${f.failed > 0 ? `, ${f.failed} failed` : ''})`,
    );
  const mfa = Object.entries(s.mfa).map(([f, n]) => `${n} ${scrubValue(f)}`);
  if (mfa.length > 0) out.push(`re-enroll MFA: ${mfa.join(', ')}`);
  const social = Object.entries(s.social).map(([p, n]) => `${n} ${scrubValue(p)}`);
  if (social.length > 0) out.push(`social sign-in: ${social.join(', ')}`);
  if (s.warnings > 0) out.push(`${s.warnings} warning(s): see errors.jsonl`);
  if (s.workos) {
    for (const [name, f] of Object.entries(s.workos)) {
      if (name !== 'users' && f.expected === 0) continue;
      out.push(
        `found in WorkOS, ${name}: ${f.found} of ${f.expected} (${f.missing} missing, ${f.mismatched} mismatched, ${f.unexpected} not in the export)`,
      );
    }
  }
  if (s.logins) out.push(`test sign-ins: ${s.logins.succeeded} of ${s.logins.tried} succeeded`);
  if (s.requests) {
    const r = s.requests;
    out.push(
      `WorkOS requests in this run: ${r.writes} writes, ${r.reads} reads, ${r.rateLimited} answered 429, ${r.transient} transient failures`,
    );
  }
  return scrubText(out.join('\n') + '\n');
}

/** The markdown headline without its emphasis, for a terminal. */
function plainHeadline(s: Summary): string {
  return headline(s).replace(/\*\*/g, '');
}

/** `1 user, 0 organizations, 2 memberships`: a count of each entity, its noun in the right number. */
function entityCounts(c: { users: number; organizations: number; memberships: number }): string {
  const one = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [one(c.users, 'user'), one(c.organizations, 'organization'), one(c.memberships, 'membership')].join(', ');
}
