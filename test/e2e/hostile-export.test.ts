import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { emailsIn, findLeaks, producedByStep, producedInDirectory, producedOnGitHub } from './leak-scan.js';
import { newJob, runStep, workflowCommands, type StepRun } from './run-action.js';

// An export written by someone who wants the PR comment to run script, mention people or link
// elsewhere: every name, id, role and config key below ends up somewhere in a report. A
// reviewer must see it as text.

const KEY = 'sk_test_E2E_HOSTILE_SECRET_77aa';
const TOKEN = 'ghs_E2E_HOSTILE_TOKEN_0c0ffee';
const PR = 41;

const IMG = '<img src=x onerror=alert(1)>';
const LINK = '[x](https://evil.example)';
const HOSTILE = `${IMG} @octocat ${LINK} **bold** <script>alert(2)</script> www.evil.example`;
const LONG = `${IMG}@octocat${LINK}`.repeat(300);
const BCRYPT = '$2b$10$wGSd0PS.7x6rC/PvMucd2OxyB1oDhQgiUhrVA/GYDY7qe7iWs.dTC';

function writeHostileExport(dir: string): void {
  const users = [
    // Valid: its names go to WorkOS, not into a report.
    {
      user_id: 'auth0|hostile-valid',
      email: 'valid.hostile@example.com',
      name: HOSTILE,
      given_name: HOSTILE,
      family_name: HOSTILE,
      app_metadata: { note: HOSTILE },
    },
    { user_id: `auth0|${HOSTILE}` },
    { user_id: 'auth0|bad-email', email: `${IMG}@octocat` },
    { user_id: `auth0|${LINK}`, email: 'blocked.hostile@example.com', blocked: true },
    { user_id: `auth0|${LONG}` },
    { user_id: 'auth0|x\n::error::INJECTED\n@octocat' },
    // Over WorkOS's 600 characters for a metadata value, under a key from the config.
    {
      user_id: 'auth0|metadata-too-long',
      email: 'meta.hostile@example.com',
      app_metadata: { note: 'short', long: LONG },
    },
    ...Array.from({ length: 150 }, (_, i) => ({ user_id: `auth0|${IMG}-${LINK}-@octocat-${i}-${'Z'.repeat(400)}` })),
  ];
  const lines = users.map((u) => JSON.stringify(u));
  // Not JSON: the parser's message quotes the line.
  lines.splice(2, 0, `{"user_id": ${HOSTILE}, "email": "broken.hostile@example.com"}`);
  writeFileSync(join(dir, 'users.ndjson'), lines.join('\n') + '\n');
  writeFileSync(
    join(dir, 'passwords.ndjson'),
    JSON.stringify({
      _id: { $oid: `${IMG}@octocat${LINK}` },
      email: `${IMG}@octocat.example`,
      passwordHash: BCRYPT,
      connection: 'Username-Password-Authentication',
    }) + '\n',
  );
  const hostileOrganization = {
    id: `org_${HOSTILE}`,
    name: `@octocat ${LINK}`,
    display_name: HOSTILE,
    metadata: { domains: 'evil.example', tier: HOSTILE },
    members: [
      // An Auth0 role name no WorkOS role matches: the problem names the slug derived from it.
      { user_id: 'auth0|hostile-valid', roles: [{ id: `rol_${IMG}`, name: HOSTILE }] },
      { user_id: `auth0|ghost-${IMG}-@octocat-${LINK}` },
    ],
  };
  writeFileSync(
    join(dir, 'organizations.json'),
    JSON.stringify({
      organizations: [
        hostileOrganization,
        // The same id twice: the problem names the id.
        { ...hostileOrganization, members: [] },
        { id: `org_invalid_${LINK}`, name: '', display_name: '', metadata: { domains: `${IMG}.example.com` } },
      ],
    }),
  );
  // The config is part of the PR too: a valid one with hostile keys, and one a reviewer must be told is wrong.
  writeFileSync(
    join(dir, 'mapping.yml'),
    [
      'metadata:',
      '  users:',
      // 36 characters, within WorkOS's limit for a key: the problem of a value too long names it.
      `    ${JSON.stringify(`${IMG}@octocat`)}: app_metadata.long`,
      '    note: app_metadata.note',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'bad-mapping.yml'), `roles:\n  ${JSON.stringify(HOSTILE)}: ${JSON.stringify(HOSTILE)}\n`);
}

let fake: FakeGitHub;
let emulator: Emulator;
let workspace: string;
const runnerDirs: string[] = [];
/** The plan run over the hostile export, and a run stopped by the hostile config. */
let run: StepRun;
let configRun: StepRun;
let comment: string;

