import { mkdir, writeFile } from 'node:fs/promises';
import { registerSecret } from '../model/mask.js';
import { join } from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import { decideCutover, failingChecks } from '../cutover/decide.js';
import type { CutoverDecision, CutoverEvidence, ReconciledCounts } from '../cutover/evidence.js';
import { passwordResetRows, peopleEvidence } from '../cutover/people.js';
import { portalLinkSecrets, renderCutoverJson, renderCutoverMarkdown, renderSsoSetupCsv } from '../cutover/render.js';
import { rollbackCoverage, type JournalRecord } from '../cutover/rollback.js';
import { enterpriseMembers, gatherSsoEvidence } from '../cutover/sso.js';
import type { Entity } from '../model/types.js';
import type { PlannedMembership, PlannedOrganization } from '../model/planned.js';
import type { PlannedUsers } from '../plan/users.js';
import { reenrollRows } from '../report/files.js';
import { writeLines } from '../io/write-lines.js';
import { silentLogger, type Logger } from '../report/logger.js';
import { connectionsReader, type PacedRead } from '../workos/connections.js';
import { removalsCsv } from '../report/files.js';
import { FoundRecords, liveOutcomes } from '../reconcile/reconcile.js';
import { conflictProblems } from '../plan/diff-outcomes.js';
import { passwordMemory } from '../plan/diff.js';
import { passwordsNotRead } from '../report/people.js';
import {
  checkLive,
  finishRun,
  openJournal,
  outcomeStream,
  prepareRun,
  requireWorkOS,
  exportRunOptions,
  type ExportRunOptions,
  type LoginProbeSet,
  type MigrationSettings,
  type ResolvedRun,
  type MigrationResult,
} from './pipeline.js';

export interface CutoverOptions extends ExportRunOptions {
  loginProbes?: LoginProbeSet;
  /** An Admin Portal SSO link for each organization that still needs a connection. */
  portalLinks?: boolean;
  /** Called with each portal link before anything prints it. */
  onSecret?: (secret: string) => void;
}

/** cutover's options, from the settings the CLI or the action parsed. */
export function cutoverOptions(settings: MigrationSettings, resolved: ResolvedRun): CutoverOptions {
  return {
    ...exportRunOptions(settings, resolved),
    loginProbes: resolved.loginProbes,
    portalLinks: settings.portalLinks,
    onSecret: resolved.onSecret,
  };
}

// `cutover`: the read-only go/no-go before sign-in moves to WorkOS. The caller runs the live
// diff (plan and reconcile, read-only) and hands over its pieces; this reads WorkOS's SSO
// connections (and portal links when asked), decides, and writes cutover.json, cutover.md,
// sso-setup.csv and the people lists. It never writes to WorkOS.

export interface CutoverInput {
  source: string;
  /** This run's plan. */
  users: PlannedUsers;
  organizations: readonly PlannedOrganization[];
  memberships: Iterable<PlannedMembership>;
  /** The live diff: per entity counts and the planned records found, with their WorkOS ids. */
  reconciliation: {
    users: ReconciledCounts;
    organizations: ReconciledCounts;
    memberships: ReconciledCounts;
    found: Pick<FoundRecords, 'organization' | typeof Symbol.iterator>;
  };
  /** Records the live diff reports as conflicts. */
  conflicts: number;
  /** Records of this migration gone from the export and neither pruned nor accepted. */
  unreviewedRemovals: number;
  /** Pending and failed records of the checkpoint (the live diff's outcomes). */
  checkpoint: { pending: number; failed: number };
  /** The login probes' result, when `--login-probes` was given. */
  logins?: { tried: number; succeeded: number; failed: number };
  /** The journal's entry for a record (`(e, id) => journal.get(e, id)`); undefined without `--state`. */
  journal?: (entity: Entity, sourceId: string) => JournalRecord | undefined;
  workos: WorkOS;
  /** Paces and retries one read (`(r) => caller.read(r)`). */
  read: PacedRead;
  /** `--portal-links`: an Admin Portal link for each organization that lacks an active connection. */
  portalLinks: boolean;
  /** Called with each portal link as soon as it exists, before anything else sees it (the action: core.setSecret). */
  onSecret?: (secret: string) => void;
  outDir?: string;
  /** The export's password file was not given (Auth0 without --passwords): no reset list, no reset count. */
  passwordsNotRead?: boolean;
  /** Emails in reenroll.csv and password-reset.csv only when the user opted in. */
  includePii?: boolean;
  log?: Logger;
}

export interface CutoverFiles {
  cutoverJson: string;
  cutoverMd: string;
  ssoSetup: string;
  reenroll: string;
  passwordReset: string;
}

export interface CutoverResult {
  decision: CutoverDecision;
  evidence: CutoverEvidence;
  /** cutover.md: the job summary and PR comment (never holds a portal link). */
  markdown: string;
  /** 0 go, 1 no-go (DESIGN §2); a check that could not run throws instead (exit 2). */
  exitCode: 0 | 1;
  /** The portal links made: secrets (already passed to onSecret). */
  secrets: string[];
  files?: CutoverFiles;
}

