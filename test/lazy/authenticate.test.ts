import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLazyMigration,
  LAZY_METADATA_KEY,
  LazyMigrationError,
  type LazyMigration,
} from '../../src/lazy/index.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { startLegacyFake, type LegacyFake, type LegacyProviderName } from '../fakes/legacy-providers.js';

// The lazy migration library against the WorkOS stand-in and a local fake of each old provider.

const PROVIDERS: LegacyProviderName[] = ['auth0', 'cognito', 'firebase', 'clerk', 'supabase'];
const OLD_PASSWORD = 'correct-horse-Battery-9';
const WRONG_PASSWORD = 'wrong-horse-Battery-0';
const CLIENT_ID = 'client_lazy_test';

function legacyId(provider: LegacyProviderName, n: number): string {
  switch (provider) {
    case 'auth0':
      return `auth0|legacy${n}`;
    case 'clerk':
      return `user_${String(n).padStart(27, 'A')}`;
    default:
      return `00000000-0000-4000-8000-00000000000${n}`;
  }
}

async function rejection(promise: Promise<unknown>): Promise<LazyMigrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LazyMigrationError);
  return error as LazyMigrationError;
}

const authenticateCalls = (emulator: Emulator) =>
  emulator.stats().byRoute['POST /user_management/authenticate']?.requests ?? 0;

