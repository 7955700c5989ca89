import { rolesChangeRow, rolesLine, webhooksSection } from './environment-markdown.js';
import type { RecordProblem } from '../model/types.js';
import type { ChangeCounts } from '../model/changes.js';
import { liveCheckPasses, sumOver, type EntityCounts, type EntityName, type Summary } from './summary.js';
import { scrubText, scrubValue } from '../model/mask.js';
import { escapeMarkdown, truncate, truncateMarkdown } from './escape.js';
import { journalSourceId } from '../model/source-id.js';

export interface MarkdownOptions {
  /** Problem examples shown per code. */
  examplesPerCode?: number;
  /** Hard cap on the text (job summary 1 MiB, PR comment 65,536 characters). */
  maxChars?: number;
  /** Appended when the text had to be cut, e.g. a link to the full job summary. */
  truncatedNote?: string;
}

const ENTITY_ROWS: [string, keyof Pick<Summary, 'users' | 'organizations' | 'memberships'>][] = [
  ['Users', 'users'],
  ['Organizations', 'organizations'],
  ['Memberships', 'memberships'],
];

/** The reconciliation as GitHub renders it: job summary, PR comment, `summary.md`. */
export function renderSummaryMarkdown(
  summary: Summary,
  problems: readonly RecordProblem[],
  options: MarkdownOptions = {},
): string {
  // What needs a person first (drift, failures, removals, what to do next), then the counts,
  // then the export's own problems, which repeat every run, folded away.
  const { urgent, rest } = splitProblems(problems, summary.mode);
  const examples = options.examplesPerCode ?? 5;
  const parts = [
    `## WorkOS migration: ${summary.mode} (${escapeMarkdown(summary.source)})`,
    headline(summary),
    webhooksSection(summary),
    problemSection(urgent, examples, '### Problems that need a look now'),
    removalsLine(summary),
    peopleWork(summary),
    summary.mode === 'rollback' ? rollbackSection(summary) : countsTable(summary),
    rolesLine(summary),
    changesSection(summary),
    foundSection(summary),
    folded(problemSection(rest, examples, ''), `Problems in the export: ${rest.length} (invalid, skipped, warnings)`),
    requestsLine(summary),
  ].filter((p) => p !== '');
  const text = scrubText(parts.join('\n\n') + '\n');
  const max = options.maxChars;
  if (max === undefined || text.length <= max) return text;
  const note = `\n\n${options.truncatedNote ?? '_Cut to fit. The full list is in errors.jsonl in the report artifact._'}\n`;
  return truncateMarkdown(text, max - note.length) + note;
}

const ENTITY_NAMES: [string, EntityName][] = [
  ['user', 'users'],
  ['organization', 'organizations'],
  ['membership', 'memberships'],
];

