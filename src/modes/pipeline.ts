// What every mode shares: read the exports, plan, connect, read WorkOS, diff, report. Each mode
// (plan.ts, import.ts, verify.ts, rollback.ts) is one function over these steps.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import { plannedWrites, readWebhookForecast } from '../plan/webhooks.js';
import { webhookWarning } from '../report/environment-markdown.js';
import { PacedTransport } from '../workos/paced-fetch.js';
import { DEFAULT_PACING, pacingLimits } from '../workos/pacing-defaults.js';
import { WorkOSCaller, WorkOSUnreachableError } from '../workos/workos-caller.js';
import { Journal, JOURNAL_FILE, type JournalIdentity } from '../checkpoint/journal.js';
import { configFingerprint, DEFAULT_MAPPING_CONFIG, type MappingConfig } from '../config/mapping-config.js';
import type { LazyCounts, LiveIndex } from '../model/live-state.js';
import type { PlannedRecord } from '../model/planned.js';
import type { Outcome } from '../model/outcome.js';
import type { Entity, RecordProblem } from '../model/types.js';
import { UsageError } from '../model/types.js';
import type { MigrationDiff, Removal } from '../model/changes.js';
import { countChanges, diffMigration, passwordMemory } from '../plan/diff.js';
import { removalCounts } from '../plan/diff-outcomes.js';
import { emptyFactorPlan, factorsInWorkOS, planTotpFactors, type FactorPlan } from '../plan/factors.js';
import type { FactorCounts } from '../model/factors.js';
import { PlannedMemberships } from '../plan/memberships.js';
import { checkMembershipRoles, planOrganizations, type OrganizationPlan } from '../plan/organizations.js';
import { MERGE_UNVERIFIED, PlannedUsers, UserPlanner, type UserPlan } from '../plan/users.js';
import { reconcile, type Reconciliation } from '../reconcile/reconcile.js';
import { runLoginProbes, type LoginProbe, type LoginProbeResult } from '../reconcile/login-probes.js';
import { changesLines, writeReportFiles, type ReportFiles } from '../report/files.js';
import { writeLines } from '../io/write-lines.js';
import { OutcomeStream } from '../report/outcome-stream.js';
import { silentLogger, type Logger } from '../report/logger.js';
import { ReadProgress } from '../report/progress.js';
import { relabelError } from '../io/input-location.js';
import { setInputLimits } from '../io/limits.js';
import { estimatedRecords } from '../io/file-kind.js';
import { checkRunDirectories } from '../io/run-directories.js';
import { renderSummaryMarkdown } from '../report/markdown.js';
import { buildSummary, type EntityName, type Mode, type Summary, type SummaryInput } from '../report/summary.js';
import { sourceOwnsExternalId } from '../sources/external-ids.js';
import {
  collectSourceBatches,
  readSourceBatches,
  type SourceFiles,
  type SourceKind,
  type SourceRecords,
} from '../sources/index.js';
import { checkApiKey, createWorkOS, DEFAULT_API_URL, type WorkOSTarget } from '../workos/client.js';
import { listUserFactors } from '../workos/factors.js';
import { readLiveIndex } from '../workos/live-index.js';
import { roleChanges, SourceRoles, type RolePlan } from '../plan/roles.js';
import { readEnvironmentRoles } from '../plan/environment-roles.js';

/** The export a run reads, and how it maps (the mapping config; its defaults without one). */
export interface ExportToRead {
  source: SourceKind;
  files: SourceFiles;
  /** What to call a file in messages when it is not the path read (decrypted, from a secret). */
  fileLabels?: ReadonlyMap<string, string>;
  config?: MappingConfig;
}

/** Where a run keeps its checkpoint and writes its reports. */
export interface RunPlaces {
  /** Checkpoint directory; without it nothing is remembered between runs. */
  stateDir?: string;
  /** Report directory (summary.json, summary.md, errors.jsonl, id-map.csv, …). */
  outDir?: string;
  /** Emails in the report files (never in logs or comments). */
  includePii?: boolean;
}

