import { describe, expect, it } from 'vitest';
import { renderPullRequestComment } from '../../src/github/comment.js';
import { renderSummaryMarkdown } from '../../src/report/markdown.js';
import { renderSummaryText } from '../../src/report/text.js';
import { emptyCounts, type Summary } from '../../src/report/summary.js';
import { planSummary, problem } from '../github/plan-summary.js';

// What users read, pinned: each scenario of the plan/import/verify/rollback model renders as
// below, so a reviewer sees every change to the job summary and the PR comment in the diff.

const found = (
  expected: number,
  over: Partial<Record<'found' | 'missing' | 'mismatched' | 'unexpected', number>> = {},
) => ({
  expected,
  found: expected,
  missing: 0,
  mismatched: 0,
  unexpected: 0,
  ...over,
});

const changes = (create: number, update: number, unchanged: number, remove = 0, conflict = 0) => ({
  create,
  update,
  unchanged,
  remove,
  conflict,
});

const scenarios: Record<string, Summary> = {
  'plan against a populated environment': planSummary({
    users: { ...emptyCounts(), total: 124, unchanged: 110, pending: 10, skipped: 1, invalid: 3, merged: 1 },
    organizations: { ...emptyCounts(), total: 3, unchanged: 2, pending: 1 },
    memberships: { ...emptyCounts(), total: 40, unchanged: 38, pending: 2 },
    changes: { users: changes(4, 6, 110, 2, 1), organizations: changes(0, 1, 2), memberships: changes(1, 1, 38, 3) },
    removals: { users: 2, organizations: 0, memberships: 3 },
    workos: {
      users: found(120, { found: 116, missing: 4, mismatched: 6, unexpected: 2 }),
      organizations: found(3, { mismatched: 1 }),
      memberships: found(40, { found: 39, missing: 1, mismatched: 1, unexpected: 3 }),
    },
  }),
  'plan with a merge conflict for a person': planSummary({
    users: { ...emptyCounts(), total: 12, pending: 10, skipped: 2, merged: 1, mergeConflicts: 1 },
    organizations: emptyCounts(),
    memberships: { ...emptyCounts(), total: 5, pending: 4, skipped: 1 },
  }),
  'import, complete, with removals kept': planSummary({
    mode: 'import',
    complete: true,
    users: { ...emptyCounts(), total: 124, created: 4, updated: 6, unchanged: 110, skipped: 1, invalid: 3, merged: 1 },
    organizations: { ...emptyCounts(), total: 3, updated: 1, unchanged: 2 },
    memberships: { ...emptyCounts(), total: 40, created: 1, updated: 1, unchanged: 38 },
    passwords: {
      withHash: 90,
      sent: 4,
      recordedEarlier: 86,
      keptExisting: 0,
      keptSignedIn: 0,
      notSent: 0,
      missing: 25,
      unsupported: 1,
      invalid: 0,
      reset: 26,
    },
    removals: { users: 2, organizations: 0, memberships: 3 },
    workos: {
      users: found(120, { unexpected: 2 }),
      organizations: found(3),
      memberships: found(40, { unexpected: 3 }),
    },
    requests: { reads: 5, writes: 13, rateLimited: 0, transient: 0, writesPerSecond: 42.5, elapsedSeconds: 3 },
  }),
  'import with prune': planSummary({
    mode: 'import',
    complete: true,
    users: { ...emptyCounts(), total: 120, unchanged: 120, merged: 0 },
    organizations: { ...emptyCounts(), total: 3, unchanged: 3 },
    memberships: { ...emptyCounts(), total: 40, unchanged: 40 },
    passwords: {
      withHash: 90,
      sent: 0,
      recordedEarlier: 90,
      keptExisting: 0,
      keptSignedIn: 0,
      notSent: 0,
      missing: 30,
      unsupported: 0,
      invalid: 0,
      reset: 30,
    },
    removals: { users: 0, organizations: 0, memberships: 0 },
    deleted: { users: 2, organizations: 0, memberships: 3 },
    workos: { users: found(120), organizations: found(3), memberships: found(40) },
  }),
  'import stopped by its stage limit, one failed': planSummary({
    mode: 'import',
    stoppedBy: 'max-records',
    runsRemaining: 3,
    users: { ...emptyCounts(), total: 124, created: 30, failed: 1, pending: 89, invalid: 4, merged: 1 },
    passwords: {
      withHash: 90,
      sent: 25,
      recordedEarlier: 0,
      keptExisting: 0,
      keptSignedIn: 0,
      notSent: 65,
      missing: 25,
      unsupported: 1,
      invalid: 0,
      reset: 26,
    },
  }),
  'verify in step': planSummary({
    mode: 'verify',
    complete: true,
    users: { ...emptyCounts(), total: 124, unchanged: 120, invalid: 4, merged: 1 },
    organizations: { ...emptyCounts(), total: 3, unchanged: 3 },
    memberships: { ...emptyCounts(), total: 40, unchanged: 40 },
    workos: { users: found(120), organizations: found(3), memberships: found(40) },
    logins: { tried: 2, succeeded: 2, failed: 0 },
  }),
  'verify with drift': planSummary({
    mode: 'verify',
    users: { ...emptyCounts(), total: 124, unchanged: 118, pending: 2, invalid: 4, merged: 1 },
    organizations: { ...emptyCounts(), total: 3, unchanged: 3 },
    memberships: { ...emptyCounts(), total: 40, unchanged: 39, pending: 1 },
    workos: {
      users: found(120, { found: 119, missing: 1, mismatched: 1 }),
      organizations: found(3),
      memberships: found(40, { found: 39, missing: 1 }),
    },
  }),
  'rollback preview': planSummary({
    mode: 'rollback',
    users: emptyCounts() as Summary['users'],
    organizations: emptyCounts(),
    memberships: emptyCounts(),
    removals: { users: 117, organizations: 3, memberships: 40 },
  }),
  'rollback done': planSummary({
    mode: 'rollback',
    complete: true,
    users: { ...emptyCounts(), merged: 0 },
    organizations: emptyCounts(),
    memberships: emptyCounts(),
    removals: { users: 117, organizations: 3, memberships: 40 },
    deleted: { users: 117, organizations: 3, memberships: 40 },
  }),
};

