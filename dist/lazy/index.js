import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  h8: () => (/* reexport */ LAZY_METADATA_KEY),
  jC: () => (/* reexport */ LAZY_MOVED),
  Z9: () => (/* reexport */ LAZY_PENDING),
  dI: () => (/* reexport */ LazyMigrationError),
  XV: () => (/* binding */ createLazyMigration),
  RH: () => (/* reexport */ lazyMarkOf)
});

;// CONCATENATED MODULE: ./build/lazy/errors.js
// Every rejection of `authenticate` is a LazyMigrationError: `code` is what the sign-in route
// switches on, `side` says which system answered (or failed to). No message ever holds the
// password: they are built from status codes and error codes only.
class LazyMigrationError extends Error {
    name = 'LazyMigrationError';
    code;
    side;
    /** The HTTP status of the answer, when there was one. */
    status;
    /** Seconds to wait before trying again, from a 429's Retry-After. */
    retryAfter;
    /** WorkOS's answer for codes the application must act on (pending_authentication_token, …). */
    body;
    constructor(code, side, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.code = code;
        this.side = side;
        if (details.status !== undefined)
            this.status = details.status;
        if (details.retryAfter !== undefined)
            this.retryAfter = details.retryAfter;
        if (details.body !== undefined)
            this.body = details.body;
    }
}
function invalidCredentials() {
    return new LazyMigrationError('invalid_credentials', 'workos', 'Invalid credentials.', { status: 400 });
}

;// CONCATENATED MODULE: ./build/lazy/json-answer.js
// How this library reads every HTTP answer, from WorkOS and from the old providers: the caller
// decides by status and body, so a body that is empty or not JSON is `undefined`, never an error.
async function readJsonAnswer(response) {
    const text = await response.text().catch(() => '');
    let body;
    try {
        body = text === '' ? undefined : JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, body, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}) };
}

;// CONCATENATED MODULE: ./build/lazy/legacy/http.js


