import type { SeedConnection } from './connections.js';
import type { WireEvent } from './events.js';
import type { FaultConfig } from './faults.js';
import type { PasswordHashType } from './password-verify.js';
import type { StoredFactor } from './factors.js';
import type { EmulatorStats } from './stats.js';
import type { SeedWebhookEndpoint } from './webhooks.js';
import type { WireConnection, WireMembership, WireOrganization, WireUser, WireWebhookEndpoint } from './wire.js';

/** A user to put in place directly, as if it existed before the test: wire fields plus a password. */
export type SeedUser = Partial<WireUser> & {
  email: string;
  password?: string;
  password_hash?: string;
  password_hash_type?: PasswordHashType;
};

/** What a test can do to the stand-in, in process or over HTTP (see admin.ts). */
export interface EmulatorControls {
  /** Current state, for assertions: plain objects in WorkOS wire shape (snake_case). */
  snapshot(): { users: WireUser[]; organizations: WireOrganization[]; memberships: WireMembership[] };
  stats(): EmulatorStats;
  /** Replaces the current faults (a storm starts now). */
  setFaults(faults: FaultConfig): void;
  /** Empties state, stats and faults; requests held by a timeout fault are cut. */
  reset(): void;
  seedUser(user: SeedUser): WireUser;
  /** Adds an environment role; `admin` and `member` exist from the start, `member` is the default. */
  defineRole(slug: string, name?: string): void;
  /** Puts an SSO connection in place for an organization (default state `active`). */
  seedConnection(connection: SeedConnection): WireConnection;
  /** Puts a webhook endpoint in place (default: enabled, taking user, organization and membership creations). */
  seedWebhookEndpoint(endpoint: SeedWebhookEndpoint): WireWebhookEndpoint;
  /** Every SSO connection, oldest first. */
  connections(): WireConnection[];
  /** The kind of password a user holds (and the imported hash), for tests; never sent over the API. */
  passwordOf(userId: string): { type: 'password' } | { type: PasswordHashType; hash: string } | undefined;
  /** Adds an event to the Events API log (e.g. an oauth or sso sign-in), at `createdAt` or now. */
  recordEvent(event: string, data: Record<string, unknown>, createdAt?: string): WireEvent;
  /** Every event recorded, oldest first. */
  events(): WireEvent[];
  /** A user's authentication factors with their secrets, for tests; never sent over the API. */
  factorsOf(userId: string): StoredFactor[];
}
