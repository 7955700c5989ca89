import { LazyMigrationError } from './errors.js';
import { type JsonAnswer, readJsonAnswer } from './json-answer.js';

// The three WorkOS User Management calls the library makes, over plain fetch so the package
// entry stays small: the password sign-in, the user found by email, and the update that sets
// the password and the mark together (one request: never a password without the mark).

export interface WorkOSSettings {
  apiKey: string;
  clientId: string;
  /** Default https://api.workos.com. */
  apiUrl?: string;
  /** Milliseconds to wait for each WorkOS request; default 10000. */
  timeoutMs?: number;
}

export interface WorkOSUser {
  id: string;
  email: string;
  external_id?: string | null;
  metadata?: Record<string, string> | null;
  [key: string]: unknown;
}

/** WorkOS's answer to a successful sign-in: `user`, `access_token`, `refresh_token`, … as sent. */
export interface WorkOSAuthentication {
  user: WorkOSUser;
  access_token: string;
  refresh_token: string;
  organization_id?: string;
  [key: string]: unknown;
}

export interface SignIn {
  email: string;
  password: string;
  ipAddress?: string;
  userAgent?: string;
}

export class WorkOSApi {
  readonly #settings: WorkOSSettings;
  readonly #base: string;

  constructor(settings: WorkOSSettings) {
    this.#settings = settings;
    this.#base = (settings.apiUrl ?? 'https://api.workos.com').replace(/\/+$/, '');
  }

  /** Resolves with WorkOS's answer, or `undefined` for `invalid_credentials`; any other answer throws. */
  async authenticate(signIn: SignIn): Promise<WorkOSAuthentication | undefined> {
    const answer = await this.#request('POST', '/user_management/authenticate', {
      client_id: this.#settings.clientId,
      client_secret: this.#settings.apiKey,
      grant_type: 'password',
      email: signIn.email,
      password: signIn.password,
      ...(signIn.ipAddress ? { ip_address: signIn.ipAddress } : {}),
      ...(signIn.userAgent ? { user_agent: signIn.userAgent } : {}),
    });
    if (answer.status === 200) return answer.body as WorkOSAuthentication;
    if (codeOf(answer.body) === 'invalid_credentials') return undefined;
    throw workosFailure(answer);
  }

  async userByEmail(email: string): Promise<WorkOSUser | undefined> {
    const answer = await this.#request('GET', `/user_management/users?email=${encodeURIComponent(email)}&limit=2`);
    if (answer.status !== 200) throw workosFailure(answer);
    const users = (answer.body as { data?: WorkOSUser[] } | undefined)?.data ?? [];
    // WorkOS holds one user per email; two would be a state this library must not guess in.
    return users.length === 1 ? users[0] : undefined;
  }

  async setPassword(userId: string, password: string, metadata: Record<string, string>): Promise<void> {
    const answer = await this.#request('PUT', `/user_management/users/${encodeURIComponent(userId)}`, {
      password,
      metadata,
    });
    if (answer.status !== 200) throw workosFailure(answer);
  }

  async #request(method: string, path: string, body?: unknown): Promise<Answer> {
    const timeoutMs = this.#settings.timeoutMs ?? 10_000;
    let response: Response;
    try {
      response = await fetch(this.#base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.#settings.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new LazyMigrationError(
        'workos_unavailable',
        'workos',
        `WorkOS could not be reached or did not answer within ${timeoutMs} ms (${method} ${path.split('?')[0]}). Check workos.apiUrl and the network.`,
      );
    }
    return { ...(await readJsonAnswer(response)), path: `${method} ${path.split('?')[0]}` };
  }
}

interface Answer extends JsonAnswer {
  path: string;
}

function codeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { code, error } = body as { code?: unknown; error?: unknown };
  return typeof code === 'string' ? code : typeof error === 'string' ? error : undefined;
}

function workosFailure(answer: Answer): LazyMigrationError {
  const details = {
    status: answer.status,
    ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}),
  };
  if (answer.status === 429) {
    return new LazyMigrationError(
      'rate_limited',
      'workos',
      `WorkOS answered 429 to ${answer.path}: too many requests (WorkOS allows 10 password sign-ins per minute per email). Try again${answer.retryAfter ? ` in ${answer.retryAfter} s` : ' later'}.`,
      details,
    );
  }
  const code = codeOf(answer.body);
  if (answer.status >= 400 && answer.status < 500 && code !== undefined) {
    // email_verification_required, organization_selection_required, mfa_challenge, …: the
    // application needs WorkOS's answer (pending_authentication_token) to continue.
    return new LazyMigrationError(code, 'workos', `WorkOS answered ${answer.status} ${code} to ${answer.path}.`, {
      ...details,
      body: answer.body as Record<string, unknown>,
    });
  }
  return new LazyMigrationError(
    'workos_unavailable',
    'workos',
    `WorkOS answered ${answer.status}${code ? ` ${code}` : ''} to ${answer.path}; nothing was changed. Try again later.`,
    details,
  );
}