async function postJson(provider, url, init) {
    let response;
    try {
        response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': init.contentType ?? 'application/json', accept: 'application/json', ...init.headers },
            body: JSON.stringify(init.body),
            signal: AbortSignal.timeout(init.timeoutMs),
        });
    }
    catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new LazyMigrationError('legacy_unavailable', 'legacy', timedOut
            ? `The old provider (${provider}) did not answer within ${init.timeoutMs} ms; the user was not signed in and stays pending.`
            : `The old provider (${provider}) could not be reached; the user was not signed in and stays pending. Check legacy.apiUrl and the network.`);
    }
    return readJsonAnswer(response);
}
/** The failure for an answer that is neither a yes nor a clear no. */
function legacyFailure(provider, answer, code) {
    if (answer.status === 429) {
        return new LazyMigrationError('rate_limited', 'legacy', `The old provider (${provider}) asked to slow down (429); the user stays pending, try again later.`, { status: 429, ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}) });
    }
    return new LazyMigrationError('legacy_unavailable', 'legacy', `The old provider (${provider}) answered ${answer.status}${code ? ` ${code}` : ''}; the user was not signed in and stays pending. Check the legacy settings (keys, client, realm).`, { status: answer.status });
}
/** The claims of a JWT the provider just issued to us over TLS (read only to bind the account, not trusted further). */
function jwtClaims(token) {
    if (typeof token !== 'string')
        return undefined;
    const payload = token.split('.')[1];
    if (payload === undefined)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof claims === 'object' && claims !== null ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
function field(value, key) {
    return typeof value === 'object' && value !== null ? value[key] : undefined;
}
/** The provider accepted the password but wants a second step this library cannot take. */
function legacyChallenge(provider) {
    return new LazyMigrationError('legacy_challenge', 'legacy', `The old provider (${provider}) asks this user for a second step (MFA or a new password); the user stays pending: offer Magic Auth or a password reset.`);
}

;// CONCATENATED MODULE: ./build/lazy/legacy/provider.js
// One interface for every old provider: "is this the password of the account this WorkOS user
// was imported from?". `true` only when the provider accepted the password AND the account it
// signed in is that account (its id equals the WorkOS user's external_id), so a look-alike
// account holding the same email at the old provider cannot set the victim's password.
// `false` is a clear no; anything else throws a LazyMigrationError with side `legacy`.
const DEFAULT_LEGACY_TIMEOUT_MS = 5000;
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./build/lazy/legacy/auth0.js


// Auth0's Authentication API, Resource Owner Password grant with a realm:
// POST /oauth/token {grant_type: 'http://auth0.com/oauth/grant-type/password-realm', realm,
// username, password, client_id, client_secret?, scope: 'openid'}. 200 carries an id_token whose
// `sub` is the user_id (`auth0|…`), the WorkOS user's external_id. A wrong password or unknown
// user is 403 {error: 'invalid_grant'}; a blocked account 429 too_many_attempts; MFA 403 mfa_required.
function auth0Provider(config) {
    const base = config.apiUrl ?? (config.domain ? `https://${config.domain}` : undefined);
    if (base === undefined)
        throw new TypeError('legacy.domain (or legacy.apiUrl) is required for auth0.');
    const url = `${trimSlash(base)}/oauth/token`;
    return {
        name: 'auth0',
        async verifyPassword(account, password) {
            const answer = await postJson('auth0', url, {
                timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
                body: {
                    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
                    realm: config.connection,
                    username: account.email,
                    password,
                    client_id: config.clientId,
                    ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
                    scope: 'openid',
                },
            });
            const error = field(answer.body, 'error');
            if (answer.status === 200)
                return jwtClaims(field(answer.body, 'id_token'))?.sub === account.externalId;
            if (answer.status === 403 && error === 'invalid_grant')
                return false;
            if (answer.status === 403 && error === 'mfa_required')
                throw legacyChallenge('auth0');
            throw legacyFailure('auth0', answer, typeof error === 'string' ? error : undefined);
        },
    };
}

;// CONCATENATED MODULE: ./build/lazy/legacy/clerk.js


// Clerk's Backend API checks a password by user id: POST /v1/users/{user_id}/verify_password
// {password} with the secret key as a bearer token. 200 {verified: true}; a wrong password is
// 422 (or 400) with `errors: [{code, message}]`; an unknown id 404. Asking by id (the WorkOS
// user's external_id) means the email never picks the account.
function clerkProvider(config) {
    const base = trimSlash(config.apiUrl ?? 'https://api.clerk.com');
    return {
        name: 'clerk',
        async verifyPassword(account, password) {
            const url = `${base}/v1/users/${encodeURIComponent(account.externalId)}/verify_password`;
            const answer = await postJson('clerk', url, {
                timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
                headers: { authorization: `Bearer ${config.secretKey}` },
                body: { password },
            });
            if (answer.status === 200)
                return field(answer.body, 'verified') === true;
            if (answer.status === 400 || answer.status === 404 || answer.status === 422)
                return false;
            const first = field(answer.body, 'errors');
            const code = Array.isArray(first) ? field(first[0], 'code') : undefined;
            throw legacyFailure('clerk', answer, typeof code === 'string' ? code : undefined);
        },
    };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./build/lazy/legacy/cognito.js



// Cognito user pools' InitiateAuth with USER_PASSWORD_AUTH: POST https://cognito-idp.{region}.amazonaws.com/
// with `X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth` and
// `Content-Type: application/x-amz-json-1.1`, body {AuthFlow, ClientId, AuthParameters: {USERNAME,
// PASSWORD, SECRET_HASH?}}; SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId)).
// 200 {AuthenticationResult: {IdToken, …}} (IdToken's `sub` is the WorkOS user's external_id) or
// {ChallengeName, …}; a wrong password or unknown user is 400 {__type: 'NotAuthorizedException' |
// 'UserNotFoundException'}; throttling 400 TooManyRequestsException.
const REJECTIONS = new Set([
    'NotAuthorizedException',
    'UserNotFoundException',
    'UserNotConfirmedException',
    'PasswordResetRequiredException',
]);
function secretHash(clientSecret, username, clientId) {
    return (0,external_node_crypto_namespaceObject.createHmac)('sha256', clientSecret)
        .update(username + clientId)
        .digest('base64');
}
function cognitoProvider(config) {
    const base = config.apiUrl ?? (config.region ? `https://cognito-idp.${config.region}.amazonaws.com` : undefined);
    if (base === undefined)
        throw new TypeError('legacy.region (or legacy.apiUrl) is required for cognito.');
    const url = `${trimSlash(base)}/`;
    return {
        name: 'cognito',
        async verifyPassword(account, password) {
            const username = account.email;
            const answer = await postJson('cognito', url, {
                timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
                contentType: 'application/x-amz-json-1.1',
                headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
                body: {
                    AuthFlow: 'USER_PASSWORD_AUTH',
                    ClientId: config.clientId,
                    AuthParameters: {
                        USERNAME: username,
                        PASSWORD: password,
                        ...(config.clientSecret ? { SECRET_HASH: secretHash(config.clientSecret, username, config.clientId) } : {}),
                    },
                },
            });
            // `__type` may carry a namespace prefix (`com.amazonaws…#NotAuthorizedException`).
            const type = String(field(answer.body, '__type') ?? '')
                .split('#')
                .pop() ?? '';
            if (answer.status === 200) {
                const idToken = field(field(answer.body, 'AuthenticationResult'), 'IdToken');
                if (idToken !== undefined)
                    return jwtClaims(idToken)?.sub === account.externalId;
                if (field(answer.body, 'ChallengeName') !== undefined)
                    throw legacyChallenge('cognito');
                throw legacyFailure('cognito', answer, 'no AuthenticationResult');
            }
            if (answer.status === 400 && REJECTIONS.has(type))
                return false;
            if (type === 'TooManyRequestsException')
                throw legacyFailure('cognito', { ...answer, status: 429 });
            throw legacyFailure('cognito', answer, type || undefined);
        },
    };
}

;// CONCATENATED MODULE: ./build/lazy/legacy/firebase.js


// Firebase Auth's Identity Toolkit REST API: POST /v1/accounts:signInWithPassword?key={Web API key}
// {email, password, returnSecureToken: true}. 200 carries `localId`, the WorkOS user's external_id.
// A wrong password or unknown email is 400 {error: {message: 'INVALID_LOGIN_CREDENTIALS'}} (with
// email enumeration protection) or 'INVALID_PASSWORD' / 'EMAIL_NOT_FOUND' / 'USER_DISABLED';
// throttling is 400 'TOO_MANY_ATTEMPTS_TRY_LATER : …'.
const firebase_REJECTIONS = new Set(['INVALID_LOGIN_CREDENTIALS', 'INVALID_PASSWORD', 'EMAIL_NOT_FOUND', 'USER_DISABLED']);
function firebaseProvider(config) {
    const base = trimSlash(config.apiUrl ?? 'https://identitytoolkit.googleapis.com');
    const url = `${base}/v1/accounts:signInWithPassword?key=${encodeURIComponent(config.apiKey)}`;
    return {
        name: 'firebase',
        async verifyPassword(account, password) {
            const answer = await postJson('firebase', url, {
                timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
                body: { email: account.email, password, returnSecureToken: true },
            });
            if (answer.status === 200)
                return field(answer.body, 'localId') === account.externalId;
            // The message may carry a detail after ' : '.
            const message = String(field(field(answer.body, 'error'), 'message') ?? '').split(' ')[0] ?? '';
            if (answer.status === 400 && firebase_REJECTIONS.has(message))
                return false;
            if (message === 'TOO_MANY_ATTEMPTS_TRY_LATER')
                throw legacyFailure('firebase', { ...answer, status: 429 });
            throw legacyFailure('firebase', answer, message || undefined);
        },
    };
}

;// CONCATENATED MODULE: ./build/lazy/legacy/supabase.js


// Supabase Auth (GoTrue): POST {url}/auth/v1/token?grant_type=password {email, password} with the
// project's key in the `apikey` header. 200 carries `user.id`, the WorkOS user's external_id. A
// wrong password is 400 {error_code: 'invalid_credentials', msg} (older servers:
// {error: 'invalid_grant', error_description}); an unconfirmed email 400 email_not_confirmed;
// throttling 429 over_request_rate_limit.
function supabaseProvider(config) {
    const url = `${trimSlash(config.url)}/auth/v1/token?grant_type=password`;
    return {
        name: 'supabase',
        async verifyPassword(account, password) {
            const answer = await postJson('supabase', url, {
                timeoutMs: config.timeoutMs ?? DEFAULT_LEGACY_TIMEOUT_MS,
                headers: { apikey: config.anonKey, authorization: `Bearer ${config.anonKey}` },
                body: { email: account.email, password },
            });
            if (answer.status === 200)
                return field(field(answer.body, 'user'), 'id') === account.externalId;
            const code = field(answer.body, 'error_code') ?? field(answer.body, 'error');
            if (answer.status === 400 &&
                (code === 'invalid_credentials' || code === 'invalid_grant' || code === 'email_not_confirmed')) {
                return false;
            }
            throw legacyFailure('supabase', answer, typeof code === 'string' ? code : undefined);
        },
    };
}

;// CONCATENATED MODULE: ./build/lazy/legacy/index.js





function legacyProvider(config) {
    switch (config.provider) {
        case 'auth0':
            return auth0Provider(config);
        case 'cognito':
            return cognitoProvider(config);
        case 'firebase':
            return firebaseProvider(config);
        case 'clerk':
            return clerkProvider(config);
        case 'supabase':
            return supabaseProvider(config);
        default:
            throw new TypeError(`legacy.provider must be auth0, cognito, firebase, clerk or supabase.`);
    }
}

;// CONCATENATED MODULE: ./build/lazy/marks.js
// The user-metadata key that tells the library (and the application) where a user's password
// stands in a lazy migration. `import --lazy-passwords` writes `pending` on users whose password
// could not be imported; the first sign-in that the old provider confirms writes `moved`.
// WorkOS metadata allows 50 keys, keys of 40 characters and values of 600: both fit.
const LAZY_METADATA_KEY = 'migrate_to_workos_lazy';
const LAZY_PENDING = 'pending';
const LAZY_MOVED = 'moved';
/** The mark a user's metadata holds, if any (anything else is no mark). */
function lazyMarkOf(metadata) {
    const value = metadata?.[LAZY_METADATA_KEY];
    return value === LAZY_PENDING || value === LAZY_MOVED ? value : undefined;
}

;// CONCATENATED MODULE: ./build/lazy/workos-api.js


class WorkOSApi {
    #settings;
    #base;
    constructor(settings) {
        this.#settings = settings;
        this.#base = (settings.apiUrl ?? 'https://api.workos.com').replace(/\/+$/, '');
    }
    /** Resolves with WorkOS's answer, or `undefined` for `invalid_credentials`; any other answer throws. */
    async authenticate(signIn) {
        const answer = await this.#request('POST', '/user_management/authenticate', {
            client_id: this.#settings.clientId,
            client_secret: this.#settings.apiKey,
            grant_type: 'password',
            email: signIn.email,
            password: signIn.password,
            ...(signIn.ipAddress ? { ip_address: signIn.ipAddress } : {}),
            ...(signIn.userAgent ? { user_agent: signIn.userAgent } : {}),
        });
        if (answer.status === 200)
            return answer.body;
        if (codeOf(answer.body) === 'invalid_credentials')
            return undefined;
        throw workosFailure(answer);
    }
    async userByEmail(email) {
        const answer = await this.#request('GET', `/user_management/users?email=${encodeURIComponent(email)}&limit=2`);
        if (answer.status !== 200)
            throw workosFailure(answer);
        const users = answer.body?.data ?? [];
        // WorkOS holds one user per email; two would be a state this library must not guess in.
        return users.length === 1 ? users[0] : undefined;
    }
    async setPassword(userId, password, metadata) {
        const answer = await this.#request('PUT', `/user_management/users/${encodeURIComponent(userId)}`, {
            password,
            metadata,
        });
        if (answer.status !== 200)
            throw workosFailure(answer);
    }
    async #request(method, path, body) {
        const timeoutMs = this.#settings.timeoutMs ?? 10_000;
        let response;
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
        }
        catch {
            throw new LazyMigrationError('workos_unavailable', 'workos', `WorkOS could not be reached or did not answer within ${timeoutMs} ms (${method} ${path.split('?')[0]}). Check workos.apiUrl and the network.`);
        }
        return { ...(await readJsonAnswer(response)), path: `${method} ${path.split('?')[0]}` };
    }
}
function codeOf(body) {
    if (typeof body !== 'object' || body === null)
        return undefined;
    const { code, error } = body;
    return typeof code === 'string' ? code : typeof error === 'string' ? error : undefined;
}
function workosFailure(answer) {
    const details = {
        status: answer.status,
        ...(answer.retryAfter !== undefined ? { retryAfter: answer.retryAfter } : {}),
    };
    if (answer.status === 429) {
        return new LazyMigrationError('rate_limited', 'workos', `WorkOS answered 429 to ${answer.path}: too many requests (WorkOS allows 10 password sign-ins per minute per email). Try again${answer.retryAfter ? ` in ${answer.retryAfter} s` : ' later'}.`, details);
    }
    const code = codeOf(answer.body);
    if (answer.status >= 400 && answer.status < 500 && code !== undefined) {
        // email_verification_required, organization_selection_required, mfa_challenge, …: the
        // application needs WorkOS's answer (pending_authentication_token) to continue.
        return new LazyMigrationError(code, 'workos', `WorkOS answered ${answer.status} ${code} to ${answer.path}.`, {
            ...details,
            body: answer.body,
        });
    }
    return new LazyMigrationError('workos_unavailable', 'workos', `WorkOS answered ${answer.status}${code ? ` ${code}` : ''} to ${answer.path}; nothing was changed. Try again later.`, details);
}