function listed(counts: Record<EntityName, number>): string {
  const parts = ENTITY_NAMES.filter(([, key]) => counts[key] > 0).map(
    ([noun, key]) => `${counts[key]} ${noun}${counts[key] === 1 ? '' : 's'}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** The first line a reader sees; every claim in it is true of WorkOS as this run saw it. */
export function headline(s: Summary): string {
  if (s.fatal) return `**Stopped:** ${escapeMarkdown(s.fatal)} ${sumOver(s, 'pending')} record(s) pending.`;
  const pending = sumOver(s, 'pending');
  const failed = sumOver(s, 'failed');
  const invalid = sumOver(s, 'invalid');
  const skipped = sumOver(s, 'skipped');
  const notImported =
    invalid + skipped > 0 ? ` ${invalid} invalid and ${skipped} skipped record(s) are not brought over.` : '';
  switch (s.mode) {
    case 'plan': {
      if (!s.changes) {
        return `**Dry run without a WorkOS key.** Nothing was written. ${pending} record(s) are not in the checkpoint yet and would be written; give a key to diff against WorkOS itself.${notImported}`;
      }
      const c = s.changes;
      const pick = (k: keyof ChangeCounts) => ({
        users: c.users[k],
        organizations: c.organizations[k],
        memberships: c.memberships[k],
      });
      const conflicts = sumChanges(c, 'conflict');
      return (
        `**Dry run against WorkOS.** Nothing was written. An import now would create ${listed(pick('create'))}, ` +
        `update ${listed(pick('update'))} and leave ${sumChanges(c, 'unchanged')} record(s) as they are` +
        `${sumChanges(c, 'remove') > 0 ? `; ${listed(pick('remove'))} of this migration ${isAre(sumChanges(c, 'remove'))} gone from the export (removed only with --prune)` : ''}.` +
        `${conflicts > 0 ? ` **${conflicts} conflict(s)** need a person (see Problems).` : ''}${notImported}`
      );
    }
    case 'verify':
      if (s.complete) return `**In step.** WorkOS holds every planned record as planned.${notImported}`;
      return verifyHeadline(s);
    case 'cutover': {
      const c = s.cutover;
      if (!c) return '**Cutover check.**';
      return c.go
        ? '**Go.** Every cutover check passed (cutover.md).'
        : `**No-go.** Failing: ${c.failing.join(', ')} (cutover.md says why and what to do).`;
    }
    case 'rollback': {
      const d = s.deleted;
      if (!d)
        return `**Rollback preview.** Nothing was deleted. With --confirm (confirm-rollback: true) rollback deletes ${listed(s.removals ?? { users: 0, organizations: 0, memberships: 0 })} that this migration created (rollback.csv).`;
      return s.complete
        ? `**Rolled back.** Deleted ${listed(d)} that this migration created.`
        : `**Rollback incomplete.** Deleted ${listed(d)}; ${s.warnings > 0 ? 'some deletes failed (see Problems)' : 'it stopped before the last delete'}: run rollback --confirm again.`;
    }
    case 'import': {
      if (s.complete) return `**Complete.** WorkOS holds every planned record as planned.${notImported}`;
      const bits: string[] = [];
      if (pending > 0) {
        const why = s.stoppedBy ? ` (stopped by ${s.stoppedBy})` : '';
        const runs = s.runsRemaining ? ` About ${s.runsRemaining} more run(s) of this size.` : '';
        bits.push(`**${pending} record(s) pending**${why}: run import again to go on.${runs}`);
      }
      if (failed > 0) bits.push(`**${failed} record(s) failed** (see Problems); a rerun retries them.`);
      const w = s.workos;
      if (w && !liveCheckPasses(w)) {
        const missing = w.users.missing + w.organizations.missing + w.memberships.missing;
        const mismatched = w.users.mismatched + w.organizations.mismatched + w.memberships.mismatched;
        // A failed write leaves its record missing or different in the read-back: that is the
        // failure already said, not a change made during the run.
        const unexplained = missing + mismatched - failed;
        if (failed === 0)
          bits.push(
            `**Not complete:** read back, WorkOS lacks ${missing} planned record(s) and ${mismatched} differ (changed during the run?); run import again.`,
          );
        else if (unexplained > 0)
          bits.push(
            `**Not complete:** read back, ${unexplained} record(s) besides the failed ones are missing or differ in WorkOS (changed during the run?); run import again.`,
          );
      }
      return bits.join(' ') + notImported;
    }
  }
}

/** verify's drift: the counts of the table below it, and for each kind of trouble the step that clears it. */
function verifyHeadline(s: Summary): string {
  const w = s.workos;
  const missing = w ? w.users.missing + w.organizations.missing + w.memberships.missing : 0;
  const mismatched = w ? w.users.mismatched + w.organizations.mismatched + w.memberships.mismatched : 0;
  const failedLogins = s.logins?.failed ?? 0;
  const parts: string[] = [];
  if (missing + mismatched > 0)
    parts.push(
      `**Drift.** WorkOS lacks ${missing} planned record${missing === 1 ? '' : 's'} and ${mismatched} differ${mismatched === 1 ? 's' : ''} from the export: run import to repair ${missing + mismatched === 1 ? 'it' : 'them'} (see Problems).`,
    );
  if (failedLogins > 0)
    parts.push(
      `**${failedLogins} test sign-in${failedLogins === 1 ? '' : 's'} failed** (see Problems): check ${failedLogins === 1 ? "that account's" : "those accounts'"} password and sign-in method in WorkOS.`,
    );
  const failed = sumOver(s, 'failed');
  if (parts.length === 0)
    parts.push(`**Not in step.** ${sumOver(s, 'pending') + failed} record(s) need a look (see Problems).`);
  return parts.join(' ');
}

function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}

function sumChanges(c: NonNullable<Summary['changes']>, key: keyof ChangeCounts): number {
  return c.users[key] + c.organizations[key] + c.memberships[key];
}

function countsTable(s: Summary): string {
  const title = s.mode === 'import' ? '### This run\n' : '';
  const header =
    '| | Total | Created | Updated | Unchanged | Skipped | Invalid | Failed | Pending |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s[key].total > 0).map(([label, key]) =>
    row(label, s[key]),
  );
  const merged =
    s.users.merged > 0
      ? `\n\n${s.users.merged} source user(s) merged into another with the same email (listed in id-map.csv).`
      : '';
  return `${title}${header}\n${rows.join('\n')}${merged}\n\n${passwordLine(s)}${factorLine(s)}`;
}

/** TOTP factors that move with their secrets, when the export has any. */
function factorLine(s: Summary): string {
  const f = s.factors;
  if (!f) return '';
  const parts = [
    s.mode === 'plan' ? `${f.pending} to enroll` : `${f.enrolled} enrolled`,
    `${f.unchanged} already in WorkOS`,
    ...(s.mode !== 'plan' && f.pending > 0 ? [`${f.pending} pending`] : []),
    ...(f.failed > 0 ? [`${f.failed} failed`] : []),
  ];
  return `\n\nTOTP factors moved with their secrets: ${f.total} (${parts.join(', ')}).`;
}

function passwordLine(s: Summary): string {
  const pw = s.passwords;
  if (pw.notChecked)
    return 'Passwords: not checked. This run had no password file (--passwords); give it one to check hashes and who needs a reset.';
  const bad = pw.invalid > 0 ? `, **${pw.invalid} invalid password row(s)** (see Problems)` : '';
  return `Passwords: ${passwordParts(s).join(', ')}${bad}.`;
}

/**
 * What the run knows of the export's hashes, in words: "sent in this run" only from an import,
 * "would be sent" only from a dry run with a key, "not sent" only from an import (a read-only
 * check cannot tell a hash never sent from one sent by a run the checkpoint does not record).
 */
export function passwordParts(s: Summary): string[] {
  const pw = s.passwords;
  const parts = [`${pw.withHash} with a hash`];
  if (s.mode === 'import') parts.push(`${pw.sent} sent in this run`);
  if (pw.recordedEarlier > 0) parts.push(`${pw.recordedEarlier} recorded as sent earlier`);
  if (pw.keptExisting > 0) parts.push(`${pw.keptExisting} kept by users who were in WorkOS before`);
  if (pw.keptSignedIn > 0) parts.push(`${pw.keptSignedIn} kept, signed in to WorkOS`);
  if (s.mode === 'plan' && s.changes) parts.push(`${pw.notSent} would be sent`);
  else if (s.mode === 'import' && pw.notSent > 0) parts.push(`${pw.notSent} not sent yet`);
  parts.push(`${pw.missing} users without a password`, `${pw.unsupported} with a hash WorkOS cannot verify`);
  return parts;
}

function row(label: string, c: EntityCounts): string {
  return `| ${label} | ${c.total} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.skipped} | ${c.invalid} | ${c.failed} | ${c.pending} |`;
}

function changesSection(s: Summary): string {
  if (!s.changes) return '';
  const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s[key].total > 0 || s.changes![key].remove > 0).map(
    ([label, key]) => {
      const c = s.changes![key];
      return `| ${label} | ${c.create} | ${c.update} | ${c.unchanged} | ${c.remove} | ${c.conflict} |`;
    },
  );
  rows.push(...rolesChangeRow(s));
  return `### Would change\n| | Create | Update | Unchanged | Remove | Conflict |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}\n\nEach record and the fields that differ are in changes.jsonl.`;
}

