import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import { applyRecord, isJournaled, type ApplyContext, type EntityWriter, type PlannedRecord } from '../apply/apply-record.js';
import type { Outcome } from '../apply/outcome.js';
import { RateLimiter } from '../apply/rate-limiter.js';
import { FatalRunError, runWorkQueue, type StageLimits, type StopReason } from '../apply/work-queue.js';
import { membershipWriter, type WorkOSIds } from '../apply/writers/memberships.js';
import { organizationWriter } from '../apply/writers/organizations.js';
import { userWriter } from '../apply/writers/users.js';
import { WorkOSCaller } from '../apply/workos-caller.js';
import { Journal, JOURNAL_FILE, type JournalIdentity } from '../checkpoint/journal.js';
import { relabelError } from '../io/input-location.js';
import { setInputLimits } from '../io/limits.js';
import { checkRunDirectories } from '../io/run-directories.js';
import type { Entity, RecordProblem } from '../model/types.js';
import { UsageError } from '../model/types.js';
import { checkMembershipRoles, planOrganizations, type OrganizationPlan, type PlannedMembership } from '../plan/organizations.js';
import { planUsers, type UserPlan } from '../plan/users.js';
import { configFingerprint, DEFAULT_MAPPING_CONFIG, type MappingConfig } from '../config/mapping-config.js';
import { writeReportFiles, type ReportFiles } from '../report/files.js';
import { silentLogger, type Logger } from '../report/logger.js';
import { renderSummaryMarkdown } from '../report/markdown.js';
import { ProgressMeter } from '../report/progress.js';
import { buildSummary, type Mode, type Summary } from '../report/summary.js';
import { collectSourceRecords, readSource, type SourceFiles, type SourceKind, type SourceRecords } from '../sources/index.js';
import { checkApiKey, createWorkOS, type WorkOSTarget } from '../workos/client.js';
import { listRoleSlugs } from '../workos/roles.js';
import { foundKey, reconcile, type Reconciliation } from '../reconcile/reconcile.js';
import { runLoginProbes, type LoginProbe, type LoginProbeResult } from '../reconcile/login-probes.js';

export interface MigrationOptions {
  mode: Mode;
  source: SourceKind;
  files: SourceFiles;
  /** What to call a file in messages when it is not the path read (decrypted, from a secret). */
  fileLabels?: ReadonlyMap<string, string>;
  /** The mapping config (role map, metadata map, policies); the defaults without one. */
  config?: MappingConfig;
  /** Checkpoint directory; without it nothing is remembered between runs. */
  stateDir?: string;
  /** Report directory (summary.json, summary.md, errors.jsonl, id-map.csv, reenroll.csv). */
  outDir?: string;
  /** Required for import; optional for plan (then roles are checked against WorkOS). */
  target?: WorkOSTarget;
  /** Writes per second for the whole process (DESIGN §2 default 45). */
  rateLimit?: number;
  readRateLimit?: number;
  concurrency?: number;
  maxRecords?: number;
  timeBudgetMs?: number;
  includePii?: boolean;
  /** verify: test accounts whose password sign-in must work (needs the WorkOS client id). */
  loginProbes?: { clientId: string; probes: LoginProbe[]; label: string };
  /** Read WorkOS back after an import that reached the end (default true). */
  reconcileAfterImport?: boolean;
  /** Reuse a journal made with another source or config. */
  force?: boolean;
  log?: Logger;
  signal?: AbortSignal;
}

export interface MigrationResult {
  summary: Summary;
  markdown: string;
  problems: RecordProblem[];
  outcomes: Outcome[];
  files?: ReportFiles;
  /** Lines appended to the journal by this run: 0 means the checkpoint need not be saved again. */
  journalAppended: number;
}

export const DEFAULTS = { rateLimit: 45, readRateLimit: 45, concurrency: 8 } as const;

interface FullPlan {
  users: UserPlan;
  organizations: OrganizationPlan;
}