/** How a run reaches WorkOS: without a target a dry run reads no WorkOS and the other modes refuse. */
export interface WorkOSAccess {
  target?: WorkOSTarget;
  /** Reads per second for the whole process. */
  readRateLimit?: number;
}

/** What the shell hands every run. */
export interface RunShell {
  log?: Logger;
  /** Aborted on Ctrl-C / SIGTERM: no new record is started, what is in flight lands in the journal. */
  signal?: AbortSignal;
}

/** What every mode that reads the export takes (plan, import, verify, cutover). */
export interface ExportRunOptions extends ExportToRead, RunPlaces, WorkOSAccess, RunShell {
  /** Reuse a journal made with another source or config. */
  force?: boolean;
  /** Diff as `import --force-passwords` writes: the export's hashes go to users who signed in to WorkOS too. */
  forcePasswords?: boolean;
}

/** Test accounts whose password sign-in must work (verify, cutover; needs the WorkOS client id). */
export interface LoginProbeSet {
  clientId: string;
  probes: LoginProbe[];
  /** Where the probes came from, for messages. */
  label: string;
}

/**
 * The settings the CLI and the action parse for a migration run. Each mode takes only its own
 * options, built from these by one small function (planOptions, importOptions, …), so a new
 * parser changes what fills this, not the modes.
 */
export interface MigrationSettings {
  source: SourceKind;
  stateDir?: string;
  outDir?: string;
  target?: WorkOSTarget;
  /** WorkOS's user-management write limit per second (the pacer stays just under it). */
  rateLimit?: number;
  readRateLimit?: number;
  concurrency?: number;
  maxRecords?: number;
  timeBudgetMs?: number;
  includePii?: boolean;
  force?: boolean;
  prune?: boolean;
  pruneLimit?: number;
  forcePasswords?: boolean;
  confirmRollback?: boolean;
  portalLinks?: boolean;
}

/** What the shell has read and made for a run: the export's files, the config, the probes, its logger. */
export interface ResolvedRun extends RunShell {
  files: SourceFiles;
  fileLabels?: ReadonlyMap<string, string>;
  config?: MappingConfig;
  loginProbes?: LoginProbeSet;
  /** Called with each secret the run makes (cutover's portal links) before anything prints it. */
  onSecret?: (secret: string) => void;
}

/** The options every export-reading mode shares, from the settings. */
export function exportRunOptions(settings: MigrationSettings, resolved: ResolvedRun): ExportRunOptions {
  return {
    source: settings.source,
    files: resolved.files,
    fileLabels: resolved.fileLabels,
    config: resolved.config,
    stateDir: settings.stateDir,
    outDir: settings.outDir,
    includePii: settings.includePii,
    target: settings.target,
    readRateLimit: settings.readRateLimit,
    force: settings.force,
    forcePasswords: settings.forcePasswords,
    log: resolved.log,
    signal: resolved.signal,
  };
}

export interface MigrationResult {
  summary: Summary;
  markdown: string;
  problems: RecordProblem[];
  outcomes: Outcome[];
  files?: ReportFiles;
  /** Lines appended to the journal by this run: 0 means the checkpoint need not be saved again. */
  journalAppended: number;
  /** Secrets the run made (cutover's portal links): never in a log, comment or summary. */
  secrets?: string[];
}

export const DEFAULTS = DEFAULT_PACING;

export interface FullPlan {
  users: UserPlan;
  organizations: OrganizationPlan;
  /** With a key: the roles the memberships name that the environment lacks, to create. */
  roles?: RolePlan;
  /** TOTP factors that move with their secrets. */
  factors: FactorPlan;
}

/** A run after reading and planning: everything the modes need. */
export interface PreparedRun {
  mode: Mode;
  /** What the shared steps read of the mode's options. */
  options: RunPlaces & { source: SourceKind; force?: boolean; forcePasswords?: boolean };
  log: Logger;
  config: MappingConfig;
  identity: JournalIdentity;
  plan: FullPlan;
  /** Problems of reading and planning (errors, skips, warnings). */
  problems: RecordProblem[];
  /** Whether the export includes an organizations file (else organizations are not ours to judge). */
  managesOrganizations: boolean;
  workos?: WorkOS;
  caller: WorkOSCaller;
  started: number;
}

