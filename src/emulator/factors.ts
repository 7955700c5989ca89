import { randomBytes } from 'node:crypto';
import { IdGenerator } from './ids.js';
import { listPage, OrderedIds, type PageRequest } from './ordered-ids.js';
import type { EmulatorStore } from './store.js';
import { decodeBase32, verifyTotp } from './totp.js';
import { ApiError, badRequest, type WireList } from './wire.js';

// Authentication factors and challenges of the stand-in's users, as the WorkOS OpenAPI spec
// shapes them (AuthenticationFactor, AuthenticationFactorEnrolled, AuthenticationChallenge):
// TOTP only, with a developer-provided secret or one made here. The secret is shown once, in
// the enroll answer, as WorkOS does; lists and gets never hold it.

export interface WireFactor {
  object: 'authentication_factor';
  id: string;
  type: 'totp';
  user_id: string;
  totp: { issuer: string; user: string };
  created_at: string;
  updated_at: string;
}

export interface WireEnrolledFactor extends Omit<WireFactor, 'totp'> {
  totp: { issuer: string; user: string; secret: string; qr_code: string; uri: string };
}

export interface WireChallenge {
  object: 'authentication_challenge';
  id: string;
  authentication_factor_id: string;
  created_at: string;
  updated_at: string;
}

/** A factor as tests see it (EmulatorControls.factorsOf): with its secret, never sent over the API. */
export interface StoredFactor extends WireFactor {
  secret: string;
}

const DEFAULT_ISSUER = 'WorkOS';
// A 1×1 PNG: the stand-in does not draw QR codes, but the answer has the field WorkOS sends.
const QR_PLACEHOLDER =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export class FactorStore {
  private readonly ids = new IdGenerator();
  private factors = new Map<string, StoredFactor>();
  private byUser = new Map<string, OrderedIds>();
  private challenges = new Map<string, WireChallenge & { verified: boolean }>();

  constructor(
    private readonly users: EmulatorStore,
    private readonly now: () => number = Date.now,
  ) {}

  reset(): void {
    this.factors = new Map();
    this.byUser = new Map();
    this.challenges = new Map();
  }

  /** `POST /user_management/users/{id}/auth_factors`: the factor (with its secret, this once) and a first challenge. */
  enroll(
    userId: string,
    input: { secret?: string; issuer?: string; user?: string },
  ): { authentication_factor: WireEnrolledFactor; authentication_challenge: WireChallenge } {
    const owner = this.users.getUser(userId);
    const secret = input.secret?.replace(/[\s=]/g, '').toUpperCase() ?? base32(randomBytes(20));
    const stamp = new Date(this.now()).toISOString();
    const factor: StoredFactor = {
      object: 'authentication_factor',
      id: this.ids.next('auth_factor'),
      type: 'totp',
      user_id: userId,
      totp: { issuer: input.issuer ?? DEFAULT_ISSUER, user: input.user ?? owner.email },
      secret,
      created_at: stamp,
      updated_at: stamp,
    };
    this.factors.set(factor.id, factor);
    let mine = this.byUser.get(userId);
    if (!mine) this.byUser.set(userId, (mine = new OrderedIds()));
    mine.add(factor.id);
    const { issuer, user } = factor.totp;
    const label = encodeURIComponent(`${issuer}:${user}`);
    const uri = `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
    return {
      authentication_factor: { ...wire(factor), totp: { issuer, user, secret, qr_code: QR_PLACEHOLDER, uri } },
      authentication_challenge: this.challenge(factor.id),
    };
  }

  /** `GET /user_management/users/{id}/auth_factors`. */
  list(userId: string, page: PageRequest): WireList<WireFactor> {
    this.users.getUser(userId);
    return listPage(this.byUser.get(userId) ?? new OrderedIds(), page, (id) => wire(this.factor(id)));
  }

  get(id: string): WireFactor {
    return wire(this.factor(id));
  }

  /** `DELETE /auth/factors/{id}`. */
  delete(id: string): void {
    const factor = this.factor(id);
    this.factors.delete(id);
    this.byUser.get(factor.user_id)?.remove(id);
  }

  /** `POST /auth/factors/{id}/challenge`: TOTP challenges have no code and do not expire. */
  challenge(factorId: string): WireChallenge {
    this.factor(factorId);
    const stamp = new Date(this.now()).toISOString();
    const challenge: WireChallenge = {
      object: 'authentication_challenge',
      id: this.ids.next('auth_challenge'),
      authentication_factor_id: factorId,
      created_at: stamp,
      updated_at: stamp,
    };
    this.challenges.set(challenge.id, { ...challenge, verified: false });
    return challenge;
  }

  /** `POST /auth/challenges/{id}/verify`: whether `code` is the factor's TOTP code now. */
  verify(challengeId: string, code: string): { challenge: WireChallenge; valid: boolean } {
    const held = this.challenges.get(challengeId);
    if (!held) throw new ApiError(404, { message: `Authentication Challenge not found: '${challengeId}'.` });
    if (held.verified)
      throw badRequest('authentication_challenge_previously_verified', 'The challenge has already been verified.');
    const factor = this.factor(held.authentication_factor_id);
    const key = decodeBase32(factor.secret);
    const valid = key !== undefined && verifyTotp(key, code, this.now());
    if (valid) held.verified = true;
    const { verified: _verified, ...challenge } = held;
    return { challenge, valid };
  }

  /** A user's factors with their secrets, for test assertions. */
  ofUser(userId: string): StoredFactor[] {
    return (this.byUser.get(userId)?.all() ?? []).map((id) => structuredClone(this.factor(id)));
  }

  private factor(id: string): StoredFactor {
    const factor = this.factors.get(id);
    // A factor of a deleted user goes with it.
    if (!factor || !this.userExists(factor.user_id))
      throw new ApiError(404, { message: `Authentication Factor not found: '${id}'.` });
    return factor;
  }

  private userExists(userId: string): boolean {
    try {
      this.users.getUser(userId);
      return true;
    } catch {
      return false;
    }
  }
}

function wire(factor: StoredFactor): WireFactor {
  const { secret: _secret, ...rest } = factor;
  return structuredClone(rest);
}

/** RFC 4648 Base32 without padding, as authenticator apps and WorkOS show TOTP secrets. */
export function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(value >>> bits) & 31];
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
