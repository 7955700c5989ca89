import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github.js';
import { newJob, runStep, workflowCommands } from './run-action.js';

// The built action (dist/) in the last two situations a migration team meets: the go/no-go
// before switching sign-in (mode: cutover, its checks as the job summary), and a WorkOS that
// cannot be reached (the step ends in seconds with one sentence, and the report is still there).

const KEY = 'sk_test_E2E_CUTOVER_5e4d3c';
const TOKEN = 'ghs_E2E_CUTOVER_TOKEN_2b1a0f';
const AUTH0 = {
  users: 'examples/auth0/users.ndjson',
  passwords: 'examples/auth0/passwords.ndjson',
  organizations: 'examples/auth0/organizations.json',
};
const INITECH = 'org_So0vZxN4cD6eF8gH';

let fake: FakeGitHub;
let emulator: Emulator;

beforeAll(async () => {
  fake = await startFakeGitHub({ token: TOKEN, readOnlyToken: 'ghs_E2E_CUTOVER_READONLY_9z' });
  emulator = await startEmulator({ writeLimit: { requests: 100_000, windowMs: 10_000 } });
});
afterAll(async () => {
  await fake?.close();
  await emulator?.close();
});

function job() {
  fake.newRun({ workflowId: 4101 });
  return newJob(fake);
}

const base = { ...AUTH0, 'workos-api-key': KEY, 'state-name': 'e2e-cutover' };

describe('mode: cutover', () => {
  it('renders cutover.md as the job summary: no-go while Initech has no SSO connection, go once it has one', async () => {
    const imported = await runStep(job(), 'main', {
      inputs: { ...base, mode: 'import', 'workos-api-url': emulator.url },
    });
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const writes = emulator.stats().writes;

    const noGo = await runStep(job(), 'main', {
      inputs: { ...base, mode: 'cutover', 'workos-api-url': emulator.url, 'portal-links': 'true' },
    });
    expect(noGo.code).toBe(1);
    expect(noGo.summary).toMatch(/^## /);
    expect(noGo.summary).toMatch(/No-go/i);
    expect(noGo.summary).toContain(INITECH.replace(/_/g, '\\_'));
    const errors = workflowCommands(noGo.stdout).filter((c) => c.command === 'error' && !c.properties.file);
    expect(errors.map((c) => c.message)).toEqual([expect.stringMatching(/^No-go: enterprise-sso\./)]);
    // The portal link is a secret: masked before it is printed, never in the summary.
    const masked = workflowCommands(noGo.stdout)
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.message);
    const link = masked.find((m) => m.startsWith('http'));
    expect(link, 'the portal link is registered as a secret').toBeTruthy();
    expect(noGo.summary).not.toContain(link!);
    expect(emulator.stats().writes).toBe(writes);

    const initech = emulator.snapshot().organizations.find((o) => o.external_id === INITECH)!;
    emulator.seedConnection({ organization_id: initech.id, connection_type: 'OktaSAML' });
    const go = await runStep(job(), 'main', { inputs: { ...base, mode: 'cutover', 'workos-api-url': emulator.url } });
    expect(go.code, go.stdout + go.stderr).toBe(0);
    expect(go.summary.split('\n')[0]).toBe('## Cutover: ✅ go');
    expect(go.summary).not.toMatch(/No-go/i);
    expect(emulator.stats().writes).toBe(writes);
  });
});

describe('a WorkOS that cannot be reached', () => {
  it('ends the import step in seconds with one sentence, and the report is still written', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const started = Date.now();
    const run = await runStep(job(), 'main', {
      inputs: {
        ...base,
        mode: 'import',
        'state-name': 'e2e-unreachable',
        'workos-api-url': `http://127.0.0.1:${port}`,
      },
    });
    expect((Date.now() - started) / 1000).toBeLessThan(20);
    expect(run.code).toBe(1);
    const errors = workflowCommands(run.stdout).filter((c) => c.command === 'error' && !c.properties.file);
    expect(errors.map((c) => c.message)).toEqual([
      expect.stringMatching(/^WorkOS at http:\/\/127\.0\.0\.1:\d+ cannot be reached: connection refused/),
    ]);
    expect(run.summary).toMatch(/\*\*Stopped:\*\* WorkOS at .+ cannot be reached/);
    expect(run.outputs.complete).toBe('false');
    expect(run.outputs['report-artifact']).toBeTruthy();
  });
});