/** Reads and plans the exports; connects (checking the key's shape first) when there is a key. */
export async function prepareRun(mode: Mode, options: ExportRunOptions & { rateLimit?: number }): Promise<PreparedRun> {
  const log = options.log ?? silentLogger;
  // Connecting checks the key's shape: a wrong key fails in a second, not after reading a million-user export.
  const caller = newCaller(options);
  const workos = options.target ? connect(options.target, caller) : undefined;
  const config = options.config ?? DEFAULT_MAPPING_CONFIG;
  // Before anything is read or written: --out and --state must be directories (or not exist yet).
  checkRunDirectories({ state: options.stateDir, out: options.outDir });
  setInputLimits(config.limits);
  // Sized from the export (about 500 bytes a user), so its indexes need not grow a million users long.
  const planner = new UserPlanner(config.policies, estimatedRecords(options.files.users, 500));
  const memberships = new PlannedMemberships({ merge: false });
  const sourceRoles = new SourceRoles();
  const records = await log.group(`Reading the ${options.source} export`, () =>
    readAll(options, config, planner, memberships, sourceRoles, log),
  );
  const users = planner.finish();
  const organizations = planOrganizations(records.organizations, memberships, users);
  const plan: FullPlan = { users, organizations, factors: planTotpFactors(records.factors, users.users) };
  log.info(describePlan(plan, records.problems));
  const run: PreparedRun = {
    mode,
    options,
    log,
    config,
    identity: { source: options.source, fingerprint: configFingerprint(config) },
    plan,
    problems: [...records.problems, ...users.invalid, ...organizations.invalid, ...plan.factors.problems],
    // An organizations file, or organizations in the user file itself (the generic CSV).
    managesOrganizations: options.files.organizations !== undefined || organizations.organizations.length > 0,
    workos,
    caller,
    started: Date.now(),
  };
  if (workos && plan.organizations.memberships.length > 0) await checkRoles(run, workos, sourceRoles);
  return run;
}

/** A run that reads no export (rollback): the checkpoint says what to do. */
export function prepareEmptyRun(
  mode: Mode,
  options: RunPlaces & WorkOSAccess & RunShell & { source: SourceKind; config?: MappingConfig; rateLimit?: number },
): PreparedRun {
  const config = options.config ?? DEFAULT_MAPPING_CONFIG;
  checkRunDirectories({ state: options.stateDir, out: options.outDir });
  const caller = newCaller(options);
  return {
    mode,
    options,
    log: options.log ?? silentLogger,
    config,
    identity: { source: options.source, fingerprint: configFingerprint(config) },
    plan: {
      users: { users: new PlannedUsers(), invalid: [], merges: [] },
      organizations: { organizations: [], memberships: new PlannedMemberships(), invalid: [] },
      factors: emptyFactorPlan(),
    },
    problems: [],
    managesOrganizations: false,
    workos: options.target ? connect(options.target, caller) : undefined,
    caller,
    started: Date.now(),
  };
}

function newCaller(options: WorkOSAccess & { rateLimit?: number }): WorkOSCaller {
  return new WorkOSCaller(new PacedTransport(pacingLimits(options)), undefined, {
    apiUrl: options.target?.apiUrl ?? DEFAULT_API_URL,
  });
}

/** Unknown roles are found before any write (a dry run with a key finds them too). */
async function checkRoles(run: PreparedRun, workos: WorkOS, sourceRoles: SourceRoles): Promise<void> {
  const roles = await readEnvironmentRoles(
    workos,
    (request) => run.caller.read(request),
    run.plan.organizations.memberships,
    sourceRoles,
    run.config.policies.missingRoles,
  ).catch((error: unknown) => {
    run.log.warn(
      `Could not list the environment's roles (${(error as Error).message}); role slugs are not checked before writing.`,
    );
    return undefined;
  });
  if (!roles) return;
  run.plan.roles = roles.plan;
  const checked = checkMembershipRoles(run.plan.organizations.memberships, roles.known);
  run.plan.organizations = { ...run.plan.organizations, memberships: checked.valid };
  for (const problem of checked.invalid) run.problems.push(problem);
}

