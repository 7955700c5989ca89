import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { registerSecret } from '../model/mask.js';
import { UsageError } from '../model/types.js';
import type { ExportCheckpoint } from './checkpoint.js';
import { countGzipLines, downloadRaw, spoolRecords, writeFileAtomically } from './files.js';
import { abortableSleep, ExportInterrupted, SourceApi, SourceApiError } from './http.js';
import type { ExportContext, ExportResult } from './types.js';

// Auth0: users through the Management API's bulk export job (POST /api/v2/jobs/users-exports,
// poll GET /api/v2/jobs/{id}, download its `location`, a gzipped NDJSON file, before the link
// expires); organizations through GET /api/v2/organizations and each one's members with
// `fields=user_id,roles` (checkpoint paging: `take` and `from`/`next`, the only way past 1,000
// members). Written as users.ndjson.gz (Auth0's bytes) and organizations.json (the format
// `import --organizations` reads).

/** Every field src/sources/auth0 maps. JSON format: whole objects (identities, metadata) export as is. */
export const AUTH0_EXPORT_FIELDS = [
  'user_id',
  'email',
  'email_verified',
  'given_name',
  'family_name',
  'name',
  'nickname',
  'blocked',
  'multifactor',
  'identities',
  'app_metadata',
  'user_metadata',
  'created_at',
  'last_login',
] as const;

export const AUTH0_USERS_FILE = 'users.ndjson.gz';
export const ORGANIZATIONS_FILE = 'organizations.json';

/** Checkpoint paging takes at most 100 a page. */
const PAGE = 100;

interface Auth0Credentials {
  baseUrl: string;
  audience: string;
  managementToken?: string;
  clientId?: string;
  clientSecret?: string;
}

/** What needs the credentials, for the messages: `export` by default. */
export interface CredentialPurpose {
  command: string;
  scopes: string;
}

const EXPORT_PURPOSE: CredentialPurpose = {
  command: 'export --source auth0',
  scopes: 'read:users, read:organizations, read:organization_members, read:organization_member_roles',
};

export function auth0Credentials(
  env: NodeJS.ProcessEnv,
  purpose: CredentialPurpose = EXPORT_PURPOSE,
): Auth0Credentials {
  const domain = env.AUTH0_DOMAIN?.trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  const apiUrl = env.AUTH0_API_URL?.trim().replace(/\/+$/, '');
  if (!domain && !apiUrl)
    throw new UsageError(
      `${purpose.command} needs AUTH0_DOMAIN (your tenant, like acme.eu.auth0.com) in the environment.`,
    );
  const baseUrl = apiUrl || `https://${domain}`;
  const audience = `${domain ? `https://${domain}` : baseUrl}/api/v2/`;
  const managementToken = env.AUTH0_MANAGEMENT_TOKEN?.trim() || undefined;
  const clientId = env.AUTH0_CLIENT_ID?.trim() || undefined;
  const clientSecret = env.AUTH0_CLIENT_SECRET?.trim() || undefined;
  if (!managementToken && !(clientId && clientSecret)) {
    throw new UsageError(
      `${purpose.command} needs AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (a machine-to-machine application ` +
        `authorized for the Management API with ${purpose.scopes}) or AUTH0_MANAGEMENT_TOKEN.`,
    );
  }
  return { baseUrl, audience, managementToken, clientId, clientSecret };
}

/** A Management API token: the one given, or one from the client credentials grant, kept until refused. */
export function tokenSource(
  credentials: Auth0Credentials,
  context: Pick<ExportContext, 'signal' | 'onSecret'>,
): (refresh: boolean) => Promise<string> {
  let current = credentials.managementToken;
  const auth = new SourceApi({
    baseUrl: credentials.baseUrl,
    label: 'Auth0 (token endpoint)',
    signal: context.signal,
    maxAttempts: 6,
  });
  return async (refresh) => {
    if (current && !(refresh && !credentials.managementToken)) return current;
    const answer = await auth.json<{ access_token?: string }>('/oauth/token', {
      method: 'POST',
      body: {
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        audience: credentials.audience,
      },
      accept: [401, 403],
    });
    if (answer.status !== 200 || !answer.body?.access_token) {
      throw new SourceApiError(
        `Auth0 refused the client credentials (HTTP ${answer.status}). Check AUTH0_CLIENT_ID and ` +
          `AUTH0_CLIENT_SECRET, and that the application is authorized for the Management API (${credentials.audience}).`,
        answer.status,
      );
    }
    current = answer.body.access_token;
    registerSecret(current);
    context.onSecret?.(current);
    return current;
  };
}