function removalsLine(s: Summary): string {
  if (!s.removals || s.mode === 'rollback' || s.mode === 'plan') return '';
  const total = s.removals.users + s.removals.organizations + s.removals.memberships;
  const why =
    'they existed in WorkOS before the migration or this checkpoint did not create them (kept_because in removals.csv)';
  const k = s.removalsKept;
  if (s.deleted)
    return `Pruned: deleted ${listed(s.deleted)} of this migration that the export no longer has.${k ? ` Kept ${listed(k)}: ${why}.` : ''}`;
  const kept = k ? ` Prune never deletes ${listed(k)} of them: ${why}.` : '';
  if (total === 0) return '';
  return `**Removals:** ${listed(s.removals)} of this migration ${isAre(total)} in WorkOS but no longer in the export (removals.csv). ${total === 1 ? 'It keeps' : 'They keep'} access until an import with --prune (prune: true) deletes ${total === 1 ? 'it' : 'them'}.${kept}`;
}

function rollbackSection(s: Summary): string {
  const planned = s.removals ?? { users: 0, organizations: 0, memberships: 0 };
  const d = s.deleted;
  const rows = ENTITY_ROWS.map(([label, key]) => `| ${label} | ${planned[key]} | ${d ? d[key] : 0} |`);
  const factors = d?.factors
    ? `\n\nTOTP factors the migration enrolled, deleted now: ${d.factors} (also on users that stay).`
    : '';
  return `| | Created by the migration | Deleted now |\n|---|---:|---:|\n${rows.join('\n')}${factors}\n\nUsers that were in WorkOS before the migration are never deleted; fields the migration updated are not reverted (rollback.csv lists both).`;
}