export function requireWorkOS(run: PreparedRun): WorkOS {
  if (!run.workos)
    throw new UsageError(`${run.mode} needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).`);
  return run.workos;
}

/** Opens the checkpoint: read-only for plan and verify (they never create one). */
export function openJournal(run: PreparedRun, access: 'read' | 'write'): Journal | undefined {
  const dir = run.options.stateDir;
  if (!dir) return undefined;
  if (access === 'read' && !existsSync(join(dir, JOURNAL_FILE))) return undefined;
  return Journal.open(dir, run.identity, { force: run.options.force, readOnly: access === 'read' });
}

/** Reads what WorkOS holds: users, and organizations with their members when the export has them. */
export function readWorkOS(run: PreparedRun, workos: WorkOS): Promise<LiveIndex> {
  const plannedOrgs = new Set(run.plan.organizations.organizations.map((o) => o.sourceId));
  return run.log.group('Reading WorkOS', async () => {
    const live = await readLiveIndex(workos, (fn) => run.caller.read(fn), {
      organizations: run.managesOrganizations,
      // Members of the export's organizations (to diff) and of ours that left it (deleted with them).
      membershipsOf: (org) => org.externalId !== null && plannedOrgs.has(org.externalId),
    });
    run.log.info(
      `WorkOS holds ${live.users.size} user(s)` +
        (run.managesOrganizations
          ? `, ${live.organizationsById.size} organization(s), ${live.memberships.size} membership(s) of the export's organizations`
          : '') +
        ` (${live.reads} read(s)).`,
    );
    return live;
  });
}

/** The diff of the plan against what WorkOS holds; `passwordsFromJournal` as in DiffInput. */
export function diffRun(
  run: PreparedRun,
  live: LiveIndex,
  journal: Journal | undefined,
  passwordsFromJournal: boolean,
): MigrationDiff {
  const notImported = (entity: Entity) =>
    new Set(
      run.problems.filter((p) => p.entity === entity && p.severity === 'error' && p.sourceId).map((p) => p.sourceId!),
    );
  const plannedUsers = run.plan.users.users;
  return diffMigration({
    users: plannedUsers,
    importsUser: (sourceId) => plannedUsers.ownerOf(sourceId) !== undefined,
    organizations: run.plan.organizations.organizations,
    memberships: run.plan.organizations.memberships,
    live,
    journal,
    passwordsFromJournal,
    notImported: { users: notImported('user'), organizations: notImported('organization') },
    skippedUsers: new Set(
      run.problems.filter((p) => p.entity === 'user' && p.severity === 'skip' && p.sourceId).map((p) => p.sourceId!),
    ),
    managesOrganizations: run.managesOrganizations,
    ownsExternalId: (entity, id) => sourceOwnsExternalId(run.options.source, entity, id),
    forcePasswords: run.options.forcePasswords,
  });
}

/**
 * changes.jsonl, a line at a time, into the report directory before anything is written to
 * WorkOS (plan, import); the names of the files written, for finishRun's `writtenFiles`.
 */
export async function writeChangesFile(run: PreparedRun, diff: MigrationDiff): Promise<string[]> {
  const { outDir, includePii } = run.options;
  if (!outDir) return [];
  await mkdir(outDir, { recursive: true });
  await writeLines(join(outDir, 'changes.jsonl'), changesLines(diff, includePii ?? false));
  return ['changes.jsonl'];
}

/** TOTP factors an import would enroll now: WorkOS is read for the users it holds (plan, verify). */
export function factorChanges(run: PreparedRun, workos: WorkOS, diff: MigrationDiff): Promise<FactorCounts> {
  return factorsInWorkOS(
    run.plan.factors,
    diff.users,
    async (userId) => (await run.caller.read(() => listUserFactors(workos, userId))).some((f) => f.type === 'totp'),
    DEFAULTS.concurrency,
  );
}