async function planRun(config: string): Promise<StepRun> {
  fake.newRun();
  const job = newJob(fake, {
    workspace,
    eventName: 'pull_request',
    eventPayload: {
      number: PR,
      pull_request: {
        number: PR,
        head: { repo: { full_name: 'acme/identity-migration' } },
        base: { repo: { full_name: 'acme/identity-migration' } },
      },
    },
  });
  runnerDirs.push(dirname(job.runnerTemp));
  return runStep(job, 'main', {
    inputs: {
      mode: 'plan',
      users: 'users.ndjson',
      passwords: 'passwords.ndjson',
      organizations: 'organizations.json',
      config,
      'workos-api-key': KEY,
      'workos-api-url': emulator.url,
    },
  });
}

beforeAll(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
  emulator = await startEmulator();
  workspace = mkdtempSync(join(tmpdir(), 'e2e-hostile-'));
  writeHostileExport(workspace);
  [run, configRun] = await Promise.all([planRun('mapping.yml'), planRun('bad-mapping.yml')]);
  comment = fake.comments(PR).find((c) => c.user.login === 'github-actions[bot]')?.body ?? '';
});
afterAll(async () => {
  await fake?.close();
  await emulator?.close();
  for (const dir of [workspace, ...runnerDirs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Tags a renderer would turn into HTML: anything but the few the action writes itself. */
function htmlTags(markdown: string): string[] {
  const own = new Set(['h2', '/h2', 'sub', '/sub', 'details', '/details', 'summary', '/summary', 'br', 'b', '/b']);
  return [...markdown.matchAll(/<(\/?[A-Za-z][A-Za-z0-9-]*)/g)]
    .map((m) => m[1]!.toLowerCase())
    .filter((tag) => !own.has(tag));
}

describe('a PR plan run over a hostile export', () => {
  it('fails for the invalid records, and still posts the comment and writes the summary', () => {
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(comment).toContain('<!-- migrate-to-workos:plan -->');
    expect(run.summary).toContain('## WorkOS migration: plan (auth0)');
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
  });

  it('the hostile config stops the run with an error that names it', () => {
    expect(configRun.code).toBe(1);
    expect(configRun.summary).toContain('WorkOS migration did not run');
    expect(configRun.summary).toContain('bad-mapping.yml:2');
  });

  it.each([
    ['PR comment', () => comment],
    ['step summary', () => run.summary],
    ['step summary of the run the config stopped', () => configRun.summary],
  ])('the %s shows the hostile text as text: no HTML tag, no mention, no link', (_where, text) => {
    const markdown = text();
    // The hostile values did reach it (escaped), or this test would prove nothing.
    expect(markdown).toMatch(/octocat/);
    expect(markdown).toMatch(/evil\.example/);
    expect(markdown).toMatch(/img src=x/);

    expect(htmlTags(markdown)).toEqual([]);
    expect(markdown).not.toMatch(/@octocat/);
    // A link needs an unescaped `](`; `\[x\](…)` is text. The only links are the action's own, to the run.
    const linkTargets = [...markdown.matchAll(/(?<!\\)\]\(\s*<?([^)\s>]*)/g)].map((m) => m[1]);
    for (const target of linkTargets)
      expect(target).toMatch(/^https:\/\/github\.com\/acme\/identity-migration\/actions\/runs\/\d+$/);
    expect(markdown).not.toMatch(/https?:\/\/evil\.example/i);
    expect(markdown).not.toMatch(/www\.evil\.example/i);
    expect(markdown).not.toMatch(/^\s*\[[^\]]*\]:\s*\S/m);
  });

  it('annotations carry the text without starting commands of their own', () => {
    const commands = workflowCommands(run.stdout);
    expect(commands.filter((c) => c.command === 'error').length).toBeGreaterThan(0);
    // The id with line breaks is annotated as one message on one line (the scrubber), not as a command of its own.
    expect(commands.filter((c) => c.message.includes('INJECTED')).map((c) => c.message)).toEqual([
      'user auth0|x ::error::INJECTED @octocat (field email): The user has no email address; WorkOS requires one.',
    ]);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::INJECTED'))).toEqual([]);
  });

  it('leaks no key, token, email or hash', async () => {
    const everything = [
      ...producedByStep('plan run', run),
      ...producedByStep('run stopped by the config', configRun),
      ...runnerDirs.flatMap((dir, i) => producedInDirectory(`runner ${i + 1}`, dir)),
      ...(await producedOnGitHub(fake, [PR])),
    ];
    const secrets = [
      { what: 'the WorkOS API key', value: KEY },
      { what: 'the GitHub token', value: TOKEN },
      { what: 'the password hash', value: BCRYPT },
      ...['users.ndjson', 'passwords.ndjson'].flatMap((file) => emailsIn(join(workspace, file))),
    ];
    expect(findLeaks(everything, secrets)).toEqual([]);
  });
});