/** One run of `plan` or `import`: read, plan, (write), report. */
export async function runMigration(options: MigrationOptions): Promise<MigrationResult> {
  const log = options.log ?? silentLogger;
  // Connecting checks the key's shape: a wrong key fails in a second, not after reading a million-user export.
  const workos = options.target ? connect(options.target) : undefined;
  const config = options.config ?? DEFAULT_MAPPING_CONFIG;
  checkRunDirectories({ state: options.stateDir, out: options.outDir });
  setInputLimits(config.limits);
  const records = await log.group(`Reading the ${options.source} export`, () => readAll(options, config));
  const users = planUsers(records.users, config.policies);
  const organizations = planOrganizations(records.organizations, records.memberships, users);
  const plan: FullPlan = { users, organizations };
  log.info(describePlan(plan, records.problems));

  const identity: JournalIdentity = { source: options.source, fingerprint: configFingerprint(config) };
  const started = Date.now();
  const caller = new WorkOSCaller(
    new RateLimiter(options.rateLimit ?? DEFAULTS.rateLimit),
    new RateLimiter(options.readRateLimit ?? DEFAULTS.readRateLimit),
  );
  if (workos && plan.organizations.memberships.length > 0) {
    // Unknown roles are found before any write (a dry run with a key finds them too).
    const roles = await caller.read(() => listRoleSlugs(workos)).catch((error: unknown) => {
      log.warn(`Could not list the environment's roles (${(error as Error).message}); role slugs are not checked before writing.`);
      return undefined;
    });
    if (roles) {
      const checked = checkMembershipRoles(plan.organizations.memberships, roles);
      plan.organizations.memberships = checked.valid;
      plan.organizations.invalid.push(...checked.invalid);
    }
  }

  let outcomes: Outcome[];
  let stoppedBy: StopReason | undefined;
  let journalAppended = 0;
  let processed = 0;
  if (options.mode === 'plan') {
    outcomes = dryRunOutcomes(plan, readJournal(options.stateDir, identity, options.force));
  } else if (options.mode === 'import') {
    if (!workos) throw new UsageError('import needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).');
    const journal = options.stateDir ? Journal.open(options.stateDir, identity, { force: options.force }) : undefined;
    try {
      ({ outcomes, stoppedBy, processed } = await importPlan(plan, workos, { caller, journal }, options, log));
      journalAppended = journal?.appendedCount ?? 0;
    } finally {
      journal?.close();
    }
  } else {
    if (!workos) throw new UsageError('verify needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).');
    outcomes = [];
  }

  // Reconcile against WorkOS: always in verify, and after an import that reached the end.
  let reconciliation: Reconciliation | undefined;
  if (workos && (options.mode === 'verify' || (options.mode === 'import' && !stoppedBy && options.reconcileAfterImport !== false))) {
    reconciliation = await log.group('Reconciling with WorkOS', () => reconcile(workos, caller, users, organizations));
    if (options.mode === 'verify') outcomes = verifyOutcomes(plan, reconciliation);
  }
  let logins: LoginProbeResult | undefined;
  if (workos && options.mode === 'verify' && options.loginProbes) {
    const { clientId, probes, label } = options.loginProbes;
    logins = await log.group(`Signing in ${probes.length} test account(s)`, () => runLoginProbes(workos, caller, clientId, probes, label));
  }

  const elapsedSeconds = (Date.now() - started) / 1000;
  const problems = [...records.problems, ...users.invalid, ...organizations.invalid, ...(reconciliation?.drift ?? []), ...(logins?.problems ?? [])];
  const summary = buildSummary({
    mode: options.mode,
    source: options.source,
    plan: users,
    problems,
    outcomes,
    stoppedBy,
    workos: reconciliation && { users: reconciliation.users, organizations: reconciliation.organizations, memberships: reconciliation.memberships },
    requests: workos ? { ...caller.counters, writesPerSecond: writeRate(caller.counters), elapsedSeconds } : undefined,
    processedThisRun: processed,
    logins: logins && { tried: logins.tried, succeeded: logins.succeeded, failed: logins.failed },
  });
  const markdown = renderSummaryMarkdown(summary, problems, { maxChars: 1_000_000 });
  const files = options.outDir
    ? await writeReportFiles(options.outDir, { summary, markdown, problems, outcomes, users: users.users, includePii: options.includePii ?? false })
    : undefined;
  return { summary, markdown, problems, outcomes, files, journalAppended };
}

