import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, startCli, type CliRun } from '../support/cli.js';

// `migrate-to-workos emulator` as shipped (dist/cli): what it prints at start is enough to use it,
// and docs/emulator.md, which it points to, describes controls that work as written there.

const DOC = readFileSync(fileURLToPath(new URL('../../docs/emulator.md', import.meta.url)), 'utf8');

let stop: () => Promise<CliRun>;
let banner = '';
let url = '';
let dir: string;

beforeAll(async () => {
  const { child, done } = startCli(['emulator']);
  stop = () => {
    child.kill('SIGINT');
    return done;
  };
  banner = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      // One write: the whole banner comes with its first line.
      if (seen.includes('listening on')) resolve(seen);
    });
    void done.then((run) => reject(new Error(`the emulator command ended: ${run.stdout}${run.stderr}`)));
  });
  url = /listening on (http:\/\/\S+)/.exec(banner)![1]!;
  dir = mkdtempSync(join(tmpdir(), 'emulator-command-'));
});

afterAll(async () => {
  if (stop) expect((await stop()).code).toBe(0);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/_emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('migrate-to-workos emulator', () => {
  it('prints its URL, a key and a client id to use, and where its controls are documented', () => {
    expect(banner).toContain(`WORKOS_API_URL=${url} WORKOS_API_KEY=sk_test_local WORKOS_CLIENT_ID=client_local`);
    expect(banner).toContain(`${url}/_emulator/`);
    expect(banner).toContain('docs/emulator.md');
    expect(DOC).toContain('sk_test_local');
    expect(DOC).toContain('client_local');
  });

  it('says in its --help where the controls are documented', async () => {
    const help = await runCliProcess(['emulator', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: migrate-to-workos emulator');
    expect(help.stdout).toContain('docs/emulator.md');
  });

  it('docs/emulator.md documents every control the stand-in has', async () => {
    const unknown = await control('GET', 'nothing');
    expect(unknown.status).toBe(404);
    const [, list] = String((unknown.json as { message: string }).message).split('There are');
    const offered = [...(list ?? '').matchAll(/(GET|PUT|POST) \/_emulator\/\w+/g)];
    expect(offered.length).toBeGreaterThanOrEqual(8);
    for (const [route] of offered) expect(DOC, route).toContain(`\`${route}\``);
  });

  it('rehearses unknown_role as documented (missingRoles: report): the plan names the role until POST /_emulator/roles adds it', async () => {
    writeFileSync(join(dir, 'report-roles.yml'), 'policies:\n  missingRoles: report\n');
    expect(DOC).toContain('missingRoles: report');
    writeFileSync(
      join(dir, 'users.ndjson'),
      `${JSON.stringify({ user_id: 'auth0|billing-1', email: 'bill@example.com', email_verified: true })}\n`,
    );
    writeFileSync(
      join(dir, 'organizations.json'),
      JSON.stringify({
        organizations: [
          { id: 'org_1', name: 'acme', members: [{ user_id: 'auth0|billing-1', roles: [{ name: 'Billing' }] }] },
        ],
      }),
    );
    const report = join(dir, 'report');
    const plan = () =>
      runCliProcess(
        [
          'plan',
          '--users',
          join(dir, 'users.ndjson'),
          '--organizations',
          join(dir, 'organizations.json'),
          '--config',
          join(dir, 'report-roles.yml'),
          '--out',
          report,
        ],
        { WORKOS_API_URL: url, WORKOS_API_KEY: 'sk_test_local' },
      );
    const errorCodes = () =>
      readFileSync(join(report, 'errors.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { code: string }).code);

    const before = await plan();
    expect(before.code, before.stdout + before.stderr).toBe(1);
    expect(errorCodes()).toContain('unknown_role');

    expect(DOC).toContain(`curl -X POST "$WORKOS_API_URL/_emulator/roles" -d '{"slug": "billing"}'`);
    expect((await control('POST', 'roles', { slug: 'billing' })).status).toBe(201);

    const after = await plan();
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(errorCodes()).not.toContain('unknown_role');
  });
});