/** `--force-passwords` replaces passwords people may have changed in WorkOS: say how many, before any write. */
export function warnForcedPasswords(run: PreparedRun, diff: MigrationDiff): void {
  const forced = passwordMemory(diff).overwritesSignedIn;
  if (forced === 0) return;
  run.log.warn(
    `--force-passwords: ${forced} user(s) who have signed in to WorkOS get the export's password hash, replacing the password they use in WorkOS now.`,
  );
}

/** Removals prune never deletes, by entity; undefined when there are none. */
function keptRemovalCounts(removals: readonly Removal[] | undefined): Record<EntityName, number> | undefined {
  const kept = removals?.filter((r) => r.keptBecause !== undefined) ?? [];
  return kept.length > 0 ? removalCounts(kept) : undefined;
}

export { countChanges };

export interface LiveCheck {
  diff: MigrationDiff;
  reconciliation: Reconciliation;
  logins?: LoginProbeResult;
  /** Users marked for a lazy migration, when WorkOS holds any. */
  lazy?: LazyCounts;
}

/**
 * The read-only check verify and cutover share: WorkOS read and diffed (hashes count only with
 * a checkpoint: WorkOS never returns them, so only the journal knows), then the test sign-ins.
 */
export async function checkLive(
  run: PreparedRun,
  workos: WorkOS,
  journal: Journal | undefined,
  probes: LoginProbeSet | undefined,
): Promise<LiveCheck> {
  const live = await readWorkOS(run, workos);
  const diff = diffRun(run, live, journal, journal !== undefined);
  const lazy = live.lazy.pending + live.lazy.moved > 0 ? { ...live.lazy } : undefined;
  const logins = probes
    ? await run.log.group(`Signing in ${probes.probes.length} test account(s)`, () =>
        runLoginProbes(workos, run.caller, probes.clientId, probes.probes, probes.label),
      )
    : undefined;
  return { diff, reconciliation: reconcile(diff), ...(logins ? { logins } : {}), ...(lazy ? { lazy } : {}) };
}

export interface RunReport {
  outcomes: Outcome[];
  /** Outcomes taken as they happened (import): counted and written, not listed in `outcomes`. */
  streamed?: OutcomeStream;
  /** verify, cutover: users marked for a lazy migration, pending and moved. */
  lazy?: Summary['lazy'];
  /** Records that would be written, counted but not listed as outcomes (a dry run without a key). */
  pendingNotListed?: Record<Exclude<Entity, 'password'>, number>;
  problems: RecordProblem[];
  stoppedBy?: string;
  reconciliation?: Reconciliation;
  diff?: MigrationDiff;
  /** Include `changes` in the summary (a dry run with a key). */
  showChanges?: boolean;
  removals?: readonly Removal[];
  /** The removals as counts, when there are too many to list (rollback). */
  removalsCounted?: Record<EntityName, number>;
  deleted?: Summary['deleted'];
  passwords?: SummaryInput['passwords'];
  logins?: LoginProbeResult;
  processed?: number;
  journalAppended?: number;
  /** Extra report files (changes.jsonl, removals.csv, rollback.csv): name → content. */
  extraFiles?: Record<string, string>;
  /** Report files already written to the report directory while the run went: names. */
  writtenFiles?: string[];
  cutover?: Summary['cutover'];
  /** import: the environment roles created before the memberships. */
  roles?: Summary['roles'];
  /** plan, import: the webhook deliveries the writes set off (said before any write). */
  webhooks?: Summary['webhooks'];
  /** The run had to stop (WorkOS unreachable): the one sentence to show, and exit 2. */
  fatal?: string;
  /** TOTP factors: what the run did (import), would do (plan) or undid (rollback: `deleted.factors`). */
  factors?: FactorCounts;
}

