import type { RecordProblem } from '../model/types.js';
import type { EntityCounts, Summary } from './summary.js';
import { escapeMarkdown, truncate } from './escape.js';

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
export function renderSummaryMarkdown(summary: Summary, problems: readonly RecordProblem[], options: MarkdownOptions = {}): string {
  const parts = [
    `## WorkOS migration: ${summary.mode} (${escapeMarkdown(summary.source)})`,
    statusLine(summary),
    countsTable(summary),
    foundSection(summary),
    peopleWork(summary),
    problemSection(problems, options.examplesPerCode ?? 5),
    requestsLine(summary),
  ].filter((p) => p !== '');
  const text = parts.join('\n\n') + '\n';
  const max = options.maxChars;
  if (max === undefined || text.length <= max) return text;
  const note = `\n\n${options.truncatedNote ?? '_Cut to fit. The full list is in errors.jsonl in the report artifact._'}\n`;
  return truncate(text, max - note.length) + note;
}

function statusLine(s: Summary): string {
  const pending = s.users.pending + s.organizations.pending + s.memberships.pending;
  const failed = s.users.failed + s.organizations.failed + s.memberships.failed;
  const invalid = s.users.invalid + s.organizations.invalid + s.memberships.invalid;
  if (s.mode === 'plan') {
    return `**Dry run.** Nothing was written. ${pending} record(s) would be written; ${invalid} invalid record(s) would be skipped.`;
  }
  const bits: string[] = [];
  if (s.complete) bits.push('**Complete.** Every record is in WorkOS, invalid or deliberately skipped.');
  if (pending > 0) {
    const why = s.stoppedBy ? ` (stopped by ${s.stoppedBy})` : '';
    const runs = s.runsRemaining ? ` About ${s.runsRemaining} more run(s) of this size.` : '';
    bits.push(`**${pending} record(s) pending**${why}: run again to go on from the checkpoint.${runs}`);
  }
  if (failed > 0) bits.push(`**${failed} record(s) failed**: see Problems; a rerun retries them.`);
  return bits.join(' ');
}

function countsTable(s: Summary): string {
  const header = '| | Total | Created | Updated | Unchanged | Invalid | Failed | Pending |\n|---|---:|---:|---:|---:|---:|---:|---:|';
  const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s[key].total > 0).map(([label, key]) => row(label, s[key]));
  const merged = s.users.merged > 0 ? `\n\n${s.users.merged} source user(s) merged into another with the same email (listed in id-map.csv).` : '';
  const pw = s.passwords;
  const bad = pw.invalid > 0 ? `, **${pw.invalid} invalid password row(s)** (see Problems)` : '';
  const passwords = `\n\nPasswords: ${pw.imported} imported, ${pw.missing} without a password, ${pw.unsupported} with a hash WorkOS cannot verify${bad}.`;
  return `${header}\n${rows.join('\n')}${merged}${passwords}`;
}

function row(label: string, c: EntityCounts): string {
  return `| ${label} | ${c.total} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.invalid} | ${c.failed} | ${c.pending} |`;
}

function peopleWork(s: Summary): string {
  const lines: string[] = [];
  const mfa = Object.entries(s.mfa).filter(([, n]) => (n ?? 0) > 0);
  if (mfa.length > 0) {
    lines.push(`- **Re-enroll MFA**: ${mfa.map(([f, n]) => `${n} ${escapeMarkdown(f)}`).join(', ')}. Factors cannot be moved; these users set MFA up again (reenroll.csv).`);
  }
  const social = Object.entries(s.social);
  if (social.length > 0) {
    lines.push(`- **Social sign-in**: ${social.map(([p, n]) => `${n} ${escapeMarkdown(p)}`).join(', ')}. Configure these providers in WorkOS; users link by email on first sign-in.`);
  }
  const noPassword = s.passwords.missing + s.passwords.unsupported;
  if (noPassword > 0) {
    lines.push(`- **No password imported**: ${noPassword} user(s) sign in with a social provider, Magic Auth, or a password reset.`);
  }
  return lines.length > 0 ? `### Needs people\n${lines.join('\n')}` : '';
}

function problemSection(problems: readonly RecordProblem[], examplesPerCode: number): string {
  if (problems.length === 0) return '';
  const byCode = new Map<string, RecordProblem[]>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.entity}\u0000${p.code}`;
    const group = byCode.get(key);
    if (group) group.push(p);
    else byCode.set(key, [p]);
  }
  const sections = [...byCode.values()]
    .sort((a, b) => severityRank(a[0]!) - severityRank(b[0]!) || b.length - a.length)
    .map((group) => {
      const first = group[0]!;
      const title = `- **${first.severity === 'error' ? 'Invalid' : 'Warning'}** ${codeSpan(first.code)} (${first.entity}): ${group.length}`;
      const examples = group.slice(0, examplesPerCode).map((p) => `  - ${escapeMarkdown(where(p))}: ${escapeMarkdown(truncate(p.message, 300))}`);
      const more = group.length > examplesPerCode ? [`  - … and ${group.length - examplesPerCode} more`] : [];
      return [title, ...examples, ...more].join('\n');
    });
  return `### Problems\n${sections.join('\n')}`;
}

/** Inside backticks markdown escapes are shown literally: keep the text, drop what could end the span. */
function codeSpan(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, '')}\``;
}

function where(p: RecordProblem): string {
  const column = p.location.column ? `:${p.location.column}` : '';
  const field = p.field ? ` ${p.field}` : '';
  return `${p.location.file}:${p.location.line}${column}${field}`;
}

function severityRank(p: RecordProblem): number {
  return p.severity === 'error' ? 0 : 1;
}

function requestsLine(s: Summary): string {
  if (!s.requests) return '';
  const r = s.requests;
  return `<sub>WorkOS requests: ${r.writes} writes, ${r.reads} reads, ${r.rateLimited} rate-limited, ${r.transient} transient failures; ${r.writesPerSecond.toFixed(1)} writes/s while writing; ${Math.round(r.elapsedSeconds)} s in all.</sub>`;
}

function foundSection(s: Summary): string {
  if (!s.workos) return '';
  const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s.workos![key].expected > 0).map(([label, key]) => {
    const f = s.workos![key];
    return `| ${label} | ${f.expected} | ${f.found} | ${f.missing} | ${f.mismatched} | ${f.unexpected} |`;
  });
  const logins = s.logins ? `\n\nTest sign-ins: ${s.logins.succeeded} of ${s.logins.tried} succeeded${s.logins.failed > 0 ? ` (**${s.logins.failed} failed**, see Problems)` : ''}.` : '';
  return `### Found in WorkOS\n| | Expected | Found | Missing | Mismatched | Not in the export |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}${logins}`;
}
