import { createHash } from 'node:crypto';
import { escapeMarkdown } from '../report/escape.js';
import type { SignInOrganization } from '../workos/events.js';
import { failureShare, type Counts, type HealthAlert, type HealthPolicy, type SignInTally } from './health.js';
import type { WatchWindow } from './window.js';

// watch.json (what a following step or an alerting job reads) and watch.md (the job summary).
// Users appear only as `sha256:` digests of their source id (the external id this migration
// gave them), with the email beside it only when include-pii is on.

export interface WatchReport {
  window: { since: string; until: string };
  policy: HealthPolicy;
  alert: boolean;
  alerts: {
    scope: HealthAlert['scope'];
    organization?: { id: string; name: string; external_id: string | null };
    attempts: number;
    failed: number;
    failure_share: number;
  }[];
  sign_ins: CountsJson;
  methods: Record<string, CountsJson>;
  failure_codes: Record<string, number>;
  organizations: (CountsJson & {
    id: string;
    name: string;
    external_id: string | null;
    failure_codes: Record<string, number>;
  })[];
  without_organization: CountsJson;
  steps: Record<string, number>;
  unknown_user_failures: number;
  first_sign_in_failures: { user: string; failed: number; email?: string }[];
  events: number;
}

interface CountsJson {
  attempts: number;
  succeeded: number;
  failed: number;
  failure_share: number;
}

function countsJson(counts: Counts): CountsJson {
  return {
    attempts: counts.succeeded + counts.failed,
    succeeded: counts.succeeded,
    failed: counts.failed,
    failure_share: failureShare(counts),
  };
}

/** The digest users are reported by: the same for the same source id in every run. */
export function userDigest(externalId: string): string {
  return `sha256:${createHash('sha256').update(externalId).digest('hex')}`;
}

export function watchReport(input: {
  window: WatchWindow;
  policy: HealthPolicy;
  tally: SignInTally;
  alerts: HealthAlert[];
  organization: (id: string) => SignInOrganization;
  events: number;
  includePii: boolean;
}): WatchReport {
  const { tally } = input;
  const sortedEntries = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    window: { since: input.window.since.toISOString(), until: input.window.until.toISOString() },
    policy: input.policy,
    alert: input.alerts.length > 0,
    alerts: input.alerts.map((a) => ({
      scope: a.scope,
      ...(a.organization
        ? {
            organization: {
              id: a.organization.id,
              name: a.organization.name,
              external_id: a.organization.externalId,
            },
          }
        : {}),
      attempts: a.attempts,
      failed: a.failed,
      failure_share: a.failureShare,
    })),
    sign_ins: countsJson(tally.overall),
    methods: Object.fromEntries(sortedEntries(tally.methods).map(([k, v]) => [k, countsJson(v)])),
    failure_codes: Object.fromEntries(sortedEntries(tally.failureCodes)),
    organizations: [...tally.organizations.entries()]
      .map(([id, counts]) => {
        const organization = input.organization(id);
        return {
          id,
          name: organization.name,
          external_id: organization.externalId,
          ...countsJson(counts),
          failure_codes: counts.failureCodes,
        };
      })
      .sort((a, b) => b.failure_share - a.failure_share || a.name.localeCompare(b.name)),
    without_organization: countsJson(tally.withoutOrganization),
    steps: Object.fromEntries(sortedEntries(tally.steps)),
    unknown_user_failures: tally.unknownUserFailures,
    first_sign_in_failures: [...tally.firstSignInFailures.values()]
      .map((f) => ({
        user: userDigest(f.user.externalId ?? f.user.id),
        failed: f.failed,
        ...(input.includePii && f.email ? { email: f.email } : {}),
      }))
      .sort((a, b) => b.failed - a.failed || a.user.localeCompare(b.user)),
    events: input.events,
  };
}

const MAX_ROWS = 50;

