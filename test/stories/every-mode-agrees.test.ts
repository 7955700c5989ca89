import { cpSync, appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { startAuth0StandIn, type Auth0SeedOrganization } from '../../src/emulator/auth0/server.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { newJob, runStep } from '../e2e/run-action.js';
import { writeSyntheticAuth0Export } from '../support/synthetic-auth0.js';
import { expectReportsAgree, type AgreeContext, type StateOfWorkOS } from './reports-agree-check.js';
import { API_KEY, cli, filesUnder, sdkFor, shown, tempDir } from './story-support.js';

// One migration told by every mode, in the order a team runs them, on an export with a blocked
// user, a bad record, users already in WorkOS, a write WorkOS refuses, an interrupted import,
// drift made behind the tool's back and a user dropped from the export. After each run, every
// report file must agree with what the stand-in holds and with the other files.

const USERS = 300;
const ORGS = 3;
const MEMBERS_PER_ORG = 20;
const BLOCKED = 5; // a member of the first organization
const BAD = 250; // no email
const CLAIMED = 10; // in WorkOS before the migration, same email
const REFUSED = 12; // in WorkOS before; WorkOS refuses the update that claims it
const DELETED_BEHIND = 30;
const CHANGED_BEHIND = 31;
const DROPPED = 299;

// ---------------------------------------------------------------------------------------------
// The scenario

let emulator: Emulator;
let fake: FakeGitHub;
let dir: string;
let usersPath: string;
let passwordsPath: string;
let organizationsPath: string;
let externalIds: string[];
const state = () => emulator.snapshot();

beforeAll(async () => {
  emulator = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
  fake = await startFakeGitHub({ token: 'ghs_agree_write_token_1a2b', readOnlyToken: 'ghs_agree_read_3c4d' });
  dir = tempDir('every-mode');
  const ex = writeSyntheticAuth0Export(dir, USERS);
  usersPath = ex.usersPath;
  passwordsPath = ex.passwordsPath;
  externalIds = ex.expectedExternalIds;
  const lines = readFileSync(usersPath, 'utf8').trim().split('\n');
  lines[BLOCKED] = JSON.stringify({ ...JSON.parse(lines[BLOCKED]!), blocked: true });
  const { email: _dropped, ...noEmail } = JSON.parse(lines[BAD]!) as Record<string, unknown>;
  lines[BAD] = JSON.stringify(noEmail);
  writeFileSync(usersPath, lines.join('\n') + '\n');
  organizationsPath = join(dir, 'organizations.json');
  const organizations = Array.from({ length: ORGS }, (_, o) => ({
    id: `org_AgreeEveryMode000${o}`,
    name: `agree-${o}`,
    display_name: `Agree ${o}`,
    members: Array.from({ length: MEMBERS_PER_ORG }, (_, m) => ({
      user_id: externalIds[o * MEMBERS_PER_ORG + m],
      roles: [{ id: 'rol_member', name: 'Member' }],
    })),
  }));
  writeFileSync(organizationsPath, JSON.stringify({ organizations }));
});

afterAll(async () => {
  await emulator?.close();
  await fake?.close();
  for (const path of [dir, ...outs]) if (path) rmSync(path, { recursive: true, force: true });
});

function flags(): string[] {
  return [
    '--source',
    'auth0',
    '--users',
    usersPath,
    '--passwords',
    passwordsPath,
    '--organizations',
    organizationsPath,
    '--api-url',
    emulator.url,
    '--rate-limit',
    '1000',
    '--fail-on',
    'never',
  ];
}

const outs: string[] = [];
async function run(command: string, args: string[]) {
  const out = tempDir(`every-${command}`);
  outs.push(out);
  const result = await cli([command, ...args, '--out', out]);
  return { result, out };
}

const PR = 21;
function pullRequestEvent(number: number) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: {
        ref: 'new-export',
        sha: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed',
        repo: { full_name: 'acme/identity-migration' },
      },
      base: { ref: 'main', repo: { full_name: 'acme/identity-migration' } },
    },
    repository: { full_name: 'acme/identity-migration' },
  };
}

