import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuth0StandIn, type Auth0StandIn } from '../../src/emulator/auth0/server.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { downloadArtifact, newJob, runStep, workflowCommands } from '../e2e/run-action.js';
import {
  auth0ExampleOrganizations,
  auth0ExampleUsers,
  cliInProcess,
  EXAMPLES,
  tempDir,
  workosState,
} from './export-support.js';

// The example workflow's shape, run with the built action against a fake GitHub: a job with
// `mode: export` fetches the Auth0 tenant into an encrypted artifact; a later job of the same
// run imports `artifact:NAME/…` with the passphrase. WorkOS ends as importing Auth0's own files.

const SECRET = 'auth0-client-secret-E2E-7c6b5a';
const PASSPHRASE = 'correct horse battery staple e2e';
const TOKEN = 'ghs_E2E_EXPORT_TOKEN_1a2b3c';
let fake: FakeGitHub;
let auth0: Auth0StandIn;
const emulators: Emulator[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub({ token: TOKEN });
  auth0 = await startAuth0StandIn({
    users: auth0ExampleUsers(),
    organizations: auth0ExampleOrganizations(),
    clientId: 'e2e-client',
    clientSecret: SECRET,
  });
});
afterAll(async () => {
  await fake?.close();
  await auth0?.close();
  for (const e of emulators) await e.close();
});

async function freshWorkos(): Promise<Emulator> {
  const workos = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
  emulators.push(workos);
  return workos;
}

describe('mode: export, then import from the artifact in a later job', () => {
  it('masks the secrets first, uploads the encrypted export, and the import job reads it into WorkOS', async () => {
    fake.newRun({ workflowId: 7001 });
    const exportJob = newJob(fake);
    exportJob.env.AUTH0_API_URL = auth0.url;
    exportJob.env.AUTH0_CLIENT_ID = 'e2e-client';
    exportJob.env.AUTH0_CLIENT_SECRET = SECRET;
    const exported = await runStep(exportJob, 'main', {
      inputs: { mode: 'export', source: 'auth0', passphrase: PASSPHRASE, users: '' },
    });
    expect(exported.code, exported.stdout + exported.stderr).toBe(0);

    const masks = workflowCommands(exported.stdout)
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.message);
    expect(masks.slice(0, 2)).toEqual([SECRET, PASSPHRASE]);
    // The access token Auth0 issued is masked too.
    expect(masks.some((m) => m.startsWith('eyJ'))).toBe(true);
    expect(exported.outputs['export-artifact']).toBe('migrate-to-workos-export');
    expect(JSON.parse(exported.outputs.users!)).toEqual({ total: 30 });
    expect(exported.summary).toContain('artifact:migrate-to-workos-export/users.ndjson.gz.gpg');

    const artifact = fake.artifacts().find((a) => a.name === 'migrate-to-workos-export')!;
    expect(artifact.files.sort()).toEqual(['organizations.json.gpg', 'users.ndjson.gz.gpg']);
    const files = await downloadArtifact(fake, artifact.id);
    for (const content of files.values()) {
      expect(content.includes(Buffer.from('@example.com'))).toBe(false);
      expect(content.includes(Buffer.from('acme-corp'))).toBe(false);
    }
    // `::add-mask::` lines are how the runner learns the secrets; it never shows them.
    const shown = exported.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    const logged = shown.join('\n') + exported.stderr + exported.summary;
    expect(logged).not.toMatch(/@example|auth0\||org_Qm8/);
    expect(logged).not.toContain(SECRET);

    const workos = await freshWorkos();
    const importJob = newJob(fake);
    const imported = await runStep(importJob, 'main', {
      inputs: {
        mode: 'import',
        source: 'auth0',
        users: 'artifact:migrate-to-workos-export/users.ndjson.gz.gpg',
        organizations: 'artifact:migrate-to-workos-export/organizations.json.gpg',
        passwords: 'examples/auth0/passwords.ndjson',
        passphrase: PASSPHRASE,
        'workos-api-key': 'sk_test_e2e_export',
        'workos-api-url': workos.url,
        'fail-on': 'never',
        state: 'none',
      },
    });
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);

    const direct = await freshWorkos();
    const run = await cliInProcess(
      [
        'import',
        '--source',
        'auth0',
        '--users',
        join(EXAMPLES, 'auth0', 'users.ndjson'),
        '--passwords',
        join(EXAMPLES, 'auth0', 'passwords.ndjson'),
        '--organizations',
        join(EXAMPLES, 'auth0', 'organizations.json'),
        '--state',
        tempDir('state'),
        '--out',
        tempDir('out'),
        '--api-url',
        direct.url,
        '--fail-on',
        'never',
      ],
      { WORKOS_API_KEY: 'sk_test_direct' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(workosState(workos)).toEqual(workosState(direct));
  }, 180_000);

  it('fails the step with what to check when the credentials are refused, before writing an artifact', async () => {
    fake.newRun({ workflowId: 7002 });
    const job = newJob(fake);
    job.env.AUTH0_API_URL = auth0.url;
    job.env.AUTH0_CLIENT_ID = 'e2e-client';
    job.env.AUTH0_CLIENT_SECRET = 'not-the-secret';
    const before = fake.artifacts().length;
    const run = await runStep(job, 'main', { inputs: { mode: 'export', source: 'auth0', users: '' } });
    expect(run.code).toBe(1);
    const errors = workflowCommands(run.stdout).filter((c) => c.command === 'error');
    expect(errors[0]?.message).toMatch(/Auth0 refused the client credentials \(HTTP 401\)/);
    expect(fake.artifacts().length).toBe(before);
  }, 120_000);
});