function peopleWork(s: Summary): string {
  const lines: string[] = [];
  const mfa = Object.entries(s.mfa).filter(([, n]) => (n ?? 0) > 0);
  if (mfa.length > 0) {
    lines.push(
      `- **Re-enroll MFA**: ${mfa.map(([f, n]) => `${n} ${escapeMarkdown(f)}`).join(', ')}. These factors cannot move (TOTP moves only with a valid secret); these users set MFA up again (reenroll.csv).`,
    );
  }
  const statuses = Object.entries(s.sourceStatuses ?? {});
  if (statuses.length > 0) {
    lines.push(
      `- **Source statuses**: ${statuses.map(([status, n]) => `${n} ${escapeMarkdown(status)}`).join(', ')}. Each is named in errors.jsonl with what it means.`,
    );
  }
  const social = Object.entries(s.social);
  if (social.length > 0) {
    lines.push(
      `- **Social sign-in**: ${social.map(([p, n]) => `${n} ${escapeMarkdown(p)}`).join(', ')}. Configure these providers in WorkOS; users link by email on first sign-in.`,
    );
  }
  const conflicts = s.users.mergeConflicts ?? 0;
  if (conflicts > 0) {
    lines.push(
      `- **Merge conflicts**: ${conflicts} source user(s) are not imported because an unverified account shares its email with a verified user (errors.jsonl, code \`merge_unverified\`). The unverified account may belong to someone else: confirm who owns the email before giving that account access.`,
    );
  }
  if (s.passwords.reset > 0) {
    lines.push(
      `- **Password reset**: ${s.passwords.reset} user(s) arrive without a password WorkOS can verify and have no social or enterprise sign-in: send them a password reset or Magic Auth (password-reset.csv).`,
    );
  }
  if (s.lazy) {
    lines.push(
      `- **Lazy migration**: ${s.lazy.moved} user(s) moved their password at a first sign-in, ${s.lazy.pending} still pending (keep the old provider up until they have moved, or send them a reset or Magic Auth).`,
    );
  }
  return lines.length > 0 ? `### Needs people\n${lines.join('\n')}` : '';
}

/** Problems about WorkOS or this run's writes: drift, failed writes, failed sign-ins, conflicts. */
const URGENT_CODES = new Set([
  'missing_in_workos',
  'mismatch',
  'email_conflict',
  'login_failed',
  'email_held_by_other',
]);

export function splitProblems(
  problems: readonly RecordProblem[],
  mode: Summary['mode'],
): { urgent: RecordProblem[]; rest: RecordProblem[] } {
  const urgent: RecordProblem[] = [];
  const rest: RecordProblem[] = [];
  // A rollback reads no export: its only problems are deletes that failed.
  for (const p of problems)
    (mode === 'rollback' || p.failed === true || URGENT_CODES.has(p.code) ? urgent : rest).push(p);
  return { urgent, rest };
}