interface Job {
  id: string;
  status: string;
  location?: string;
}

export async function exportAuth0(context: ExportContext, checkpoint: ExportCheckpoint): Promise<ExportResult> {
  const credentials = auth0Credentials(context.env);
  const api = new SourceApi({
    baseUrl: credentials.baseUrl,
    label: 'Auth0 Management API',
    token: tokenSource(credentials, context),
    signal: context.signal,
  });
  const usersPath = join(checkpoint.outDir, AUTH0_USERS_FILE);
  const users = await exportUsers(api, checkpoint, usersPath, context);
  const organizations = await exportOrganizations(api, checkpoint, context);
  return {
    files: { users: usersPath, organizations: organizations.path },
    counts: { users, organizations: organizations.count, memberships: organizations.members },
    requests: api.counts,
  };
}

async function exportUsers(
  api: SourceApi,
  checkpoint: ExportCheckpoint,
  usersPath: string,
  context: ExportContext,
): Promise<number> {
  const progress = checkpoint.state.progress as { usersJob?: string; usersCount?: number };
  if (progress.usersCount !== undefined) {
    context.log.info(`Users: ${progress.usersCount} exported earlier (kept from the checkpoint).`);
    return progress.usersCount;
  }
  const part = checkpoint.partPath('users.ndjson.gz.part');
  let expiredLinks = 0;
  for (;;) {
    if (!progress.usersJob) {
      const created = await api.json<Job>('/api/v2/jobs/users-exports', {
        method: 'POST',
        body: { format: 'json', fields: AUTH0_EXPORT_FIELDS.map((name) => ({ name })) },
      });
      progress.usersJob = created.body.id;
      await checkpoint.save();
      context.log.info('Users: Auth0 export job created; waiting for Auth0 to write the file.');
    }
    const job = await waitForJob(api, progress.usersJob, context);
    if (!job) {
      // Auth0 forgets jobs after a while: a job from an old checkpoint is created again.
      delete progress.usersJob;
      await checkpoint.save();
      continue;
    }
    const download = await downloadRaw(job.location!, part, context.signal).catch((error: unknown) => {
      // A connection cut mid-file is retried like an expired link: with a fresh link.
      if (error instanceof ExportInterrupted) throw error;
      return { status: 0, bytes: 0 };
    });
    if (download.status !== 200) {
      await rm(part, { force: true });
      // The link is short-lived: a fresh GET of the job signs a new one; after a few, a new job.
      if (++expiredLinks % 3 === 0) delete progress.usersJob;
      await checkpoint.save();
      if (expiredLinks > 9)
        throw new SourceApiError(
          `The export file's download kept failing (${download.status ? `HTTP ${download.status}` : 'connection lost'}). ` +
            'Run export again.',
          download.status,
        );
      continue;
    }
    const count = await countGzipLines(part).catch(() => {
      throw new SourceApiError(
        'The file Auth0 wrote is not a gzipped NDJSON export. Run export again; if it persists, export from the dashboard (User Import / Export extension).',
        0,
      );
    });
    await rename(part, usersPath);
    progress.usersCount = count;
    delete progress.usersJob;
    await checkpoint.save();
    context.log.info(`Users: ${count} exported (${download.bytes} bytes, as Auth0 wrote them).`);
    return count;
  }
}

