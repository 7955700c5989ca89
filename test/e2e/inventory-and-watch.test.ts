import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuth0StandIn, type Auth0StandIn } from '../../src/emulator/auth0/server.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { newJob, runStep, workflowCommands, type Job } from './run-action.js';

// The built action around the cutover: `mode: inventory` before (the tenant's dependencies as the
// job summary, counts as an output, no secret in the log), and `mode: watch` on a schedule after
// (the step fails on an alert and names the organization in its outputs for an alerting step).

const KEY = 'sk_test_E2E_WATCH_7a6b5c';
const TOKEN = 'ghs_E2E_WATCH_TOKEN_1f2e3d';
const CLIENT = { id: 'e2e-inventory', secret: 'E2E_AUTH0_CLIENT_SECRET_4d4d' };
const RULE_CODE_SECRET = 'E2E_RULE_SCRIPT_SECRET_8c8c';

let fake: FakeGitHub;
let emulator: Emulator;
let auth0: Auth0StandIn;
const jobs: Job[] = [];

beforeAll(async () => {
  fake = await startFakeGitHub({ token: TOKEN, readOnlyToken: 'ghs_E2E_WATCH_READONLY_0z' });
  emulator = await startEmulator();
  auth0 = await startAuth0StandIn({
    users: [],
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    configuration: {
      connections: [{ id: 'c1', name: 'Username-Password-Authentication', strategy: 'auth0', enabled_clients: ['a'] }],
      rules: [{ id: 'r1', name: 'add-claims', enabled: true, script: `// ${RULE_CODE_SECRET}` }],
      guardianFactors: [{ name: 'sms', enabled: true }],
    },
  });
  const workos = new WorkOS(KEY, { apiHostname: '127.0.0.1', port: emulator.port, https: false, maxRetries: 0 });
  const organization = await workos.organizations.createOrganization({ name: 'Umbrella' });
  for (const email of ['ada@umbrella.test', 'max@umbrella.test']) {
    const user = emulator.seedUser({ email, password: 'right', external_id: `auth0|${email}` });
    await workos.userManagement.createOrganizationMembership({ userId: user.id, organizationId: organization.id });
  }
  const signIn = (email: string, password: string) =>
    workos.userManagement.authenticateWithPassword({ clientId: 'client_e2e', email, password }).catch(() => undefined);
  await signIn('ada@umbrella.test', 'right');
  for (let i = 0; i < 3; i++) await signIn('max@umbrella.test', 'wrong');
});
afterAll(async () => {
  await fake?.close();
  await emulator?.close();
  await auth0?.close();
  for (const job of jobs) rmSync(dirname(job.runnerTemp), { recursive: true, force: true });
});

function job(): Job {
  fake.newRun({ workflowId: 4201 });
  const created = newJob(fake);
  jobs.push(created);
  return created;
}

describe('mode: watch', () => {
  it('fails the step on an alert, with the organization in its outputs and watch.md as the summary', async () => {
    const run = await runStep(job(), 'main', {
      inputs: { mode: 'watch', 'workos-api-key': KEY, 'workos-api-url': emulator.url, 'min-attempts': '2' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.alert).toBe('true');
    expect(JSON.parse(run.outputs['alerting-organizations']!)).toEqual(['Umbrella']);
    // watch.json and watch.md go up as the report artifact, for the run page and a following job.
    expect(run.outputs['report-artifact']).toMatch(/^migrate-to-workos-report-/);
    expect(run.outputs['summary-path']).toMatch(/watch\.json$/);
    expect(run.summary).toMatch(/^## Sign-in health/);
    expect(run.summary).toContain('| Umbrella | 4 | 1 | 3 | 75 |');
    const errors = workflowCommands(run.stdout).filter((c) => c.command === 'error');
    expect(errors.map((c) => c.message)).toEqual([expect.stringContaining('Umbrella 75 %')]);
    // The key appears once, in the add-mask command that hides it from the log.
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(printed + run.summary).not.toContain('umbrella.test');
    expect(printed + run.summary).not.toContain(KEY);
  });

  it('passes with a threshold above the failure share', async () => {
    const run = await runStep(job(), 'main', {
      inputs: {
        mode: 'watch',
        'workos-api-key': KEY,
        'workos-api-url': emulator.url,
        'min-attempts': '2',
        'fail-above': '80',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.alert).toBe('false');
    expect(run.outputs['alerting-organizations']).toBe('[]');
  });
});

describe('mode: inventory', () => {
  it('writes the inventory as the job summary and its counts as an output, with no secret in the log', async () => {
    const inventoryJob = job();
    Object.assign(inventoryJob.env, {
      AUTH0_API_URL: auth0.url,
      AUTH0_CLIENT_ID: CLIENT.id,
      AUTH0_CLIENT_SECRET: CLIENT.secret,
    });
    const run = await runStep(inventoryJob, 'main', { inputs: { mode: 'inventory', source: 'auth0' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.inventory!)).toEqual({ portable: 1, replaceable: 0, redesign: 2, unused: 0 });
    expect(run.summary).toMatch(/^## Inventory of the auth0 tenant/);
    expect(run.summary).toContain('add-claims');
    const masked = workflowCommands(run.stdout)
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.message);
    expect(masked).toContain(CLIENT.secret);
    expect(run.summary + run.stdout).not.toContain(RULE_CODE_SECRET);
  });
});
