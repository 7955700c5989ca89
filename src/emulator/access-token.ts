import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface SessionClaims {
  sub: string;
  sid: string;
  org_id?: string;
  role?: string;
  roles?: string[];
}

/**
 * Signs the access tokens the stand-in hands out on sign-in. They are real JWTs (HS256 with a
 * key that lives as long as the stand-in) so code that decodes them, as the SDK's session
 * sealing does, reads the usual claims; nothing outside this process can verify them.
 */
export class AccessTokenIssuer {
  private readonly key = randomBytes(32);

  constructor(
    private readonly issuer: () => string,
    private readonly lifetimeSeconds = 300,
  ) {}

  issue(claims: SessionClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        iss: this.issuer(),
        ...claims,
        permissions: [],
        jti: randomUUID(),
        iat: now,
        exp: now + this.lifetimeSeconds,
      }),
    );
    const signature = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