export async function runCutover(input: CutoverInput): Promise<CutoverResult> {
  const log = input.log ?? silentLogger;
  const onSecret = input.onSecret ?? (() => {});

  const members = enterpriseMembers({
    users: input.users,
    organizations: input.organizations.map((o) => ({ sourceId: o.sourceId, domains: o.input.domains })),
    memberships: input.memberships,
    workosOrganizationId: (sourceId) => input.reconciliation.found.organization(sourceId),
  });
  const reader = connectionsReader(input.workos, input.read);
  const sso = await log.group(
    `Checking the SSO connections of ${members.organizations.length} organization(s) with enterprise sign-in`,
    () =>
      gatherSsoEvidence(
        members,
        {
          connectionsOf: reader.connectionsOf,
          domainsOf: reader.domainsOf,
          async ssoPortalLink(organizationId) {
            const link = await reader.ssoPortalLink(organizationId);
            // Masked in everything but sso-setup.csv, whose job is to hand it over.
            registerSecret(link);
            onSecret(link);
            return link;
          },
        },
        { portalLinks: input.portalLinks },
      ),
  );

  const files: CutoverFiles | undefined = input.outDir
    ? {
        cutoverJson: join(input.outDir, 'cutover.json'),
        cutoverMd: join(input.outDir, 'cutover.md'),
        ssoSetup: join(input.outDir, 'sso-setup.csv'),
        reenroll: join(input.outDir, 'reenroll.csv'),
        passwordReset: join(input.outDir, 'password-reset.csv'),
      }
    : undefined;

  const evidence: CutoverEvidence = {
    source: input.source,
    reconciled: {
      users: input.reconciliation.users,
      organizations: input.reconciliation.organizations,
      memberships: input.reconciliation.memberships,
    },
    conflicts: input.conflicts,
    unreviewedRemovals: input.unreviewedRemovals,
    checkpoint: input.checkpoint,
    ...(input.logins ? { logins: input.logins } : {}),
    sso,
    people: peopleEvidence(
      input.passwordsNotRead ? { ...input.users.tally, passwordReset: 0 } : input.users.tally,
      files
        ? { reenroll: 'reenroll.csv', ...(input.passwordsNotRead ? {} : { passwordReset: 'password-reset.csv' }) }
        : {},
    ),
    rollback: rollbackCoverage({ found: input.reconciliation.found, journal: input.journal }),
  };
  const decision = decideCutover(evidence);
  const markdown = renderCutoverMarkdown(decision, evidence);

  if (input.outDir && files) {
    await mkdir(input.outDir, { recursive: true });
    await writeFile(files.cutoverJson, renderCutoverJson(decision));
    await writeFile(files.cutoverMd, markdown);
    await writeFile(files.ssoSetup, renderSsoSetupCsv(evidence));
    await writeLines(files.reenroll, reenrollRows(input.users.withMfa(), input.includePii ?? false));
    if (!input.passwordsNotRead)
      await writeLines(
        files.passwordReset,
        passwordResetRows(input.users.needingPasswordReset(), input.includePii ?? false),
      );
  }

  const failing = failingChecks(decision);
  log.info(decision.go ? 'cutover: go. Every check passed.' : `cutover: no-go. Failing: ${failing.join(', ')}.`);
  return {
    decision,
    evidence,
    markdown,
    exitCode: decision.go ? 0 : 1,
    secrets: portalLinkSecrets(evidence),
    ...(files ? { files } : {}),
  };
}

/**
 * `cutover` as a mode: the live diff (read-only, as verify reads it), the checkpoint and the
 * login probes, handed to runCutover. The job summary is cutover.md; nothing is written to WorkOS.
 */
export async function runCutoverMode(options: CutoverOptions): Promise<MigrationResult> {
  const run = await prepareRun('cutover', options);
  const workos = requireWorkOS(run);
  const journal = openJournal(run, 'read');
  const outcomes = outcomeStream(run);
  try {
    const { diff, reconciliation, logins, lazy } = await checkLive(run, workos, journal, options.loginProbes);
    // Counted and written as they are worked out: a million users and memberships are never held.
    for (const outcome of liveOutcomes(diff)) outcomes.add(outcome);
    const count = (status: 'pending' | 'failed') =>
      outcomes.counts.user[status] + outcomes.counts.organization[status] + outcomes.counts.membership[status];
    const notRead = passwordsNotRead(options.source, options.files);
    const result = await runCutover({
      passwordsNotRead: notRead,
      source: options.source,
      users: run.plan.users.users,
      organizations: run.plan.organizations.organizations,
      memberships: run.plan.organizations.memberships,
      reconciliation: { ...reconciliation, found: new FoundRecords(diff) },
      conflicts: diff.users.filter((c) => c.action === 'conflict').length,
      // Listed, never pruned: a person decides (import --prune, or put them back in the export).
      unreviewedRemovals: diff.removals.length,
      checkpoint: { pending: count('pending'), failed: count('failed') },
      ...(logins ? { logins: { tried: logins.tried, succeeded: logins.succeeded, failed: logins.failed } } : {}),
      ...(journal ? { journal: (entity: Entity, id: string) => journal.get(entity, id) } : {}),
      workos,
      read: (request) => run.caller.read(request),
      portalLinks: options.portalLinks ?? false,
      ...(options.onSecret ? { onSecret: options.onSecret } : {}),
      outDir: options.outDir,
      includePii: options.includePii,
      log: run.log,
    });
    const report = await finishRun(run, {
      outcomes: [],
      streamed: outcomes,
      problems: [...run.problems, ...conflictProblems(diff)],
      reconciliation,
      diff,
      removals: diff.removals,
      logins,
      passwords: { sent: 0, ...passwordMemory(diff), ...(notRead ? { notChecked: true as const } : {}) },
      lazy,
      extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
      cutover: { go: result.decision.go, failing: failingChecks(result.decision) },
    });
    // The job summary and PR comment of a cutover are its checks (cutover.md).
    return { ...report, markdown: result.markdown, ...(result.secrets.length > 0 ? { secrets: result.secrets } : {}) };
  } catch (error) {
    outcomes.discard();
    throw error;
  } finally {
    journal?.close();
  }
}
