import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { runCliProcess, type CliRun } from '../support/cli.js';
import {
  auth0SourceIdsWithEmails,
  emailsIn,
  findLeaks,
  findUnmaskedEmails,
  producedByStep,
  producedInDirectory,
  producedOnGitHub,
  type Produced,
} from './leak-scan.js';
import { newJob, runStep, workflowCommands, type StepRun } from './run-action.js';

// WorkOS (here the stand-in with its echoHeaders fault) answers every create with an error body
// and a request id that quote the request's Authorization header, and the export's SAML users
// carry their email in their source id. The shipped CLI and the shipped action import it; nothing
// they print, write, upload or comment may hold the key, another secret given, or an email.

const KEY = 'sk_test_E2E_ECHOED_KEY_5d4c3b2a';
const TOKEN = 'ghs_E2E_ECHOED_TOKEN_77e1';
const PASSPHRASE = 'echoed-passphrase-never-shown';
const AUTH0_SECRET = 'echoed-auth0-client-secret-never-shown';
const PR = 57;

const USERS = [
  { user_id: 'samlp|acme|ann.saml@corp.example', email: 'ann.saml@corp.example', email_verified: true },
  { user_id: 'samlp|acme|bob.saml@corp.example', email: 'bob.saml@corp.example', email_verified: true },
  { user_id: 'auth0|plain-carol', email: 'carol.plain@corp.example', email_verified: true },
  // No email: the problem names the user by its source id, which holds one.
  { user_id: 'samlp|acme|dora.saml@corp.example' },
  // Secrets given to the run, turning up in the export: masked because they were registered at start.
  { user_id: `auth0|${AUTH0_SECRET}` },
  {
    user_id: 'auth0|social-erin',
    email: 'erin.social@corp.example',
    email_verified: true,
    identities: [{ provider: PASSPHRASE, isSocial: true, user_id: 'erin' }],
  },
];
const ORGANIZATIONS = {
  organizations: [
    {
      id: 'org_acme',
      name: 'acme',
      display_name: 'Acme',
      // A member the export does not hold: its problem quotes the id.
      members: [{ user_id: 'samlp|acme|ann.saml@corp.example' }, { user_id: 'samlp|acme|ghost.saml@corp.example' }],
    },
  ],
};

let emulator: Emulator;
let fake: FakeGitHub;
let workspace: string;
const runnerDirs: string[] = [];
let cli: CliRun;
let importRun: StepRun;
let planRun: StepRun;

function echoEveryWrite(): void {
  emulator.setFaults({ rules: [{ match: { method: 'POST' }, echoHeadersRate: 1 }] });
}

