import type { WorkOS } from '@workos-inc/node';
import type { PacedRead } from './connections.js';

// WorkOS's Events API (`GET /events`), read for sign-in health: the authentication events of a
// window, oldest first, 100 a page (the API's maximum), each page a paced read. Event names and
// payloads as WorkOS's OpenAPI description lists them: `authentication.<method>_<succeeded|failed>`
// with `data: {type, status, user_id, email, ip_address, user_agent, error?: {code, message},
// sso?: {organization_id, connection_id}}`.

/** Sign-in outcomes: the events that end an attempt to sign in, one per attempt. */
export const SIGN_IN_EVENTS = [
  'authentication.password_succeeded',
  'authentication.password_failed',
  'authentication.oauth_succeeded',
  'authentication.oauth_failed',
  'authentication.sso_succeeded',
  'authentication.sso_failed',
  'authentication.magic_auth_succeeded',
  'authentication.magic_auth_failed',
  'authentication.passkey_succeeded',
  'authentication.passkey_failed',
] as const;

/**
 * Steps inside a sign-in (a second factor, a verified email): counted on their own, never as
 * attempts, so a password sign-in with MFA counts once. WorkOS emits only a success for these.
 */
export const SIGN_IN_STEP_EVENTS = [
  'authentication.mfa_succeeded',
  'authentication.email_verification_succeeded',
] as const;

/** One authentication event, in the engine's terms; the email stays here and is never reported as is. */
export interface AuthenticationEventRecord {
  id: string;
  /** `authentication.password_failed`. */
  name: string;
  /** `password`, `oauth`, `sso`, `magic_auth`, `passkey`, `mfa`, `email_verification`. */
  method: string;
  succeeded: boolean;
  createdAt: string;
  userId?: string;
  email?: string;
  /** `error.code` of a failure (e.g. `invalid_credentials`). */
  errorCode?: string;
  /** SSO sign-ins name their organization. */
  organizationId?: string;
}

export interface EventWindow {
  /** ISO 8601. */
  rangeStart: string;
  /** ISO 8601. */
  rangeEnd: string;
}

/** The SDK's event object: deserialised, camelCase; only the fields read here. */
interface SdkEvent {
  id: string;
  event: string;
  createdAt: string;
  data?: {
    type?: string;
    status?: string;
    userId?: string | null;
    email?: string | null;
    error?: { code?: string };
    sso?: { organizationId?: string };
  };
}

/** Every authentication event of the window, oldest first. */
export async function* authenticationEvents(
  workos: WorkOS,
  read: PacedRead,
  window: EventWindow,
): AsyncIterable<AuthenticationEventRecord> {
  const events = [...SIGN_IN_EVENTS, ...SIGN_IN_STEP_EVENTS];
  let after: string | undefined;
  do {
    // Not the SDK's autoPagination: each page must go through `read`.
    const page = await read(() =>
      workos.events.listEvents({
        events: events as never,
        rangeStart: window.rangeStart,
        rangeEnd: window.rangeEnd,
        limit: 100,
        order: 'asc',
        ...(after ? { after } : {}),
      }),
    );
    for (const event of page.data as unknown as SdkEvent[]) {
      const record = toRecord(event);
      if (record) yield record;
    }
    after = page.listMetadata.after ?? undefined;
  } while (after);
}

function toRecord(event: SdkEvent): AuthenticationEventRecord | undefined {
  const match = /^authentication\.([a-z_]+)_(succeeded|failed)$/.exec(event.event);
  if (!match) return undefined;
  const data = event.data ?? {};
  return {
    id: event.id,
    name: event.event,
    method: match[1]!,
    succeeded: match[2] === 'succeeded',
    createdAt: event.createdAt,
    ...(data.userId ? { userId: data.userId } : {}),
    ...(data.email ? { email: data.email } : {}),
    ...(data.error?.code ? { errorCode: data.error.code } : {}),
    ...(data.sso?.organizationId ? { organizationId: data.sso.organizationId } : {}),
  };
}

export interface SignInUser {
  id: string;
  externalId: string | null;
  lastSignInAt: string | null;
}

export interface SignInOrganization {
  id: string;
  name: string;
  externalId: string | null;
}

/** The reads `watch` makes besides the events: who signed in, and their live organizations. */
export function signInDirectory(workos: WorkOS, read: PacedRead) {
  return {
    async userById(id: string): Promise<SignInUser | undefined> {
      try {
        const user = await read(() => workos.userManagement.getUser(id));
        return { id: user.id, externalId: user.externalId ?? null, lastSignInAt: user.lastSignInAt ?? null };
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
    async userByEmail(email: string): Promise<SignInUser | undefined> {
      const page = await read(() => workos.userManagement.listUsers({ email, limit: 1 }));
      const user = page.data[0];
      return user
        ? { id: user.id, externalId: user.externalId ?? null, lastSignInAt: user.lastSignInAt ?? null }
        : undefined;
    },
    /** The organization ids of the user's active memberships. */
    async organizationsOf(userId: string): Promise<string[]> {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await read(() =>
          workos.userManagement.listOrganizationMemberships({
            userId,
            statuses: ['active'],
            limit: 100,
            ...(after ? { after } : {}),
          }),
        );
        for (const membership of page.data) ids.push(membership.organizationId);
        after = page.listMetadata.after ?? undefined;
      } while (after);
      return ids;
    },
    async organization(id: string): Promise<SignInOrganization | undefined> {
      try {
        const organization = await read(() => workos.organizations.getOrganization(id));
        return { id: organization.id, name: organization.name, externalId: organization.externalId ?? null };
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  };
}

export type SignInDirectory = ReturnType<typeof signInDirectory>;