/**
 * The PR comment is summary.md under the comment's own heading and footer: the same headline,
 * tables and lines (problem examples aside, which the comment may show fewer of), and the job
 * summary is summary.md.
 */
function expectCommentAgrees(comments: { body: string; user: { login: string } }[], out: string, jobSummary: string) {
  const ours = comments.filter((c) => c.user.login === 'github-actions[bot]');
  expect(ours).toHaveLength(1);
  const body = ours[0]!.body;
  const md = readFileSync(join(out, 'summary.md'), 'utf8');
  // Problem examples aside (the comment shows fewer per code, without personal data).
  const lines = md.split('\n').filter((l) => l !== '' && !l.startsWith('## ') && !/^\s*- /.test(l));
  for (const line of lines) expect(body, `summary.md's line in the PR comment: ${line}`).toContain(line);
  expect(jobSummary.trim()).toBe(md.trim());
}

function printed(run: { stdout: string; stderr: string }): string {
  return `${run.stdout}\n${run.stderr}`;
}

function ctxNow(): AgreeContext {
  const users = exportUsers();
  return { exportUserIds: new Set(users.keys()), exportEmails: users, migrationUserIds: new Set(externalIds) };
}

function exportUsers(): Map<string, string> {
  return new Map(
    readFileSync(usersPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { user_id: string; email?: string })
      .map((u) => [u.user_id, (u.email ?? '').toLowerCase()]),
  );
}

/** The rerun import's reports and what WorkOS then held, for the checker's own test. */
let finished: { out: string; state: StateOfWorkOS; ctx: AgreeContext } | undefined;