beforeAll(async () => {
  emulator = await startEmulator();
  fake = await startFakeGitHub({ token: TOKEN });
  workspace = mkdtempSync(join(tmpdir(), 'e2e-echoed-'));
  writeFileSync(join(workspace, 'users.ndjson'), USERS.map((u) => JSON.stringify(u)).join('\n') + '\n');
  writeFileSync(join(workspace, 'organizations.json'), JSON.stringify(ORGANIZATIONS));

  echoEveryWrite();
  cli = await runCliProcess(
    [
      'import',
      '--source',
      'auth0',
      '--users',
      join(workspace, 'users.ndjson'),
      '--organizations',
      join(workspace, 'organizations.json'),
      '--out',
      join(workspace, 'cli-report'),
      '--state',
      join(workspace, 'cli-state'),
    ],
    {
      WORKOS_API_KEY: KEY,
      WORKOS_API_URL: emulator.url,
      AUTH0_CLIENT_SECRET: AUTH0_SECRET,
      MIGRATE_TO_WORKOS_PASSPHRASE: PASSPHRASE,
    },
  );

  emulator.reset();
  echoEveryWrite();
  fake.newRun();
  const importJob = newJob(fake, { workspace });
  importJob.env.AUTH0_CLIENT_SECRET = AUTH0_SECRET;
  runnerDirs.push(dirname(importJob.runnerTemp));
  const inputs = {
    source: 'auth0',
    users: 'users.ndjson',
    organizations: 'organizations.json',
    'workos-api-key': KEY,
    'workos-api-url': emulator.url,
    passphrase: PASSPHRASE,
  };
  importRun = await runStep(importJob, 'main', { inputs: { ...inputs, mode: 'import' } });

  fake.newRun();
  const planJob = newJob(fake, {
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
  planJob.env.AUTH0_CLIENT_SECRET = AUTH0_SECRET;
  runnerDirs.push(dirname(planJob.runnerTemp));
  planRun = await runStep(planJob, 'main', { inputs: { ...inputs, mode: 'plan', comment: 'always' } });
}, 120_000);

afterAll(async () => {
  await fake?.close();
  await emulator?.close();
  for (const dir of [workspace, ...runnerDirs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function everythingProduced(): Promise<Produced[]> {
  return (async () => [
    { where: 'CLI stdout', text: cli.stdout },
    { where: 'CLI stderr', text: cli.stderr },
    ...producedInDirectory('CLI', workspace),
    ...producedByStep('import step', importRun),
    ...producedByStep('plan step', planRun),
    ...runnerDirs.flatMap((dir, i) => producedInDirectory(`runner ${i + 1}`, dir)),
    ...(await producedOnGitHub(fake, [PR])),
  ])();
}

describe('an import whose WorkOS errors echo the API key, over SAML users with emails in their ids', () => {
  it('really met the echoing errors and the SAML ids (or the scan below would prove nothing)', () => {
    expect(cli.code, cli.stderr).toBe(1);
    const errors = readFileSync(join(workspace, 'cli-report', 'errors.jsonl'), 'utf8');
    expect(errors).toMatch(/request authorized as Bearer \[secret\]\)"/);
    expect(errors).toMatch(/"request_id":"req_[0-9a-z]+-Bearer-\[secret\]"/);
    expect(errors).toMatch(/sha256:/);
    expect(importRun.code, importRun.stdout).toBe(1);
    // Escaped as markdown, masked once.
    expect(importRun.summary).toMatch(
      /authorized as Bearer \\\[secret\\\]\) \(request req\\_[0-9a-z]+-Bearer-\\\[secret\\\]\)/,
    );
    const annotations = workflowCommands(importRun.stdout).filter((c) => c.command === 'error');
    expect(annotations.some((c) => c.message.includes('Bearer [secret]'))).toBe(true);
    expect(fake.comments(PR).length).toBe(1);
    // The registered secrets were in the data and came out masked.
    expect(cli.stdout).toContain('social sign-in: 1 [secret]');
    expect(errors).toContain('"source_id":"auth0|[secret]"');
    expect(planRun.summary).toMatch(/Social sign-in\*\*: 1 \\\[secret\\\]/);
  });

  it('leaks neither the key nor any other secret given, nor an email, anywhere', async () => {
    const everything = await everythingProduced();
    const secrets = [
      { what: 'the WorkOS API key', value: KEY },
      { what: 'the GitHub token', value: TOKEN },
      { what: 'the passphrase', value: PASSPHRASE },
      { what: 'the Auth0 client secret', value: AUTH0_SECRET },
      ...emailsIn(join(workspace, 'users.ndjson')),
      ...emailsIn(join(workspace, 'organizations.json')),
    ];
    // The inputs themselves are not output: leave them out of the scan.
    const outputs = everything.filter((p) => !/(users\.ndjson|organizations\.json|event\.json)$/.test(p.where));
    const sourceIds = auth0SourceIdsWithEmails(join(workspace, 'users.ndjson'));
    expect(sourceIds).toHaveLength(3);
    const options = { sourceIds: { ids: sourceIds, allowedIn: /(id-map\.csv|journal\.ndjson)$/ } };
    expect(findLeaks(outputs, secrets, options)).toEqual([]);
    expect(findUnmaskedEmails(outputs, options)).toEqual([]);
  });
});