export function renderWatchMarkdown(report: WatchReport): string {
  const lines: string[] = [];
  const s = report.sign_ins;
  const { failAbove, minAttempts } = report.policy;
  lines.push(`## Sign-in health: ${report.alert ? '🔴 alert' : '🟢 healthy'}`, '');
  lines.push(
    `${s.attempts} sign-in attempts from ${report.window.since} to ${report.window.until}: ` +
      `${s.succeeded} succeeded, ${s.failed} failed (${s.failure_share} %). ` +
      `Alert threshold: more than ${failAbove} % failed, overall or in an organization with at least ${minAttempts} attempts.`,
    '',
  );
  if (report.alert) {
    lines.push('### Above the threshold', '');
    for (const alert of report.alerts) {
      const where =
        alert.scope === 'overall' ? 'All sign-ins' : `Organization **${escapeMarkdown(alert.organization!.name)}**`;
      lines.push(`- ${where}: ${alert.failed} of ${alert.attempts} failed (${alert.failure_share} %)`);
    }
    lines.push(
      '',
      'Next: look at the failure codes below. `invalid_credentials` in one organization often means its ' +
        'password hashes did not move (run `verify`); `sso_*` failures mean its SSO connection needs a check ' +
        '(is it active, does the IdP point at WorkOS?). If the organization cannot sign in, roll it back to the ' +
        'old provider for now (route its sign-ins back) while you fix it; `rollback` undoes the import itself.',
      '',
    );
  }
  if (report.organizations.length > 0) {
    lines.push(
      '### By organization',
      '',
      '| Organization | Attempts | Succeeded | Failed | Failed % | Failure codes |',
    );
    lines.push('|---|---:|---:|---:|---:|---|');
    for (const o of report.organizations.slice(0, MAX_ROWS)) {
      const codes = Object.entries(o.failure_codes)
        .map(([code, n]) => `${escapeMarkdown(code)} ${n}`)
        .join(', ');
      lines.push(
        `| ${escapeMarkdown(o.name)} | ${o.attempts} | ${o.succeeded} | ${o.failed} | ${o.failure_share} | ${codes} |`,
      );
    }
    if (report.organizations.length > MAX_ROWS)
      lines.push('', `… and ${report.organizations.length - MAX_ROWS} more organizations in watch.json.`);
    const w = report.without_organization;
    if (w.attempts > 0)
      lines.push('', `Users in no organization: ${w.attempts} attempts, ${w.failed} failed (${w.failure_share} %).`);
    lines.push('');
  }
  const methods = Object.entries(report.methods);
  if (methods.length > 0) {
    lines.push('### By method', '', '| Method | Succeeded | Failed | Failed % |', '|---|---:|---:|---:|');
    for (const [method, c] of methods)
      lines.push(`| ${escapeMarkdown(method)} | ${c.succeeded} | ${c.failed} | ${c.failure_share} |`);
    lines.push('');
  }
  const codes = Object.entries(report.failure_codes);
  if (codes.length > 0) {
    lines.push('### Failure codes', '', '| Code | Failed |', '|---|---:|');
    for (const [code, n] of codes) lines.push(`| ${escapeMarkdown(code)} | ${n} |`);
    lines.push('');
  }
  if (report.first_sign_in_failures.length > 0) {
    lines.push(
      `**${report.first_sign_in_failures.length} migrated user(s)** failed to sign in and have never signed in to WorkOS ` +
        '(by source id digest in watch.json): check their password hashes and MFA re-enrollment.',
      '',
    );
  }
  if (s.attempts === 0)
    lines.push('No sign-in events in this window: has sign-in moved to WorkOS yet? Is the window right?', '');
  return `${lines.join('\n')}\n`;
}

/** One line for the terminal and the log. */
export function watchHeadline(report: WatchReport): string {
  const s = report.sign_ins;
  const head = `${s.attempts} sign-ins, ${s.failed} failed (${s.failure_share} %), ${report.organizations.length} organizations.`;
  if (!report.alert) return `Sign-in health: healthy. ${head}`;
  const named = report.alerts.map((a) =>
    a.scope === 'overall' ? `all sign-ins ${a.failure_share} %` : `${a.organization!.name} ${a.failure_share} %`,
  );
  return `Sign-in health: ALERT, above ${report.policy.failAbove} % failed: ${named.join('; ')}. ${head}`;
}
