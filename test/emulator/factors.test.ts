import { UnprocessableEntityException, type WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { decodeBase32, totpCode } from '../../src/emulator/totp.js';
import { rejectionOf, sdkFor } from './sdk-client.js';

// The stand-in's MFA endpoints through the real SDK: a TOTP factor enrolled with a
// developer-provided secret verifies the codes an authenticator app makes from that secret.

// RFC 6238 appendix B: the SHA-1 key is the ASCII of "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

let emulator: Emulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startEmulator();
  workos = sdkFor(emulator);
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

describe('TOTP codes (RFC 6238: SHA-1, 6 digits, 30 s)', () => {
  it("matches the RFC's test vectors (their last six digits)", () => {
    const key = decodeBase32(RFC_SECRET)!;
    expect(key.toString('ascii')).toBe('12345678901234567890');
    expect(totpCode(key, 59_000)).toBe('287082');
    expect(totpCode(key, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(key, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(key, 2_000_000_000_000)).toBe('279037');
  });
});

describe('MFA endpoints', () => {
  it('enrolls with the given secret, shows it once, and verifies a code made from it', async () => {
    const user = await workos.userManagement.createUser({ email: 'mfa@example.com' });
    const enrolled = await workos.multiFactorAuth.createUserAuthFactor({
      userId: user.id,
      type: 'totp',
      totpSecret: RFC_SECRET,
    });
    expect(enrolled.authenticationFactor).toMatchObject({ type: 'totp', userId: user.id });
    expect(enrolled.authenticationFactor.totp.secret).toBe(RFC_SECRET);
    const listed = await workos.multiFactorAuth.listUserAuthFactors({ userId: user.id });
    expect(listed.data.map((f) => f.id)).toEqual([enrolled.authenticationFactor.id]);
    expect(JSON.stringify(listed.data)).not.toContain(RFC_SECRET);

    const challenge = await workos.multiFactorAuth.challengeFactor({
      authenticationFactorId: enrolled.authenticationFactor.id,
    });
    const code = totpCode(decodeBase32(RFC_SECRET)!, Date.now());
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(
      (await workos.multiFactorAuth.verifyChallenge({ authenticationChallengeId: challenge.id, code: wrong })).valid,
    ).toBe(false);
    expect(
      (await workos.multiFactorAuth.verifyChallenge({ authenticationChallengeId: challenge.id, code })).valid,
    ).toBe(true);

    await workos.multiFactorAuth.deleteFactor(enrolled.authenticationFactor.id);
    expect((await workos.multiFactorAuth.listUserAuthFactors({ userId: user.id })).data).toEqual([]);
    expect(emulator.factorsOf(user.id)).toEqual([]);
  });

  it('refuses a secret that is not Base32, without quoting it', async () => {
    const user = await workos.userManagement.createUser({ email: 'bad@example.com' });
    const error = await rejectionOf(
      workos.multiFactorAuth.createUserAuthFactor({ userId: user.id, type: 'totp', totpSecret: 'NOT-BASE32-0189' }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect(JSON.stringify(error)).not.toContain('NOT-BASE32');
  });
});

describe("the MFA endpoints' rate-limit buckets", () => {
  it('counts enrolling in the user-management writes and deleting a factor in the per-key bucket', async () => {
    const limited = await startEmulator({
      writeLimit: { requests: 2, windowMs: 60_000 },
      generalLimit: { requests: 1, windowMs: 60_000 },
    });
    try {
      const sdk = sdkFor(limited);
      const user = await sdk.userManagement.createUser({ email: 'limits@example.com' });
      const enrolled = await sdk.multiFactorAuth.createUserAuthFactor({
        userId: user.id,
        type: 'totp',
        totpSecret: RFC_SECRET,
      });
      // The user writes' window is full (a create and an enroll); the factor's delete is not in it.
      expect(
        await rejectionOf(
          sdk.multiFactorAuth.createUserAuthFactor({ userId: user.id, type: 'totp', totpSecret: RFC_SECRET }),
        ),
      ).toMatchObject({ status: 429 });
      await sdk.multiFactorAuth.deleteFactor(enrolled.authenticationFactor.id);
      // The per-key bucket's one request went to the delete: a challenge waits, the user reads do not.
      expect(
        await rejectionOf(sdk.multiFactorAuth.challengeFactor({ authenticationFactorId: 'auth_factor_none' })),
      ).toMatchObject({ status: 429 });
      expect((await sdk.multiFactorAuth.listUserAuthFactors({ userId: user.id })).data).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});