const problems = [
  problem({ location: { file: 'exports/users.ndjson', line: 12 } }),
  problem({
    code: 'blocked',
    field: 'blocked',
    severity: 'skip',
    message: 'The user is blocked in the source and is skipped.',
    location: { file: 'exports/users.ndjson', line: 7 },
  }),
  problem({
    code: 'workos_unavailable',
    failed: true,
    message: 'WorkOS did not answer after several attempts (503); run again to retry this record.',
    location: { file: 'exports/users.ndjson', line: 40 },
  }),
];

describe('rendered reports', () => {
  for (const [name, summary] of Object.entries(scenarios)) {
    it(`${name}: job summary, PR comment and terminal`, () => {
      expect(renderSummaryMarkdown(summary, problems)).toMatchSnapshot('summary.md');
      expect(
        renderPullRequestComment(summary, problems, {
          jobSummaryUrl: 'https://github.com/acme/identity/actions/runs/7',
        }),
      ).toMatchSnapshot('PR comment');
      expect(renderSummaryText(summary)).toMatchSnapshot('terminal');
    });
  }

  it('counts one removed or deleted record in the singular in the terminal', () => {
    const base = scenarios['import, complete, with removals kept']!;
    const text = renderSummaryText({
      ...base,
      removals: { users: 1, organizations: 1, memberships: 2 },
      deleted: { users: 1, organizations: 0, memberships: 1 },
    });
    expect(text).toContain('not in the export any more: 1 user, 1 organization, 2 memberships (removals.csv)');
    expect(text).toContain('deleted: 1 user, 0 organizations, 1 membership');
  });

  it('a headline never says Complete for a run that is not', () => {
    for (const [name, summary] of Object.entries(scenarios)) {
      const md = renderSummaryMarkdown(summary, []);
      expect(md.includes('**Complete.**'), name).toBe(summary.mode === 'import' && summary.complete);
    }
  });

  it("lists identical problem lines once with their count, and names each line's source id", () => {
    const same = problem({ sourceId: undefined, code: 'default_role', severity: 'warning', message: 'Same words.' });
    const md = renderSummaryMarkdown(scenarios['verify in step']!, [
      same,
      same,
      same,
      problem({ sourceId: 'auth0|other' }),
    ]);
    expect(md).toContain('  - exports/users.ndjson:12:3 email: Same words. (×3)');
    expect(md.match(/Same words/g)).toHaveLength(1);
    expect(md).toContain('(auth0\\|other)');
  });

  it("puts what needs a person first, and folds the export's own problems away", () => {
    const md = renderSummaryMarkdown(scenarios['import stopped by its stage limit, one failed']!, problems);
    const at = (text: string) => md.indexOf(text);
    expect(at('### Problems that need a look now')).toBeGreaterThan(0);
    expect(at('### Problems that need a look now')).toBeLessThan(at('### Needs people'));
    expect(at('### Needs people')).toBeLessThan(at('### This run'));
    expect(at('### This run')).toBeLessThan(at('<details><summary>Problems in the export'));
    expect(at('workos_unavailable')).toBeLessThan(at('### Needs people'));
    expect(at('missing_email')).toBeGreaterThan(at('<details>'));
  });

  it('a rollback that stopped without a failed delete says it stopped, not that deletes failed', () => {
    const stopped = planSummary({
      mode: 'rollback',
      complete: false,
      warnings: 0,
      removals: { users: 10, organizations: 1, memberships: 4 },
      deleted: { users: 3, organizations: 0, memberships: 4 },
    });
    expect(renderSummaryMarkdown(stopped, [])).toContain(
      '**Rollback incomplete.** Deleted 3 users, 4 memberships; it stopped before the last delete: run rollback --confirm again.',
    );
  });
});
