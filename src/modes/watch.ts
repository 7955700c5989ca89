import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PacedTransport } from '../workos/paced-fetch.js';
import { WorkOSCaller } from '../workos/workos-caller.js';
import { silentLogger, type Logger } from '../report/logger.js';
import { outboundJson, outboundText } from '../report/outbound.js';
import { DEFAULT_HEALTH_POLICY, decideHealth, SignInTally, type HealthPolicy } from '../watch/health.js';
import { renderWatchMarkdown, watchHeadline, watchReport, type WatchReport } from '../watch/render.js';
import { parseWatchWindow } from '../watch/window.js';
import { checkApiKey, createWorkOS, DEFAULT_API_URL, type WorkOSTarget } from '../workos/client.js';
import {
  authenticationEvents,
  signInDirectory,
  type SignInDirectory,
  type SignInOrganization,
  type SignInUser,
} from '../workos/events.js';

// `watch`: sign-in health after cutover, from WorkOS's Events API. Reads the window's
// authentication events, maps each attempt to its user's live organizations, counts, decides
// against the threshold and writes watch.json and watch.md. Read-only: nothing is written to WorkOS.

export interface WatchOptions {
  target: WorkOSTarget;
  /** `24h`, `7d`, or an ISO 8601 time (default 24 h before `until`). */
  since?: string;
  /** ISO 8601 (default now). */
  until?: string;
  policy?: Partial<HealthPolicy>;
  outDir?: string;
  /** Emails beside the digests in watch.json. */
  includePii?: boolean;
  log?: Logger;
  now?: Date;
}

export interface WatchResult {
  report: WatchReport;
  /** watch.md: the job summary. */
  markdown: string;
  headline: string;
  /** 0 healthy, 1 alert; a run that cannot read throws (exit 2). */
  exitCode: 0 | 1;
  files?: { watchJson: string; watchMd: string };
}

export async function runWatch(options: WatchOptions): Promise<WatchResult> {
  const log = options.log ?? silentLogger;
  const includePii = options.includePii ?? false;
  const window = parseWatchWindow(options.since, options.until, options.now ?? new Date());
  const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, ...options.policy };
  checkApiKey(options.target.apiKey);
  const caller = new WorkOSCaller(new PacedTransport(), undefined, {
    apiUrl: options.target.apiUrl ?? DEFAULT_API_URL,
  });
  const workos = createWorkOS(options.target, caller.transport);
  const read = <T>(request: () => Promise<T>) => caller.read(request);
  const directory = signInDirectory(workos, read);
  const people = new PeopleCache(directory);

  const tally = new SignInTally();
  let events = 0;
  await log.group(
    `Reading sign-in events from ${window.since.toISOString()} to ${window.until.toISOString()}`,
    async () => {
      for await (const event of authenticationEvents(workos, read, {
        rangeStart: window.since.toISOString(),
        rangeEnd: window.until.toISOString(),
      })) {
        events++;
        const user = await people.userOf(event.userId, event.email);
        const organizations = event.organizationId
          ? [event.organizationId]
          : user
            ? await people.organizationsOf(user.id)
            : [];
        tally.add({ event, user, organizations });
        if (events % 1000 === 0) log.progress(`${events} events read.`);
      }
    },
  );
  const names = new Map<string, SignInOrganization>();
  for (const id of tally.organizations.keys())
    names.set(id, (await directory.organization(id)) ?? { id, name: id, externalId: null });
  const organization = (id: string) => names.get(id) ?? { id, name: id, externalId: null };

  const alerts = decideHealth(tally, policy, organization);
  const report = watchReport({ window, policy, tally, alerts, organization, events, includePii });
  const markdown = outboundText(renderWatchMarkdown(report), { includePii });
  const headline = outboundText(watchHeadline(report), { includePii });
  let files: WatchResult['files'];
  if (options.outDir) {
    await mkdir(options.outDir, { recursive: true });
    files = { watchJson: join(options.outDir, 'watch.json'), watchMd: join(options.outDir, 'watch.md') };
    await writeFile(files.watchJson, outboundJson(report, { includePii }));
    await writeFile(files.watchMd, markdown);
  }
  return { report, markdown, headline, exitCode: report.alert ? 1 : 0, ...(files ? { files } : {}) };
}

/** Each user and each user's memberships read once per run, however many times they sign in. */
class PeopleCache {
  private readonly byId = new Map<string, Promise<SignInUser | undefined>>();
  private readonly byEmail = new Map<string, Promise<SignInUser | undefined>>();
  private readonly memberships = new Map<string, Promise<string[]>>();

  constructor(private readonly directory: SignInDirectory) {}

  userOf(userId: string | undefined, email: string | undefined): Promise<SignInUser | undefined> {
    if (userId) return once(this.byId, userId, () => this.directory.userById(userId));
    if (email) return once(this.byEmail, email.toLowerCase(), () => this.directory.userByEmail(email));
    return Promise.resolve(undefined);
  }

  organizationsOf(userId: string): Promise<string[]> {
    return once(this.memberships, userId, () => this.directory.organizationsOf(userId));
  }
}

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}