;// CONCATENATED MODULE: ./build/lazy/index.js




// Lazy (trickle) password migration for the users `import --lazy-passwords` marked pending: the
// first sign-in checks the password with the old provider and stores it in WorkOS. WorkOS is
// always asked first; the old provider only for a user whose WorkOS sign-in failed with
// invalid_credentials AND whose metadata says pending, and only about the account the user was
// imported from (its external_id). So wrong passwords on moved users, users who were never
// pending and unknown emails cost the old provider nothing and learn nothing from it.


function createLazyMigration(options) {
    if (!options?.workos?.apiKey || !options.workos.clientId) {
        throw new TypeError('createLazyMigration needs workos.apiKey and workos.clientId.');
    }
    const workos = new WorkOSApi(options.workos);
    const legacy = legacyProvider(options.legacy);
    return {
        async authenticate(signIn) {
            if (typeof signIn?.email !== 'string' || typeof signIn.password !== 'string' || signIn.password === '') {
                throw invalidCredentials();
            }
            // Sign-in 1 of at most 2 (WorkOS allows 10 per minute per email).
            const first = await workos.authenticate(signIn);
            if (first !== undefined)
                return { ...first, migrated: false };
            const user = await workos.userByEmail(signIn.email.trim());
            const externalId = user?.external_id;
            if (user === undefined || lazyMarkOf(user.metadata) !== 'pending' || !externalId)
                throw invalidCredentials();
            const accepted = await legacy.verifyPassword({ externalId, email: user.email }, signIn.password);
            if (!accepted)
                throw invalidCredentials();
            // The password and the mark in one update: a user is moved exactly when WorkOS holds the password.
            await workos.setPassword(user.id, signIn.password, { ...(user.metadata ?? {}), [LAZY_METADATA_KEY]: LAZY_MOVED });
            // Sign-in 2 of 2: WorkOS's own session for the user, now with the moved password.
            const second = await workos.authenticate(signIn);
            if (second === undefined) {
                throw new LazyMigrationError('workos_unavailable', 'workos', 'WorkOS refused the password it was just given (its password policy may reject it); the user is marked moved: offer a password reset.');
            }
            return { ...second, migrated: true };
        },
    };
}

var __webpack_exports__LAZY_METADATA_KEY = __webpack_exports__.h8;
var __webpack_exports__LAZY_MOVED = __webpack_exports__.jC;
var __webpack_exports__LAZY_PENDING = __webpack_exports__.Z9;
var __webpack_exports__LazyMigrationError = __webpack_exports__.dI;
var __webpack_exports__createLazyMigration = __webpack_exports__.XV;
var __webpack_exports__lazyMarkOf = __webpack_exports__.RH;
export { __webpack_exports__LAZY_METADATA_KEY as LAZY_METADATA_KEY, __webpack_exports__LAZY_MOVED as LAZY_MOVED, __webpack_exports__LAZY_PENDING as LAZY_PENDING, __webpack_exports__LazyMigrationError as LazyMigrationError, __webpack_exports__createLazyMigration as createLazyMigration, __webpack_exports__lazyMarkOf as lazyMarkOf };
