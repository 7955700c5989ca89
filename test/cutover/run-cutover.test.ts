import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CutoverDecision } from '../../src/cutover/evidence.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { recordExitCode } from '../../src/modes/exit-code.js';
import { runCutoverMode } from '../../src/modes/cutover.js';
import { runImport } from '../../src/modes/import.js';
import { parseLoginProbes } from '../../src/reconcile/login-probes.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { createWorkOS } from '../../src/workos/client.js';
import { tempDirForFile } from '../support/temp-dir.js';

// The cutover over the bundled Auth0 example (one SAML user, a member of Initech) against the
// stand-in, run as the `cutover` mode runs it: the live diff, the checkpoint, the probes.

const KEY = 'sk_test_cutover';
const files = {
  users: 'examples/auth0/users.ndjson',
  passwords: 'examples/auth0/passwords.ndjson',
  organizations: 'examples/auth0/organizations.json',
};
const INITECH = 'org_So0vZxN4cD6eF8gH';

let emulator: Emulator;
let workos: WorkOS;
let state: string;

beforeAll(async () => {
  emulator = await startEmulator();
  workos = createWorkOS({ apiKey: KEY, apiUrl: emulator.url });
});
afterAll(async () => emulator?.close());
beforeEach(async () => {
  emulator.reset();
  state = tempDirForFile('cutover-state-');
  await runImport({
    source: 'auth0',
    files,
    stateDir: state,
    target: { apiKey: KEY, apiUrl: emulator.url },
    rateLimit: 500,
    readRateLimit: 500,
  });
});

interface CutoverRun {
  decision: CutoverDecision;
  exitCode: number;
  markdown: string;
  secrets: string[];
  out: string;
}

async function cutover(
  options: { portalLinks?: boolean; probes?: string; secrets?: string[] } = {},
): Promise<CutoverRun> {
  const out = tempDirForFile('cutover-out-');
  const result = await runCutoverMode({
    source: 'auth0',
    files,
    stateDir: state,
    outDir: out,
    target: { apiKey: KEY, apiUrl: emulator.url },
    readRateLimit: 500,
    portalLinks: options.portalLinks ?? false,
    onSecret: (secret) => options.secrets?.push(secret),
    ...(options.probes
      ? {
          loginProbes: {
            clientId: 'client_cutover',
            probes: parseLoginProbes(options.probes, 'probes.txt'),
            label: 'probes.txt',
          },
        }
      : {}),
  });
  const decision = JSON.parse(readFileSync(join(out, 'cutover.json'), 'utf8')) as CutoverDecision;
  return {
    decision,
    exitCode: recordExitCode(result.summary),
    markdown: result.markdown,
    secrets: result.secrets ?? [],
    out,
  };
}

const read = (out: string, name: string) => readFileSync(join(out, name), 'utf8');
const failing = (r: CutoverRun) => r.decision.checks.filter((c) => !c.ok).map((c) => c.name);

describe('cutover over the Auth0 example', () => {
  it('is no-go while Initech, with a SAML member, lacks a connection; sso-setup.csv names it and only it; nothing is written', async () => {
    const before = emulator.snapshot();
    const { writes, committed } = emulator.stats();
    const result = await cutover();
    expect(failing(result)).toEqual(['enterprise-sso']);
    expect(result.exitCode).toBe(1);
    const initech = before.organizations.find((o) => o.external_id === INITECH)!;
    expect(read(result.out, 'sso-setup.csv')).toBe(
      'organization_external_id,workos_organization_id,connection_types,users,domains\n' +
        `${INITECH},${initech.id},samlp,1,\n`,
    );
    expect(JSON.parse(read(result.out, 'cutover.json'))).toEqual({ go: false, checks: result.decision.checks });
    expect(read(result.out, 'cutover.md')).toBe(result.markdown);
    expect(result.markdown).toContain(`| ${escapeMarkdown(INITECH)} | 1 | samlp |`);
    expect(read(result.out, 'reenroll.csv').split('\n')[0]).toBe('factor,source_id');
    expect(read(result.out, 'password-reset.csv')).not.toContain('@');
    expect(emulator.snapshot()).toEqual(before);
    expect(emulator.stats()).toMatchObject({ writes, committed });
  });

  it('is go once Initech has an active connection (a draft one is not enough)', async () => {
    const initech = emulator.snapshot().organizations.find((o) => o.external_id === INITECH)!;
    emulator.seedConnection({ organization_id: initech.id, connection_type: 'OktaSAML', state: 'draft' });
    expect(failing(await cutover())).toEqual(['enterprise-sso']);
    emulator.seedConnection({ organization_id: initech.id, connection_type: 'OktaSAML' });
    const result = await cutover();
    expect(result.decision.go).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(read(result.out, 'sso-setup.csv')).toBe(
      'organization_external_id,workos_organization_id,connection_types,users,domains\n',
    );
    expect(result.decision.checks.find((c) => c.name === 'rollback-ready')!.detail).toMatch(
      /^The journal covers all \d+ records/,
    );
  });

  it('is no-go after a user goes missing in WorkOS', async () => {
    const initech = emulator.snapshot().organizations.find((o) => o.external_id === INITECH)!;
    emulator.seedConnection({ organization_id: initech.id, connection_type: 'OktaSAML' });
    const victim = emulator.snapshot().users.find((u) => u.external_id === 'auth0|665f1c0e8a4b2d0019e3a101')!;
    await workos.userManagement.deleteUser(victim.id);
    const result = await cutover();
    expect(failing(result)).toContain('reconciled');
    expect(result.decision.checks.find((c) => c.name === 'reconciled')!.detail).toMatch(
      /^users: 26 of 27 found, 1 missing/,
    );
  });

  it('is no-go with a failed login probe', async () => {
    const initech = emulator.snapshot().organizations.find((o) => o.external_id === INITECH)!;
    emulator.seedConnection({ organization_id: initech.id, connection_type: 'OktaSAML' });
    expect((await cutover({ probes: 'ava.thornton@example.com Password-1!\n' })).decision.go).toBe(true);
    const result = await cutover({ probes: 'ava.thornton@example.com Password-1!\nben.okafor@example.com not-it\n' });
    expect(failing(result)).toEqual(['logins']);
  });

  it('with portal links: the link is in sso-setup.csv only, and handed to onSecret first', async () => {
    const secrets: string[] = [];
    const { writes, committed } = emulator.stats();
    const result = await cutover({ portalLinks: true, secrets });
    expect(secrets).toHaveLength(1);
    expect(result.secrets).toEqual(secrets);
    expect(read(result.out, 'sso-setup.csv')).toContain(`,${secrets[0]}\n`);
    for (const name of ['cutover.md', 'cutover.json', 'reenroll.csv', 'password-reset.csv'])
      expect(read(result.out, name)).not.toContain('token=');
    expect(emulator.stats()).toMatchObject({ writes, committed });
  });
});