/** Builds the summary and writes the reports: the last step of every mode. */
export async function finishRun(run: PreparedRun, report: RunReport): Promise<MigrationResult> {
  const { options } = run;
  const elapsedSeconds = (Date.now() - run.started) / 1000;
  const c = run.caller.counters;
  const problems = [...report.problems, ...(report.reconciliation?.drift ?? []), ...(report.logins?.problems ?? [])];
  const r = report.reconciliation;
  // Every outcome goes through one stream: counted, and its report rows written a file at a time.
  const outcomes = report.streamed ?? outcomeStream(run);
  for (const o of report.streamed ? [] : report.outcomes) outcomes.add(o);
  const summary = buildSummary({
    mode: run.mode,
    source: options.source,
    plan: run.plan.users,
    problems,
    outcomes: [],
    outcomeCounts: outcomes.counts,
    pendingNotListed: report.pendingNotListed,
    stoppedBy: report.stoppedBy,
    workos: r && { users: r.users, organizations: r.organizations, memberships: r.memberships },
    changes:
      report.showChanges && report.diff
        ? { ...countChanges(report.diff), ...withDefined('roles', roleChanges(run.plan.roles)) }
        : undefined,
    roles: report.roles,
    webhooks: report.webhooks,
    removals: report.removals ? removalCounts(report.removals) : report.removalsCounted,
    removalsKept: keptRemovalCounts(report.removals),
    deleted: report.deleted,
    cutover: report.cutover,
    fatal: report.fatal,
    factors: report.factors,
    passwords: report.passwords,
    requests: run.workos ? { ...c, writesPerSecond: writeRate(c), elapsedSeconds } : undefined,
    processedThisRun: report.processed,
    lazy: report.lazy,
    logins: report.logins && {
      tried: report.logins.tried,
      succeeded: report.logins.succeeded,
      failed: report.logins.failed,
    },
  });
  // Failed writes are outcomes, counted once as failed; reports list them with the problems.
  const shown = [...problems, ...outcomes.failures.map(failureProblem)];
  const markdown = renderSummaryMarkdown(summary, shown, { maxChars: 1_000_000 });
  const streamed = outcomes.finish();
  const files =
    options.outDir && streamed
      ? await writeReportFiles(options.outDir, {
          summary,
          markdown,
          problems,
          outcomes: [],
          streamed,
          users: run.plan.users.users,
          merges: run.plan.users.merges,
          includePii: options.includePii ?? false,
          extraFiles: report.extraFiles,
          writtenFiles: report.writtenFiles,
        })
      : undefined;
  return {
    summary,
    markdown,
    problems: shown,
    outcomes: report.streamed ? outcomes.failures : report.outcomes,
    files,
    journalAppended: report.journalAppended ?? 0,
  };
}

function withDefined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Where a run's outcomes go: counted, and (with a report directory) written as they come. */
export function outcomeStream(run: PreparedRun): OutcomeStream {
  return new OutcomeStream(run.options.outDir, run.plan.users.merges, run.options.includePii ?? false);
}

/** A failed write as the problem lists show it (the summary counts it as failed, not invalid). */
function failureProblem(o: Outcome): RecordProblem {
  const requestId = o.failure?.requestId ? ` (request ${o.failure.requestId})` : '';
  return {
    entity: o.entity,
    sourceId: o.sourceId,
    location: o.location,
    code: o.failure?.code ?? 'failed',
    message: `${o.failure?.message ?? 'No reason was given.'}${requestId}`,
    severity: 'error',
    failed: true,
  };
}

/** Every planned record by entity, in the order the phases write them. */
export function plannedRecords(
  run: PreparedRun,
): [Exclude<Entity, 'password'>, Iterable<PlannedRecord> & { readonly length: number }][] {
  return [
    ['user', run.plan.users.users],
    ['organization', run.plan.organizations.organizations],
    ['membership', run.plan.organizations.memberships],
  ];
}

/** Every planned record, not yet done: what a run that could not reach WorkOS leaves. */
export function pendingOutcomes(run: PreparedRun): Outcome[] {
  return plannedRecords(run).flatMap(([entity, records]) =>
    Array.from(records, (r): Outcome => ({ entity, sourceId: r.sourceId, location: r.location, status: 'pending' })),
  );
}

/**
 * WorkOS stopped answering before the run could do its work: the reports are still written
 * (everything pending, the reason as the headline), and the run ends with exit 2.
 */
