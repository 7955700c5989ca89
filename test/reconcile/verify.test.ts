import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { recordExitCode } from '../../src/modes/exit-code.js';
import { runImport, type ImportOptions } from '../../src/modes/import.js';
import { runVerify, type VerifyOptions } from '../../src/modes/verify.js';
import { parseLoginProbes } from '../../src/reconcile/login-probes.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => emulator?.close());

const files = {
  users: 'examples/auth0/users.ndjson',
  passwords: 'examples/auth0/passwords.ndjson',
  organizations: 'examples/auth0/organizations.json',
};
// One set of options for both modes: the import's write rate, verify's probes.
const options = (extra: Partial<VerifyOptions> = {}): ImportOptions & VerifyOptions => ({
  source: 'auth0',
  files,
  target: { apiKey: 'sk_test_verify', apiUrl: emulator.url },
  rateLimit: 500,
  readRateLimit: 500,
  ...extra,
});

describe('verify after an import', () => {
  it('finds everything, and test accounts sign in with their original passwords', async () => {
    emulator.reset();
    await runImport(options());
    // From examples/auth0/README.md; the third has the wrong password on purpose.
    const probes = parseLoginProbes(
      'ava.thornton@example.com Password-1!\nliam.obrien@example.com Password-12!\nben.okafor@example.com not-it\n',
      'probes.txt',
    );
    const result = await runVerify(options({ loginProbes: { clientId: 'client_test', probes, label: 'probes.txt' } }));
    expect(result.summary.workos?.users).toMatchObject({ expected: 27, found: 27, missing: 0, mismatched: 0 });
    expect(result.summary.workos?.memberships).toMatchObject({
      found: result.summary.workos?.memberships.expected,
      missing: 0,
    });
    expect(result.summary.logins).toEqual({ tried: 3, succeeded: 2, failed: 1 });
    const failed = result.problems.find((p) => p.code === 'login_failed');
    expect(failed).toMatchObject({ location: { file: 'probes.txt', line: 3 } });
    expect(failed!.message).toContain('b***@example.com');
    expect(failed!.message).not.toContain('ben.okafor');
    expect(recordExitCode(result.summary, 'invalid')).toBe(1);
  });

  it('reports a user deleted in WorkOS as missing and pending, and exits 1', async () => {
    emulator.reset();
    await runImport(options());
    const victim = emulator.snapshot().users.find((u) => u.external_id === 'auth0|665f1c0e8a4b2d0019e3a101')!;
    await fetch(`${emulator.url}/user_management/users/${victim.id}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer sk_test_verify' },
    });
    const result = await runVerify(options());
    expect(result.summary.workos?.users).toMatchObject({ found: 26, missing: 1 });
    expect(result.summary.users.pending).toBe(1);
    expect(result.problems.find((p) => p.code === 'missing_in_workos')).toMatchObject({
      sourceId: 'auth0|665f1c0e8a4b2d0019e3a101',
    });
    expect(recordExitCode(result.summary, 'invalid')).toBe(1);
    // An import brings it back; verify is then clean.
    await runImport(options());
    const clean = await runVerify(options());
    expect(clean.summary.complete).toBe(true);
  });
});