describe('every mode on one migration', () => {
  it('tells the same story in every report file and in WorkOS', async () => {
    const stateDir = tempDir('every-state');
    outs.push(stateDir);
    const ctx = ctxNow;
    const seeded = [CLAIMED, REFUSED].map((i) =>
      emulator.seedUser({ email: `user${i}@synthetic.example.com`, first_name: `Given${i}`, last_name: `Family${i}` }),
    );
    emulator.setFaults({
      rules: [{ echoHeadersRate: 1, match: { method: 'PUT', path: `/user_management/users/${seeded[1]!.id}` } }],
    });

    // A dry run, then an interrupted import and its rerun.
    const planned = await run('plan', flags());
    expect(planned.result.code, shown(planned.result)).toBe(0);
    const plan = expectReportsAgree(planned.out, state(), 'plan', ctx(), printed(planned.result));
    expect(plan.users, 'the blocked user is skipped, the bad record invalid').toMatchObject({ skipped: 1, invalid: 1 });
    expect(plan.changes?.users, 'two users WorkOS holds are claimed').toMatchObject({ update: 2 });

    const first = await run('import', [...flags(), '--state', stateDir, '--max-records', '100']);
    expect(first.result.code, shown(first.result)).toBe(0);
    const interrupted = expectReportsAgree(first.out, state(), 'import', ctx(), printed(first.result));
    expect(interrupted.stoppedBy).toBe('max-records');
    expect(interrupted.users.failed, 'WorkOS refused one claim').toBe(1);

    const rerun = await run('import', [...flags(), '--state', stateDir]);
    expect(rerun.result.code, shown(rerun.result)).toBe(0);
    const resumed = expectReportsAgree(rerun.out, state(), 'import', ctx(), printed(rerun.result));
    expect([resumed.users.pending, resumed.users.failed, resumed.memberships.failed]).toEqual([0, 1, 1]);
    finished = { out: rerun.out, state: state(), ctx: ctx() };

    // Behind the tool's back: WorkOS stops refusing, someone deletes a user and renames another,
    // and the next export no longer has one user.
    emulator.setFaults({});
    const workos = sdkFor(emulator);
    const byExternal = new Map(state().users.map((u) => [u.external_id, u.id]));
    await workos.userManagement.deleteUser(byExternal.get(externalIds[DELETED_BEHIND]!)!);
    await workos.userManagement.updateUser({
      userId: byExternal.get(externalIds[CHANGED_BEHIND]!)!,
      firstName: 'Renamed',
    });
    const lines = readFileSync(usersPath, 'utf8').trim().split('\n');
    writeFileSync(usersPath, lines.filter((_, i) => i !== DROPPED).join('\n') + '\n');

    // The pull request that brings the new export: the built action's dry run and its comment.
    const prOut = tempDir('every-pr');
    outs.push(prOut);
    fake.newRun({ workflowId: 4101, event: 'pull_request', headBranch: 'new-export' });
    const job = newJob(fake, { eventName: 'pull_request', eventPayload: pullRequestEvent(PR) });
    outs.push(dirname(job.runnerTemp));
    const pr = await runStep(job, 'main', {
      inputs: {
        mode: 'plan',
        source: 'auth0',
        users: usersPath,
        passwords: passwordsPath,
        organizations: organizationsPath,
        'workos-api-key': API_KEY,
        'workos-api-url': emulator.url,
        'fail-on': 'never',
        out: prOut,
      },
    });
    expect(pr.code, pr.stdout + pr.stderr).toBe(0);
    expectReportsAgree(prOut, state(), 'plan', ctx());
    expectCommentAgrees(fake.comments(PR), prOut, pr.summary);

    const verified = await run('verify', [...flags(), '--state', stateDir]);
    expect(verified.result.code, shown(verified.result)).toBe(0);
    const drift = expectReportsAgree(verified.out, state(), 'verify', ctx(), printed(verified.result));
    expect(drift.workos?.users).toMatchObject({ missing: 1, mismatched: 2, unexpected: 1 });
    expect(drift.removals?.users).toBe(1);

    const stateless = await run('import', flags());
    expect(stateless.result.code, shown(stateless.result)).toBe(0);
    expectReportsAgree(stateless.out, state(), 'import', ctx(), printed(stateless.result));

    const repaired = await run('import', [...flags(), '--state', stateDir]);
    expect(repaired.result.code, shown(repaired.result)).toBe(0);
    expectReportsAgree(repaired.out, state(), 'import', ctx(), printed(repaired.result));

    const inStep = await run('verify', [...flags(), '--state', stateDir]);
    expectReportsAgree(inStep.out, state(), 'verify', ctx(), printed(inStep.result));

    const cutover = await run('cutover', [...flags(), '--state', stateDir]);
    const verdict = expectReportsAgree(cutover.out, state(), 'cutover', ctx(), printed(cutover.result));
    // The one user dropped from the export is what stands in the way; the import with --state
    // after the one without it recorded what WorkOS holds, so rollback knows every record.
    expect(verdict.cutover, readFileSync(join(cutover.out, 'cutover.json'), 'utf8')).toEqual({
      go: false,
      failing: ['reconciled'],
    });

    const preview = await run('rollback', ['--state', stateDir, '--api-url', emulator.url]);
    expect(preview.result.code, shown(preview.result)).toBe(0);
    expectReportsAgree(preview.out, state(), 'rollback', ctx(), printed(preview.result));

    const rolledBack = await run('rollback', ['--state', stateDir, '--api-url', emulator.url, '--confirm']);
    expect(rolledBack.result.code, shown(rolledBack.result)).toBe(0);
    expectReportsAgree(rolledBack.out, state(), 'rollback', ctx(), printed(rolledBack.result));
  }, 120_000);
});

describe('what any report holds', () => {
  it('never the API key, even where WorkOS quoted it back in an error', () => {
    expect(outs.length).toBeGreaterThan(10);
    for (const out of outs)
      for (const { path, text } of filesUnder(out)) expect(text.includes(API_KEY), path).toBe(false);
  });
});