/** Writes per second while writing: reading the exports and reconciling are not in the span. */
function writeRate(c: WorkOSCaller['counters']): number {
  if (c.firstWriteAt === undefined || c.lastWriteAt === undefined || c.writes < 2) return 0;
  return (c.writes - 1) / Math.max((c.lastWriteAt - c.firstWriteAt) / 1000, 0.001);
}

function connect(target: WorkOSTarget): WorkOS {
  checkApiKey(target.apiKey);
  return createWorkOS(target);
}

function readAll(options: MigrationOptions, config: MappingConfig): Promise<SourceRecords> {
  return collectSourceRecords(readSource(options.source, options.files, config), (location) => {
    const label = options.fileLabels?.get(location.file);
    if (label !== undefined) location.file = label;
  }).catch((error: unknown) => {
    throw relabelError(error, options.fileLabels);
  });
}

function describePlan(plan: FullPlan, problems: RecordProblem[]): string {
  const invalid = (entity: Entity) => problems.filter((p) => p.severity === 'error' && p.entity === entity).length;
  const u = plan.users;
  const o = plan.organizations;
  return [
    `Users: ${u.users.length} to bring to WorkOS, ${u.invalid.length + invalid('user')} invalid or skipped, ${u.merges.length} merge(s).`,
    ...(o.organizations.length + o.memberships.length > 0
      ? [`Organizations: ${o.organizations.length}; memberships: ${o.memberships.length}; ${o.invalid.length + invalid('organization') + invalid('membership')} invalid.`]
      : []),
  ].join('\n');
}

function readJournal(stateDir: string | undefined, identity: JournalIdentity, force?: boolean): Journal | undefined {
  // A dry run reads the checkpoint to say what is already done, and never creates one.
  if (!stateDir || !existsSync(join(stateDir, JOURNAL_FILE))) return undefined;
  return Journal.open(stateDir, identity, { force, readOnly: true });
}

/** One outcome per planned record of every entity: `unchanged` when `state` says done, else pending. */
function outcomesOfPlan(plan: FullPlan, state: (entity: Entity, record: PlannedRecord) => { done: boolean; workosId?: string }): Outcome[] {
  const planned: [Entity, readonly PlannedRecord[]][] = [
    ['user', plan.users.users],
    ['organization', plan.organizations.organizations],
    ['membership', plan.organizations.memberships],
  ];
  return planned.flatMap(([entity, records]) =>
    records.map((record): Outcome => {
      const base = { entity, sourceId: record.sourceId, location: record.location };
      const { done, workosId } = state(entity, record);
      return { ...base, status: done ? 'unchanged' : 'pending', ...(workosId ? { workosId } : {}) };
    }),
  );
}

/** In a dry run, what the checkpoint holds as planned is unchanged; the rest would be written. */
function dryRunOutcomes(plan: FullPlan, journal: Journal | undefined): Outcome[] {
  return outcomesOfPlan(plan, (entity, record) => {
    const workosId = isJournaled(entity, record, journal);
    return { done: workosId !== undefined, workosId };
  });
}

/** In verify, a record found as planned is unchanged; one missing or drifted is pending (an import fixes it). */
function verifyOutcomes(plan: FullPlan, found: Reconciliation): Outcome[] {
  const drifted = new Set(found.drift.map((p) => foundKey(p.entity, p.sourceId ?? '')));
  return outcomesOfPlan(plan, (entity, record) => {
    const key = foundKey(entity, record.sourceId);
    const workosId = found.found.get(key);
    return { done: workosId !== undefined && !drifted.has(key), workosId };
  });
}

interface PhaseResult {
  outcomes: Outcome[];
  stoppedBy?: StopReason;
  processed: number;
}