/** Polls the job until completed, with backoff; undefined when Auth0 no longer knows it. */
async function waitForJob(api: SourceApi, id: string, context: ExportContext): Promise<Job | undefined> {
  let delay = context.pollMs ?? 1000;
  let polls = 0;
  for (;;) {
    const answer = await api.json<Job & { summary?: unknown }>(`/api/v2/jobs/${encodeURIComponent(id)}`, {
      accept: [404],
    });
    if (answer.status === 404) return undefined;
    const job = answer.body;
    if (job.status === 'completed') {
      if (!job.location)
        throw new SourceApiError(
          'Auth0 says the export job completed but gives no file location. Run export again.',
          200,
        );
      return job;
    }
    if (job.status === 'failed' || job.status === 'cancelled') {
      throw new SourceApiError(
        `Auth0's export job ended as ${job.status}. Run export again; it starts a new job.`,
        200,
      );
    }
    if (++polls % 10 === 0) context.log.progress(`Users: Auth0 is still writing the export (${job.status}).`);
    await abortableSleep(delay, context.signal);
    delay = Math.min(Math.round(delay * 1.5), context.maxPollMs ?? 30_000);
  }
}

interface Auth0Organization {
  id: string;
  name?: string;
  display_name?: string;
  metadata?: Record<string, unknown>;
}

interface Auth0Member {
  user_id: string;
  roles?: { id?: string; name?: string }[];
}

async function exportOrganizations(
  api: SourceApi,
  checkpoint: ExportCheckpoint,
  context: ExportContext,
): Promise<{ path: string; count: number; members: number }> {
  const list = await checkpoint.spool('organizations');
  while (!list.state.done) {
    const page = await api.json<{ organizations?: Auth0Organization[]; next?: string }>('/api/v2/organizations', {
      query: { take: PAGE, from: list.state.cursor as string | undefined },
    });
    const organizations = (page.body.organizations ?? []).map(({ id, name, display_name, metadata }) => ({
      id,
      name,
      display_name,
      metadata: metadata ?? {},
    }));
    await list.append(organizations, page.body.next || undefined);
  }
  const total = list.state.count;
  context.log.info(`Organizations: ${total} to export with their members.`);

  let index = 0;
  let members = 0;
  for await (const organization of spoolRecords<Auth0Organization>(list)) {
    const spool = await checkpoint.spool(`members-${index}`);
    while (!spool.state.done) {
      const page = await api.json<{ members?: Auth0Member[]; next?: string }>(
        `/api/v2/organizations/${encodeURIComponent(organization.id)}/members`,
        {
          query: {
            take: PAGE,
            from: spool.state.cursor as string | undefined,
            fields: 'user_id,roles',
            include_fields: true,
          },
        },
      );
      const records = (page.body.members ?? []).map((m) => ({
        user_id: m.user_id,
        roles: (m.roles ?? []).map((r) => ({ id: r.id, name: r.name })),
      }));
      await spool.append(records, page.body.next || undefined);
    }
    members += spool.state.count;
    index++;
    if (index % 25 === 0 || index === total)
      context.log.progress(`Organizations: ${index} of ${total} read, ${members} members.`);
  }

  const path = join(checkpoint.outDir, ORGANIZATIONS_FILE);
  await writeFileAtomically(path, organizationsFile(checkpoint, list));
  context.log.info(`Organizations: ${total} exported with ${members} members.`);
  return { path, count: total, members };
}

/** `{"organizations":[{…, "members":[…]}, …]}`, one organization and one member a line. */
async function* organizationsFile(
  checkpoint: ExportCheckpoint,
  list: Awaited<ReturnType<ExportCheckpoint['spool']>>,
): AsyncGenerator<string> {
  yield '{"organizations":[\n';
  let index = 0;
  for await (const organization of spoolRecords<Auth0Organization>(list)) {
    const head = JSON.stringify({ ...organization, members: [] });
    yield `${index === 0 ? '' : ',\n'}${head.slice(0, -2)}`;
    let first = true;
    for await (const member of spoolRecords<Auth0Member>(await checkpoint.spool(`members-${index}`))) {
      yield `${first ? '\n' : ',\n'}  ${JSON.stringify(member)}`;
      first = false;
    }
    yield ']}';
    index++;
  }
  yield '\n]}\n';
}