describe('export', () => {
  it('writes what Auth0 holds, says so, and plans as the hand-made export does', async () => {
    const client = { AUTH0_CLIENT_ID: 'agree-m2m-client', AUTH0_CLIENT_SECRET: 'agree-m2m-secret-value' };
    const auth0 = await startAuth0StandIn({
      users: readFileSync(usersPath, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
      organizations: (JSON.parse(readFileSync(organizationsPath, 'utf8')) as { organizations: Auth0SeedOrganization[] })
        .organizations,
      clientId: client.AUTH0_CLIENT_ID,
      clientSecret: client.AUTH0_CLIENT_SECRET,
    });
    try {
      const files = tempDir('every-export');
      outs.push(files);
      const exported = await cli(['export', '--source', 'auth0', '--out', files], {
        AUTH0_API_URL: auth0.url,
        ...client,
      });
      expect(exported.code, shown(exported)).toBe(0);
      const users = gunzipSync(readFileSync(join(files, 'users.ndjson.gz')))
        .toString()
        .trim()
        .split('\n');
      const organizations = (
        JSON.parse(readFileSync(join(files, 'organizations.json'), 'utf8')) as {
          organizations: { members?: unknown[] }[];
        }
      ).organizations;
      const members = organizations.reduce((n, o) => n + (o.members?.length ?? 0), 0);
      expect(exported.stdout).toContain(
        `Exported ${users.length} users, ${organizations.length} organizations, ${members} memberships`,
      );
      expect([users.length, organizations.length, members]).toEqual([USERS - 1, ORGS, ORGS * MEMBERS_PER_ORG]);

      // The same plan, from Auth0's files as from the team's own.
      const source = ['--passwords', passwordsPath, '--api-url', emulator.url, '--fail-on', 'never'];
      const fromExport = await run('plan', [
        '--source',
        'auth0',
        '--users',
        join(files, 'users.ndjson.gz'),
        '--organizations',
        join(files, 'organizations.json'),
        ...source,
      ]);
      const fromFiles = await run('plan', flags());
      const a = expectReportsAgree(fromExport.out, state(), 'plan', ctxNow(), printed(fromExport.result));
      const b = expectReportsAgree(fromFiles.out, state(), 'plan', ctxNow(), printed(fromFiles.result));
      expect([a.users, a.organizations, a.memberships, a.changes]).toEqual([
        b.users,
        b.organizations,
        b.memberships,
        b.changes,
      ]);
    } finally {
      await auth0.close();
    }
  });
});

describe('the cross-check', () => {
  // Each alteration is one a buggy report writer could make; the checker must see every one.
  const alterations: [string, (out: string) => void][] = [
    ['a user missing from id-map.csv', (out) => dropLine(join(out, 'id-map.csv'), (l) => l.startsWith('user,'))],
    ['an errors.jsonl line lost', (out) => dropLine(join(out, 'errors.jsonl'), (l) => l.includes('"skip"'))],
    [
      'summary.md counting one user less than summary.json',
      (out) => {
        const md = readFileSync(join(out, 'summary.md'), 'utf8');
        writeFileSync(
          join(out, 'summary.md'),
          md.replace(/\| Users \| (\d+) \|/, (_, n) => `| Users | ${Number(n) - 1} |`),
        );
      },
    ],
    [
      'an id-map.csv row naming a user WorkOS does not hold',
      (out) => appendFileSync(join(out, 'id-map.csv'), 'user,auth0|ghost,user_01GHOSTGHOSTGHOSTGHOSTGHOST,created\n'),
    ],
  ];

  it.each(alterations)('fails on %s', (_, alter) => {
    expect(finished, 'the story ran first').toBeDefined();
    const { out, state: held, ctx } = finished!;
    expect(() => expectReportsAgree(out, held, 'import', ctx)).not.toThrow();
    const copy = tempDir('every-altered');
    outs.push(copy);
    cpSync(out, copy, { recursive: true });
    alter(copy);
    expect(() => expectReportsAgree(copy, held, 'import', ctx)).toThrow();
  });
});

function dropLine(path: string, which: (line: string) => boolean): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex(which);
  expect(at, `a line to drop in ${path}`).toBeGreaterThanOrEqual(0);
  lines.splice(at, 1);
  writeFileSync(path, lines.join('\n'));
}
