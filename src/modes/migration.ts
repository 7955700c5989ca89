import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../apply/outcome.js';
import { RateLimiter } from '../apply/rate-limiter.js';
import { applyUser, userIsJournaled, type ApplyContext } from '../apply/users.js';
import { FatalRunError, runWorkQueue } from '../apply/work-queue.js';
import { WorkOSCaller } from '../apply/workos-caller.js';
import { Journal, JOURNAL_FILE, type JournalIdentity } from '../checkpoint/journal.js';
import { UsageError, type RecordProblem, type UserRecord } from '../model/types.js';
import { DEFAULT_USER_POLICIES, planUsers, type PlannedUser, type UserPlan, type UserPolicies } from '../plan/users.js';
import { writeReportFiles, type ReportFiles } from '../report/files.js';
import { silentLogger, type Logger } from '../report/logger.js';
import { renderSummaryMarkdown } from '../report/markdown.js';
import { ProgressMeter } from '../report/progress.js';
import { buildSummary, type Mode, type Summary } from '../report/summary.js';
import { readSource, type SourceFiles, type SourceKind } from '../sources/index.js';
import { checkApiKey, createWorkOS, type WorkOSTarget } from '../workos/client.js';

export interface MigrationOptions {
  mode: Mode;
  source: SourceKind;
  files: SourceFiles;
  policies?: UserPolicies;
  /** Fingerprint of the mapping config: a journal made under another config is refused. */
  configFingerprint?: string;
  /** Checkpoint directory; without it nothing is remembered between runs. */
  stateDir?: string;
  /** Report directory (summary.json, summary.md, errors.jsonl, id-map.csv, reenroll.csv). */
  outDir?: string;
  /** Required for import. */
  target?: WorkOSTarget;
  /** Writes per second for the whole process (DESIGN §2 default 45). */
  rateLimit?: number;
  readRateLimit?: number;
  concurrency?: number;
  maxRecords?: number;
  timeBudgetMs?: number;
  includePii?: boolean;
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

/** One run of `plan` or `import`: read, plan, (write), report. */
export async function runMigration(options: MigrationOptions): Promise<MigrationResult> {
  const log = options.log ?? silentLogger;
  const { users, problems } = await log.group(`Reading ${options.source} export`, () => readAll(options));
  const plan = planUsers(users, options.policies ?? DEFAULT_USER_POLICIES);
  log.info(
    `Read ${users.length + countErrors(problems)} user record(s): ${plan.users.length} to bring to WorkOS, ${plan.invalid.length + countErrors(problems)} invalid, ${plan.merges.length} merge(s).`,
  );

  const identity: JournalIdentity = { source: options.source, fingerprint: options.configFingerprint ?? 'default' };
  const started = Date.now();
  let outcomes: Outcome[];
  let stoppedBy: string | undefined;
  let workos: Summary['workos'];
  let journalAppended = 0;
  let processedThisRun = 0;

  if (options.mode === 'plan') {
    outcomes = planOutcomes(plan, readJournal(options.stateDir, identity, options.force));
  } else if (options.mode === 'import') {
    const run = await importUsers(plan, identity, options, log);
    ({ outcomes, stoppedBy, journalAppended, processedThisRun } = run);
    const elapsedSeconds = (Date.now() - started) / 1000;
    workos = { requests: run.counters, writesPerSecond: run.counters.writes / Math.max(elapsedSeconds, 0.001), elapsedSeconds };
  } else {
    throw new UsageError('verify mode is not available yet.');
  }

  const allProblems = [...problems, ...plan.invalid];
  const summary = buildSummary({ mode: options.mode, source: options.source, plan, problems, outcomes, stoppedBy, workos, processedThisRun });
  const markdown = renderSummaryMarkdown(summary, allProblems, { maxChars: 1_000_000 });
  const files = options.outDir
    ? await writeReportFiles(options.outDir, { summary, markdown, problems: allProblems, outcomes, users: plan.users, includePii: options.includePii ?? false })
    : undefined;
  return { summary, markdown, problems: allProblems, outcomes, files, journalAppended };
}

async function readAll(options: MigrationOptions): Promise<{ users: UserRecord[]; problems: RecordProblem[] }> {
  const users: UserRecord[] = [];
  const problems: RecordProblem[] = [];
  for await (const item of readSource(options.source, options.files)) {
    if (item.kind === 'user') users.push(item.record);
    else if (item.kind === 'problem') problems.push(item.problem);
  }
  return { users, problems };
}

function countErrors(problems: readonly RecordProblem[]): number {
  return problems.filter((p) => p.severity === 'error' && p.entity === 'user').length;
}

function readJournal(stateDir: string | undefined, identity: JournalIdentity, force?: boolean): Journal | undefined {
  // A dry run reads the checkpoint to say what is already done, and never creates one.
  if (!stateDir || !existsSync(join(stateDir, JOURNAL_FILE))) return undefined;
  return Journal.open(stateDir, identity, { force, readOnly: true });
}

function planOutcomes(plan: UserPlan, journal: Journal | undefined): Outcome[] {
  return plan.users.map((user) => {
    const base = { entity: 'user' as const, sourceId: user.sourceId, location: user.location };
    const entry = journal?.get('user', user.sourceId);
    return entry && entry.input_digest === user.digest
      ? { ...base, status: 'unchanged' as const, workosId: entry.workos_id }
      : { ...base, status: 'pending' as const };
  });
}

async function importUsers(plan: UserPlan, identity: JournalIdentity, options: MigrationOptions, log: Logger) {
  if (!options.target) throw new UsageError('import needs a WorkOS API key (WORKOS_API_KEY).');
  checkApiKey(options.target.apiKey);
  const workos = createWorkOS(options.target);
  const caller = new WorkOSCaller(
    new RateLimiter(options.rateLimit ?? DEFAULTS.rateLimit),
    new RateLimiter(options.readRateLimit ?? DEFAULTS.readRateLimit),
  );
  const journal = options.stateDir ? Journal.open(options.stateDir, identity, { force: options.force }) : undefined;
  const ctx: ApplyContext = { workos, caller, journal };
  try {
    const outcomes: Outcome[] = [];
    const toWrite: PlannedUser[] = [];
    for (const user of plan.users) {
      if (userIsJournaled(user, journal)) outcomes.push({ entity: 'user', sourceId: user.sourceId, status: 'unchanged', workosId: journal!.get('user', user.sourceId)!.workos_id, location: user.location });
      else toWrite.push(user);
    }
    if (toWrite.length === 0) {
      log.info('Nothing to write: every user is already in WorkOS as planned.');
    }
    const stageSize = Math.min(toWrite.length, options.maxRecords ?? Infinity);
    const meter = new ProgressMeter(log, 'users', stageSize);
    const { notStarted, stoppedBy } = await runWorkQueue(
      toWrite,
      async (user) => {
        const outcome = await applyUser(user, ctx);
        if (outcome.failure?.code === 'unauthorized') throw new FatalRunError(outcome.failure.message);
        outcomes.push(outcome);
        meter.tick();
      },
      {
        concurrency: options.concurrency ?? DEFAULTS.concurrency,
        maxRecords: options.maxRecords,
        deadline: options.timeBudgetMs !== undefined ? Date.now() + options.timeBudgetMs : undefined,
        signal: options.signal,
      },
    ).catch((error: unknown) => {
      if (error instanceof FatalRunError) throw new UsageError(error.message);
      throw error;
    });
    for (const user of notStarted) outcomes.push({ entity: 'user', sourceId: user.sourceId, status: 'pending', location: user.location });
    if (stoppedBy) log.info(`Stopped by ${stoppedBy} with ${notStarted.length} user(s) pending; ${meter.describe()}. Run again to go on.`);
    return {
      outcomes,
      stoppedBy,
      counters: caller.counters,
      journalAppended: journal?.appendedCount ?? 0,
      processedThisRun: toWrite.length - notStarted.length,
    };
  } finally {
    journal?.close();
  }
}