export function whenUnreachable(run: PreparedRun): (error: unknown) => Promise<MigrationResult> {
  return async (error) => {
    if (!(error instanceof WorkOSUnreachableError)) throw error;
    return finishRun(run, {
      outcomes: pendingOutcomes(run),
      problems: run.problems,
      stoppedBy: 'unreachable',
      fatal: error.message,
    });
  };
}

/** Writes per second while writing: reading the exports and reconciling are not in the span. */
export function writeRate(c: WorkOSCaller['counters']): number {
  if (c.firstWriteAt === undefined || c.lastWriteAt === undefined || c.writes < 2) return 0;
  return (c.writes - 1) / Math.max((c.lastWriteAt - c.firstWriteAt) / 1000, 0.001);
}

/** The SDK client sends through the caller's paced transport: every request waits for its bucket. */
function connect(target: WorkOSTarget, caller: WorkOSCaller): WorkOS {
  checkApiKey(target.apiKey);
  return createWorkOS(target, caller.transport);
}

/**
 * Reads the export: users go straight into the planner (a million of them never sit in memory
 * as objects); organizations, memberships and problems are collected.
 */
async function readAll(
  options: ExportToRead,
  config: MappingConfig,
  planner: UserPlanner,
  memberships: PlannedMemberships,
  roles: SourceRoles,
  log: Logger,
): Promise<SourceRecords> {
  const reading = new ReadProgress(log, `Reading the ${options.source} export`);
  try {
    return await collectSourceBatches(readSourceBatches(options.source, options.files, config), {
      onLocation: (location) => {
        reading.record();
        const label = options.fileLabels?.get(location.file);
        if (label !== undefined) location.file = label;
      },
      onUser: (record) => planner.add(record),
      onMembership: (m) => {
        roles.add(m);
        memberships.add(m.organizationSourceId, m.userSourceId, m.roles, m.location, m.userField);
      },
    });
  } catch (error) {
    throw relabelError(error, options.fileLabels);
  } finally {
    reading.done();
  }
}

/** "2 invalid, 1 skipped": a blocked user's memberships are skipped with it (summary.json counts them so), not invalid. */
function notBroughtOver(organizationProblems: readonly RecordProblem[], problems: readonly RecordProblem[]): string {
  const mine = [
    ...organizationProblems,
    ...problems.filter((p) => p.entity === 'organization' || p.entity === 'membership'),
  ];
  const skipped = mine.filter((p) => p.severity === 'skip').length;
  const invalid = mine.filter((p) => p.severity === 'error').length;
  return `${invalid} invalid${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function describePlan(plan: FullPlan, problems: RecordProblem[]): string {
  const count = (entity: Entity) => problems.filter((p) => p.severity !== 'warning' && p.entity === entity).length;
  const u = plan.users;
  const o = plan.organizations;
  const conflicts = u.invalid.filter((p) => p.code === MERGE_UNVERIFIED).length;
  return [
    `Users: ${u.users.length} to bring to WorkOS, ${u.invalid.length + count('user')} invalid or skipped, ${u.merges.length} merge(s)${conflicts > 0 ? `, ${conflicts} left out for a person (an unverified account shares a verified user's email: merge_unverified)` : ''}.`,
    ...(o.organizations.length + o.memberships.length > 0
      ? [
          `Organizations: ${o.organizations.length}; memberships: ${o.memberships.length}; ${notBroughtOver(o.invalid, problems)}.`,
        ]
      : []),
  ].join('\n');
}

/**
 * Before any write: the webhook events the diff's writes will send the environment's enabled
 * endpoints, said in the log (and returned for the summary); none without endpoints.
 */
export async function forecastWebhooks(run: PreparedRun, workos: WorkOS, diff: MigrationDiff, mode: 'plan' | 'import') {
  const webhooks = await readWebhookForecast(
    workos,
    (request) => run.caller.read(request),
    () => plannedWrites(countChanges(diff), run.plan.roles),
    (message) => run.log.warn(message),
  );
  if (webhooks) run.log.warn(webhookWarning(webhooks, mode));
  return webhooks;
}