/** A long section behind a `<details>` fold (GitHub renders markdown inside it after a blank line). */
function folded(section: string, summary: string): string {
  if (section === '') return '';
  return `<details><summary>${escapeMarkdown(summary)}</summary>\n\n${section}\n\n</details>`;
}

function problemSection(problems: readonly RecordProblem[], examplesPerCode: number, heading = '### Problems'): string {
  if (problems.length === 0) return '';
  const byCode = new Map<string, RecordProblem[]>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.failed === true}\u0000${p.entity}\u0000${p.code}`;
    const group = byCode.get(key);
    if (group) group.push(p);
    else byCode.set(key, [p]);
  }
  const sections = [...byCode.values()]
    .sort((a, b) => severityRank(a[0]!) - severityRank(b[0]!) || b.length - a.length)
    .map((group) => {
      const first = group[0]!;
      const title = `- **${first.failed ? 'Failed' : SEVERITY_LABEL[first.severity]}** ${codeSpan(first.code)} (${first.entity}): ${group.length}`;
      const lines = identicalLines(group);
      const examples = lines
        .slice(0, examplesPerCode)
        .map(({ text, count }) => `  - ${text}${count > 1 ? ` (×${count})` : ''}`);
      const rest = lines.slice(examplesPerCode).reduce((n, l) => n + l.count, 0);
      const more = rest > 0 ? [`  - … and ${rest} more`] : [];
      return [title, ...examples, ...more].join('\n');
    });
  return heading === '' ? sections.join('\n') : `${heading}\n${sections.join('\n')}`;
}

/**
 * The example lines of one problem code: where, whose (the source id, as the journal writes it:
 * a digest when it holds an email) and what; identical lines once, with their count.
 */
function identicalLines(group: readonly RecordProblem[]): { text: string; count: number }[] {
  const lines = new Map<string, number>();
  for (const p of group) {
    const who = p.sourceId !== undefined ? ` (${journalSourceId(p.sourceId)})` : '';
    const text = `${escapeMarkdown(where(p) + who)}: ${escapeMarkdown(truncate(scrubValue(p.message), 300))}`;
    lines.set(text, (lines.get(text) ?? 0) + 1);
  }
  return [...lines].map(([text, count]) => ({ text, count }));
}

/** Inside backticks markdown escapes are shown literally: keep the text, drop what could end the span. */
function codeSpan(text: string): string {
  return `\`${scrubValue(text).replace(/`/g, '')}\``;
}

function where(p: RecordProblem): string {
  const column = p.location.column ? `:${p.location.column}` : '';
  const field = p.field ? ` ${p.field}` : '';
  // A problem about WorkOS itself (line 0) has no line to point at.
  return `${p.location.file}${p.location.line > 0 ? `:${p.location.line}` : ''}${column}${field}`;
}

const SEVERITY_LABEL: Record<RecordProblem['severity'], string> = {
  error: 'Invalid',
  skip: 'Skipped',
  warning: 'Warning',
};

function severityRank(p: RecordProblem): number {
  return p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2;
}

function requestsLine(s: Summary): string {
  if (!s.requests) return '';
  const r = s.requests;
  const rate = r.writes > 1 ? `; ${r.writesPerSecond.toFixed(1)} writes/s while writing` : '';
  return `<sub>WorkOS requests in this run: ${r.writes} writes, ${r.reads} reads, ${r.rateLimited} rate-limited, ${r.transient} transient failures${rate}; ${Math.round(r.elapsedSeconds)} s in all.</sub>`;
}

function foundSection(s: Summary): string {
  if (!s.workos) return '';
  const heading = s.mode === 'import' ? '### In WorkOS now (read back after the run)' : '### In WorkOS now';
  const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s.workos![key].expected > 0).map(([label, key]) => {
    const f = s.workos![key];
    return `| ${label} | ${f.expected} | ${f.found} | ${f.missing} | ${f.mismatched} | ${f.unexpected} |`;
  });
  const logins = s.logins
    ? `\n\nTest sign-ins: ${s.logins.succeeded} of ${s.logins.tried} succeeded${s.logins.failed > 0 ? ` (**${s.logins.failed} failed**, see Problems)` : ''}.`
    : '';
  return `${heading}\n| | Expected | Found | Missing | Mismatched | Not in the export |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}${logins}`;
}
