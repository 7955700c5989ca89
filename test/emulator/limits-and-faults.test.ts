import { GenericServerException, RateLimitExceededException, type WorkOS } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

const started: Emulator[] = [];
async function standIn(options: EmulatorOptions = {}): Promise<{ emulator: Emulator; workos: WorkOS }> {
  const emulator = await startEmulator(options);
  started.push(emulator);
  return { emulator, workos: sdkFor(emulator, { timeout: 2_000 }) };
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const emails = (emulator: Emulator) => emulator.snapshot().users.map((u) => u.email);

describe('the write limit', () => {
  it('answers 429 with Retry-After past the limit, which the SDK surfaces as retryAfter, then lets writes through again', async () => {
    const { emulator, workos } = await standIn({ writeLimit: { requests: 3, windowMs: 2_000 } });
    for (let i = 0; i < 3; i++) await workos.userManagement.createUser({ email: `u${i}@example.com` });
    const error = await rejectionOf(workos.userManagement.createUser({ email: 'late@example.com' }));
    expect(error).toBeInstanceOf(RateLimitExceededException);
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(error.retryAfter).toBeLessThanOrEqual(2);
    // Reads are not limited by default.
    await workos.userManagement.listUsers();

    await sleep(2_050);
    await workos.userManagement.createUser({ email: 'late@example.com' });
    expect(emails(emulator)).toHaveLength(4);
    expect(emulator.stats()).toMatchObject({
      writes: 5,
      committed: 4,
      rateLimited: 1,
      byStatus: { '201': 4, '429': 1, '200': 1 },
    });
  });

  it('says how many whole seconds remain in a longer window', async () => {
    const { workos } = await standIn({ writeLimit: { requests: 1, windowMs: 5_000 } });
    await workos.userManagement.createUser({ email: 'a@example.com' });
    expect(await rejectionOf(workos.userManagement.createUser({ email: 'b@example.com' }))).toMatchObject({
      retryAfter: 5,
    });
  });

  it('limits reads when a read limit is set', async () => {
    const { workos } = await standIn({ readLimit: { requests: 2, windowMs: 60_000 } });
    await workos.userManagement.listUsers();
    await workos.userManagement.listUsers();
    expect(await rejectionOf(workos.userManagement.listUsers())).toBeInstanceOf(RateLimitExceededException);
  });
});

describe('fault injection', () => {
  it('answers every request 429 during a storm, then recovers', async () => {
    const { emulator, workos } = await standIn();
    emulator.setFaults({ rateLimitStorm: { durationMs: 1_000, retryAfterSeconds: 7 } });
    const error = await rejectionOf(workos.userManagement.createUser({ email: 'a@example.com' }));
    expect(error).toBeInstanceOf(RateLimitExceededException);
    expect(error.retryAfter).toBe(7);
    expect(await rejectionOf(workos.userManagement.listUsers())).toBeInstanceOf(RateLimitExceededException);
    await sleep(1_050);
    await workos.userManagement.createUser({ email: 'a@example.com' });
    expect(emails(emulator)).toEqual(['a@example.com']);
    expect(emulator.stats().faults.rateLimitStorm).toBe(2);
  });

  it('answers 5xx before writing anything, the same way for the same seed', async () => {
    const statuses = async () => {
      const { emulator, workos } = await standIn({ seed: 42 });
      emulator.setFaults({ serverErrorRate: 1 });
      const seen: unknown[] = [];
      for (let i = 0; i < 12; i++) {
        const error = await rejectionOf(workos.userManagement.createUser({ email: `u${i}@example.com` }));
        // A 502 is the proxy's HTML page: the SDK throws a plain Error caused by a ParseError.
        const cause = error.cause as { name?: string; rawStatus?: number } | undefined;
        seen.push(cause?.name === 'ParseError' ? `ParseError ${cause.rawStatus}` : `${error.name} ${error.status}`);
      }
      expect(emails(emulator)).toEqual([]);
      expect(emulator.stats().faults.serverError).toBe(12);
      return seen;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(
      new Set(['GenericServerException 500', 'ParseError 502', 'GenericServerException 503']),
    );
    expect(await statuses()).toEqual(first);
  });

  it('carries out a write and then loses the answer: the client sees an error, WorkOS holds the user', async () => {
    const { emulator, workos } = await standIn({ seed: 3 });
    emulator.setFaults({ afterCommitFailureRate: 1 });
    const failures = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const error = await rejectionOf(workos.userManagement.createUser({ email: `u${i}@example.com` }));
      failures.add(error instanceof GenericServerException ? `status ${error.status}` : 'connection reset');
    }
    expect(failures).toEqual(new Set(['status 500', 'connection reset']));
    expect(emails(emulator)).toHaveLength(8);
    expect(emulator.stats()).toMatchObject({ committed: 8, faults: { afterCommitFailure: 8 } });
  });

  it('refuses a write with an error body and request id that quote the Authorization header', async () => {
    const { emulator, workos } = await standIn();
    emulator.setFaults({ echoHeadersRate: 1 });
    const error = (await rejectionOf(workos.userManagement.createUser({ email: 'echo@example.com' }))) as Error & {
      status?: number;
      requestID?: string;
    };
    expect(error.status).toBe(400);
    expect(error.message).toContain('request authorized as Bearer sk_test_emulator');
    expect(error.requestID).toMatch(/^req_[0-9a-z]+-Bearer-sk_test_emulator$/);
    expect(emails(emulator)).toEqual([]);
    expect(emulator.stats()).toMatchObject({ faults: { echoHeaders: 1 } });
  });

  it('never answers a timed-out request, with or without carrying it out first', async () => {
    const { emulator } = await standIn();
    const impatient = sdkFor(emulator, { timeout: 300 });
    emulator.setFaults({ timeoutRate: 1, commitBeforeTimeout: true });
    const committed = await rejectionOf(impatient.userManagement.createUser({ email: 'kept@example.com' }));
    expect(committed).toMatchObject({ status: 408 });
    emulator.setFaults({ timeoutRate: 1 });
    await rejectionOf(impatient.userManagement.createUser({ email: 'lost@example.com' }));
    expect(emails(emulator)).toEqual(['kept@example.com']);
    expect(emulator.stats().faults.timeout).toBe(2);
  });

  it('cuts held requests when it closes', async () => {
    const { emulator } = await standIn();
    emulator.setFaults({ timeoutRate: 1 });
    const pending = rejectionOf(sdkFor(emulator, { timeout: 30_000 }).userManagement.listUsers());
    await sleep(100);
    const started = Date.now();
    await emulator.close();
    const error = await pending;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toMatch(/fetch failed|socket|other side closed/i);
  });

  it('drops the connection before writing', async () => {
    const { emulator, workos } = await standIn();
    emulator.setFaults({ dropRate: 1 });
    const error = await rejectionOf(workos.userManagement.createUser({ email: 'a@example.com' }));
    expect(error.status).toBeUndefined();
    expect(emails(emulator)).toEqual([]);
    expect(emulator.stats().faults.drop).toBe(1);
  });

  it('adds latency to every answer', async () => {
    const { emulator, workos } = await standIn();
    emulator.setFaults({ latencyMs: 200 });
    const started = Date.now();
    await workos.userManagement.listUsers();
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('limits faults to matching routes, by path prefix or regular expression and by method', async () => {
    const { emulator, workos } = await standIn();
    const org = await workos.organizations.createOrganization({ name: 'Acme' });
    emulator.setFaults({
      rules: [
        { match: { method: 'POST', path: '/user_management/users' }, serverErrorRate: 1 },
        { match: { method: 'get', path: '^/organizations/[^/]+$' }, dropRate: 1 },
      ],
    });
    await rejectionOf(workos.userManagement.createUser({ email: 'a@example.com' }));
    expect(emails(emulator)).toEqual([]);
    await workos.userManagement.listUsers();
    await workos.organizations.createOrganization({ name: 'Globex' });
    await workos.organizations.listOrganizations();
    expect((await rejectionOf(workos.organizations.getOrganization(org.id))).status).toBeUndefined();
  });

  it('refuses a fault config it cannot follow', async () => {
    const { emulator } = await standIn();
    expect(() => emulator.setFaults({ serverErrorRate: 2 })).toThrow(/serverErrorRate/);
  });

  it('forgets faults, state and stats on reset', async () => {
    const { emulator, workos } = await standIn();
    await workos.userManagement.createUser({ email: 'a@example.com' });
    emulator.setFaults({ serverErrorRate: 1 });
    emulator.reset();
    await workos.userManagement.createUser({ email: 'a@example.com' });
    expect(emails(emulator)).toEqual(['a@example.com']);
    expect(emulator.stats()).toMatchObject({ requests: 1, faults: { serverError: 0 } });
  });
});
