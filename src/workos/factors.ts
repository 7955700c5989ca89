import type { WorkOS } from '@workos-inc/node';

// A user's authentication factors through the SDK. The enroll answer holds the secret again (and
// a QR code and otpauth URI made of it): only the factor's id is taken from it, so the secret
// never lives on in anything this program keeps or prints.

export interface LiveFactor {
  id: string;
  type: string;
}

/** Every factor of a WorkOS user (a user has a few: one page of 100 is all of them, but the cursor is followed). */
export async function listUserFactors(workos: WorkOS, userId: string): Promise<LiveFactor[]> {
  const page = await workos.multiFactorAuth.listUserAuthFactors({ userId, limit: 100 });
  const all = await page.autoPagination();
  return all.map((f) => ({ id: f.id, type: f.type }));
}

/** Enrolls a TOTP factor with the source's secret; returns its id. */
export async function enrollTotpFactor(
  workos: WorkOS,
  userId: string,
  secret: string,
  issuer?: string,
): Promise<string> {
  const answer = await workos.multiFactorAuth.createUserAuthFactor({
    userId,
    type: 'totp',
    totpSecret: secret,
    ...(issuer ? { totpIssuer: issuer } : {}),
  });
  return answer.authenticationFactor.id;
}

/** Deletes a factor (`DELETE /auth/factors/{id}`). */
export async function deleteFactor(workos: WorkOS, factorId: string): Promise<void> {
  await workos.multiFactorAuth.deleteFactor(factorId);
}