describe.each(PROVIDERS)('lazy migration from %s', (provider) => {
  let emulator: Emulator;
  let legacy: LegacyFake;
  let lazy: LazyMigration;
  const pendingEmail = 'pending@example.com';
  const pendingId = legacyId(provider, 1);

  beforeAll(async () => {
    emulator = await startEmulator({ clientId: CLIENT_ID });
    legacy = await startLegacyFake(
      provider,
      [
        { id: pendingId, email: pendingEmail, password: OLD_PASSWORD },
        { id: legacyId(provider, 2), email: 'plain@example.com', password: OLD_PASSWORD },
        { id: legacyId(provider, 3), email: 'stranger@example.com', password: OLD_PASSWORD },
      ],
      { timeoutMs: 300 },
    );
    lazy = createLazyMigration({
      workos: { apiKey: 'sk_test_lazy', clientId: CLIENT_ID, apiUrl: emulator.url },
      legacy: legacy.config,
    });
  });

  afterAll(async () => {
    await legacy.close();
    await emulator.close();
  });

  beforeEach(() => {
    emulator.reset();
    legacy.setFault({});
    legacy.calls = 0;
    emulator.seedUser({
      email: pendingEmail,
      external_id: pendingId,
      metadata: { team: 'blue', [LAZY_METADATA_KEY]: 'pending' },
    });
  });

  const userByEmail = (email: string) => emulator.snapshot().users.find((u) => u.email === email)!;

  it('moves a pending user on the first sign-in; the second never asks the old provider', async () => {
    const first = await lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD, ipAddress: '203.0.113.9' });
    expect(first.migrated).toBe(true);
    expect(first.user.email).toBe(pendingEmail);
    expect(first.access_token).toEqual(expect.any(String));
    expect(legacy.calls).toBe(1);
    expect(authenticateCalls(emulator)).toBe(2);
    expect(userByEmail(pendingEmail).metadata).toEqual({ team: 'blue', [LAZY_METADATA_KEY]: 'moved' });
    expect(emulator.passwordOf(userByEmail(pendingEmail).id)).toEqual({ type: 'password' });

    const second = await lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD });
    expect(second.migrated).toBe(false);
    expect(legacy.calls).toBe(1);
    expect(authenticateCalls(emulator)).toBe(3);
  });

  it('a wrong password reaches the old provider once and changes nothing', async () => {
    const error = await rejection(lazy.authenticate({ email: pendingEmail, password: WRONG_PASSWORD }));
    expect(error.code).toBe('invalid_credentials');
    expect(legacy.calls).toBe(1);
    expect(userByEmail(pendingEmail).metadata[LAZY_METADATA_KEY]).toBe('pending');
    expect(emulator.passwordOf(userByEmail(pendingEmail).id)).toBeUndefined();
    expect(emulator.stats().byRoute['PUT /user_management/users/:id']).toBeUndefined();
  });

  it('users who are not pending, moved users and unknown emails never reach the old provider', async () => {
    emulator.seedUser({ email: 'plain@example.com', external_id: legacyId(provider, 2) });
    emulator.seedUser({
      email: 'moved@example.com',
      external_id: legacyId(provider, 4),
      password: 'their-new-Password-7',
      metadata: { [LAZY_METADATA_KEY]: 'moved' },
    });
    for (const email of ['plain@example.com', 'moved@example.com', 'nobody@example.com']) {
      const error = await rejection(lazy.authenticate({ email, password: OLD_PASSWORD }));
      expect(error.code).toBe('invalid_credentials');
    }
    expect(legacy.calls).toBe(0);
    expect(userByEmail('plain@example.com').metadata).toEqual({});
  });

  it('a look-alike account at the old provider cannot set the pending user’s password', async () => {
    // WorkOS's pending user came from another account than the one the old provider signs in by this email.
    emulator.reset();
    emulator.seedUser({
      email: 'stranger@example.com',
      external_id: legacyId(provider, 9),
      metadata: { [LAZY_METADATA_KEY]: 'pending' },
    });
    const error = await rejection(lazy.authenticate({ email: 'stranger@example.com', password: OLD_PASSWORD }));
    expect(error.code).toBe('invalid_credentials');
    expect(userByEmail('stranger@example.com').metadata[LAZY_METADATA_KEY]).toBe('pending');
    expect(emulator.passwordOf(userByEmail('stranger@example.com').id)).toBeUndefined();
  });

  it('a slow old provider never lets the user in nor marks them moved, and says it was the old provider', async () => {
    legacy.setFault({ delayMs: 1500 });
    const error = await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD }));
    expect(error).toMatchObject({ code: 'legacy_unavailable', side: 'legacy' });
    expect(error.message).toContain(provider);
    expect(userByEmail(pendingEmail).metadata[LAZY_METADATA_KEY]).toBe('pending');
    expect(emulator.passwordOf(userByEmail(pendingEmail).id)).toBeUndefined();
  });

  it('a failing or throttling old provider never lets the user in nor marks them moved', async () => {
    legacy.setFault({ status: 500 });
    expect(await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD }))).toMatchObject({
      code: 'legacy_unavailable',
      side: 'legacy',
      status: 500,
    });
    legacy.setFault({ status: 429 });
    expect(await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD }))).toMatchObject({
      code: 'rate_limited',
      side: 'legacy',
    });
    expect(userByEmail(pendingEmail).metadata[LAZY_METADATA_KEY]).toBe('pending');
    expect(emulator.passwordOf(userByEmail(pendingEmail).id)).toBeUndefined();
  });

  it('surfaces WorkOS’s 429 as rate_limited from WorkOS and never asks the old provider', async () => {
    emulator.setFaults({ rateLimitStorm: { durationMs: 60_000, retryAfterSeconds: 7 } });
    const error = await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD }));
    expect(error).toMatchObject({ code: 'rate_limited', side: 'workos', status: 429, retryAfter: 7 });
    expect(legacy.calls).toBe(0);
  });

  it('puts the password in no error, message or log', async () => {
    const written: string[] = [];
    const originals = {
      log: console.log,
      error: console.error,
      warn: console.warn,
      info: console.info,
      debug: console.debug,
    };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      console[name] = (...args: unknown[]) => written.push(args.map(String).join(' '));
    }
    const stdoutWrite = process.stdout.write.bind(process.stdout);
    const stderrWrite = process.stderr.write.bind(process.stderr);
    const capture =
      (write: typeof process.stdout.write) =>
      (chunk: unknown, ...rest: never[]): boolean => {
        written.push(String(chunk));
        return write(chunk as string, ...rest);
      };
    process.stdout.write = capture(stdoutWrite) as typeof process.stdout.write;
    process.stderr.write = capture(stderrWrite) as typeof process.stderr.write;
    try {
      const errors: LazyMigrationError[] = [];
      errors.push(await rejection(lazy.authenticate({ email: pendingEmail, password: WRONG_PASSWORD })));
      legacy.setFault({ delayMs: 1500 });
      errors.push(await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD })));
      legacy.setFault({ status: 500 });
      errors.push(await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD })));
      legacy.setFault({});
      await lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD });
      emulator.setFaults({ rateLimitStorm: { durationMs: 60_000, retryAfterSeconds: 1 } });
      errors.push(await rejection(lazy.authenticate({ email: pendingEmail, password: OLD_PASSWORD })));
      const text = [
        ...written,
        ...errors.map((e) => `${e.message} ${e.stack} ${JSON.stringify(e)} ${String(e.cause)}`),
        JSON.stringify(emulator.snapshot().users),
      ].join('\n');
      expect(text).not.toContain(OLD_PASSWORD);
      expect(text).not.toContain(WRONG_PASSWORD);
    } finally {
      Object.assign(console, originals);
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
    }
  });
});

describe('second steps at the old provider', () => {
  let emulator: Emulator;
  const fakes: LegacyFake[] = [];
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((f) => f.close()));
    await emulator?.close();
  });

  it.each(['auth0', 'cognito'] as const)(
    '%s asking for MFA leaves the user pending with legacy_challenge',
    async (provider) => {
      emulator = await startEmulator({ clientId: CLIENT_ID });
      const id = legacyId(provider, 1);
      const fake = await startLegacyFake(provider, [{ id, email: 'mfa@example.com', password: OLD_PASSWORD }]);
      fakes.push(fake);
      fake.setFault({ challenge: true });
      emulator.seedUser({ email: 'mfa@example.com', external_id: id, metadata: { [LAZY_METADATA_KEY]: 'pending' } });
      const lazy = createLazyMigration({
        workos: { apiKey: 'sk_test_lazy', clientId: CLIENT_ID, apiUrl: emulator.url },
        legacy: fake.config,
      });
      const error = await rejection(lazy.authenticate({ email: 'mfa@example.com', password: OLD_PASSWORD }));
      expect(error).toMatchObject({ code: 'legacy_challenge', side: 'legacy' });
      expect(emulator.snapshot().users[0]!.metadata[LAZY_METADATA_KEY]).toBe('pending');
    },
  );
});
