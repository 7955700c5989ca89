import { join } from 'node:path';
import { UsageError } from '../model/types.js';
import type { ExportCheckpoint, Spool } from './checkpoint.js';
import { spoolRecords, writeFileAtomically } from './files.js';
import { SourceApi } from './http.js';
import type { ExportContext, ExportResult } from './types.js';

// Clerk: the Backend API with offset paging (`limit` ≤ 500, `offset`), oldest first so records
// created during the export land at the end instead of shifting the pages already read.
// GET /v1/users answers a bare array; /v1/organizations and /v1/organizations/{id}/memberships
// answer `{data, total_count}`. Written as users.json (Backend API user objects, which
// src/sources/clerk reads) and organizations.json (`{"organizations":[{…, memberships}]}`).
// The Backend API never returns password digests: passwords come from the dashboard CSV.

export const CLERK_USERS_FILE = 'users.json';
export const CLERK_ORGANIZATIONS_FILE = 'organizations.json';

const PAGE = 500;

export function clerkCredentials(
  env: NodeJS.ProcessEnv,
  command = 'export --source clerk',
): { baseUrl: string; secretKey: string } {
  const secretKey = env.CLERK_SECRET_KEY?.trim();
  if (!secretKey)
    throw new UsageError(
      `${command} needs CLERK_SECRET_KEY (sk_live_… or sk_test_…, from the Clerk dashboard, API keys) in the environment.`,
    );
  const baseUrl = (env.CLERK_API_URL?.trim() || 'https://api.clerk.com').replace(/\/+$/, '');
  return { baseUrl, secretKey };
}

interface ClerkMembership {
  id?: string;
  role?: string;
  public_user_data?: { user_id?: string };
}

export async function exportClerk(context: ExportContext, checkpoint: ExportCheckpoint): Promise<ExportResult> {
  const { baseUrl, secretKey } = clerkCredentials(context.env);
  const api = new SourceApi({
    baseUrl,
    label: 'Clerk Backend API',
    token: async () => secretKey,
    signal: context.signal,
  });

  const users = await checkpoint.spool('users');
  await pageByOffset(users, async (offset) => {
    const page = await api.json<unknown[]>('/v1/users', { query: { limit: PAGE, offset, order_by: '+created_at' } });
    return Array.isArray(page.body) ? page.body : [];
  });
  context.log.info(`Users: ${users.state.count} exported (the Backend API gives no password digests).`);
  const usersPath = join(checkpoint.outDir, CLERK_USERS_FILE);
  await writeFileAtomically(usersPath, jsonArray(spoolRecords(users)));

  const organizations = await checkpoint.spool('organizations');
  await pageByOffset(organizations, async (offset) => {
    const page = await api.json<{ data?: Record<string, unknown>[] }>('/v1/organizations', {
      query: { limit: PAGE, offset, order_by: '+created_at' },
    });
    return (page.body.data ?? []).map(({ id, name, slug, public_metadata, private_metadata, created_at }) => ({
      id,
      name,
      slug,
      public_metadata,
      private_metadata,
      created_at,
    }));
  });
  const total = organizations.state.count;
  context.log.info(`Organizations: ${total} to export with their memberships.`);
  let index = 0;
  let memberships = 0;
  for await (const organization of spoolRecords<{ id: string }>(organizations)) {
    const spool = await checkpoint.spool(`memberships-${index}`);
    await pageByOffset(spool, async (offset) => {
      const page = await api.json<{ data?: ClerkMembership[] }>(
        `/v1/organizations/${encodeURIComponent(organization.id)}/memberships`,
        {
          query: { limit: PAGE, offset, order_by: '+created_at' },
        },
      );
      return (page.body.data ?? []).map((m) => ({
        id: m.id,
        role: m.role,
        public_user_data: { user_id: m.public_user_data?.user_id },
      }));
    });
    memberships += spool.state.count;
    const domains = await checkpoint.spool(`domains-${index}`);
    await pageByOffset(domains, async (offset) => {
      const page = await api.json<{ data?: { name?: string }[] }>(
        `/v1/organizations/${encodeURIComponent(organization.id)}/domains`,
        {
          query: { limit: PAGE, offset, verified: true },
        },
      );
      return (page.body.data ?? []).map((d) => ({ name: d.name }));
    });
    index++;
    if (index % 25 === 0 || index === total)
      context.log.progress(`Organizations: ${index} of ${total} read, ${memberships} memberships.`);
  }
  const organizationsPath = join(checkpoint.outDir, CLERK_ORGANIZATIONS_FILE);
  await writeFileAtomically(organizationsPath, organizationsFile(checkpoint, organizations));
  context.log.info(`Organizations: ${total} exported with ${memberships} memberships.`);
  return {
    files: { users: usersPath, organizations: organizationsPath },
    counts: { users: users.state.count, organizations: total, memberships },
    requests: api.counts,
  };
}

/** Offset paging: a short page is the last one. The cursor is the next offset. */
async function pageByOffset(spool: Spool, fetchPage: (offset: number) => Promise<unknown[]>): Promise<void> {
  while (!spool.state.done) {
    const offset = typeof spool.state.cursor === 'number' ? spool.state.cursor : 0;
    const records = await fetchPage(offset);
    await spool.append(records, records.length < PAGE ? undefined : offset + records.length);
  }
}

async function* jsonArray(records: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const record of records) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]\n';
}

async function* organizationsFile(checkpoint: ExportCheckpoint, list: Spool): AsyncGenerator<string> {
  yield '{"organizations":[\n';
  let index = 0;
  for await (const organization of spoolRecords<Record<string, unknown>>(list)) {
    const domains: unknown[] = [];
    for await (const domain of spoolRecords(await checkpoint.spool(`domains-${index}`))) domains.push(domain);
    const head = JSON.stringify({ ...organization, domains, memberships: [] });
    yield `${index === 0 ? '' : ',\n'}${head.slice(0, -2)}`;
    let first = true;
    for await (const membership of spoolRecords(await checkpoint.spool(`memberships-${index}`))) {
      yield `${first ? '\n' : ',\n'}  ${JSON.stringify(membership)}`;
      first = false;
    }
    yield ']}';
    index++;
  }
  yield '\n]}\n';
}