/** Users, then organizations, then memberships (which need both), under one stage budget. */
async function importPlan(plan: FullPlan, workos: WorkOS, ctx: ApplyContext, options: MigrationOptions, log: Logger): Promise<PhaseResult> {
  const deadline = options.timeBudgetMs !== undefined ? Date.now() + options.timeBudgetMs : undefined;
  const outcomes: Outcome[] = [];
  let processed = 0;
  let stoppedBy: StopReason | undefined;
  const limits = (): StageLimits => ({
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    maxRecords: options.maxRecords !== undefined ? Math.max(0, options.maxRecords - processed) : undefined,
    deadline,
    signal: options.signal,
  });
  const run = async <P extends PlannedRecord>(label: string, records: P[], writer: EntityWriter<P>): Promise<void> => {
    const result = await applyPhase(label, records, writer, ctx, stoppedBy ? { ...limits(), maxRecords: 0 } : limits(), log);
    outcomes.push(...result.outcomes);
    processed += result.processed;
    stoppedBy ??= result.stoppedBy;
  };

  await run('users', plan.users.users, userWriter(workos));
  await run('organizations', plan.organizations.organizations, organizationWriter(workos));
  const ids = idsFrom(outcomes, plan.users);
  const { ready, blocked } = membershipsReady(plan.organizations.memberships, ids, outcomes);
  outcomes.push(...blocked);
  await run('memberships', ready, membershipWriter(workos, ids));
  if (stoppedBy) log.info(`Stopped by ${stoppedBy}; run again to go on from the checkpoint.`);
  else if (processed === 0) log.info('Nothing to write: WorkOS already holds every record as planned.');
  return { outcomes, stoppedBy, processed };
}

async function applyPhase<P extends PlannedRecord>(
  label: string,
  records: P[],
  writer: EntityWriter<P>,
  ctx: ApplyContext,
  limits: StageLimits,
  log: Logger,
): Promise<PhaseResult> {
  const outcomes: Outcome[] = [];
  const toWrite: P[] = [];
  for (const record of records) {
    const workosId = isJournaled(writer.entity, record, ctx.journal);
    if (workosId) outcomes.push({ entity: writer.entity, sourceId: record.sourceId, status: 'unchanged', workosId, location: record.location });
    else toWrite.push(record);
  }
  if (toWrite.length === 0) return { outcomes, processed: 0 };
  const meter = new ProgressMeter(log, label, Math.min(toWrite.length, limits.maxRecords ?? Infinity));
  const { notStarted, stoppedBy } = await runWorkQueue(
    toWrite,
    async (record) => {
      const outcome = await applyRecord(record, writer, ctx);
      // A bad key fails every record alike: stop and say so once.
      if (outcome.failure?.code === 'unauthorized') throw new FatalRunError(outcome.failure.message);
      outcomes.push(outcome);
      meter.tick();
    },
    limits,
  ).catch((error: unknown) => {
    if (error instanceof FatalRunError) throw new UsageError(error.message);
    throw error;
  });
  for (const record of notStarted) outcomes.push({ entity: writer.entity, sourceId: record.sourceId, status: 'pending', location: record.location });
  return { outcomes, stoppedBy, processed: toWrite.length - notStarted.length };
}

function idsFrom(outcomes: readonly Outcome[], users: UserPlan): WorkOSIds {
  const userIds = new Map<string, string>();
  const organizationIds = new Map<string, string>();
  for (const o of outcomes) {
    if (!o.workosId) continue;
    if (o.entity === 'user') userIds.set(o.sourceId, o.workosId);
    if (o.entity === 'organization') organizationIds.set(o.sourceId, o.workosId);
  }
  for (const u of users.users) {
    const id = userIds.get(u.sourceId);
    if (id) for (const other of u.mergedSourceIds) userIds.set(other, id);
  }
  return { user: (id) => userIds.get(id), organization: (id) => organizationIds.get(id) };
}

/** A membership waits for its user and organization: pending if they are, failed if they failed. */
function membershipsReady(memberships: PlannedMembership[], ids: WorkOSIds, outcomes: readonly Outcome[]) {
  const status = new Map(outcomes.map((o) => [`${o.entity}\u0000${o.sourceId}`, o.status]));
  const ready: PlannedMembership[] = [];
  const blocked: Outcome[] = [];
  for (const m of memberships) {
    if (ids.user(m.userSourceId) && ids.organization(m.organizationSourceId)) {
      ready.push(m);
      continue;
    }
    const failed = status.get(`user\u0000${m.userSourceId}`) === 'failed' || status.get(`organization\u0000${m.organizationSourceId}`) === 'failed';
    const base = { entity: 'membership' as const, sourceId: m.sourceId, location: m.location };
    blocked.push(
      failed
        ? { ...base, status: 'failed', failure: { code: 'dependency_failed', message: 'Its user or organization failed to import; a rerun retries both.' } }
        : { ...base, status: 'pending' },
    );
  }
  return { ready, blocked };
}
