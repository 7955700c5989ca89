export const id = 874;
export const ids = [874];
export const modules = {

/***/ 4874:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: projectRoot

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./build/emulator/access-token.js

/**
 * Signs the access tokens the stand-in hands out on sign-in. They are real JWTs (HS256 with a
 * key that lives as long as the stand-in) so code that decodes them, as the SDK's session
 * sealing does, reads the usual claims; nothing outside this process can verify them.
 */
class AccessTokenIssuer {
    issuer;
    lifetimeSeconds;
    key = (0,external_node_crypto_.randomBytes)(32);
    constructor(issuer, lifetimeSeconds = 300) {
        this.issuer = issuer;
        this.lifetimeSeconds = lifetimeSeconds;
    }
    issue(claims) {
        const now = Math.floor(Date.now() / 1000);
        const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
        const payload = base64url(JSON.stringify({
            iss: this.issuer(),
            ...claims,
            permissions: [],
            jti: (0,external_node_crypto_.randomUUID)(),
            iat: now,
            exp: now + this.lifetimeSeconds,
        }));
        const signature = (0,external_node_crypto_.createHmac)('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
        return `${header}.${payload}.${signature}`;
    }
}
function base64url(text) {
    return Buffer.from(text).toString('base64url');
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./build/emulator/routes/route-table.js
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes are what WorkOS's write limit counts (authenticate included: it is a POST). */
function isWriteMethod(method) {
    return WRITE_METHODS.has(method);
}
/** Finds the route for a request; earlier routes win, so list literal paths before `:param` ones. */
class RouteTable {
    compiled;
    constructor(routes) {
        this.compiled = routes.map((route) => {
            const names = [];
            const source = route.pattern
                .split('/')
                .map((segment) => {
                if (!segment.startsWith(':'))
                    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
                names.push(segment.slice(1));
                return '([^/]+)';
            })
                .join('/');
            return { route, regex: new RegExp(`^${source}/?$`), names };
        });
    }
    match(method, path) {
        for (const { route, regex, names } of this.compiled) {
            if (route.method !== method)
                continue;
            const found = regex.exec(path);
            if (!found)
                continue;
            const params = {};
            try {
                names.forEach((name, i) => {
                    params[name] = decodeURIComponent(found[i + 1]);
                });
            }
            catch {
                return undefined;
            }
            return { route, params };
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./build/emulator/faults.js


// Fault injection for the stand-in: slow answers, 5xx, lost answers to writes that did happen,
// requests that never get an answer, dropped connections and 429 storms. Draws come from a
// seeded generator, so one seed and one sequence of requests give the same faults every run.
const rate = schemas/* number */.aig().min(0).max(1);
const routeMatchSchema = schemas/* strictObject */.rej({
    method: schemas/* string */.YjP().optional(),
    /** A path prefix (`/user_management/users`), or a regular expression's source (`^/organizations/[^/]+$`). */
    path: schemas/* string */.YjP().optional(),
});
const faultRuleSchema = schemas/* strictObject */.rej({
    /** Limits this rule to some routes; without it the rule covers every API request. */
    match: routeMatchSchema.optional(),
    /** Added to every answer (half before the request is carried out, half after). */
    latencyMs: schemas/* number */.aig().min(0).optional(),
    /** A random extra delay between 0 and this. */
    jitterMs: schemas/* number */.aig().min(0).optional(),
    /** Answer 500, 502 (an HTML proxy page) or 503 before carrying the request out. */
    serverErrorRate: rate.optional(),
    /** Carry out a write, then answer 500 or reset the connection: the client cannot know it happened. Reads are spared. */
    afterCommitFailureRate: rate.optional(),
    /** Never answer; the connection is held until the client gives up or the stand-in closes. */
    timeoutRate: rate.optional(),
    /** With timeoutRate: carry the request out before going silent. */
    commitBeforeTimeout: schemas/* boolean */.zMY().optional(),
    /** Reset the connection without an answer, before carrying the request out. */
    dropRate: rate.optional(),
    /** From the moment the faults are set, answer every request 429 for `durationMs`. */
    rateLimitStorm: schemas/* strictObject */.rej({ durationMs: schemas/* number */.aig().positive(), retryAfterSeconds: schemas/* number */.aig().int().min(1) })
        .optional(),
});
const faultConfigSchema = faultRuleSchema.extend({
    /** More rules, each with its own `match`; for each kind of fault the first rule that matches and sets it wins, then the top level. */
    rules: schemas/* array */.YOg(faultRuleSchema).optional(),
});
/** Parses faults sent over HTTP; the message names the offending field. */
function parseFaultConfig(value) {
    const result = faultConfigSchema.safeParse(value);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`invalid fault config at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return result.data;
}
class FaultInjector {
    seed;
    now;
    rules = [];
    random;
    constructor(seed, now = Date.now) {
        this.seed = seed;
        this.now = now;
        this.random = mulberry32(seed);
    }
    /** Replaces the current faults; a storm starts now. */
    set(config) {
        const parsed = parseFaultConfig(config);
        const { rules = [], ...top } = parsed;
        const at = this.now();
        this.rules = [...rules, top].map((rule) => ({
            ...rule,
            matches: compileMatch(rule.match),
            stormUntil: rule.rateLimitStorm ? at + rule.rateLimitStorm.durationMs : undefined,
        }));
    }
    /** No faults, and the generator back at its seed so the next run replays the same draws. */
    reset() {
        this.rules = [];
        this.random = mulberry32(this.seed);
    }
    /** The Retry-After of a storm covering this request, or undefined. */
    storm(method, path) {
        const now = this.now();
        const rule = this.rules.find((r) => r.stormUntil !== undefined && now < r.stormUntil && r.matches(method, path));
        return rule?.rateLimitStorm?.retryAfterSeconds;
    }
    /** Total delay for this answer. */
    latency(method, path) {
        const latency = this.first('latencyMs', method, path) ?? 0;
        const jitter = this.first('jitterMs', method, path) ?? 0;
        return latency + (jitter > 0 ? this.random() * jitter : 0);
    }
    /** What goes wrong with this request, if anything. One draw decides among the kinds, so rates add up. */
    outcome(method, path) {
        const drop = this.first('dropRate', method, path) ?? 0;
        const serverError = this.first('serverErrorRate', method, path) ?? 0;
        const timeout = this.first('timeoutRate', method, path) ?? 0;
        // Only a write has a commit to lose; a read is left alone by this kind of fault.
        const afterCommit = isWriteMethod(method) ? (this.first('afterCommitFailureRate', method, path) ?? 0) : 0;
        if (drop + serverError + timeout + afterCommit === 0)
            return { kind: 'none' };
        const draw = this.random();
        if (draw < drop)
            return { kind: 'drop' };
        if (draw < drop + serverError)
            return { kind: 'serverError', status: [500, 502, 503][Math.floor(this.random() * 3)] };
        if (draw < drop + serverError + timeout)
            return { kind: 'timeout', commitFirst: this.first('commitBeforeTimeout', method, path) ?? false };
        if (draw < drop + serverError + timeout + afterCommit)
            return { kind: 'afterCommitFailure', answer: this.random() < 0.5 ? 'status' : 'reset' };
        return { kind: 'none' };
    }
    first(key, method, path) {
        for (const rule of this.rules) {
            if (rule[key] !== undefined && rule.matches(method, path))
                return rule[key];
        }
        return undefined;
    }
}
function compileMatch(match) {
    if (!match)
        return () => true;
    const method = match.method?.toUpperCase();
    let path;
    if (match.path !== undefined) {
        const text = match.path;
        // Plain path characters mean a prefix; anything else is a regular expression.
        if (/^[\w/.:-]*$/.test(text))
            path = (p) => p.startsWith(text);
        else {
            const regex = new RegExp(text);
            path = (p) => regex.test(p);
        }
    }
    return (m, p) => (method === undefined || m === method) && (path === undefined || path(p));
}
/** A small, fast, seedable generator (public domain); quality is ample for picking faults. */
function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

;// CONCATENATED MODULE: ./build/emulator/admin.js

const ADMIN_PREFIX = '/_emulator/';
/**
 * The stand-in's controls over HTTP, for a stand-in running in another process: the same as the
 * Emulator methods. No key needed, never rate limited, never faulted, not counted in stats.
 */
function handleAdmin(emulator, method, path, rawBody) {
    const route = `${method} ${path.slice(ADMIN_PREFIX.length - 1)}`;
    try {
        switch (route) {
            case 'GET /state':
                return { status: 200, body: emulator.snapshot() };
            case 'GET /stats':
                return { status: 200, body: emulator.stats() };
            case 'PUT /faults': {
                const config = parseFaultConfig(parseJson(rawBody));
                emulator.setFaults(config);
                return { status: 200, body: config };
            }
            case 'POST /reset':
                emulator.reset();
                return { status: 200, body: {} };
            case 'POST /users':
                return { status: 201, body: emulator.seedUser(parseJson(rawBody)) };
            case 'POST /connections':
                return { status: 201, body: emulator.seedConnection(parseJson(rawBody)) };
            case 'GET /connections':
                return { status: 200, body: emulator.connections() };
            case 'POST /roles': {
                const { slug, name } = parseJson(rawBody);
                if (typeof slug !== 'string' || slug === '')
                    throw new Error('a role needs a slug');
                emulator.defineRole(slug, typeof name === 'string' ? name : undefined);
                return { status: 201, body: {} };
            }
            default:
                return {
                    status: 404,
                    body: {
                        message: `No stand-in control ${method} ${path}. There are GET /_emulator/state, GET /_emulator/stats, PUT /_emulator/faults, POST /_emulator/reset, POST /_emulator/users, POST /_emulator/roles, POST /_emulator/connections and GET /_emulator/connections.`,
                    },
                };
        }
    }
    catch (error) {
        return { status: 400, body: { message: error instanceof Error ? error.message : String(error) } };
    }
}
function parseJson(text) {
    try {
        return text === '' ? {} : JSON.parse(text);
    }
    catch {
        throw new Error('the body is not JSON');
    }
}

;// CONCATENATED MODULE: ./build/emulator/ids.js

// Crockford base32, the ULID alphabet: ids sort as strings in the order they were made, which is
// what lets list cursors work by id the way WorkOS's do.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const RANDOM_BITS = 80n;
/** Makes `user_01…`-style ids that strictly increase, even within one millisecond. */
class IdGenerator {
    now;
    lastTime = 0;
    lastRandom = 0n;
    constructor(now = Date.now) {
        this.now = now;
    }
    next(prefix) {
        let time = this.now();
        if (time <= this.lastTime) {
            time = this.lastTime;
            this.lastRandom = (this.lastRandom + 1n) & ((1n << RANDOM_BITS) - 1n);
        }
        else {
            this.lastTime = time;
            // Leave headroom so a burst within one millisecond never wraps around.
            this.lastRandom = BigInt(`0x${(0,external_node_crypto_.randomBytes)(10).toString('hex')}`) >> 8n;
        }
        return `${prefix}_${encode(BigInt(time), TIME_CHARS)}${encode(this.lastRandom, RANDOM_CHARS)}`;
    }
}
function encode(value, length) {
    let out = '';
    let rest = value;
    for (let i = 0; i < length; i++) {
        out = ALPHABET[Number(rest & 31n)] + out;
        rest >>= 5n;
    }
    return out;
}

;// CONCATENATED MODULE: ./build/emulator/ordered-ids.js
/**
 * Ids kept sorted, so a list page is two binary searches and a slice. Ids sort in creation
 * order (see ids.ts), which is the order WorkOS lists by; a cursor is the id of an item and
 * still works after that item was deleted.
 */
class OrderedIds {
    ids;
    constructor(sorted = []) {
        this.ids = sorted;
    }
    static of(unsorted) {
        return new OrderedIds([...unsorted].sort(compare));
    }
    get size() {
        return this.ids.length;
    }
    add(id) {
        const last = this.ids[this.ids.length - 1];
        if (last === undefined || compare(last, id) < 0) {
            this.ids.push(id);
            return;
        }
        const at = lowerBound(this.ids, id);
        if (this.ids[at] !== id)
            this.ids.splice(at, 0, id);
    }
    remove(id) {
        const at = lowerBound(this.ids, id);
        if (this.ids[at] === id)
            this.ids.splice(at, 1);
    }
    all() {
        return this.ids;
    }
    clear() {
        this.ids = [];
    }
    /**
     * One page in list order with the ids for the neighbouring pages: `after` is set when more
     * items follow this page, `before` when items precede it (WorkOS `list_metadata`).
     */
    page(request) {
        // "normal" is descending with the cursors' meanings swapped (the API's own definition).
        if (request.order === 'normal') {
            const swapped = this.page({ limit: request.limit, order: 'desc', after: request.before, before: request.after });
            return { ids: swapped.ids, before: swapped.after, after: swapped.before };
        }
        const { ids } = this;
        const n = ids.length;
        const limit = request.limit;
        let from; // inclusive start in ascending index space
        let to; // exclusive end
        if (request.order === 'asc') {
            if (request.after !== undefined) {
                from = upperBound(ids, request.after);
                to = Math.min(n, from + limit);
            }
            else if (request.before !== undefined) {
                to = lowerBound(ids, request.before);
                from = Math.max(0, to - limit);
            }
            else {
                from = 0;
                to = Math.min(n, limit);
            }
            const page = ids.slice(from, to);
            return {
                ids: page,
                before: page.length > 0 && from > 0 ? page[0] : null,
                after: page.length > 0 && to < n ? page[page.length - 1] : null,
            };
        }
        if (request.after !== undefined) {
            to = lowerBound(ids, request.after);
            from = Math.max(0, to - limit);
        }
        else if (request.before !== undefined) {
            from = upperBound(ids, request.before);
            to = Math.min(n, from + limit);
        }
        else {
            to = n;
            from = Math.max(0, n - limit);
        }
        const page = ids.slice(from, to).reverse();
        return {
            ids: page,
            before: page.length > 0 && to < n ? page[0] : null,
            after: page.length > 0 && from > 0 ? page[page.length - 1] : null,
        };
    }
}
/** A page of `ids` turned into the API's list object. */
function listPage(ids, request, load) {
    const page = ids.page(request);
    return { object: 'list', data: page.ids.map(load), list_metadata: { before: page.before, after: page.after } };
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** First index whose id is >= `id`. */
function lowerBound(ids, id) {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** First index whose id is > `id`. */
function upperBound(ids, id) {
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] <= id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

;// CONCATENATED MODULE: ./build/emulator/wire.js
// The WorkOS REST API's JSON, as the stand-in sends it: snake_case objects and error bodies.
// Shapes follow the WorkOS OpenAPI description (UserlandUser, Organization,
// UserlandUserOrganizationMembership, Role) and what @workos-inc/node 11 deserializes.
/** An API answer other than success; routes throw it and the server sends `body` as JSON. */
class ApiError extends Error {
    status;
    body;
    constructor(status, body) {
        super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
        this.status = status;
        this.body = body;
    }
}
/** 404 in the API's words, e.g. "User not found: 'user_01…'." */
function notFound(entity, id) {
    return new ApiError(404, { code: 'entity_not_found', entity_id: id, message: `${entity} not found: '${id}'.` });
}
/**
 * 422 for a request body or query that breaks the schema (missing or mistyped fields). The SDK
 * turns it into UnprocessableEntityException; each entry's `code` ends up in its message.
 */
function invalidParameters(errors) {
    return new ApiError(422, { code: 'invalid_request_parameters', message: 'Validation failed.', errors });
}
/**
 * 400 with a top-level code and no `errors`: the SDK surfaces it as GenericServerException with
 * `.code` (e.g. external_id_already_used, invalid_password_hash, invalid_metadata).
 */
function badRequest(code, message) {
    return new ApiError(400, { code, message });
}
/**
 * The connection types the API names (`connection_type`), as @workos-inc/node 11's
 * ConnectionType enum lists them. The enterprise ones are SAML and OIDC; the OAuth ones and
 * MagicLink are sign-in methods of the environment, not of one organization.
 */
const CONNECTION_TYPES = [
    'ADFSSAML',
    'AdpOidc',
    'AppleOAuth',
    'Auth0SAML',
    'AzureSAML',
    'CasSAML',
    'CleverOIDC',
    'ClassLinkSAML',
    'CloudflareSAML',
    'CyberArkSAML',
    'DuoSAML',
    'EntraIdOIDC',
    'GenericOIDC',
    'GenericSAML',
    'GitHubOAuth',
    'GoogleOAuth',
    'GoogleSAML',
    'JumpCloudSAML',
    'KeycloakSAML',
    'LastPassSAML',
    'LoginGovOidc',
    'MagicLink',
    'MicrosoftOAuth',
    'MiniOrangeSAML',
    'NetIqSAML',
    'OktaOIDC',
    'OktaSAML',
    'OneLoginSAML',
    'OracleSAML',
    'PingFederateSAML',
    'PingOneSAML',
    'RipplingSAML',
    'SalesforceOAuth',
    'SalesforceSAML',
    'ShibbolethGenericSAML',
    'ShibbolethSAML',
    'SimpleSamlPhpSAML',
    'VMwareSAML',
];
/** Only `active` connections sign anyone in; `draft` is one an IT admin has not finished setting up. */
const CONNECTION_STATES = ['draft', 'active', 'inactive', 'validating'];

;// CONCATENATED MODULE: ./build/emulator/connections.js



function isConnectionType(value) {
    return typeof value === 'string' && CONNECTION_TYPES.includes(value);
}
class ConnectionStore {
    store;
    now;
    ids = new IdGenerator();
    connections = new Map();
    order = new OrderedIds();
    constructor(store, now = Date.now) {
        this.store = store;
        this.now = now;
    }
    reset() {
        this.connections = new Map();
        this.order = new OrderedIds();
    }
    /** Throws an Error naming what is wrong with the seed (the controls answer it as a 400). */
    seed(input) {
        if (typeof input?.organization_id !== 'string' || input.organization_id === '')
            throw new Error('a connection needs an organization_id');
        if (!isConnectionType(input.connection_type)) {
            throw new Error(`connection_type must be one of ${CONNECTION_TYPES.join(', ')}; got ${JSON.stringify(input.connection_type)}`);
        }
        const state = input.state ?? 'active';
        if (!CONNECTION_STATES.includes(state))
            throw new Error(`state must be one of ${CONNECTION_STATES.join(', ')}`);
        if (input.domains !== undefined &&
            !(Array.isArray(input.domains) && input.domains.every((d) => typeof d === 'string' && d !== ''))) {
            throw new Error('domains must be an array of domain names');
        }
        const organization = this.store.getOrganization(input.organization_id);
        const id = this.ids.next('conn');
        const at = new Date(this.now()).toISOString();
        const domains = input.domains ?? organization.domains.map((d) => d.domain);
        const connection = {
            object: 'connection',
            id,
            organization_id: organization.id,
            connection_type: input.connection_type,
            name: input.name ?? organization.name,
            state: state,
            domains: domains.map((domain) => ({ object: 'connection_domain', id: this.ids.next('conn_domain'), domain })),
            created_at: at,
            updated_at: at,
        };
        this.connections.set(id, connection);
        this.order.add(id);
        return structuredClone(connection);
    }
    get(id) {
        const connection = this.live(id);
        if (connection === undefined)
            throw notFound('Connection', id);
        return structuredClone(connection);
    }
    list(filter, page) {
        const domain = filter.domain?.toLowerCase();
        const matching = this.order.all().filter((id) => {
            const c = this.live(id);
            return (c !== undefined &&
                (filter.organizationId === undefined || c.organization_id === filter.organizationId) &&
                (filter.connectionType === undefined || c.connection_type === filter.connectionType) &&
                (domain === undefined || c.domains.some((d) => d.domain.toLowerCase() === domain)));
        });
        return listPage(new OrderedIds([...matching]), page, (id) => this.get(id));
    }
    delete(id) {
        this.get(id);
        this.connections.delete(id);
        this.order.remove(id);
    }
    /** Every connection, oldest first, for assertions. */
    all() {
        return this.order.all().flatMap((id) => {
            const c = this.live(id);
            return c === undefined ? [] : [structuredClone(c)];
        });
    }
    /** A connection whose organization was deleted is gone too, as in WorkOS. */
    live(id) {
        const connection = this.connections.get(id);
        if (connection === undefined)
            return undefined;
        try {
            this.store.getOrganization(connection.organization_id);
        }
        catch {
            return undefined;
        }
        return connection;
    }
}

// EXTERNAL MODULE: ./node_modules/bcryptjs/index.js
var bcryptjs = __webpack_require__(36242);
;// CONCATENATED MODULE: ./build/model/password.js
// Shape checks only: WorkOS rejects a malformed hash for the whole create request, so a bad
// one is caught here and the user is imported without it. Messages describe what is wrong
// with the shape and never include the hash.
//
// PHC strings (argon2, pbkdf2, scrypt, firebase-scrypt) carry base64 without padding; the
// libraries people export from also write it padded, url-safe, or in the "adapted" alphabet
// with '.' for '+' (passlib), and all of them decode to the same bytes.
const BCRYPT = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]*)$/;
const BCRYPT_BODY_LENGTH = 53; // 22 characters of salt and 31 of hash
const PHC_B64 = '[A-Za-z0-9+/.\\-_]+={0,2}';
const PHC_PARAMS = '[A-Za-z0-9-]+=[^$,]+(?:,[A-Za-z0-9-]+=[^$,]+)*';
const ARGON2 = new RegExp(`^\\$argon2(?:id|i|d)\\$v=(?:16|19)\\$(${PHC_PARAMS})\\$${PHC_B64}\\$${PHC_B64}$`);
const PBKDF2 = new RegExp(`^\\$pbkdf2(?:-([a-z0-9]+))?\\$(${PHC_PARAMS})\\$${PHC_B64}\\$${PHC_B64}$`);
const SCRYPT = new RegExp(`^\\$scrypt\\$(${PHC_PARAMS})\\$${PHC_B64}\\$${PHC_B64}$`);
const SSHA = /^(?:\{(SSHA|SSHA256)\})?([A-Za-z0-9+/]+={0,2})$/i;
const SSHA_DIGEST_BYTES = { ssha: 20, ssha256: 32 };
/** The digests a pbkdf2 hash may name, in its id (`$pbkdf2-sha256$`) or its `d=` parameter. */
const PBKDF2_DIGESTS = ['sha1', 'sha256', 'sha384', 'sha512'];
const EXPECTED = {
    bcrypt: 'a bcrypt hash: $2a$, $2b$ or $2y$, a two-digit cost from 04 to 31, $, then 53 characters (60 in all)',
    argon2: 'an argon2 PHC string: $argon2id$ (or $argon2i$, $argon2d$), v=19, m=…,t=…,p=…, then the base64 salt and hash',
    pbkdf2: 'a pbkdf2 PHC string: $pbkdf2-sha256$i=<iterations>,l=<key length>$<salt>$<hash> (or $pbkdf2$i=…,d=sha256$…)',
    scrypt: 'a scrypt PHC string: $scrypt$ln=…,r=…,p=…$<salt>$<hash> (n=<N> in place of ln= is accepted)',
    'firebase-scrypt': 'a Firebase scrypt PHC string, $firebase-scrypt$sk=<signer key>,ss=<salt separator>,r=<rounds>,m=<mem_cost>$<salt>$<hash>, ' +
        'or the $firebase-scrypt$hash=…$salt=…$sk=…$ss=…$r=…$m=… form',
    ssha: 'base64 of a SHA-1 digest followed by its salt, optionally prefixed {SSHA}',
    ssha256: 'base64 of a SHA-256 digest followed by its salt, optionally prefixed {SSHA256}',
};
function checkPasswordHash(type, hash) {
    if (typeof hash !== 'string' || hash === '')
        return invalid(type, 'it is empty');
    const problem = shapeProblem(type, hash);
    return problem === undefined ? { ok: true } : invalid(type, problem);
}
function invalid(type, problem) {
    return {
        ok: false,
        code: 'invalid_password_hash',
        message: `The ${type} password hash is malformed (${problem}); expected ${EXPECTED[type]}.`,
    };
}
function shapeProblem(type, hash) {
    switch (type) {
        case 'bcrypt':
            return bcryptProblem(hash);
        case 'argon2': {
            const match = ARGON2.exec(hash);
            if (!match)
                return 'it does not have the argon2 PHC layout';
            return missingParams(match[1], ['m', 't', 'p']);
        }
        case 'pbkdf2': {
            const parsed = parsePbkdf2Hash(hash);
            return typeof parsed === 'string' ? parsed : undefined;
        }
        case 'scrypt': {
            const match = SCRYPT.exec(hash);
            if (!match)
                return 'it does not have the scrypt PHC layout';
            const params = paramNames(match[1]);
            if (!params.has('ln') && !params.has('n'))
                return 'the ln (or n) parameter is missing';
            return missingParams(match[1], ['r', 'p']);
        }
        case 'firebase-scrypt': {
            const parsed = parseFirebaseScryptHash(hash);
            return typeof parsed === 'string' ? parsed : undefined;
        }
        case 'ssha':
        case 'ssha256':
            return sshaProblem(type, hash);
    }
}
function isPbkdf2Digest(value) {
    return PBKDF2_DIGESTS.includes(value);
}
/**
 * A pbkdf2 PHC string's parts, or why it is malformed. The digest comes from the id
 * (`$pbkdf2-sha256$`) or the `d=` parameter (`$pbkdf2$i=…,d=sha256$`); with neither it is
 * SHA-1, the PHC default. When both are given they must agree.
 */
function parsePbkdf2Hash(hash) {
    const match = PBKDF2.exec(hash);
    if (!match)
        return 'it does not have the pbkdf2 PHC layout';
    const [, fromId, paramText] = match;
    const missing = missingParams(paramText, ['i']);
    if (missing)
        return missing;
    const iterations = Number(paramValue(paramText, 'i'));
    if (!Number.isInteger(iterations) || iterations < 1)
        return 'the i (iterations) parameter is not a whole number above 0';
    const lengthText = paramValue(paramText, 'l');
    const length = lengthText === undefined ? undefined : Number(lengthText);
    if (length !== undefined && (!Number.isInteger(length) || length < 1))
        return 'the l (key length) parameter is not a whole number above 0';
    const fromParam = paramValue(paramText, 'd')?.toLowerCase().replace('-', '');
    for (const named of [fromId, fromParam]) {
        if (named !== undefined && !isPbkdf2Digest(named))
            return `the digest ${named} is not one of ${PBKDF2_DIGESTS.join(', ')}`;
    }
    if (fromId !== undefined && fromParam !== undefined && fromId !== fromParam)
        return `the id names ${fromId} but the d parameter names ${fromParam}`;
    const parts = hash.split('$');
    return {
        digest: (fromId ?? fromParam ?? 'sha1'),
        iterations,
        ...(length !== undefined ? { length } : {}),
        salt: parts[3],
        hash: parts[4],
    };
}
const FIREBASE_PREFIX = '$firebase-scrypt$';
const FIREBASE_NAMES = new Set(['hash', 'salt', 'sk', 'ss', 'r', 'm']);
const BASE64_TEXT = /^[A-Za-z0-9+/\-_.]+={0,2}$/;
/**
 * Reads both firebase-scrypt forms in circulation: the PHC string of WorkOS's Firebase guide,
 * `$firebase-scrypt$sk=…,ss=…,r=…,m=…$<salt>$<hash>` (unpadded base64), and the form the WorkOS
 * migrations CLI sends, `$firebase-scrypt$hash=…$salt=…$sk=…$ss=…$r=…$m=…` (padded). Parameters
 * may be separated by `$` or `,` in either. Returns why the hash is malformed, without quoting it.
 */
function parseFirebaseScryptHash(text) {
    if (!text.startsWith(FIREBASE_PREFIX))
        return 'it does not start with $firebase-scrypt$';
    const named = new Map();
    const unnamed = [];
    for (const part of text.slice(FIREBASE_PREFIX.length).split(/[$,]/)) {
        if (part === '')
            return 'it has an empty part between separators';
        const eq = part.indexOf('=');
        // Base64 padding also holds '=', so only the parameter names count as keys.
        const name = eq > 0 ? part.slice(0, eq) : '';
        if (FIREBASE_NAMES.has(name)) {
            if (named.has(name))
                return `the ${name} parameter appears twice`;
            named.set(name, part.slice(eq + 1));
        }
        else
            unnamed.push(part);
    }
    if (unnamed.length > 2)
        return 'it has parts that are neither a known parameter nor the salt and hash';
    // The PHC form puts the salt and the hash last, unnamed.
    const salt = named.get('salt') ?? (unnamed.length === 2 ? unnamed[0] : undefined);
    const hash = named.get('hash') ?? unnamed[unnamed.length - 1];
    if (named.has('salt') && named.has('hash') && unnamed.length > 0)
        return 'it has parts that are neither a known parameter nor the salt and hash';
    const missing = [
        ['hash', hash],
        ['salt', salt],
        ['sk', named.get('sk')],
        ['ss', named.get('ss')],
        ['r', named.get('r')],
        ['m', named.get('m')],
    ]
        .filter(([, value]) => !value)
        .map(([name]) => name);
    if (missing.length > 0)
        return `the ${missing.join(', ')} part${missing.length > 1 ? 's are' : ' is'} missing`;
    for (const [name, value] of [
        ['hash', hash],
        ['salt', salt],
        ['sk', named.get('sk')],
        ['ss', named.get('ss')],
    ]) {
        if (!BASE64_TEXT.test(value))
            return `the ${name} part is not base64`;
    }
    const rounds = Number(named.get('r'));
    const memCost = Number(named.get('m'));
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 32)
        return 'r (rounds) is not a whole number from 1 to 32';
    if (!Number.isInteger(memCost) || memCost < 1 || memCost > 20)
        return 'm (mem_cost) is not a whole number from 1 to 20';
    return { hash: hash, salt: salt, signerKey: named.get('sk'), saltSeparator: named.get('ss'), rounds, memCost };
}
/** Base64 without padding, as PHC strings carry it. */
function unpadded(base64) {
    return base64.replace(/=+$/, '');
}
/**
 * A Firebase user's password as WorkOS's Firebase guide builds it: a PHC string with the
 * project's signer key and salt separator as `sk` and `ss`, its rounds and mem_cost as `r` and
 * `m`, then the user's salt and hash, every base64 value without padding.
 */
function formatFirebaseScryptHash(parts) {
    const params = `sk=${unpadded(parts.signerKey)},ss=${unpadded(parts.saltSeparator)},r=${parts.rounds},m=${parts.memCost}`;
    return `${FIREBASE_PREFIX}${params}$${unpadded(parts.salt)}$${unpadded(parts.hash)}`;
}
function bcryptProblem(hash) {
    const match = BCRYPT.exec(hash);
    if (!match) {
        if (!/^\$2[aby]\$/.test(hash))
            return 'it does not start with $2a$, $2b$ or $2y$';
        if (!/^\$2[aby]\$\d\d\$/.test(hash))
            return 'the cost is not two digits followed by $';
        return 'it holds characters outside the bcrypt alphabet';
    }
    const cost = Number(match[1]);
    if (cost < 4 || cost > 31)
        return `the cost ${match[1]} is outside 04–31`;
    const body = match[2];
    if (body.length !== BCRYPT_BODY_LENGTH)
        return `it has ${hash.length} characters instead of 60`;
    return undefined;
}
function sshaProblem(type, hash) {
    const match = SSHA.exec(hash);
    if (!match)
        return 'it is not base64';
    const prefix = match[1]?.toLowerCase();
    if (prefix !== undefined && prefix !== type)
        return `it is prefixed {${match[1]}} but the type is ${type}`;
    const body = match[2];
    if (body.length % 4 !== 0)
        return 'its base64 length is not a multiple of 4';
    const bytes = Buffer.from(body, 'base64').length;
    if (bytes <= SSHA_DIGEST_BYTES[type])
        return `it decodes to ${bytes} bytes, too few for a ${SSHA_DIGEST_BYTES[type]}-byte digest and a salt`;
    return undefined;
}
/** Parameter names, lower-cased: `N=16384` (some libraries) is `n`. */
function paramNames(params) {
    return new Set(params.split(',').map((p) => p.slice(0, p.indexOf('=')).toLowerCase()));
}
function paramValue(params, name) {
    const pair = params.split(',').find((p) => p.slice(0, p.indexOf('=')).toLowerCase() === name);
    return pair?.slice(pair.indexOf('=') + 1);
}
function missingParams(params, required) {
    const names = paramNames(params);
    const missing = required.filter((name) => !names.has(name));
    return missing.length === 0
        ? undefined
        : `the ${missing.join(', ')} parameter${missing.length > 1 ? 's are' : ' is'} missing`;
}

;// CONCATENATED MODULE: ./build/emulator/password-verify.js




// Checks a password against an imported hash the way WorkOS does on sign-in, for the
// `password_hash_type`s the API accepts. Formats (WorkOS migration guides):
//   bcrypt           $2a$|$2b$|$2y$, two-digit cost, 53 characters of salt and hash
//   argon2           PHC: $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>  (also argon2i, argon2d)
//   pbkdf2           PHC: $pbkdf2-sha256$i=<iterations>[,l=<length>]$<salt>$<hash>, or the digest as a
//                    parameter: $pbkdf2$i=…,d=sha256$…  ($pbkdf2$ with neither is SHA-1)
//   scrypt           PHC: $scrypt$ln=<log2 N>,r=…,p=…$<salt>$<hash>  (n=<N> accepted too)
//   ssha / ssha256   [{SSHA}|{SSHA256}]base64(sha(password + salt) + salt)
//   firebase-scrypt  PHC: $firebase-scrypt$sk=<signer key>,ss=<salt separator>,r=<rounds>,m=<mem_cost>
//                    $<salt>$<hash> (WorkOS's Firebase guide), or hash=, salt=, sk=, ss=, r=, m= as
//                    $-separated parts (the WorkOS migrations CLI); model/password.ts reads both.
// PHC base64 is unpadded; the "adapted" alphabet some libraries write ('.' for '+') and
// url-safe base64 decode the same.
const PASSWORD_HASH_TYPES = [
    'bcrypt',
    'firebase-scrypt',
    'ssha',
    'ssha256',
    'scrypt',
    'pbkdf2',
    'argon2',
];
function isPasswordHashType(value) {
    return typeof value === 'string' && PASSWORD_HASH_TYPES.includes(value);
}
/** Why `hash` cannot be a `type` hash, or undefined when its shape is right. Never quotes the hash. */
function hashShapeProblem(type, hash) {
    const parsed = parseHash(type, hash);
    return typeof parsed === 'string' ? parsed : undefined;
}
/** True when `password` is the one `stored` was made from. Unknown types and malformed hashes are false. */
async function verifyPassword(password, stored) {
    if (!isPasswordHashType(stored.type))
        return false;
    const parsed = parseHash(stored.type, stored.hash);
    if (typeof parsed === 'string')
        return false;
    try {
        return await parsed.verify(password);
    }
    catch {
        // A parameter the KDF refuses (e.g. scrypt memory) is a hash nobody can sign in with.
        return false;
    }
}
function parseHash(type, hash) {
    switch (type) {
        case 'bcrypt':
            return parseBcrypt(hash);
        case 'argon2':
            return parseArgon2(hash);
        case 'pbkdf2':
            return parsePbkdf2(hash);
        case 'scrypt':
            return parseScrypt(hash);
        case 'ssha':
            return parseSsha(hash, 'sha1', 20, '{SSHA}');
        case 'ssha256':
            return parseSsha(hash, 'sha256', 32, '{SSHA256}');
        case 'firebase-scrypt':
            return parseFirebaseScrypt(hash);
    }
}
const password_verify_BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;
function parseBcrypt(hash) {
    const match = password_verify_BCRYPT.exec(hash);
    if (!match)
        return 'a bcrypt hash is $2a$, $2b$ or $2y$, a two-digit cost, $ and 53 characters';
    const cost = Number(match[1]);
    if (cost < 4 || cost > 31)
        return 'the bcrypt cost must be between 04 and 31';
    return { verify: (password) => bcryptjs/* default.compare */.Ay.compare(password, hash) };
}
const B64 = '[A-Za-z0-9+/.\\-_]+={0,2}';
const password_verify_PHC_PARAMS = '[A-Za-z0-9-]+=[^$,]+(?:,[A-Za-z0-9-]+=[^$,]+)*';
const password_verify_ARGON2 = new RegExp(`^\\$(argon2id|argon2i|argon2d)\\$(?:v=(\\d+)\\$)?(${password_verify_PHC_PARAMS})\\$(${B64})\\$(${B64})$`);
const password_verify_SCRYPT = new RegExp(`^\\$scrypt\\$(${password_verify_PHC_PARAMS})\\$(${B64})\\$(${B64})$`);
function parseArgon2(hash) {
    const match = password_verify_ARGON2.exec(hash);
    if (!match)
        return 'an argon2 hash is a PHC string: $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>';
    const [, algorithm, version, paramText, saltText, hashText] = match;
    const params = phcParams(paramText);
    const memory = params.get('m');
    const passes = params.get('t');
    const parallelism = params.get('p');
    if (memory === undefined || passes === undefined || parallelism === undefined)
        return 'an argon2 hash needs the m, t and p parameters';
    const salt = decodeBase64(saltText);
    const expected = decodeBase64(hashText);
    return {
        async verify(password) {
            // node:crypto implements version 0x13 (19) only; older hashes cannot be checked here.
            if (version !== undefined && version !== '19')
                return false;
            const derived = await runArgon2(algorithm, {
                message: password,
                nonce: salt,
                memory,
                passes,
                parallelism,
                tagLength: expected.length,
            });
            return sameBytes(derived, expected);
        },
    };
}
function runArgon2(algorithm, parameters) {
    // Node gained crypto.argon2 in 24.7 (read off the namespace so older Node can still load this
    // module); there an argon2 password simply does not verify.
    const argon2 = external_node_crypto_.argon2;
    if (typeof argon2 !== 'function')
        return Promise.reject(new Error('crypto.argon2 needs Node 24.7 or later'));
    return new Promise((resolve, reject) => argon2(algorithm, parameters, (error, key) => (error ? reject(error) : resolve(key))));
}
function parsePbkdf2(hash) {
    const parts = parsePbkdf2Hash(hash);
    if (typeof parts === 'string')
        return `a pbkdf2 hash is a PHC string: $pbkdf2-sha256$i=<iterations>,l=<length>$<salt>$<hash> (${parts})`;
    const salt = decodeBase64(parts.salt);
    const expected = decodeBase64(parts.hash);
    const length = parts.length ?? expected.length;
    if (length !== expected.length)
        return 'the pbkdf2 l parameter does not match the hash length';
    return {
        verify: (password) => new Promise((resolve, reject) => (0,external_node_crypto_.pbkdf2)(password, salt, parts.iterations, length, parts.digest, (error, key) => error ? reject(error) : resolve(sameBytes(key, expected)))),
    };
}
function parseScrypt(hash) {
    const match = password_verify_SCRYPT.exec(hash);
    if (!match)
        return 'a scrypt hash is a PHC string: $scrypt$ln=…,r=…,p=…$<salt>$<hash>';
    const [, paramText, saltText, hashText] = match;
    const params = phcParams(paramText);
    const logN = params.get('ln');
    const cost = logN !== undefined ? 2 ** logN : params.get('n');
    const blockSize = params.get('r');
    const parallelization = params.get('p');
    if (cost === undefined || blockSize === undefined || parallelization === undefined)
        return 'a scrypt hash needs the ln (or n), r and p parameters';
    const salt = decodeBase64(saltText);
    const expected = decodeBase64(hashText);
    return {
        verify: async (password) => sameBytes(await runScrypt(password, salt, expected.length, { N: cost, r: blockSize, p: parallelization }), expected),
    };
}
function parseSsha(hash, digest, digestBytes, prefix) {
    const body = hash.toUpperCase().startsWith(prefix) ? hash.slice(prefix.length) : hash;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
        return `an ${digest === 'sha1' ? 'ssha' : 'ssha256'} hash is base64 of the digest followed by the salt`;
    const bytes = Buffer.from(body, 'base64');
    if (bytes.length <= digestBytes)
        return `the hash is too short for a ${digestBytes}-byte digest and a salt`;
    const expected = bytes.subarray(0, digestBytes);
    const salt = bytes.subarray(digestBytes);
    return {
        verify: async (password) => sameBytes((0,external_node_crypto_.createHash)(digest).update(password).update(salt).digest(), expected),
    };
}
function parseFirebaseScrypt(hash) {
    const parts = parseFirebaseScryptHash(hash);
    if (typeof parts === 'string')
        return `a firebase-scrypt hash needs the hash, salt, sk, ss, r and m parts (${parts})`;
    const expected = decodeBase64(parts.hash);
    return {
        async verify(password) {
            // Firebase's modified scrypt (github.com/firebase/scrypt): scrypt of the password with the
            // user's salt followed by the project's salt separator, N = 2^mem_cost, r = rounds, p = 1,
            // gives a key; its first 32 bytes encrypt the project's signer key with AES-256-CTR and a
            // zero IV; the ciphertext is the stored hash.
            const salt = Buffer.concat([decodeBase64(parts.salt), decodeBase64(parts.saltSeparator)]);
            const key = await runScrypt(password, salt, 64, { N: 2 ** parts.memCost, r: parts.rounds, p: 1 });
            const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-ctr', key.subarray(0, 32), Buffer.alloc(16));
            const derived = Buffer.concat([cipher.update(decodeBase64(parts.signerKey)), cipher.final()]);
            return sameBytes(derived, expected);
        },
    };
}
function runScrypt(password, salt, length, options) {
    // Node refuses scrypt above 32 MiB unless told; real hashes (N=2^17, r=8) need 128 MiB.
    const scryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
    return new Promise((resolve, reject) => (0,external_node_crypto_.scrypt)(password, salt, length, scryptOptions, (error, key) => (error ? reject(error) : resolve(key))));
}
function phcParams(text) {
    const params = new Map();
    for (const pair of text.split(',')) {
        const eq = pair.indexOf('=');
        const value = Number(pair.slice(eq + 1));
        // `N=16384` (some scrypt libraries) is the same parameter as `n=`.
        if (Number.isFinite(value))
            params.set(pair.slice(0, eq).toLowerCase(), value);
    }
    return params;
}
function decodeBase64(text) {
    return Buffer.from(text.replace(/[.-]/g, '+').replace(/_/g, '/').replace(/=+$/, ''), 'base64');
}
function sameBytes(a, b) {
    return a.length === b.length && a.length > 0 && (0,external_node_crypto_.timingSafeEqual)(a, b);
}

;// CONCATENATED MODULE: ./build/emulator/rate-limit.js
/**
 * WorkOS's limit shape: at most `requests` in any `windowMs` (a sliding window, e.g. 500 writes
 * per 10 s). Admitted requests are remembered by arrival time; refused ones do not count.
 */
class SlidingWindowLimiter {
    limit;
    now;
    // A queue of arrival times: `times[head..]` are inside the window.
    times = [];
    head = 0;
    constructor(limit, now = Date.now) {
        this.limit = limit;
        this.now = now;
        if (!(limit.requests >= 1) || !(limit.windowMs > 0))
            throw new RangeError('a window limit needs requests >= 1 and windowMs > 0');
    }
    /** Admits the request (0) or says how many whole seconds until one would be admitted (>= 1). */
    take() {
        const now = this.now();
        const windowStart = now - this.limit.windowMs;
        while (this.head < this.times.length && this.times[this.head] <= windowStart)
            this.head++;
        if (this.head > 1024 && this.head * 2 > this.times.length) {
            this.times = this.times.slice(this.head);
            this.head = 0;
        }
        if (this.times.length - this.head < this.limit.requests) {
            this.times.push(now);
            return 0;
        }
        const oldest = this.times[this.head];
        return Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000));
    }
    reset() {
        this.times = [];
        this.head = 0;
    }
}

;// CONCATENATED MODULE: ./build/emulator/routes/authenticate.js


/**
 * `POST /user_management/authenticate` with the password grant: checks the password against
 * what the user holds (a password set through the API, or an imported hash) and answers like
 * WorkOS: the user, tokens, and the organization when the user belongs to exactly one.
 */
function authenticateRoute(store, options) {
    return {
        method: 'POST',
        pattern: '/user_management/authenticate',
        async handle({ body }) {
            // OAuth-style errors ({error, error_description}) for the standard grant's own checks.
            if (body.grant_type !== 'password') {
                throw new ApiError(400, {
                    error: 'unsupported_grant_type',
                    error_description: 'The stand-in supports the password grant only.',
                });
            }
            if (typeof body.client_id !== 'string' ||
                body.client_id === '' ||
                (options.clientId !== undefined && body.client_id !== options.clientId)) {
                throw new ApiError(400, { error: 'invalid_client', error_description: 'Invalid client ID.' });
            }
            if (typeof body.email !== 'string' ||
                typeof body.password !== 'string' ||
                body.email === '' ||
                body.password === '') {
                throw new ApiError(400, { error: 'invalid_request', error_description: 'email and password are required.' });
            }
            const user = await store.checkPassword(body.email, body.password);
            // WorkOS answers 400 (not 401) and names the email; the stand-in leaves the email out.
            if (user === undefined)
                throw badRequest('invalid_credentials', 'Invalid credentials.');
            const memberships = store.activeMembershipsOf(user.id);
            if (memberships.length > 1) {
                throw new ApiError(403, {
                    code: 'organization_selection_required',
                    message: 'The user must choose an organization to finish their authentication.',
                    pending_authentication_token: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
                    organizations: memberships.map((m) => ({ id: m.organization_id, name: m.organization_name })),
                    user,
                });
            }
            const membership = memberships[0];
            const signedIn = store.updateUser(user.id, { last_sign_in_at: new Date().toISOString() });
            const accessToken = options.tokens.issue({
                sub: user.id,
                sid: options.ids.next('session'),
                ...(membership
                    ? {
                        org_id: membership.organization_id,
                        role: membership.role.slug,
                        roles: membership.roles.map((r) => r.slug),
                    }
                    : {}),
            });
            return {
                status: 200,
                body: {
                    user: signedIn,
                    ...(membership ? { organization_id: membership.organization_id } : {}),
                    access_token: accessToken,
                    refresh_token: (0,external_node_crypto_.randomBytes)(24).toString('base64url'),
                    authentication_method: 'Password',
                },
            };
        },
    };
}

;// CONCATENATED MODULE: ./build/emulator/request-fields.js

// Reading request bodies and queries against the API's schema. Schema breaches (missing or
// mistyped fields, limits in the OpenAPI description) are collected and answered together as
// 422 invalid_request_parameters, as WorkOS's validation layer does.
// The OpenAPI description's limits for users and organizations.
const METADATA_MAX_KEYS = 50;
const METADATA_MAX_KEY_LENGTH = 40;
const METADATA_MAX_VALUE_LENGTH = 600;
const EXTERNAL_ID_MAX_LENGTH = 128;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
class BodyFields {
    body;
    errors = [];
    constructor(body) {
        this.body = body;
    }
    /** True when the field was sent (JSON null counts as sent; the SDK drops undefined fields). */
    has(field) {
        return this.body[field] !== undefined;
    }
    raw(field) {
        return this.body[field];
    }
    fail(field, code, message) {
        this.errors.push({ field, code, message });
    }
    requiredString(field) {
        const value = this.body[field];
        if (typeof value !== 'string' || value.trim() === '') {
            this.fail(field, `${field}_string_required`, `${label(field)} must be a non-empty string.`);
            return '';
        }
        return value;
    }
    /** undefined when absent; null when sent as null. */
    nullableString(field) {
        const value = this.body[field];
        if (value === undefined || value === null || typeof value === 'string')
            return value;
        this.fail(field, `${field}_must_be_string`, `${label(field)} must be a string.`);
        return undefined;
    }
    optionalString(field) {
        const value = this.nullableString(field);
        return value === null ? undefined : value;
    }
    optionalBoolean(field) {
        const value = this.body[field];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value === 'boolean')
            return value;
        this.fail(field, `${field}_must_be_boolean`, `${label(field)} must be a boolean.`);
        return undefined;
    }
    optionalStringArray(field) {
        const value = this.body[field];
        if (value === undefined || value === null)
            return undefined;
        if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== ''))
            return value;
        this.fail(field, `${field}_must_be_string_array`, `${label(field)} must be an array of non-empty strings.`);
        return undefined;
    }
    requiredEmail(field) {
        const value = this.requiredString(field);
        if (value !== '' && !EMAIL_SHAPE.test(value))
            this.fail(field, 'email_invalid', `${label(field)} must be a valid email address.`);
        return value;
    }
    optionalEmail(field) {
        return this.has(field) ? this.requiredEmail(field) : undefined;
    }
    externalId(field = 'external_id') {
        const value = this.nullableString(field);
        if (typeof value !== 'string')
            return value;
        if (value === '' || value.length > EXTERNAL_ID_MAX_LENGTH || !/^[\x00-\x7F]+$/.test(value)) {
            this.fail(field, 'external_id_invalid', `External ID must be 1 to ${EXTERNAL_ID_MAX_LENGTH} ASCII characters.`);
            return undefined;
        }
        return value;
    }
    /** undefined when absent; null (sent as null) clears the metadata. */
    metadata(field = 'metadata') {
        const value = this.body[field];
        if (value === undefined || value === null)
            return value;
        if (typeof value !== 'object' || Array.isArray(value)) {
            this.fail(field, 'metadata_must_be_object', 'Metadata must be an object of string values.');
            return undefined;
        }
        const entries = Object.entries(value);
        const before = this.errors.length;
        if (entries.length > METADATA_MAX_KEYS)
            this.fail(field, 'metadata_too_many_keys', `Metadata can hold at most ${METADATA_MAX_KEYS} keys.`);
        for (const [key, entry] of entries) {
            if (key.length > METADATA_MAX_KEY_LENGTH)
                this.fail(`${field}.${key.slice(0, METADATA_MAX_KEY_LENGTH)}…`, 'metadata_key_too_long', `Metadata keys can be at most ${METADATA_MAX_KEY_LENGTH} characters.`);
            if (typeof entry !== 'string')
                this.fail(`${field}.${key}`, 'metadata_value_must_be_string', 'Metadata values must be strings.');
            else if (entry.length > METADATA_MAX_VALUE_LENGTH)
                this.fail(`${field}.${key}`, 'metadata_value_too_long', `Metadata values can be at most ${METADATA_MAX_VALUE_LENGTH} characters.`);
        }
        return this.errors.length === before ? value : undefined;
    }
    /** Throws the collected schema breaches as one 422. */
    done() {
        if (this.errors.length > 0)
            throw invalidParameters(this.errors);
    }
}
/** `limit`, `order`, `before`, `after` of a list request, with the API's defaults and bounds. */
function pageRequest(query) {
    const errors = [];
    const limitText = query.get('limit');
    const limit = limitText === null ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        errors.push({
            field: 'limit',
            code: 'limit_out_of_range',
            message: 'Limit must be a whole number between 1 and 100.',
        });
    const order = query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc' && order !== 'normal')
        errors.push({ field: 'order', code: 'order_invalid', message: 'Order must be asc, desc or normal.' });
    if (errors.length > 0)
        throw invalidParameters(errors);
    return {
        limit,
        order: order,
        after: query.get('after') || undefined,
        before: query.get('before') || undefined,
    };
}
/** A query array, sent either comma-separated (the SDK's form) or as repeated `name[]`. */
function queryList(query, name) {
    const values = [...query.getAll(name), ...query.getAll(`${name}[]`)]
        .flatMap((v) => v.split(','))
        .filter((v) => v !== '');
    return values.length > 0 ? values : undefined;
}
function label(field) {
    const words = field.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}

;// CONCATENATED MODULE: ./build/emulator/routes/connections.js



/** `GET /connections` with the API's filters (organization_id, connection_type, domain) and cursors. */
function connectionRoutes(connections) {
    return [
        {
            method: 'GET',
            pattern: '/connections',
            handle({ query }) {
                const page = pageRequest(query);
                const connectionType = query.get('connection_type') || undefined;
                if (connectionType !== undefined && !isConnectionType(connectionType)) {
                    throw invalidParameters([
                        {
                            field: 'connection_type',
                            code: 'connection_type_invalid',
                            message: `Connection type must be one of ${CONNECTION_TYPES.join(', ')}.`,
                        },
                    ]);
                }
                const filter = {
                    organizationId: query.get('organization_id') || undefined,
                    connectionType,
                    domain: query.get('domain') || undefined,
                };
                return { status: 200, body: connections.list(filter, page) };
            },
        },
        {
            method: 'GET',
            pattern: '/connections/:id',
            handle: ({ params }) => ({ status: 200, body: connections.get(params.id) }),
        },
        {
            method: 'DELETE',
            pattern: '/connections/:id',
            handle({ params }) {
                connections.delete(params.id);
                return { status: 204 };
            },
        },
    ];
}

;// CONCATENATED MODULE: ./build/emulator/routes/memberships.js


const STATUSES = ['active', 'inactive', 'pending'];
function membershipRoutes(store) {
    // API answers embed the member (the OpenAPI description requires `user`); the snapshot does not.
    const withUser = (membership) => ({
        ...membership,
        user: store.getUser(membership.user_id),
    });
    return [
        {
            method: 'POST',
            pattern: '/user_management/organization_memberships',
            handle({ body }) {
                const fields = new BodyFields(body);
                const userId = fields.requiredString('user_id');
                const organizationId = fields.requiredString('organization_id');
                const roleSlugs = readRoleSlugs(fields);
                fields.done();
                return { status: 201, body: withUser(store.createMembership({ userId, organizationId, roleSlugs })) };
            },
        },
        {
            method: 'GET',
            pattern: '/user_management/organization_memberships',
            handle({ query }) {
                const page = pageRequest(query);
                const userId = query.get('user_id') || undefined;
                const organizationId = query.get('organization_id') || undefined;
                if (userId === undefined && organizationId === undefined) {
                    throw badRequest('missing_user_id_or_organization_id', 'At least one of user_id or organization_id is required.');
                }
                const statuses = queryList(query, 'statuses');
                const unknown = statuses?.find((s) => !STATUSES.includes(s));
                if (unknown !== undefined)
                    throw invalidParameters([
                        { field: 'statuses', code: 'statuses_invalid', message: 'Statuses must be active, inactive or pending.' },
                    ]);
                const list = store.listMemberships({ userId, organizationId, statuses: statuses }, page);
                return { status: 200, body: { ...list, data: list.data.map(withUser) } };
            },
        },
        {
            method: 'GET',
            pattern: '/user_management/organization_memberships/:id',
            handle: ({ params }) => ({ status: 200, body: withUser(store.getMembership(params.id)) }),
        },
        {
            method: 'PUT',
            pattern: '/user_management/organization_memberships/:id',
            handle({ params, body }) {
                const fields = new BodyFields(body);
                const roleSlugs = readRoleSlugs(fields);
                fields.done();
                return { status: 200, body: withUser(store.updateMembership(params.id, roleSlugs)) };
            },
        },
        {
            method: 'DELETE',
            pattern: '/user_management/organization_memberships/:id',
            handle({ params }) {
                store.deleteMembership(params.id);
                return { status: 200 };
            },
        },
    ];
}
/** `role_slug` or `role_slugs` (one or the other, as the API's schema says). */
function readRoleSlugs(fields) {
    const single = fields.optionalString('role_slug');
    const many = fields.optionalStringArray('role_slugs');
    if (single !== undefined && many !== undefined) {
        fields.fail('role_slugs', 'role_slug_and_role_slugs_provided', 'Provide either role_slug or role_slugs, not both.');
        return undefined;
    }
    if (single === '') {
        fields.fail('role_slug', 'role_slug_invalid', 'Role slug must not be empty.');
        return undefined;
    }
    return many ?? (single !== undefined ? [single] : undefined);
}

;// CONCATENATED MODULE: ./build/emulator/routes/organizations.js

function organizationRoutes(store) {
    return [
        {
            method: 'POST',
            pattern: '/organizations',
            handle({ body }) {
                const fields = new BodyFields(body);
                const name = fields.requiredString('name');
                const externalId = fields.externalId();
                const metadata = fields.metadata();
                const domains = readDomains(fields);
                const allowOutside = fields.optionalBoolean('allow_profiles_outside_organization');
                fields.done();
                return {
                    status: 201,
                    body: store.createOrganization({
                        name,
                        external_id: externalId ?? null,
                        metadata: metadata ?? {},
                        domains: domains ?? [],
                        allow_profiles_outside_organization: allowOutside ?? false,
                    }),
                };
            },
        },
        {
            method: 'GET',
            pattern: '/organizations',
            handle({ query }) {
                const page = pageRequest(query);
                return {
                    status: 200,
                    body: store.listOrganizations({ domains: queryList(query, 'domains'), search: query.get('search') || undefined }, page),
                };
            },
        },
        {
            method: 'GET',
            pattern: '/organizations/external_id/:externalId',
            handle: ({ params }) => ({ status: 200, body: store.getOrganizationByExternalId(params.externalId) }),
        },
        {
            method: 'GET',
            pattern: '/organizations/:id',
            handle: ({ params }) => ({ status: 200, body: store.getOrganization(params.id) }),
        },
        {
            method: 'PUT',
            pattern: '/organizations/:id',
            handle({ params, body }) {
                const fields = new BodyFields(body);
                const changes = {};
                if (fields.has('name'))
                    changes.name = fields.requiredString('name');
                const externalId = fields.externalId();
                if (externalId !== undefined)
                    changes.external_id = externalId;
                const metadata = fields.metadata();
                if (metadata !== undefined)
                    changes.metadata = metadata ?? {};
                const domains = readDomains(fields);
                if (domains !== undefined)
                    changes.domains = domains;
                const allowOutside = fields.optionalBoolean('allow_profiles_outside_organization');
                if (allowOutside !== undefined)
                    changes.allow_profiles_outside_organization = allowOutside;
                const stripeCustomerId = fields.optionalString('stripe_customer_id');
                if (stripeCustomerId !== undefined)
                    changes.stripe_customer_id = stripeCustomerId;
                fields.done();
                return { status: 200, body: store.updateOrganization(params.id, changes) };
            },
        },
        {
            method: 'DELETE',
            pattern: '/organizations/:id',
            handle({ params }) {
                store.deleteOrganization(params.id);
                return { status: 200 };
            },
        },
    ];
}
/** `domain_data: [{domain, state}]`, or the older `domains: ["example.com"]` (taken as verified). */
function readDomains(fields) {
    const data = fields.raw('domain_data');
    if (data !== undefined && data !== null) {
        const valid = Array.isArray(data) &&
            data.every((d) => typeof d === 'object' &&
                d !== null &&
                typeof d.domain === 'string' &&
                d.domain !== '' &&
                (d.state === 'verified' || d.state === 'pending'));
        if (!valid) {
            fields.fail('domain_data', 'domain_data_invalid', 'Domain data must be a list of {domain, state} with state verified or pending.');
            return undefined;
        }
        return data.map(({ domain, state }) => ({ domain, state }));
    }
    return fields.optionalStringArray('domains')?.map((domain) => ({ domain, state: 'verified' }));
}

;// CONCATENATED MODULE: ./build/emulator/routes/portal.js


// The intents `POST /portal/generate_link` accepts (@workos-inc/node 11's GenerateLinkIntent).
const INTENTS = [
    'sso',
    'dsync',
    'audit_logs',
    'log_streams',
    'domain_verification',
    'certificate_renewal',
    'bring_your_own_key',
];
/**
 * `POST /portal/generate_link`: a one-time Admin Portal link for an organization. In WorkOS it
 * expires five minutes after issue and opens setup.workos.com; here it points at the stand-in,
 * holds a random token, and changes no data, so it is paced and counted as a read.
 */
function portalRoutes(store, baseUrl) {
    return [
        {
            method: 'POST',
            pattern: '/portal/generate_link',
            readOnly: true,
            handle({ body }) {
                const fields = new BodyFields(body);
                const organization = fields.requiredString('organization');
                const intent = fields.optionalString('intent');
                if (intent !== undefined && !INTENTS.includes(intent)) {
                    fields.fail('intent', 'intent_invalid', `Intent must be one of ${INTENTS.join(', ')}.`);
                }
                fields.optionalString('return_url');
                fields.optionalString('success_url');
                fields.done();
                store.getOrganization(organization);
                const token = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
                return { status: 201, body: { link: `${baseUrl()}/portal/launch?intent=${intent ?? 'sso'}&token=${token}` } };
            },
        },
    ];
}

;// CONCATENATED MODULE: ./build/emulator/routes/roles.js
// Only environment roles exist here, so an organization's roles are the environment's.
function roleRoutes(store) {
    return [
        {
            method: 'GET',
            pattern: '/authorization/roles',
            handle: () => ({ status: 200, body: { object: 'list', data: store.listRoles() } }),
        },
        {
            method: 'GET',
            pattern: '/authorization/organizations/:organizationId/roles',
            handle({ params }) {
                store.getOrganization(params.organizationId);
                return { status: 200, body: { object: 'list', data: store.listRoles() } };
            },
        },
    ];
}

;// CONCATENATED MODULE: ./build/emulator/store.js





const DEFAULT_ROLE = 'member';
class EmulatorStore {
    options;
    ids = new IdGenerator();
    state = emptyState();
    constructor(options = {
        duplicateEmailStyle: 'user_creation_error',
    }) {
        this.options = options;
        this.reset();
    }
    reset() {
        this.state = emptyState();
        this.defineRole('admin', 'Admin');
        this.defineRole('member', 'Member');
    }
    timestamp() {
        return new Date((this.options.now ?? Date.now)()).toISOString();
    }
    // ---- users
    createUser(input) {
        const emailKey = input.email.toLowerCase();
        if (this.state.usersByEmail.has(emailKey))
            throw this.emailTakenOnCreate();
        if (input.external_id !== null && this.state.usersByExternalId.has(input.external_id))
            throw externalIdAlreadyUsed('user');
        const id = input.id ?? this.ids.next('user');
        if (this.state.users.has(id))
            throw new Error(`a user with id ${id} already exists`);
        const now = this.timestamp();
        const user = {
            object: 'user',
            id,
            email: input.email,
            email_verified: input.email_verified,
            first_name: input.first_name,
            last_name: input.last_name,
            profile_picture_url: null,
            last_sign_in_at: null,
            locale: null,
            external_id: input.external_id,
            metadata: { ...input.metadata },
            created_at: now,
            updated_at: now,
        };
        this.state.users.set(id, user);
        this.state.usersByEmail.set(emailKey, id);
        if (user.external_id !== null)
            this.state.usersByExternalId.set(user.external_id, id);
        this.state.userOrder.add(id);
        if (input.credential)
            this.state.credentials.set(id, input.credential);
        return copy(user);
    }
    getUser(id) {
        return copy(this.userRecord(id));
    }
    getUserByExternalId(externalId) {
        const id = this.state.usersByExternalId.get(externalId);
        if (id === undefined)
            throw notFound('User', externalId);
        return this.getUser(id);
    }
    listUsers(filter, page) {
        let candidates = this.state.userOrder;
        if (filter.email !== undefined) {
            const id = this.state.usersByEmail.get(filter.email.toLowerCase());
            candidates = new OrderedIds(id === undefined ? [] : [id]);
        }
        if (filter.organizationId !== undefined) {
            const members = this.state.membershipsByOrganization.get(filter.organizationId)?.all() ?? [];
            const userIds = members.map((m) => this.state.memberships.get(m).user_id);
            const inScope = filter.email !== undefined ? new Set(candidates.all()) : undefined;
            candidates = OrderedIds.of(inScope ? userIds.filter((u) => inScope.has(u)) : userIds);
        }
        return listPage(candidates, page, (id) => this.getUser(id));
    }
    updateUser(id, changes) {
        const user = this.userRecord(id);
        if (changes.email !== undefined && changes.email.toLowerCase() !== user.email.toLowerCase()) {
            const owner = this.state.usersByEmail.get(changes.email.toLowerCase());
            if (owner !== undefined && owner !== id)
                throw badRequest('email_not_available', 'This email is not available.');
        }
        if (changes.external_id !== undefined && changes.external_id !== null) {
            const owner = this.state.usersByExternalId.get(changes.external_id);
            if (owner !== undefined && owner !== id)
                throw externalIdAlreadyUsed('user');
        }
        if (changes.email_verified === false && user.email_verified) {
            throw badRequest('email_already_verified', 'The user email has already been verified and cannot be unverified.');
        }
        if (changes.email !== undefined) {
            this.state.usersByEmail.delete(user.email.toLowerCase());
            this.state.usersByEmail.set(changes.email.toLowerCase(), id);
            user.email = changes.email;
        }
        if (changes.external_id !== undefined) {
            if (user.external_id !== null)
                this.state.usersByExternalId.delete(user.external_id);
            if (changes.external_id !== null)
                this.state.usersByExternalId.set(changes.external_id, id);
            user.external_id = changes.external_id;
        }
        if (changes.email_verified !== undefined)
            user.email_verified = changes.email_verified;
        if (changes.first_name !== undefined)
            user.first_name = changes.first_name;
        if (changes.last_name !== undefined)
            user.last_name = changes.last_name;
        if (changes.metadata !== undefined)
            user.metadata = { ...changes.metadata };
        if (changes.last_sign_in_at !== undefined)
            user.last_sign_in_at = changes.last_sign_in_at;
        if (changes.credential !== undefined)
            this.state.credentials.set(id, changes.credential);
        user.updated_at = this.timestamp();
        return copy(user);
    }
    deleteUser(id) {
        const user = this.userRecord(id);
        for (const membershipId of [...(this.state.membershipsByUser.get(id)?.all() ?? [])])
            this.removeMembership(membershipId);
        this.state.users.delete(id);
        this.state.usersByEmail.delete(user.email.toLowerCase());
        if (user.external_id !== null)
            this.state.usersByExternalId.delete(user.external_id);
        this.state.userOrder.remove(id);
        this.state.credentials.delete(id);
    }
    /** The user whose password this is, or undefined (unknown email, no password, wrong password). */
    async checkPassword(email, password) {
        const id = this.state.usersByEmail.get(email.toLowerCase());
        const credential = id === undefined ? undefined : this.state.credentials.get(id);
        if (id === undefined || credential === undefined)
            return undefined;
        const matches = credential.kind === 'password'
            ? sameDigest(passwordDigest(password, credential.salt), credential.digest)
            : await verifyPassword(password, credential);
        // The user may have been deleted while a slow hash was being checked.
        return matches && this.state.users.has(id) ? this.getUser(id) : undefined;
    }
    /** What kind of password a user holds, for test assertions; never sent over the API. */
    credentialOf(userId) {
        const credential = this.state.credentials.get(userId);
        if (credential === undefined)
            return undefined;
        return credential.kind === 'password' ? { type: 'password' } : { type: credential.type, hash: credential.hash };
    }
    userRecord(id) {
        const user = this.state.users.get(id);
        if (user === undefined)
            throw notFound('User', id);
        return user;
    }
    emailTakenOnCreate() {
        // The WorkOS OpenAPI description: a create refused for the email answers 400
        // user_creation_error with the reason in `errors` (the SDK's BadRequestException);
        // an update refused for it answers a top-level email_not_available.
        if (this.options.duplicateEmailStyle === 'user_creation_error') {
            return new ApiError(400, {
                code: 'user_creation_error',
                message: 'Could not create user.',
                errors: [{ code: 'email_not_available', message: 'This email is not available.' }],
            });
        }
        return badRequest('email_not_available', 'This email is not available.');
    }
    // ---- organizations
    createOrganization(input) {
        if (input.external_id !== null && this.state.organizationsByExternalId.has(input.external_id))
            throw externalIdAlreadyUsed('organization');
        const id = this.ids.next('org');
        const now = this.timestamp();
        const organization = {
            object: 'organization',
            id,
            name: input.name,
            allow_profiles_outside_organization: input.allow_profiles_outside_organization,
            domains: this.makeDomains(id, input.domains, now),
            external_id: input.external_id,
            metadata: { ...input.metadata },
            created_at: now,
            updated_at: now,
        };
        this.state.organizations.set(id, organization);
        if (organization.external_id !== null)
            this.state.organizationsByExternalId.set(organization.external_id, id);
        this.state.organizationOrder.add(id);
        return copy(organization);
    }
    getOrganization(id) {
        return copy(this.organizationRecord(id));
    }
    getOrganizationByExternalId(externalId) {
        const id = this.state.organizationsByExternalId.get(externalId);
        if (id === undefined)
            throw notFound('Organization', externalId);
        return this.getOrganization(id);
    }
    listOrganizations(filter, page) {
        let candidates = this.state.organizationOrder;
        if (filter.domains !== undefined || filter.search !== undefined) {
            const domains = filter.domains?.map((d) => d.toLowerCase());
            const search = filter.search?.toLowerCase();
            const matching = [...this.state.organizations.values()].filter((o) => (domains === undefined || o.domains.some((d) => domains.includes(d.domain.toLowerCase()))) &&
                (search === undefined || o.name.toLowerCase().includes(search)));
            candidates = OrderedIds.of(matching.map((o) => o.id));
        }
        return listPage(candidates, page, (id) => this.getOrganization(id));
    }
    updateOrganization(id, changes) {
        const organization = this.organizationRecord(id);
        if (changes.external_id !== undefined && changes.external_id !== null) {
            const owner = this.state.organizationsByExternalId.get(changes.external_id);
            if (owner !== undefined && owner !== id)
                throw externalIdAlreadyUsed('organization');
        }
        const now = this.timestamp();
        if (changes.external_id !== undefined) {
            if (organization.external_id !== null)
                this.state.organizationsByExternalId.delete(organization.external_id);
            if (changes.external_id !== null)
                this.state.organizationsByExternalId.set(changes.external_id, id);
            organization.external_id = changes.external_id;
        }
        if (changes.name !== undefined)
            organization.name = changes.name;
        if (changes.metadata !== undefined)
            organization.metadata = { ...changes.metadata };
        if (changes.domains !== undefined)
            organization.domains = this.makeDomains(id, changes.domains, now);
        if (changes.allow_profiles_outside_organization !== undefined)
            organization.allow_profiles_outside_organization = changes.allow_profiles_outside_organization;
        if (changes.stripe_customer_id !== undefined)
            organization.stripe_customer_id = changes.stripe_customer_id;
        organization.updated_at = now;
        return copy(organization);
    }
    deleteOrganization(id) {
        const organization = this.organizationRecord(id);
        for (const membershipId of [...(this.state.membershipsByOrganization.get(id)?.all() ?? [])])
            this.removeMembership(membershipId);
        this.state.organizations.delete(id);
        if (organization.external_id !== null)
            this.state.organizationsByExternalId.delete(organization.external_id);
        this.state.organizationOrder.remove(id);
    }
    organizationRecord(id) {
        const organization = this.state.organizations.get(id);
        if (organization === undefined)
            throw notFound('Organization', id);
        return organization;
    }
    makeDomains(organizationId, domains, now) {
        return domains.map(({ domain, state }) => ({
            object: 'organization_domain',
            id: this.ids.next('org_domain'),
            organization_id: organizationId,
            domain,
            state,
            // Domains set through the API as verified are verified by the caller's say-so.
            verification_strategy: state === 'verified' ? 'manual' : 'dns',
            created_at: now,
            updated_at: now,
        }));
    }
    // ---- memberships
    createMembership(input) {
        this.organizationRecord(input.organizationId);
        this.userRecord(input.userId);
        const slugs = this.checkedRoles(input.roleSlugs);
        // The API does not document this answer (DESIGN §7); a 400 with a code that says so.
        if (this.state.membershipsByPair.has(pairKey(input.userId, input.organizationId))) {
            throw badRequest('organization_membership_already_exists', 'The user is already a member of this organization.');
        }
        const id = this.ids.next('om');
        const now = this.timestamp();
        const membership = {
            object: 'organization_membership',
            id,
            user_id: input.userId,
            organization_id: input.organizationId,
            status: 'active',
            directory_managed: false,
            role: { slug: slugs[0] },
            roles: slugs.map((slug) => ({ slug })),
            custom_attributes: {},
            created_at: now,
            updated_at: now,
        };
        this.state.memberships.set(id, membership);
        this.state.membershipsByPair.set(pairKey(input.userId, input.organizationId), id);
        indexOf(this.state.membershipsByUser, input.userId).add(id);
        indexOf(this.state.membershipsByOrganization, input.organizationId).add(id);
        return this.membershipWire(membership);
    }
    getMembership(id) {
        return this.membershipWire(this.membershipRecord(id));
    }
    listMemberships(filter, page) {
        let candidates;
        if (filter.userId !== undefined && filter.organizationId !== undefined) {
            const id = this.state.membershipsByPair.get(pairKey(filter.userId, filter.organizationId));
            candidates = new OrderedIds(id === undefined ? [] : [id]);
        }
        else if (filter.userId !== undefined) {
            candidates = this.state.membershipsByUser.get(filter.userId) ?? new OrderedIds();
        }
        else {
            candidates = this.state.membershipsByOrganization.get(filter.organizationId ?? '') ?? new OrderedIds();
        }
        // Memberships made through this API are all active (there are no invitations or
        // deactivation here), so a status filter either keeps every one or none.
        if (!(filter.statuses ?? ['active']).includes('active'))
            candidates = new OrderedIds();
        return listPage(candidates, page, (id) => this.getMembership(id));
    }
    updateMembership(id, roleSlugs) {
        const membership = this.membershipRecord(id);
        if (roleSlugs !== undefined) {
            const slugs = this.checkedRoles(roleSlugs);
            membership.role = { slug: slugs[0] };
            membership.roles = slugs.map((slug) => ({ slug }));
        }
        membership.updated_at = this.timestamp();
        return this.membershipWire(membership);
    }
    deleteMembership(id) {
        this.membershipRecord(id);
        this.removeMembership(id);
    }
    removeMembership(id) {
        const membership = this.state.memberships.get(id);
        if (membership === undefined)
            return;
        this.state.memberships.delete(id);
        this.state.membershipsByPair.delete(pairKey(membership.user_id, membership.organization_id));
        this.state.membershipsByUser.get(membership.user_id)?.remove(id);
        this.state.membershipsByOrganization.get(membership.organization_id)?.remove(id);
    }
    /** The user's active memberships, oldest first. */
    activeMembershipsOf(userId) {
        const ids = this.state.membershipsByUser.get(userId)?.all() ?? [];
        return ids.map((id) => this.getMembership(id)).filter((m) => m.status === 'active');
    }
    membershipRecord(id) {
        const membership = this.state.memberships.get(id);
        if (membership === undefined)
            throw notFound('Organization membership', id);
        return membership;
    }
    membershipWire(membership) {
        // Computed on read so a renamed organization shows its new name in every membership.
        const { object, id, user_id, organization_id, ...rest } = copy(membership);
        return {
            object,
            id,
            user_id,
            organization_id,
            organization_name: this.state.organizations.get(organization_id)?.name ?? '',
            ...rest,
        };
    }
    checkedRoles(slugs) {
        const wanted = slugs === undefined || slugs.length === 0 ? [DEFAULT_ROLE] : [...new Set(slugs)];
        const unknown = wanted.find((slug) => !this.state.roles.has(slug));
        if (unknown !== undefined)
            throw new ApiError(422, { code: 'invalid_role', message: `Role '${unknown}' is not a valid role.` });
        return wanted;
    }
    // ---- roles
    defineRole(slug, name) {
        if (this.state.roles.has(slug))
            return;
        const now = this.timestamp();
        this.state.roles.set(slug, {
            object: 'role',
            id: this.ids.next('role'),
            name: name ?? slug,
            slug,
            description: null,
            permissions: [],
            resource_type_slug: 'organization',
            type: 'EnvironmentRole',
            created_at: now,
            updated_at: now,
        });
    }
    listRoles() {
        return [...this.state.roles.values()].map(copy);
    }
    // ---- whole state
    snapshot() {
        return {
            users: this.state.userOrder.all().map((id) => this.getUser(id)),
            organizations: this.state.organizationOrder.all().map((id) => this.getOrganization(id)),
            memberships: OrderedIds.of(this.state.memberships.keys())
                .all()
                .map((id) => this.getMembership(id)),
        };
    }
}
function emptyState() {
    return {
        users: new Map(),
        usersByEmail: new Map(),
        usersByExternalId: new Map(),
        userOrder: new OrderedIds(),
        credentials: new Map(),
        organizations: new Map(),
        organizationsByExternalId: new Map(),
        organizationOrder: new OrderedIds(),
        memberships: new Map(),
        membershipsByUser: new Map(),
        membershipsByOrganization: new Map(),
        membershipsByPair: new Map(),
        roles: new Map(),
    };
}
function passwordCredential(password) {
    const salt = (0,external_node_crypto_.randomBytes)(16);
    return { kind: 'password', salt, digest: passwordDigest(password, salt) };
}
// Passwords set in plain text only live in this process's memory: a salted SHA-256 is enough
// and keeps bulk tests fast (the imported hashes are what gets verified faithfully).
function passwordDigest(password, salt) {
    return (0,external_node_crypto_.createHash)('sha256').update(salt).update(password).digest();
}
function sameDigest(a, b) {
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
function externalIdAlreadyUsed(entity) {
    return badRequest('external_id_already_used', `The external_id is already assigned to another ${entity}.`);
}
function pairKey(userId, organizationId) {
    return `${userId} ${organizationId}`;
}
function indexOf(indexes, key) {
    let index = indexes.get(key);
    if (index === undefined) {
        index = new OrderedIds();
        indexes.set(key, index);
    }
    return index;
}
function copy(value) {
    return structuredClone(value);
}

;// CONCATENATED MODULE: ./build/emulator/routes/users.js




function userRoutes(store) {
    return [
        {
            method: 'POST',
            pattern: '/user_management/users',
            handle({ body }) {
                const fields = new BodyFields(body);
                const email = fields.requiredEmail('email');
                const firstName = fields.nullableString('first_name');
                const lastName = fields.nullableString('last_name');
                const emailVerified = fields.optionalBoolean('email_verified');
                const externalId = fields.externalId();
                const metadata = fields.metadata();
                const password = readPasswordFields(fields);
                fields.done();
                const credential = toCredential(password);
                return {
                    status: 201,
                    body: store.createUser({
                        email,
                        email_verified: emailVerified ?? false,
                        first_name: firstName ?? null,
                        last_name: lastName ?? null,
                        external_id: externalId ?? null,
                        metadata: metadata ?? {},
                        credential,
                    }),
                };
            },
        },
        {
            method: 'GET',
            pattern: '/user_management/users',
            handle({ query }) {
                const page = pageRequest(query);
                // `organization` is the deprecated spelling of `organization_id`.
                const organizationId = query.get('organization_id') || query.get('organization') || undefined;
                return { status: 200, body: store.listUsers({ email: query.get('email') || undefined, organizationId }, page) };
            },
        },
        {
            method: 'GET',
            pattern: '/user_management/users/external_id/:externalId',
            handle: ({ params }) => ({ status: 200, body: store.getUserByExternalId(params.externalId) }),
        },
        {
            method: 'GET',
            pattern: '/user_management/users/:id',
            handle: ({ params }) => ({ status: 200, body: store.getUser(params.id) }),
        },
        {
            method: 'PUT',
            pattern: '/user_management/users/:id',
            handle({ params, body }) {
                const fields = new BodyFields(body);
                const changes = {};
                const email = fields.optionalEmail('email');
                if (email !== undefined)
                    changes.email = email;
                const firstName = fields.nullableString('first_name');
                if (firstName !== undefined)
                    changes.first_name = firstName;
                const lastName = fields.nullableString('last_name');
                if (lastName !== undefined)
                    changes.last_name = lastName;
                const emailVerified = fields.optionalBoolean('email_verified');
                if (emailVerified !== undefined)
                    changes.email_verified = emailVerified;
                const externalId = fields.externalId();
                if (externalId !== undefined)
                    changes.external_id = externalId;
                // The whole object is replaced (null clears it): what is sent is what the user holds.
                const metadata = fields.metadata();
                if (metadata !== undefined)
                    changes.metadata = metadata ?? {};
                const password = readPasswordFields(fields);
                fields.done();
                const credential = toCredential(password);
                if (credential !== undefined)
                    changes.credential = credential;
                return { status: 200, body: store.updateUser(params.id, changes) };
            },
        },
        {
            method: 'DELETE',
            pattern: '/user_management/users/:id',
            handle({ params }) {
                store.deleteUser(params.id);
                return { status: 200 };
            },
        },
    ];
}
/** `password`, or `password_hash` with `password_hash_type`; breaches of the schema go with the other field errors (422). */
function readPasswordFields(fields) {
    const password = fields.optionalString('password');
    const hash = fields.optionalString('password_hash');
    const typeValue = fields.raw('password_hash_type');
    const typeSent = typeValue !== undefined && typeValue !== null;
    if (typeSent && !isPasswordHashType(typeValue)) {
        fields.fail('password_hash_type', 'password_hash_type_invalid', `Password hash type must be one of ${PASSWORD_HASH_TYPES.join(', ')}.`);
    }
    if (password === undefined) {
        if (hash !== undefined && !typeSent)
            fields.fail('password_hash_type', 'password_hash_type_required', 'Password hash type is required with a password hash.');
        if (hash === undefined && typeSent)
            fields.fail('password_hash', 'password_hash_required', 'Password hash is required with a password hash type.');
    }
    return { password, hash, type: isPasswordHashType(typeValue) ? typeValue : undefined, typeSent };
}
/**
 * The credential to store. A password sent together with a hash, and a hash of the wrong shape
 * for its type, are the API's 400s (codes from the WorkOS OpenAPI description).
 */
function toCredential({ password, hash, type, typeSent }) {
    if (password !== undefined) {
        if (hash !== undefined)
            throw badRequest('password_and_password_hash_provided', 'Provide either a password or a password hash, not both.');
        if (typeSent)
            throw badRequest('password_and_password_hash_type_provided', 'Provide either a password or a password hash type, not both.');
        return passwordCredential(password);
    }
    if (hash === undefined || type === undefined)
        return undefined;
    const problem = hashShapeProblem(type, hash);
    if (problem !== undefined)
        throw badRequest('invalid_password_hash', `The password hash is not a valid ${type} hash: ${problem}.`);
    return { kind: 'hash', type, hash };
}

;// CONCATENATED MODULE: ./build/emulator/stats.js
class StatsCounter {
    stats = StatsCounter.empty();
    static empty() {
        return {
            requests: 0,
            reads: 0,
            writes: 0,
            committed: 0,
            byStatus: {},
            byRoute: {},
            rateLimited: 0,
            faults: { serverError: 0, afterCommitFailure: 0, timeout: 0, drop: 0, rateLimitStorm: 0 },
        };
    }
    received(route, isWrite) {
        this.stats.requests++;
        if (isWrite)
            this.stats.writes++;
        else
            this.stats.reads++;
        this.routeStats(route).requests++;
    }
    answered(route, status) {
        const key = String(status);
        this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
        const byStatus = this.routeStats(route).byStatus;
        byStatus[key] = (byStatus[key] ?? 0) + 1;
    }
    committed() {
        this.stats.committed++;
    }
    rateLimited() {
        this.stats.rateLimited++;
    }
    fault(kind) {
        this.stats.faults[kind]++;
    }
    snapshot() {
        return structuredClone(this.stats);
    }
    reset() {
        this.stats = StatsCounter.empty();
    }
    routeStats(route) {
        let entry = this.stats.byRoute[route];
        if (entry === undefined) {
            entry = { requests: 0, byStatus: {} };
            this.stats.byRoute[route] = entry;
        }
        return entry;
    }
}

;// CONCATENATED MODULE: ./build/emulator/server.js




















const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_WRITE_LIMIT = { requests: 500, windowMs: 10_000 };
async function startEmulator(options = {}) {
    const host = options.host ?? '127.0.0.1';
    const store = new EmulatorStore({ duplicateEmailStyle: options.duplicateEmailError ?? 'user_creation_error' });
    const faults = new FaultInjector(options.seed ?? (0,external_node_crypto_.randomInt)(2 ** 31));
    const writeLimiter = new SlidingWindowLimiter(options.writeLimit ?? DEFAULT_WRITE_LIMIT);
    const readLimiter = options.readLimit ? new SlidingWindowLimiter(options.readLimit) : undefined;
    const connections = new ConnectionStore(store);
    const stats = new StatsCounter();
    const ids = new IdGenerator();
    let url = '';
    const tokens = new AccessTokenIssuer(() => url);
    const routes = new RouteTable([
        ...userRoutes(store),
        ...organizationRoutes(store),
        ...membershipRoutes(store),
        ...roleRoutes(store),
        ...connectionRoutes(connections),
        ...portalRoutes(store, () => url),
        authenticateRoute(store, { clientId: options.clientId, tokens, ids }),
    ]);
    let closed = false;
    let requestCount = 0;
    const timers = new Set();
    /** Requests a timeout fault answers with silence, cut on reset and close. */
    const held = new Set();
    const wait = (ms) => ms <= 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            const timer = setTimeout(() => {
                timers.delete(timer);
                resolve();
            }, ms);
            timers.add(timer);
        });
    const isAuthorized = (header) => {
        const key = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
        if (key === undefined)
            return false;
        return options.apiKey !== undefined
            ? key === options.apiKey
            : key.startsWith('sk_test_') || key.startsWith('sk_live_');
    };
    async function handleApi(req, res, method, requestUrl, rawBody) {
        const path = requestUrl.pathname;
        const matched = routes.match(method, path);
        const routeKey = `${method} ${matched?.route.pattern ?? '(no route)'}`;
        const isWrite = isWriteMethod(method) && matched?.route.readOnly !== true;
        const requestId = `req_${(++requestCount).toString(36).padStart(8, '0')}`;
        stats.received(routeKey, isWrite);
        // Half the latency before the request is carried out and half after, so a client can be
        // cut off on either side of the commit.
        const latency = faults.latency(method, path);
        await wait(latency / 2);
        const answer = async (response, headers = {}) => {
            await wait(latency / 2);
            if (closed || res.destroyed)
                return;
            stats.answered(routeKey, response.status);
            send(res, response, { 'X-Request-ID': requestId, ...headers });
        };
        if (!isAuthorized(req.headers.authorization)) {
            return answer({
                status: 401,
                body: { code: 'unauthorized', message: 'Could not authorize the request. Check the API key.' },
            });
        }
        const stormRetryAfter = faults.storm(method, path);
        if (stormRetryAfter !== undefined) {
            stats.fault('rateLimitStorm');
            return answer({ status: 429, body: { message: 'Too many requests' } }, { 'Retry-After': String(stormRetryAfter) });
        }
        const retryAfter = (isWrite ? writeLimiter : readLimiter)?.take() ?? 0;
        if (retryAfter > 0) {
            stats.rateLimited();
            return answer({ status: 429, body: { message: 'Too many requests' } }, { 'Retry-After': String(retryAfter) });
        }
        const outcome = faults.outcome(method, path);
        switch (outcome.kind) {
            case 'drop':
                stats.fault('drop');
                res.socket?.destroy();
                return;
            case 'serverError':
                stats.fault('serverError');
                return answer(serverError(outcome.status));
            case 'timeout':
                stats.fault('timeout');
                if (outcome.commitFirst)
                    await carryOut();
                if (closed)
                    res.socket?.destroy();
                else if (!res.destroyed) {
                    held.add(res);
                    res.on('close', () => held.delete(res));
                }
                return;
            case 'afterCommitFailure': {
                stats.fault('afterCommitFailure');
                await carryOut();
                if (outcome.answer === 'status')
                    return answer(serverError(500));
                await wait(latency / 2);
                res.socket?.destroy();
                return;
            }
            case 'none':
                return answer(await carryOut());
        }
        async function carryOut() {
            if (!matched)
                return { status: 404, body: { message: 'Not Found' } };
            let body;
            try {
                const parsed = rawBody === '' ? {} : JSON.parse(rawBody);
                body =
                    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
                        ? parsed
                        : {};
            }
            catch {
                return { status: 400, body: { code: 'invalid_request_body', message: 'Problems parsing JSON.' } };
            }
            try {
                const response = await matched.route.handle({ params: matched.params, query: requestUrl.searchParams, body });
                if (isWrite && response.status < 300)
                    stats.committed();
                return response;
            }
            catch (error) {
                if (error instanceof ApiError)
                    return { status: error.status, body: error.body };
                // A bug in the stand-in: say so in the answer rather than hang the client.
                return {
                    status: 500,
                    body: { code: 'emulator_error', message: error instanceof Error ? error.message : String(error) },
                };
            }
        }
    }
    const cutHeld = () => {
        for (const res of held)
            res.socket?.destroy();
        held.clear();
    };
    const controls = {
        snapshot: () => store.snapshot(),
        stats: () => stats.snapshot(),
        setFaults: (config) => faults.set(config),
        reset() {
            store.reset();
            connections.reset();
            stats.reset();
            faults.reset();
            writeLimiter.reset();
            readLimiter?.reset();
            cutHeld();
        },
        seedUser(user) {
            return store.createUser({
                id: user.id,
                email: user.email,
                email_verified: user.email_verified ?? false,
                first_name: user.first_name ?? null,
                last_name: user.last_name ?? null,
                external_id: user.external_id ?? null,
                metadata: user.metadata ?? {},
                credential: seedCredential(user),
            });
        },
        defineRole: (slug, name) => store.defineRole(slug, name),
        seedConnection: (connection) => connections.seed(connection),
        connections: () => connections.all(),
        passwordOf: (userId) => store.credentialOf(userId),
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        void (async () => {
            const method = (req.method ?? 'GET').toUpperCase();
            const requestUrl = new URL(req.url ?? '/', 'http://stand-in');
            let rawBody;
            try {
                rawBody = await readBody(req);
            }
            catch {
                send(res, { status: 413, body: { message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` } });
                return;
            }
            if (requestUrl.pathname.startsWith(ADMIN_PREFIX)) {
                send(res, handleAdmin(controls, method, requestUrl.pathname, rawBody));
                return;
            }
            await handleApi(req, res, method, requestUrl, rawBody);
        })().catch((error) => {
            if (!res.headersSent && !res.destroyed)
                send(res, { status: 500, body: { code: 'emulator_error', message: String(error) } });
        });
    });
    // Longer than the client's idle timeout, so the client, not the server, retires idle sockets
    // (a server closing one just as the client reuses it looks like a dropped request).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
        ...controls,
        url,
        host,
        port,
        async close() {
            if (closed)
                return;
            closed = true;
            for (const timer of timers)
                clearTimeout(timer);
            timers.clear();
            cutHeld();
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
function seedCredential(user) {
    if (user.password !== undefined)
        return passwordCredential(user.password);
    if (user.password_hash === undefined && user.password_hash_type === undefined)
        return undefined;
    const type = user.password_hash_type;
    if (!isPasswordHashType(type) || user.password_hash === undefined)
        throw new Error('a seeded password hash needs password_hash and a known password_hash_type');
    const problem = hashShapeProblem(type, user.password_hash);
    if (problem !== undefined)
        throw new Error(`the seeded ${type} hash is malformed: ${problem}`);
    return { kind: 'hash', type, hash: user.password_hash };
}
function serverError(status) {
    // A 502 comes from the proxy in front of the API, as an HTML page (the SDK's ParseError).
    if (status === 502)
        return { status, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
    return {
        status,
        body: { code: 'server_error', message: status === 503 ? 'Service Unavailable' : 'Internal Server Error' },
    };
}
function send(res, response, headers = {}) {
    if (res.headersSent || res.destroyed)
        return;
    const isHtml = typeof response.body === 'string';
    const payload = response.body === undefined ? '' : isHtml ? response.body : JSON.stringify(response.body);
    res.writeHead(response.status, {
        ...(payload === ''
            ? {}
            : { 'Content-Type': isHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8' }),
        'Content-Length': String(Buffer.byteLength(payload)),
        ...headers,
    });
    res.end(payload);
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new Error('body too large'));
                req.resume();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/coerce.js
var coerce = __webpack_require__(49567);
;// CONCATENATED MODULE: ./build/model/firebase-hash-config.js

// A Firebase project's password hash parameters, as the Firebase console shows them
// (Authentication → Users → ⋮ → Password hash parameters):
//
//   hash_config {
//     algorithm: SCRYPT,
//     base64_signer_key: jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==,
//     base64_salt_separator: Bw==,
//     rounds: 8,
//     mem_cost: 14,
//   }
//
// Every user of the project is hashed with them; each user's export adds only a salt and a hash.
// They are read from a JSON file with the same keys, from that text pasted as it is, or from the
// mapping config's `hashConfig`.
const base64 = (name) => schemas/* string */.YjP({ error: `${name} must be a string (base64, as the Firebase console shows it)` })
    .trim()
    .min(1, { error: `${name} must not be empty` })
    .regex(/^[A-Za-z0-9+/\-_]+={0,2}$/, { error: `${name} must be base64, as the Firebase console shows it` });
const whole = (name, max) => coerce/* number */.ai({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be from 1 to ${max}` })
    .max(max, { error: `${name} must be from 1 to ${max}` });
const FirebaseHashConfigSchema = schemas/* strictObject */.rej({
    algorithm: schemas/* literal */.euz('SCRYPT', { error: 'algorithm must be SCRYPT (Firebase exports only its own scrypt hashes)' })
        .optional(),
    base64_signer_key: base64('base64_signer_key'),
    base64_salt_separator: base64('base64_salt_separator'),
    rounds: whole('rounds', 32),
    mem_cost: whole('mem_cost', 20),
}, { error: 'must hold base64_signer_key, base64_salt_separator, rounds and mem_cost' });
/**
 * The parameters from a file's text: JSON, or the console's `hash_config { … }` block pasted as
 * it is. Returns why it cannot be read (never quoting the signer key).
 */
function parseFirebaseHashConfig(text) {
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    let value;
    if (trimmed.startsWith('{')) {
        try {
            value = JSON.parse(trimmed);
        }
        catch {
            return 'it is not valid JSON';
        }
    }
    else {
        value = consoleBlock(trimmed);
        if (value === undefined)
            return 'it is neither JSON nor the hash_config block the Firebase console shows';
    }
    const parsed = FirebaseHashConfigSchema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys')
        return `${issue.keys[0]} is not a hash parameter; use base64_signer_key, base64_salt_separator, rounds and mem_cost`;
    return issue.message;
}
function consoleBlock(text) {
    const body = /^hash_config\s*\{([\s\S]*)\}\s*$/.exec(text)?.[1] ?? (/^\w+\s*:/.test(text) ? text : undefined);
    if (body === undefined)
        return undefined;
    const values = {};
    for (const match of body.matchAll(/(\w+)\s*:\s*([^,\s}]+)/g))
        values[match[1]] = match[2];
    return values;
}

// EXTERNAL MODULE: ./build/io/file-kind.js
var file_kind = __webpack_require__(92706);
// EXTERNAL MODULE: ./build/model/types.js
var types = __webpack_require__(13803);
;// CONCATENATED MODULE: ./build/model/validate.js
// Checks against what WorkOS accepts, made before any request so a bad record is reported with
// its file and line instead of failing in the middle of an import. Messages never quote the
// value: it may be an email or other personal data.
const MAX_EMAIL_LENGTH = 320;
const MAX_LOCAL_PART_LENGTH = 64;
// Printable characters other than space and the ones RFC 5322 reserves outside quotes. Quoted
// local parts ("john doe"@…) are legal but no identity provider we read produces them.
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL_DOMAIN = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;
/**
 * An email as WorkOS will take it: trimmed, `local@domain.tld`, no blank space, at most 320
 * characters. The case is kept (WorkOS compares emails case-insensitively, and so does the
 * planner when it merges duplicates).
 */
function normalizeEmail(raw) {
    if (raw === undefined || raw === null)
        return { ok: false, code: 'missing_email', message: 'The user has no email address; WorkOS requires one.' };
    if (typeof raw !== 'string')
        return { ok: false, code: 'invalid_email', message: `The email must be a string, not ${describeType(raw)}.` };
    const email = raw.trim();
    if (email === '')
        return { ok: false, code: 'missing_email', message: 'The user has an empty email address; WorkOS requires one.' };
    const problem = isPlainAsciiEmail(email) ? undefined : emailShapeProblem(email);
    return problem
        ? { ok: false, code: 'invalid_email', message: `The email address is not valid: ${problem}.` }
        : { ok: true, email };
}
// The shape of nearly every real address, in ASCII: dot-separated atoms, `@`, host-name labels,
// a top-level part of letters. Everything it matches passes every check of emailShapeProblem
// (test/model/validate.test.ts holds it to that), and one regular expression without the
// Unicode property classes is several times faster than those checks, which run once per user.
const PLAIN_ASCII_EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
/** True for an address emailShapeProblem would certainly accept; false says nothing. */
function isPlainAsciiEmail(email) {
    const at = email.indexOf('@');
    return email.length <= MAX_EMAIL_LENGTH && at > 0 && at <= MAX_LOCAL_PART_LENGTH && PLAIN_ASCII_EMAIL.test(email);
}
/** Why an address (trimmed, not empty) is not one WorkOS takes, or undefined when it is. */
function emailShapeProblem(email) {
    if (email.length > MAX_EMAIL_LENGTH)
        return `it is longer than ${MAX_EMAIL_LENGTH} characters`;
    if (/\s/u.test(email))
        return 'it contains blank space';
    const at = email.lastIndexOf('@');
    if (at < 0)
        return 'it has no @';
    const local = email.slice(0, at);
    const domain = email.slice(at + 1);
    if (local === '')
        return 'nothing comes before the @';
    if (local.length > MAX_LOCAL_PART_LENGTH)
        return `the part before the @ is longer than ${MAX_LOCAL_PART_LENGTH} characters`;
    if (!LOCAL_PART.test(local))
        return 'the part before the @ contains a character that is not allowed (or a second @)';
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
        return 'the part before the @ has a misplaced dot';
    if (domain === '')
        return 'nothing comes after the @';
    const labels = domain.split('.');
    if (labels.length < 2)
        return 'the domain has no top-level part (like .com)';
    if (!labels.every((label) => DOMAIN_LABEL.test(label)))
        return 'the domain is not a valid host name';
    if (!TOP_LEVEL_DOMAIN.test(labels[labels.length - 1]))
        return 'the domain ends in an invalid top-level part';
    return undefined;
}
/** WorkOS user and organization metadata limits. */
const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 600 };
/**
 * Metadata as WorkOS stores it: string values only. Numbers and booleans become their text;
 * objects and arrays become their JSON text, which is accepted when it fits the 600-character
 * limit (a mapped `preferences` object should survive the move); `null` and `undefined` leave
 * the key out. Anything over a limit is a problem, never truncated: a cut value would be
 * silently wrong in the new system.
 */
function checkMetadata(md) {
    const metadata = {};
    let keys = 0;
    for (const [key, value] of Object.entries(md)) {
        if (value === undefined || value === null)
            continue;
        const field = `metadata.${key}`;
        const keyLength = [...key].length;
        if (keyLength === 0)
            return {
                ok: false,
                field,
                code: 'metadata_key_too_long',
                message: 'A metadata key is empty; WorkOS keys need 1 to 40 characters.',
            };
        if (keyLength > METADATA_LIMITS.maxKeyLength) {
            return {
                ok: false,
                field,
                code: 'metadata_key_too_long',
                message: `The metadata key "${key}" has ${keyLength} characters; WorkOS allows ${METADATA_LIMITS.maxKeyLength}. Rename it in the metadata map.`,
            };
        }
        const text = metadataText(value);
        if (text === undefined) {
            return {
                ok: false,
                field,
                code: 'metadata_invalid_value',
                message: `The metadata value of "${key}" is ${describeType(value)}, which cannot be stored as text.`,
            };
        }
        const valueLength = [...text].length;
        if (valueLength > METADATA_LIMITS.maxValueLength) {
            return {
                ok: false,
                field,
                code: 'metadata_value_too_long',
                message: `The metadata value of "${key}" has ${valueLength} characters; WorkOS allows ${METADATA_LIMITS.maxValueLength}. Map a smaller field.`,
            };
        }
        metadata[key] = text;
        keys++;
    }
    if (keys > METADATA_LIMITS.maxKeys) {
        return {
            ok: false,
            field: 'metadata',
            code: 'metadata_too_many_keys',
            message: `The record has ${keys} metadata keys; WorkOS allows ${METADATA_LIMITS.maxKeys}. Map fewer fields.`,
        };
    }
    return { ok: true, metadata };
}
function metadataText(value) {
    switch (typeof value) {
        case 'string':
            return value;
        case 'number':
            return Number.isFinite(value) ? String(value) : undefined;
        case 'boolean':
            return String(value);
        case 'object':
            try {
                return JSON.stringify(value);
            }
            catch {
                return undefined;
            }
        default:
            return undefined;
    }
}
/** A value's kind for a message, without the value itself. */
function describeType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    switch (typeof value) {
        case 'object':
            return 'an object';
        case 'string':
            return 'a string';
        case 'number':
            return 'a number';
        case 'boolean':
            return 'a boolean';
        default:
            return typeof value;
    }
}

;// CONCATENATED MODULE: ./build/model/stable-json.js
/**
 * JSON with object keys sorted and undefined values left out, so equal values always give
 * the same text: the basis of input digests and config fingerprints.
 *
 * The text must never change: digests in journals from earlier versions are compared with new
 * ones (test/plan/digest.test.ts pins the first implementation). Quirks kept on purpose: an
 * `undefined` (or function) inside an array becomes an empty slot (`[1,]`), and a function as
 * an object value is written `undefined`. Written as loops over sorted keys rather than
 * entries, filter, map and join: it runs once per planned record.
 */
function stableJson(value) {
    if (typeof value !== 'object' || value === null)
        return JSON.stringify(value);
    if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
            if (i > 0)
                out += ',';
            // `undefined` for undefined, functions and symbols: join() wrote nothing for those.
            const item = stableJson(value[i]);
            if (item !== undefined)
                out += item;
        }
        return `${out}]`;
    }
    const object = value;
    // The default sort compares UTF-16 code units, as `<` on strings does.
    const keys = Object.keys(object).sort();
    let out = '{';
    for (const key of keys) {
        const item = object[key];
        if (item === undefined)
            continue;
        if (out.length > 1)
            out += ',';
        out += `${quotedKey(key)}:${stableJson(item)}`;
    }
    return `${out}}`;
}
/** `JSON.stringify(key)`, remembered: the same few field names are quoted for every record. */
function quotedKey(key) {
    let quoted = quotedKeys.get(key);
    if (quoted === undefined) {
        quoted = JSON.stringify(key);
        // Metadata keys come from the export: the cap keeps a file with many distinct ones from growing the cache.
        if (quotedKeys.size < 1024)
            quotedKeys.set(key, quoted);
    }
    return quoted;
}
const quotedKeys = new Map();

;// CONCATENATED MODULE: ./build/config/mapping-config.js









// The mapping config (`--config FILE`, YAML or JSON): how source roles become WorkOS role
// slugs, which source fields become WorkOS metadata, and what to do with blocked, unverified
// and email-less users. Every key is optional; a run without a config uses the defaults.
const MAX_CONFIG_BYTES = 1 << 20;
const MAX_CONFIG_ALIASES = 100;
/** Source fields that hold secrets: never metadata, whatever the config says (DESIGN §5). */
const SECRET_FIELD = /(?:^|\.)(?:totp_secret|password_digest|password_hasher|password_hash|passwordhash|backup_codes|password)$/i;
const roleSlug = schemas/* string */.YjP({ error: 'must be a string (a WorkOS role slug)' })
    .trim()
    .min(1, { error: 'must not be empty (a WorkOS role slug)' })
    .regex(/^\S+$/, { error: 'must be a WorkOS role slug, without spaces' });
const fieldPath = schemas/* string */.YjP({ error: 'must be a string (the source field path, such as public_metadata.plan)' })
    .trim()
    .min(1, { error: 'must not be empty (the source field path, such as public_metadata.plan)' })
    .refine((path) => !SECRET_FIELD.test(path), {
    error: 'names a password hash or TOTP secret; those never go into metadata',
});
const metadataMap = schemas/* record */.g1P(schemas/* string */.YjP().max(METADATA_LIMITS.maxKeyLength, {
    error: `is longer than ${METADATA_LIMITS.maxKeyLength} characters, the WorkOS limit for a metadata key`,
}), fieldPath, { error: 'must be a mapping of WorkOS metadata key to source field path' })
    .refine((map) => Object.keys(map).length <= METADATA_LIMITS.maxKeys, {
    error: `maps more than ${METADATA_LIMITS.maxKeys} keys, the WorkOS limit for metadata`,
});
const limit = schemas/* number */.aig({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .positive({ error: 'must be more than 0' });
const MappingConfigSchema = schemas/* strictObject */.rej({
    /** Source role (Clerk `org:admin`; Auth0 role name or id) → WorkOS role slug. */
    roles: schemas/* record */.g1P(schemas/* string */.YjP(), roleSlug, { error: 'must be a mapping of source role to WorkOS role slug' })
        .default({}),
    metadata: schemas/* strictObject */.rej({
        /** WorkOS metadata key → source field path (`public_metadata.plan`, `app_metadata.tier`). */
        users: metadataMap.default({}),
        organizations: metadataMap.default({}),
    }, { error: 'must be a mapping with users and/or organizations' })
        .default({ users: {}, organizations: {} }),
    policies: schemas/* strictObject */.rej({
        blockedUsers: schemas/* enum */.k5n(['skip', 'import'], { error: 'must be skip or import' }).default('skip'),
        unverifiedEmails: schemas/* enum */.k5n(['import', 'skip'], { error: 'must be import or skip' }).default('import'),
        // WorkOS users are keyed by email: a user without one cannot be imported, only reported.
        usersWithoutEmail: schemas/* literal */.euz('report', { error: 'must be report (users without an email cannot be imported)' })
            .default('report'),
    }, { error: 'must be a mapping with blockedUsers, unverifiedEmails and/or usersWithoutEmail' })
        .default({ blockedUsers: 'skip', unverifiedEmails: 'import', usersWithoutEmail: 'report' }),
    /** Firebase only: the project's password hash parameters (or `--hash-config FILE`). */
    hashConfig: FirebaseHashConfigSchema.optional(),
    /** Caps on input size and shape (see io/limits.ts); only raised for genuine exports that exceed them. */
    limits: schemas/* strictObject */.rej({
        decompressedBytes: limit.optional(),
        lineLength: limit.optional(),
        recordLength: limit.optional(),
        depth: limit.optional(),
    }, { error: 'must be a mapping with decompressedBytes, lineLength, recordLength and/or depth' })
        .default({}),
}, { error: 'must be a mapping with roles, metadata, policies, hashConfig and/or limits' });
const DEFAULT_MAPPING_CONFIG = MappingConfigSchema.parse({});
/**
 * Reads and checks a mapping config. Without a path, the defaults. Every problem is a
 * `UsageError` naming the file, the key path and (for YAML and JSON alike) the line.
 */
async function loadMappingConfig(path) {
    if (path === undefined)
        return DEFAULT_MAPPING_CONFIG;
    let text;
    try {
        const info = await (0,promises_.stat)(path);
        const kind = (0,file_kind/* notRegularFile */.s5)(info);
        if (kind)
            throw new types/* UsageError */.eb(`${path}: the config is ${kind}, not a file; name the config file itself.`);
        if (info.size > MAX_CONFIG_BYTES) {
            throw new types/* UsageError */.eb(`${path}: the config is ${info.size} bytes, more than a mapping config needs (at most ${MAX_CONFIG_BYTES}); check the path.`);
        }
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error instanceof types/* UsageError */.eb)
            throw error;
        const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
        throw new types/* UsageError */.eb(code === 'ENOENT'
            ? `${path}: config file not found; check the path given as the config (--config, or the config input).`
            : `${path}: the config file cannot be read (${code}).`);
    }
    return parseMappingConfig(text, path);
}
/** Parses config text (YAML, of which JSON is a subset). `file` only names the source in messages. */
function parseMappingConfig(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    // JSON is YAML 1.2, so one parser serves both and gives line numbers for both.
    const doc = (0,dist/* parseDocument */.Tp)(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: true });
    const syntax = doc.errors[0];
    if (syntax) {
        const at = syntax.linePos?.[0];
        const where = at ? `:${at.line}:${at.col}` : '';
        const reason = syntax.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new types/* UsageError */.eb(`${file}${where}: not valid YAML or JSON: ${reason}.`);
    }
    let value;
    try {
        // yaml refuses to expand more aliases than this (a "billion laughs" file) with a ReferenceError.
        value = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0].replace(/\.$/, '') : String(error);
        throw new types/* UsageError */.eb(`${file}: the config cannot be read (${reason}); write the values out instead of using YAML aliases.`);
    }
    const parsed = MappingConfigSchema.safeParse(value);
    if (parsed.success)
        return { ...parsed.data, roles: roleTable(value.roles ?? {}) };
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0];
        const keyPath = [...path, key];
        const allowed = allowedKeys(path);
        throw new types/* UsageError */.eb(`${file}${lineOf(doc, lineCounter, keyPath, true)}: ${keyPath.join('.')} is not a config key${allowed ? `; use ${allowed}` : ''}.`);
    }
    const subject = path.length === 0 ? 'the config' : path.join('.');
    // A bad record key (a metadata key over 40 characters) carries its reason one level down.
    const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    throw new types/* UsageError */.eb(`${file}${lineOf(doc, lineCounter, path, issue.code === 'invalid_key')}: ${subject} ${message}.`);
}
/**
 * The role map as a table without a prototype: role names come from the exports, and a role
 * called `constructor` or `toString` must not find Object's methods; built from the parsed
 * YAML itself because a record schema drops a `__proto__` key.
 */
function roleTable(raw) {
    const table = Object.create(null);
    for (const [name, slug] of Object.entries(raw))
        table[name] = roleSlug.parse(slug);
    return table;
}
function allowedKeys(parent) {
    const joined = parent.join('.');
    if (joined === '')
        return 'roles, metadata, policies, hashConfig or limits';
    if (joined === 'hashConfig')
        return 'base64_signer_key, base64_salt_separator, rounds and mem_cost';
    if (joined === 'limits')
        return 'decompressedBytes, lineLength, recordLength or depth';
    if (joined === 'metadata')
        return 'users or organizations';
    if (joined === 'policies')
        return 'blockedUsers, unverifiedEmails or usersWithoutEmail';
    return undefined;
}
/** `:line` of the node at `path` (of its key when `key` is true), or '' when it cannot be found. */
function lineOf(doc, lineCounter, path, key) {
    let node = doc.contents;
    let offset;
    for (const part of path) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((item) => ((0,dist/* isScalar */.jn)(item.key) ? String(item.key.value) : String(item.key)) === part);
            if (!pair)
                break;
            offset = key && (0,dist/* isScalar */.jn)(pair.key) ? pair.key.range?.[0] : (rangeStart(pair.value) ?? rangeStart(pair.key));
            node = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const item = node.items[Number(part)];
            if (item === undefined)
                break;
            offset = rangeStart(item);
            node = item;
        }
        else
            break;
    }
    if (offset === undefined)
        return '';
    return `:${lineCounter.linePos(offset).line}`;
}
function rangeStart(node) {
    if (typeof node === 'object' && node !== null && 'range' in node) {
        const range = node.range;
        return range?.[0];
    }
    return undefined;
}
/**
 * A stable digest of what the config changes in the output. A checkpoint journal records it,
 * so a resumed run under another role map or metadata map is refused instead of silently
 * mixing two mappings in one WorkOS environment.
 */
function configFingerprint(config) {
    // Limits change what may be read, not what is written: raising one must not orphan a checkpoint.
    const { limits: _limits, ...mapping } = config;
    return (0,external_node_crypto_.createHash)('sha256').update(stableJson(mapping)).digest('hex');
}

// EXTERNAL MODULE: ./build/modes/exit-code.js
var exit_code = __webpack_require__(27957);
;// CONCATENATED MODULE: ./build/cutover/decide.js
// The go/no-go: six checks, each passing or failing on its own evidence, in the order a
// reviewer reads them. `go` only when all pass. Details are plain text (the markdown renderer
// escapes them) and hold no email and no portal link.
function decideCutover(evidence) {
    const checks = [
        reconciledCheck(evidence),
        completeCheck(evidence),
        loginsCheck(evidence),
        enterpriseSsoCheck(evidence),
        peopleCheck(evidence),
        rollbackCheck(evidence),
    ];
    return { go: checks.every((c) => c.ok), checks };
}
/** The names of the failing checks, for the no-go message (exit 1). */
function failingChecks(decision) {
    return decision.checks.filter((c) => !c.ok).map((c) => c.name);
}
function reconciledCheck(e) {
    const entities = [
        ['users', e.reconciled.users],
        ['organizations', e.reconciled.organizations],
        ['memberships', e.reconciled.memberships],
    ];
    const off = entities.filter(([, c]) => c.missing > 0 || c.mismatched > 0 || c.found !== c.expected);
    const problems = off.map(([name, c]) => `${name}: ${c.found} of ${c.expected} found, ${c.missing} missing, ${c.mismatched} mismatched`);
    if (e.conflicts > 0)
        problems.push(`${plural(e.conflicts, 'conflict')} to resolve (see changes.jsonl)`);
    if (e.unreviewedRemovals > 0) {
        problems.push(`${plural(e.unreviewedRemovals, 'record')} of this migration gone from the export and not reviewed (see removals.csv; prune or keep them)`);
    }
    if (problems.length > 0)
        return { name: 'reconciled', ok: false, detail: `${problems.join('; ')}. Run import, then cutover again.` };
    const held = entities
        .filter(([name, c]) => name === 'users' || c.expected > 0)
        .map(([name, c]) => `${c.found} ${name}`)
        .join(', ');
    return {
        name: 'reconciled',
        ok: true,
        detail: `WorkOS holds all ${held} as planned; no conflicts; no removals left unreviewed.`,
    };
}
function completeCheck(e) {
    const { pending, failed } = e.checkpoint;
    if (pending === 0 && failed === 0)
        return { name: 'complete', ok: true, detail: 'Nothing pending or failed in the checkpoint.' };
    const parts = [pending > 0 ? `${pending} pending` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
    return {
        name: 'complete',
        ok: false,
        detail: `${parts.join(' and ')} in the checkpoint (see errors.jsonl). Run import until nothing is left.`,
    };
}
function loginsCheck(e) {
    if (e.logins === undefined) {
        return {
            name: 'logins',
            ok: true,
            detail: 'Not run: no login probes given. Pass --login-probes FILE (test accounts) to prove sign-in.',
        };
    }
    const { tried, succeeded, failed } = e.logins;
    if (tried === 0)
        return {
            name: 'logins',
            ok: false,
            detail: 'The login probes file lists no account; add test accounts or leave it out.',
        };
    if (failed > 0) {
        return {
            name: 'logins',
            ok: false,
            detail: `${failed} of ${tried} test sign-ins failed (accounts in errors.jsonl, masked). Check their passwords were imported.`,
        };
    }
    return { name: 'logins', ok: true, detail: `${succeeded} of ${tried} test sign-ins succeeded.` };
}
function enterpriseSsoCheck(e) {
    const { organizations, usersWithoutOrganization } = e.sso;
    const lacking = organizations.filter((o) => !o.activeConnection);
    const orphans = Object.entries(usersWithoutOrganization);
    const orphanCount = orphans.reduce((n, [, count]) => n + count, 0);
    const problems = [];
    if (lacking.length > 0) {
        const names = lacking
            .slice(0, 5)
            .map((o) => `${o.externalId} (${plural(o.users, 'user')}, ${o.connectionTypes.join('/')})`);
        const more = lacking.length > 5 ? ` and ${lacking.length - 5} more` : '';
        problems.push(`${plural(lacking.length, 'organization')} with enterprise sign-in ${lacking.length === 1 ? 'has' : 'have'} no active SSO connection in WorkOS: ` +
            `${names.join(', ')}${more}. ` +
            (e.sso.portalLinks
                ? 'Send each IT admin the Admin Portal link in sso-setup.csv'
                : 'They are listed in sso-setup.csv; run cutover with --portal-links for Admin Portal links to send each IT admin'));
    }
    if (orphanCount > 0) {
        const byConnection = orphans.map(([connection, count]) => `${connection} (${count})`).join(', ');
        problems.push(`${plural(orphanCount, 'user')} signed in through an enterprise connection but belong to no organization (${byConnection}); ` +
            'WorkOS routes SSO by organization: add them to one in the organizations export');
    }
    if (problems.length > 0)
        return { name: 'enterprise-sso', ok: false, detail: `${problems.join('. ')}.` };
    if (organizations.length === 0) {
        return {
            name: 'enterprise-sso',
            ok: true,
            detail: `No user signed in through an enterprise connection (SAML, OIDC…) in ${e.source}.`,
        };
    }
    const users = organizations.reduce((n, o) => n + o.users, 0);
    return {
        name: 'enterprise-sso',
        ok: true,
        detail: organizations.length === 1
            ? `The organization with enterprise sign-in (${plural(users, 'user')}) has an active SSO connection in WorkOS.`
            : `All ${organizations.length} organizations with enterprise sign-in (${plural(users, 'user')}) have an active SSO connection in WorkOS.`,
    };
}
function peopleCheck(e) {
    const { reenroll, passwordReset, files, socialProviders } = e.people;
    const missing = [];
    if (reenroll > 0 && !files.reenroll)
        missing.push('reenroll.csv');
    if (passwordReset > 0 && !files.passwordReset)
        missing.push('password-reset.csv');
    const providers = Object.entries(socialProviders)
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([provider, count]) => `${provider} (${count})`);
    const lists = `${plural(reenroll, 'user')} to re-enroll MFA${files.reenroll ? ` (${files.reenroll})` : ''}, ` +
        `${plural(passwordReset, 'user')} to reset a password${files.passwordReset ? ` (${files.passwordReset})` : ''}`;
    const social = providers.length > 0
        ? `; configure social sign-in in WorkOS for ${providers.join(', ')}`
        : '; no social sign-in to configure';
    if (missing.length > 0) {
        return {
            name: 'people',
            ok: false,
            detail: `${lists}${social}. Not written: ${missing.join(', ')}; run cutover with --out to write them.`,
        };
    }
    return { name: 'people', ok: true, detail: `${lists}${social}.` };
}
function rollbackCheck(e) {
    const { journal, inWorkOS, created, unknown } = e.rollback;
    if (!journal) {
        return {
            name: 'rollback-ready',
            ok: false,
            detail: "No checkpoint journal: pass --state DIR (the import's state) so rollback knows what this migration created.",
        };
    }
    if (unknown > 0) {
        return {
            name: 'rollback-ready',
            ok: false,
            detail: `${plural(unknown, 'record')} of this migration in WorkOS ${unknown === 1 ? 'is' : 'are'} not in the journal, so rollback would leave ${unknown === 1 ? 'it' : 'them'}. ` +
                'Run import with this --state to record them, then cutover again.',
        };
    }
    return {
        name: 'rollback-ready',
        ok: true,
        detail: `The journal covers all ${plural(inWorkOS, 'record')} of this migration in WorkOS; rollback would delete the ${created} it created.`,
    };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./build/checkpoint/journal.js




const JOURNAL_FILE = 'journal.ndjson';
/**
 * Append-only NDJSON of confirmed writes. Each line is written with one `write(2)` as soon as
 * WorkOS confirms, so a SIGKILL loses at most the line being written: the kernel keeps what
 * was written. A torn last line is ignored on replay and cut off before the next append (that
 * record is then resolved by a lookup, never created twice); without the cut, the next entry
 * would be glued to the torn one and the journal would no longer open.
 *
 * Replay reads the file in chunks, one line at a time, so a journal of millions of lines never
 * becomes one string (V8 caps strings at about 512 MiB).
 */
class Journal {
    path;
    identity;
    byKey = new Map();
    fd;
    appended = 0;
    needsHeader = true;
    /** Bytes of the file that hold complete lines; anything after them is a torn tail. */
    keepBytes = 0;
    /** The last entry is complete but its line break was not written. */
    needsLineBreak = false;
    constructor(path, identity) {
        this.path = path;
        this.identity = identity;
    }
    /** Opens the journal in `dir`, replaying what it holds; `readOnly` (a dry run) neither creates nor appends. */
    static open(dir, identity, options = {}) {
        const path = (0,external_node_path_.join)(dir, JOURNAL_FILE);
        const journal = new Journal(path, identity);
        const exists = (0,external_node_fs_.existsSync)(path);
        if (exists)
            journal.replay(options.force ?? false);
        if (options.readOnly)
            return journal;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        journal.fd = (0,external_node_fs_.openSync)(path, 'a');
        if (exists && (0,external_node_fs_.fstatSync)(journal.fd).size > journal.keepBytes)
            (0,external_node_fs_.ftruncateSync)(journal.fd, journal.keepBytes);
        if (journal.needsLineBreak)
            (0,external_node_fs_.writeSync)(journal.fd, '\n');
        if (journal.needsHeader)
            journal.writeLine({ journal: 1, ...identity });
        return journal;
    }
    replay(force) {
        let headerSeen = false;
        /** Where an unreadable line starts: harmless only if it turns out to be the last one. */
        let torn;
        for (const { text, offset, line, complete } of readLines(this.path)) {
            if (text.trim() === '') {
                if (complete && torn === undefined)
                    this.keepBytes = offset + Buffer.byteLength(text) + 1;
                continue;
            }
            if (torn !== undefined)
                throw this.damaged(torn.line);
            let value;
            try {
                value = JSON.parse(text);
            }
            catch {
                torn = { offset, line };
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                this.checkHeader(value, force);
            }
            else {
                const entry = value;
                // Stored ids are already in journal form; key() would leave them as they are.
                if (isEntry(entry))
                    this.byKey.set(`${entry.entity}\u0000${entry.source_id}`, entry);
            }
            this.keepBytes = offset + Buffer.byteLength(text) + (complete ? 1 : 0);
            this.needsLineBreak = !complete;
        }
        this.needsHeader = !headerSeen;
    }
    damaged(line) {
        return new types/* UsageError */.eb(`${this.path}: line ${line} is not valid JSON. The checkpoint is damaged; restore it or start over with a new --state directory.`);
    }
    checkHeader(value, force) {
        const header = value;
        if (header.journal !== 1) {
            throw new types/* UsageError */.eb(`${this.path} is not a migrate-to-workos checkpoint journal. Point --state at an empty or earlier state directory.`);
        }
        const sameSource = header.source === this.identity.source;
        const sameConfig = header.fingerprint === this.identity.fingerprint;
        if ((!sameSource || !sameConfig) && !force) {
            const what = !sameSource
                ? `source "${header.source}", not "${this.identity.source}"`
                : 'a different mapping config';
            throw new types/* UsageError */.eb(`The checkpoint in ${this.path} was made with ${what}. Use another --state (state-name in the action) for this migration, or pass --force to reuse it.`);
        }
    }
    get(entity, sourceId) {
        return this.byKey.get(key(entity, sourceId));
    }
    /** Every entry the journal holds (the newest per record), in the order first recorded. */
    entries() {
        return this.byKey.values();
    }
    /** Records a confirmed write. Synchronous on purpose: the line is on disk before we go on. */
    record(entry) {
        const previous = this.byKey.get(key(entry.entity, entry.source_id));
        const sameRecord = previous !== undefined && previous.workos_id === entry.workos_id && entry.status !== 'deleted';
        // What this migration made, and which hash it sent, outlive later updates of the same record.
        const stored = {
            ...entry,
            source_id: journalSourceId(entry.source_id),
            // `created` is implied by its own status; a later update of the same record carries it on.
            ...(entry.status !== 'created' && previous?.workos_id === entry.workos_id && madeByMigration(previous)
                ? { created: true }
                : {}),
            ...(entry.claimed || (sameRecord && previous.claimed) ? { claimed: true } : {}),
            ...((entry.password_digest ?? (sameRecord ? previous.password_digest : undefined))
                ? { password_digest: entry.password_digest ?? previous.password_digest }
                : {}),
        };
        this.byKey.set(key(entry.entity, entry.source_id), stored);
        this.writeLine(stored);
        this.appended++;
    }
    /** Entries appended by this process (0 means this run changed nothing in the checkpoint). */
    get appendedCount() {
        return this.appended;
    }
    get size() {
        return this.byKey.size;
    }
    close() {
        if (this.fd !== undefined)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = undefined;
    }
    writeLine(value) {
        if (this.fd === undefined)
            throw new Error('journal is closed');
        (0,external_node_fs_.writeSync)(this.fd, JSON.stringify(value) + '\n');
    }
}
/** The migration created this WorkOS record (so rollback may delete it). */
function madeByMigration(entry) {
    return entry.status === 'created' || entry.created === true;
}
function key(entity, sourceId) {
    return `${entity}\u0000${journalSourceId(sourceId)}`;
}
/**
 * How a source id is written in the journal. Some ids carry an email (Auth0's SAML ids look
 * like `samlp|acme|ann@acme.com`); those are kept as a digest, so the journal, and the
 * checkpoint artifact made of it, holds no email (DESIGN §3).
 */
function journalSourceId(sourceId) {
    return sourceId.includes('@') ? `sha256:${(0,external_node_crypto_.createHash)('sha256').update(sourceId).digest('hex')}` : sourceId;
}
function isEntry(value) {
    const entry = value;
    return (typeof entry === 'object' &&
        entry !== null &&
        typeof entry.source_id === 'string' &&
        typeof entry.workos_id === 'string');
}
const CHUNK_BYTES = 1 << 20;
/** The lines of a file, read in chunks so that no string ever holds more than one line. */
function* readLines(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const buffer = Buffer.alloc(CHUNK_BYTES);
        let carry = [];
        let carryBytes = 0;
        let offset = 0;
        let line = 1;
        for (;;) {
            const read = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null);
            if (read === 0)
                break;
            const chunk = buffer.subarray(0, read);
            let from = 0;
            let at = chunk.indexOf(0x0a);
            while (at >= 0) {
                const bytes = Buffer.concat([...carry, chunk.subarray(from, at)]);
                yield { text: bytes.toString('utf8'), offset, line: line++, complete: true };
                offset += bytes.length + 1;
                carry = [];
                carryBytes = 0;
                from = at + 1;
                at = chunk.indexOf(0x0a, from);
            }
            if (from < read) {
                // The buffer is reused for the next chunk: keep a copy.
                carry.push(Buffer.from(chunk.subarray(from)));
                carryBytes += read - from;
            }
        }
        if (carryBytes > 0)
            yield { text: Buffer.concat(carry).toString('utf8'), offset, line, complete: false };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./build/plan/user-tally.js
/**
 * A user who arrives without a password WorkOS can verify and has no other way in that moves
 * by itself (a social provider links by email; an enterprise user signs in through SSO). Cognito
 * exports no hashes, so every Cognito user without a provider is one.
 */
function needsPasswordReset(user) {
    if (user.passwordGap === 'unsupported')
        return true;
    return user.passwordGap === 'missing' && user.socialProviders.length === 0 && user.enterpriseConnection === undefined;
}
/**
 * What the summary and the cutover report count over the planned users, kept as users are
 * planned (and taken back when records merge), so nobody walks a million users to count them.
 */
class UserTally {
    withHash = 0;
    missing = 0;
    unsupported = 0;
    passwordReset = 0;
    reenroll = 0;
    mfa = {};
    social = {};
    /** Counts a user in (`sign` 1) or back out (-1). */
    add(user, sign) {
        if (user.passwordGap === 'none')
            this.withHash += sign;
        else if (user.passwordGap === 'missing')
            this.missing += sign;
        else
            this.unsupported += sign;
        if (needsPasswordReset(user))
            this.passwordReset += sign;
        if (user.mfaFactors.length > 0)
            this.reenroll += sign;
        for (const factor of user.mfaFactors)
            bump(this.mfa, factor, sign);
        for (const provider of user.socialProviders)
            bump(this.social, provider, sign);
    }
}
function bump(counts, key, sign) {
    const next = (counts[key] ?? 0) + sign;
    if (next === 0)
        delete counts[key];
    else
        counts[key] = next;
}

;// CONCATENATED MODULE: ./build/report/escape.js
// Text from an export is hostile until proven otherwise: it lands in markdown that GitHub
// renders (job summary, PR comment) and in CSV files people open in spreadsheets.
// Only what changes meaning in the middle of a line: emphasis, code, links, tables, strikethrough.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]|~]/g;
/** Escapes text for a markdown table cell or paragraph: no HTML, no links, no mentions. */
function escapeMarkdown(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
        .replace(/[\r\n]+/g, ' ')
        // A zero-width space keeps @team, #123, https://… and www.… from becoming a mention or a link.
        .replace(/@/g, '@\u200b')
        .replace(/#/g, '#\u200b')
        .replace(/:\/\//g, ':\u200b//')
        .replace(/www\./gi, (w) => `${w.slice(0, 3)}\u200b.`));
}
/** Cuts text to at most `max` characters, marking the cut. */
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
/**
 * One CSV field (RFC 4180 quoting). A leading = + - @ or tab would make a spreadsheet run it
 * as a formula, so such a field gets a leading apostrophe.
 */
function csvField(value) {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvRow(values) {
    return values.map(csvField).join(',') + '\n';
}

;// CONCATENATED MODULE: ./build/report/people.js




// Who must be reached before sign-in moves: users without a password WorkOS can verify.
/**
 * password-reset.csv: `reason,source_id` (plus `email` only with include-pii). A source id that
 * holds an email is written as its `sha256:` digest unless include-pii, as in the journal.
 */
function passwordResetCsv(users, includePii) {
    return [...passwordResetRows(users, includePii)].join('');
}
/** passwordResetCsv a row at a time (the header first), for writing a million of them. */
function* passwordResetRows(users, includePii) {
    yield csvRow(includePii ? ['reason', 'source_id', 'email'] : ['reason', 'source_id']);
    for (const user of users) {
        if (!needsPasswordReset(user))
            continue;
        const reason = user.passwordGap === 'unsupported' ? 'hash_not_importable' : 'no_password_hash';
        yield csvRow(includePii ? [reason, user.sourceId, user.input.email] : [reason, journalSourceId(user.sourceId)]);
    }
}

;// CONCATENATED MODULE: ./build/cutover/people.js
// The people a switch needs to reach: who must enrol MFA again, who must reset a password,
// and which social providers must be configured in WorkOS before they can sign in.
/** The people evidence of a plan (its tally); `files` names the lists written (none when not written). */
function peopleEvidence(tally, files) {
    return {
        reenroll: tally.reenroll,
        passwordReset: tally.passwordReset,
        files,
        socialProviders: { ...tally.social },
    };
}


;// CONCATENATED MODULE: ./build/cutover/render.js

// cutover.json, cutover.md (job summary and PR comment) and sso-setup.csv. Portal links are
// secrets: only sso-setup.csv holds them; the markdown and the JSON never do.
/** cutover.json: `{go, checks: [{name, ok, detail}]}`. */
function renderCutoverJson(decision) {
    return (JSON.stringify({ go: decision.go, checks: decision.checks.map(({ name, ok, detail }) => ({ name, ok, detail })) }, null, 2) + '\n');
}
const MAX_ORGANIZATION_ROWS = 50;
/** cutover.md: one row per check, then the organizations that still need SSO, then the order of the switch. */
function renderCutoverMarkdown(decision, evidence) {
    const out = [];
    const failing = decision.checks.filter((c) => !c.ok).map((c) => c.name);
    out.push(`## Cutover: ${decision.go ? '✅ go' : '❌ no-go'}`, '');
    out.push(decision.go
        ? `Every check passed for this ${escapeMarkdown(evidence.source)} migration: sign-in can move to WorkOS. This check wrote nothing.`
        : `Not ready to switch sign-in to WorkOS: ${failing.join(', ')} failed. This check wrote nothing.`, '');
    out.push('| Check | Result | Evidence |', '| --- | --- | --- |');
    for (const check of decision.checks) {
        out.push(`| ${check.name} | ${check.ok ? '✅ pass' : '❌ fail'} | ${escapeMarkdown(truncate(check.detail, 1000))} |`);
    }
    const lacking = evidence.sso.organizations.filter((o) => !o.activeConnection);
    if (lacking.length > 0) {
        out.push('', '### Organizations that need an SSO connection', '');
        out.push('Their members signed in through an enterprise connection; they can sign in to WorkOS only once it has an active one.', '');
        out.push('| Organization | WorkOS organization | Sign-in in the source | Users | Domains | WorkOS connections |', '| --- | --- | --- | ---: | --- | --- |');
        for (const org of lacking.slice(0, MAX_ORGANIZATION_ROWS))
            out.push(organizationRow(org));
        if (lacking.length > MAX_ORGANIZATION_ROWS)
            out.push('', `…and ${lacking.length - MAX_ORGANIZATION_ROWS} more: see sso-setup.csv.`);
        out.push('', evidence.sso.portalLinks
            ? "sso-setup.csv holds an Admin Portal link for each: send it to that organization's IT admin. The links are secrets and expire five minutes after they are made; they are not shown here."
            : "sso-setup.csv lists them. Run cutover with --portal-links for an Admin Portal link to send each organization's IT admin.");
    }
    if (!decision.go) {
        out.push('', 'Fix what failed, then run cutover again. Switch sign-in only on a go.');
    }
    else {
        out.push('', '**Next:** if sign-ups are frozen in the old system and this ran after the final import, switch sign-in to WorkOS, ' +
            'then run verify. Keep the checkpoint (the state) until you are sure: rollback needs it.');
    }
    return out.join('\n') + '\n';
}
function organizationRow(org) {
    const connections = org.workosConnections.length === 0 ? 'none' : org.workosConnections.map((c) => `${c.type} (${c.state})`).join(', ');
    const cells = [
        org.externalId,
        org.workosId ?? 'not in WorkOS',
        org.connectionTypes.join(', '),
        String(org.users),
        org.domains.join(', ') || '—',
        connections,
    ];
    return `| ${cells.map((c) => escapeMarkdown(truncate(c, 200))).join(' | ')} |`;
}
/**
 * sso-setup.csv: each organization that still needs an active SSO connection. No emails; the
 * portal_link column only when links were asked for (and each link is a secret).
 */
function renderSsoSetupCsv(evidence) {
    const withLinks = evidence.sso.portalLinks;
    const header = [
        'organization_external_id',
        'workos_organization_id',
        'connection_types',
        'users',
        'domains',
        ...(withLinks ? ['portal_link'] : []),
    ];
    let out = csvRow(header);
    for (const org of evidence.sso.organizations) {
        if (org.activeConnection)
            continue;
        out += csvRow([
            org.externalId,
            org.workosId ?? '',
            org.connectionTypes.join('|'),
            org.users,
            org.domains.join('|'),
            ...(withLinks ? [org.portalLink ?? ''] : []),
        ]);
    }
    return out;
}
/** Every portal link in the evidence: the action masks each (core.setSecret) before anything is logged. */
function portalLinkSecrets(evidence) {
    return evidence.sso.organizations.flatMap((o) => (o.portalLink ? [o.portalLink] : []));
}

;// CONCATENATED MODULE: ./build/cutover/rollback.js
/**
 * Whether `rollback` could undo this migration: every record of it that WorkOS holds must be in
 * the journal under the same WorkOS id. `created` counts what rollback would delete; records
 * the journal lists as updated or unchanged existed before and are left alone.
 */
function rollbackCoverage(input) {
    let inWorkOS = 0;
    let created = 0;
    let unknown = 0;
    for (const record of input.found) {
        inWorkOS++;
        const entry = input.journal?.(record.entity, record.sourceId);
        if (entry === undefined || entry.status === 'deleted' || entry.workos_id !== record.workosId)
            unknown++;
        else if (entry.created === true || entry.status === 'created')
            created++;
    }
    return { journal: input.journal !== undefined, inWorkOS, created, unknown };
}
/** The live diff's `found` map (`<entity>:<source id>` → WorkOS id) as records. */
function foundRecords(found) {
    return [...found].map(([key, workosId]) => {
        const colon = key.indexOf(':');
        return { entity: key.slice(0, colon), sourceId: key.slice(colon + 1), workosId };
    });
}

;// CONCATENATED MODULE: ./build/cutover/sso.js
/**
 * Groups enterprise users by the organizations they are members of (a user in two
 * organizations counts in both). Pure: the plan's users, organizations and memberships in,
 * organizations in export order out.
 */
function enterpriseMembers(input) {
    const enterprise = new Map();
    for (const user of input.users)
        if (user.enterpriseConnection)
            enterprise.set(user.sourceId, user.enterpriseConnection);
    const byOrganization = new Map();
    const inSomeOrganization = new Set();
    for (const m of input.memberships) {
        const connection = enterprise.get(m.userSourceId);
        if (connection === undefined)
            continue;
        inSomeOrganization.add(m.userSourceId);
        let entry = byOrganization.get(m.organizationSourceId);
        if (entry === undefined)
            byOrganization.set(m.organizationSourceId, (entry = { users: new Set(), types: new Set() }));
        entry.users.add(m.userSourceId);
        entry.types.add(connection.type);
    }
    const organizations = [];
    for (const org of input.organizations) {
        const entry = byOrganization.get(org.sourceId);
        if (entry === undefined)
            continue;
        const workosId = input.workosOrganizationId(org.sourceId);
        organizations.push({
            externalId: org.sourceId,
            ...(workosId !== undefined ? { workosId } : {}),
            domains: [...org.domains],
            connectionTypes: [...entry.types].sort(),
            users: entry.users.size,
        });
    }
    const usersWithoutOrganization = {};
    for (const [userId, connection] of enterprise) {
        if (!inSomeOrganization.has(userId))
            usersWithoutOrganization[connection.connection] = (usersWithoutOrganization[connection.connection] ?? 0) + 1;
    }
    return { organizations, usersWithoutOrganization };
}
/**
 * For each organization with enterprise users: its SSO connections in WorkOS, whether one is
 * active, and (with `portalLinks`) a setup link for those that lack one. An organization that
 * WorkOS lacks has no connection and gets no link (the reconciled check reports it). Reads one
 * organization at a time: a few hundred organizations are a few hundred paced reads.
 */
async function gatherSsoEvidence(members, reader, options) {
    const organizations = [];
    for (const org of members.organizations) {
        const connections = org.workosId === undefined ? [] : await reader.connectionsOf(org.workosId);
        const activeConnection = connections.some((c) => c.state === 'active');
        const portalLink = options.portalLinks && !activeConnection && org.workosId !== undefined
            ? await reader.ssoPortalLink(org.workosId)
            : undefined;
        organizations.push({
            externalId: org.externalId,
            ...(org.workosId !== undefined ? { workosId: org.workosId } : {}),
            connectionTypes: org.connectionTypes,
            users: org.users,
            domains: org.domains,
            workosConnections: connections.map((c) => ({ type: c.type, state: c.state })),
            activeConnection,
            ...(portalLink !== undefined ? { portalLink } : {}),
        });
    }
    return {
        organizations,
        usersWithoutOrganization: { ...members.usersWithoutOrganization },
        portalLinks: options.portalLinks,
    };
}

;// CONCATENATED MODULE: ./build/io/write-lines.js

/** About this much text is gathered before each write. */
const WRITE_BYTES = 1024 * 1024;
/**
 * Writes `lines` (each with its own line end) to `path`, a megabyte at a time: a report of a
 * million rows never exists as one string (a string that size costs twice its text, and V8 has
 * a limit on a string's length).
 */
async function writeLines(path, lines) {
    const file = await (0,promises_.open)(path, 'w');
    try {
        let pending = '';
        for (const line of lines) {
            pending += line;
            if (pending.length >= WRITE_BYTES) {
                await file.write(pending);
                pending = '';
            }
        }
        if (pending.length > 0)
            await file.write(pending);
    }
    finally {
        await file.close();
    }
}

// EXTERNAL MODULE: ./build/report/summary.js
var report_summary = __webpack_require__(74611);
;// CONCATENATED MODULE: ./build/report/files.js







/** Writes the report files of DESIGN §2 to `dir`. */
async function writeReportFiles(dir, content) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const files = {
        summaryJson: (0,external_node_path_.join)(dir, 'summary.json'),
        summaryMd: (0,external_node_path_.join)(dir, 'summary.md'),
        errors: (0,external_node_path_.join)(dir, 'errors.jsonl'),
        idMap: (0,external_node_path_.join)(dir, 'id-map.csv'),
        reenroll: (0,external_node_path_.join)(dir, 'reenroll.csv'),
        passwordReset: (0,external_node_path_.join)(dir, 'password-reset.csv'),
    };
    const pii = content.includePii;
    await (0,promises_.writeFile)(files.summaryJson, JSON.stringify(content.summary, null, 2) + '\n');
    await (0,promises_.writeFile)(files.summaryMd, content.markdown);
    // A row at a time: at a million users each of these files is tens of megabytes.
    await writeLines(files.errors, errorRecords(content.problems, content.outcomes, pii));
    await writeLines(files.idMap, idMapRows(content.outcomes, content.merges));
    await writeLines(files.reenroll, reenrollRows(content.users.withMfa(), pii));
    await writeLines(files.passwordReset, passwordResetRows(content.users.needingPasswordReset(), pii));
    const all = Object.values(files);
    for (const [name, text] of Object.entries(content.extraFiles ?? {})) {
        const path = (0,external_node_path_.join)(dir, name);
        await (0,promises_.writeFile)(path, text);
        all.push(path);
    }
    return { ...files, all };
}
/**
 * A source id as the reports show it: some carry an email (Auth0's `samlp|acme|ann@acme.com`),
 * so without include-pii they appear as the same digest the journal keeps.
 */
function reportedId(sourceId, includePii) {
    return includePii ? sourceId : journalSourceId(sourceId);
}
/** One line per invalid, skipped or failed record, plus warnings, each with where it came from. */
function errorLines(problems, outcomes, includePii = false) {
    return [...errorRecords(problems, outcomes, includePii)].join('');
}
/** errorLines a line at a time. */
function* errorRecords(problems, outcomes, includePii = false) {
    const id = (sourceId) => (sourceId === undefined ? null : reportedId(sourceId, includePii));
    for (const p of problems) {
        yield JSON.stringify({
            entity: p.entity,
            source_id: id(p.sourceId),
            file: p.location.file,
            line: p.location.line,
            ...(p.location.column ? { column: p.location.column } : {}),
            ...(p.field ? { field: p.field } : {}),
            severity: p.severity,
            code: p.code,
            message: p.message,
        }) + '\n';
    }
    for (const o of outcomes) {
        if (o.status !== 'failed')
            continue;
        yield JSON.stringify({
            entity: o.entity,
            source_id: id(o.sourceId),
            file: o.location.file,
            line: o.location.line,
            severity: 'error',
            code: o.failure?.code ?? 'failed',
            message: o.failure?.message ?? 'failed',
            ...(o.failure?.requestId ? { request_id: o.failure.requestId } : {}),
        }) + '\n';
    }
}
/**
 * Every source id that exists in WorkOS, merged duplicates included, so apps can rewrite
 * foreign keys: the exact ids, always (an application needs them as they are).
 */
function idMapCsv(outcomes, merges) {
    return [...idMapRows(outcomes, merges)].join('');
}
/** idMapCsv a row at a time (the header first). */
function* idMapRows(outcomes, merges) {
    const merged = new Map(merges.map((m) => [m.sourceId, m.mergedSourceIds]));
    yield csvRow(['entity', 'source_id', 'workos_id', 'status']);
    for (const o of outcomes) {
        if (!o.workosId)
            continue;
        yield csvRow([o.entity, o.sourceId, o.workosId, o.status]);
        if (o.entity === 'user')
            for (const other of merged.get(o.sourceId) ?? [])
                yield csvRow([o.entity, other, o.workosId, 'merged']);
    }
}
function reenrollCsv(users, includePii) {
    return [...reenrollRows(users, includePii)].join('');
}
/** reenrollCsv a row at a time (the header first). */
function* reenrollRows(users, includePii) {
    yield csvRow(includePii ? ['factor', 'source_id', 'email'] : ['factor', 'source_id']);
    for (const { user, factor } of (0,report_summary/* reenrollments */.PZ)(users)) {
        yield csvRow(includePii ? [factor, user.sourceId, user.input.email] : [factor, reportedId(user.sourceId, false)]);
    }
}
/** What an import would do (or did), record by record: field names only, never values. */
function changesJsonl(diff, includePii) {
    const lines = [];
    for (const change of [...diff.users, ...diff.organizations, ...diff.memberships]) {
        if (change.action === 'unchanged')
            continue;
        lines.push(JSON.stringify({
            entity: change.entity,
            action: change.action,
            external_id: reportedId(change.record.sourceId, includePii),
            ...(change.workosId ? { workos_id: change.workosId } : {}),
            fields: change.fields,
        }));
    }
    for (const r of diff.removals) {
        lines.push(JSON.stringify({
            entity: r.entity,
            action: 'remove',
            external_id: reportedId(r.externalId, includePii),
            workos_id: r.workosId,
            fields: [],
        }));
    }
    return lines.map((l) => l + '\n').join('');
}
function removalsCsv(removals, includePii) {
    let text = csvRow(['entity', 'external_id', 'workos_id', 'reason']);
    for (const r of removals)
        text += csvRow([r.entity, reportedId(r.externalId, includePii), r.workosId, r.reason]);
    return text;
}

;// CONCATENATED MODULE: ./build/report/logger.js
function streamLogger(stream = process.stderr) {
    const live = stream.isTTY === true && !process.env.CI;
    let lineOpen = false;
    const endLine = () => {
        if (lineOpen)
            stream.write('\n');
        lineOpen = false;
    };
    return {
        live,
        info: (m) => {
            endLine();
            stream.write(`${m}\n`);
        },
        warn: (m) => {
            endLine();
            stream.write(`warning: ${m}\n`);
        },
        progress: (m) => {
            if (live) {
                stream.write(`\r\x1b[2K${m}`);
                lineOpen = true;
            }
            else {
                stream.write(`${m}\n`);
            }
        },
        group: async (title, body) => {
            endLine();
            stream.write(`${title}\n`);
            try {
                return await body();
            }
            finally {
                endLine();
            }
        },
    };
}
const silentLogger = {
    info: () => { },
    warn: () => { },
    progress: () => { },
    group: (_title, body) => body(),
};

;// CONCATENATED MODULE: ./build/workos/connections.js
/** Every SSO connection of one WorkOS organization, 100 a page (the API's maximum). */
async function listOrganizationConnections(workos, read, organizationId) {
    const connections = [];
    let after;
    do {
        // Not the SDK's autoPagination: each page must go through `read`.
        const page = await read(() => workos.sso.listConnections({ organizationId, limit: 100, order: 'asc', ...(after ? { after } : {}) }));
        for (const c of page.data) {
            connections.push({
                id: c.id,
                type: String(c.type),
                state: c.state,
                domains: (c.domains ?? []).map((d) => d.domain),
            });
        }
        after = page.listMetadata.after ?? undefined;
    } while (after);
    return connections;
}
/**
 * A one-time Admin Portal link (intent `sso`) for the organization's IT admin to set up its SSO
 * connection. A secret: whoever holds it can configure sign-in for that organization. WorkOS
 * lets it expire five minutes after issue.
 */
async function generateSsoPortalLink(workos, read, organizationId) {
    const { link } = await read(() => workos.adminPortal.generateLink({ organization: organizationId, intent: 'sso' }));
    return link;
}
/** Both reads above for one client and one pacing: what the cutover's SSO check reads through. */
function connectionsReader(workos, read) {
    return {
        connectionsOf: (organizationId) => listOrganizationConnections(workos, read, organizationId),
        ssoPortalLink: (organizationId) => generateSsoPortalLink(workos, read, organizationId),
    };
}

;// CONCATENATED MODULE: ./build/model/live-state.js
// What WorkOS holds, as the diff needs it: read in pages by workos/live-index.ts, compared by
// plan/diff.ts. Kept compact on purpose (no full user objects): at a million users the index
// must fit beside the plan, so each user is its ids, its email key, names and a metadata digest.


/**
 * WorkOS users, one packed string each (its fields joined by a separator no field holds), found
 * by external id and by email key. One string shared by both maps, decoded on lookup: about
 * half the memory of an object per user, which is what lets a million users fit beside the plan.
 */
class LiveUsers {
    byExternal = new Map();
    byEmailKey = new Map();
    add(user) {
        const packed = [
            user.id,
            user.externalId ?? '',
            user.emailKey,
            user.emailVerified ? '1' : '0',
            user.firstName ?? NONE,
            user.lastName ?? NONE,
            user.metadataDigest,
        ].join(SEP);
        if (user.externalId)
            this.byExternal.set(user.externalId, packed);
        this.byEmailKey.set(user.emailKey, packed);
    }
    byExternalId(externalId) {
        const packed = this.byExternal.get(externalId);
        return packed === undefined ? undefined : unpack(packed);
    }
    byEmail(emailKey) {
        const packed = this.byEmailKey.get(emailKey);
        return packed === undefined ? undefined : unpack(packed);
    }
    /** Users that carry an external id (the only ones that can belong to a migration). */
    *withExternalId() {
        for (const packed of this.byExternal.values())
            yield unpack(packed);
    }
    /** Every user (emails are unique in WorkOS, so one entry each). */
    get size() {
        return this.byEmailKey.size;
    }
}
// Unit and record separators: control characters that no id, email or name from WorkOS holds.
const SEP = '\u001f';
const NONE = '\u001e';
function unpack(packed) {
    const [id, externalId, emailKey, verified, firstName, lastName, metadataDigest] = packed.split(SEP);
    return {
        id,
        externalId: externalId === '' ? null : externalId,
        emailKey,
        emailVerified: verified === '1',
        firstName: firstName === NONE ? null : firstName,
        lastName: lastName === NONE ? null : lastName,
        metadataDigest,
    };
}
function emptyLiveIndex() {
    return {
        users: new LiveUsers(),
        organizationsByExternalId: new Map(),
        organizationsById: new Map(),
        memberships: new Map(),
        membershipsReadFor: new Set(),
        reads: 0,
    };
}
function liveMembershipKey(organizationId, userId) {
    return `${organizationId}:${userId}`;
}
/** Metadata compared by digest: equal maps digest alike whatever their key order; none is `{}`. */
function metadataDigest(metadata) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(stableJson(metadata ?? {}))
        .digest('base64url')
        .slice(0, 16);
}
function sortedJoined(values) {
    return [...new Set(values)].sort().join(',');
}

;// CONCATENATED MODULE: ./build/plan/digest.js


/**
 * A short digest of what we send for a record, so a rerun can tell "already done" from
 * "changed since". Keys are sorted so the same input always digests the same.
 */
function inputDigest(input) {
    return (0,external_node_crypto_.createHash)('sha256').update(stableJson(input)).digest('hex').slice(0, 20);
}

;// CONCATENATED MODULE: ./build/plan/diff.js


function diffMigration(input) {
    const users = Array.from(input.users, (u) => diffUser(u, input));
    const userIds = new Map();
    for (const change of users)
        if (change.workosId)
            userIds.set(change.record.sourceId, change.workosId);
    const organizations = input.organizations.map((o) => diffOrganization(o, input.live));
    const orgIds = new Map();
    for (const change of organizations)
        if (change.workosId)
            orgIds.set(change.record.sourceId, change.workosId);
    const memberships = input.memberships.map((m) => diffMembership(m, input.live, userIds, orgIds));
    return { users, organizations, memberships, removals: findRemovals(input, users, memberships) };
}
function diff_passwordDigest(password) {
    return inputDigest(password);
}
function diffUser(user, input) {
    const base = { entity: 'user', record: user };
    const { live } = input;
    const wanted = user.input;
    const emailKey = wanted.email.toLowerCase();
    const byExternalId = live.users.byExternalId(user.sourceId);
    const byEmail = live.users.byEmail(emailKey);
    if (!byExternalId) {
        if (!byEmail)
            return { ...base, action: 'create', fields: [], sendPassword: user.input.password !== undefined, claim: false };
        if (byEmail.externalId) {
            // Another system (or another source of this migration) holds the email: its user stays as
            // it is and gets the memberships; a person decides whether the two are one.
            return {
                ...base,
                action: 'conflict',
                workosId: byEmail.id,
                fields: [],
                sendPassword: false,
                claim: false,
                ...keptPassword(user),
            };
        }
        // Signed up on their own before the migration: take it over, keep the password they set.
        const fields = ['external_id', ...userFieldChanges(byEmail, user)];
        return {
            ...base,
            action: 'update',
            workosId: byEmail.id,
            fields,
            sendPassword: false,
            claim: true,
            ...keptPassword(user),
        };
    }
    const fields = userFieldChanges(byExternalId, user);
    if (fields.includes('email') && byEmail && byEmail.id !== byExternalId.id) {
        // The export moved the user to an address another WorkOS user holds: WorkOS would refuse it.
        return { ...base, action: 'conflict', workosId: byExternalId.id, fields, sendPassword: false, claim: false };
    }
    const password = passwordDecision(user, byExternalId, input);
    if (password.send)
        fields.push('password');
    const action = fields.length > 0 ? 'update' : 'unchanged';
    return {
        ...base,
        action,
        workosId: byExternalId.id,
        fields,
        sendPassword: password.send,
        claim: false,
        ...(password.notSent ? { passwordNotSent: password.notSent } : {}),
    };
}
function keptPassword(user) {
    return user.input.password ? { passwordNotSent: 'kept_existing' } : {};
}
function passwordDecision(user, found, input) {
    const password = user.input.password;
    if (!password)
        return { send: false };
    const entry = input.journal?.get('user', user.sourceId);
    // The same WorkOS user (not one deleted and made again since) was sent this very hash. A journal
    // from before password digests were kept recorded the whole input, hash included.
    const recorded = entry !== undefined &&
        entry.status !== 'deleted' &&
        entry.workos_id === found.id &&
        (entry.password_digest === diff_passwordDigest(password) || entry.input_digest === user.digest);
    if (recorded)
        return { send: false, notSent: 'recorded_earlier' };
    if (!input.passwordsFromJournal)
        return { send: false, notSent: 'unknown' };
    return { send: true };
}
/** Fields of the WorkOS user that differ from the export. A field the export lacks is not ours to clear. */
function userFieldChanges(found, user) {
    const wanted = user.input;
    const fields = [];
    if (found.emailKey !== wanted.email.toLowerCase())
        fields.push('email');
    // WorkOS refuses to un-verify, and a verification made in WorkOS since is worth keeping.
    if (wanted.emailVerified && !found.emailVerified)
        fields.push('email_verified');
    if (wanted.firstName !== undefined && found.firstName !== wanted.firstName)
        fields.push('first_name');
    if (wanted.lastName !== undefined && found.lastName !== wanted.lastName)
        fields.push('last_name');
    if (found.metadataDigest !== metadataDigest(wanted.metadata))
        fields.push('metadata');
    return fields;
}
function diffOrganization(org, live) {
    const base = { entity: 'organization', record: org };
    const found = live.organizationsByExternalId.get(org.sourceId);
    if (!found)
        return { ...base, action: 'create', fields: [] };
    const fields = [];
    if (found.name !== org.input.name)
        fields.push('name');
    if (found.domains !== sortedJoined(org.input.domains))
        fields.push('domains');
    if (found.metadataDigest !== metadataDigest(org.input.metadata))
        fields.push('metadata');
    return { ...base, action: fields.length > 0 ? 'update' : 'unchanged', workosId: found.id, fields };
}
function diffMembership(m, live, userIds, orgIds) {
    const base = { entity: 'membership', record: m };
    const userId = userIds.get(m.userSourceId);
    const organizationId = orgIds.get(m.organizationSourceId);
    if (!userId || !organizationId || !live.membershipsReadFor.has(organizationId))
        return { ...base, action: 'create', fields: [] };
    const found = live.memberships.get(liveMembershipKey(organizationId, userId));
    if (!found)
        return { ...base, action: 'create', fields: [] };
    // No roles in the export means the environment's default role: whatever WorkOS has is fine.
    const fields = m.roles.length > 0 && found.roles !== sortedJoined(m.roles) ? ['roles'] : [];
    return { ...base, action: fields.length > 0 ? 'update' : 'unchanged', workosId: found.id, fields };
}
/**
 * Records of this migration that WorkOS holds and the export no longer has: users and
 * organizations with an external id this migration made or claimed (the journal says so) or
 * that this source gives out, and memberships of such users in the export's organizations.
 */
function findRemovals(input, users, memberships) {
    const { live, journal } = input;
    const journaled = (entity, id) => {
        const entry = journal?.get(entity, id);
        return entry !== undefined && entry.status !== 'deleted';
    };
    const ours = (entity, id) => journaled(entity, id) || input.ownsExternalId(entity, id);
    const exportedUsers = new Set();
    for (const u of input.users) {
        exportedUsers.add(u.sourceId);
        for (const other of u.mergedSourceIds)
            exportedUsers.add(other);
    }
    const removals = [];
    const removedUserIds = new Set();
    for (const found of live.users.withExternalId()) {
        const id = found.externalId;
        if (exportedUsers.has(id) || input.notImported.users.has(id))
            continue;
        const reason = input.skippedUsers.has(id)
            ? 'skipped_by_policy'
            : ours('user', id)
                ? 'not_in_export'
                : undefined;
        if (!reason)
            continue;
        removals.push({ entity: 'user', externalId: id, workosId: found.id, reason });
        removedUserIds.add(found.id);
    }
    if (!input.managesOrganizations)
        return removals;
    const exportedOrgs = new Set(input.organizations.map((o) => o.sourceId));
    for (const found of live.organizationsByExternalId.values()) {
        const id = found.externalId;
        if (exportedOrgs.has(id) || input.notImported.organizations.has(id) || !ours('organization', id))
            continue;
        removals.push({ entity: 'organization', externalId: id, workosId: found.id, reason: 'not_in_export' });
    }
    // A member dropped from an organization that stays: the membership goes, the user stays.
    const planned = new Set();
    for (const m of memberships)
        if (m.workosId)
            planned.add(m.workosId);
    const userSourceIds = new Map();
    for (const u of users)
        if (u.workosId)
            userSourceIds.set(u.workosId, u.record.sourceId);
    const orgSourceIds = new Map();
    for (const o of input.organizations) {
        const found = live.organizationsByExternalId.get(o.sourceId);
        if (found)
            orgSourceIds.set(found.id, o.sourceId);
    }
    const journaledMemberships = new Set();
    for (const entry of journal?.entries() ?? []) {
        if (entry.entity === 'membership' && entry.status !== 'deleted')
            journaledMemberships.add(entry.workos_id);
    }
    for (const m of live.memberships.values()) {
        const orgSourceId = orgSourceIds.get(m.organizationId);
        if (!orgSourceId || planned.has(m.id) || removedUserIds.has(m.userId))
            continue;
        const userSourceId = userSourceIds.get(m.userId);
        // Only memberships of users this export brings (or that the journal says we added).
        if (!userSourceId && !journaledMemberships.has(m.id))
            continue;
        const userLabel = userSourceId ?? m.userId;
        removals.push({
            entity: 'membership',
            externalId: `${orgSourceId}:${userLabel}`,
            workosId: m.id,
            reason: 'member_removed',
        });
    }
    return removals;
}
function countChanges(diff) {
    const count = (changes, entity) => {
        const c = { create: 0, update: 0, unchanged: 0, remove: 0, conflict: 0 };
        for (const change of changes)
            c[change.action]++;
        c.remove = diff.removals.filter((r) => r.entity === entity).length;
        return c;
    };
    return {
        users: count(diff.users, 'user'),
        organizations: count(diff.organizations, 'organization'),
        memberships: count(diff.memberships, 'membership'),
    };
}
/** What the diff knows of hashes it will not send: recorded as sent earlier, or kept by users who were there before. */
function passwordMemory(diff) {
    return {
        recordedEarlier: diff.users.filter((c) => c.passwordNotSent === 'recorded_earlier').length,
        keptExisting: diff.users.filter((c) => c.passwordNotSent === 'kept_existing').length,
    };
}

;// CONCATENATED MODULE: ./build/reconcile/reconcile.js
function foundKey(entity, sourceId) {
    return `${entity}:${sourceId}`;
}
/**
 * The live check: a diff taken from a fresh read of WorkOS, seen as found / missing /
 * mismatched. "Complete" in a report rests on this, never on the journal.
 */
function reconcile(diff) {
    const drift = [];
    const found = new Map();
    const count = (changes, entity) => {
        const c = { expected: changes.length, found: 0, missing: 0, mismatched: 0, unexpected: 0 };
        for (const change of changes) {
            const problem = driftOf(change);
            if (problem)
                drift.push(problem);
            if (change.action === 'create') {
                c.missing++;
                continue;
            }
            c.found++;
            if (change.workosId)
                found.set(foundKey(entity, change.record.sourceId), change.workosId);
            if (change.action === 'update' || (change.action === 'conflict' && change.fields.length > 0))
                c.mismatched++;
        }
        c.unexpected = diff.removals.filter((r) => r.entity === entity).length;
        return c;
    };
    return {
        users: count(diff.users, 'user'),
        organizations: count(diff.organizations, 'organization'),
        memberships: count(diff.memberships, 'membership'),
        drift,
        found,
    };
}
const NOUN = {
    user: 'user',
    organization: 'organization',
    membership: 'membership',
};
function driftOf(change) {
    const where = {
        entity: change.entity,
        sourceId: change.record.sourceId,
        location: change.record.location,
        severity: 'warning',
    };
    switch (change.action) {
        case 'unchanged':
            return undefined;
        case 'create':
            return {
                ...where,
                code: 'missing_in_workos',
                message: `WorkOS has no such ${NOUN[change.entity]}. Run import to create it.`,
            };
        case 'update':
            return {
                ...where,
                field: change.fields.join(','),
                code: 'mismatch',
                message: `The WorkOS ${NOUN[change.entity]} differs from the export in ${change.fields.join(', ')}. Run import to update it.`,
            };
        case 'conflict':
            return change.fields.length > 0
                ? {
                    ...where,
                    field: 'email',
                    code: 'email_conflict',
                    message: `The export changes this user's email to one that WorkOS user ${change.workosId ?? '?'} already holds under another external id. Resolve the duplicate in WorkOS, then run import.`,
                }
                : undefined;
    }
}

;// CONCATENATED MODULE: ./build/apply/defaults.js
/**
 * How fast the engine talks to WorkOS when no flag says otherwise.
 *
 * WorkOS documents its user-management limits per environment as 500 writes and 1,000 reads
 * per 10 s (a sliding window). The limiter spaces requests evenly, so any 10 s window holds
 * `rate × 10` of them plus whatever timer and network jitter bunches together:
 * - 48 writes/s fills 480 of the 500 a window allows (0.96 of the limit); the 20 left over absorb
 *   400 ms of bunched-up requests (an event-loop stall, a slow network) before a 429.
 * - 95 reads/s fills 950 of the 1,000, the same half second of slack.
 * A second client on the same environment is shared with, not fought: a 429 slows this process
 * down (AIMD) and it climbs back over one window.
 *
 * `concurrency` is only a ceiling: the requests in flight are sized from the measured latency
 * (Little's law), so 48 writes/s are reached from 20 ms to 1 s per request. 100 leaves room for
 * 48/s at 1 s latency with the headroom the sizing adds.
 */
const DEFAULT_PACING = {
    /** Writes per second for the whole process (`--rate-limit`). */
    rateLimit: 48,
    /** Reads per second for the whole process. */
    readRateLimit: 95,
    /** The most records in flight at once (`--concurrency`): a ceiling, not the pace. */
    concurrency: 100,
};
/** WorkOS's documented user-management limits, per environment (WorkOS docs, "Rate limits"). */
const WORKOS_LIMITS = {
    writes: { requests: 500, windowMs: 10_000 },
    reads: { requests: 1_000, windowMs: 10_000 },
};

;// CONCATENATED MODULE: ./build/apply/rate-limiter.js
/**
 * Paces requests to a steady rate for the whole process: every worker waits its turn here.
 *
 * WorkOS counts requests in a sliding 10 s window. Spacing them evenly (no burst by default)
 * keeps any window at `rate × 10` plus jitter, so a rate just under the limit never sees a 429
 * while using nearly all of it. A 429 that gets through anyway (another client on the same
 * environment) makes everyone wait out `Retry-After`; a second one within a window is AIMD's
 * signal: the rate drops by a quarter, then climbs back to the configured rate over one window.
 */
class RateLimiter {
    ratePerSecond;
    now;
    windowMs;
    nextSlotAt = 0;
    pausedUntil = 0;
    /** Bumped by every pause: a slot reserved before it is given up and taken again after it. */
    pauses = 0;
    /** The rate right after the last slow-down; it grows back from there once the pause ends. */
    reducedRate;
    lastOverloadAt = -Infinity;
    burst;
    /** When the last `windowCap` requests were actually sent (a ring: `sent[sentIndex]` is the oldest). */
    sent = [];
    sentIndex = 0;
    windowCap;
    /**
     * @param windowMs the server's counting window: besides spacing, never more than `rate × window`
     *   requests are sent in any window, even when the event loop stalls and slots come due at once.
     */
    constructor(ratePerSecond, burst = 1, now = Date.now, windowMs = 10_000) {
        this.ratePerSecond = ratePerSecond;
        this.now = now;
        this.windowMs = windowMs;
        if (!(ratePerSecond > 0))
            throw new RangeError('rate must be positive');
        this.burst = Math.max(1, burst);
        this.reducedRate = ratePerSecond;
        this.windowCap = Math.max(this.burst, Math.floor((ratePerSecond * windowMs) / 1000));
    }
    /** Resolves when the caller may send one request. */
    async acquire() {
        for (;;) {
            const pauses = this.pauses;
            const wait = this.reserve();
            if (wait > 0)
                await sleep(wait);
            // A 429 seen while we slept: our slot predates it, so wait for one after the pause.
            if (pauses !== this.pauses)
                continue;
            // Slots that came due together (a stalled event loop, a slow runner) must not burst past
            // the server's window: wait until the request `windowCap` sends ago has left it.
            for (let windowWait = this.windowWait(); windowWait > 0; windowWait = this.windowWait())
                await sleep(windowWait);
            if (pauses !== this.pauses)
                continue;
            this.recordSend();
            return;
        }
    }
    windowWait() {
        if (this.sent.length < this.windowCap)
            return 0;
        // One millisecond past the window's edge: clocks here and at the server tick in whole ms.
        return Math.max(0, this.sent[this.sentIndex] + this.windowMs + 1 - this.now());
    }
    recordSend() {
        const now = this.now();
        if (this.sent.length < this.windowCap)
            this.sent.push(now);
        else {
            this.sent[this.sentIndex] = now;
            this.sentIndex = (this.sentIndex + 1) % this.windowCap;
        }
    }
    /** Takes the next free slot and returns how long until it comes (0: now). */
    reserve() {
        const now = this.now();
        const intervalMs = 1000 / this.currentRate(now);
        const burstMs = (this.burst - 1) * intervalMs;
        const earliest = Math.max(now - burstMs, this.pausedUntil, this.nextSlotAt);
        this.nextSlotAt = earliest + intervalMs;
        return Math.max(0, earliest - now);
    }
    /** Everyone waits at least `ms` from now before the next request. */
    pause(ms) {
        const until = this.now() + ms;
        this.pauses++;
        if (until > this.pausedUntil)
            this.pausedUntil = until;
        if (this.nextSlotAt < until)
            this.nextSlotAt = until;
    }
    /**
     * A 429: pause for `retryAfterMs`; when 429s recur, go on at a lower rate. The 429s of requests
     * already in flight when the first one came back belong to the same overload: one per pause.
     */
    slowDown(retryAfterMs) {
        const now = this.now();
        // A lone 429 (network jitter bunched a few requests) is only waited out; another one within a
        // window means someone else writes to this environment too: make room for them.
        const again = now - this.lastOverloadAt < this.windowMs;
        if (now >= this.pausedUntil) {
            if (again)
                this.reducedRate = Math.max(this.ratePerSecond * MIN_RATE_SHARE, this.currentRate(now) * DECREASE_FACTOR);
            this.lastOverloadAt = now;
        }
        this.pause(Math.max(retryAfterMs, 1000 / this.ratePerSecond));
    }
    /** Requests per second allowed now: the configured rate, or less while recovering from a 429. */
    currentRate(now = this.now()) {
        if (this.reducedRate >= this.ratePerSecond)
            return this.ratePerSecond;
        const recovering = Math.max(0, now - this.pausedUntil) / 1000;
        const rate = this.reducedRate + this.ratePerSecond * RECOVERY_PER_SECOND * recovering;
        if (rate < this.ratePerSecond)
            return rate;
        this.reducedRate = this.ratePerSecond;
        return this.ratePerSecond;
    }
}
/** Multiplicative decrease on a 429. */
const DECREASE_FACTOR = 0.75;
/** Never below this share of the configured rate, so a run under a noisy neighbour still moves. */
const MIN_RATE_SHARE = 0.1;
/** Additive increase: back from 0.75 to the full rate in 10 s, one WorkOS window. */
const RECOVERY_PER_SECOND = 0.025;
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./build/workos/errors.js
// One place that turns whatever the SDK or fetch threw into what the engine must do about it.
// DESIGN §7: match on status and code, not on exception classes (the SDK maps the same API
// error to different classes depending on the body's shape).
const CONFLICT_CODES = new Set([
    'email_not_available',
    'external_id_already_used',
    'organization_membership_already_exists',
]);
function detailCodes(error) {
    const errors = error.errors;
    if (!Array.isArray(errors))
        return [];
    return errors.map((d) => d?.code).filter((c) => typeof c === 'string');
}
/**
 * The error that carries the HTTP answer: the SDK wraps some (a ParseError for a non-JSON body,
 * such as a proxy's HTML 502 page) in a plain "Unexpected error" Error.
 */
function answered(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
        const { status, rawStatus, cause } = current;
        if (typeof status === 'number' || typeof rawStatus === 'number')
            return current;
        current = cause;
    }
    return error;
}
function classifyWorkOSError(thrown) {
    const error = answered(thrown);
    const e = error;
    // The SDK's ParseError sets `status` 500 whatever the answer was; `rawStatus` is the real one.
    const rawStatus = error?.rawStatus;
    const status = typeof rawStatus === 'number' ? rawStatus : typeof e?.status === 'number' ? e.status : undefined;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    const message = typeof e?.message === 'string' ? e.message : String(error);
    const requestId = typeof e?.requestID === 'string' && e.requestID ? e.requestID : undefined;
    if (status === 429) {
        const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : 1;
        return { kind: 'rate_limited', retryAfterMs: Math.max(0, seconds) * 1000 };
    }
    if (status === undefined) {
        // The SDK wraps fetch's "fetch failed" (reset, refused, DNS) in a plain Error whose cause
        // chain holds the system error; anything else without a status was thrown by our own code.
        const connection = connectionFailure(error);
        return connection ? { kind: 'transient', message, connection } : { kind: 'internal', message };
    }
    if (status === 408 || status >= 500)
        return { kind: 'transient', status, message };
    if (status === 401)
        return {
            kind: 'unauthorized',
            message: 'WorkOS rejected the API key (401). Check that the key is current and belongs to this environment.',
        };
    if (status === 404)
        return { kind: 'not_found', message };
    // A refused create names its reason at the top (`external_id_already_used`) or, per the
    // OpenAPI description, inside `errors` under `user_creation_error` (`email_not_available`).
    const conflict = [code, ...detailCodes(e)].find((c) => c !== undefined && CONFLICT_CODES.has(c));
    if (conflict)
        return { kind: 'conflict', code: conflict, message };
    return { kind: 'rejected', status, code: code ?? `http_${status}`, message, requestId };
}
const CONNECTION_CODES = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ECONNABORTED: 'connection aborted',
    EPIPE: 'connection closed while sending',
    ETIMEDOUT: 'connection timed out',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    ENOTFOUND: 'host name not found in DNS',
    EAI_AGAIN: 'DNS lookup failed',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
    UND_ERR_BODY_TIMEOUT: 'no answer in time',
    UND_ERR_CLOSED: 'connection closed',
};
/**
 * Why a request got no answer, read from the error's cause chain (the SDK's wrapper, undici's
 * `TypeError: fetch failed`, the system error); undefined when it is not a network failure.
 */
function connectionFailure(error) {
    let sawFetchFailed = false;
    let current = error;
    for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
        const { code, message, cause } = current;
        if (typeof code === 'string' && code in CONNECTION_CODES)
            return `${CONNECTION_CODES[code]} (${code})`;
        // Undici's own failure, as opposed to a TypeError from our code.
        if (typeof message === 'string' && /fetch failed|other side closed|socket hang up/.test(message))
            sawFetchFailed = true;
        current = cause;
    }
    return sawFetchFailed ? 'no answer (fetch failed)' : undefined;
}

;// CONCATENATED MODULE: ./build/apply/workos-caller.js



const DEFAULT_RETRY_POLICY = {
    maxTransientAttempts: 6,
    maxRateLimitedAttempts: 30,
    baseBackoffMs: 250,
    maxBackoffMs: 20_000,
};
const DEFAULT_CIRCUIT_BREAKER = { consecutiveFailures: 5, minSpanMs: 1500 };
/** A failure the engine gives up on: the record is reported as failed with this code. */
class WorkOSCallError extends Error {
    failure;
    constructor(failure) {
        super('message' in failure ? failure.message : failure.kind);
        this.failure = failure;
    }
}
/**
 * A write that got no clear answer: it may have been carried out. The caller must look up
 * before writing again (DESIGN §3), so this is never retried blindly here.
 */
class AmbiguousWriteError extends Error {
    failure;
    constructor(failure) {
        super(`no clear answer from WorkOS (${'message' in failure ? failure.message : failure.kind})`);
        this.failure = failure;
    }
}
/**
 * WorkOS stopped answering (refused, reset, DNS, or only 5xx): the run stops with exit 2 (a
 * UsageError, in every mode) instead of failing every record one by one. Thrown from every
 * pending and every later call of the caller; the work queue stops taking records on it.
 */
class WorkOSUnreachableError extends types/* UsageError */.eb {
    apiUrl;
    reason;
    name = 'WorkOSUnreachableError';
    constructor(apiUrl, reason) {
        super(`WorkOS at ${apiUrl ?? 'the configured API URL'} cannot be reached: ${reason}. ` +
            'Check the API URL (--api-url, WORKOS_API_URL) and the network, then run again: the checkpoint keeps what was written.');
        this.apiUrl = apiUrl;
        this.reason = reason;
    }
}
/** Extra room over Little's law: latency varies, and a record may wait on a read before its write. */
const IN_FLIGHT_HEADROOM = 1.5;
/**
 * Records' worth of this many seconds at the write rate, on top: time a record spends outside a
 * request (timers firing late, a busy runner, the journal) would otherwise leave slots unused.
 */
const IN_FLIGHT_SPARE_SECONDS = 0.25;
/** Weights of a new latency sample: a slower answer counts at once, a faster one only gradually. */
const LATENCY_RISE = 0.3;
const LATENCY_FALL = 0.05;
/**
 * Every request to WorkOS goes through here: paced by one limiter for writes and one for
 * reads, 429s slow everyone down (AIMD), transient failures retried with jittered backoff where
 * repeating the request is safe, and a circuit breaker that stops the run when WorkOS is gone.
 */
class WorkOSCaller {
    writeLimiter;
    readLimiter;
    policy;
    counters = { reads: 0, writes: 0, rateLimited: 0, transient: 0 };
    latencyMs;
    failureStreak = 0;
    failureStreakSince = 0;
    unreachable;
    tripped;
    trip;
    options;
    constructor(writeLimiter, readLimiter, policy = DEFAULT_RETRY_POLICY, options = {}) {
        this.writeLimiter = writeLimiter;
        this.readLimiter = readLimiter;
        this.policy = policy;
        this.options = options;
        this.latencyMs = options.initialLatencyMs ?? 500;
        this.tripped = new Promise((_, reject) => {
            this.trip = reject;
        });
        // Nobody may be waiting when it trips; the error still reaches every later call.
        this.tripped.catch(() => { });
    }
    read(request) {
        return this.send(this.readLimiter, 'reads', request, true);
    }
    /** A write that is safe to repeat (PUT, DELETE). */
    idempotentWrite(request) {
        return this.send(this.writeLimiter, 'writes', request, true);
    }
    /** A create: a transient failure becomes an AmbiguousWriteError for the caller to resolve. */
    create(request) {
        return this.send(this.writeLimiter, 'writes', request, false);
    }
    /** Backoff before the caller's own retry after an ambiguous write. */
    backoff(attempt) {
        return this.wait(sleep(jitteredBackoff(attempt, this.policy)));
    }
    get maxTransientAttempts() {
        return this.policy.maxTransientAttempts;
    }
    /** Estimate of the time a request takes once sent (the limiter's wait not included): quick to rise, slow to fall. */
    get averageLatencyMs() {
        return this.latencyMs;
    }
    /**
     * How many records should be in flight to keep the write limiter busy (Little's law: rate ×
     * time per record, with headroom). A record takes one write and its share of the reads.
     * Pass it to the work queue as `StageLimits.inFlight`; `--concurrency` caps it.
     */
    inFlightTarget() {
        const { reads, writes } = this.counters;
        const requestsPerWrite = 1 + Math.min(3, writes > 0 ? reads / writes : 0);
        const secondsPerRecord = (this.latencyMs / 1000) * requestsPerWrite * IN_FLIGHT_HEADROOM + IN_FLIGHT_SPARE_SECONDS;
        return Math.ceil(this.writeLimiter.currentRate() * secondsPerRecord) + 1;
    }
    async send(limiter, counter, request, repeatable) {
        let transientAttempts = 0;
        let rateLimitedAttempts = 0;
        for (;;) {
            if (this.unreachable)
                throw this.unreachable;
            await this.wait(limiter.acquire());
            this.counters[counter]++;
            const sentAt = Date.now();
            if (counter === 'writes') {
                this.counters.lastWriteAt = sentAt;
                this.counters.firstWriteAt ??= sentAt;
            }
            try {
                const result = await request();
                this.answered(sentAt);
                return result;
            }
            catch (error) {
                if (this.unreachable)
                    throw this.unreachable;
                const failure = classifyWorkOSError(error);
                if (failure.kind === 'internal')
                    throw error;
                if (failure.kind === 'transient')
                    this.failed(failure);
                else
                    this.answered(sentAt);
                if (failure.kind === 'rate_limited') {
                    this.counters.rateLimited++;
                    // A 429 means the request was not carried out, so repeating it is always safe.
                    this.writeLimiter.slowDown(failure.retryAfterMs);
                    this.readLimiter.slowDown(failure.retryAfterMs);
                    if (++rateLimitedAttempts >= this.policy.maxRateLimitedAttempts)
                        throw new WorkOSCallError(failure);
                    continue;
                }
                if (failure.kind === 'transient') {
                    this.counters.transient++;
                    if (!repeatable)
                        throw new AmbiguousWriteError(failure);
                    if (++transientAttempts >= this.policy.maxTransientAttempts) {
                        // Every attempt failed and nothing answered in between, anywhere: not a flaky record.
                        if (this.failureStreak >= this.breakerPolicy.consecutiveFailures)
                            this.open(failure);
                        throw this.unreachable ?? new WorkOSCallError(failure);
                    }
                    await this.wait(sleep(jitteredBackoff(transientAttempts, this.policy)));
                    continue;
                }
                throw new WorkOSCallError(failure);
            }
        }
    }
    /** Waits for `promise`, or throws at once when the breaker trips meanwhile. */
    wait(promise) {
        if (this.unreachable)
            return Promise.reject(this.unreachable);
        return Promise.race([promise, this.tripped]);
    }
    /** WorkOS answered (anything but a 5xx): it is reachable, and the time taken is a latency sample. */
    answered(sentAt) {
        this.failureStreak = 0;
        const sample = Date.now() - sentAt;
        this.latencyMs += (sample - this.latencyMs) * (sample > this.latencyMs ? LATENCY_RISE : LATENCY_FALL);
    }
    get breakerPolicy() {
        return this.options.breaker ?? DEFAULT_CIRCUIT_BREAKER;
    }
    failed(failure) {
        const now = Date.now();
        if (this.failureStreak++ === 0)
            this.failureStreakSince = now;
        const { consecutiveFailures, minSpanMs } = this.breakerPolicy;
        if (this.failureStreak >= consecutiveFailures && now - this.failureStreakSince >= minSpanMs)
            this.open(failure);
    }
    /** Trips the breaker: every waiting call and every later one throws WorkOSUnreachableError. */
    open(failure) {
        if (this.unreachable)
            return;
        const reason = failure.connection ?? (failure.status ? `it answered HTTP ${failure.status}` : failure.message);
        this.unreachable = new WorkOSUnreachableError(this.options.apiUrl, `${reason} on ${this.failureStreak} requests in a row`);
        this.trip(this.unreachable);
    }
}
/** "Full jitter" exponential backoff: spreads retries so workers do not come back in step. */
function jitteredBackoff(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(random() * ceiling);
}

;// CONCATENATED MODULE: ./build/plan/organizations.js


/**
 * Plans organizations and memberships against the user plan: a membership must point at an
 * organization in the file and at a user who is being imported (DESIGN §5).
 */
function planOrganizations(organizations, memberships, users) {
    const invalid = [];
    const planned = new Map();
    for (const org of organizations) {
        if (planned.has(org.sourceId)) {
            invalid.push({
                entity: 'organization',
                sourceId: org.sourceId,
                location: org.location,
                field: 'id',
                code: 'duplicate_organization',
                message: `Organization ${org.sourceId} appears more than once; the first one is imported.`,
                severity: 'error',
            });
            continue;
        }
        const input = {
            name: org.name,
            externalId: org.sourceId,
            domains: [...new Set(org.domains.map((d) => d.toLowerCase()))].sort(),
            metadata: Object.keys(org.metadata).length > 0 ? org.metadata : undefined,
        };
        planned.set(org.sourceId, { sourceId: org.sourceId, input, digest: inputDigest(input), location: org.location });
    }
    const skippedUsers = new Set(users.invalid.map((p) => p.sourceId).filter((id) => id !== undefined));
    const byKey = new Map();
    for (const m of memberships) {
        const key = (0,types/* membershipKey */.UB)(m.organizationSourceId, m.userSourceId);
        const base = { entity: 'membership', sourceId: key, location: m.location, severity: 'error' };
        if (!planned.has(m.organizationSourceId)) {
            invalid.push({
                ...base,
                field: 'organization',
                code: 'unknown_organization',
                message: `The membership names organization ${m.organizationSourceId}, which is not in the organizations file.`,
            });
            continue;
        }
        // A merged-away source user's memberships belong to the user that kept the email.
        const userSourceId = users.users.ownerOf(m.userSourceId);
        if (!userSourceId) {
            const skipped = skippedUsers.has(m.userSourceId);
            invalid.push({
                ...base,
                field: 'user_id',
                code: skipped ? 'user_not_imported' : 'unknown_user',
                message: skipped
                    ? `User ${m.userSourceId} is not imported (see that user's problem), so neither is this membership.`
                    : `User ${m.userSourceId} is not in the user export. Export that user too, or remove the membership.`,
            });
            continue;
        }
        const mergedKey = (0,types/* membershipKey */.UB)(m.organizationSourceId, userSourceId);
        const existing = byKey.get(mergedKey);
        // Two source users merged into one can both belong to an organization: one membership, all roles.
        const roles = [...new Set([...(existing?.roles ?? []), ...m.roles])].sort();
        byKey.set(mergedKey, {
            sourceId: mergedKey,
            organizationSourceId: m.organizationSourceId,
            userSourceId,
            roles,
            digest: inputDigest({ roles }),
            location: existing?.location ?? m.location,
        });
    }
    return { organizations: [...planned.values()], memberships: [...byKey.values()], invalid };
}
/** Memberships naming a role the WorkOS environment does not have: errors before any write. */
function checkMembershipRoles(memberships, knownRoles) {
    const valid = [];
    const invalid = [];
    for (const m of memberships) {
        const unknown = m.roles.filter((r) => !knownRoles.has(r));
        if (unknown.length === 0) {
            valid.push(m);
            continue;
        }
        invalid.push({
            entity: 'membership',
            sourceId: m.sourceId,
            location: m.location,
            field: 'roles',
            code: 'unknown_role',
            message: `Role ${unknown.join(', ')} does not exist in the WorkOS environment (it has ${[...knownRoles].sort().join(', ')}). Create it in WorkOS or map it in the config's roles.`,
            severity: 'error',
        });
    }
    return { valid, invalid };
}

;// CONCATENATED MODULE: ./build/compact/columns.js




/** An append-only column of numbers of one typed-array kind, doubling as it grows. */
class NumberColumn {
    kind;
    values;
    length = 0;
    constructor(kind, initialCapacity = 1024) {
        this.kind = kind;
        this.values = new kind(initialCapacity);
    }
    push(value) {
        if (this.length === this.values.length) {
            const grown = new this.kind(this.values.length * 2);
            grown.set(this.values);
            this.values = grown;
        }
        this.values[this.length] = value;
        return this.length++;
    }
    get(index) {
        return this.values[index];
    }
    set(index, value) {
        this.values[index] = value;
    }
    /** The column as plain data, to hand to another thread (its buffer is moved, not copied). */
    toParts() {
        return { values: this.values, length: this.length };
    }
    static fromParts(kind, parts) {
        const column = new NumberColumn(kind, 1);
        column.values = parts.values;
        column.length = parts.length;
        return column;
    }
}
/**
 * Values of one byte width each (a bcrypt hash is 60 ASCII characters), side by side in one
 * buffer: no offsets, no per-value object. For values read in any order, held in memory.
 */
class FixedWidthColumn {
    width;
    data;
    length = 0;
    /** `expectedRows` sizes the buffer up front; its untouched pages cost no memory. */
    constructor(width, expectedRows = 1024) {
        this.width = width;
        this.data = Buffer.alloc(width * Math.max(16, expectedRows));
    }
    /** Appends `text` (single-byte characters, cut or zero-padded to the width); returns its row. */
    pushLatin1(text) {
        if ((this.length + 1) * this.width > this.data.length) {
            const grown = Buffer.alloc(this.data.length * 2);
            this.data.copy(grown);
            this.data = grown;
        }
        this.data.write(text, this.length * this.width, this.width, 'latin1');
        return this.length++;
    }
    /** The row's bytes as text, without the zero padding. */
    latin1(row) {
        const start = row * this.width;
        let end = start + this.width;
        while (end > start && this.data[end - 1] === 0)
            end--;
        return this.data.toString('latin1', start, end);
    }
    /** The column as plain data, to hand to another thread (its buffer is moved, not copied). */
    toParts() {
        return { width: this.width, data: this.data, length: this.length };
    }
    static fromParts(parts) {
        const column = new FixedWidthColumn(parts.width, 1);
        column.data = asBuffer(parts.data);
        column.length = parts.length;
        return column;
    }
}
/** A Uint8Array that came from another thread (postMessage hands over plain Uint8Arrays) as a Buffer. */
function asBuffer(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
/** Bytes of one chunk of a MemoryStringColumn: small, so a short column costs little. */
const MEMORY_CHUNK_BYTES = 1024 * 1024;
/**
 * Short strings (ids) as UTF-8 bytes, held in memory for reads in any order: about a byte a
 * character plus 12 a row, where a JS string costs its header and the collector's time.
 */
class MemoryStringColumn {
    chunks = [];
    used = 0;
    /** Per row: chunk number × MEMORY_CHUNK_BYTES + offset in the chunk. */
    startOf = new NumberColumn(Float64Array);
    bytesOf = new NumberColumn(Uint32Array);
    get length() {
        return this.startOf.length;
    }
    push(text) {
        const room = text.length * 3;
        if (this.chunks.length === 0 || this.used + room > MEMORY_CHUNK_BYTES) {
            // A row longer than a chunk gets a chunk of its own size (its offset in it is 0).
            this.chunks.push(Buffer.allocUnsafe(Math.max(MEMORY_CHUNK_BYTES, room)));
            this.used = 0;
        }
        const chunk = this.chunks.length - 1;
        const bytes = this.chunks[chunk].write(text, this.used, 'utf8');
        this.startOf.push(chunk * MEMORY_CHUNK_BYTES + this.used);
        this.used += bytes;
        return this.bytesOf.push(bytes);
    }
    get(row) {
        const start = this.startOf.get(row);
        const chunk = Math.floor(start / MEMORY_CHUNK_BYTES);
        const offset = start - chunk * MEMORY_CHUNK_BYTES;
        return this.chunks[chunk].toString('utf8', offset, offset + this.bytesOf.get(row));
    }
    /** The column as plain data, to hand to another thread (its buffers are moved, not copied). */
    toParts() {
        return { chunks: this.chunks, used: this.used, startOf: this.startOf.toParts(), bytesOf: this.bytesOf.toParts() };
    }
    static fromParts(parts) {
        const column = new MemoryStringColumn();
        column.chunks.push(...parts.chunks.map(asBuffer));
        column.used = parts.used;
        column.startOf = NumberColumn.fromParts(Float64Array, parts.startOf);
        column.bytesOf = NumberColumn.fromParts(Uint32Array, parts.bytesOf);
        return column;
    }
}
/** The buffers behind `parts` (typed arrays, at any depth), each once: postMessage's transfer list. */
function buffersOf(parts) {
    const found = new Set();
    const stack = [parts];
    while (stack.length > 0) {
        const value = stack.pop();
        if (ArrayBuffer.isView(value)) {
            if (value.buffer instanceof ArrayBuffer)
                found.add(value.buffer);
        }
        else if (value instanceof Map) {
            // Maps hold numbers here, nothing to move.
        }
        else if (typeof value === 'object' && value !== null) {
            stack.push(...Object.values(value));
        }
    }
    return [...found];
}
// 4 MB chunks, at most three on their way to the disk: a chunk fills in about 100 ms at full
// speed, and a write queued behind file reads and gunzip on libuv's threads can take as long;
// more would only hold memory.
const columns_CHUNK_BYTES = 4 * 1024 * 1024;
/** Past this many chunks waiting for the disk, a spill waits for its own write. */
const MAX_CHUNKS_WRITING = 3;
/**
 * An append-only list of strings kept as UTF-8 bytes: about one byte per character and no
 * per-string object (a JS string costs its characters plus a header, and the collector's time).
 * Full chunks are spilled to a temporary file, so a million rows cost the process only their
 * offsets; the file is unlinked as soon as it is opened, so nothing is left behind, even after
 * a kill. Reads in order are served a window at a time; a read out of order reads just its row.
 */
class StringColumn {
    /** The rows not spilled yet: they start at file offset `spilled`. */
    chunk = Buffer.allocUnsafe(columns_CHUNK_BYTES);
    used = 0;
    spilled = 0;
    file;
    /** A window of the file read whole (for reads in order), and where it starts. */
    window;
    windowStart = 0;
    windowBytes = 0;
    lastRead = -2;
    /**
     * Chunks handed to the file but not yet written (the write runs on libuv's thread pool while
     * the export is parsed here), by file offset; their rows are read from memory meanwhile.
     */
    writing = new Map();
    writeError;
    /** Chunks whose write is done, to be filled again. */
    spare = [];
    offsetOf = new NumberColumn(Float64Array);
    bytesOf = new NumberColumn(Uint32Array);
    get length() {
        return this.offsetOf.length;
    }
    push(text) {
        // Room for the worst case (3 bytes a UTF-16 unit) saves measuring the string first.
        const room = text.length * 3;
        if (this.used + room > columns_CHUNK_BYTES)
            this.spill();
        if (room > columns_CHUNK_BYTES) {
            // Larger than a chunk (a record near the input limit): straight to the file.
            const bytes = Buffer.from(text, 'utf8');
            (0,external_node_fs_.writeSync)(this.openFile(), bytes, 0, bytes.length, this.spilled);
            this.offsetOf.push(this.spilled);
            this.spilled += bytes.length;
            return this.bytesOf.push(bytes.length);
        }
        const bytes = this.chunk.write(text, this.used, 'utf8');
        this.offsetOf.push(this.spilled + this.used);
        this.used += bytes;
        return this.bytesOf.push(bytes);
    }
    get(index) {
        const offset = this.offsetOf.get(index);
        const bytes = this.bytesOf.get(index);
        const inOrder = index === this.lastRead + 1 || index === this.lastRead;
        this.lastRead = index;
        if (offset >= this.spilled) {
            const start = offset - this.spilled;
            return this.chunk.toString('utf8', start, start + bytes);
        }
        for (const [at, chunk] of this.writing) {
            if (offset >= at && offset < at + chunk.length)
                return chunk.toString('utf8', offset - at, offset - at + bytes);
        }
        if (!this.inWindow(offset, bytes) && inOrder && bytes <= columns_CHUNK_BYTES) {
            this.window ??= Buffer.allocUnsafe(columns_CHUNK_BYTES);
            this.windowStart = offset;
            this.windowBytes = (0,external_node_fs_.readSync)(this.file, this.window, 0, Math.min(columns_CHUNK_BYTES, this.spilled - offset), offset);
        }
        if (this.inWindow(offset, bytes)) {
            const start = offset - this.windowStart;
            return this.window.toString('utf8', start, start + bytes);
        }
        const row = Buffer.allocUnsafe(bytes);
        (0,external_node_fs_.readSync)(this.file, row, 0, bytes, offset);
        return row.toString('utf8');
    }
    inWindow(offset, bytes) {
        return offset >= this.windowStart && offset + bytes <= this.windowStart + this.windowBytes;
    }
    /** Writes the rows held in memory to the file, and starts afresh. */
    spill() {
        if (this.writeError)
            throw this.writeError;
        if (this.used === 0)
            return;
        const file = this.openFile();
        const chunk = this.chunk;
        const full = chunk.subarray(0, this.used);
        if (this.writing.size < MAX_CHUNKS_WRITING) {
            const at = this.spilled;
            this.writing.set(at, full);
            (0,external_node_fs_.write)(file, full, 0, full.length, at, (error, written) => {
                if (error || written !== full.length)
                    this.writeError ??= new Error(`Could not spill rows to a temporary file: ${error?.message ?? 'short write'}.`);
                this.writing.delete(at);
                // Written: the chunk is filled again (a fresh one would pay its page faults again).
                this.spare.push(chunk);
                if (this.closed && this.writing.size === 0)
                    this.closeFile();
            });
            this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(columns_CHUNK_BYTES);
        }
        else {
            (0,external_node_fs_.writeSync)(file, full, 0, full.length, this.spilled);
        }
        this.spilled += this.used;
        this.used = 0;
    }
    /**
     * Lets go of the rows: the temporary file is closed (its disk space freed) once the writes
     * under way have landed. For a column that is done with before the process ends.
     */
    close() {
        this.closed = true;
        this.chunk = Buffer.alloc(0);
        this.window = undefined;
        this.spare.length = 0;
        if (this.writing.size === 0)
            this.closeFile();
    }
    closed = false;
    /** The file's path, where it could not be unlinked while open. */
    removeOnClose;
    closeFile() {
        if (this.file === undefined)
            return;
        (0,external_node_fs_.closeSync)(this.file);
        this.file = undefined;
        if (this.removeOnClose !== undefined)
            (0,external_node_fs_.rmSync)(this.removeOnClose, { force: true });
    }
    openFile() {
        if (this.file === undefined) {
            const path = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `migrate-to-workos-${process.pid}-${(0,external_node_crypto_.randomUUID)()}.rows`);
            this.file = (0,external_node_fs_.openSync)(path, 'w+', 0o600);
            try {
                (0,external_node_fs_.unlinkSync)(path);
            }
            catch {
                // A system that cannot unlink an open file: it goes when the column is closed, or the process ends.
                this.removeOnClose = path;
                process.once('exit', () => this.closeFile());
            }
        }
        return this.file;
    }
}
/**
 * Several strings as one (`3,5,` then the strings), for a StringColumn row: safe for any
 * content, where a separator character could occur in hostile input.
 */
function packStrings(values) {
    let head = '';
    for (let i = 0; i < values.length - 1; i++)
        head += `${values[i].length},`;
    return head + values.join('');
}
/** The strings `packStrings` packed; `count` says how many. */
function unpackStrings(packed, count) {
    const lengths = [];
    let at = 0;
    for (let i = 0; i < count - 1; i++) {
        const comma = packed.indexOf(',', at);
        lengths.push(Number(packed.slice(at, comma)));
        at = comma + 1;
    }
    const values = [];
    for (const length of lengths) {
        values.push(packed.slice(at, at + length));
        at += length;
    }
    values.push(packed.slice(at));
    return values;
}

;// CONCATENATED MODULE: ./build/compact/key-index.js
// A string → row-numbers index in a typed array: each slot holds a 32-bit fingerprint of its key
// and the first row with that key; rows with the same key are chained in insertion order. About
// 12 bytes a key at a million keys, where a Map<string, number> takes about 90.
// Exact, not probabilistic: a fingerprint only finds candidates, and every candidate's key is
// read back (`keyOf`) and compared before it counts.
const EMPTY = -1;
class KeyIndex {
    keyOf;
    /**
     * Per slot, side by side (one cache line, not two): fingerprint, first row + 1. Rows are stored
     * plus one so that a fresh (zeroed) table is empty without being filled.
     */
    slots;
    /** Keys with several rows (a few, mostly): the row after a row, and each chain's last row by its first. */
    nextRow = new Map();
    lastRow = new Map();
    keys = 0;
    /**
     * `keyOf(row)` gives back the key a row was added under (read from where the rows are kept);
     * `expectedKeys` sizes the table up front (it still grows past it).
     */
    constructor(keyOf, expectedKeys = 512) {
        this.keyOf = keyOf;
        let capacity = 1024;
        while (capacity * MAX_LOAD < expectedKeys)
            capacity *= 2;
        this.slots = new Int32Array(capacity * SLOT);
    }
    /** The index as plain data, to hand to another thread (its table is moved, not copied). */
    toParts() {
        return { slots: this.slots, nextRow: this.nextRow, lastRow: this.lastRow, keys: this.keys };
    }
    /** An index from `toParts`, reading keys back with `keyOf` (over the same rows). */
    static fromParts(keyOf, parts) {
        const index = new KeyIndex(keyOf, 0);
        index.slots = parts.slots;
        index.nextRow = parts.nextRow;
        index.lastRow = parts.lastRow;
        index.keys = parts.keys;
        return index;
    }
    /** The first row added under `key`, or -1. */
    first(key) {
        const slot = this.find(key, fingerprint(key));
        return slot < 0 ? EMPTY : this.slots[slot + FIRST] - 1;
    }
    /** Every row added under `key`, in the order they were added. */
    rows(key) {
        const rows = [];
        for (let row = this.first(key); row !== EMPTY; row = this.next(row))
            rows.push(row);
        return rows;
    }
    /** The row added under the same key after `row`, or -1. */
    next(row) {
        return this.nextRow.get(row) ?? EMPTY;
    }
    /**
     * Adds `row` (rows are numbered 0, 1, 2… by the caller, each added at most once) under `key`;
     * returns the first row the key already had, or -1 when it is new.
     */
    add(key, row) {
        const hash = fingerprint(key);
        const slot = this.find(key, hash);
        if (slot < 0) {
            this.insert(hash, row);
            return EMPTY;
        }
        const first = this.slots[slot + FIRST] - 1;
        this.nextRow.set(this.lastRow.get(first) ?? first, row);
        this.lastRow.set(first, row);
        return first;
    }
    /** Adds `row` under `key` only when the key is new (-1); else returns the key's first row, adding nothing. */
    addIfAbsent(key, row) {
        const hash = fingerprint(key);
        const slot = this.find(key, hash);
        if (slot >= 0)
            return this.slots[slot + FIRST] - 1;
        this.insert(hash, row);
        return EMPTY;
    }
    /** Makes `row` the only row under `key` (the rows it replaces are forgotten). */
    replace(key, row) {
        const hash = fingerprint(key);
        const slot = this.find(key, hash);
        if (slot < 0) {
            this.insert(hash, row);
            return;
        }
        this.lastRow.delete(this.slots[slot + FIRST] - 1);
        this.slots[slot + FIRST] = row + 1;
    }
    /** The slot's offset in `slots`, or -1. */
    find(key, hash) {
        const mask = (this.slots.length >>> 1) - 1;
        for (let i = hash & mask;; i = (i + 1) & mask) {
            const slot = i << 1;
            const stored = this.slots[slot + FIRST];
            if (stored === 0)
                return -1;
            if (this.slots[slot] === hash && this.keyOf(stored - 1) === key)
                return slot;
        }
    }
    insert(hash, row) {
        if (this.keys + 1 > (this.slots.length >>> 1) * MAX_LOAD)
            this.grow();
        this.place(hash, row + 1);
        this.keys++;
    }
    /** Puts a key's slot (its first row already stored plus one) in the first free place. */
    place(hash, first) {
        const mask = (this.slots.length >>> 1) - 1;
        let i = hash & mask;
        while (this.slots[(i << 1) + FIRST] !== 0)
            i = (i + 1) & mask;
        this.slots[i << 1] = hash;
        this.slots[(i << 1) + FIRST] = first;
    }
    grow() {
        const old = this.slots;
        this.slots = new Int32Array(old.length * 2);
        for (let slot = 0; slot < old.length; slot += SLOT) {
            if (old[slot + FIRST] !== 0)
                this.place(old[slot], old[slot + FIRST]);
        }
    }
}
const SLOT = 2;
const FIRST = 1;
/** Keys per slot before the table doubles: linear probing stays short below about 0.7. */
const MAX_LOAD = 0.7;
/** FNV-1a over UTF-16 code units, then a final mix so nearby keys land in distant slots. */
function fingerprint(key) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++)
        hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    // As a signed 32-bit number, the way the Int32Array slots hold it.
    return hash | 0;
}

;// CONCATENATED MODULE: ./build/model/record-row.js
/**
 * A record as one JSON array (no key names): about 150 bytes for a typical user, where the
 * object as JSON takes twice that and twice the time to parse. The file is stored as an index
 * into the run's few file names.
 */
function encodeRecord(record, file) {
    return JSON.stringify(recordRow(record, file));
}
/** encodeRecord's array, to put inside other JSON. */
function recordRow(record, file) {
    return [
        record.sourceId,
        record.idField ?? null,
        record.email,
        record.emailVerified ? 1 : 0,
        record.firstName ?? null,
        record.lastName ?? null,
        record.password?.type ?? null,
        record.password?.hash ?? null,
        record.passwordGap,
        Object.keys(record.metadata).length > 0 ? record.metadata : 0,
        record.mfaFactors.length > 0 ? record.mfaFactors : 0,
        record.socialProviders.length > 0 ? record.socialProviders : 0,
        record.enterpriseConnection ?? null,
        record.blocked ? 1 : 0,
        file,
        record.location.line,
        record.location.column ?? null,
    ];
}
function decodeRecord(text, files) {
    return recordFromRow(JSON.parse(text), files);
}
/** The record recordRow made the array of. */
function recordFromRow(row, files) {
    const [sourceId, idField, email, verified, first, last, hashType, hash, gap, metadata, mfa, social, sso, blocked, file, line, column,] = row;
    const record = {
        sourceId,
        email,
        emailVerified: verified === 1,
        passwordGap: gap,
        metadata: metadata === 0 ? {} : metadata,
        mfaFactors: mfa === 0 ? [] : mfa,
        socialProviders: social === 0 ? [] : social,
        blocked: blocked === 1,
        location: column === null ? { file: files[file], line } : { file: files[file], line, column },
    };
    if (idField !== null)
        record.idField = idField;
    if (first !== null)
        record.firstName = first;
    if (last !== null)
        record.lastName = last;
    if (hashType !== null && hash !== null)
        record.password = { type: hashType, hash };
    if (sso)
        record.enterpriseConnection = sso;
    return record;
}

;// CONCATENATED MODULE: ./build/plan/users.js






const DEFAULT_USER_POLICIES = { blockedUsers: 'skip', unverifiedEmails: 'import' };
/**
 * Turns source users into WorkOS users: applies the policies, and merges users that share an
 * email (compared case-insensitively), because WorkOS keys users by email (DESIGN §5).
 */
function planUsers(records, policies = DEFAULT_USER_POLICIES) {
    const planner = new UserPlanner(policies);
    for (const record of records)
        planner.add(record);
    return planner.finish();
}
/** A row's part in the plan. */
const SINGLE = 0;
const MERGE_OWNER = 1;
const MERGED_AWAY = 2;
/** Left out by a policy: kept only so a later record with its id is still a duplicate. */
const SKIPPED = 3;
/** Row flags, so the lists of people to reach are written without decoding every user. */
const HAS_MFA = 1;
const NEEDS_RESET = 2;
/**
 * The planned users, kept compact so a million fit in a couple of hundred megabytes: each
 * source record as one packed string, its part in the plan and its flags in
 * typed arrays, ids and emails in fingerprint indexes. A user is rebuilt as an object only
 * while it is being looked at; iterate to see them all, in the order of the export (a merged
 * user where its first record was).
 */
class PlannedUsers {
    planned = 0;
    /** The counts the summary and the cutover report need, kept as records are added. */
    tally = new UserTally();
    rows = new StringColumn();
    parts = new NumberColumn(Uint8Array);
    flags = new NumberColumn(Uint8Array);
    files = [];
    mergeOwners = new Map();
    mergedInto = new Map();
    /** @internal the planner's indexes, over rows. */
    bySourceId;
    byEmail;
    /** `expectedUsers` sizes the indexes up front (a guess from the export's size is enough). */
    constructor(expectedUsers) {
        this.bySourceId = new KeyIndex((row) => this.record(row).sourceId, expectedUsers);
        this.byEmail = new KeyIndex((row) => this.record(row).email.toLowerCase(), expectedUsers);
    }
    /** How many WorkOS users the plan brings about. */
    get length() {
        return this.planned;
    }
    /** @internal How many rows are kept (planned, merged away or skipped): the next row's number. */
    get rowCount() {
        return this.rows.length;
    }
    *[Symbol.iterator]() {
        for (let row = 0; row < this.rows.length; row++) {
            const user = this.userAt(row);
            if (user)
                yield user;
        }
    }
    /** Users with MFA factors (who must enrol again). */
    *withMfa() {
        yield* this.flagged(HAS_MFA);
    }
    /** Users who must reset their password (see needsPasswordReset). */
    *needingPasswordReset() {
        yield* this.flagged(NEEDS_RESET);
    }
    /** The planned user a source user becomes (itself, or the user it merged into), if it is imported. */
    ownerOf(sourceId) {
        const merged = this.mergedInto.get(sourceId);
        if (merged !== undefined)
            return merged;
        const row = this.bySourceId.first(sourceId);
        return row >= 0 && this.parts.get(row) === SINGLE ? sourceId : undefined;
    }
    /** @internal Adds a record as a user of its own; returns its row. */
    addSingle(record) {
        // Counted now; the digest waits until someone looks (a dry run without a checkpoint never does).
        const user = alone(record);
        const row = this.rows.push(encodeRecord(record, this.fileId(record.location.file)));
        this.parts.push(SINGLE);
        this.flags.push(flagsOf(user));
        this.tally.add(user, 1);
        this.planned++;
        return row;
    }
    /** @internal Keeps a record the policies leave out, for its id only; returns its row. */
    addSkipped(record) {
        const row = this.rows.push(encodeRecord(record, this.fileId(record.location.file)));
        this.parts.push(SKIPPED);
        this.flags.push(0);
        return row;
    }
    /** @internal Turns rows that share an email into one user, kept where the first row was. */
    merge(rows) {
        const records = rows.map((row) => this.record(row));
        for (const record of records)
            this.tally.add(alone(record), -1);
        const merged = mergeGroup(records);
        this.tally.add(merged, 1);
        this.mergeOwners.set(rows[0], merged);
        this.parts.set(rows[0], MERGE_OWNER);
        this.flags.set(rows[0], flagsOf(merged));
        for (const row of rows.slice(1))
            this.parts.set(row, MERGED_AWAY);
        for (const record of records)
            this.mergedInto.set(record.sourceId, merged.sourceId);
        this.planned -= rows.length - 1;
        return merged;
    }
    /** @internal The source record of a row. */
    record(row) {
        return decodeRecord(this.rows.get(row), this.files);
    }
    userAt(row) {
        const part = this.parts.get(row);
        if (part === MERGED_AWAY || part === SKIPPED)
            return undefined;
        if (part === MERGE_OWNER)
            return this.mergeOwners.get(row);
        return mergeGroup([decodeRecord(this.rows.get(row), this.files)]);
    }
    *flagged(flag) {
        for (let row = 0; row < this.rows.length; row++) {
            if ((this.flags.get(row) & flag) === 0)
                continue;
            const user = this.userAt(row);
            if (user)
                yield user;
        }
    }
    fileId(file) {
        const known = this.files.lastIndexOf(file);
        return known >= 0 ? known : this.files.push(file) - 1;
    }
}
/**
 * Plans users one record at a time, as the export is read: duplicates and policy skips are
 * decided on the spot, merges of users that share an email once every record is in.
 */
class UserPlanner {
    policies;
    users;
    invalid = [];
    /** Emails seen on more than one planned record (lowercased): their rows merge at the end. */
    sharedEmails = new Set();
    constructor(policies = DEFAULT_USER_POLICIES, expectedUsers) {
        this.policies = policies;
        this.users = new PlannedUsers(expectedUsers);
    }
    add(record) {
        // One probe: the id is claimed for the row the record is about to get, unless it was taken.
        const first = this.users.bySourceId.addIfAbsent(record.sourceId, this.users.rowCount);
        if (first >= 0) {
            // Two records with one id would be one WorkOS external id: the first one stands.
            const at = this.users.record(first).location;
            this.invalid.push({
                entity: 'user',
                sourceId: record.sourceId,
                location: record.location,
                field: record.idField ?? 'user_id',
                code: 'duplicate_user',
                message: `The user id appears again (first at ${at.file}:${at.line}); only the first record is imported. Remove the duplicate from the export.`,
                severity: 'error',
            });
            return;
        }
        const skip = policyProblem(record, this.policies);
        if (skip) {
            this.invalid.push(skip);
            // Kept, so a later record with this id is still a duplicate (the first one stands).
            this.users.addSkipped(record);
            return;
        }
        const row = this.users.addSingle(record);
        const email = record.email.toLowerCase();
        if (this.users.byEmail.add(email, row) >= 0)
            this.sharedEmails.add(email);
    }
    finish() {
        const merges = [];
        const groups = [...this.sharedEmails].map((email) => this.users.byEmail.rows(email));
        // In the order of the export: merged users are listed where their first record was.
        groups.sort((a, b) => a[0] - b[0]);
        for (const rows of groups) {
            const merged = this.users.merge(rows);
            merges.push({ sourceId: merged.sourceId, mergedSourceIds: merged.mergedSourceIds, location: merged.location });
        }
        return { users: this.users, invalid: this.invalid, merges };
    }
}
function policyProblem(record, policies) {
    const base = {
        entity: 'user',
        sourceId: record.sourceId,
        location: record.location,
        severity: 'skip',
    };
    if (record.blocked && policies.blockedUsers === 'skip') {
        return {
            ...base,
            field: 'blocked',
            code: 'blocked',
            message: 'The user is blocked in the source and is skipped (policies.blockedUsers: import to bring blocked users).',
        };
    }
    if (!record.emailVerified && policies.unverifiedEmails === 'skip') {
        return {
            ...base,
            field: 'email_verified',
            code: 'unverified_email',
            message: 'The email is not verified and policies.unverifiedEmails is skip.',
        };
    }
    return undefined;
}
/** What the tally and the flags need of a record planned as a user of its own. */
function alone(record) {
    return {
        passwordGap: record.password ? 'none' : record.passwordGap === 'unsupported' ? 'unsupported' : 'missing',
        mfaFactors: record.mfaFactors,
        socialProviders: record.socialProviders,
        enterpriseConnection: record.enterpriseConnection,
    };
}
/** The user with a password keeps the external id (it is the one that can sign in as before). */
function mergeGroup(group) {
    const input = userInput(group);
    const user = plannedUser(group, input, '');
    // Worked out on first read: a report that lists a million users never needs one.
    let digest;
    Object.defineProperty(user, 'digest', { get: () => (digest ??= inputDigest(input)), enumerable: true });
    return user;
}
/** Records sharing an email, best first: a password, then a verified email; else the first. */
function ranked(group) {
    return group.length === 1 ? group : [...group].sort((a, b) => rank(b) - rank(a));
}
/** What WorkOS is sent for a group of records that share an email (one record, mostly). */
function userInput(group) {
    const [winner, ...others] = ranked(group);
    const firstName = winner.firstName ?? others.find((u) => u.firstName)?.firstName;
    const lastName = winner.lastName ?? others.find((u) => u.lastName)?.lastName;
    const metadata = others.length === 0
        ? winner.metadata
        : Object.assign({}, ...[...others].reverse().map((u) => u.metadata), winner.metadata);
    return {
        email: winner.email,
        // An identity provider that verified the address (Google, say) vouches for it for all of them.
        emailVerified: group.some((u) => u.emailVerified),
        firstName,
        lastName,
        externalId: winner.sourceId,
        metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
        password: winner.password,
    };
}
function plannedUser(group, input, digest) {
    const [winner, ...others] = ranked(group);
    const enterprise = group.find((u) => u.enterpriseConnection)?.enterpriseConnection;
    return {
        sourceId: winner.sourceId,
        mergedSourceIds: others.map((u) => u.sourceId),
        input,
        digest,
        location: winner.location,
        passwordGap: winner.password ? 'none' : worstGap(group),
        mfaFactors: group.length === 1 ? winner.mfaFactors : unique(group.flatMap((u) => u.mfaFactors)),
        socialProviders: group.length === 1 ? winner.socialProviders : unique(group.flatMap((u) => u.socialProviders)),
        ...(enterprise ? { enterpriseConnection: enterprise } : {}),
    };
}
function rank(user) {
    return (user.password ? 2 : 0) + (user.emailVerified ? 1 : 0);
}
function worstGap(group) {
    return group.some((u) => u.passwordGap === 'unsupported') ? 'unsupported' : 'missing';
}
function unique(values) {
    return [...new Set(values)];
}
function flagsOf(user) {
    return (user.mfaFactors.length > 0 ? HAS_MFA : 0) | (needsPasswordReset(user) ? NEEDS_RESET : 0);
}

// EXTERNAL MODULE: ./build/report/progress.js
var progress = __webpack_require__(15364);
;// CONCATENATED MODULE: ./build/github/trusted-artifacts.js
/**
 * Events whose runs may leave a checkpoint or an export that a later run trusts: they run the
 * repository's own workflow files with its secrets. Pull-request runs (and `pull_request_target`,
 * which runs with secrets next to a fork's code) never qualify, nor does anything a fork started.
 */
const TRUSTED_EVENTS = [
    'push',
    'workflow_dispatch',
    'schedule',
    'workflow_call',
    'repository_dispatch',
];
/**
 * Every live artifact of the repository whose name matches, from runs this repository can trust.
 * One pass over "List artifacts for a repository" (all workflows, every page, no cap), then one
 * "Get a workflow run" per candidate run to read its event and head repository: an artifact alone
 * says which repository its head came from but not which event ran it.
 */
async function findTrustedArtifacts(search) {
    const { octokit, owner, repo } = search;
    const fullName = `${owner}/${repo}`.toLowerCase();
    const runFacts = new Map();
    const facts = (runId) => {
        let found = runFacts.get(runId);
        if (!found) {
            found = octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }).then(({ data }) => ({
                event: data.event,
                headRepository: (data.head_repository?.full_name ?? '').toLowerCase(),
                repository: (data.repository?.full_name ?? '').toLowerCase(),
            }));
            runFacts.set(runId, found);
        }
        return found;
    };
    const trusted = [];
    const ignored = [];
    let scanned = 0;
    const pages = octokit.paginate.iterator(octokit.rest.actions.listArtifactsForRepo, {
        owner,
        repo,
        per_page: 100,
        ...(search.name ? { name: search.name } : {}),
    });
    for await (const { data } of pages) {
        for (const artifact of data) {
            scanned++;
            if (!search.matches(artifact.name))
                continue;
            const run = artifact.workflow_run;
            const runId = run?.id;
            if (runId === undefined || runId === null) {
                ignored.push({ name: artifact.name, runId: 0, reason: 'GitHub does not say which run uploaded it' });
                continue;
            }
            if (artifact.expired) {
                ignored.push({ name: artifact.name, runId, reason: 'expired' });
                continue;
            }
            const found = {
                id: artifact.id,
                name: artifact.name,
                runId,
                createdAt: Date.parse(artifact.created_at ?? '') || 0,
                sizeInBytes: artifact.size_in_bytes,
                headBranch: run?.head_branch ?? '',
            };
            if (runId === search.currentRunId) {
                trusted.push({ ...found, event: 'this run' });
                continue;
            }
            // A fork's run says so on the artifact itself: no need to ask for the run.
            if (run?.head_repository_id !== undefined &&
                run.repository_id !== undefined &&
                run.head_repository_id !== run.repository_id) {
                ignored.push({ name: artifact.name, runId, reason: 'uploaded by a run of a fork' });
                continue;
            }
            const { event, headRepository, repository } = await facts(runId);
            if (headRepository !== fullName || (repository !== '' && repository !== fullName)) {
                ignored.push({
                    name: artifact.name,
                    runId,
                    reason: `uploaded by a run of ${headRepository || 'an unknown repository'}`,
                });
            }
            else if (!TRUSTED_EVENTS.includes(event)) {
                ignored.push({ name: artifact.name, runId, reason: `uploaded by a ${event} run` });
            }
            else {
                trusted.push({ ...found, event });
            }
        }
    }
    trusted.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    return { trusted, ignored, scanned };
}
/** "3 artifacts named X were ignored: 2 uploaded by a pull_request run, 1 expired." */
function describeIgnored(ignored, what) {
    if (ignored.length === 0)
        return undefined;
    const reasons = new Map();
    for (const item of ignored)
        reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
    const parts = [...reasons].map(([reason, count]) => `${count} ${reason}`);
    return `${ignored.length} ${what} ${ignored.length === 1 ? 'was' : 'were'} ignored: ${parts.join(', ')}.`;
}

;// CONCATENATED MODULE: ./build/io/input-location/private-dir.js


/**
 * One directory of our own inside the caller's temp dir, created 0700 on first use, holding
 * every file that decrypting, decoding or downloading an input produces (each 0600). Keyed by
 * the temp dir rather than the context object, so a copied context still cleans up the same files.
 */
const dirs = new Map();
let nextFile = 0;
function privateDir(tempDir) {
    const key = (0,external_node_path_.resolve)(tempDir);
    let dir = dirs.get(key);
    if (!dir) {
        // mkdtemp creates the directory 0700: nobody else on the runner can list or open what we put there.
        dir = (0,promises_.mkdtemp)((0,external_node_path_.join)(key, 'migrate-to-workos-inputs-'));
        dirs.set(key, dir);
        dir.catch(() => dirs.delete(key));
    }
    return dir;
}
/** A fresh path in the private dir whose last part is `name`, so messages about the file stay readable. */
async function privatePath(tempDir, name) {
    const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '') || 'input';
    return (0,external_node_path_.join)(await privateDir(tempDir), `${++nextFile}-${safe}`);
}
/** Creates the file 0600 and fails rather than follow or reuse anything already there. */
async function createPrivateFile(path) {
    return (0,promises_.open)(path, 'wx', 0o600);
}
async function writePrivateFile(path, bytes) {
    const handle = await createPrivateFile(path);
    try {
        await handle.writeFile(bytes);
    }
    finally {
        await handle.close();
    }
}
/** Files written by other code into the private dir (an artifact download) are made 0600 too. */
async function restrictTree(dir) {
    for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true, recursive: true })) {
        const path = (0,external_node_path_.join)(entry.parentPath, entry.name);
        await (0,promises_.chmod)(path, entry.isDirectory() ? 0o700 : 0o600);
    }
}
/** Removes the private dir of `tempDir` with everything in it; answers its path, if there was one. */
async function removePrivateDir(tempDir) {
    const key = (0,external_node_path_.resolve)(tempDir);
    const dir = dirs.get(key);
    if (!dir)
        return undefined;
    dirs.delete(key);
    let path;
    try {
        path = await dir;
    }
    catch {
        return undefined;
    }
    await (0,promises_.rm)(path, { recursive: true, force: true });
    return path;
}

;// CONCATENATED MODULE: ./build/io/input-location/artifact.js





/** One download per artifact per private dir: `users` and `passwords` often come from one export artifact. */
const downloads = new Map();
/** `artifact:NAME` or `artifact:NAME/path/in/artifact`; GitHub forbids `/` in artifact names, so the first one splits. */
function parseArtifactSpec(label, rest) {
    const slash = rest.indexOf('/');
    const name = (slash < 0 ? rest : rest.slice(0, slash)).trim();
    const file = slash < 0 ? undefined : rest.slice(slash + 1).replace(/^(\.\/|\/)+/, '');
    if (name === '')
        throw new types/* UsageError */.eb(`${label}: name the artifact, as artifact:NAME or artifact:NAME/path/in/artifact.`);
    return { label, name, ...(file ? { file } : {}) };
}
async function artifactFile(location, tempDir, github) {
    const dir = await privateDir(tempDir);
    const key = `${dir}\0${location.name}`;
    let download = downloads.get(key);
    if (!download) {
        download = downloadNewest(location, dir, github);
        downloads.set(key, download);
        download.catch(() => downloads.delete(key));
    }
    const { dir: root, files, from } = await download;
    return { path: (0,external_node_path_.join)(root, pickFile(location, files, from)), from };
}
/** Drops what was downloaded into a private dir that has been removed. */
function forgetArtifactDownloads(dir) {
    for (const key of downloads.keys())
        if (key.startsWith(`${dir}\0`))
            downloads.delete(key);
}
function pickFile(location, files, from) {
    const listed = files.length <= 10 ? files.join(', ') : `${files.slice(0, 10).join(', ')} and ${files.length - 10} more`;
    if (location.file !== undefined) {
        if (files.includes(location.file))
            return location.file;
        throw new types/* UsageError */.eb(`${location.label}: ${from} has no file ${location.file}; it holds ${listed || 'no files'}.`);
    }
    if (files.length === 1)
        return files[0];
    if (files.length === 0)
        throw new types/* UsageError */.eb(`${location.label}: ${from} holds no files; upload the export again.`);
    throw new types/* UsageError */.eb(`${location.label}: ${from} holds ${files.length} files (${listed}); name one, as artifact:${location.name}/${files[0]}.`);
}
async function downloadNewest(location, dir, github) {
    const [{ DefaultArtifactClient }, { createOctokit }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(500)]).then(__webpack_require__.bind(__webpack_require__, 97500)),
        Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(15)]).then(__webpack_require__.bind(__webpack_require__, 25015)),
    ]);
    const client = new DefaultArtifactClient();
    const searched = [];
    let found = await findInCurrentRun(location, client, searched);
    if (!found && github) {
        const octokit = createOctokit(github.token, github.apiUrl);
        try {
            found = await findInTrustedRuns(location, octokit, github, searched);
        }
        catch (error) {
            throw gitHubError(location, `could not look for artifact "${location.name}"`, error);
        }
    }
    if (!found) {
        if (!github && searched.length === 0) {
            throw new types/* UsageError */.eb(`${location.label}: reading an artifact needs GitHub Actions or a GitHub token, repository and run id; run it in a workflow or download the artifact and give its path.`);
        }
        throw new types/* UsageError */.eb(`${location.label}: no artifact named "${location.name}" in ${searched.join(' or ')}; check the name, that the artifact has not expired, ` +
            `and that the token may read artifacts (permissions: actions: read).`);
    }
    const target = (0,external_node_path_.join)(dir, `artifact-${location.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-${found.id}`);
    await (0,promises_.mkdir)(target, { recursive: true, mode: 0o700 });
    try {
        await client.downloadArtifact(found.id, found.currentRun || !github
            ? { path: target }
            : {
                path: target,
                findBy: {
                    token: github.token,
                    workflowRunId: found.runId,
                    repositoryOwner: github.owner,
                    repositoryName: github.repo,
                },
            });
    }
    catch (error) {
        throw gitHubError(location, `could not download artifact "${location.name}" (id ${found.id}) of run ${found.runId}`, error);
    }
    await restrictTree(target);
    return { dir: target, files: await listFiles(target), from: `artifact "${location.name}" of run ${found.runId}` };
}
/**
 * The runtime token (present inside a job) reads this run's artifacts without `actions: read`:
 * an export job earlier in the same workflow run.
 */
async function findInCurrentRun(location, client, searched) {
    const runId = Number(process.env.GITHUB_RUN_ID);
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL)
        return undefined;
    searched.push(Number.isFinite(runId) && runId > 0 ? `this run (${runId})` : 'this run');
    try {
        const { artifact } = await client.getArtifact(location.name);
        return { id: artifact.id, runId, currentRun: true };
    }
    catch (error) {
        if (error?.name === 'ArtifactNotFoundError')
            return undefined;
        throw new types/* UsageError */.eb(`${location.label}: could not list this run's artifacts: ${messageOf(error)}`, {
            cause: error,
        });
    }
}
/**
 * The newest artifact of that name from a run this repository trusts (any workflow; not a
 * pull-request run, not a fork's run; not expired): a fork's pull request must not be able to
 * plant an export that a later import reads.
 */
async function findInTrustedRuns(location, octokit, github, searched) {
    const { trusted, ignored } = await findTrustedArtifacts({
        octokit,
        owner: github.owner,
        repo: github.repo,
        name: location.name,
        matches: (name) => name === location.name,
        currentRunId: github.runId,
    });
    const newest = trusted[0];
    if (newest)
        return { id: newest.id, runId: newest.runId, currentRun: false };
    const note = describeIgnored(ignored, 'artifact(s) of that name');
    searched.push(`any run of ${github.owner}/${github.repo} it trusts (push, workflow_dispatch, schedule, workflow_call, repository_dispatch)${note ? `; ${note.replace(/\.$/, '')}` : ''}`);
    return undefined;
}
async function listFiles(root) {
    const entries = await (0,promises_.readdir)(root, { withFileTypes: true, recursive: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => (0,external_node_path_.relative)(root, (0,external_node_path_.join)(entry.parentPath, entry.name)).split(external_node_path_.sep).join('/'))
        .sort();
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function gitHubError(location, what, error) {
    if (error instanceof types/* UsageError */.eb)
        return error;
    const raw = error?.status;
    const status = typeof raw === 'number' ? raw : undefined;
    const detail = status === 401
        ? 'GitHub refused the token (401); pass a valid token (usually ${{ github.token }}).'
        : status === 403
            ? 'the token may not read artifacts (403); grant the workflow permissions: actions: read.'
            : status === 404
                ? `GitHub answered 404; check the repository and run id, and that the token may read artifacts (permissions: actions: read).`
                : status !== undefined
                    ? `GitHub answered ${status}: ${messageOf(error)}`
                    : messageOf(error);
    return new types/* UsageError */.eb(`${location.label}: ${what}: ${detail}`, { cause: error });
}

;// CONCATENATED MODULE: ./build/io/input-location/content-kind.js
/** Enough bytes to tell the kinds apart (the longest marker plus leading blank space). */
const CONTENT_HEAD_BYTES = 512;
const PGP_ARMOR = '-----BEGIN PGP MESSAGE-----';
const AGE_ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';
const AGE_HEADER = 'age-encryption.org/v1\n';
const PACKET_TAG_PKESK = 1;
const PACKET_TAG_SKESK = 3;
function detectContentKind(head) {
    const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b)
        return 'gzip';
    if (bytes.subarray(0, AGE_HEADER.length).toString('latin1') === AGE_HEADER)
        return 'age';
    if (startsOpenPgpSessionKeyPacket(bytes))
        return 'openpgp';
    const text = stripBomAndBlank(bytes.toString('latin1'));
    if (text.startsWith(PGP_ARMOR))
        return 'openpgp-armored';
    if (text.startsWith(AGE_ARMOR))
        return 'age-armored';
    return looksLikeText(bytes) ? 'text' : 'unknown';
}
/** The kind a file name promises, for content too odd to recognise. */
function encryptionFromName(name) {
    const lower = name.toLowerCase();
    if (lower.endsWith('.gpg') || lower.endsWith('.pgp'))
        return 'openpgp';
    if (lower.endsWith('.age'))
        return 'age';
    return undefined;
}
/**
 * An encrypted message begins with a session key packet: SKESK (tag 3, versions 4–6) for a
 * passphrase, PKESK (tag 1, versions 3 and 6) for a public key. Checking the version byte too
 * keeps UTF-8 text out: `0xC3` is both a new-format tag 3 header and the lead byte of `é`.
 */
function startsOpenPgpSessionKeyPacket(bytes) {
    const first = bytes[0];
    if (first === undefined || (first & 0x80) === 0)
        return false;
    let tag;
    let headerLength;
    if ((first & 0x40) !== 0) {
        tag = first & 0x3f;
        const length = bytes[1];
        if (length === undefined)
            return false;
        headerLength = 1 + (length < 192 ? 1 : length < 224 ? 2 : length === 255 ? 5 : 1);
    }
    else {
        tag = (first & 0x3c) >> 2;
        headerLength = 1 + [1, 2, 4, 0][first & 0x03];
    }
    const version = bytes[headerLength];
    if (tag === PACKET_TAG_SKESK)
        return version === 4 || version === 5 || version === 6;
    if (tag === PACKET_TAG_PKESK)
        return version === 3 || version === 6;
    return false;
}
function stripBomAndBlank(latin1) {
    return latin1.replace(/^(\xef\xbb\xbf)?\s*/, '');
}
/** No control bytes other than tab, CR and LF; bytes ≥ 0x80 pass (UTF-8 names, a BOM). */
function looksLikeText(bytes) {
    if (bytes.length === 0)
        return false;
    for (const byte of bytes) {
        if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)
            return false;
        if (byte === 0x7f)
            return false;
    }
    return true;
}
const BASE64_VALUE = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;
/**
 * The bytes a base64-encoded secret stands for, or undefined when the value is not base64 of
 * an export. GitHub secrets hold text only, so a `.gz` or `.gpg` file is put there as
 * `base64 -w0 users.json.gz`; and a short plain value can happen to use only base64's
 * alphabet, so the decoded bytes must look like something we read: gzip, an encrypted file,
 * or JSON/CSV text.
 */
function decodeBase64Export(value) {
    if (!BASE64_VALUE.test(value))
        return undefined;
    const compact = value.replace(/\s+/g, '');
    if (compact.length < 4 || compact.replace(/=+$/, '').length % 4 === 1)
        return undefined;
    const bytes = Buffer.from(compact, 'base64');
    const kind = detectContentKind(bytes.subarray(0, CONTENT_HEAD_BYTES));
    if (kind === 'text')
        return looksLikeExportText(bytes) ? bytes : undefined;
    return kind === 'unknown' ? undefined : bytes;
}
/** JSON (`{`, `[`) or a CSV header line, in valid UTF-8. */
function looksLikeExportText(bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return false;
    }
    const start = text.replace(/^\ufeff?\s*/, '');
    if (start.startsWith('{') || start.startsWith('['))
        return true;
    const firstLine = start.split('\n', 1)[0] ?? '';
    return firstLine.includes(',');
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./build/io/input-location/decrypt.js






/**
 * Decrypts a passphrase-encrypted file into `target`, streaming, so a large export never sits
 * in memory. Plaintext goes nowhere but `target`, and `target` exists afterwards only when the
 * whole file decrypted and authenticated.
 */
async function decryptFile(request) {
    try {
        if (request.encryption === 'openpgp' || request.encryption === 'openpgp-armored')
            await decryptOpenPgp(request);
        else
            await decryptAge(request);
    }
    catch (error) {
        await (0,promises_.rm)(request.target, { force: true });
        throw error;
    }
}
function wrongPassphrase(label, kind, cause) {
    return new types/* UsageError */.eb(`could not decrypt ${label}: wrong passphrase or not a symmetrically encrypted file; check the passphrase and that the file was made with ${kind}.`, { cause });
}
async function decryptOpenPgp(request) {
    const { source, passphrase, target, label } = request;
    const how = 'gpg --symmetric';
    const openpgp = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 13074));
    const bytes = external_node_stream_.Readable.toWeb((0,external_node_fs_.createReadStream)(source));
    let message;
    try {
        message =
            request.encryption === 'openpgp-armored'
                ? await openpgp.readMessage({ armoredMessage: bytes.pipeThrough(new TextDecoderStream()) })
                : await openpgp.readMessage({ binaryMessage: bytes });
    }
    catch (error) {
        throw wrongPassphrase(label, how, error);
    }
    const passphraseKeys = message.packets.filterByTag(openpgp.enums.packet.symEncryptedSessionKey);
    const publicKeys = message.packets.filterByTag(openpgp.enums.packet.publicKeyEncryptedSessionKey);
    if (passphraseKeys.length === 0 && publicKeys.length > 0) {
        throw new types/* UsageError */.eb(`could not decrypt ${label}: it is encrypted to an OpenPGP public key, not with a passphrase; encrypt it with gpg --symmetric --cipher-algo AES256 and pass the passphrase.`);
    }
    let plaintext;
    try {
        const result = await openpgp.decrypt({
            message,
            passwords: [passphrase],
            format: 'binary',
            // gpg (before 2.3) writes SEIPDv1, whose integrity check sits at the very end; without this,
            // openpgp.js holds the whole file in memory to check it first. Releasing early is safe here
            // because the plaintext only reaches our own 0600 file, which is deleted if the check fails.
            config: { allowUnauthenticatedStream: true },
        });
        plaintext = result.data;
    }
    catch (error) {
        throw wrongPassphrase(label, how, error);
    }
    try {
        await writeStreamTo(plaintext, target);
    }
    catch (error) {
        throw wrongPassphrase(label, how, error);
    }
}
async function decryptAge(request) {
    const { source, passphrase, target, label } = request;
    const how = 'age --passphrase';
    const { armor: ageArmor, Decrypter: AgeDecrypter } = await __webpack_require__.e(/* import() */ 389).then(__webpack_require__.bind(__webpack_require__, 43389));
    let encrypted;
    let head;
    if (request.encryption === 'age-armored') {
        let binary;
        try {
            // Armor is for small files (a secret, a pasted block): reading it whole is fine.
            binary = ageArmor.decode(await (0,promises_.readFile)(source, 'utf8'));
        }
        catch (error) {
            throw wrongPassphrase(label, how, error);
        }
        head = Buffer.from(binary.subarray(0, 512)).toString('latin1');
        encrypted = external_node_stream_.Readable.toWeb(external_node_stream_.Readable.from([binary]));
    }
    else {
        head = await readHead(source, 512);
        encrypted = external_node_stream_.Readable.toWeb((0,external_node_fs_.createReadStream)(source));
    }
    const recipient = /^-> (\S+)/m.exec(head)?.[1];
    if (recipient !== undefined && recipient !== 'scrypt') {
        throw new types/* UsageError */.eb(`could not decrypt ${label}: it is encrypted to an age key (${recipient}), not with a passphrase; encrypt it with age --passphrase and pass the passphrase.`);
    }
    const decrypter = new AgeDecrypter();
    decrypter.addPassphrase(passphrase);
    let plaintext;
    try {
        // The header (and with it the passphrase) is checked before this resolves.
        plaintext = await decrypter.decrypt(encrypted);
    }
    catch (error) {
        throw wrongPassphrase(label, how, error);
    }
    try {
        await writeStreamTo(plaintext, target);
    }
    catch (error) {
        throw new types/* UsageError */.eb(`could not decrypt ${label}: the passphrase is right but the file is damaged or truncated; copy or download it again.`, {
            cause: error,
        });
    }
}
async function readHead(path, length) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead).toString('latin1');
    }
    finally {
        await handle.close();
    }
}
async function writeStreamTo(stream, target) {
    const handle = await createPrivateFile(target);
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(stream), handle.createWriteStream());
}

;// CONCATENATED MODULE: ./build/io/input-location.js








const ENV_PREFIX = 'env:';
const ARTIFACT_PREFIX = 'artifact:';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Turns what a user wrote for `users`, `passwords` or `organizations` into a readable file:
 * a repository path as is; `env:NAME` (a secret, plain or base64, maybe gzip) written to a
 * private file; `artifact:NAME[/path]` downloaded from this workflow's newest run that has it.
 * Whatever the bytes came from, an OpenPGP (`gpg --symmetric`) or age (`age --passphrase`)
 * file is decrypted with the passphrase. Gzip is left to `openByteStream`.
 *
 * Every problem is a `UsageError` naming the input as written, never a secret's value.
 */
async function resolveInputLocation(spec, ctx) {
    const label = spec.trim();
    if (label === '')
        throw new types/* UsageError */.eb('an input location is blank: give a path, env:NAME or artifact:NAME.');
    if (label.startsWith(ENV_PREFIX)) {
        const name = label.slice(ENV_PREFIX.length).trim();
        const written = await writeEnvValue(label, name, ctx);
        let resolved;
        try {
            resolved = await decryptIfEncrypted({ path: written, label }, `env-${name}`, ctx);
            return resolved;
        }
        finally {
            // Once decrypted (or when decryption failed) the copy of the secret is of no further use.
            if (resolved?.path !== written)
                await (0,promises_.rm)(written, { force: true });
        }
    }
    if (label.startsWith(ARTIFACT_PREFIX)) {
        const location = parseArtifactSpec(label, label.slice(ARTIFACT_PREFIX.length));
        const file = await artifactFile(location, ctx.tempDir, ctx.github);
        const resolved = await decryptIfEncrypted({ path: file.path, label }, (0,external_node_path_.basename)(file.path), ctx);
        return { ...resolved, from: file.from };
    }
    await checkPath(label);
    return decryptIfEncrypted({ path: label, label }, (0,external_node_path_.basename)(label), ctx);
}
/** Removes every file `resolveInputLocation` wrote under `ctx.tempDir`. */
async function cleanupInputs(ctx) {
    const removed = await removePrivateDir(ctx.tempDir);
    if (removed !== undefined)
        forgetArtifactDownloads(removed);
}
async function writeEnvValue(label, name, ctx) {
    if (!ENV_NAME.test(name)) {
        throw new types/* UsageError */.eb(`${label}: name an environment variable after env: (letters, digits and _, e.g. env:AUTH0_USERS).`);
    }
    const value = (ctx.env ?? process.env)[name];
    if (value === undefined) {
        throw new types/* UsageError */.eb(`${label} is not set: pass the secret to the step with env: or use a file path.`);
    }
    if (value.trim() === '') {
        // A missing secret reaches the step as an empty string, and forks' pull requests get no secrets at all.
        throw new types/* UsageError */.eb(`${label} is empty: check that the secret exists and is passed to the step with env: (pull requests from forks get no secrets).`);
    }
    const path = await privatePath(ctx.tempDir, `env-${name}`);
    await writePrivateFile(path, decodeBase64Export(value) ?? Buffer.from(value, 'utf8'));
    return path;
}
async function checkPath(path) {
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch (error) {
        const code = error?.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            const prefix = /^([A-Za-z][A-Za-z0-9+-]+):/.exec(path)?.[1];
            const hint = prefix
                ? ` (only env:NAME and artifact:NAME are read from elsewhere; "${prefix}:" is taken as part of a path)`
                : '';
            throw new types/* UsageError */.eb(`${path}: file not found; check the path (relative paths start at the working directory)${hint}.`);
        }
        if (code === 'EACCES' || code === 'EPERM')
            throw new types/* UsageError */.eb(`${path}: permission denied; make the file readable by this user.`);
        throw new types/* UsageError */.eb(`${path}: the file cannot be read (${String(code ?? 'unknown error')}).`, { cause: error });
    }
    const kind = (0,file_kind/* notRegularFile */.s5)(info);
    if (kind)
        throw new types/* UsageError */.eb(`${path}: is ${kind}, not a file; name the export file itself (save a stream to a file first).`);
}
async function input_location_readHead(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.alloc(CONTENT_HEAD_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
async function encryptionOf(path, name) {
    let head;
    try {
        head = await input_location_readHead(path);
    }
    catch {
        // Unreadable files get openByteStream's message, which names the problem.
        return undefined;
    }
    if (head.length === 0)
        return undefined;
    const kind = detectContentKind(head);
    switch (kind) {
        case 'openpgp':
        case 'openpgp-armored':
        case 'age':
        case 'age-armored':
            return kind;
        case 'unknown':
            return encryptionFromName(name);
        default:
            return undefined;
    }
}
/** The decrypted file's name: the encrypted one's without `.gpg`/`.pgp`/`.age`/`.asc`. */
function plainName(name) {
    return name.replace(/(\.(gpg|pgp|age|asc))+$/i, '') || 'decrypted';
}
async function decryptIfEncrypted(input, name, ctx) {
    const encryption = await encryptionOf(input.path, name);
    if (encryption === undefined)
        return input;
    const how = encryption.startsWith('openpgp') ? 'OpenPGP (gpg)' : 'age';
    if (!ctx.passphrase) {
        throw new types/* UsageError */.eb(`${input.label} is encrypted with ${how} but no passphrase was given: pass the passphrase it was encrypted with.`);
    }
    const target = await privatePath(ctx.tempDir, plainName(name));
    await decryptFile({ source: input.path, encryption, passphrase: ctx.passphrase, target, label: input.label });
    return { ...input, path: target };
}
/**
 * A reader's error names the file it read; for `env:` secrets, artifacts and decrypted files
 * that is a private temp path. This puts back what the user wrote (`env:AUTH0_USERS`).
 */
function relabelError(error, labels) {
    if (!(error instanceof types/* UsageError */.eb) || !labels)
        return error;
    let message = error.message;
    for (const [path, label] of labels)
        if (path !== label)
            message = message.split(path).join(label);
    return message === error.message ? error : new types/* UsageError */.eb(message, { cause: error });
}

// EXTERNAL MODULE: ./build/io/limits.js
var limits = __webpack_require__(42137);
;// CONCATENATED MODULE: ./build/io/run-directories.js


const WHAT = {
    state: { flag: '--state (the state directory)', purpose: 'the checkpoint' },
    out: { flag: '--out (the out input in the action)', purpose: 'the reports' },
};
/**
 * Checks, before anything is read or written, that the checkpoint and report directories can
 * be directories: a path that names an existing file would otherwise fail only at the first
 * journal line, or after every write when the reports are due, with no report at all.
 */
function checkRunDirectories(dirs) {
    for (const kind of ['state', 'out']) {
        const path = dirs[kind];
        if (path === undefined || path === '')
            continue;
        let problem;
        try {
            if (!(0,external_node_fs_.statSync)(path).isDirectory())
                problem = 'is a file, not a directory';
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOTDIR')
                problem = 'lies under a file, not a directory';
            else if (code === 'EACCES' || code === 'EPERM')
                problem = 'cannot be reached (permission denied)';
            // ENOENT is fine: the directory is created when it is first needed.
        }
        if (problem !== undefined) {
            const { flag, purpose } = WHAT[kind];
            throw new types/* UsageError */.eb(`${path}: ${flag} ${problem}; name a directory for ${purpose} (it is created if missing).`);
        }
    }
}

;// CONCATENATED MODULE: ./build/report/markdown.js


const ENTITY_ROWS = [
    ['Users', 'users'],
    ['Organizations', 'organizations'],
    ['Memberships', 'memberships'],
];
/** The reconciliation as GitHub renders it: job summary, PR comment, `summary.md`. */
function renderSummaryMarkdown(summary, problems, options = {}) {
    const parts = [
        `## WorkOS migration: ${summary.mode} (${escapeMarkdown(summary.source)})`,
        headline(summary),
        summary.mode === 'rollback' ? rollbackSection(summary) : countsTable(summary),
        changesSection(summary),
        foundSection(summary),
        removalsLine(summary),
        peopleWork(summary),
        problemSection(problems, options.examplesPerCode ?? 5),
        requestsLine(summary),
    ].filter((p) => p !== '');
    const text = parts.join('\n\n') + '\n';
    const max = options.maxChars;
    if (max === undefined || text.length <= max)
        return text;
    const note = `\n\n${options.truncatedNote ?? '_Cut to fit. The full list is in errors.jsonl in the report artifact._'}\n`;
    return truncate(text, max - note.length) + note;
}
const ENTITY_NAMES = [
    ['user', 'users'],
    ['organization', 'organizations'],
    ['membership', 'memberships'],
];
function listed(counts) {
    const parts = ENTITY_NAMES.filter(([, key]) => counts[key] > 0).map(([noun, key]) => `${counts[key]} ${noun}${counts[key] === 1 ? '' : 's'}`);
    return parts.length > 0 ? parts.join(', ') : 'nothing';
}
/** The first line a reader sees; every claim in it is true of WorkOS as this run saw it. */
function headline(s) {
    if (s.fatal)
        return `**Stopped:** ${escapeMarkdown(s.fatal)} ${(0,report_summary/* sumOver */.Ch)(s, 'pending')} record(s) pending.`;
    const pending = (0,report_summary/* sumOver */.Ch)(s, 'pending');
    const failed = (0,report_summary/* sumOver */.Ch)(s, 'failed');
    const invalid = (0,report_summary/* sumOver */.Ch)(s, 'invalid');
    const skipped = (0,report_summary/* sumOver */.Ch)(s, 'skipped');
    const notImported = invalid + skipped > 0 ? ` ${invalid} invalid and ${skipped} skipped record(s) are not brought over.` : '';
    switch (s.mode) {
        case 'plan': {
            if (!s.changes) {
                return `**Dry run without a WorkOS key.** Nothing was written. ${pending} record(s) are not in the checkpoint yet and would be written; give a key to diff against WorkOS itself.${notImported}`;
            }
            const c = s.changes;
            const pick = (k) => ({
                users: c.users[k],
                organizations: c.organizations[k],
                memberships: c.memberships[k],
            });
            const conflicts = sumChanges(c, 'conflict');
            return (`**Dry run against WorkOS.** Nothing was written. An import now would create ${listed(pick('create'))}, ` +
                `update ${listed(pick('update'))} and leave ${sumChanges(c, 'unchanged')} record(s) as they are` +
                `${sumChanges(c, 'remove') > 0 ? `; ${listed(pick('remove'))} of this migration are gone from the export (removed only with --prune)` : ''}.` +
                `${conflicts > 0 ? ` **${conflicts} conflict(s)** need a person (see Problems).` : ''}${notImported}`);
        }
        case 'verify':
            if (s.complete)
                return `**In step.** WorkOS holds every planned record as planned.${notImported}`;
            return `**Drift.** ${pending} record(s) are missing from WorkOS or differ from the export${(s.logins?.failed ?? 0) > 0 ? `, and ${s.logins.failed} test sign-in(s) failed` : ''}. Run import to repair them (see Problems).`;
        case 'cutover': {
            const c = s.cutover;
            if (!c)
                return '**Cutover check.**';
            return c.go
                ? '**Go.** Every cutover check passed (cutover.md).'
                : `**No-go.** Failing: ${c.failing.join(', ')} (cutover.md says why and what to do).`;
        }
        case 'rollback': {
            const d = s.deleted;
            if (!d)
                return `**Rollback preview.** Nothing was deleted. With --confirm (confirm-rollback: true) rollback deletes ${listed(s.removals ?? { users: 0, organizations: 0, memberships: 0 })} that this migration created (rollback.csv).`;
            return s.complete
                ? `**Rolled back.** Deleted ${listed(d)} that this migration created.`
                : `**Rollback incomplete.** Deleted ${listed(d)}; some deletes failed (see Problems): run rollback --confirm again.`;
        }
        case 'import': {
            if (s.complete)
                return `**Complete.** WorkOS holds every planned record as planned.${notImported}`;
            const bits = [];
            if (pending > 0) {
                const why = s.stoppedBy ? ` (stopped by ${s.stoppedBy})` : '';
                const runs = s.runsRemaining ? ` About ${s.runsRemaining} more run(s) of this size.` : '';
                bits.push(`**${pending} record(s) pending**${why}: run import again to go on.${runs}`);
            }
            if (failed > 0)
                bits.push(`**${failed} record(s) failed** (see Problems); a rerun retries them.`);
            const w = s.workos;
            if (w && !(0,report_summary/* liveCheckPasses */.kH)(w)) {
                const missing = w.users.missing + w.organizations.missing + w.memberships.missing;
                const mismatched = w.users.mismatched + w.organizations.mismatched + w.memberships.mismatched;
                bits.push(`**Not complete:** read back, WorkOS lacks ${missing} planned record(s) and ${mismatched} differ (changed during the run?); run import again.`);
            }
            return bits.join(' ') + notImported;
        }
    }
}
function sumChanges(c, key) {
    return c.users[key] + c.organizations[key] + c.memberships[key];
}
function countsTable(s) {
    const title = s.mode === 'import' ? '### This run\n' : '';
    const header = '| | Total | Created | Updated | Unchanged | Skipped | Invalid | Failed | Pending |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|';
    const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s[key].total > 0).map(([label, key]) => row(label, s[key]));
    const merged = s.users.merged > 0
        ? `\n\n${s.users.merged} source user(s) merged into another with the same email (listed in id-map.csv).`
        : '';
    return `${title}${header}\n${rows.join('\n')}${merged}\n\n${passwordLine(s)}`;
}
function passwordLine(s) {
    const pw = s.passwords;
    const parts = [`${pw.withHash} with a hash`];
    if (s.mode === 'import')
        parts.push(`${pw.sent} sent in this run`);
    if (pw.recordedEarlier > 0)
        parts.push(`${pw.recordedEarlier} recorded as sent earlier`);
    if (pw.keptExisting > 0)
        parts.push(`${pw.keptExisting} kept by users who were in WorkOS before`);
    if (s.mode === 'plan' && s.changes)
        parts.push(`${pw.notSent} would be sent`);
    else if (s.mode === 'import' && pw.notSent > 0)
        parts.push(`${pw.notSent} not sent yet`);
    parts.push(`${pw.missing} users without a password`, `${pw.unsupported} with a hash WorkOS cannot verify`);
    const bad = pw.invalid > 0 ? `, **${pw.invalid} invalid password row(s)** (see Problems)` : '';
    return `Passwords: ${parts.join(', ')}${bad}.`;
}
function row(label, c) {
    return `| ${label} | ${c.total} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.skipped} | ${c.invalid} | ${c.failed} | ${c.pending} |`;
}
function changesSection(s) {
    if (!s.changes)
        return '';
    const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s[key].total > 0 || s.changes[key].remove > 0).map(([label, key]) => {
        const c = s.changes[key];
        return `| ${label} | ${c.create} | ${c.update} | ${c.unchanged} | ${c.remove} | ${c.conflict} |`;
    });
    return `### Would change\n| | Create | Update | Unchanged | Remove | Conflict |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}\n\nEach record and the fields that differ are in changes.jsonl.`;
}
function removalsLine(s) {
    if (!s.removals || s.mode === 'rollback' || s.mode === 'plan')
        return '';
    const total = s.removals.users + s.removals.organizations + s.removals.memberships;
    if (s.deleted)
        return `Pruned: deleted ${listed(s.deleted)} of this migration that the export no longer has.`;
    if (total === 0)
        return '';
    return `**Removals:** ${listed(s.removals)} of this migration are in WorkOS but no longer in the export (removals.csv). They keep access until an import with --prune (prune: true) deletes them.`;
}
function rollbackSection(s) {
    const planned = s.removals ?? { users: 0, organizations: 0, memberships: 0 };
    const d = s.deleted;
    const rows = ENTITY_ROWS.map(([label, key]) => `| ${label} | ${planned[key]} | ${d ? d[key] : 0} |`);
    return `| | Created by the migration | Deleted now |\n|---|---:|---:|\n${rows.join('\n')}\n\nUsers that were in WorkOS before the migration are never deleted; fields the migration updated are not reverted (rollback.csv lists both).`;
}
function peopleWork(s) {
    const lines = [];
    const mfa = Object.entries(s.mfa).filter(([, n]) => (n ?? 0) > 0);
    if (mfa.length > 0) {
        lines.push(`- **Re-enroll MFA**: ${mfa.map(([f, n]) => `${n} ${escapeMarkdown(f)}`).join(', ')}. Factors cannot be moved; these users set MFA up again (reenroll.csv).`);
    }
    const social = Object.entries(s.social);
    if (social.length > 0) {
        lines.push(`- **Social sign-in**: ${social.map(([p, n]) => `${n} ${escapeMarkdown(p)}`).join(', ')}. Configure these providers in WorkOS; users link by email on first sign-in.`);
    }
    if (s.passwords.reset > 0) {
        lines.push(`- **Password reset**: ${s.passwords.reset} user(s) arrive without a password WorkOS can verify and have no social or enterprise sign-in: send them a password reset or Magic Auth (password-reset.csv).`);
    }
    return lines.length > 0 ? `### Needs people\n${lines.join('\n')}` : '';
}
function problemSection(problems, examplesPerCode) {
    if (problems.length === 0)
        return '';
    const byCode = new Map();
    for (const p of problems) {
        const key = `${p.severity}\u0000${p.failed === true}\u0000${p.entity}\u0000${p.code}`;
        const group = byCode.get(key);
        if (group)
            group.push(p);
        else
            byCode.set(key, [p]);
    }
    const sections = [...byCode.values()]
        .sort((a, b) => severityRank(a[0]) - severityRank(b[0]) || b.length - a.length)
        .map((group) => {
        const first = group[0];
        const title = `- **${first.failed ? 'Failed' : SEVERITY_LABEL[first.severity]}** ${codeSpan(first.code)} (${first.entity}): ${group.length}`;
        const examples = group
            .slice(0, examplesPerCode)
            .map((p) => `  - ${escapeMarkdown(where(p))}: ${escapeMarkdown(truncate(p.message, 300))}`);
        const more = group.length > examplesPerCode ? [`  - … and ${group.length - examplesPerCode} more`] : [];
        return [title, ...examples, ...more].join('\n');
    });
    return `### Problems\n${sections.join('\n')}`;
}
/** Inside backticks markdown escapes are shown literally: keep the text, drop what could end the span. */
function codeSpan(text) {
    return `\`${text.replace(/[`\r\n]/g, '')}\``;
}
function where(p) {
    const column = p.location.column ? `:${p.location.column}` : '';
    const field = p.field ? ` ${p.field}` : '';
    return `${p.location.file}:${p.location.line}${column}${field}`;
}
const SEVERITY_LABEL = {
    error: 'Invalid',
    skip: 'Skipped',
    warning: 'Warning',
};
function severityRank(p) {
    return p.severity === 'error' ? 0 : p.severity === 'warning' ? 1 : 2;
}
function requestsLine(s) {
    if (!s.requests)
        return '';
    const r = s.requests;
    const rate = r.writes > 1 ? `; ${r.writesPerSecond.toFixed(1)} writes/s while writing` : '';
    return `<sub>WorkOS requests in this run: ${r.writes} writes, ${r.reads} reads, ${r.rateLimited} rate-limited, ${r.transient} transient failures${rate}; ${Math.round(r.elapsedSeconds)} s in all.</sub>`;
}
function foundSection(s) {
    if (!s.workos)
        return '';
    const heading = s.mode === 'import' ? '### In WorkOS now (read back after the run)' : '### In WorkOS now';
    const rows = ENTITY_ROWS.filter(([, key]) => key === 'users' || s.workos[key].expected > 0).map(([label, key]) => {
        const f = s.workos[key];
        return `| ${label} | ${f.expected} | ${f.found} | ${f.missing} | ${f.mismatched} | ${f.unexpected} |`;
    });
    const logins = s.logins
        ? `\n\nTest sign-ins: ${s.logins.succeeded} of ${s.logins.tried} succeeded${s.logins.failed > 0 ? ` (**${s.logins.failed} failed**, see Problems)` : ''}.`
        : '';
    return `${heading}\n| | Expected | Found | Missing | Mismatched | Not in the export |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}${logins}`;
}

;// CONCATENATED MODULE: ./build/sources/external-ids.js
// Which external ids in WorkOS look like this source's own, so that a record of this migration
// that left the export is found even when the checkpoint that made it is gone. A source whose
// ids have no telling shape (UUIDs, free text) relies on the checkpoint alone.
const USER_ID_SHAPES = {
    // Auth0: `<connection strategy>|<id>` (auth0|…, google-oauth2|…, samlp|acme|…).
    auth0: /^[a-z0-9-]+\|\S+$/i,
    // Clerk ids are a prefix and 27 base62 characters (a KSUID).
    clerk: /^user_[A-Za-z0-9]{27}$/,
};
// Both use `org_`: Auth0's are 16 characters after it, Clerk's 27, so a two-source environment
// does not take the other source's organizations for its own.
const ORGANIZATION_ID_SHAPES = {
    auth0: /^org_[A-Za-z0-9]{16}$/,
    clerk: /^org_[A-Za-z0-9]{27}$/,
};
function sourceOwnsExternalId(source, entity, externalId) {
    const shape = (entity === 'user' ? USER_ID_SHAPES : ORGANIZATION_ID_SHAPES)[source];
    return shape?.test(externalId) === true;
}

;// CONCATENATED MODULE: ./build/model/lookup.js
/**
 * Lookups keyed by text from an export (role names, factor names, field names). A plain
 * object answers `constructor`, `toString` or `__proto__` from Object.prototype; these only
 * see what was put in.
 */
function ownValue(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
/** An empty object without a prototype, safe to fill with keys taken from an export (`__proto__` included). */
function emptyRecord() {
    return Object.create(null);
}

;// CONCATENATED MODULE: ./build/config/metadata-fields.js

/**
 * The values a metadata map picks from one source record: `{ plan: 'public_metadata.plan' }`
 * gives `{ plan: <the record's public_metadata.plan> }`. A path is first tried as one flat key
 * (sources that flatten their fields, like `app_metadata.plan` in the Auth0 reader), then
 * walked through nested objects. A field the record does not have is left out: most users
 * lack most optional fields, and that is not a problem.
 *
 * `secretFields` are never read, whatever the map says: the config schema already refuses
 * them, this is the second lock on the same door.
 */
function pickMetadataFields(source, map, secretFields = new Set()) {
    const picked = emptyRecord();
    for (const [key, path] of Object.entries(map)) {
        const first = path.split('.')[0];
        if (secretFields.has(path) || secretFields.has(first))
            continue;
        const value = valueAtPath(source, path);
        if (value !== undefined && value !== null && value !== '')
            picked[key] = value;
    }
    return picked;
}
function valueAtPath(source, path) {
    if (Object.hasOwn(source, path))
        return source[path];
    let current = source;
    for (const part of path.split('.')) {
        if (typeof current !== 'object' || current === null || Array.isArray(current))
            return undefined;
        if (!Object.hasOwn(current, part))
            return undefined;
        current = current[part];
    }
    return current;
}

;// CONCATENATED MODULE: ./build/config/roles.js
/**
 * A Clerk organization role (`org:admin`, `org:billing_manager`). The role map is looked up by
 * the full key, then without `org:`; by default the slug is the key without `org:`, which is
 * what Clerk's default roles (`org:admin`, `org:member`) need to meet WorkOS's `admin` and
 * `member`.
 */
function mapClerkRole(role, config) {
    const key = role.trim();
    const bare = key.startsWith('org:') ? key.slice('org:'.length) : key;
    const mapped = roleFor(config, key) ?? roleFor(config, bare);
    if (mapped !== undefined)
        return { slug: mapped, fromConfig: true };
    return bare === '' ? { fromConfig: false } : { slug: bare, fromConfig: false };
}
/**
 * An Auth0 organization member role (`{id: "rol_…", name: "Billing Admin"}`). The role map is
 * looked up by name, then by id; by default the slug is the name, lower-cased, with every run
 * of other characters turned into one hyphen (`Billing Admin` → `billing-admin`).
 */
function mapAuth0Role(role, config) {
    const name = role.name?.trim();
    const id = role.id?.trim();
    const mapped = (name ? roleFor(config, name) : undefined) ?? (id ? roleFor(config, id) : undefined);
    if (mapped !== undefined)
        return { slug: mapped, fromConfig: true };
    const slug = name ? slugify(name) : '';
    return slug === '' ? { fromConfig: false } : { slug, fromConfig: false };
}
/** A role map lookup that only sees the map's own keys (`constructor` is a role name, not Object). */
function roleFor(config, role) {
    return Object.hasOwn(config.roles, role) ? config.roles[role] : undefined;
}
function slugify(name) {
    return name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}

// EXTERNAL MODULE: ./build/io/byte-stream.js
var byte_stream = __webpack_require__(43172);
;// CONCATENATED MODULE: ./build/io/json-text.js

/**
 * Parses one record's text. The message never quotes the text: V8's "Unexpected token" errors
 * embed a snippet of the input, which may hold an email or a password hash.
 */
function parseJsonText(text, start) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const raw = error instanceof Error ? error.message : String(error);
        const position = /at position (\d+)/.exec(raw);
        const reason = describeParseError(raw);
        if (!position)
            return { ok: false, line: start.line, message: `Not valid JSON: ${reason}.` };
        const at = locate(text, Number(position[1]), start);
        return { ok: false, line: at.line, column: at.column, message: `Not valid JSON: ${reason}.` };
    }
    const { depth } = (0,limits/* inputLimits */.Pg)();
    // Mapping walks records (metadata maps, digests); a record nested past the limit is refused here, whole.
    if (!fewerOpeningBrackets(text, depth) && (0,limits/* nestingDepth */.Qk)(value, depth) > depth) {
        return {
            ok: false,
            line: start.line,
            message: `The record is nested more than ${depth} levels deep; ${(0,limits/* raiseHint */.AI)('depth')}.`,
        };
    }
    return { ok: true, value, line: start.line };
}
/**
 * True when `text` holds at most `limit` of `{` and `[` (inside strings or not): every level of
 * nesting opens with one, so the record cannot be nested deeper than that. This settles the
 * depth of an ordinary record (a handful of levels) with a few `indexOf` calls instead of a walk
 * over the parsed value.
 */
function fewerOpeningBrackets(text, limit) {
    let count = 0;
    for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1))
        if (++count > limit)
            return false;
    for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1))
        if (++count > limit)
            return false;
    return true;
}
function describeParseError(raw) {
    const reason = raw
        .replace(/, ".*" is not valid JSON$/s, '')
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/^Unexpected end of JSON input$/, 'the record ends too early (truncated?)')
        .trim();
    return reason ? reason.charAt(0).toLowerCase() + reason.slice(1) : 'unreadable';
}
function locate(text, offset, start) {
    let line = start.line;
    let lineStart = -1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i;
        }
    }
    return lineStart < 0 ? { line, column: start.column + offset } : { line, column: offset - lineStart };
}

;// CONCATENATED MODULE: ./build/io/json-element-scanner.js


const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
function isWhitespace(c) {
    return c === 32 || c === 10 || c === 13 || c === 9;
}
/**
 * Splits a JSON array into its elements as text arrives, so a file of any size is read one
 * element at a time: a JSON export of a million users never sits in memory whole.
 *
 * It does not validate JSON; it only follows strings and bracket depth to find where each
 * top-level element ends, then `JSON.parse`s that element alone. A broken element becomes an
 * `ok: false` record and the scan goes on with the next one.
 *
 * With `arrayKey`, the input may instead be one or more objects holding the array under that
 * key (`{"organizations":[…]}`, or Clerk's `{"data":[…],"total_count":n}` pages one after
 * another); the object's other keys are skipped without being kept.
 */
class JsonElementScanner {
    arrayKey;
    state = 'start';
    line = 1;
    /** Offset of the first character of the current line, counted from the start of the input. */
    lineStart = 0;
    /** Characters of the input before the current chunk. */
    consumed = 0;
    depth = 0;
    inString = false;
    escaped = false;
    parts = [];
    /** Characters of the element or key being captured; past `maxLength` its text is dropped. */
    partsLength = 0;
    oversized = false;
    maxLength = (0,limits/* inputLimits */.Pg)().recordLength;
    elementLine = 0;
    elementColumn = 0;
    key = '';
    objectLine = 0;
    foundArray = false;
    keyMissing = false;
    missingArrayAt;
    constructor(arrayKey) {
        this.arrayKey = arrayKey;
    }
    /**
     * True when the input was a single-line object without `arrayKey`: that is a line of NDJSON,
     * not a wrapper object, and the caller should read the file as NDJSON instead.
     */
    get isNdjson() {
        return this.keyMissing;
    }
    /** The line of a multi-line object that holds no `arrayKey` array: not an export of records at all. */
    get objectWithoutArray() {
        return this.missingArrayAt;
    }
    /** True once the input ended its structure, or broke it beyond recovery. */
    get stopped() {
        return this.state === 'stopped';
    }
    push(chunk) {
        const out = [];
        let captureFrom = this.state === 'element' || this.state === 'object-key' ? 0 : -1;
        const n = chunk.length;
        let i = 0;
        while (i < n && this.state !== 'stopped') {
            const c = chunk.charCodeAt(i);
            switch (this.state) {
                case 'element':
                case 'object-skip-value': {
                    if (this.inString) {
                        if (this.escaped)
                            this.escaped = false;
                        else if (c === BACKSLASH)
                            this.escaped = true;
                        else if (c === QUOTE)
                            this.inString = false;
                        else if (c === NEWLINE)
                            this.newline(i);
                        i++;
                        continue;
                    }
                    if (c === QUOTE)
                        this.inString = true;
                    else if (c === OPEN_BRACE || c === OPEN_BRACKET)
                        this.depth++;
                    else if (this.depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET))
                        this.depth--;
                    else if (this.depth === 0 && this.state === 'element' && (c === COMMA || c === CLOSE_BRACKET)) {
                        this.capture(chunk.slice(captureFrom, i));
                        captureFrom = -1;
                        out.push(this.finishElement());
                        this.state = c === COMMA ? 'before-element' : this.afterArrayState();
                    }
                    else if (this.depth === 0 && this.state === 'object-skip-value' && (c === COMMA || c === CLOSE_BRACE)) {
                        this.state = c === COMMA ? 'object-key-or-end' : 'after-object';
                        if (c === CLOSE_BRACE)
                            this.objectEnded(out);
                    }
                    else if (c === NEWLINE)
                        this.newline(i);
                    i++;
                    continue;
                }
                case 'object-key': {
                    if (this.escaped)
                        this.escaped = false;
                    else if (c === BACKSLASH)
                        this.escaped = true;
                    else if (c === QUOTE) {
                        this.capture(chunk.slice(captureFrom, i));
                        captureFrom = -1;
                        this.key = this.takeKey();
                        this.state = 'object-colon';
                    }
                    else if (c === NEWLINE)
                        this.newline(i);
                    i++;
                    continue;
                }
            }
            if (isWhitespace(c)) {
                if (c === NEWLINE)
                    this.newline(i);
                i++;
                continue;
            }
            switch (this.state) {
                case 'start':
                    if (c === OPEN_BRACKET)
                        this.state = 'before-element';
                    else if (c === OPEN_BRACE && this.arrayKey !== undefined)
                        this.openObject();
                    else
                        this.fail(out, i, this.arrayKey ? `expected [ or { to begin the file` : `expected [ to begin the array`);
                    break;
                case 'before-element':
                    if (c === CLOSE_BRACKET) {
                        this.state = this.afterArrayState();
                        break;
                    }
                    this.state = 'element';
                    this.elementLine = this.line;
                    this.elementColumn = this.column(i);
                    this.parts = [];
                    this.partsLength = 0;
                    this.oversized = false;
                    this.depth = 0;
                    captureFrom = i;
                    // The element's first character is read again in the 'element' state.
                    continue;
                case 'after-array':
                    this.fail(out, i, 'unexpected content after the closing ] of the array');
                    break;
                case 'object-key-or-end':
                    if (c === QUOTE) {
                        this.state = 'object-key';
                        this.parts = [];
                        this.partsLength = 0;
                        this.oversized = false;
                        captureFrom = i + 1;
                    }
                    else if (c === CLOSE_BRACE) {
                        this.state = 'after-object';
                        this.objectEnded(out);
                    }
                    else if (c !== COMMA)
                        this.fail(out, i, 'expected a quoted key in the top-level object');
                    break;
                case 'object-colon':
                    if (c === COLON)
                        this.state = 'object-value';
                    else
                        this.fail(out, i, `expected : after the key "${this.key}"`);
                    break;
                case 'object-value':
                    if (this.key === this.arrayKey) {
                        if (c === OPEN_BRACKET) {
                            this.foundArray = true;
                            this.state = 'before-element';
                        }
                        else
                            this.fail(out, i, `"${this.arrayKey}" must hold an array`);
                        break;
                    }
                    this.state = 'object-skip-value';
                    this.depth = 0;
                    continue;
                case 'object-after-array':
                    if (c === COMMA)
                        this.state = 'object-key-or-end';
                    else if (c === CLOSE_BRACE) {
                        this.state = 'after-object';
                        this.objectEnded(out);
                    }
                    else
                        this.fail(out, i, `expected , or } after the "${this.arrayKey}" array`);
                    break;
                case 'after-object':
                    if (c === OPEN_BRACE)
                        this.openObject();
                    else
                        this.fail(out, i, 'unexpected content after the top-level object');
                    break;
            }
            i++;
        }
        if (captureFrom >= 0 && (this.state === 'element' || this.state === 'object-key')) {
            this.capture(chunk.slice(captureFrom));
            if (this.oversized && this.state === 'object-key') {
                this.fail(out, n - 1, `a key of the top-level object is longer than ${this.maxLength} characters`);
            }
        }
        this.consumed += n;
        return out;
    }
    /** Called once the input is exhausted: a structure left open means the file was cut short. */
    end() {
        const out = [];
        switch (this.state) {
            case 'element':
                out.push({
                    ok: false,
                    line: this.elementLine,
                    column: this.elementColumn,
                    message: 'The file ends inside this element; it may be truncated.',
                });
                break;
            case 'before-element':
            case 'object-key-or-end':
            case 'object-key':
            case 'object-colon':
            case 'object-value':
            case 'object-skip-value':
            case 'object-after-array':
                out.push({
                    ok: false,
                    line: this.line,
                    message: 'The file ends before its array or object is closed; it may be truncated.',
                });
                break;
        }
        this.state = 'stopped';
        return out;
    }
    afterArrayState() {
        return this.arrayKey !== undefined && this.foundArray ? 'object-after-array' : 'after-array';
    }
    openObject() {
        this.state = 'object-key-or-end';
        this.objectLine = this.line;
    }
    objectEnded(_out) {
        if (this.foundArray)
            return;
        if (this.objectLine === this.line) {
            this.keyMissing = true;
            this.state = 'stopped';
            return;
        }
        this.missingArrayAt = this.objectLine;
        this.state = 'stopped';
    }
    /** Keeps part of the element being read, unless it has grown past the limit. */
    capture(part) {
        this.partsLength += part.length;
        if (this.partsLength > this.maxLength) {
            this.oversized = true;
            this.parts = [];
        }
        else
            this.parts.push(part);
    }
    finishElement() {
        const text = this.parts.join('');
        const oversized = this.oversized;
        const length = this.partsLength;
        this.parts = [];
        this.partsLength = 0;
        this.oversized = false;
        if (oversized) {
            return {
                ok: false,
                line: this.elementLine,
                column: this.elementColumn,
                message: `The element has ${length} characters, more than the limit of ${this.maxLength}; ${(0,limits/* raiseHint */.AI)('recordLength')}.`,
            };
        }
        if (text.trim() === '') {
            return {
                ok: false,
                line: this.elementLine,
                column: this.elementColumn,
                message: 'Not valid JSON: an empty element between commas.',
            };
        }
        return parseJsonText(text, { line: this.elementLine, column: this.elementColumn });
    }
    takeKey() {
        const raw = this.parts.join('');
        this.parts = [];
        this.partsLength = 0;
        this.oversized = false;
        try {
            return JSON.parse(`"${raw}"`);
        }
        catch {
            return raw;
        }
    }
    fail(out, i, what) {
        out.push({ ok: false, line: this.line, column: this.column(i), message: `Not valid JSON: ${what}.` });
        this.state = 'stopped';
    }
    newline(i) {
        this.line++;
        this.lineStart = this.consumed + i + 1;
    }
    column(i) {
        return this.consumed + i - this.lineStart + 1;
    }
}

;// CONCATENATED MODULE: ./build/io/lines.js
/**
 * Splits text chunks into lines (LF or CRLF), numbering them. Only the current line is held,
 * so memory stays bounded however large the file is; a line over `maxLength` characters is
 * not held at all (it comes out with `tooLong` and no text), so a file without line breaks
 * cannot fill the heap.
 */
async function* splitLines(chunks, maxLength = Number.POSITIVE_INFINITY) {
    for await (const batch of splitLineBatches(chunks, maxLength)) {
        for (const line of batch)
            yield line;
    }
}
/**
 * `splitLines`, one batch per chunk: every line a chunk completes comes out in one array. Each
 * step of an async generator costs a few promise hops, which at a million lines is a good share
 * of the reading time; a chunk holds hundreds of lines, so per chunk that cost disappears.
 * No batch is empty.
 */
async function* splitLineBatches(chunks, maxLength = Number.POSITIVE_INFINITY) {
    // The start of a line that began in an earlier chunk; empty for most lines, which sit in one chunk.
    let pending = [];
    let pendingLength = 0;
    let dropped = 0;
    let line = 1;
    const take = (last) => {
        let out;
        if (dropped > 0)
            out = { text: '', line: line++, tooLong: dropped + pendingLength };
        else if (pending.length === 0)
            out = { text: stripCarriageReturn(last), line: line++ };
        else {
            pending.push(last);
            out = { text: stripCarriageReturn(pending.join('')), line: line++ };
        }
        pending = [];
        pendingLength = 0;
        dropped = 0;
        return out;
    };
    for await (const chunk of chunks) {
        const batch = [];
        let from = 0;
        let at = chunk.indexOf('\n');
        while (at >= 0) {
            pendingLength += at - from;
            if (pendingLength > maxLength) {
                drop();
                batch.push(take(''));
            }
            else
                batch.push(take(chunk.slice(from, at)));
            from = at + 1;
            at = chunk.indexOf('\n', from);
        }
        if (from < chunk.length) {
            pending.push(chunk.slice(from));
            pendingLength += chunk.length - from;
            if (pendingLength > maxLength)
                drop();
        }
        if (batch.length > 0)
            yield batch;
    }
    if (pending.length > 0 || dropped > 0)
        yield [take('')];
    function drop() {
        dropped += pendingLength;
        pending = [];
        pendingLength = 0;
    }
}
function stripCarriageReturn(text) {
    return text.endsWith('\r') ? text.slice(0, -1) : text;
}

;// CONCATENATED MODULE: ./build/io/json-records.js






const BOM = '\uFEFF';
/**
 * The records of a JSON array or NDJSON file (gzipped or not), one at a time, each with its
 * line. The format is decided by the first character: `[` is an array, `{` is NDJSON (or, with
 * `arrayKey`, a wrapper object). A record that cannot be parsed is an `ok: false` item and the
 * reading goes on; a file that is not JSON at all is a `UsageError`.
 */
async function* readJsonRecords(path, options = {}) {
    for await (const batch of readJsonRecordBatches(path, options)) {
        for (const record of batch)
            yield record;
    }
}
/**
 * `readJsonRecords`, one batch of records per chunk read (no batch is empty). For the readers
 * of large exports: every step of an async generator costs a few promise hops, a good share of
 * the time per record when there are millions, and a chunk holds hundreds of records.
 */
async function* readJsonRecordBatches(path, options = {}) {
    const stream = await (0,byte_stream/* openByteStream */.LY)(path, options);
    try {
        stream.setEncoding('utf8');
        const chunks = stream[Symbol.asyncIterator]();
        const head = await json_records_readHead(chunks);
        const first = head.trimStart().charAt(0);
        if (first === '')
            throw new types/* UsageError */.eb(`${path}: the file holds no records, only blank space; export the data again or check the path.`);
        if (first === '[' || (first === '{' && options.arrayKey !== undefined)) {
            const scanner = new JsonElementScanner(options.arrayKey);
            yield* scanElements(scanner, prepend(head, chunks));
            if (scanner.objectWithoutArray !== undefined) {
                // One pretty-printed record is not an export, whichever source: the same answer as for NDJSON below.
                throw new types/* UsageError */.eb(`${path}: line ${scanner.objectWithoutArray}: the object that starts here has no "${options.arrayKey}" array; give the array, or one object per line (NDJSON).`);
            }
            if (!scanner.isNdjson)
                return;
            // The first object was an ordinary one-line record without the key: plain NDJSON.
            stream.destroy();
            yield* readNdjson(path, await (0,byte_stream/* openByteStream */.LY)(path, options));
            return;
        }
        if (first === '{') {
            yield* ndjsonRecords(path, prepend(head, chunks));
            return;
        }
        throw new types/* UsageError */.eb(`${path}: not JSON or NDJSON (a JSON export starts with [ or {); check that this is the right file and that it is not encrypted.`);
    }
    finally {
        stream.destroy();
    }
}
/** Reads until the first character that is not blank space, dropping a UTF-8 byte order mark. */
async function json_records_readHead(chunks) {
    let head = '';
    for (;;) {
        const next = await chunks.next();
        if (next.done)
            return head;
        head += next.value;
        if (head.startsWith(BOM))
            head = head.slice(BOM.length);
        if (head.trimStart() !== '')
            return head;
    }
}
async function* prepend(head, rest) {
    yield head;
    for (;;) {
        const next = await rest.next();
        if (next.done)
            return;
        yield next.value;
    }
}
async function* scanElements(scanner, chunks) {
    for await (const chunk of chunks) {
        const batch = scanner.push(chunk);
        if (batch.length > 0)
            yield batch;
        if (scanner.stopped)
            return;
    }
    const last = scanner.end();
    if (last.length > 0)
        yield last;
}
async function* readNdjson(path, stream) {
    try {
        stream.setEncoding('utf8');
        yield* ndjsonRecords(path, withoutBom(stream));
    }
    finally {
        stream.destroy();
    }
}
async function* withoutBom(chunks) {
    let first = true;
    for await (const chunk of chunks) {
        yield first && chunk.startsWith(BOM) ? chunk.slice(BOM.length) : chunk;
        first = false;
    }
}
async function* ndjsonRecords(path, chunks) {
    let first = true;
    const { lineLength } = (0,limits/* inputLimits */.Pg)();
    for await (const lines of splitLineBatches(chunks, lineLength)) {
        const batch = [];
        for (const { text, line, tooLong } of lines) {
            if (tooLong !== undefined) {
                first = false;
                batch.push({
                    ok: false,
                    line,
                    message: `The line has ${tooLong} characters, more than the limit of ${lineLength}; ${(0,limits/* raiseHint */.AI)('lineLength')}.`,
                });
                continue;
            }
            if (isBlank(text))
                continue;
            // Pretty-printed objects one after another (`jq '.[]'` without -c) would otherwise give
            // one parse error per line of the file.
            if (first && text.trim() === '{') {
                // Nothing came before it but blank lines: the batch is empty, no record is lost by throwing here.
                throw new types/* UsageError */.eb(`${path}: the first object spans several lines, so this is not NDJSON (one object per line); convert it with \`jq -c\` or give a JSON array.`);
            }
            first = false;
            batch.push(parseJsonText(text, { line, column: 1 }));
        }
        if (batch.length > 0)
            yield batch;
    }
}
/** `text.trim() === ''` without building the trimmed copy: a record line starts with `{`, which settles it at once. */
function isBlank(text) {
    const c = text.charCodeAt(0);
    if (c === 123 /* { */)
        return false;
    return text.trim() === '';
}

;// CONCATENATED MODULE: ./build/sources/organization-files.js



// Organization files, the same for every source: reading their objects, and reporting an
// organization or a member that cannot be imported (each counted once, with its line).
const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
function organizationProblem(location, sourceId, code, message, field) {
    return {
        kind: 'problem',
        problem: {
            entity: 'organization',
            ...(sourceId ? { sourceId } : {}),
            location,
            ...(field ? { field } : {}),
            code,
            message,
            severity: 'error',
        },
    };
}
function membershipBase(location, organizationSourceId, userSourceId, field) {
    // The same key the planner gives a membership (`<organization>:<user>`), when both are known.
    const sourceId = organizationSourceId && userSourceId ? (0,types/* membershipKey */.UB)(organizationSourceId, userSourceId) : undefined;
    return { entity: 'membership', ...(sourceId ? { sourceId } : {}), location, field };
}
function membershipProblem(location, organizationSourceId, userSourceId, code, message, field) {
    return {
        kind: 'problem',
        problem: {
            ...membershipBase(location, organizationSourceId, userSourceId, field),
            code,
            message,
            severity: 'error',
        },
    };
}
/**
 * The organization objects of a JSON file (an array, NDJSON, or an object wrapping the array
 * under `arrayKey`), with a problem in their place for each line that is not JSON or not an object.
 */
async function* readOrganizationObjects(path, arrayKey) {
    for await (const item of readJsonRecords(path, { arrayKey })) {
        const location = { file: path, line: item.line };
        if (!item.ok) {
            const at = item.column !== undefined ? { ...location, column: item.column } : location;
            yield organizationProblem(at, undefined, 'invalid_json', item.message);
            continue;
        }
        const value = item.value;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            yield organizationProblem(location, undefined, 'invalid_record', `Each organization must be a JSON object; this record is ${describeType(value)}.`);
            continue;
        }
        const raw = value;
        const id = typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : undefined;
        yield { kind: 'object', raw, location, ...(id ? { id } : {}) };
    }
}

;// CONCATENATED MODULE: ./build/sources/auth0/organizations.js






// Auth0 has no organization export: people build this file from the Management API
// (GET /api/v2/organizations, then each organization's members and their roles):
// `{"organizations":[{id, name, display_name, metadata, members:[{user_id, roles:[{id,name}]}]}]}`,
// or the same array bare, or one organization a line.
const organizations_text = schemas/* string */.YjP().nullish();
const Auth0OrganizationSchema = schemas/* looseObject */._H3({
    id: organizations_text,
    name: organizations_text,
    display_name: organizations_text,
    metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
    members: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish(),
});
const Auth0MemberSchema = schemas/* looseObject */._H3({
    user_id: organizations_text,
    roles: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* looseObject */._H3({ id: organizations_text, name: organizations_text })])).nullish(),
});
const FIELD_EXPECTATIONS = {
    metadata: 'an object',
    members: 'an array of member objects',
};
/**
 * Auth0 organizations and their members as canonical items. The organization's WorkOS name is
 * its `display_name` (Auth0's `name` is a slug, kept as metadata `auth0_name`); domains come
 * from `metadata.domains` (an array, or one comma-separated string, since Auth0 metadata
 * values are strings). Member roles go through the config's role map by name, then id.
 */
async function* readAuth0Organizations(options) {
    const { path, config } = options;
    for await (const item of readOrganizationObjects(path, 'organizations')) {
        if (item.kind !== 'object') {
            yield item;
            continue;
        }
        const { raw, location, id } = item;
        const parsed = Auth0OrganizationSchema.safeParse(raw);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = issue.path.map(String).join('.');
            const expected = ownValue(FIELD_EXPECTATIONS, String(issue.path[0])) ?? 'a string';
            yield* invalidOrganization(location, id, 'invalid_field_type', `The field ${field} must be ${expected}.`, field, Array.isArray(raw.members) ? raw.members : []);
            continue;
        }
        const org = parsed.data;
        const members = org.members ?? [];
        if (!id) {
            yield* invalidOrganization(location, undefined, 'missing_organization_id', 'The organization has no id; it becomes the WorkOS external id, so it is required.', 'id', members);
            continue;
        }
        const slug = org.name?.trim();
        const name = org.display_name?.trim() || slug;
        if (!name) {
            yield* invalidOrganization(location, id, 'missing_name', 'The organization has neither display_name nor name; WorkOS requires a name.', 'display_name', members);
            continue;
        }
        const domains = metadataDomains(org.metadata?.domains);
        if (!domains.ok) {
            yield* invalidOrganization(location, id, 'invalid_domain', domains.message, 'metadata.domains', members);
            continue;
        }
        const metadata = checkMetadata({
            ...(slug ? { auth0_name: slug } : {}),
            ...pickMetadataFields(raw, config.metadata.organizations),
        });
        if (!metadata.ok) {
            yield* invalidOrganization(location, id, metadata.code, metadata.message, metadata.field, members);
            continue;
        }
        yield {
            kind: 'organization',
            record: { sourceId: id, name, domains: domains.domains, metadata: metadata.metadata, location },
        };
        for (const [i, entry] of members.entries())
            yield* auth0Membership(entry, i, id, location, config);
    }
}
function auth0Membership(entry, index, organizationSourceId, location, config) {
    const field = `members[${index}]`;
    const parsed = Auth0MemberSchema.safeParse(entry);
    if (!parsed.success) {
        return [
            membershipProblem(location, organizationSourceId, undefined, 'invalid_membership', `The member must be an object with a user_id and optional roles; this one is ${describeType(entry)} or has a field of the wrong type.`, field),
        ];
    }
    const userSourceId = parsed.data.user_id?.trim();
    if (!userSourceId) {
        return [
            membershipProblem(location, organizationSourceId, undefined, 'missing_user_id', 'The member has no user_id, so it names no user.', `${field}.user_id`),
        ];
    }
    const items = [];
    const roles = new Set();
    for (const [r, role] of (parsed.data.roles ?? []).entries()) {
        const source = typeof role === 'string'
            ? { name: role }
            : { ...(role.id ? { id: role.id } : {}), ...(role.name ? { name: role.name } : {}) };
        const mapped = mapAuth0Role(source, config);
        if (mapped.slug !== undefined) {
            roles.add(mapped.slug);
            continue;
        }
        items.push({
            kind: 'problem',
            problem: {
                ...membershipBase(location, organizationSourceId, userSourceId, `${field}.roles[${r}]`),
                code: 'default_role',
                message: `Role ${r + 1} of the member has no name to derive a WorkOS role slug from; map its id in the config's roles. Without another role the membership gets the environment's default role (member unless changed).`,
                severity: 'warning',
            },
        });
    }
    const record = { organizationSourceId, userSourceId, roles: [...roles], location };
    items.push({ kind: 'membership', record });
    return items;
}
function metadataDomains(value) {
    if (value === undefined || value === null || value === '')
        return { ok: true, domains: [] };
    let list;
    if (typeof value === 'string')
        list = value.split(',');
    else if (Array.isArray(value))
        list = value;
    else
        return {
            ok: false,
            message: `metadata.domains must be an array of domain names or one comma-separated string, not ${describeType(value)}.`,
        };
    const domains = [];
    for (const [i, entry] of list.entries()) {
        const domain = typeof entry === 'string' ? entry.trim().toLowerCase() : '';
        if (domain === '' && typeof value === 'string')
            continue;
        if (!DOMAIN_NAME.test(domain))
            return { ok: false, message: `Domain ${i + 1} in metadata.domains is not a domain name (like example.com).` };
        domains.push(domain);
    }
    return { ok: true, domains };
}
/** The organization's error, then one error for each of its members: none can be imported. */
function* invalidOrganization(location, sourceId, code, message, field, members) {
    yield organizationProblem(location, sourceId, code, message, field);
    for (const [i, entry] of members.entries()) {
        const parsed = Auth0MemberSchema.safeParse(entry);
        const user = parsed.success ? parsed.data.user_id?.trim() || undefined : undefined;
        yield membershipProblem(location, sourceId, user, 'organization_not_imported', "The member belongs to an organization that is not imported (see that organization's problem).", `members[${i}]`);
    }
}

;// CONCATENATED MODULE: ./build/model/problems.js
/** A record that is not imported: the error every source reports the same way. */
function recordError(entity, location, sourceId, code, message, field) {
    return {
        entity,
        ...(sourceId !== undefined ? { sourceId } : {}),
        location,
        ...(field !== undefined ? { field } : {}),
        code,
        message,
        severity: 'error',
    };
}
/** The value at a zod issue's path, to say what a wrong field actually held. */
function valueAtIssuePath(root, path) {
    let current = root;
    for (const part of path) {
        if (typeof current !== 'object' || current === null)
            return undefined;
        current = current[part];
    }
    return current;
}

;// CONCATENATED MODULE: ./build/sources/auth0/schema.js


// Auth0's bulk user export (NDJSON, one user a line) and the older import/export extension,
// which writes the same fields under capitalised labels (`Email Verified`). Unknown keys are
// kept and ignored: exports carry many fields we do not read (picture, logins_count, …).
// Fields we do read are typed strictly, so a wrong type is reported with the field's name.
/** Auth0 writes booleans; the extension's CSV-to-JSON conversions sometimes write "true"/"false". */
const flag = schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* enum */.k5n(['true', 'false']).transform((v) => v === 'true')]);
const schema_text = schemas/* string */.YjP().nullish();
const objectOf = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
const Auth0IdentitySchema = schemas/* looseObject */._H3({
    connection: schema_text,
    provider: schema_text,
    // GitHub and some other providers have numeric ids in `identities[].user_id`.
    user_id: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).nullish(),
    isSocial: flag.nullish(),
});
const Auth0UserSchema = schemas/* looseObject */._H3({
    user_id: schema_text,
    // Checked by normalizeEmail, which tells a missing email from a malformed one.
    email: schemas/* unknown */.L5J().optional(),
    email_verified: flag.nullish(),
    given_name: schema_text,
    family_name: schema_text,
    name: schema_text,
    nickname: schema_text,
    blocked: flag.nullish(),
    multifactor: schemas/* union */.KCZ([schemas/* array */.YOg(schemas/* string */.YjP()), schemas/* string */.YjP()]).nullish(),
    identities: schemas/* array */.YOg(Auth0IdentitySchema).nullish(),
    app_metadata: objectOf.nullish(),
    user_metadata: objectOf.nullish(),
    created_at: schema_text,
    last_login: schema_text,
    /** Only in the extension's format (`Connection`); the bulk export has `identities[]`. */
    connection: schema_text,
});
/** What a field must hold, for messages about a wrong type. */
const AUTH0_FIELD_EXPECTATIONS = {
    email_verified: 'true or false',
    blocked: 'true or false',
    isSocial: 'true or false',
    multifactor: 'a list of factor names',
    identities: 'a list of identity objects',
    app_metadata: 'an object',
    user_metadata: 'an object',
    user_id: 'a string',
};
const USER_FIELDS = new Set(Object.keys(Auth0UserSchema.shape));
const LEGACY_ALIASES = { id: 'user_id', 'user id': 'user_id' };
/**
 * Renames the extension's labels (`Id`, `Email Verified`, `Given Name`, …) to the bulk
 * export's field names. A key already present in canonical form wins over its label.
 */
function normalizeAuth0Keys(raw) {
    const value = emptyRecord();
    const originalKeys = new Map();
    for (const [key, v] of Object.entries(raw)) {
        if (USER_FIELDS.has(key))
            value[key] = v;
    }
    for (const [key, v] of Object.entries(raw)) {
        if (USER_FIELDS.has(key))
            continue;
        const canonical = canonicalAuth0Key(key);
        if (USER_FIELDS.has(canonical) && !Object.hasOwn(value, canonical)) {
            value[canonical] = v;
            originalKeys.set(canonical, key);
        }
        else if (!Object.hasOwn(value, key)) {
            value[key] = v;
        }
    }
    return { value, originalKeys };
}
/** The bulk export's name for a key of either format: `Email Verified` → `email_verified`, `Id` → `user_id`. */
function canonicalAuth0Key(key) {
    const known = canonicalKeys.get(key);
    if (known !== undefined)
        return known;
    const lower = key.trim().toLowerCase().replace(/\s+/g, ' ');
    const canonical = ownValue(LEGACY_ALIASES, lower) ?? lower.replace(/ /g, '_');
    // Every record of an export has the same few dozen keys; the cap keeps a hostile file with
    // a new key on every line from growing the cache.
    if (canonicalKeys.size < 1024)
        canonicalKeys.set(key, canonical);
    return canonical;
}
const canonicalKeys = new Map();
// The fast path. Nearly every record of a real export is well-formed and uses the bulk export's
// own field names; for those, hand-written type checks replace normalizeAuth0Keys and the zod
// parse (a third of the reading time), and the record itself stands for zod's output. Anything
// else (a label to rename, "true" written as text, a wrong type, a `__proto__` key) is left to
// the zod path, which alone words the problems. test/sources/auth0/fast-path.test.ts holds the
// two paths to the same answers.
// Every check accepts `undefined`, and no field is named like a property of Object.prototype:
// reading a field that is absent gives `undefined` and passes, as zod lets an absent optional
// field pass. The checks are written out field by field rather than driven by a table: called
// through a table they were not inlined, and cost more than the rest of the mapping.
function isAbsent(v) {
    return v === undefined || v === null;
}
function isText(v) {
    return v === undefined || v === null || typeof v === 'string';
}
/** A flag written as text ("true") is transformed by zod: left to it. */
function isFlag(v) {
    return v === undefined || v === null || typeof v === 'boolean';
}
/** A plain object that zod would copy key for key: no array, no `__proto__` key (zod drops it). */
function isCopyableObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, '__proto__');
}
/** zod outputs a copy of a metadata object; the object itself is equal to it. */
function isMetadata(v) {
    return isAbsent(v) || isCopyableObject(v);
}
function isMultifactor(v) {
    if (isText(v))
        return true;
    if (!Array.isArray(v))
        return false;
    for (const factor of v)
        if (typeof factor !== 'string')
            return false;
    return true;
}
function isIdentities(v) {
    if (isAbsent(v))
        return true;
    if (!Array.isArray(v))
        return false;
    for (const identity of v)
        if (!isIdentity(identity))
            return false;
    return true;
}
/** `Auth0IdentitySchema`, field by field. */
function isIdentity(v) {
    if (!isCopyableObject(v))
        return false;
    const id = v.user_id;
    return (isText(v.connection) &&
        isText(v.provider) &&
        (isText(id) || (typeof id === 'number' && Number.isFinite(id))) &&
        isFlag(v.isSocial));
}
/** `Auth0UserSchema`, field by field (`email` takes anything: normalizeEmail checks it). */
function isWellTypedUser(u) {
    return (isText(u.user_id) &&
        isFlag(u.email_verified) &&
        isText(u.given_name) &&
        isText(u.family_name) &&
        isText(u.name) &&
        isText(u.nickname) &&
        isFlag(u.blocked) &&
        isMultifactor(u.multifactor) &&
        isIdentities(u.identities) &&
        isMetadata(u.app_metadata) &&
        isMetadata(u.user_metadata) &&
        isText(u.created_at) &&
        isText(u.last_login) &&
        isText(u.connection));
}
/**
 * True when a user record is well-formed and already in the bulk export's field names: then
 * it is equal, value for value, to `Auth0UserSchema.safeParse(normalizeAuth0Keys(raw).value)`'s
 * output and may be used as it. Only the order of its keys can differ (zod puts its fields
 * first), and auth0MetadataFields, the one reader that walks the keys, walks them in zod's order.
 * False means the zod path must decide (see above), not that the record is invalid.
 */
function isCanonicalAuth0User(raw) {
    if (Object.hasOwn(raw, '__proto__'))
        return false;
    for (const key in raw) {
        const renamed = renamedField(key);
        // A label normalizeAuth0Keys would rename: the zod path keeps track of what the file called it.
        if (renamed !== undefined && !Object.hasOwn(raw, renamed))
            return false;
    }
    return isWellTypedUser(raw);
}
/** The field normalizeAuth0Keys may rename `key` to (`Email Verified` → `email_verified`), if any. */
function renamedField(key) {
    if (USER_FIELDS.has(key))
        return undefined;
    const canonical = canonicalAuth0Key(key);
    return USER_FIELDS.has(canonical) ? canonical : undefined;
}
/** The user's keys in the order zod outputs them: the schema's fields, then the others as they come. */
function auth0UserKeys(user) {
    const keys = USER_FIELD_ORDER.filter((field) => Object.hasOwn(user, field));
    for (const key of Object.keys(user))
        if (!USER_FIELDS.has(key))
            keys.push(key);
    return keys;
}
const USER_FIELD_ORDER = Object.keys(Auth0UserSchema.shape);
// The password-hash export from Auth0 support: MongoDB extended JSON, one row a line.
const mongoDate = schemas/* union */.KCZ([
    schemas/* string */.YjP(),
    schemas/* number */.aig(),
    schemas/* looseObject */._H3({ $date: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* looseObject */._H3({ $numberLong: schemas/* string */.YjP() })]) }),
]);
const Auth0PasswordRowSchema = schemas/* looseObject */._H3({
    _id: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* looseObject */._H3({ $oid: schemas/* string */.YjP() })]).nullish(),
    email: schema_text,
    passwordHash: schemas/* unknown */.L5J().optional(),
    password_set_date: mongoDate.nullish(),
    tenant: schema_text,
    connection: schema_text,
    alt_id: schema_text,
});
function isMongoDateValue(v) {
    return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}
function isMongoDateObject(v) {
    if (!isCopyableObject(v))
        return false;
    const date = v.$date;
    return isMongoDateValue(date) || (isCopyableObject(date) && typeof date.$numberLong === 'string');
}
/**
 * `Auth0PasswordRowSchema.safeParse`, with a fast path for the well-formed row: checked by hand,
 * and the row itself is the data. zod would output a copy with its fields first; the copy is
 * equal in every value (nothing in a password row is transformed), and nothing reads a row's
 * key order. A row that fails the check goes to zod, which words the problem.
 */
function parseAuth0PasswordRow(raw) {
    if (isWellFormedPasswordRow(raw))
        return { success: true, data: raw };
    return Auth0PasswordRowSchema.safeParse(raw);
}
/** `Auth0PasswordRowSchema`, field by field (`passwordHash` takes anything: checkPasswordHash checks it). */
function isWellFormedPasswordRow(raw) {
    const id = raw._id;
    const date = raw.password_set_date;
    return (!Object.hasOwn(raw, '__proto__') &&
        (isText(id) || (isCopyableObject(id) && typeof id.$oid === 'string')) &&
        isText(raw.email) &&
        (isAbsent(date) || isMongoDateValue(date) || isMongoDateObject(date)) &&
        isText(raw.tenant) &&
        isText(raw.connection) &&
        isText(raw.alt_id));
}
/** Some exports spell the id key `_ID`. */
function normalizePasswordRowKeys(raw) {
    if (raw._id === undefined && raw._ID !== undefined)
        return { ...raw, _id: raw._ID };
    return raw;
}
/** Milliseconds since the epoch, or -Infinity when the row has no usable date (it then loses every tie). */
function passwordSetTime(date) {
    if (date === undefined || date === null)
        return -Infinity;
    const inner = typeof date === 'object' ? date.$date : date;
    const value = typeof inner === 'object' ? Number(inner.$numberLong) : typeof inner === 'number' ? inner : Date.parse(inner);
    return Number.isFinite(value) ? value : -Infinity;
}
/** Formats a zod issue path as people write it: `identities[0].isSocial`. */
function schema_fieldPath(path, originalKeys) {
    let out = '';
    path.forEach((part, index) => {
        if (typeof part === 'number')
            out += `[${part}]`;
        else {
            const name = index === 0 ? (originalKeys?.get(String(part)) ?? String(part)) : String(part);
            out += out === '' ? name : `.${name}`;
        }
    });
    return out;
}

;// CONCATENATED MODULE: ./build/sources/auth0/map-user.js




/**
 * One Auth0 user as a canonical record: password not joined yet (`passwordGap: 'missing'`),
 * metadata empty until a metadata map picks fields (personal data stays out by default).
 */
function mapAuth0User(raw, location) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return problem(location, undefined, 'invalid_record', `Each user must be a JSON object; this record is ${describeType(raw)}.`);
    }
    const read = readAuth0User(raw, location);
    if (!read.ok)
        return read;
    const { user, originalKeys } = read;
    const label = (field) => originalKeys.get(field) ?? field;
    const userId = user.user_id?.trim();
    if (!userId) {
        return problem(location, undefined, 'missing_user_id', `The user has no ${label('user_id')}; it becomes the WorkOS external id, so it is required.`, label('user_id'));
    }
    const email = normalizeEmail(user.email);
    if (!email.ok)
        return problem(location, userId, email.code, email.message, label('email'));
    const record = {
        sourceId: userId,
        email: email.email,
        emailVerified: user.email_verified ?? false,
        ...names(user, email.email),
        passwordGap: 'missing',
        metadata: {},
        mfaFactors: mfaFactors(user.multifactor),
        socialProviders: socialProviders(user, userId),
        ...enterpriseField(user, userId),
        blocked: user.blocked ?? false,
        location,
    };
    return { ok: true, user, record, databaseConnections: databaseConnections(user, userId) };
}
const NO_RENAMED_KEYS = new Map();
/** The user's fields, typed: by the fast path when it can tell, else by the zod schema, which words the problem. */
function readAuth0User(raw, location) {
    if (isCanonicalAuth0User(raw))
        return { ok: true, user: raw, originalKeys: NO_RENAMED_KEYS };
    const { value, originalKeys } = normalizeAuth0Keys(raw);
    const parsed = Auth0UserSchema.safeParse(value);
    if (parsed.success)
        return { ok: true, user: parsed.data, originalKeys };
    const issue = parsed.error.issues[0];
    const field = schema_fieldPath(issue.path, originalKeys);
    const last = issue.path[issue.path.length - 1];
    const expected = ownValue(AUTH0_FIELD_EXPECTATIONS, String(last)) ??
        ('expected' in issue ? `a ${String(issue.expected)}` : 'a different type');
    const actual = describeType(valueAtIssuePath(value, issue.path));
    const sourceIdGuess = typeof value.user_id === 'string' ? value.user_id : undefined;
    return {
        ok: false,
        problem: recordError('user', location, sourceIdGuess, 'invalid_field_type', `The field ${field} must be ${expected}, not ${actual}.`, field),
    };
}
function problem(location, sourceId, code, message, field) {
    return { ok: false, problem: recordError('user', location, sourceId, code, message, field) };
}
function names(user, email) {
    const given = user.given_name?.trim() || undefined;
    const family = user.family_name?.trim() || undefined;
    if (given || family)
        return { ...(given ? { firstName: given } : {}), ...(family ? { lastName: family } : {}) };
    // Auth0 fills `name` with the email for database users; that is not a name.
    const name = user.name?.trim();
    if (!name || name.includes('@') || name.toLowerCase() === email.toLowerCase())
        return {};
    const [first, ...rest] = name.split(/\s+/);
    return { firstName: first, ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}) };
}
const MFA_FACTORS = {
    sms: 'sms',
    phone: 'sms',
    voice: 'sms',
    'google-authenticator': 'totp',
    otp: 'totp',
    totp: 'totp',
    guardian: 'push',
    'push-notification': 'push',
    email: 'email',
    'webauthn-roaming': 'webauthn',
    'webauthn-platform': 'webauthn',
};
function mfaFactors(multifactor) {
    if (multifactor === undefined || multifactor === null)
        return [];
    const names = typeof multifactor === 'string' ? [multifactor] : multifactor;
    const factors = names.map((name) => ownValue(MFA_FACTORS, name.trim().toLowerCase()) ?? 'other');
    return [...new Set(factors)];
}
/** Strategies whose user ids mark a social login even when the export has no `identities`. */
const SOCIAL_PREFIXES = ['google-oauth2', 'github', 'facebook', 'apple', 'windowslive', 'linkedin', 'twitter'];
function socialProviders(user, userId) {
    const providers = [];
    for (const identity of user.identities ?? []) {
        if (identity.isSocial && identity.provider)
            addOnce(providers, identity.provider);
    }
    const bar = userId.indexOf('|');
    if (bar >= 0) {
        const strategy = userId.slice(0, bar);
        if (SOCIAL_PREFIXES.includes(strategy))
            addOnce(providers, strategy);
    }
    return providers;
}
/**
 * Adds `item` unless the list has it: the order and uniqueness of `[...new Set(…)]`, without
 * a Set per user (these lists hold one or two names).
 */
function addOnce(list, item) {
    if (!list.includes(item))
        list.push(item);
}
/** Auth0 strategies of enterprise connections: their users need an SSO connection in WorkOS. */
const AUTH0_ENTERPRISE_STRATEGIES = ['samlp', 'waad', 'oidc', 'adfs', 'okta', 'google-apps'];
/** The user's first enterprise identity, from `identities[]` or else the `user_id` prefix. */
function enterpriseConnection(user, userId) {
    for (const identity of user.identities ?? []) {
        const strategy = identity.provider?.trim().toLowerCase();
        if (strategy && AUTH0_ENTERPRISE_STRATEGIES.includes(strategy)) {
            return { type: strategy, connection: identity.connection?.trim() || strategy };
        }
    }
    const strategy = userId.includes('|') ? userId.slice(0, userId.indexOf('|')).toLowerCase() : '';
    if (!AUTH0_ENTERPRISE_STRATEGIES.includes(strategy))
        return undefined;
    // SAML user ids are `samlp|<connection>|<id>`; other strategies name no connection there.
    const named = strategy === 'samlp' ? userId.split('|')[1] : undefined;
    return { type: strategy, connection: user.connection?.trim() || named || strategy };
}
function enterpriseField(user, userId) {
    const connection = enterpriseConnection(user, userId);
    return connection ? { enterpriseConnection: connection } : {};
}
function databaseConnections(user, userId) {
    const connections = [];
    for (const identity of user.identities ?? []) {
        if (identity.provider === 'auth0' && identity.connection)
            addOnce(connections, identity.connection);
    }
    if (connections.length === 0 && user.connection && userId.startsWith('auth0|'))
        connections.push(user.connection);
    return connections;
}
/**
 * The fields a metadata map may pick from, flat: `app_metadata.plan`,
 * `user_metadata.preferences.theme`, and the user's own top-level values (`created_at`,
 * `last_login`, `nickname`, …). Arrays are leaves. Nothing here is imported by default.
 */
function auth0MetadataFields(user) {
    const fields = emptyRecord();
    // In zod's order whatever the object's own: a top-level `app_metadata.plan` key must win over
    // the flattened one the same way for a record of the fast path as for one zod parsed.
    for (const key of auth0UserKeys(user)) {
        const value = user[key];
        if (key === 'identities')
            continue;
        if (key === 'app_metadata' || key === 'user_metadata') {
            if (isPlainObject(value))
                flatten(value, key, fields);
        }
        else if (value !== null && value !== undefined && typeof value !== 'object') {
            fields[key] = value;
        }
    }
    return fields;
}
/** Without recursion: readers cap nesting, but a stack overflow must not be one limit away. */
function flatten(object, prefix, into) {
    const stack = [[object, prefix]];
    while (stack.length > 0) {
        const [current, path] = stack.pop();
        for (const [key, value] of Object.entries(current)) {
            if (isPlainObject(value))
                stack.push([value, `${path}.${key}`]);
            else
                into[`${path}.${key}`] = value;
        }
    }
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./build/sources/auth0/passwords.js














/**
 * The Auth0 password-hash export (from Auth0 support), held as compact rows keyed for the join
 * of DESIGN §4: `user_id = "auth0|" + (alt_id ?? _id.$oid)`, else email (compared
 * case-insensitively) and database connection. The user export is streamed past it, and joins
 * rows in whatever order the two files list them, so what a join reads (the id, to check a
 * match, and the hash) is held in memory: hashes in a fixed 60-byte column, ids and emails as
 * UTF-8, about 150 bytes a row in all. Every part is a typed array, so the index can be built
 * on another thread and handed over whole (`toParts`).
 */
class Auth0PasswordIndex {
    file;
    /** Per row, the id after `auth0|` ('' for none). */
    ids;
    /** Per row, the hash when it passed the bcrypt shape check, else empty. */
    hashes;
    /** Per row, the email key ('' for none): read only to build the email index. */
    emails;
    setAt;
    lines;
    /** Index into `connectionNames`, or -1. */
    connections;
    /** 1 once joined to a user or set aside as an older duplicate: no longer reported as unmatched. */
    settled;
    connectionNames = [];
    connectionIds = new Map();
    byUserId;
    /** Built on the first join by email: most exports join every row by id, and never need it. */
    byEmail;
    /**
     * An empty index (`expectedRows` sizes the id index and the hash column up front: a guess
     * from the file's size is enough), or the one `parts` describe.
     */
    constructor(file, expectedRows, parts) {
        this.file = file;
        this.ids = parts ? MemoryStringColumn.fromParts(parts.ids) : new MemoryStringColumn();
        this.hashes = parts ? FixedWidthColumn.fromParts(parts.hashes) : new FixedWidthColumn(BCRYPT_LENGTH, expectedRows);
        this.emails = parts ? MemoryStringColumn.fromParts(parts.emails) : new MemoryStringColumn();
        this.setAt = parts ? NumberColumn.fromParts(Float64Array, parts.setAt) : new NumberColumn(Float64Array);
        this.lines = parts ? NumberColumn.fromParts(Uint32Array, parts.lines) : new NumberColumn(Uint32Array);
        this.connections = parts ? NumberColumn.fromParts(Int32Array, parts.connections) : new NumberColumn(Int32Array);
        this.settled = parts ? NumberColumn.fromParts(Uint8Array, parts.settled) : new NumberColumn(Uint8Array);
        for (const name of parts?.connectionNames ?? [])
            this.connectionId(name);
        const keyOf = (row) => this.userIdOf(row);
        this.byUserId = parts ? KeyIndex.fromParts(keyOf, parts.byUserId) : new KeyIndex(keyOf, expectedRows);
    }
    /** The index as plain data, for postMessage (`buffersOf` finds the buffers to move). */
    toParts() {
        return {
            file: this.file,
            ids: this.ids.toParts(),
            hashes: this.hashes.toParts(),
            emails: this.emails.toParts(),
            setAt: this.setAt.toParts(),
            lines: this.lines.toParts(),
            connections: this.connections.toParts(),
            settled: this.settled.toParts(),
            connectionNames: this.connectionNames,
            byUserId: this.byUserId.toParts(),
        };
    }
    /** The index `toParts` described, on this thread. */
    static fromParts(parts) {
        return new Auth0PasswordIndex(parts.file, 0, parts);
    }
    /** Adds a row; returns the problem when it replaces (or loses to) a row for the same user. */
    add(row) {
        const index = this.ids.push(row.userId?.slice(AUTH0_PREFIX.length) ?? '');
        this.hashes.pushLatin1(row.hash ?? '');
        this.emails.push(row.emailKey ?? '');
        this.setAt.push(row.setAt);
        this.lines.push(row.line);
        this.connections.push(row.connection === undefined ? -1 : this.connectionId(row.connection));
        this.settled.push(0);
        if (row.emailKey)
            this.byEmail?.add(row.emailKey, index);
        if (!row.userId)
            return undefined;
        const existing = this.byUserId.addIfAbsent(row.userId, index);
        if (existing < 0)
            return undefined;
        const [kept, dropped] = row.setAt > this.setAt.get(existing) ? [index, existing] : [existing, index];
        this.byUserId.replace(row.userId, kept);
        this.settled.set(dropped, 1);
        return duplicateWarning(this.file, row.userId, this.lines.get(dropped), this.lines.get(kept));
    }
    /**
     * The password for one user, by id first, then by email and connection. A row joins at most
     * one user. Without any connection in the export, an `auth0|` user joins by email alone when
     * exactly one unjoined row has that email.
     */
    join(query) {
        let row = this.byUserId.first(query.userId);
        const problems = [];
        if (row >= 0 && this.settled.get(row) === 1)
            row = -1;
        // Only a user of a database connection (or, without connections, an auth0| user) can join by email.
        const byEmail = query.databaseConnections.length > 0 || query.userId.startsWith(AUTH0_PREFIX);
        if (row < 0 && query.email && byEmail) {
            const candidates = this.emailIndex()
                .rows(query.email.toLowerCase())
                .filter((r) => this.settled.get(r) === 0);
            const matching = query.databaseConnections.length > 0
                ? candidates.filter((r) => {
                    const connection = this.connections.get(r);
                    return connection >= 0 && query.databaseConnections.includes(this.connectionNames[connection]);
                })
                : candidates.length === 1
                    ? candidates
                    : [];
            matching.sort((a, b) => this.setAt.get(b) - this.setAt.get(a));
            row = matching[0] ?? -1;
            for (const older of matching.slice(1)) {
                this.settled.set(older, 1);
                problems.push(duplicateWarning(this.file, query.userId, this.lines.get(older), this.lines.get(row)));
            }
        }
        if (row < 0)
            return { passwordGap: 'missing', problems };
        this.settled.set(row, 1);
        // A row whose hash failed the shape check was reported when it was read; the user still
        // had a password in Auth0, which cannot move: count it as unsupported, not missing.
        const hash = this.hashes.latin1(row);
        if (hash === '')
            return { passwordGap: 'unsupported', problems };
        return { password: { type: 'bcrypt', hash }, passwordGap: 'none', problems };
    }
    /** Marks the row of a user that was itself invalid, so it is not reported as unmatched too. */
    settle(userId) {
        const row = this.byUserId.first(userId);
        if (row >= 0)
            this.settled.set(row, 1);
    }
    /** Rows no user joined, as warnings: they may point at users missing from the user export. */
    unmatched() {
        const problems = [];
        for (let row = 0; row < this.ids.length; row++) {
            if (this.settled.get(row) === 1)
                continue;
            const userId = this.userIdOf(row);
            problems.push({
                entity: 'password',
                ...(userId ? { sourceId: userId } : {}),
                location: { file: this.file, line: this.lines.get(row) },
                code: 'password_unmatched',
                message: userId
                    ? 'This password row matches no user in the user export (by id, or by email and connection); check that both files come from the same tenant.'
                    : 'This password row has no _id and matches no user by email and connection; check that both files come from the same tenant.',
                severity: 'warning',
            });
        }
        return problems;
    }
    emailIndex() {
        if (!this.byEmail) {
            this.byEmail = new KeyIndex((row) => this.emails.get(row));
            for (let row = 0; row < this.emails.length; row++) {
                const email = this.emails.get(row);
                if (email)
                    this.byEmail.add(email, row);
            }
        }
        return this.byEmail;
    }
    /** The user id a row was added under ('' for none). */
    userIdOf(row) {
        const id = this.ids.get(row);
        return id === '' ? '' : AUTH0_PREFIX + id;
    }
    connectionId(name) {
        let id = this.connectionIds.get(name);
        if (id === undefined) {
            id = this.connectionNames.push(name) - 1;
            this.connectionIds.set(name, id);
        }
        return id;
    }
}
const AUTH0_PREFIX = 'auth0|';
/** A bcrypt hash that passed the shape check: `$2b$10$` and 53 characters. */
const BCRYPT_LENGTH = 60;
function duplicateWarning(file, userId, droppedLine, keptLine) {
    return {
        entity: 'password',
        sourceId: userId,
        location: { file, line: droppedLine },
        code: 'password_duplicate',
        message: `This user has another password row (line ${keptLine}) with a newer password_set_date; this older row is ignored.`,
        severity: 'warning',
    };
}
/** Reads the whole password file into an index. Hashes are kept only in memory, never in a problem. */
async function loadAuth0Passwords(path) {
    const index = new Auth0PasswordIndex(path, (0,file_kind/* estimatedRecords */.Ji)(path, 250));
    const problems = [];
    const report = (line, code, message, extra = {}) => problems.push({ entity: 'password', location: { file: path, line }, code, message, severity: 'error', ...extra });
    for await (const item of readJsonRecords(path)) {
        if (!item.ok) {
            report(item.line, 'invalid_json', item.message, item.column !== undefined ? { location: { file: path, line: item.line, column: item.column } } : {});
            continue;
        }
        if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)) {
            report(item.line, 'invalid_record', `Each password row must be a JSON object; this one is ${describeType(item.value)}.`);
            continue;
        }
        const parsed = parseAuth0PasswordRow(normalizePasswordRowKeys(item.value));
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = schema_fieldPath(issue.path);
            report(item.line, 'invalid_field_type', `The field ${field} of this password row has the wrong type.`, { field });
            continue;
        }
        const row = parsed.data;
        const oid = typeof row._id === 'string' ? row._id : row._id?.$oid;
        const id = row.alt_id?.trim() || oid?.trim();
        const userId = id ? `auth0|${id}` : undefined;
        const email = row.email?.trim();
        const check = checkPasswordHash('bcrypt', row.passwordHash);
        if (!check.ok) {
            report(item.line, check.code, check.message, { field: 'passwordHash', ...(userId ? { sourceId: userId } : {}) });
        }
        const duplicate = index.add({
            userId,
            emailKey: email ? email.toLowerCase() : undefined,
            connection: row.connection?.trim() || undefined,
            hash: check.ok ? row.passwordHash : undefined,
            setAt: passwordSetTime(row.password_set_date),
            line: item.line,
        });
        if (duplicate)
            problems.push(duplicate);
    }
    return { index, problems };
}
/**
 * Starts reading the password file on a worker thread, where the bundle ships one (the main
 * thread reads the user export meanwhile: on two cores the file costs next to nothing), else
 * on this thread, interleaved with the user export.
 */
function loadAuth0PasswordsInBackground(path) {
    const script = passwordWorkerScript();
    // A small file is read here: a thread takes longer to start than the file to read.
    if (script === undefined || (0,file_kind/* contentBytes */.dW)(path) < WORKER_MIN_BYTES)
        return tracked(loadAuth0Passwords(path), () => { });
    const input = { path, limits: { ...(0,limits/* inputLimits */.Pg)() } };
    const worker = new external_node_worker_threads_.Worker(script, { workerData: input });
    const result = new Promise((resolve, reject) => {
        worker.on('message', (message) => {
            if (message.kind === 'read')
                (0,byte_stream/* reportBytesRead */.e1)(message.file, message.bytes, message.size);
            else if (message.kind === 'done')
                resolve({ index: Auth0PasswordIndex.fromParts(message.parts), problems: message.problems });
            else
                reject(message.usage ? new types/* UsageError */.eb(message.message) : new Error(message.message));
        });
        worker.on('error', reject);
        // After a message settled it, this changes nothing.
        worker.on('exit', (code) => reject(new Error(`${path}: the thread reading the password file stopped (exit code ${code}); run again.`)));
    });
    return tracked(result, () => void worker.terminate());
}
/** Below this much text (unpacked) the password file is read on the main thread. */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
function tracked(result, cancel) {
    const load = { settled: false, result, cancel };
    const settle = () => {
        load.settled = true;
    };
    result.then(settle, settle);
    return load;
}
/**
 * The worker's bundle, beside the one running (dist/cli/, dist/main/ → dist/password-worker/);
 * undefined when running from source (the tests), where the file is read on this thread.
 */
function passwordWorkerScript() {
    const script = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', 'password-worker', 'index.js');
    return (0,external_node_fs_.existsSync)(script) ? script : undefined;
}

;// CONCATENATED MODULE: ./build/sources/auth0/users.js







/**
 * Every user of an Auth0 export as a canonical record, with its bcrypt hash joined when a
 * password file is given. Yields, in order: problems of the password file, then each user (or
 * the problem that keeps it out), then the password rows that joined no user. Blocked users
 * are yielded like any other (`blocked: true`); the planner applies the policy.
 */
async function* readAuth0Users(options) {
    for await (const batch of readAuth0UserBatches(options))
        yield* batch;
}
/**
 * readAuth0Users, a batch at a time (one per chunk of the file): a step of an async generator
 * costs more than mapping a user, so a million users should not take three million steps.
 *
 * The password file is read in the background (a worker thread) while the user export is read
 * and mapped here; users mapped before the password index is ready wait, encoded in a spilled
 * column, and are joined first, in order, once it is. So the output is the same as reading the
 * password file first, in about the time of the longer of the two.
 */
async function* readAuth0UserBatches(options, startLoad = loadAuth0PasswordsInBackground) {
    const loading = options.passwordsPath === undefined ? undefined : startLoad(options.passwordsPath);
    // Users mapped while the password file loads, as batches of rows, to join once it has.
    const waiting = new StringColumn();
    try {
        const file = options.usersPath;
        const metadataMap = options.metadataMap && Object.keys(options.metadataMap).length > 0 ? options.metadataMap : undefined;
        let passwords;
        // The password problems come first, then the users that waited, in order.
        async function* whenLoaded() {
            passwords = await loading.result;
            if (passwords.problems.length > 0)
                yield passwords.problems.map((problem) => ({ kind: 'problem', problem }));
            for (let row = 0; row < waiting.length; row++)
                yield joined(unpackWaiting(waiting.get(row), file), passwords);
            waiting.close();
        }
        for await (const batch of readJsonRecordBatches(file)) {
            const mapped = mapBatch(batch, file, metadataMap);
            if (loading && !passwords) {
                if (!loading.settled) {
                    waiting.push(packWaiting(mapped));
                    continue;
                }
                yield* nonEmpty(whenLoaded());
            }
            const items = joined(mapped, passwords);
            if (items.length > 0)
                yield items;
        }
        if (loading && !passwords)
            yield* nonEmpty(whenLoaded());
        const unmatched = passwords?.index.unmatched() ?? [];
        if (unmatched.length > 0)
            yield unmatched.map((problem) => ({ kind: 'problem', problem }));
    }
    finally {
        loading?.cancel();
        waiting.close();
    }
}
function mapBatch(batch, file, metadataMap) {
    const items = [];
    for (const item of batch) {
        if (!item.ok) {
            const location = {
                file,
                line: item.line,
                ...(item.column !== undefined ? { column: item.column } : {}),
            };
            items.push({
                item: {
                    kind: 'problem',
                    problem: { entity: 'user', location, code: 'invalid_json', message: item.message, severity: 'error' },
                },
            });
            continue;
        }
        const mapped = mapAuth0User(item.value, { file, line: item.line });
        if (!mapped.ok) {
            items.push({
                item: { kind: 'problem', problem: mapped.problem },
                ...(mapped.problem.sourceId ? { settle: mapped.problem.sourceId } : {}),
            });
            continue;
        }
        const record = mapped.record;
        if (metadataMap) {
            const metadata = checkMetadata(pickMetadataFields(auth0MetadataFields(mapped.user), metadataMap));
            if (!metadata.ok) {
                items.push({
                    item: {
                        kind: 'problem',
                        problem: {
                            entity: 'user',
                            sourceId: record.sourceId,
                            location: record.location,
                            field: metadata.field,
                            code: metadata.code,
                            message: metadata.message,
                            severity: 'error',
                        },
                    },
                    settle: record.sourceId,
                });
                continue;
            }
            record.metadata = metadata.metadata;
        }
        items.push({ item: { kind: 'user', record }, connections: mapped.databaseConnections });
    }
    return items;
}
/** The batch's items with each user's password joined (each join's problems just before it). */
function joined(batch, passwords) {
    if (!passwords)
        return batch.map(({ item }) => item);
    const items = [];
    for (const { item, connections, settle } of batch) {
        if (settle !== undefined)
            passwords.index.settle(settle);
        if (item.kind === 'user') {
            const record = item.record;
            const join = passwords.index.join({
                userId: record.sourceId,
                email: record.email,
                databaseConnections: connections ?? [],
            });
            record.passwordGap = join.passwordGap;
            if (join.password)
                record.password = join.password;
            for (const problem of join.problems)
                items.push({ kind: 'problem', problem });
        }
        items.push(item);
    }
    return items;
}
/**
 * A batch of mapped items as JSON, users as record rows (arrays, no key names): half the text
 * of the objects, and half the time to parse back.
 */
function packWaiting(batch) {
    return JSON.stringify(batch.map(({ item, connections, settle }) => item.kind === 'user' ? [recordRow(item.record, 0), connections ?? []] : [item, settle ?? null]));
}
function unpackWaiting(text, file) {
    const files = [file];
    return JSON.parse(text).map(([first, second]) => Array.isArray(first)
        ? { item: { kind: 'user', record: recordFromRow(first, files) }, connections: second }
        : { item: first, ...(second === null ? {} : { settle: second }) });
}
async function* nonEmpty(batches) {
    for await (const batch of batches)
        if (batch.length > 0)
            yield batch;
}

;// CONCATENATED MODULE: ./build/sources/clerk/organizations.js







// Clerk has no organization export: people save Backend API objects, either collected under
// `organizations` (with each organization's memberships) or as the API's own pages,
// `{"data":[…],"total_count":n}`, one or several, or a bare array.
const clerk_organizations_text = schemas/* string */.YjP().nullish();
const ClerkOrganizationSchema = schemas/* looseObject */._H3({
    id: clerk_organizations_text,
    name: clerk_organizations_text,
    slug: clerk_organizations_text,
    public_metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
    private_metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
    domains: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* looseObject */._H3({ name: clerk_organizations_text })])).nullish(),
    memberships: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish(),
});
const ClerkMembershipSchema = schemas/* looseObject */._H3({
    role: clerk_organizations_text,
    user_id: clerk_organizations_text,
    public_user_data: schemas/* looseObject */._H3({ user_id: clerk_organizations_text }).nullish(),
});
const organizations_FIELD_EXPECTATIONS = {
    public_metadata: 'an object',
    private_metadata: 'an object',
    domains: 'an array of domain names',
    memberships: 'an array of membership objects',
};
/**
 * Clerk organizations and their memberships as canonical items. Roles `org:<key>` go through
 * the config's role map (by default `org:` is stripped). Memberships point at the line of
 * their organization, with the field naming the entry (`memberships[2]`).
 */
async function* readClerkOrganizations(options) {
    const { path, config } = options;
    const arrayKey = await wrapperKey(path);
    for await (const item of readOrganizationObjects(path, arrayKey)) {
        if (item.kind !== 'object') {
            yield item;
            continue;
        }
        const { raw, location, id: guessedId } = item;
        const parsed = ClerkOrganizationSchema.safeParse(raw);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = issue.path.map(String).join('.');
            const expected = ownValue(organizations_FIELD_EXPECTATIONS, String(issue.path[0])) ?? 'a string';
            yield* organizations_invalidOrganization(location, guessedId, 'invalid_field_type', `The field ${field} must be ${expected}.`, field, membersOf(raw));
            continue;
        }
        const org = parsed.data;
        const members = org.memberships ?? [];
        if (!guessedId) {
            yield* organizations_invalidOrganization(location, undefined, 'missing_organization_id', 'The organization has no id; it becomes the WorkOS external id, so it is required.', 'id', members);
            continue;
        }
        const name = org.name?.trim();
        if (!name) {
            yield* organizations_invalidOrganization(location, guessedId, 'missing_name', 'The organization has no name; WorkOS requires one.', 'name', members);
            continue;
        }
        const domains = domainNames((org.domains ?? []).map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? ''))));
        if (!domains.ok) {
            yield* organizations_invalidOrganization(location, guessedId, 'invalid_domain', `Domain ${domains.index + 1} of the organization is not a domain name (like example.com).`, `domains[${domains.index}]`, members);
            continue;
        }
        const slug = org.slug?.trim();
        const metadata = checkMetadata({
            ...(slug ? { clerk_slug: slug } : {}),
            ...pickMetadataFields(raw, config.metadata.organizations),
        });
        if (!metadata.ok) {
            yield* organizations_invalidOrganization(location, guessedId, metadata.code, metadata.message, metadata.field, members);
            continue;
        }
        yield {
            kind: 'organization',
            record: { sourceId: guessedId, name, domains: domains.domains, metadata: metadata.metadata, location },
        };
        for (const [i, entry] of members.entries())
            yield* clerkMembership(entry, i, guessedId, location, config);
    }
}
function clerkMembership(entry, index, organizationSourceId, location, config) {
    const field = `memberships[${index}]`;
    const parsed = ClerkMembershipSchema.safeParse(entry);
    if (!parsed.success) {
        return [
            membershipProblem(location, organizationSourceId, undefined, 'invalid_membership', `The membership must be an object with a role and public_user_data.user_id; this one is ${describeType(entry)} or has a field of the wrong type.`, field),
        ];
    }
    const userSourceId = (parsed.data.public_user_data?.user_id ?? parsed.data.user_id)?.trim();
    if (!userSourceId) {
        return [
            membershipProblem(location, organizationSourceId, undefined, 'missing_user_id', 'The membership has no public_user_data.user_id, so it names no user.', `${field}.public_user_data.user_id`),
        ];
    }
    const items = [];
    const role = parsed.data.role?.trim();
    const mapped = role ? mapClerkRole(role, config) : { fromConfig: false };
    if (mapped.slug === undefined) {
        items.push({
            kind: 'problem',
            problem: {
                ...membershipBase(location, organizationSourceId, userSourceId, `${field}.role`),
                code: 'default_role',
                message: role
                    ? `The role ${role} maps to no WorkOS role slug; the membership gets the environment's default role (member unless changed). Map it in the config's roles.`
                    : "The membership has no role; it gets the environment's default role (member unless changed).",
                severity: 'warning',
            },
        });
    }
    const record = {
        organizationSourceId,
        userSourceId,
        roles: mapped.slug ? [mapped.slug] : [],
        location,
    };
    items.push({ kind: 'membership', record });
    return items;
}
/** The organization's error, then one error for each of its memberships: none can be imported. */
function* organizations_invalidOrganization(location, sourceId, code, message, field, members) {
    yield organizationProblem(location, sourceId, code, message, field);
    for (const [i, entry] of members.entries()) {
        const user = memberUserId(entry);
        yield membershipProblem(location, sourceId, user, 'organization_not_imported', "The membership belongs to an organization that is not imported (see that organization's problem).", `memberships[${i}]`);
    }
}
function membersOf(raw) {
    return Array.isArray(raw.memberships) ? raw.memberships : [];
}
function memberUserId(entry) {
    const parsed = ClerkMembershipSchema.safeParse(entry);
    if (!parsed.success)
        return undefined;
    return (parsed.data.public_user_data?.user_id ?? parsed.data.user_id)?.trim() || undefined;
}
/** Domain names, trimmed and lower-cased, or the index of the first one that is not a domain. */
function domainNames(values) {
    const domains = values.map((value) => value.trim().toLowerCase());
    const index = domains.findIndex((domain) => !DOMAIN_NAME.test(domain));
    return index < 0 ? { ok: true, domains } : { ok: false, index };
}
/**
 * Which key holds the organizations: `organizations` (our layout) or `data` (Backend API
 * pages). Decided by whichever of the two appears first in the file's opening bytes, before
 * any organization's own fields could.
 */
async function wrapperKey(path) {
    const match = /"(organizations|data)"\s*:\s*\[/.exec(await (0,byte_stream/* readTextHead */.q8)(path));
    return match ? match[1] : 'organizations';
}

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/index.js + 9 modules
var lib = __webpack_require__(56070);
;// CONCATENATED MODULE: ./build/io/csv.js






const LF = 0x0a;
const CR = 0x0d;
/**
 * The rows of a CSV file (gzipped or not), one at a time, keyed by its header row. A UTF-8
 * byte order mark, CRLF line ends, and quoted cells holding commas, quotes and line breaks are
 * all read as Excel and Clerk's dashboard write them.
 *
 * Each row carries the line it starts on. csv-parse counts the lines of a record by where it
 * ends, and counts a CRLF inside a quoted cell as two; so lines are counted here, from the
 * byte offset at which csv-parse says each record ends.
 *
 * A row that does not fit the header (a missing cell, an unquoted comma) is an `ok: false`
 * item with the line and the first column that does not fit, and the reading goes on.
 * Quotes inside an unquoted cell are kept as text (`relax_quotes`): csv-parse's own recovery
 * from a misplaced quote swallows the good rows after it.
 *
 * A quote that is never closed, or a row longer than the line-length limit, makes csv-parse
 * take in (or give up on) the rest of the file. That row is reported, and reading starts
 * again on the line after the one the row began on, so the rows after it are still read.
 */
async function* readCsvRecords(path, options = {}) {
    let from = { offset: 0, line: 1, skipLine: false };
    const state = {};
    for (;;) {
        const resume = yield* readCsvSegment(path, from, state, options);
        if (resume === undefined)
            return;
        from = resume;
    }
}
/** Errors after which csv-parse has taken in, or stopped reading, the rest of the file. */
const SWALLOWING = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_MAX_RECORD_SIZE']);
async function* readCsvSegment(path, from, state, options) {
    const stream = await (0,byte_stream/* openByteStream */.LY)(path, options);
    const { lineLength } = (0,limits/* inputLimits */.Pg)();
    const lines = new LineStarts(from.line);
    const skipped = [];
    const parser = (0,lib/* parse */.qg)({
        bom: true,
        info: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        max_record_size: lineLength,
        on_skip: (error) => {
            if (error)
                skipped.push(error);
        },
    });
    /** Absolute offset of the first byte the parser sees. */
    let base = from.offset;
    let toDrop = from.offset;
    let dropLine = from.skipLine;
    const scanner = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            if (toDrop > 0) {
                const n = Math.min(toDrop, chunk.length);
                toDrop -= n;
                chunk = chunk.subarray(n);
            }
            if (dropLine && chunk.length > 0) {
                const at = chunk.indexOf(LF);
                base += at < 0 ? chunk.length : at + 1;
                if (at < 0)
                    return callback();
                dropLine = false;
                chunk = chunk.subarray(at + 1);
            }
            lines.scan(chunk);
            callback(null, chunk);
        },
    });
    const piped = (0,external_node_stream_promises_.pipeline)(stream, scanner, parser);
    piped.catch(() => undefined);
    let recordEnd = 0;
    let resume;
    const skipProblem = (error) => {
        const start = lines.contentStartFrom(recordEnd);
        recordEnd = Math.max(recordEnd, errorBytes(error));
        if (SWALLOWING.has(error.code)) {
            if (!state.header) {
                throw new types/* UsageError */.eb(`${path}: the header row ${error.code === 'CSV_MAX_RECORD_SIZE' ? 'is too long' : 'opens a quote it never closes'}; fix the first row.`);
            }
            resume = { offset: base + start.offset, line: start.line + 1, skipLine: true };
        }
        return { ok: false, line: start.line, message: describeCsvError(error, lineLength) };
    };
    const swallowed = () => skipped.some((error) => SWALLOWING.has(error.code));
    try {
        for await (const item of parser) {
            while (skipped.length > 0 && errorBytes(skipped[0]) <= item.info.bytes) {
                yield skipProblem(skipped.shift());
                // What csv-parse gives after it gave up on a row is not to be trusted: read again from the next line.
                if (resume)
                    return resume;
            }
            const line = lines.contentLineFrom(recordEnd);
            recordEnd = item.info.bytes;
            const cells = item.record;
            if (!state.header) {
                state.header = readHeader(path, cells);
                continue;
            }
            const header = state.header;
            if (cells.length !== header.length) {
                yield {
                    ok: false,
                    line,
                    column: Math.min(cells.length, header.length) + 1,
                    message: describeWidth(cells.length, header.length),
                };
                continue;
            }
            const row = Object.create(null);
            header.forEach((name, i) => {
                row[name] = cells[i];
            });
            yield { ok: true, row, line };
        }
        if (!swallowed())
            await piped;
        while (skipped.length > 0) {
            yield skipProblem(skipped.shift());
            if (resume)
                return resume;
        }
        return undefined;
    }
    catch (error) {
        if (error instanceof types/* UsageError */.eb)
            throw error;
        const detail = error instanceof Error ? error.message.split(':')[0] : String(error);
        throw new types/* UsageError */.eb(`${path}: not a readable CSV file (${detail}); check that this is the right file.`);
    }
    finally {
        stream.destroy();
        parser.destroy();
    }
}
/**
 * The 1-based column of `field` in a row from `readCsvRecords` (rows keep the header's order),
 * for problems that point at one cell.
 */
function csvColumnNumber(row, field) {
    const index = Object.keys(row).indexOf(field);
    return index < 0 ? undefined : index + 1;
}
/** The byte offset at which csv-parse gave up on a record (its error carries the parser's context). */
function errorBytes(error) {
    const bytes = error.bytes;
    return typeof bytes === 'number' ? bytes : 0;
}
function readHeader(path, cells) {
    const names = cells.map((cell) => cell.trim());
    if (names.every((name) => name === ''))
        throw new types/* UsageError */.eb(`${path}: the first row (the header) is empty; the file must start with its column names.`);
    const seen = new Set();
    names.forEach((name, i) => {
        if (seen.has(name))
            throw new types/* UsageError */.eb(`${path}: the header names the column "${name}" twice (column ${i + 1}); each column needs its own name.`);
        seen.add(name);
    });
    return names;
}
function describeWidth(cells, expected) {
    return cells < expected
        ? `The row has ${cells} cells but the header has ${expected}: a cell is missing, or a quoted cell takes in the line break after it.`
        : `The row has ${cells} cells but the header has ${expected}: a cell holds an unquoted comma; quote cells that contain commas.`;
}
// csv-parse messages quote the cell they fail on, which may hold an email or a hash.
function describeCsvError(error, lineLength) {
    switch (error.code) {
        case 'CSV_QUOTE_NOT_CLOSED':
            return 'A quoted cell on this row is never closed; the row was skipped and reading went on from the next line. Close the quote or remove it.';
        case 'CSV_MAX_RECORD_SIZE':
            return `The row has more than ${lineLength} characters, the limit (an unclosed quote can cause this); ${(0,limits/* raiseHint */.AI)('lineLength')}.`;
        case 'CSV_INVALID_CLOSING_QUOTE':
            return 'A quoted cell on this row has text after its closing quote; quote the whole cell and double the quotes inside it ("").';
        default:
            return `This row is not valid CSV (${error.code}).`;
    }
}
/**
 * The start of every line not yet passed by the parser, so the line a record starts on can be
 * found from the byte offset where the previous record ended. Lines the parser skips as empty
 * are skipped here too. Only lines after the last finished record are kept.
 */
class LineStarts {
    starts;
    /** Index of the first line start still needed; the ones before it are dropped in batches. */
    head = 0;
    scanned = 0;
    line;
    constructor(firstLine = 1) {
        this.line = firstLine;
        this.starts = [{ offset: 0, line: firstLine }];
    }
    scan(chunk) {
        const last = this.starts[this.starts.length - 1];
        if (last.blank === undefined && last.offset === this.scanned && chunk.length > 0)
            last.blank = isLineBreak(chunk[0]);
        let at = chunk.indexOf(LF);
        while (at >= 0) {
            this.line++;
            const next = at + 1 < chunk.length ? chunk[at + 1] : undefined;
            this.starts.push({
                offset: this.scanned + at + 1,
                line: this.line,
                ...(next !== undefined ? { blank: isLineBreak(next) } : {}),
            });
            at = chunk.indexOf(LF, at + 1);
        }
        this.scanned += chunk.length;
    }
    /** The line of the first non-empty line that starts at or after `offset`. */
    contentLineFrom(offset) {
        return this.contentStartFrom(offset).line;
    }
    /** The first non-empty line that starts at or after `offset`: its number and its offset. */
    contentStartFrom(offset) {
        const starts = this.starts;
        while (this.head < starts.length - 1 && starts[this.head].offset < offset)
            this.head++;
        if (this.head > 4096) {
            this.starts = starts.slice(this.head);
            this.head = 0;
        }
        for (let i = this.head; i < this.starts.length; i++) {
            const start = this.starts[i];
            if (start.offset >= offset && start.blank !== true)
                return start;
        }
        return this.starts[this.starts.length - 1];
    }
}
function isLineBreak(byte) {
    return byte === LF || byte === CR;
}

;// CONCATENATED MODULE: ./build/sources/clerk/password-hashers.js

const password_hashers_PBKDF2_DIGESTS = {
    pbkdf2_sha1: 'sha1',
    pbkdf2_sha256: 'sha256',
    pbkdf2_sha256_django: 'sha256',
    pbkdf2_sha512: 'sha512',
};
/** Clerk hashers that cannot move, with why, so the report can say more than "unsupported". */
const NO_WORKOS_EQUIVALENT = {
    md5: 'unsalted MD5',
    sha256: 'unsalted SHA-256',
    sha256_salted: 'salted SHA-256 with the salt after a $',
    bcrypt_sha256_django: "Django's bcrypt over a SHA-256 pre-hash",
    bcrypt_peppered: 'bcrypt with an application pepper',
    hmac_sha256_utf16_b64: 'HMAC-SHA256 over UTF-16',
    phpass: 'phpass (portable PHP hashes)',
    scrypt_werkzeug: "Werkzeug's scrypt layout",
    awscognito: 'a pointer to an AWS Cognito user pool, not a hash',
};
/** The WorkOS form of one Clerk digest. */
function convertClerkPassword(hasher, digest) {
    const name = hasher.trim().toLowerCase();
    const value = digest.trim();
    switch (name) {
        case 'bcrypt':
            return converted('bcrypt', value);
        case 'argon2i':
        case 'argon2id':
            // Clerk keeps argon2 digests as PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`),
            // which is what WorkOS's argon2 type takes.
            if (!value.startsWith(`$${name}$`))
                return malformed(`a ${name} digest starts with $${name}$`);
            return converted('argon2', value);
        case 'pbkdf2_sha1':
        case 'pbkdf2_sha256':
        case 'pbkdf2_sha256_django':
        case 'pbkdf2_sha512':
            return convertPbkdf2(name, value);
        case 'scrypt_firebase':
            return convertFirebaseScrypt(value);
        case 'ldap_ssha':
        case 'ssha':
            // `{SSHA}` + base64(SHA-1 digest ‖ salt): the LDAP layout WorkOS's ssha type reads.
            return converted('ssha', value);
        default: {
            const why = ownValue(NO_WORKOS_EQUIVALENT, name);
            return {
                kind: 'unsupported',
                reason: why
                    ? `Clerk's ${name} hasher (${why}) has no WorkOS equivalent`
                    : `Clerk's ${name === '' ? 'unnamed' : name} hasher is not one WorkOS can verify`,
            };
        }
    }
}
function converted(type, hash) {
    return { kind: 'converted', password: { type, hash } };
}
function malformed(expected) {
    return { kind: 'malformed', message: `The password_digest does not have the layout its hasher needs: ${expected}.` };
}
/**
 * Clerk's PBKDF2 digests, `<hasher>$<iterations>$<salt>$<hash>`, differ in how salt and hash
 * are written:
 * - `pbkdf2_sha256`: salt and hash both base64;
 * - `pbkdf2_sha256_django` (as Django writes it): salt as plain text, hash base64;
 * - `pbkdf2_sha512`: salt as plain text, hash hex;
 * - `pbkdf2_sha1`: salt hex (plain text when it is not valid hex, as Clerk reads it), hash hex,
 *   and an optional fifth part with the key length.
 *
 * WorkOS's pbkdf2 type takes the PHC string `$pbkdf2-<digest>$i=<iterations>,l=<key length>$
 * <salt>$<hash>` with salt and hash in unpadded standard base64 (the PHC "B64" encoding, the
 * same layout passlib and Auth0's pbkdf2 import use). Re-encoding the same bytes keeps the
 * derivation identical, so the password verifies as before.
 */
function convertPbkdf2(hasher, digest) {
    const parts = digest.split('$');
    const prefix = hasher === 'pbkdf2_sha256_django' ? 'pbkdf2_sha256' : hasher;
    const layout = `${prefix}$<iterations>$<salt>$<hash>`;
    if (parts[0] !== prefix)
        return malformed(`${layout}, starting with ${prefix}$`);
    const maxParts = hasher === 'pbkdf2_sha1' ? 5 : 4;
    if (parts.length < 4 || parts.length > maxParts || parts.slice(1).some((p) => p === ''))
        return malformed(layout);
    const [, iterationsText, saltText, hashText, keyLengthText] = parts;
    if (!/^[1-9]\d{0,9}$/.test(iterationsText))
        return malformed(`${layout} with a whole number of iterations`);
    let salt;
    let hash;
    switch (hasher) {
        case 'pbkdf2_sha256':
            salt = password_hashers_decodeBase64(saltText);
            hash = password_hashers_decodeBase64(hashText);
            break;
        case 'pbkdf2_sha256_django':
            salt = Buffer.from(saltText, 'utf8');
            hash = password_hashers_decodeBase64(hashText);
            break;
        case 'pbkdf2_sha512':
            salt = Buffer.from(saltText, 'utf8');
            hash = decodeHex(hashText);
            break;
        case 'pbkdf2_sha1':
            salt = decodeHex(saltText) ?? Buffer.from(saltText, 'utf8');
            hash = decodeHex(hashText);
            break;
    }
    if (salt === undefined)
        return malformed(`${layout} with the salt in base64`);
    if (hash === undefined)
        return malformed(`${layout} with the hash in ${hasher === 'pbkdf2_sha256' || hasher === 'pbkdf2_sha256_django' ? 'base64' : 'hex'}`);
    if (keyLengthText !== undefined && Number(keyLengthText) !== hash.length) {
        return malformed(`${layout}$<key length> where the key length is the hash's length in bytes`);
    }
    const phc = `$pbkdf2-${password_hashers_PBKDF2_DIGESTS[hasher]}$i=${iterationsText},l=${hash.length}$${phcBase64(salt)}$${phcBase64(hash)}`;
    return converted('pbkdf2', phc);
}
/**
 * Clerk's `scrypt_firebase` digest carries the per-user hash and salt and the Firebase
 * project's hash parameters: `<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory
 * cost>`. That is everything WorkOS's firebase-scrypt type needs, in the PHC layout WorkOS's
 * own migration tool writes (workos/workos-migrations, transformers/firebase/scrypt.ts):
 * `$firebase-scrypt$hash=…$salt=…$sk=…$ss=…$r=…$m=…`, base64 values in the standard alphabet.
 */
function convertFirebaseScrypt(digest) {
    const layout = '<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory cost>';
    const parts = digest.split('$');
    if (parts.length !== 6 || parts.some((p) => p === ''))
        return malformed(`six parts: ${layout}`);
    const [hash, salt, signerKey, saltSeparator, rounds, memoryCost] = parts.map((p) => p.trim());
    if (![hash, salt, signerKey, saltSeparator].every((p) => password_hashers_decodeBase64(p) !== undefined)) {
        return malformed(`${layout} with the hash, salt, signer key and salt separator in base64`);
    }
    if (!/^\d{1,2}$/.test(rounds) || !/^\d{1,2}$/.test(memoryCost))
        return malformed(`${layout} with whole-number rounds and memory cost`);
    const b64 = (text) => text.replace(/-/g, '+').replace(/_/g, '/');
    return converted('firebase-scrypt', `$firebase-scrypt$hash=${b64(hash)}$salt=${b64(salt)}$sk=${b64(signerKey)}$ss=${b64(saltSeparator)}$r=${rounds}$m=${memoryCost}`);
}
/** Standard or URL-safe base64, padded or not; undefined for anything else. */
function password_hashers_decodeBase64(text) {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text))
        return undefined;
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length > 0 ? bytes : undefined;
}
function decodeHex(text) {
    if (text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(text))
        return undefined;
    return Buffer.from(text, 'hex');
}
function phcBase64(bytes) {
    return bytes.toString('base64').replace(/=+$/, '');
}

;// CONCATENATED MODULE: ./build/sources/clerk/schema.js


// Clerk's user exports, in the two shapes they come in, reduced to one: the fields the mapping
// needs, with secrets already gone. The dashboard CSV writes every field as text and lists
// several addresses in one cell; the older JSON export (and Backend API user objects, which
// people save from `GET /v1/users`) write lists as `a|b` strings or as arrays of objects.
/** The columns of Clerk's dashboard CSV export. */
const CLERK_CSV_COLUMNS = (/* unused pure expression or super */ null && ([
    'id',
    'first_name',
    'last_name',
    'username',
    'primary_email_address',
    'primary_phone_number',
    'verified_email_addresses',
    'unverified_email_addresses',
    'verified_phone_numbers',
    'unverified_phone_numbers',
    'totp_secret',
    'password_digest',
    'password_hasher',
]));
/** Fields that hold secrets: dropped as soon as a record is read, never metadata. */
const CLERK_SECRET_FIELDS = new Set([
    'totp_secret',
    'password_digest',
    'password_hasher',
    'backup_codes',
]);
/** A cell or string that lists several values: Clerk separates them with `|` (older exports: `,`). */
function splitList(value) {
    if (!value)
        return [];
    return value
        .split(/[|,]/)
        .map((part) => part.trim())
        .filter((part) => part !== '');
}
function textOrUndefined(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
/** A CSV row as `ClerkUserFields`. The TOTP secret is read for its presence and blanked in the row. */
function clerkCsvUser(row) {
    const hasTotp = textOrUndefined(row.totp_secret) !== undefined;
    const passwordDigest = textOrUndefined(row.password_digest);
    const passwordHasher = textOrUndefined(row.password_hasher);
    const fields = emptyRecord();
    for (const key in row) {
        if (CLERK_SECRET_FIELDS.has(key))
            row[key] = '';
        else
            fields[key] = row[key];
    }
    const primary = textOrUndefined(row.primary_email_address);
    const verified = splitList(row.verified_email_addresses);
    const unverified = splitList(row.unverified_email_addresses);
    return {
        id: textOrUndefined(row.id),
        firstName: textOrUndefined(row.first_name),
        lastName: textOrUndefined(row.last_name),
        primaryEmail: primary,
        verifiedEmails: verified,
        unverifiedEmails: unverified,
        otherEmails: [],
        emailField: primary === undefined && verified.length > 0
            ? 'verified_email_addresses'
            : primary === undefined && unverified.length > 0
                ? 'unverified_email_addresses'
                : 'primary_email_address',
        hasTotp,
        // The CSV lists phone numbers, not how they are used: in Clerk a phone is most often a way
        // to sign in, so a phone alone is not counted as an SMS second factor.
        hasSmsSecondFactor: false,
        ...(passwordDigest !== undefined ? { passwordDigest } : {}),
        ...(passwordHasher !== undefined ? { passwordHasher } : {}),
        socialProviders: [],
        banned: false,
        fields,
    };
}
const clerk_schema_text = schemas/* string */.YjP().nullish();
const schema_flag = schemas/* boolean */.zMY().nullish();
const schema_objectOf = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish();
const EmailObject = schemas/* looseObject */._H3({
    id: clerk_schema_text,
    email_address: clerk_schema_text,
    verification: schemas/* looseObject */._H3({ status: clerk_schema_text }).nullish(),
});
const PhoneObject = schemas/* looseObject */._H3({
    phone_number: clerk_schema_text,
    reserved_for_second_factor: schema_flag,
    default_second_factor: schema_flag,
});
const ConnectionRef = schemas/* looseObject */._H3({ id: clerk_schema_text, name: clerk_schema_text }).nullish();
const EnterpriseAccount = schemas/* looseObject */._H3({
    provider: clerk_schema_text,
    active: schema_flag,
    saml_connection: ConnectionRef,
    enterprise_connection: ConnectionRef,
});
const textList = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())]).nullish();
const ClerkJsonUserSchema = schemas/* looseObject */._H3({
    id: clerk_schema_text,
    first_name: clerk_schema_text,
    last_name: clerk_schema_text,
    username: clerk_schema_text,
    primary_email_address: clerk_schema_text,
    primary_email_address_id: clerk_schema_text,
    email_addresses: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), EmailObject]))]).nullish(),
    verified_email_addresses: textList,
    unverified_email_addresses: textList,
    phone_numbers: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), PhoneObject]))]).nullish(),
    totp_secret: clerk_schema_text,
    totp_enabled: schema_flag,
    password_digest: clerk_schema_text,
    password_hasher: clerk_schema_text,
    external_accounts: schemas/* array */.YOg(schemas/* looseObject */._H3({ provider: clerk_schema_text })).nullish(),
    // Backend API user objects: `saml_accounts` (older) and `enterprise_accounts` (SAML or OIDC).
    saml_accounts: schemas/* array */.YOg(EnterpriseAccount).nullish(),
    enterprise_accounts: schemas/* array */.YOg(EnterpriseAccount).nullish(),
    banned: schema_flag,
    public_metadata: schema_objectOf,
    private_metadata: schema_objectOf,
    unsafe_metadata: schema_objectOf,
});
/** What a JSON field must hold, for messages about a wrong type. */
const CLERK_JSON_FIELD_EXPECTATIONS = {
    email_addresses: 'a list of addresses (a|b) or an array of addresses or email objects',
    verified_email_addresses: 'a list of addresses',
    unverified_email_addresses: 'a list of addresses',
    phone_numbers: 'a list of phone numbers or phone objects',
    totp_enabled: 'true or false',
    banned: 'true or false',
    external_accounts: 'an array of objects with a provider',
    saml_accounts: 'an array of SAML account objects',
    enterprise_accounts: 'an array of enterprise account objects',
    public_metadata: 'an object',
    private_metadata: 'an object',
    unsafe_metadata: 'an object',
};
/**
 * A JSON user as `ClerkUserFields`. `value` is the parsed record: its secrets are deleted from
 * it here, so nothing downstream can reach them.
 */
function clerkJsonUser(user, value) {
    const hasTotp = textOrUndefined(user.totp_secret) !== undefined || user.totp_enabled === true;
    const passwordDigest = textOrUndefined(user.password_digest);
    const passwordHasher = textOrUndefined(user.password_hasher);
    for (const secret of CLERK_SECRET_FIELDS) {
        delete value[secret];
        delete user[secret];
    }
    const verified = new Set(listOf(user.verified_email_addresses));
    const unverified = new Set(listOf(user.unverified_email_addresses));
    const other = [];
    let primary = textOrUndefined(user.primary_email_address);
    const addresses = typeof user.email_addresses === 'string' ? splitList(user.email_addresses) : (user.email_addresses ?? []);
    for (const entry of addresses) {
        if (typeof entry === 'string') {
            const address = entry.trim();
            if (address && !verified.has(address) && !unverified.has(address))
                other.push(address);
            continue;
        }
        const address = textOrUndefined(entry.email_address);
        if (!address)
            continue;
        if (entry.verification?.status === 'verified')
            verified.add(address);
        else
            unverified.add(address);
        if (primary === undefined && entry.id && entry.id === user.primary_email_address_id)
            primary = address;
    }
    // The older export's `email_addresses: "a|b"` does not say which is primary; the first one is
    // the one Clerk lists first, and the best guess there is.
    if (primary === undefined && verified.size === 0 && unverified.size === 0 && other.length > 0)
        primary = other[0];
    const phones = typeof user.phone_numbers === 'string' ? [] : (user.phone_numbers ?? []);
    const hasSmsSecondFactor = phones.some((p) => typeof p === 'object' && (p.reserved_for_second_factor === true || p.default_second_factor === true));
    const providers = new Set();
    for (const account of user.external_accounts ?? []) {
        const provider = textOrUndefined(account.provider);
        if (provider)
            providers.add(provider.replace(/^oauth_/, ''));
    }
    return {
        id: textOrUndefined(user.id),
        firstName: textOrUndefined(user.first_name),
        lastName: textOrUndefined(user.last_name),
        ...(primary !== undefined ? { primaryEmail: primary } : {}),
        verifiedEmails: [...verified],
        unverifiedEmails: [...unverified],
        otherEmails: other,
        emailField: user.primary_email_address ? 'primary_email_address' : 'email_addresses',
        hasTotp,
        hasSmsSecondFactor,
        ...(passwordDigest !== undefined ? { passwordDigest } : {}),
        ...(passwordHasher !== undefined ? { passwordHasher } : {}),
        socialProviders: [...providers],
        ...clerkEnterpriseField(user),
        banned: user.banned === true,
        fields: value,
    };
}
/** The first active SAML or enterprise account (else the first one): its provider and connection. */
function clerkEnterpriseField(user) {
    const accounts = [...(user.enterprise_accounts ?? []), ...(user.saml_accounts ?? [])];
    const account = accounts.find((a) => a.active !== false) ?? accounts[0];
    if (account === undefined)
        return {};
    const type = textOrUndefined(account.provider) ?? 'saml';
    const ref = account.enterprise_connection ?? account.saml_connection;
    return { enterpriseConnection: { type, connection: textOrUndefined(ref?.name) ?? textOrUndefined(ref?.id) ?? type } };
}
function listOf(value) {
    if (typeof value === 'string')
        return splitList(value);
    return (value ?? []).map((v) => v.trim()).filter((v) => v !== '');
}

;// CONCATENATED MODULE: ./build/sources/clerk/map-user.js





/**
 * One Clerk user as canonical items: notes about the user (warnings, a password that cannot
 * move) followed by the user, or one error when the user cannot be imported. Messages hold no
 * address, hash or secret.
 */
function mapClerkUser(user, location, columnOf, config) {
    const at = (field) => {
        const column = columnOf(field);
        return column === undefined ? location : { ...location, column };
    };
    const error = (code, message, field, sourceId = user.id) => [
        {
            kind: 'problem',
            problem: {
                entity: 'user',
                ...(sourceId !== undefined ? { sourceId } : {}),
                location: at(field),
                field,
                code,
                message,
                severity: 'error',
            },
        },
    ];
    if (user.id === undefined)
        return error('missing_user_id', 'The user has no id; it becomes the WorkOS external id, so it is required.', 'id');
    const primary = user.primaryEmail ?? user.verifiedEmails[0] ?? user.unverifiedEmails[0] ?? user.otherEmails[0];
    const email = normalizeEmail(primary);
    if (!email.ok) {
        const message = email.code === 'missing_email'
            ? 'The user has no email address (primary, verified or unverified); WorkOS requires one.'
            : email.message;
        return error(email.code, message, user.emailField);
    }
    const metadata = checkMetadata(pickMetadataFields(user.fields, config.metadata.users, CLERK_SECRET_FIELDS));
    if (!metadata.ok)
        return error(metadata.code, metadata.message, metadata.field);
    const notes = [];
    const note = (problem) => notes.push({ ...problem, sourceId: user.id, location: problem.location ?? location });
    const key = email.email.toLowerCase();
    const verified = new Set(user.verifiedEmails.map((a) => a.toLowerCase()));
    const others = new Set([...user.verifiedEmails, ...user.unverifiedEmails, ...user.otherEmails]
        .map((a) => a.toLowerCase())
        .filter((a) => a !== key));
    if (others.size > 0) {
        note({
            entity: 'user',
            field: 'email_addresses',
            code: 'secondary_emails',
            message: `The user has ${others.size} other email address${others.size === 1 ? '' : 'es'} in Clerk; a WorkOS user has one email, so only the primary one is imported.`,
            severity: 'warning',
        });
    }
    const password = clerkPassword(user, at, note);
    const mfaFactors = [];
    if (user.hasTotp)
        mfaFactors.push('totp');
    if (user.hasSmsSecondFactor)
        mfaFactors.push('sms');
    const record = {
        sourceId: user.id,
        idField: 'id',
        email: email.email,
        emailVerified: verified.has(key),
        ...(user.firstName !== undefined ? { firstName: user.firstName } : {}),
        ...(user.lastName !== undefined ? { lastName: user.lastName } : {}),
        ...(password.password ? { password: password.password } : {}),
        passwordGap: password.gap,
        metadata: metadata.metadata,
        mfaFactors,
        socialProviders: user.socialProviders,
        ...(user.enterpriseConnection ? { enterpriseConnection: user.enterpriseConnection } : {}),
        blocked: user.banned,
        location,
    };
    return [...notes.map((problem) => ({ kind: 'problem', problem })), { kind: 'user', record }];
}
function clerkPassword(user, at, note) {
    const digest = user.passwordDigest;
    if (digest === undefined)
        return { gap: 'missing' };
    // Clerk hashes new passwords with bcrypt; a digest exported without its hasher's name is
    // taken as bcrypt only when it looks like one.
    const hasher = user.passwordHasher ?? (/^\$2[aby]\$/.test(digest) ? 'bcrypt' : '');
    const conversion = convertClerkPassword(hasher, digest);
    if (conversion.kind === 'unsupported') {
        note({
            entity: 'password',
            location: at('password_hasher'),
            field: 'password_hasher',
            code: 'unsupported_password_hasher',
            message: `${conversion.reason}; the user is imported without a password and signs in with a reset or another method.`,
            severity: 'warning',
        });
        return { gap: 'unsupported' };
    }
    const invalid = (message) => {
        note({
            entity: 'password',
            location: at('password_digest'),
            field: 'password_digest',
            code: 'invalid_password_hash',
            message: `${message} The user is imported without a password.`,
            severity: 'error',
        });
        return { gap: 'unsupported' };
    };
    if (conversion.kind === 'malformed')
        return invalid(conversion.message);
    const check = checkPasswordHash(conversion.password.type, conversion.password.hash);
    if (!check.ok)
        return invalid(check.message);
    return { password: conversion.password, gap: 'none' };
}

;// CONCATENATED MODULE: ./build/sources/clerk/users.js









/**
 * Every user of a Clerk export (the dashboard CSV, or the older JSON array; gzipped or not),
 * as canonical items, one at a time. The format is told by the first character of the file,
 * not its name. TOTP secrets are read only to know the user had TOTP, and are dropped from the
 * record before anything else sees it.
 */
async function* readClerkUsers(options) {
    const path = options.usersPath;
    if ((await detectFormat(path)) === 'json')
        yield* readJsonUsers(path, options.config);
    else
        yield* readCsvUsers(path, options.config);
}
async function detectFormat(path) {
    const first = (await (0,byte_stream/* readTextHead */.q8)(path)).trimStart().charAt(0);
    if (first === '')
        throw new types/* UsageError */.eb(`${path}: the file holds only blank space; export the users again or check the path.`);
    return first === '[' || first === '{' ? 'json' : 'csv';
}
async function* readCsvUsers(path, config) {
    let columns;
    const columnOf = (field) => columns?.get(field);
    for await (const item of readCsvRecords(path)) {
        if (!item.ok) {
            const location = {
                file: path,
                line: item.line,
                ...(item.column !== undefined ? { column: item.column } : {}),
            };
            yield {
                kind: 'problem',
                problem: { entity: 'user', location, code: 'invalid_csv_row', message: item.message, severity: 'error' },
            };
            continue;
        }
        if (!columns) {
            // Every row is keyed by the same header, in its order.
            const names = Object.keys(item.row);
            checkHeader(path, names);
            columns = new Map(names.map((name, i) => [name, i + 1]));
        }
        yield* mapClerkUser(clerkCsvUser(item.row), { file: path, line: item.line }, columnOf, config);
    }
}
function checkHeader(path, columns) {
    const emailColumns = ['primary_email_address', 'verified_email_addresses', 'unverified_email_addresses'];
    if (columns.includes('id') && emailColumns.some((c) => columns.includes(c)))
        return;
    throw new types/* UsageError */.eb(`${path}: this CSV is not a Clerk user export: its header needs an id column and at least one of ${emailColumns.join(', ')}. Export the users from the Clerk dashboard again.`);
}
const noColumn = () => undefined;
async function* readJsonUsers(path, config) {
    // Clerk's Backend API pages (`{"data":[…],"total_count":n}`), as for organizations, or a `{"users":[…]}` wrapper.
    const arrayKey = /"(users|data)"\s*:\s*\[/.exec(await (0,byte_stream/* readTextHead */.q8)(path))?.[1] ?? 'users';
    for await (const item of readJsonRecords(path, { arrayKey })) {
        const location = { file: path, line: item.line };
        if (!item.ok) {
            const at = item.column !== undefined ? { ...location, column: item.column } : location;
            yield {
                kind: 'problem',
                problem: { entity: 'user', location: at, code: 'invalid_json', message: item.message, severity: 'error' },
            };
            continue;
        }
        const value = item.value;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            yield users_problem(location, undefined, 'invalid_record', `Each user must be a JSON object; this record is ${describeType(value)}.`);
            continue;
        }
        const raw = value;
        const parsed = ClerkJsonUserSchema.safeParse(raw);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = issue.path.map(String).join('.');
            const top = String(issue.path[0]);
            const expected = ownValue(CLERK_JSON_FIELD_EXPECTATIONS, top) ?? 'a string';
            const sourceId = typeof raw.id === 'string' ? raw.id : undefined;
            const actual = describeType(valueAtIssuePath(raw, issue.path));
            for (const secret of CLERK_SECRET_FIELDS)
                delete raw[secret];
            yield users_problem(location, sourceId, 'invalid_field_type', `The field ${field} must be ${expected}, not ${actual}.`, field);
            continue;
        }
        yield* mapClerkUser(clerkJsonUser(parsed.data, raw), location, noColumn, config);
    }
}
function users_problem(location, sourceId, code, message, field) {
    return { kind: 'problem', problem: recordError('user', location, sourceId, code, message, field) };
}

;// CONCATENATED MODULE: ./build/sources/user-items.js



/**
 * The user objects of a JSON file (an array, NDJSON, or objects wrapping the array under
 * `arrayKey`), with a problem in their place for each record that is not JSON or not an object.
 */
async function* readUserObjects(path, arrayKey) {
    for await (const item of readJsonRecords(path, arrayKey === undefined ? {} : { arrayKey })) {
        const location = { file: path, line: item.line };
        if (!item.ok) {
            const at = item.column !== undefined ? { ...location, column: item.column } : location;
            yield userProblem(at, undefined, 'invalid_json', item.message);
            continue;
        }
        const value = item.value;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            yield userProblem(location, undefined, 'invalid_record', `Each user must be a JSON object; this record is ${describeType(value)}.`);
            continue;
        }
        yield { kind: 'object', raw: value, location };
    }
}
/** A user that is not imported, as an item. */
function userProblem(location, sourceId, code, message, field) {
    return { kind: 'problem', problem: recordError('user', location, sourceId, code, message, field) };
}
/** A note about a user that is imported (or its password), as an item. */
function userNote(problem) {
    return { kind: 'problem', problem: { ...problem, severity: problem.severity ?? 'warning' } };
}
function userItem(record) {
    return { kind: 'user', record };
}
/** A trimmed string, or undefined for anything else or blank text. */
function textOf(value) {
    if (typeof value !== 'string')
        return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
}
/**
 * A yes/no value as exports write it: a boolean, or the text `true`/`false` (Cognito writes
 * `email_verified` as a string), `yes`/`no`, `1`/`0`, `t`/`f` (PostgreSQL's CSV). Blank is
 * `undefined`; anything else is `'invalid'`.
 */
function flagOf(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'boolean')
        return value;
    if (typeof value !== 'string')
        return 'invalid';
    const text = value.trim().toLowerCase();
    if (text === '')
        return undefined;
    if (['true', 'yes', 'y', '1', 't'].includes(text))
        return true;
    if (['false', 'no', 'n', '0', 'f'].includes(text))
        return false;
    return 'invalid';
}
/**
 * First and last name from one display name. The rule: blank space splits it; the first word is
 * the first name and the rest, as written, the last name (`Ana María de la Cruz` → `Ana` and
 * `María de la Cruz`); one word is a first name alone. A name holding an `@` is taken for an
 * email some systems put there, not a name.
 */
function splitDisplayName(name) {
    const text = name?.trim();
    if (!text || text.includes('@'))
        return {};
    const [first, ...rest] = text.split(/\s+/);
    return { firstName: first, ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}) };
}
/** A JSON object written as text inside a field (Firebase `customAttributes`, Supabase CSV metadata). */
function objectFromJsonText(value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value === 'object')
        return Array.isArray(value) ? 'invalid' : value;
    if (typeof value !== 'string')
        return 'invalid';
    try {
        const parsed = JSON.parse(value);
        if (parsed === null)
            return undefined;
        return typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : 'invalid';
    }
    catch {
        return 'invalid';
    }
}
/** The note for a user who signs in through enterprise SSO: no password, a connection to set up. */
function ssoMessage(source, provider) {
    return `The user signs in through enterprise SSO (${provider}) in ${source}; set up that organization's SSO connection in WorkOS, and they sign in through it with no password.`;
}

;// CONCATENATED MODULE: ./build/sources/cognito/map-user.js





// One user of `aws cognito-idp list-users`: `{Username, Attributes:[{Name, Value}], Enabled,
// UserStatus, MFAOptions, UserCreateDate, …}`. Every value in Attributes is a string, booleans
// included (`"email_verified": "true"`). Cognito never exports password hashes.
const map_user_text = schemas/* string */.YjP().nullish();
const CognitoUserSchema = schemas/* looseObject */._H3({
    Username: map_user_text,
    Attributes: schemas/* array */.YOg(schemas/* looseObject */._H3({ Name: schemas/* string */.YjP(), Value: schemas/* string */.YjP().nullish() })).nullish(),
    Enabled: schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* string */.YjP()]).nullish(),
    UserStatus: map_user_text,
    MFAOptions: schemas/* array */.YOg(schemas/* looseObject */._H3({ DeliveryMedium: map_user_text })).nullish(),
});
const map_user_FIELD_EXPECTATIONS = {
    Attributes: 'an array of {Name, Value} objects with string values',
    Enabled: 'true or false',
    MFAOptions: 'an array of {DeliveryMedium, AttributeName} objects',
};
/** Cognito identity provider types that are enterprise SSO rather than a social sign-in. */
const SSO_PROVIDER_TYPES = new Set(['SAML', 'OIDC']);
/**
 * One Cognito user as canonical items. `field` names an attribute as `Attributes.<name>`, the
 * way people search for it in the file. Every user is imported without a password.
 */
function mapCognitoUser(raw, location, config, fieldPrefix = '') {
    const at = (field) => `${fieldPrefix}${field}`;
    const parsed = CognitoUserSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.map(String).join('.');
        const expected = map_user_FIELD_EXPECTATIONS[String(issue.path[0])] ?? 'a string';
        return [
            userProblem(location, undefined, 'invalid_field_type', `The field ${field} must be ${expected}, not ${describeType(valueAtIssuePath(raw, issue.path))}.`, at(field)),
        ];
    }
    const user = parsed.data;
    const attributes = new Map();
    for (const { Name, Value } of user.Attributes ?? [])
        if (typeof Value === 'string')
            attributes.set(Name, Value);
    const sub = textOf(attributes.get('sub'));
    if (!sub)
        return [
            userProblem(location, undefined, 'missing_user_id', 'The user has no sub attribute; it becomes the WorkOS external id, so it is required.', at('Attributes.sub')),
        ];
    const email = normalizeEmail(attributes.get('email'));
    if (!email.ok) {
        const phoneOnly = email.code === 'missing_email' && attributes.has('phone_number');
        const message = phoneOnly
            ? 'The user has a phone number and no email; WorkOS users need an email, so ask them for one and add them later.'
            : email.message;
        return [userProblem(location, sub, email.code, message, at('Attributes.email'))];
    }
    const verified = flagOf(attributes.get('email_verified'));
    if (verified === 'invalid')
        return [
            userProblem(location, sub, 'invalid_field_type', 'The attribute email_verified must be "true" or "false".', at('Attributes.email_verified')),
        ];
    const enabled = flagOf(user.Enabled);
    if (enabled === 'invalid')
        return [
            userProblem(location, sub, 'invalid_field_type', 'The field Enabled must be true or false.', at('Enabled')),
        ];
    // Attributes are offered to the metadata map by name (`custom:plan`, `locale`), as are the
    // user's own fields (`Username`, `UserStatus`, `UserCreateDate`).
    const fields = { ...Object.fromEntries(attributes) };
    for (const [key, value] of Object.entries(raw))
        if (key !== 'Attributes' && typeof value !== 'object')
            fields[key] = value;
    const metadata = checkMetadata(pickMetadataFields(fields, config.metadata.users));
    if (!metadata.ok)
        return [userProblem(location, sub, metadata.code, metadata.message, at(metadata.field))];
    const items = [];
    const social = new Set();
    for (const identity of identities(attributes.get('identities'))) {
        if (SSO_PROVIDER_TYPES.has(identity.type.toUpperCase())) {
            items.push(userNote({
                entity: 'user',
                sourceId: sub,
                location,
                field: at('Attributes.identities'),
                code: 'sso_user',
                message: ssoMessage('Cognito', identity.name),
            }));
            social.add('sso');
        }
        else
            social.add(identity.type.toLowerCase().replace(/^signinwith/, ''));
    }
    const mfaFactors = new Set();
    for (const option of user.MFAOptions ?? [])
        mfaFactors.add(option.DeliveryMedium?.toUpperCase() === 'SMS' ? 'sms' : 'other');
    const given = textOf(attributes.get('given_name'));
    const family = textOf(attributes.get('family_name'));
    const names = given || family
        ? { ...(given ? { firstName: given } : {}), ...(family ? { lastName: family } : {}) }
        : splitDisplayName(attributes.get('name'));
    items.push(userItem({
        sourceId: sub,
        idField: 'Attributes.sub',
        email: email.email,
        emailVerified: verified ?? false,
        ...names,
        passwordGap: 'missing',
        metadata: metadata.metadata,
        mfaFactors: [...mfaFactors],
        socialProviders: [...social],
        blocked: enabled === false,
        location,
    }));
    return items;
}
/** The `identities` attribute: JSON text of `[{providerName, providerType, userId, …}]`; unreadable text is none. */
function identities(value) {
    if (!value)
        return [];
    try {
        const parsed = JSON.parse(value);
        if (!Array.isArray(parsed))
            return [];
        return parsed.flatMap((entry) => {
            if (typeof entry !== 'object' || entry === null)
                return [];
            const { providerName, providerType } = entry;
            const type = typeof providerType === 'string' ? providerType : typeof providerName === 'string' ? providerName : undefined;
            return type ? [{ name: typeof providerName === 'string' ? providerName : type, type }] : [];
        });
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./build/sources/cognito/users.js



/**
 * Every user of `aws cognito-idp list-users` output, one at a time: one page
 * (`{"Users":[…],"PaginationToken":…}`, which is also what the CLI writes when it paginates for
 * you), several pages one after another or as an array of pages, or NDJSON of users (`jq -c
 * '.Users[]'`). AWS has no CSV user export. Users inside an array of pages point at their page's
 * line, with the field naming the entry (`Users[3]`).
 */
async function* readCognitoUsers(options) {
    for await (const item of readUserObjects(options.usersPath, 'Users')) {
        if (item.kind !== 'object') {
            yield item;
            continue;
        }
        const { raw, location } = item;
        if (raw.Username === undefined && raw.Attributes === undefined && 'Users' in raw) {
            // One page of an array of pages.
            if (!Array.isArray(raw.Users)) {
                yield userProblem(location, undefined, 'invalid_field_type', `The field Users must be an array of users, not ${describeType(raw.Users)}.`, 'Users');
                continue;
            }
            for (const [i, user] of raw.Users.entries()) {
                if (typeof user !== 'object' || user === null || Array.isArray(user)) {
                    yield userProblem(location, undefined, 'invalid_record', `Each user must be a JSON object; this one is ${describeType(user)}.`, `Users[${i}]`);
                }
                else
                    yield* mapCognitoUser(user, location, options.config, `Users[${i}].`);
            }
            continue;
        }
        yield* mapCognitoUser(raw, location, options.config);
    }
}

;// CONCATENATED MODULE: ./build/sources/csv/map-row.js






// One row of the generic CSV of the WorkOS migrations CLI (workos/workos-migrations, its README's
// "CSV Format"): email, first_name, last_name, email_verified, password_hash, password_hash_type,
// external_id, metadata, org_id, org_external_id, org_name, role_slugs, and the plaintext
// password column its importer also reads. A user in several organizations has one row per
// organization, the user's columns repeated.
/** Columns never copied to metadata and blanked as soon as they are read. */
const CSV_SECRET_COLUMNS = new Set(['password', 'password_hash']);
function mapCsvRow(row, location, ctx) {
    const secrets = { password: row.password, hash: row.password_hash };
    for (const key of CSV_SECRET_COLUMNS)
        if (key in row)
            row[key] = '';
    const at = (field) => {
        const column = ctx.columnOf(field);
        return column === undefined ? location : { ...location, column };
    };
    const organization = organizationPart(row, ctx.config);
    const email = normalizeEmail(textOf(row.email));
    const externalId = textOf(row.external_id);
    const sourceId = externalId ?? (email.ok ? emailKey(email.email) : undefined);
    const fail = (code, message, field) => ({
        ...(sourceId !== undefined ? { sourceId } : {}),
        items: [userProblem(at(field), sourceId, code, message, field)],
        ...(organization ? { organization } : {}),
    });
    if (!email.ok)
        return fail(email.code, email.message, 'email');
    const verified = flagOf(row.email_verified);
    if (verified === 'invalid')
        return fail('invalid_field_type', 'The column email_verified must be true or false (yes/no, 1/0 also work).', 'email_verified');
    const given = objectFromJsonText(textOf(row.metadata));
    if (given === 'invalid')
        return fail('invalid_metadata', 'The column metadata must hold a JSON object, like {"plan":"pro"}.', 'metadata');
    const metadata = checkMetadata({
        ...given,
        ...pickMetadataFields(row, ctx.config.metadata.users, CSV_SECRET_COLUMNS),
    });
    if (!metadata.ok)
        return fail(metadata.code, metadata.message, 'metadata');
    const items = [];
    const password = csvPassword(secrets, textOf(row.password_hash_type), sourceId, at, items);
    const firstName = textOf(row.first_name);
    const lastName = textOf(row.last_name);
    const user = {
        sourceId: sourceId,
        email: email.email,
        emailVerified: verified ?? false,
        ...(firstName ? { firstName } : {}),
        ...(lastName ? { lastName } : {}),
        ...(password.password ? { password: password.password } : {}),
        passwordGap: password.gap,
        metadata: metadata.metadata,
        mfaFactors: [],
        socialProviders: [],
        blocked: false,
        location,
    };
    const fingerprint = JSON.stringify([
        user.email.toLowerCase(),
        user.emailVerified,
        firstName,
        lastName,
        password.password?.hash,
        metadata.metadata,
    ]);
    return { sourceId: sourceId, user, fingerprint, items, ...(organization ? { organization } : {}) };
}
function csvPassword(secrets, typeText, sourceId, at, items) {
    const hash = textOf(secrets.hash);
    const note = (field, code, message, severity) => {
        items.push(userNote({ entity: 'password', sourceId, location: at(field), field, code, message, severity }));
    };
    if (!hash) {
        if (textOf(secrets.password)) {
            note('password', 'plaintext_password', 'The row has a plaintext password; this tool imports only hashes, so the user is imported without one (hash it, or let the user reset it).', 'warning');
        }
        return { gap: 'missing' };
    }
    if (!typeText) {
        note('password_hash_type', 'missing_password_hash_type', 'The row has a password_hash but no password_hash_type; the user is imported without a password.', 'error');
        return { gap: 'unsupported' };
    }
    const type = typeText.toLowerCase();
    if (!types/* PASSWORD_HASH_TYPES */.Jv.includes(type)) {
        note('password_hash_type', 'unsupported_password_hash_type', `WorkOS cannot verify ${typeText} hashes (it takes ${types/* PASSWORD_HASH_TYPES */.Jv.join(', ')}); the user is imported without a password.`, 'warning');
        return { gap: 'unsupported' };
    }
    const check = checkPasswordHash(type, hash);
    if (!check.ok) {
        note('password_hash', 'invalid_password_hash', `${check.message} The user is imported without a password.`, 'error');
        return { gap: 'unsupported' };
    }
    return { password: { type: type, hash }, gap: 'none' };
}
function organizationPart(row, config) {
    const externalId = textOf(row.org_external_id);
    const workosId = textOf(row.org_id);
    const name = textOf(row.org_name);
    if (!externalId && !workosId && !name)
        return undefined;
    const roles = roleSlugs(row.role_slugs).map((role) => config.roles[role] ?? role);
    return {
        ...(externalId ? { externalId } : {}),
        ...(workosId ? { workosId } : {}),
        ...(name ? { name } : {}),
        roles: [...new Set(roles)],
    };
}
/**
 * A user's key when the row has no external_id: `email-sha256:` and 40 hex digits of the SHA-256
 * of the lower-cased email. It is stable across runs (so a rerun finds the user), and keeps the
 * address itself out of the reports, the journal and the WorkOS external id.
 */
function emailKey(email) {
    return `email-sha256:${(0,external_node_crypto_.createHash)('sha256').update(email.toLowerCase()).digest('hex').slice(0, 40)}`;
}
/** `role_slugs` as the migrations CLI reads it: comma-separated, or a JSON array. */
function roleSlugs(value) {
    const text = value?.trim();
    if (!text)
        return [];
    if (text.startsWith('[')) {
        try {
            const parsed = JSON.parse(text);
            if (Array.isArray(parsed))
                return parsed.map((s) => String(s).trim()).filter((s) => s !== '');
        }
        catch {
            // Not JSON after all: read it as a list.
        }
    }
    return text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

;// CONCATENATED MODULE: ./build/sources/csv/users.js






/**
 * The users, organizations and memberships of a generic CSV in the WorkOS migrations CLI's
 * columns, one row at a time. A user in several organizations has one row per organization:
 * the first row of a user brings the user, every row its membership. An organization is
 * `org_external_id` (its external id) with `org_name`, created from the first row that names it.
 */
async function* readGenericCsv(options) {
    const path = options.usersPath;
    let columns;
    const columnOf = (field) => columns?.get(field);
    // Only short digests are kept per user, so a large file stays small in memory.
    const users = new Map();
    const organizations = new Map();
    for await (const item of readCsvRecords(path)) {
        if (!item.ok) {
            const location = {
                file: path,
                line: item.line,
                ...(item.column !== undefined ? { column: item.column } : {}),
            };
            yield userProblem(location, undefined, 'invalid_csv_row', item.message);
            continue;
        }
        if (!columns) {
            const names = Object.keys(item.row);
            if (!names.includes('email')) {
                throw new types/* UsageError */.eb(`${path}: this CSV has no email column. The generic CSV has the WorkOS migrations CLI's columns: email, first_name, last_name, email_verified, ` +
                    'password_hash, password_hash_type, external_id, metadata, org_id, org_external_id, org_name, role_slugs.');
            }
            columns = new Map(names.map((name, i) => [name, i + 1]));
        }
        const location = { file: path, line: item.line };
        const mapped = mapCsvRow(item.row, location, { config: options.config, columnOf });
        const sourceId = mapped.sourceId;
        const seen = sourceId === undefined ? undefined : users.get(sourceId);
        if (!seen) {
            yield* mapped.items;
            if (sourceId !== undefined)
                users.set(sourceId, {
                    digest: digest(mapped.fingerprint),
                    line: item.line,
                    imported: mapped.user !== undefined,
                });
            if (mapped.user)
                yield { kind: 'user', record: mapped.user };
        }
        else if (seen.imported && mapped.user && digest(mapped.fingerprint) !== seen.digest) {
            yield userNote({
                entity: 'user',
                sourceId: sourceId,
                location,
                code: 'conflicting_user_rows',
                message: `This row repeats the user of line ${seen.line} with other user columns; the values of line ${seen.line} are imported.`,
            });
        }
        const org = mapped.organization;
        if (!org)
            continue;
        const field = org.workosId ? 'org_id' : 'org_external_id';
        const at = columnOf(field) === undefined ? location : { ...location, column: columnOf(field) };
        if (org.workosId) {
            yield membershipProblem(at, undefined, sourceId, 'unsupported_org_id', 'org_id names an organization already in WorkOS by its WorkOS id; give the organization as org_external_id (and org_name) instead.', field);
            continue;
        }
        if (!org.externalId) {
            yield membershipProblem(at, undefined, sourceId, 'missing_org_external_id', 'The row names an organization by org_name alone; add its org_external_id, the key the organization is created and found by.', field);
            continue;
        }
        const known = organizations.get(org.externalId);
        if (!known?.named && org.name) {
            organizations.set(org.externalId, { named: true, line: item.line });
            yield {
                kind: 'organization',
                record: { sourceId: org.externalId, name: org.name, domains: [], metadata: {}, location },
            };
        }
        else if (!known)
            organizations.set(org.externalId, { named: false, line: item.line });
        if (sourceId === undefined || !users.get(sourceId)?.imported) {
            yield membershipProblem(location, org.externalId, sourceId, 'user_not_imported', "The membership belongs to a user that is not imported (see that user's problem).", 'email');
            continue;
        }
        // Several slugs in one row are several roles of one membership.
        yield {
            kind: 'membership',
            record: { organizationSourceId: org.externalId, userSourceId: sourceId, roles: org.roles, location },
        };
        if (org.roles.length === 0) {
            yield {
                kind: 'problem',
                problem: {
                    ...membershipBase(location, org.externalId, sourceId, 'role_slugs'),
                    code: 'default_role',
                    message: "The row has no role_slugs; the membership gets the environment's default role (member unless changed).",
                    severity: 'warning',
                },
            };
        }
    }
    for (const [externalId, org] of organizations) {
        if (!org.named) {
            yield organizationProblem({ file: path, line: org.line }, externalId, 'missing_name', 'The organization has no org_name on any row; WorkOS requires a name. Add it to one of its rows.', 'org_name');
        }
    }
}
function digest(fingerprint) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(fingerprint ?? '')
        .digest('base64')
        .slice(0, 16);
}

;// CONCATENATED MODULE: ./build/sources/firebase/map-user.js







// One user of `firebase auth:export users.json --format=json`: `{"users":[{localId, email,
// emailVerified, passwordHash, salt, displayName, phoneNumber, disabled, customAttributes,
// providerUserInfo:[{providerId}], mfaInfo:[{phoneInfo | totpInfo}]}]}`.
const firebase_map_user_text = schemas/* string */.YjP().nullish();
const map_user_flag = schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* string */.YjP()]).nullish();
const FirebaseUserSchema = schemas/* looseObject */._H3({
    localId: firebase_map_user_text,
    email: schemas/* unknown */.L5J().optional(),
    emailVerified: map_user_flag,
    passwordHash: firebase_map_user_text,
    salt: firebase_map_user_text,
    displayName: firebase_map_user_text,
    phoneNumber: firebase_map_user_text,
    disabled: map_user_flag,
    customAttributes: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())]).nullish(),
    providerUserInfo: schemas/* array */.YOg(schemas/* looseObject */._H3({ providerId: firebase_map_user_text })).nullish(),
    mfaInfo: schemas/* array */.YOg(schemas/* looseObject */._H3({ phoneInfo: schemas/* unknown */.L5J().optional(), totpInfo: schemas/* unknown */.L5J().optional() })).nullish(),
});
const firebase_map_user_FIELD_EXPECTATIONS = {
    emailVerified: 'true or false',
    disabled: 'true or false',
    customAttributes: 'a JSON object (or its text)',
    providerUserInfo: 'an array of provider objects',
    mfaInfo: 'an array of MFA enrollments',
};
/** Never metadata, whatever the map says. */
const SECRET_FIELDS = new Set(['passwordHash', 'salt']);
/** Firebase provider ids that are not a social sign-in. */
const NOT_SOCIAL = new Set(['password', 'phone', 'emailLink', 'anonymous']);
/** One Firebase user as canonical items: notes first, then the user; or one error. */
function mapFirebaseUser(raw, location, ctx) {
    const guessedId = typeof raw.localId === 'string' ? raw.localId.trim() || undefined : undefined;
    const parsed = FirebaseUserSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue.path.map(String).join('.');
        const expected = firebase_map_user_FIELD_EXPECTATIONS[String(issue.path[0])] ?? 'a string';
        return [
            userProblem(location, guessedId, 'invalid_field_type', `The field ${field} must be ${expected}, not ${describeType(valueAtIssuePath(raw, issue.path))}.`, field),
        ];
    }
    const user = parsed.data;
    const id = textOf(user.localId);
    if (!id)
        return [
            userProblem(location, undefined, 'missing_user_id', 'The user has no localId; it becomes the WorkOS external id, so it is required.', 'localId'),
        ];
    const providers = (user.providerUserInfo ?? []).map((p) => textOf(p.providerId)).filter((p) => !!p);
    const email = normalizeEmail(user.email);
    if (!email.ok) {
        const phoneOnly = email.code === 'missing_email' && (textOf(user.phoneNumber) !== undefined || providers.includes('phone'));
        const message = phoneOnly
            ? 'The user signs in with a phone number only; WorkOS users need an email, so ask them for one and add them later.'
            : email.message;
        return [userProblem(location, id, email.code, message, 'email')];
    }
    const flags = { emailVerified: false, disabled: false };
    for (const name of ['emailVerified', 'disabled']) {
        const value = flagOf(user[name]);
        if (value === 'invalid')
            return [userProblem(location, id, 'invalid_field_type', `The field ${name} must be true or false.`, name)];
        flags[name] = value ?? false;
    }
    const attributes = objectFromJsonText(user.customAttributes);
    if (attributes === 'invalid') {
        return [
            userProblem(location, id, 'invalid_field_type', 'The field customAttributes must hold a JSON object.', 'customAttributes'),
        ];
    }
    const fields = {};
    for (const [key, value] of Object.entries(raw))
        if (!SECRET_FIELDS.has(key) && key !== 'customAttributes')
            fields[key] = value;
    if (attributes)
        fields.customAttributes = attributes;
    const metadata = checkMetadata(pickMetadataFields(fields, ctx.config.metadata.users, SECRET_FIELDS));
    if (!metadata.ok)
        return [userProblem(location, id, metadata.code, metadata.message, metadata.field)];
    const items = [];
    const password = firebasePassword(user, id, location, ctx, items);
    const social = new Set();
    for (const provider of providers) {
        if (NOT_SOCIAL.has(provider))
            continue;
        if (provider.startsWith('saml.') || provider.startsWith('oidc.')) {
            items.push(userNote({
                entity: 'user',
                sourceId: id,
                location,
                field: 'providerUserInfo',
                code: 'sso_user',
                message: ssoMessage('Firebase', provider),
            }));
            social.add('sso');
        }
        else
            social.add(provider.replace(/\.com$/, ''));
    }
    const mfaFactors = new Set();
    for (const enrollment of user.mfaInfo ?? [])
        mfaFactors.add(enrollment.totpInfo !== undefined ? 'totp' : enrollment.phoneInfo !== undefined ? 'sms' : 'other');
    // A phone number as the only way in (no password, no other provider) must be re-enrolled too.
    const phoneOnly = providers.includes('phone') && password.gap !== 'none' && social.size === 0;
    if (phoneOnly)
        mfaFactors.add('sms');
    items.push(userItem({
        sourceId: id,
        idField: 'localId',
        email: email.email,
        emailVerified: flags.emailVerified,
        ...splitDisplayName(textOf(user.displayName)),
        ...(password.password ? { password: password.password } : {}),
        passwordGap: password.gap,
        metadata: metadata.metadata,
        mfaFactors: [...mfaFactors],
        socialProviders: [...social],
        blocked: flags.disabled,
        location,
    }));
    return items;
}
function firebasePassword(user, id, location, ctx, items) {
    const hash = textOf(user.passwordHash);
    const salt = textOf(user.salt);
    if (!hash)
        return { gap: 'missing' };
    if (!ctx.hashConfig) {
        throw new types/* UsageError */.eb(`${location.file}:${location.line}: the export holds password hashes, and they need the project's hash parameters: ` +
            'give them with --hash-config FILE (the hash-config input), or as hashConfig in the mapping config ' +
            '(Firebase console: Authentication → Users → ⋮ → Password hash parameters).');
    }
    const invalid = (message) => {
        items.push(userNote({
            entity: 'password',
            sourceId: id,
            location,
            field: 'passwordHash',
            code: 'invalid_password_hash',
            message: `${message} The user is imported without a password.`,
            severity: 'error',
        }));
        return { gap: 'unsupported' };
    };
    if (!salt)
        return invalid('The user has a passwordHash but no salt; Firebase exports both.');
    const phc = formatFirebaseScryptHash({
        hash,
        salt,
        signerKey: ctx.hashConfig.base64_signer_key,
        saltSeparator: ctx.hashConfig.base64_salt_separator,
        rounds: ctx.hashConfig.rounds,
        memCost: ctx.hashConfig.mem_cost,
    });
    const check = checkPasswordHash('firebase-scrypt', phc);
    if (!check.ok)
        return invalid(check.message);
    return { password: { type: 'firebase-scrypt', hash: phc }, gap: 'none' };
}

;// CONCATENATED MODULE: ./build/sources/firebase/users.js





/**
 * Every user of a `firebase auth:export --format=json` file (`{"users":[…]}`, a bare array or
 * NDJSON; gzipped or not) as canonical items, one at a time. Password hashes become
 * firebase-scrypt PHC strings with the project's hash parameters. Disabled users are yielded
 * with `blocked: true`; the planner applies the policy.
 */
async function* readFirebaseUsers(options) {
    const hashConfig = await firebaseHashConfig(options);
    for await (const item of readUserObjects(options.usersPath, 'users')) {
        if (item.kind !== 'object')
            yield item;
        else
            yield* mapFirebaseUser(item.raw, item.location, {
                config: options.config,
                ...(hashConfig ? { hashConfig } : {}),
            });
    }
}
async function firebaseHashConfig(options) {
    const path = options.hashConfigPath;
    if (path === undefined)
        return options.config.hashConfig;
    if (options.config.hashConfig) {
        throw new types/* UsageError */.eb(`${path}: the hash parameters are given twice (--hash-config and hashConfig in the config); keep one.`);
    }
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        throw new types/* UsageError */.eb(`${path}: cannot read the hash parameters file; check the --hash-config path.`);
    }
    const parsed = parseFirebaseHashConfig(text);
    if (typeof parsed === 'string') {
        throw new types/* UsageError */.eb(`${path}: not Firebase hash parameters: ${parsed}. Copy them from the Firebase console (Authentication → Users → ⋮ → Password hash parameters).`);
    }
    return parsed;
}

;// CONCATENATED MODULE: ./build/sources/supabase/map-user.js




// One row of Supabase's `auth.users` table, from a CSV (`\copy (select * from auth.users) to
// 'users.csv' csv header`) or JSON (`select json_agg(u) from auth.users u`) dump. The Admin
// API's names for the two metadata objects (`user_metadata`, `app_metadata`) are read too.
/** Columns that hold secrets or one-time tokens: never metadata, and dropped from the row. */
const SUPABASE_SECRET_FIELDS = new Set([
    'encrypted_password',
    'confirmation_token',
    'recovery_token',
    'email_change_token_new',
    'email_change_token_current',
    'phone_change_token',
    'reauthentication_token',
]);
/** Supabase providers that are not a social sign-in. */
const map_user_NOT_SOCIAL = new Set(['email', 'phone', 'anonymous']);
/**
 * One `auth.users` row as canonical items. Secrets are removed from `row` before anything else
 * reads it. Banned (until a future time) and soft-deleted users are yielded with
 * `blocked: true`; the planner skips them by policy.
 */
function mapSupabaseUser(row, location, ctx) {
    const secret = row.encrypted_password;
    for (const key of SUPABASE_SECRET_FIELDS)
        delete row[key];
    const at = (field) => {
        const column = ctx.columnOf(field);
        return column === undefined ? location : { ...location, column };
    };
    const problem = (sourceId, code, message, field) => [
        userProblem(at(field), sourceId, code, message, field),
    ];
    const id = textOf(row.id);
    if (!id)
        return problem(undefined, 'missing_user_id', 'The user has no id; it becomes the WorkOS external id, so it is required.', 'id');
    const email = normalizeEmail(typeof row.email === 'string' && row.email.trim() === '' ? undefined : row.email);
    if (!email.ok) {
        const phoneOnly = email.code === 'missing_email' && textOf(row.phone) !== undefined;
        const anonymous = flagOf(row.is_anonymous) === true;
        const message = anonymous
            ? 'The user is an anonymous Supabase user with no email; there is nothing to sign in to WorkOS with.'
            : phoneOnly
                ? 'The user signs in with a phone number only; WorkOS users need an email, so ask them for one and add them later.'
                : email.message;
        return problem(id, email.code, message, 'email');
    }
    const meta = {};
    for (const [name, alias] of [
        ['raw_user_meta_data', 'user_metadata'],
        ['raw_app_meta_data', 'app_metadata'],
    ]) {
        const field = row[name] !== undefined ? name : alias;
        const value = objectFromJsonText(row[field]);
        if (value === 'invalid')
            return problem(id, 'invalid_field_type', `The field ${field} must hold a JSON object, not ${describeType(row[field])}.`, field);
        meta[name] = value ?? {};
        row[field] = meta[name];
    }
    const isSso = flagOf(row.is_sso_user);
    if (isSso === 'invalid')
        return problem(id, 'invalid_field_type', 'The field is_sso_user must be true or false.', 'is_sso_user');
    const banned = timestampOf(row.banned_until);
    const deleted = timestampOf(row.deleted_at);
    if (banned === 'invalid')
        return problem(id, 'invalid_field_type', 'The field banned_until must be a timestamp.', 'banned_until');
    if (deleted === 'invalid')
        return problem(id, 'invalid_field_type', 'The field deleted_at must be a timestamp.', 'deleted_at');
    const confirmed = timestampOf(row.email_confirmed_at);
    const metadata = checkMetadata(pickMetadataFields(row, ctx.config.metadata.users, SUPABASE_SECRET_FIELDS));
    if (!metadata.ok)
        return problem(id, metadata.code, metadata.message, metadata.field);
    const items = [];
    const password = supabasePassword(secret, id, at('encrypted_password'), items);
    const social = new Set();
    const app = meta.raw_app_meta_data;
    const providers = [...(Array.isArray(app.providers) ? app.providers : []), app.provider].filter((p) => typeof p === 'string' && p !== '');
    for (const provider of providers) {
        if (map_user_NOT_SOCIAL.has(provider))
            continue;
        social.add(provider.startsWith('sso:') ? 'sso' : provider);
    }
    if (isSso === true || social.has('sso')) {
        const provider = providers.find((p) => p.startsWith('sso:')) ?? 'a SAML provider';
        items.push(userNote({
            entity: 'user',
            sourceId: id,
            location: at('is_sso_user'),
            field: 'is_sso_user',
            code: 'sso_user',
            message: ssoMessage('Supabase', provider),
        }));
        social.add('sso');
    }
    items.push(userItem({
        sourceId: id,
        email: email.email,
        emailVerified: typeof confirmed === 'number',
        ...supabaseNames(meta.raw_user_meta_data),
        ...(password.password ? { password: password.password } : {}),
        passwordGap: password.gap,
        metadata: metadata.metadata,
        mfaFactors: [],
        socialProviders: [...social],
        blocked: (typeof banned === 'number' && banned > ctx.now) || typeof deleted === 'number',
        location,
    }));
    return items;
}
/** `full_name`, then `name`, split by the display-name rule; `first_name`/`last_name` win when present. */
function supabaseNames(meta) {
    const first = textOf(meta.first_name) ?? textOf(meta.given_name);
    const last = textOf(meta.last_name) ?? textOf(meta.family_name);
    if (first || last)
        return { ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}) };
    return splitDisplayName(textOf(meta.full_name) ?? textOf(meta.name));
}
function supabasePassword(value, id, location, items) {
    const hash = textOf(value);
    if (!hash)
        return { gap: 'missing' };
    const note = (code, message, severity) => {
        items.push(userNote({ entity: 'password', sourceId: id, location, field: 'encrypted_password', code, message, severity }));
        return { gap: 'unsupported' };
    };
    if (!hash.startsWith('$2')) {
        return note('unsupported_password_hash', 'The encrypted_password is not a bcrypt hash, the only kind Supabase Auth writes; the user is imported without a password.', 'warning');
    }
    const check = checkPasswordHash('bcrypt', hash);
    if (!check.ok)
        return note('invalid_password_hash', `${check.message} The user is imported without a password.`, 'error');
    return { password: { type: 'bcrypt', hash }, gap: 'none' };
}
/**
 * A timestamp as PostgreSQL writes it in CSV (`2025-01-02 03:04:05.123456+00`), ISO 8601 in
 * JSON, or `infinity`. Blank is undefined; milliseconds since the epoch otherwise.
 */
function timestampOf(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        return 'invalid';
    const text = value.trim();
    if (text === '')
        return undefined;
    if (text === 'infinity')
        return Infinity;
    const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
    const time = Date.parse(iso);
    return Number.isNaN(time) ? 'invalid' : time;
}

;// CONCATENATED MODULE: ./build/sources/supabase/users.js





/**
 * Every user of a Supabase `auth.users` dump, CSV or JSON (an array, NDJSON, or the Admin API's
 * `{"users":[…]}`), gzipped or not, as canonical items one at a time. The format is told by the
 * first character of the file.
 */
async function* readSupabaseUsers(options) {
    const path = options.usersPath;
    const now = options.now ?? Date.now();
    const first = (await (0,byte_stream/* readTextHead */.q8)(path)).trimStart().charAt(0);
    if (first === '')
        throw new types/* UsageError */.eb(`${path}: the file holds only blank space; dump auth.users again or check the path.`);
    if (first === '[' || first === '{') {
        for await (const item of readUserObjects(path, 'users')) {
            if (item.kind !== 'object')
                yield item;
            else
                yield* mapSupabaseUser(item.raw, item.location, { config: options.config, columnOf: () => undefined, now });
        }
        return;
    }
    let columns;
    for await (const item of readCsvRecords(path)) {
        if (!item.ok) {
            const location = {
                file: path,
                line: item.line,
                ...(item.column !== undefined ? { column: item.column } : {}),
            };
            yield userProblem(location, undefined, 'invalid_csv_row', item.message);
            continue;
        }
        if (!columns) {
            const names = Object.keys(item.row);
            if (!names.includes('id') || !names.includes('email')) {
                throw new types/* UsageError */.eb(`${path}: this CSV is not a dump of auth.users: its header needs the id and email columns. Dump it with \\copy (select * from auth.users) to 'users.csv' csv header.`);
            }
            columns = new Map(names.map((name, i) => [name, i + 1]));
        }
        const known = columns;
        yield* mapSupabaseUser(item.row, { file: path, line: item.line }, { config: options.config, columnOf: (field) => known.get(field), now });
    }
}

;// CONCATENATED MODULE: ./build/sources/index.js









const SOURCE_KINDS = ['auth0', 'clerk', 'firebase', 'cognito', 'supabase', 'csv'];
/**
 * Every record of the source's files, mapped to canonical records, in batches: a million users
 * should not be a million steps of an async generator.
 */
async function* readSourceBatches(kind, files, config) {
    if (files.passwords && kind !== 'auth0') {
        throw new types/* UsageError */.eb(`--passwords is for Auth0 only: ${kind} exports carry their password hashes (if any) in the user file.`);
    }
    if (files.hashConfig && kind !== 'firebase')
        throw new types/* UsageError */.eb("--hash-config is for Firebase only: it holds a Firebase project's hash parameters.");
    if (files.organizations && !['auth0', 'clerk'].includes(kind)) {
        throw new types/* UsageError */.eb(kind === 'csv'
            ? '--organizations is not used with --source csv: organizations come from its org_external_id and org_name columns.'
            : `--organizations is for Auth0 and Clerk: ${kind} has no organization export.`);
    }
    switch (kind) {
        case 'auth0':
            yield* readAuth0UserBatches({
                usersPath: files.users,
                passwordsPath: files.passwords,
                metadataMap: config.metadata.users,
            });
            if (files.organizations)
                yield* inBatches(readAuth0Organizations({ path: files.organizations, config }));
            return;
        case 'clerk':
            yield* inBatches(readClerkUsers({ usersPath: files.users, config }));
            if (files.organizations)
                yield* inBatches(readClerkOrganizations({ path: files.organizations, config }));
            return;
        case 'firebase':
            yield* inBatches(readFirebaseUsers({
                usersPath: files.users,
                ...(files.hashConfig ? { hashConfigPath: files.hashConfig } : {}),
                config,
            }));
            return;
        case 'cognito':
            yield* inBatches(readCognitoUsers({ usersPath: files.users, config }));
            return;
        case 'supabase':
            yield* inBatches(readSupabaseUsers({ usersPath: files.users, config }));
            return;
        case 'csv':
            yield* inBatches(readGenericCsv({ usersPath: files.users, config }));
            return;
    }
}
function parseSourceKind(value) {
    if (SOURCE_KINDS.includes(value))
        return value;
    throw new types/* UsageError */.eb(`Unknown source "${value}". Use one of: ${SOURCE_KINDS.join(', ')}.`);
}
/** Collects a source's items. */
function collectSourceRecords(items, options) {
    return collectSourceBatches(inBatches(items), options);
}
/** Collects a source's items, given in batches. */
async function collectSourceBatches(batches, { onLocation, onUser } = {}) {
    const records = { users: [], organizations: [], memberships: [], problems: [] };
    for await (const batch of batches)
        for (const item of batch) {
            onLocation?.(item.kind === 'problem' ? item.problem.location : item.record.location);
            if (item.kind === 'user') {
                if (onUser)
                    onUser(item.record);
                else
                    records.users.push(item.record);
            }
            else if (item.kind === 'organization')
                records.organizations.push(item.record);
            else if (item.kind === 'membership')
                records.memberships.push(item.record);
            else
                records.problems.push(item.problem);
        }
    return records;
}
/** Items of a one-at-a-time reader, handed on in batches (a batch is whatever arrived, up to 256). */
async function* inBatches(items, size = 256) {
    let batch = [];
    for await (const item of items) {
        batch.push(item);
        if (batch.length === size) {
            yield batch;
            batch = [];
        }
    }
    if (batch.length > 0)
        yield batch;
}

// EXTERNAL MODULE: ./node_modules/@workos-inc/node/lib/index.mjs + 1 modules
var node_lib = __webpack_require__(16766);
;// CONCATENATED MODULE: ./build/workos/client.js


const DEFAULT_API_URL = 'https://api.workos.com';
/**
 * Checks the shape of a WorkOS API key before any request, so that the commonest mistakes
 * (a client id, an empty secret) fail with a sentence instead of a 401 deep in the run.
 */
function checkApiKey(key) {
    if (!key || key.trim() === '') {
        throw new types/* UsageError */.eb('No WorkOS API key: set WORKOS_API_KEY (in a workflow, the workos-api-key input from a secret).');
    }
    const trimmed = key.trim();
    if (trimmed.startsWith('client_')) {
        throw new types/* UsageError */.eb('The WorkOS API key looks like a client ID (client_…). Use the secret API key (sk_test_… or sk_live_…) from the WorkOS dashboard.');
    }
    if (trimmed.startsWith('sk_live_'))
        return 'live';
    if (trimmed.startsWith('sk_test_'))
        return 'test';
    throw new types/* UsageError */.eb('The WorkOS API key must start with sk_test_ or sk_live_. Copy the secret key from the WorkOS dashboard, API Keys.');
}
/**
 * The SDK client. Its own retries are off (`maxRetries: 0`): our engine owns retries and pacing,
 * because a retried create must first look up what the lost attempt may have written, and a 429
 * must pause every worker, not just the one that saw it.
 */
function createWorkOS(target) {
    const url = parseApiUrl(target.apiUrl ?? DEFAULT_API_URL);
    return new node_lib/* WorkOS */.s6(target.apiKey.trim(), {
        apiHostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        https: url.protocol === 'https:',
        maxRetries: 0,
        timeout: target.timeoutMs ?? requestTimeoutFromEnv() ?? 30_000,
    });
}
/** `MIGRATE_TO_WORKOS_REQUEST_TIMEOUT_MS`: a shorter request timeout, for rehearsals against slow stand-ins (the soak). */
function requestTimeoutFromEnv() {
    const ms = Number(process.env.MIGRATE_TO_WORKOS_REQUEST_TIMEOUT_MS);
    return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
function parseApiUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new types/* UsageError */.eb(`The WorkOS API URL "${raw}" is not a URL. Use e.g. https://api.workos.com or http://127.0.0.1:4010.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new types/* UsageError */.eb(`The WorkOS API URL must be http(s), got ${url.protocol}`);
    }
    // URL keeps IPv6 hosts bracketed; the SDK builds its own URL and wants them so.
    return url;
}

;// CONCATENATED MODULE: ./build/workos/pages.js
/**
 * Every item of a WorkOS list, page by page (100 a page, the API's maximum), each page a paced
 * read. The SDK's autoPagination would bypass our read limiter and retries.
 */
async function* allPages(read, fetchPage) {
    let after;
    do {
        const page = await read(() => fetchPage(after));
        yield* page.data;
        after = page.listMetadata.after ?? undefined;
    } while (after);
}

;// CONCATENATED MODULE: ./build/workos/live-index.js


/**
 * Reads the environment in pages of 100 (the API's maximum) under the caller's read limiter,
 * keeping only what the diff needs. A rerun of a finished import of N users costs about N/100
 * reads, plus one a page of organizations and one per organization's member list.
 */
async function readLiveIndex(workos, read, request) {
    const index = emptyLiveIndex();
    const counted = (fn) => {
        index.reads++;
        return read(fn);
    };
    let users = 0;
    for await (const user of allPages(counted, (after) => workos.userManagement.listUsers({ limit: 100, after, order: 'asc' }))) {
        addUser(index, user);
        if (++users % 100 === 0)
            request.onPage?.('users', users);
    }
    if (!request.organizations)
        return index;
    const orgs = [];
    for await (const org of allPages(counted, (after) => workos.organizations.listOrganizations({ limit: 100, after, order: 'asc' }))) {
        orgs.push(addOrganization(index, org));
    }
    request.onPage?.('organizations', orgs.length);
    let memberships = 0;
    for (const org of orgs) {
        if (request.membershipsOf && !request.membershipsOf(org))
            continue;
        const pages = allPages(counted, (after) => workos.userManagement.listOrganizationMemberships({ organizationId: org.id, limit: 100, after }));
        for await (const m of pages) {
            addMembership(index, m);
            memberships++;
        }
        index.membershipsReadFor.add(org.id);
        request.onPage?.('memberships', memberships);
    }
    return index;
}
function liveUser(user) {
    return {
        id: user.id,
        externalId: user.externalId ?? null,
        emailKey: user.email.toLowerCase(),
        emailVerified: user.emailVerified,
        firstName: user.firstName ?? null,
        lastName: user.lastName ?? null,
        metadataDigest: metadataDigest(user.metadata),
    };
}
function liveOrganization(org) {
    return {
        id: org.id,
        externalId: org.externalId ?? null,
        name: org.name,
        domains: sortedJoined(org.domains.map((d) => d.domain.toLowerCase())),
        metadataDigest: metadataDigest(org.metadata),
    };
}
function liveMembership(m) {
    const slugs = m.roles?.map((r) => r.slug) ?? (m.role ? [m.role.slug] : []);
    return { id: m.id, organizationId: m.organizationId, userId: m.userId, roles: sortedJoined(slugs) };
}
function addUser(index, user) {
    index.users.add(liveUser(user));
}
function addOrganization(index, org) {
    const live = liveOrganization(org);
    index.organizationsById.set(live.id, live);
    if (live.externalId)
        index.organizationsByExternalId.set(live.externalId, live);
    return live;
}
function addMembership(index, m) {
    const live = liveMembership(m);
    index.memberships.set(liveMembershipKey(live.organizationId, live.userId), live);
}

;// CONCATENATED MODULE: ./build/workos/roles.js
/** The environment's role slugs (organization roles extend these per organization). */
async function listRoleSlugs(workos) {
    const roles = await workos.authorization.listEnvironmentRoles();
    return new Set(roles.data.map((r) => r.slug));
}

;// CONCATENATED MODULE: ./build/modes/pipeline.js
// What every mode shares: read the exports, plan, connect, read WorkOS, diff, report. Each mode
// (plan.ts, import.ts, verify.ts, rollback.ts) is one function over these steps.

























const DEFAULTS = DEFAULT_PACING;
/** Reads and plans the exports; connects (checking the key's shape first) when there is a key. */
async function prepareRun(options) {
    const log = options.log ?? silentLogger;
    // Connecting checks the key's shape: a wrong key fails in a second, not after reading a million-user export.
    const workos = options.target ? connect(options.target) : undefined;
    const config = options.config ?? DEFAULT_MAPPING_CONFIG;
    // Before anything is read or written: --out and --state must be directories (or not exist yet).
    checkRunDirectories({ state: options.stateDir, out: options.outDir });
    (0,limits/* setInputLimits */.DT)(config.limits);
    // Sized from the export (about 500 bytes a user), so its indexes need not grow a million users long.
    const planner = new UserPlanner(config.policies, (0,file_kind/* estimatedRecords */.Ji)(options.files.users, 500));
    const records = await log.group(`Reading the ${options.source} export`, () => readAll(options, config, planner, log));
    const users = planner.finish();
    const organizations = planOrganizations(records.organizations, records.memberships, users);
    const plan = { users, organizations };
    log.info(describePlan(plan, records.problems));
    const caller = newCaller(options);
    const run = {
        options,
        log,
        config,
        identity: { source: options.source, fingerprint: configFingerprint(config) },
        plan,
        problems: [...records.problems, ...users.invalid, ...organizations.invalid],
        // An organizations file, or organizations in the user file itself (the generic CSV).
        managesOrganizations: options.files.organizations !== undefined || organizations.organizations.length > 0,
        workos,
        caller,
        started: Date.now(),
    };
    if (workos && plan.organizations.memberships.length > 0)
        await checkRoles(run, workos);
    return run;
}
/** A run that reads no export (rollback): the checkpoint says what to do. */
function prepareEmptyRun(options) {
    const config = options.config ?? DEFAULT_MAPPING_CONFIG;
    checkRunDirectories({ state: options.stateDir, out: options.outDir });
    return {
        options,
        log: options.log ?? silentLogger,
        config,
        identity: { source: options.source, fingerprint: configFingerprint(config) },
        plan: {
            users: { users: new PlannedUsers(), invalid: [], merges: [] },
            organizations: { organizations: [], memberships: [], invalid: [] },
        },
        problems: [],
        managesOrganizations: false,
        workos: options.target ? connect(options.target) : undefined,
        caller: newCaller(options),
        started: Date.now(),
    };
}
function newCaller(options) {
    return new WorkOSCaller(new RateLimiter(options.rateLimit ?? DEFAULTS.rateLimit), new RateLimiter(options.readRateLimit ?? DEFAULTS.readRateLimit), undefined, { apiUrl: options.target?.apiUrl ?? DEFAULT_API_URL });
}
/** Unknown roles are found before any write (a dry run with a key finds them too). */
async function checkRoles(run, workos) {
    const roles = await run.caller
        .read(() => listRoleSlugs(workos))
        .catch((error) => {
        run.log.warn(`Could not list the environment's roles (${error.message}); role slugs are not checked before writing.`);
        return undefined;
    });
    if (!roles)
        return;
    const checked = checkMembershipRoles(run.plan.organizations.memberships, roles);
    run.plan.organizations = { ...run.plan.organizations, memberships: checked.valid };
    run.problems.push(...checked.invalid);
}
function requireWorkOS(run) {
    if (!run.workos)
        throw new types/* UsageError */.eb(`${run.options.mode} needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).`);
    return run.workos;
}
/** Opens the checkpoint: read-only for plan and verify (they never create one). */
function openJournal(run, access) {
    const dir = run.options.stateDir;
    if (!dir)
        return undefined;
    if (access === 'read' && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, JOURNAL_FILE)))
        return undefined;
    return Journal.open(dir, run.identity, { force: run.options.force, readOnly: access === 'read' });
}
/** Reads what WorkOS holds: users, and organizations with their members when the export has them. */
function readWorkOS(run, workos) {
    const plannedOrgs = new Set(run.plan.organizations.organizations.map((o) => o.sourceId));
    return run.log.group('Reading WorkOS', async () => {
        const live = await readLiveIndex(workos, (fn) => run.caller.read(fn), {
            organizations: run.managesOrganizations,
            // Members of the export's organizations (to diff) and of ours that left it (deleted with them).
            membershipsOf: (org) => org.externalId !== null && plannedOrgs.has(org.externalId),
        });
        run.log.info(`WorkOS holds ${live.users.size} user(s)` +
            (run.managesOrganizations
                ? `, ${live.organizationsById.size} organization(s), ${live.memberships.size} membership(s) of the export's organizations`
                : '') +
            ` (${live.reads} read(s)).`);
        return live;
    });
}
/** The diff of the plan against what WorkOS holds; `passwordsFromJournal` as in DiffInput. */
function diffRun(run, live, journal, passwordsFromJournal) {
    const notImported = (entity) => new Set(run.problems.filter((p) => p.entity === entity && p.severity === 'error' && p.sourceId).map((p) => p.sourceId));
    return diffMigration({
        users: run.plan.users.users,
        organizations: run.plan.organizations.organizations,
        memberships: run.plan.organizations.memberships,
        live,
        journal,
        passwordsFromJournal,
        notImported: { users: notImported('user'), organizations: notImported('organization') },
        skippedUsers: new Set(run.problems.filter((p) => p.entity === 'user' && p.severity === 'skip' && p.sourceId).map((p) => p.sourceId)),
        managesOrganizations: run.managesOrganizations,
        ownsExternalId: (entity, id) => sourceOwnsExternalId(run.options.source, entity, id),
    });
}
/** Users the export moves to an address another WorkOS user holds, and users kept under another id. */
function conflictProblems(diff) {
    return diff.users
        .filter((c) => c.action === 'conflict' && c.fields.length === 0)
        .map((c) => ({
        entity: 'user',
        sourceId: c.record.sourceId,
        location: c.record.location,
        field: 'email',
        code: 'email_held_by_other',
        message: `WorkOS user ${c.workosId} already has this email under another external id; it is kept as it is and gets this user's memberships. Check that they are the same person.`,
        severity: 'warning',
    }));
}
function removalCounts(removals) {
    return {
        users: removals.filter((r) => r.entity === 'user').length,
        organizations: removals.filter((r) => r.entity === 'organization').length,
        memberships: removals.filter((r) => r.entity === 'membership').length,
    };
}

/** Builds the summary and writes the reports: the last step of every mode. */
async function finishRun(run, report) {
    const { options } = run;
    const elapsedSeconds = (Date.now() - run.started) / 1000;
    const c = run.caller.counters;
    const problems = [...report.problems, ...(report.reconciliation?.drift ?? []), ...(report.logins?.problems ?? [])];
    const r = report.reconciliation;
    const summary = (0,report_summary/* buildSummary */.fR)({
        mode: options.mode,
        source: options.source,
        plan: run.plan.users,
        problems,
        outcomes: report.outcomes,
        pendingNotListed: report.pendingNotListed,
        stoppedBy: report.stoppedBy,
        workos: r && { users: r.users, organizations: r.organizations, memberships: r.memberships },
        changes: report.showChanges && report.diff ? countChanges(report.diff) : undefined,
        removals: report.removals ? removalCounts(report.removals) : undefined,
        deleted: report.deleted,
        cutover: report.cutover,
        fatal: report.fatal,
        passwords: report.passwords,
        requests: run.workos ? { ...c, writesPerSecond: writeRate(c), elapsedSeconds } : undefined,
        processedThisRun: report.processed,
        logins: report.logins && {
            tried: report.logins.tried,
            succeeded: report.logins.succeeded,
            failed: report.logins.failed,
        },
    });
    // Failed writes are outcomes, counted once as failed; reports list them with the problems.
    const shown = [...problems, ...report.outcomes.filter((o) => o.status === 'failed').map(failureProblem)];
    const markdown = renderSummaryMarkdown(summary, shown, { maxChars: 1_000_000 });
    const files = options.outDir
        ? await writeReportFiles(options.outDir, {
            summary,
            markdown,
            problems,
            outcomes: report.outcomes,
            users: run.plan.users.users,
            merges: run.plan.users.merges,
            includePii: options.includePii ?? false,
            extraFiles: report.extraFiles,
        })
        : undefined;
    return {
        summary,
        markdown,
        problems: shown,
        outcomes: report.outcomes,
        files,
        journalAppended: report.journalAppended ?? 0,
    };
}
/** A failed write as the problem lists show it (the summary counts it as failed, not invalid). */
function failureProblem(o) {
    const requestId = o.failure?.requestId ? ` (request ${o.failure.requestId})` : '';
    return {
        entity: o.entity,
        sourceId: o.sourceId,
        location: o.location,
        code: o.failure?.code ?? 'failed',
        message: `${o.failure?.message ?? 'No reason was given.'}${requestId}`,
        severity: 'error',
        failed: true,
    };
}
/** Every planned record by entity, in the order the phases write them. */
function plannedRecords(run) {
    return [
        ['user', run.plan.users.users],
        ['organization', run.plan.organizations.organizations],
        ['membership', run.plan.organizations.memberships],
    ];
}
/** Every planned record, not yet done: what a run that could not reach WorkOS leaves. */
function pendingOutcomes(run) {
    return plannedRecords(run).flatMap(([entity, records]) => Array.from(records, (r) => ({ entity, sourceId: r.sourceId, location: r.location, status: 'pending' })));
}
/**
 * WorkOS stopped answering before the run could do its work: the reports are still written
 * (everything pending, the reason as the headline), and the run ends with exit 2.
 */
function whenUnreachable(run) {
    return async (error) => {
        if (!(error instanceof WorkOSUnreachableError))
            throw error;
        return finishRun(run, {
            outcomes: pendingOutcomes(run),
            problems: run.problems,
            stoppedBy: 'unreachable',
            fatal: error.message,
        });
    };
}
/** Writes per second while writing: reading the exports and reconciling are not in the span. */
function writeRate(c) {
    if (c.firstWriteAt === undefined || c.lastWriteAt === undefined || c.writes < 2)
        return 0;
    return (c.writes - 1) / Math.max((c.lastWriteAt - c.firstWriteAt) / 1000, 0.001);
}
function connect(target) {
    checkApiKey(target.apiKey);
    return createWorkOS(target);
}
/**
 * Reads the export: users go straight into the planner (a million of them never sit in memory
 * as objects); organizations, memberships and problems are collected.
 */
async function readAll(options, config, planner, log) {
    const reading = new progress/* ReadProgress */.iN(log, `Reading the ${options.source} export`);
    try {
        return await collectSourceBatches(readSourceBatches(options.source, options.files, config), {
            onLocation: (location) => {
                reading.record();
                const label = options.fileLabels?.get(location.file);
                if (label !== undefined)
                    location.file = label;
            },
            onUser: (record) => planner.add(record),
        });
    }
    catch (error) {
        throw relabelError(error, options.fileLabels);
    }
    finally {
        reading.done();
    }
}
function describePlan(plan, problems) {
    const count = (entity) => problems.filter((p) => p.severity !== 'warning' && p.entity === entity).length;
    const u = plan.users;
    const o = plan.organizations;
    return [
        `Users: ${u.users.length} to bring to WorkOS, ${u.invalid.length + count('user')} invalid or skipped, ${u.merges.length} merge(s).`,
        ...(o.organizations.length + o.memberships.length > 0
            ? [
                `Organizations: ${o.organizations.length}; memberships: ${o.memberships.length}; ${o.invalid.length + count('organization') + count('membership')} invalid.`,
            ]
            : []),
    ].join('\n');
}

;// CONCATENATED MODULE: ./build/modes/plan.js




/**
 * `plan`: a dry run. With a key it reads WorkOS and says exactly what an import would do now
 * (create / update / remove, by record, in changes.jsonl); without one it can only say what the
 * checkpoint does not hold yet. Never writes, to WorkOS or to the checkpoint.
 */
async function runPlan(options) {
    const run = await prepareRun(options);
    const journal = openJournal(run, 'read');
    if (!run.workos)
        return finishRun(run, { ...journalOutcomes(run, journal), problems: run.problems });
    const workos = run.workos;
    return planAgainst(run, workos, journal).catch(whenUnreachable(run));
}
async function planAgainst(run, workos, journal) {
    const options = run.options;
    const diff = diffRun(run, await readWorkOS(run, workos), journal, true);
    const pii = options.includePii ?? false;
    return finishRun(run, {
        outcomes: diffOutcomes(diff),
        problems: [...run.problems, ...conflictProblems(diff)],
        reconciliation: reconcile(diff),
        diff,
        showChanges: true,
        removals: diff.removals,
        passwords: { sent: 0, ...passwordMemory(diff) },
        extraFiles: { 'changes.jsonl': changesJsonl(diff, pii), 'removals.csv': removalsCsv(diff.removals, pii) },
    });
}
/** Per planned record: `unchanged` when WorkOS holds it as planned, else `pending` (an import would write it). */
function diffOutcomes(diff) {
    const all = [...diff.users, ...diff.organizations, ...diff.memberships];
    return all.map((change) => {
        const inStep = change.action === 'unchanged' || (change.action === 'conflict' && change.fields.length === 0);
        return {
            entity: change.entity,
            sourceId: change.record.sourceId,
            location: change.record.location,
            status: inStep ? 'unchanged' : 'pending',
            ...(change.workosId ? { workosId: change.workosId } : {}),
        };
    });
}
/**
 * Without a key: what the checkpoint holds as planned is unchanged (listed, for the id map);
 * the rest would be written, and is only counted: a million pending users are a number in the
 * summary, not a million objects.
 */
function journalOutcomes(run, journal) {
    const outcomes = [];
    const pendingNotListed = { user: 0, organization: 0, membership: 0 };
    for (const [entity, records] of plannedRecords(run)) {
        if (!journal) {
            pendingNotListed[entity] = records.length;
            continue;
        }
        for (const record of records) {
            const entry = journal.get(entity, record.sourceId);
            if (entry === undefined || entry.status === 'deleted' || entry.input_digest !== record.digest) {
                pendingNotListed[entity]++;
                continue;
            }
            outcomes.push({
                entity,
                sourceId: record.sourceId,
                location: record.location,
                status: 'unchanged',
                workosId: entry.workos_id,
            });
        }
    }
    return { outcomes, pendingNotListed };
}

;// CONCATENATED MODULE: ./build/model/mask.js
/**
 * An email as logs and PR comments may show it (DESIGN §3): `j***@acme.com`. Enough to tell
 * users apart in a short list, not enough to read the address. Text that is not an email
 * becomes `***`.
 */
function maskEmail(email) {
    const trimmed = email.trim();
    const at = trimmed.lastIndexOf('@');
    if (at < 0)
        return '***';
    const first = [...trimmed.slice(0, at)][0] ?? '';
    const domain = trimmed.slice(at + 1);
    return `${first}***@${domain}`;
}

;// CONCATENATED MODULE: ./build/reconcile/login-probes.js




/**
 * Test credentials, from a secret: a JSON array of `{email, password}`, or one account a line
 * as `email password` (split at the first space or tab; the password may hold spaces).
 * Errors name the line only: the text is a secret.
 */
function parseLoginProbes(text, label) {
    const trimmed = text.trim();
    if (trimmed.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch {
            throw new types/* UsageError */.eb(`${label}: not valid JSON. Give a JSON array of {"email", "password"}, or one "email password" a line.`);
        }
        if (!Array.isArray(parsed))
            throw new types/* UsageError */.eb(`${label}: expected a JSON array of {"email", "password"}.`);
        return parsed.map((entry, index) => {
            const e = entry;
            if (typeof e?.email !== 'string' || typeof e?.password !== 'string') {
                throw new types/* UsageError */.eb(`${label}: entry ${index + 1} needs "email" and "password" strings.`);
            }
            return { email: e.email.trim(), password: e.password, line: index + 1 };
        });
    }
    return text
        .split(/\r?\n/)
        .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
        .filter(({ raw }) => raw !== '' && !raw.startsWith('#'))
        .map(({ raw, line }) => {
        const match = /^(\S+)[ \t]+(.+)$/.exec(raw);
        if (!match)
            throw new types/* UsageError */.eb(`${label}: line ${line} must be "email password".`);
        return { email: match[1], password: match[2], line };
    });
}
const PASSWORD_ACCEPTED = new Set([
    'organization_selection_required',
    'email_verification_required',
    'mfa_enrollment',
    'mfa_challenge',
]);
/** Signs each test account in with its password; a failure names the account masked. */
async function runLoginProbes(workos, caller, clientId, probes, label) {
    const problems = [];
    let succeeded = 0;
    for (const probe of probes) {
        try {
            await caller.read(() => workos.userManagement.authenticateWithPassword({ clientId, email: probe.email, password: probe.password }));
            succeeded++;
        }
        catch (error) {
            const failure = error instanceof WorkOSCallError ? error.failure : classifyWorkOSError(error);
            // The password was right; WorkOS wants one more step (pick an organization, verify the
            // email, set up or pass MFA) before it hands out a session.
            if (failure.kind === 'rejected' && PASSWORD_ACCEPTED.has(failure.code)) {
                succeeded++;
                continue;
            }
            const code = failure.kind === 'rejected' ? failure.code : failure.kind;
            problems.push({
                entity: 'user',
                location: { file: label, line: probe.line },
                code: 'login_failed',
                message: `Signing in as ${maskEmail(probe.email)} failed (${code}). Check that the user was imported with its password hash.`,
                severity: 'error',
            });
        }
    }
    return { tried: probes.length, succeeded, failed: probes.length - succeeded, problems };
}

;// CONCATENATED MODULE: ./build/modes/verify.js






/**
 * The read-only check verify and cutover share: WorkOS read and diffed (hashes count only with
 * a checkpoint: WorkOS never returns them, so only the journal knows), then the test sign-ins.
 */
async function checkLive(run, workos, journal) {
    const diff = diffRun(run, await readWorkOS(run, workos), journal, journal !== undefined);
    const probes = run.options.loginProbes;
    const logins = probes
        ? await run.log.group(`Signing in ${probes.probes.length} test account(s)`, () => runLoginProbes(workos, run.caller, probes.clientId, probes.probes, probes.label))
        : undefined;
    return { diff, reconciliation: reconcile(diff), ...(logins ? { logins } : {}) };
}
/**
 * `verify`: no writes. Reads WorkOS and says whether it holds every planned record as planned
 * (a record missing or different is drift, and `import` repairs it), plus test sign-ins.
 */
async function runVerify(options) {
    const run = await prepareRun(options);
    const workos = requireWorkOS(run);
    const journal = openJournal(run, 'read');
    try {
        const { diff, reconciliation, logins } = await checkLive(run, workos, journal);
        return await finishRun(run, {
            outcomes: diffOutcomes(diff),
            problems: [...run.problems, ...conflictProblems(diff)],
            reconciliation,
            diff,
            removals: diff.removals,
            passwords: { sent: 0, ...passwordMemory(diff) },
            logins,
            extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
        });
    }
    catch (error) {
        return whenUnreachable(run)(error);
    }
    finally {
        journal?.close();
    }
}

;// CONCATENATED MODULE: ./build/modes/cutover.js















async function runCutover(input) {
    const log = input.log ?? silentLogger;
    const onSecret = input.onSecret ?? (() => { });
    const members = enterpriseMembers({
        users: input.users,
        organizations: input.organizations.map((o) => ({ sourceId: o.sourceId, domains: o.input.domains })),
        memberships: input.memberships,
        workosOrganizationId: (sourceId) => input.reconciliation.found.get(`organization:${sourceId}`),
    });
    const reader = connectionsReader(input.workos, input.read);
    const sso = await log.group(`Checking the SSO connections of ${members.organizations.length} organization(s) with enterprise sign-in`, () => gatherSsoEvidence(members, {
        connectionsOf: reader.connectionsOf,
        async ssoPortalLink(organizationId) {
            const link = await reader.ssoPortalLink(organizationId);
            onSecret(link);
            return link;
        },
    }, { portalLinks: input.portalLinks }));
    const files = input.outDir
        ? {
            cutoverJson: (0,external_node_path_.join)(input.outDir, 'cutover.json'),
            cutoverMd: (0,external_node_path_.join)(input.outDir, 'cutover.md'),
            ssoSetup: (0,external_node_path_.join)(input.outDir, 'sso-setup.csv'),
            reenroll: (0,external_node_path_.join)(input.outDir, 'reenroll.csv'),
            passwordReset: (0,external_node_path_.join)(input.outDir, 'password-reset.csv'),
        }
        : undefined;
    const evidence = {
        source: input.source,
        reconciled: {
            users: input.reconciliation.users,
            organizations: input.reconciliation.organizations,
            memberships: input.reconciliation.memberships,
        },
        conflicts: input.conflicts,
        unreviewedRemovals: input.unreviewedRemovals,
        checkpoint: input.checkpoint,
        ...(input.logins ? { logins: input.logins } : {}),
        sso,
        people: peopleEvidence(input.users.tally, files ? { reenroll: 'reenroll.csv', passwordReset: 'password-reset.csv' } : {}),
        rollback: rollbackCoverage({ found: foundRecords(input.reconciliation.found), journal: input.journal }),
    };
    const decision = decideCutover(evidence);
    const markdown = renderCutoverMarkdown(decision, evidence);
    if (input.outDir && files) {
        await (0,promises_.mkdir)(input.outDir, { recursive: true });
        await (0,promises_.writeFile)(files.cutoverJson, renderCutoverJson(decision));
        await (0,promises_.writeFile)(files.cutoverMd, markdown);
        await (0,promises_.writeFile)(files.ssoSetup, renderSsoSetupCsv(evidence));
        await writeLines(files.reenroll, reenrollRows(input.users.withMfa(), input.includePii ?? false));
        await writeLines(files.passwordReset, passwordResetRows(input.users.needingPasswordReset(), input.includePii ?? false));
    }
    const failing = failingChecks(decision);
    log.info(decision.go ? 'cutover: go. Every check passed.' : `cutover: no-go. Failing: ${failing.join(', ')}.`);
    return {
        decision,
        evidence,
        markdown,
        exitCode: decision.go ? 0 : 1,
        secrets: portalLinkSecrets(evidence),
        ...(files ? { files } : {}),
    };
}
/**
 * `cutover` as a mode: the live diff (read-only, as verify reads it), the checkpoint and the
 * login probes, handed to runCutover. The job summary is cutover.md; nothing is written to WorkOS.
 */
async function runCutoverMode(options) {
    const run = await prepareRun(options);
    const workos = requireWorkOS(run);
    const journal = openJournal(run, 'read');
    try {
        const { diff, reconciliation, logins } = await checkLive(run, workos, journal);
        const outcomes = diffOutcomes(diff);
        const result = await runCutover({
            source: options.source,
            users: run.plan.users.users,
            organizations: run.plan.organizations.organizations,
            memberships: run.plan.organizations.memberships,
            reconciliation,
            conflicts: diff.users.filter((c) => c.action === 'conflict').length,
            // Listed, never pruned: a person decides (import --prune, or put them back in the export).
            unreviewedRemovals: diff.removals.length,
            checkpoint: {
                pending: outcomes.filter((o) => o.status === 'pending').length,
                failed: outcomes.filter((o) => o.status === 'failed').length,
            },
            ...(logins ? { logins: { tried: logins.tried, succeeded: logins.succeeded, failed: logins.failed } } : {}),
            ...(journal ? { journal: (entity, id) => journal.get(entity, id) } : {}),
            workos,
            read: (request) => run.caller.read(request),
            portalLinks: options.portalLinks ?? false,
            ...(options.onSecret ? { onSecret: options.onSecret } : {}),
            outDir: options.outDir,
            includePii: options.includePii,
            log: run.log,
        });
        const report = await finishRun(run, {
            outcomes,
            problems: [...run.problems, ...conflictProblems(diff)],
            reconciliation,
            diff,
            removals: diff.removals,
            logins,
            extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
            cutover: { go: result.decision.go, failing: failingChecks(result.decision) },
        });
        // The job summary and PR comment of a cutover are its checks (cutover.md).
        return { ...report, markdown: result.markdown, ...(result.secrets.length > 0 ? { secrets: result.secrets } : {}) };
    }
    finally {
        journal?.close();
    }
}

;// CONCATENATED MODULE: ./build/apply/apply-record.js

/**
 * Carries out one write of the diff, whatever happened since WorkOS was read or before: a run
 * killed after WorkOS wrote but before the journal line, a record deleted or made meanwhile.
 * Never creates a second WorkOS record for one source record (DESIGN §3). Journals what it did.
 */
async function applyWrite(write, writer, ctx) {
    const { record } = write;
    const base = { entity: writer.entity, sourceId: record.sourceId, location: record.location };
    try {
        const result = write.action === 'update' && write.workosId
            ? await updateExisting(write.workosId, write, writer, ctx)
            : await createOrResolve(write, writer, ctx);
        if (result.status !== 'unchanged') {
            const entry = {
                entity: writer.entity,
                source_id: record.sourceId,
                workos_id: result.workosId,
                status: result.status,
                input_digest: record.digest,
                ...(result.passwordSent && write.passwordDigest ? { password_digest: write.passwordDigest } : {}),
                ...(result.claimed ? { claimed: true } : {}),
            };
            ctx.journal?.record(entry);
        }
        return { ...base, status: result.status, workosId: result.workosId };
    }
    catch (error) {
        // WorkOS unreachable: stop the run (exit 2) instead of failing every record alike.
        if (error instanceof WorkOSUnreachableError)
            throw error;
        return { ...base, status: 'failed', failure: describeFailure(error) };
    }
}
async function updateExisting(workosId, write, writer, ctx) {
    try {
        const id = await ctx.caller.idempotentWrite(() => writer.update(workosId, write.record, { sendPassword: write.sendPassword }));
        return { status: 'updated', workosId: id, passwordSent: write.sendPassword, claimed: write.claim };
    }
    catch (error) {
        // Deleted in WorkOS since it was read: bring it back (with its hash: it is a new user).
        if (error instanceof WorkOSCallError && error.failure.kind === 'not_found') {
            return createOrResolve({ ...write, action: 'create', sendPassword: true, claim: false }, writer, ctx);
        }
        throw error;
    }
}
async function createOrResolve(write, writer, ctx) {
    const { record } = write;
    let sentAmbiguously = false;
    for (let attempt = 1;; attempt++) {
        if (sentAmbiguously || (attempt === 1 && writer.lookBeforeCreate)) {
            // An earlier attempt may have been carried out; look before writing again.
            const existing = await ctx.caller.read(() => writer.find(record));
            if (existing)
                return resolveExisting(existing, write, writer, ctx, sentAmbiguously);
        }
        try {
            const id = await ctx.caller.create(() => writer.create(record));
            return { status: 'created', workosId: id, passwordSent: true };
        }
        catch (error) {
            if (error instanceof AmbiguousWriteError) {
                if (attempt >= ctx.caller.maxTransientAttempts)
                    throw error;
                sentAmbiguously = true;
                await ctx.caller.backoff(attempt);
                continue;
            }
            if (error instanceof WorkOSCallError && error.failure.kind === 'conflict') {
                const code = error.failure.code;
                const existing = await ctx.caller.read(() => writer.find(record, code));
                if (existing)
                    return resolveExisting(existing, write, writer, ctx, sentAmbiguously);
            }
            throw error;
        }
    }
}
async function resolveExisting(existing, write, writer, ctx, createdByThisRun) {
    const update = (sendPassword) => ctx.caller.idempotentWrite(() => writer.update(existing.id, write.record, { sendPassword }));
    switch (existing.owner) {
        case 'ours':
            // Made by our own create whose answer was lost: it holds what we sent, hash included.
            if (createdByThisRun)
                return { status: 'created', workosId: existing.id, passwordSent: true };
            // Made meanwhile by another run: what it sent is not known here, so the hash goes again.
            if (existing.matches && !write.sendPassword)
                return { status: 'unchanged', workosId: existing.id, passwordSent: false };
            return { status: 'updated', workosId: await update(write.sendPassword), passwordSent: write.sendPassword };
        case 'unclaimed':
            return { status: 'updated', workosId: await update(false), passwordSent: false, claimed: true };
        case 'other':
            return { status: 'unchanged', workosId: existing.id, passwordSent: false };
        case 'conflict':
            throw new WorkOSCallError({
                kind: 'rejected',
                status: 409,
                code: 'external_id_conflict',
                message: existing.message ?? 'conflict',
            });
    }
}
/** Deletes one WorkOS record (prune, rollback); already gone counts as done. Journaled. */
async function applyDelete(target, remove, ctx) {
    const base = {
        entity: target.entity,
        sourceId: target.sourceId,
        location: target.location,
        workosId: target.workosId,
    };
    let alreadyGone = false;
    try {
        await ctx.limiter?.acquire();
        await ctx.caller.idempotentWrite(() => remove(target.workosId));
    }
    catch (error) {
        if (error instanceof WorkOSUnreachableError)
            throw error;
        if (!(error instanceof WorkOSCallError && error.failure.kind === 'not_found')) {
            return { ...base, status: 'failed', failure: describeFailure(error) };
        }
        alreadyGone = true;
    }
    ctx.journal?.record({
        entity: target.entity,
        source_id: target.sourceId,
        workos_id: target.workosId,
        status: 'deleted',
        input_digest: '',
    });
    return { ...base, status: 'updated', alreadyGone };
}
function describeFailure(error) {
    if (error instanceof WorkOSCallError || error instanceof AmbiguousWriteError) {
        const f = error.failure;
        switch (f.kind) {
            case 'rejected':
                return {
                    code: f.code,
                    message: `WorkOS rejected the record (${f.status} ${f.code}): ${f.message}`,
                    requestId: f.requestId,
                };
            case 'transient':
                return {
                    code: 'workos_unavailable',
                    message: `WorkOS did not answer after several attempts (${f.status ?? 'network error'}); run again to retry this record.`,
                };
            case 'rate_limited':
                return {
                    code: 'rate_limited',
                    message: 'WorkOS kept answering 429 Too Many Requests; run again later or lower --rate-limit.',
                };
            case 'unauthorized':
                return { code: 'unauthorized', message: f.message };
            case 'not_found':
                return { code: 'not_found', message: f.message };
            case 'conflict':
                return { code: f.code, message: `WorkOS reported ${f.code} and the existing record could not be found.` };
        }
    }
    return { code: 'internal_error', message: error instanceof Error ? error.message : String(error) };
}

;// CONCATENATED MODULE: ./build/apply/work-queue.js
class FatalRunError extends Error {
}
/**
 * Runs `work` over `items` with as many in flight as `limits` allow. Items not started when a
 * limit is hit are returned as `notStarted`: they are the run's pending records. When `work`
 * throws (a FatalRunError, an unreachable WorkOS, a bug), no record is started after it, the ones
 * in flight finish (their writes reach the journal), and the first error is thrown.
 *
 * Records are taken only when a worker is free, so a record waits in the queue, not inside a
 * request: at a deadline or a cancel, little has been started that still has to finish.
 */
async function runWorkQueue(items, work, limits) {
    let next = 0;
    let stoppedBy;
    let failed = false;
    let fatal;
    let active = 0;
    const mayStart = () => {
        if (stoppedBy)
            return false;
        if (limits.signal?.aborted)
            stoppedBy = 'cancelled';
        else if (limits.maxRecords !== undefined && next >= limits.maxRecords)
            stoppedBy = 'max-records';
        else if (limits.deadline !== undefined && Date.now() >= limits.deadline)
            stoppedBy = 'time-budget';
        return !stoppedBy;
    };
    const target = () => {
        const wanted = limits.inFlight ? limits.inFlight() : limits.concurrency;
        return Math.max(1, Math.min(limits.concurrency, Number.isFinite(wanted) ? Math.floor(wanted) : limits.concurrency));
    };
    await new Promise((resolve) => {
        const worker = async () => {
            // A worker leaves when the target drops below the workers running, to keep it.
            while (next < items.length && active <= target() && mayStart()) {
                const item = items[next++];
                await work(item);
                launch();
            }
        };
        const launch = () => {
            while (active < target() && next < items.length && !stoppedBy) {
                active++;
                void worker()
                    .catch((error) => {
                    stoppedBy = 'fatal';
                    if (!failed) {
                        failed = true;
                        fatal = error;
                    }
                })
                    .then(() => {
                    if (--active === 0)
                        resolve();
                    else
                        launch();
                });
            }
        };
        launch();
        if (active === 0)
            resolve();
    });
    if (failed)
        throw fatal;
    return { notStarted: items.slice(next), stoppedBy };
}

;// CONCATENATED MODULE: ./build/apply/writers/memberships.js
function rolesOf(m) {
    const slugs = m.roles?.map((r) => r.slug) ?? (m.role ? [m.role.slug] : []);
    return [...new Set(slugs)].sort();
}
/** No roles in the source means the environment's default role: nothing to compare or send. */
function roleOptions(roles) {
    if (roles.length === 0)
        return {};
    return roles.length === 1 ? { roleSlug: roles[0] } : { roleSlugs: roles };
}
function membershipWriter(workos, ids) {
    const idsOf = (m) => {
        const userId = ids.user(m.userSourceId);
        const organizationId = ids.organization(m.organizationSourceId);
        // The caller only applies memberships whose user and organization exist.
        if (!userId || !organizationId)
            throw new Error(`membership ${m.sourceId} applied before its user and organization`);
        return { userId, organizationId };
    };
    return {
        entity: 'membership',
        lookBeforeCreate: true,
        create: async (m) => (await workos.userManagement.createOrganizationMembership({ ...idsOf(m), ...roleOptions(m.roles) })).id,
        update: async (id, m) => (await workos.userManagement.updateOrganizationMembership(id, roleOptions(m.roles))).id,
        delete: (id) => workos.userManagement.deleteOrganizationMembership(id),
        async find(m) {
            // The API's answer to a duplicate membership is not documented (DESIGN §7): list instead.
            const list = await workos.userManagement.listOrganizationMemberships({ ...idsOf(m), limit: 1 });
            const found = list.data[0];
            if (!found)
                return undefined;
            const matches = m.roles.length === 0 || rolesOf(found).join(',') === m.roles.join(',');
            return { id: found.id, owner: 'ours', matches };
        },
    };
}

;// CONCATENATED MODULE: ./build/apply/writers/organizations.js

function organizationFields(input) {
    return {
        name: input.name,
        externalId: input.externalId,
        metadata: input.metadata,
        // Domains arrive unverified: the source's verification does not carry over to WorkOS.
        ...(input.domains.length > 0
            ? { domainData: input.domains.map((domain) => ({ domain, state: node_lib/* DomainDataState */.kA.Pending })) }
            : {}),
    };
}
function organizationMatches(org, input) {
    const domains = org.domains.map((d) => d.domain.toLowerCase()).sort();
    const metadata = org.metadata ?? {};
    const wanted = input.metadata ?? {};
    return (org.name === input.name &&
        domains.join(',') === input.domains.join(',') &&
        Object.keys(metadata).length === Object.keys(wanted).length &&
        Object.entries(wanted).every(([k, v]) => metadata[k] === v));
}
function organizationWriter(workos) {
    return {
        entity: 'organization',
        create: async (org) => (await workos.organizations.createOrganization(organizationFields(org.input))).id,
        update: async (id, org) => (await workos.organizations.updateOrganization({ organization: id, ...organizationFields(org.input) })).id,
        delete: (id) => workos.organizations.deleteOrganization(id),
        async find(org) {
            try {
                const found = await workos.organizations.getOrganizationByExternalId(org.sourceId);
                return { id: found.id, owner: 'ours', matches: organizationMatches(found, org.input) };
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./build/workos/users.js
function toCreateUserOptions(input) {
    return {
        email: input.email,
        emailVerified: input.emailVerified,
        firstName: input.firstName,
        lastName: input.lastName,
        externalId: input.externalId,
        metadata: input.metadata,
        passwordHash: input.password?.hash,
        passwordHashType: input.password?.type,
    };
}
function toUpdateUserOptions(userId, input, options) {
    return {
        userId,
        email: input.email,
        // WorkOS refuses to un-verify an address (400 email_already_verified), and a verification
        // made in WorkOS since the import is worth keeping: only ever send true.
        ...(input.emailVerified ? { emailVerified: true } : {}),
        firstName: input.firstName,
        lastName: input.lastName,
        externalId: input.externalId,
        metadata: input.metadata,
        ...(options.withPassword && input.password
            ? { passwordHash: input.password.hash, passwordHashType: input.password.type }
            : {}),
    };
}
/** True when the WorkOS user already holds what we would send (the hash cannot be read back). */
function userMatchesInput(user, input) {
    return (user.email.toLowerCase() === input.email.toLowerCase() &&
        (user.emailVerified || !input.emailVerified) &&
        (user.firstName ?? undefined) === input.firstName &&
        (user.lastName ?? undefined) === input.lastName &&
        user.externalId === input.externalId &&
        sameMetadata(user.metadata ?? {}, input.metadata ?? {}));
}
function sameMetadata(a, b) {
    const keys = Object.keys(b);
    return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}
/** Raw lookups the engine needs, in SDK terms; pacing and retries are the caller's. */
function userLookups(workos) {
    return {
        async byExternalId(externalId) {
            try {
                return await workos.userManagement.getUserByExternalId(externalId);
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
        async byEmail(email) {
            const page = await workos.userManagement.listUsers({ email, limit: 1 });
            return page.data[0];
        },
    };
}

;// CONCATENATED MODULE: ./build/apply/writers/users.js

function userWriter(workos) {
    const lookups = userLookups(workos);
    return {
        entity: 'user',
        create: async (user) => (await workos.userManagement.createUser(toCreateUserOptions(user.input))).id,
        update: async (id, user, { sendPassword }) => (await workos.userManagement.updateUser(toUpdateUserOptions(id, user.input, { withPassword: sendPassword }))).id,
        delete: (id) => workos.userManagement.deleteUser(id),
        async find(user, conflictCode) {
            const found = conflictCode === 'email_not_available'
                ? await lookups.byEmail(user.input.email)
                : await lookups.byExternalId(user.sourceId);
            if (!found)
                return undefined;
            if (found.externalId === user.sourceId) {
                if (found.email.toLowerCase() !== user.input.email.toLowerCase()) {
                    return {
                        id: found.id,
                        owner: 'conflict',
                        matches: false,
                        message: `WorkOS user ${found.id} has this external id and another email, which another WorkOS user holds. Resolve it in WorkOS (or delete one of them) and run again.`,
                    };
                }
                return { id: found.id, owner: 'ours', matches: userMatchesInput(found, user.input) };
            }
            return { id: found.id, owner: found.externalId ? 'other' : 'unclaimed', matches: false };
        },
    };
}

;// CONCATENATED MODULE: ./build/modes/import.js













// WorkOS allows 50 organization deletes per 60 s per API key (DESIGN §7).
const ORGANIZATION_DELETES_PER_SECOND = 50 / 60;
/**
 * `import`: read WorkOS, diff, write the difference, then read WorkOS again to say what it holds.
 * WorkOS is the truth; the journal only remembers hashes sent and what this migration made.
 */
async function runImport(options) {
    const run = await prepareRun(options);
    const workos = requireWorkOS(run);
    const journal = openJournal(run, 'write');
    // WorkOS unreachable before or while writing: the reports are still written, then exit 2.
    return importWith(run, workos, journal)
        .catch(whenUnreachable(run))
        .finally(() => journal?.close());
}
async function importWith(run, workos, journal) {
    const { options } = run;
    const live = await readWorkOS(run, workos);
    const diff = diffRun(run, live, journal, true);
    // Before any write: a truncated export must stop the run, not half of it.
    if (options.prune)
        checkPruneLimit(run, diff.removals);
    const ctx = { caller: run.caller, journal };
    const applied = await applyDiff(run, workos, diff, ctx);
    let deleted;
    const deleteProblems = [];
    let stoppedBy = applied.stoppedBy;
    if (options.prune && diff.removals.length > 0 && !stoppedBy) {
        const pruned = await run.log.group(`Pruning ${diff.removals.length} removal(s)`, () => prune(run, workos, diff.removals, ctx));
        deleted = pruned.deleted;
        deleteProblems.push(...pruned.failed.map(deleteFailureProblem));
        stoppedBy ??= pruned.stoppedBy;
    }
    const wrote = applied.processed > 0 || deleted !== undefined;
    if (applied.unreachable) {
        const report = await finishRun(run, {
            outcomes: applied.outcomes,
            problems: [...run.problems, ...conflictProblems(diff)],
            stoppedBy: 'unreachable',
            fatal: applied.unreachable.message,
            diff,
            passwords: applied.passwords,
            processed: applied.processed,
            journalAppended: journal?.appendedCount ?? 0,
        });
        return report;
    }
    if (stoppedBy)
        run.log.info(`Stopped by ${stoppedBy}; run again to go on from the checkpoint.`);
    else if (!wrote)
        run.log.info('Nothing to write: WorkOS already holds every record as planned.');
    // The live check: after writes WorkOS is read again; with nothing written the first read stands.
    let after = diff;
    if (!stoppedBy && wrote && options.reconcileAfterImport !== false) {
        after = await run.log.group('Reading WorkOS back', async () => diffRun(run, await readWorkOS(run, workos), journal, true));
    }
    const reconciliation = stoppedBy ? undefined : reconcile(after);
    const removals = deleted ? after.removals : diff.removals;
    if (removals.length > 0 && !options.prune) {
        run.log.info(`${removals.length} record(s) of this migration are no longer in the export (removals.csv); import with --prune deletes them.`);
    }
    return await finishRun(run, {
        outcomes: applied.outcomes,
        problems: [...run.problems, ...conflictProblems(diff), ...deleteProblems],
        stoppedBy,
        reconciliation,
        diff,
        removals,
        deleted,
        passwords: applied.passwords,
        processed: applied.processed,
        journalAppended: journal?.appendedCount ?? 0,
        extraFiles: {
            'changes.jsonl': changesJsonl(diff, run.options.includePii ?? false),
            'removals.csv': removalsCsv(removals, run.options.includePii ?? false),
        },
    });
}
/** Users, then organizations, then memberships (which need both), under one stage budget. */
async function applyDiff(run, workos, diff, ctx) {
    const { options } = run;
    const deadline = options.timeBudgetMs !== undefined ? Date.now() + options.timeBudgetMs : undefined;
    const outcomes = [];
    let processed = 0;
    let stoppedBy;
    let unreachable;
    const limits = () => ({
        concurrency: options.concurrency ?? DEFAULTS.concurrency,
        // The limiter paces; in flight is whatever reaches its rate at the measured latency.
        inFlight: () => ctx.caller.inFlightTarget(),
        maxRecords: stoppedBy
            ? 0
            : options.maxRecords !== undefined
                ? Math.max(0, options.maxRecords - processed)
                : undefined,
        deadline,
        signal: options.signal,
    });
    const phase = async (label, changes, writer, toWrite) => {
        const writes = [];
        for (const change of changes) {
            const done = settled(change);
            if (done)
                outcomes.push(done);
            else
                writes.push(toWrite(change));
        }
        const result = await applyWrites(label, writes, writer, ctx, limits(), run);
        outcomes.push(...result.outcomes);
        processed += result.processed;
        stoppedBy ??= result.stoppedBy;
        unreachable ??= result.unreachable;
        return result.outcomes;
    };
    const userOutcomes = await phase('users', diff.users, userWriter(workos), (c) => userWrite(c));
    await phase('organizations', diff.organizations, organizationWriter(workos), (c) => ({
        record: c.record,
        action: writeAction(c),
        workosId: c.workosId,
        sendPassword: false,
    }));
    const ids = workosIds(outcomes);
    const { ready, blocked } = membershipsReady(diff.memberships, ids, outcomes);
    outcomes.push(...blocked);
    await phase('memberships', ready, membershipWriter(workos, ids), (c) => ({
        record: c.record,
        action: writeAction(c),
        workosId: c.workosId,
        sendPassword: false,
    }));
    return { outcomes, stoppedBy, processed, passwords: passwordsOf(diff, userOutcomes), unreachable };
}
function writeAction(change) {
    return change.action === 'update' && change.workosId ? 'update' : 'create';
}
function userWrite(change) {
    const password = change.record.input.password;
    return {
        record: change.record,
        action: writeAction(change),
        workosId: change.workosId,
        sendPassword: change.sendPassword,
        claim: change.claim,
        ...(password ? { passwordDigest: diff_passwordDigest(password) } : {}),
    };
}
/** A change that needs no request: as planned already, or held by another system's user. */
function settled(change) {
    const base = { entity: change.entity, sourceId: change.record.sourceId, location: change.record.location };
    if (change.action === 'unchanged')
        return { ...base, status: 'unchanged', workosId: change.workosId };
    if (change.action !== 'conflict')
        return undefined;
    if (change.fields.length === 0)
        return { ...base, status: 'unchanged', workosId: change.workosId };
    return {
        ...base,
        status: 'failed',
        workosId: change.workosId,
        failure: {
            code: 'email_conflict',
            message: 'The export gives this user an email that another WorkOS user holds under another external id. Resolve the duplicate in WorkOS, then run import again.',
        },
    };
}
/** Hashes sent now, recorded earlier, or kept by a user who was in WorkOS before. */
function passwordsOf(diff, userOutcomes) {
    const byId = new Map(diff.users.map((c) => [c.record.sourceId, c]));
    let sent = 0;
    for (const o of userOutcomes) {
        const change = byId.get(o.sourceId);
        if (!change?.record.input.password)
            continue;
        if (o.status === 'created' || (o.status === 'updated' && change.sendPassword))
            sent++;
    }
    return { sent, ...passwordMemory(diff) };
}
async function applyWrites(label, writes, writer, ctx, limits, run) {
    const outcomes = [];
    if (writes.length === 0)
        return { outcomes, processed: 0 };
    const meter = new progress/* ProgressMeter */.Z3(run.log, label, Math.min(writes.length, limits.maxRecords ?? Infinity));
    let unreachable;
    const { notStarted, stoppedBy } = await runWorkQueue(writes, async (write) => {
        const outcome = await applyWrite(write, writer, ctx);
        // A bad key fails every record alike: stop and say so once.
        if (outcome.failure?.code === 'unauthorized')
            throw new FatalRunError(outcome.failure.message);
        outcomes.push(outcome);
        meter.tick();
    }, limits).catch((error) => {
        if (error instanceof FatalRunError)
            throw new types/* UsageError */.eb(error.message);
        // WorkOS stopped answering: what was written stands (journaled); the rest waits for a rerun.
        if (error instanceof WorkOSUnreachableError) {
            unreachable = error;
            const done = new Set(outcomes.map((o) => o.sourceId));
            return { notStarted: writes.filter((w) => !done.has(w.record.sourceId)), stoppedBy: 'fatal' };
        }
        throw error;
    });
    for (const { record } of notStarted)
        outcomes.push({ entity: writer.entity, sourceId: record.sourceId, status: 'pending', location: record.location });
    return { outcomes, stoppedBy, processed: writes.length - notStarted.length, unreachable };
}
function workosIds(outcomes) {
    const userIds = new Map();
    const organizationIds = new Map();
    for (const o of outcomes) {
        if (!o.workosId)
            continue;
        if (o.entity === 'user')
            userIds.set(o.sourceId, o.workosId);
        if (o.entity === 'organization')
            organizationIds.set(o.sourceId, o.workosId);
    }
    return { user: (id) => userIds.get(id), organization: (id) => organizationIds.get(id) };
}
/** A membership waits for its user and organization: pending if they are, failed if they failed. */
function membershipsReady(changes, ids, outcomes) {
    const status = new Map(outcomes.map((o) => [`${o.entity}\u0000${o.sourceId}`, o.status]));
    const ready = [];
    const blocked = [];
    for (const change of changes) {
        const m = change.record;
        if (ids.user(m.userSourceId) && ids.organization(m.organizationSourceId)) {
            ready.push(change);
            continue;
        }
        const failed = status.get(`user\u0000${m.userSourceId}`) === 'failed' ||
            status.get(`organization\u0000${m.organizationSourceId}`) === 'failed';
        const base = { entity: 'membership', sourceId: m.sourceId, location: m.location };
        blocked.push(failed
            ? {
                ...base,
                status: 'failed',
                failure: {
                    code: 'dependency_failed',
                    message: 'Its user or organization failed to import; a rerun retries both.',
                },
            }
            : { ...base, status: 'pending' });
    }
    return { ready, blocked };
}
/** A truncated export must never wipe an environment: past the limit, nothing is deleted. */
function checkPruneLimit(run, removals) {
    const exportUsers = run.plan.users.users.length;
    const limit = run.options.pruneLimit ?? Math.max(1, Math.floor(exportUsers * 0.1));
    if (removals.length > limit) {
        const c = removalCounts(removals);
        throw new types/* UsageError */.eb(`--prune would delete ${removals.length} record(s) (${c.users} users, ${c.organizations} organizations, ${c.memberships} memberships), more than the prune limit of ${limit}` +
            `${run.options.pruneLimit === undefined ? " (10 % of the export's users)" : ''}. Nothing was written. Check removals.csv from a dry run (plan); if the export is whole, raise --prune-limit.`);
    }
}
/** Memberships first, then users, then organizations; each delete journaled (a rerun skips what is gone). */
async function deleteAll(run, workos, targets, ctx, journal) {
    const deleted = { users: 0, organizations: 0, memberships: 0 };
    const failed = [];
    const orgDeletes = new RateLimiter(ORGANIZATION_DELETES_PER_SECOND, 1);
    const remove = {
        membership: (id) => workos.userManagement.deleteOrganizationMembership(id),
        user: (id) => workos.userManagement.deleteUser(id),
        organization: (id) => workos.organizations.deleteOrganization(id),
    };
    let stoppedBy;
    for (const entity of ['membership', 'user', 'organization']) {
        const batch = targets.filter((t) => t.entity === entity);
        if (batch.length === 0 || stoppedBy)
            continue;
        const result = await runWorkQueue(batch, async (t) => {
            const outcome = await applyDelete({ entity, sourceId: t.externalId, workosId: t.workosId, location: { file: 'WorkOS', line: 0 } }, remove[entity], { caller: ctx.caller, journal, ...(entity === 'organization' ? { limiter: orgDeletes } : {}) });
            if (outcome.status === 'failed')
                failed.push(outcome);
            else
                deleted[`${entity}s`]++;
        }, { concurrency: run.options.concurrency ?? DEFAULTS.concurrency, signal: run.options.signal });
        stoppedBy = result.stoppedBy;
    }
    return { deleted, failed, stoppedBy };
}
/** A delete that failed is not a planned record: it is reported, and the removal stays listed. */
function deleteFailureProblem(outcome) {
    return {
        entity: outcome.entity,
        sourceId: outcome.sourceId,
        location: outcome.location,
        code: outcome.failure?.code ?? 'delete_failed',
        message: `Could not delete WorkOS ${outcome.entity} ${outcome.workosId ?? ''}: ${outcome.failure?.message ?? 'failed'}`,
        severity: 'warning',
    };
}
function prune(run, workos, removals, ctx) {
    return deleteAll(run, workos, removals, ctx, ctx.journal);
}

;// CONCATENATED MODULE: ./build/modes/rollback.js








/**
 * What rollback does with each record the journal knows: delete what this migration created;
 * keep users it only claimed or updated (they existed before; field updates are not reverted).
 * A membership of a user that goes is deleted with the user, not on its own.
 */
function planRollback(entries, _journal) {
    const steps = [];
    for (const entry of entries) {
        if (entry.status === 'deleted') {
            if (madeByMigration(entry))
                steps.push({ entry, action: 'already_deleted' });
            continue;
        }
        if (madeByMigration(entry))
            steps.push({ entry, action: 'delete' });
        else
            steps.push({ entry, action: entry.claimed ? 'keep_claimed' : 'keep_updated' });
    }
    return steps;
}
/** Deletes that WorkOS does by itself: memberships of a user or organization being deleted. */
function goesWithItsOwner(entry, journal) {
    if (entry.entity !== 'membership')
        return false;
    const cut = entry.source_id.indexOf(':');
    if (cut < 0 || entry.source_id.startsWith('sha256:'))
        return false;
    const owners = [
        journal.get('organization', entry.source_id.slice(0, cut)),
        journal.get('user', entry.source_id.slice(cut + 1)),
    ];
    return owners.some((o) => o !== undefined && madeByMigration(o) && o.status !== 'deleted');
}
function ownerGone(entry, journal) {
    const cut = entry.source_id.indexOf(':');
    if (cut < 0)
        return false;
    const owners = [
        journal.get('organization', entry.source_id.slice(0, cut)),
        journal.get('user', entry.source_id.slice(cut + 1)),
    ];
    return owners.some((o) => o?.status === 'deleted');
}
/**
 * `rollback`: undoes what the migration created, as the journal records it. Without `confirm`
 * a preview: it prints and writes exactly what it would delete. With it, deletes memberships,
 * users, then organizations, each delete journaled, so a killed rollback resumes.
 */
async function runRollback(options) {
    const dir = options.stateDir;
    if (!dir)
        throw new types/* UsageError */.eb('rollback needs --state DIR: the checkpoint says what the migration created.');
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, JOURNAL_FILE)))
        throw new types/* UsageError */.eb(`${dir} holds no checkpoint (${JOURNAL_FILE}); nothing is known to roll back.`);
    const run = prepareEmptyRun(options);
    const log = options.log ?? silentLogger;
    // The checkpoint's own source and config are the ones to undo, whatever this run was given.
    const journal = Journal.open(dir, run.identity, { force: true, readOnly: !options.confirm });
    try {
        const steps = planRollback(journal.entries(), journal);
        const toDelete = steps
            .filter((s) => s.action === 'delete')
            .map((s) => ({
            entity: s.entry.entity,
            externalId: s.entry.source_id,
            workosId: s.entry.workos_id,
            reason: 'not_in_export',
        }));
        // WorkOS deletes a user's or organization's memberships with it: no request of their own.
        const targets = toDelete.filter((t) => !goesWithItsOwner(journal.get(t.entity, t.externalId), journal));
        const counts = removalCounts(toDelete);
        log.info(`The checkpoint records ${counts.users} user(s), ${counts.organizations} organization(s) and ${counts.memberships} membership(s) created by this migration` +
            `; ${steps.filter((s) => s.action.startsWith('keep')).length} record(s) it updated stay (field updates are not reverted).`);
        let deleted;
        const problems = [];
        if (options.confirm && targets.length > 0) {
            if (!run.workos)
                throw new types/* UsageError */.eb('rollback --confirm needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).');
            const workos = run.workos;
            const result = await log.group(`Deleting ${targets.length} record(s)`, () => deleteAll(run, workos, targets, { caller: run.caller, journal }, journal));
            deleted = result.deleted;
            problems.push(...result.failed.map(deleteFailureProblem));
            // Memberships that went with their user or organization: journaled as gone, counted as deleted.
            for (const t of toDelete) {
                const entry = journal.get(t.entity, t.externalId);
                if (t.entity !== 'membership' || !entry || entry.status === 'deleted' || !ownerGone(entry, journal))
                    continue;
                journal.record({ ...entry, status: 'deleted' });
                deleted.memberships++;
            }
        }
        else if (!options.confirm) {
            log.info('Preview only: nothing was deleted. Run rollback again with --confirm (confirm-rollback: true in the action) to delete.');
        }
        const result = await finishRun(run, {
            outcomes: [],
            problems,
            removals: toDelete,
            deleted: deleted ?? (options.confirm ? { users: 0, organizations: 0, memberships: 0 } : undefined),
            journalAppended: journal.appendedCount,
            extraFiles: { 'rollback.csv': rollbackCsv(steps) },
        });
        result.summary.complete = options.confirm === true && problems.length === 0;
        return result;
    }
    finally {
        journal.close();
    }
}
function rollbackCsv(steps) {
    let text = csvRow(['entity', 'source_id', 'workos_id', 'action']);
    for (const { entry, action } of steps)
        text += csvRow([entry.entity, entry.source_id, entry.workos_id, action]);
    return text;
}

;// CONCATENATED MODULE: ./build/modes/migration.js






/** One run of a mode: each is its own function over the shared pipeline (modes/pipeline.ts). */
function runMigration(options) {
    switch (options.mode) {
        case 'plan':
            return runPlan(options);
        case 'import':
            return runImport(options);
        case 'verify':
            return runVerify(options);
        case 'rollback':
            return runRollback(options);
        case 'cutover':
            return runCutoverMode(options);
    }
}

;// CONCATENATED MODULE: ./build/modes/source-locations.js

/**
 * Turns what the user named (a path, an encrypted file, `env:NAME`, `artifact:NAME`) into files
 * the readers can open. Decrypted content stays in a private directory until cleanup().
 */
async function resolveSourceFiles(named, ctx, log) {
    const labels = new Map();
    const resolve = async (spec) => {
        if (spec === undefined || spec === '')
            return undefined;
        const resolved = await resolveInputLocation(spec, ctx);
        labels.set(resolved.path, resolved.label);
        if (resolved.from)
            log?.info(`${resolved.label}: read from ${resolved.from}.`);
        return resolved.path;
    };
    try {
        const files = {
            // Empty for rollback, which reads no export.
            users: (await resolve(named.users)) ?? '',
            passwords: await resolve(named.passwords),
            organizations: await resolve(named.organizations),
            hashConfig: await resolve(named.hashConfig),
        };
        return { files, labels, cleanup: () => cleanupInputs(ctx) };
    }
    catch (error) {
        await cleanupInputs(ctx);
        throw error;
    }
}

;// CONCATENATED MODULE: ./build/report/text.js

/** The reconciliation for a terminal: the same numbers as summary.md, as plain columns. */
function renderSummaryText(s) {
    const cols = ['total', 'created', 'updated', 'unchanged', 'skipped', 'invalid', 'failed', 'pending'];
    const entities = [
        ['users', s.users],
        ['organizations', s.organizations],
        ['memberships', s.memberships],
    ];
    const rows = entities.filter(([name, c]) => name === 'users' || c.total > 0);
    const header = ['', ...cols].map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(10))).join('');
    const lines = rows.map(([name, c]) => [name.padEnd(14), ...cols.map((k) => String(c[k]).padStart(10))].join(''));
    const out = [
        `${s.mode} (${s.source})${s.stoppedBy ? `: stopped by ${s.stoppedBy}` : ''}`,
        plainHeadline(s),
        header,
        ...lines,
    ];
    if (s.users.merged > 0)
        out.push(`${s.users.merged} source user(s) merged into another with the same email`);
    const pw = s.passwords;
    out.push(`passwords: ${pw.withHash} with a hash (${pw.sent} sent in this run, ${pw.recordedEarlier} recorded as sent earlier` +
        `${pw.keptExisting ? `, ${pw.keptExisting} kept by existing users` : ''}, ${pw.notSent} not sent), ${pw.missing} missing, ${pw.unsupported} unsupported${pw.invalid ? `, ${pw.invalid} invalid` : ''}` +
        `${pw.reset ? `; ${pw.reset} need a reset or Magic Auth (password-reset.csv)` : ''}`);
    if (s.changes) {
        for (const [name, c] of Object.entries(s.changes)) {
            out.push(`would change, ${name}: ${c.create} create, ${c.update} update, ${c.unchanged} unchanged, ${c.remove} remove, ${c.conflict} conflict`);
        }
    }
    if (s.removals && s.mode !== 'rollback') {
        const r = s.removals;
        if (r.users + r.organizations + r.memberships > 0) {
            out.push(`not in the export any more: ${r.users} users, ${r.organizations} organizations, ${r.memberships} memberships (removals.csv)${s.deleted ? '' : '; import --prune deletes them'}`);
        }
    }
    if (s.deleted)
        out.push(`deleted: ${s.deleted.users} users, ${s.deleted.organizations} organizations, ${s.deleted.memberships} memberships`);
    const mfa = Object.entries(s.mfa).map(([f, n]) => `${n} ${f}`);
    if (mfa.length > 0)
        out.push(`re-enroll MFA: ${mfa.join(', ')}`);
    const social = Object.entries(s.social).map(([p, n]) => `${n} ${p}`);
    if (social.length > 0)
        out.push(`social sign-in: ${social.join(', ')}`);
    if (s.warnings > 0)
        out.push(`${s.warnings} warning(s): see errors.jsonl`);
    if (s.workos) {
        for (const [name, f] of Object.entries(s.workos)) {
            if (name !== 'users' && f.expected === 0)
                continue;
            out.push(`found in WorkOS, ${name}: ${f.found} of ${f.expected} (${f.missing} missing, ${f.mismatched} mismatched, ${f.unexpected} not in the export)`);
        }
    }
    if (s.logins)
        out.push(`test sign-ins: ${s.logins.succeeded} of ${s.logins.tried} succeeded`);
    if (s.requests) {
        const r = s.requests;
        out.push(`WorkOS requests in this run: ${r.writes} writes, ${r.reads} reads, ${r.rateLimited} answered 429, ${r.transient} transient failures`);
    }
    return out.join('\n') + '\n';
}
/** The markdown headline without its emphasis, for a terminal. */
function plainHeadline(s) {
    return headline(s).replace(/\*\*/g, '');
}

// EXTERNAL MODULE: external "node:readline/promises"
var external_node_readline_promises_ = __webpack_require__(26848);
;// CONCATENATED MODULE: ./build/shell/interrupt.js

const HANDLED = ['SIGINT', 'SIGTERM'];
function exitCodeOfSignal(signal) {
    return 128 + (external_node_os_.constants.signals[signal] ?? 0);
}
function onInterrupt(options = {}) {
    const controller = new AbortController();
    let received;
    const handler = (signal) => {
        if (received === undefined) {
            received = signal;
            options.onFirst?.(signal);
            controller.abort(new Error(`interrupted by ${signal}`));
            return;
        }
        if (options.exitOnSecond)
            process.exit(exitCodeOfSignal(signal));
    };
    for (const signal of HANDLED)
        process.on(signal, handler);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        get exitCode() {
            return received === undefined ? undefined : exitCodeOfSignal(received);
        },
        dispose() {
            for (const signal of HANDLED)
                process.off(signal, handler);
        },
    };
}
/** "Interrupted (SIGINT): 2,130 records pending. Run the same command again to go on from the checkpoint." */
function describeInterruption(signal, pending, resume) {
    const records = `${pending.toLocaleString('en-US')} record${pending === 1 ? '' : 's'}`;
    return `Interrupted (${signal}): ${records} pending. ${resume}`;
}

// EXTERNAL MODULE: ./build/cli/args.js
var cli_args = __webpack_require__(99376);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./build/export/http.js

class SourceApiError extends types/* UsageError */.eb {
    status;
    name = 'SourceApiError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** The run was stopped (Ctrl-C, SIGTERM); what is done is in the checkpoint. */
class ExportInterrupted extends Error {
    name = 'ExportInterrupted';
}
const TRANSIENT = new Set([408, 500, 502, 503, 504]);
class SourceApi {
    options;
    counts = { requests: 0, rateLimited: 0, retried: 0 };
    /** When the last answer said the bucket is empty: wait until then before the next request. */
    notBefore = 0;
    constructor(options) {
        this.options = options;
    }
    async json(path, request = {}) {
        const response = await this.send(path, request);
        let text;
        try {
            text = await response.text();
        }
        catch {
            if (this.options.signal?.aborted)
                throw new ExportInterrupted('interrupted');
            throw new SourceApiError(`${this.options.label}: the connection broke while reading the answer to ${pathOnly(path)}. ` +
                'Run export again: it resumes where it stopped.', 0);
        }
        let body;
        try {
            body = text === '' ? undefined : JSON.parse(text);
        }
        catch {
            throw new SourceApiError(`${this.options.label} answered ${request.method ?? 'GET'} ${pathOnly(path)} with a body that is not JSON (HTTP ${response.status}).`, response.status);
        }
        return { status: response.status, body: body };
    }
    /** The raw response, for downloads: the caller streams the body. */
    async raw(url, request = {}) {
        return this.send(url, request);
    }
    async send(path, request) {
        const { label, signal } = this.options;
        const maxAttempts = this.options.maxAttempts ?? 12;
        const method = request.method ?? 'GET';
        const url = this.url(path, request.query);
        let refreshed = false;
        let backoff = 500;
        for (let attempt = 1;; attempt++) {
            if (signal?.aborted)
                throw new ExportInterrupted('interrupted');
            await this.wait(this.notBefore - Date.now());
            const headers = { accept: 'application/json' };
            if (!request.anonymous && this.options.token)
                headers.authorization = `Bearer ${await this.options.token(false)}`;
            if (request.body !== undefined)
                headers['content-type'] = 'application/json';
            let response;
            this.counts.requests++;
            try {
                response = await fetch(url, {
                    method,
                    headers,
                    body: request.body === undefined ? undefined : JSON.stringify(request.body),
                    signal,
                });
            }
            catch (error) {
                if (signal?.aborted)
                    throw new ExportInterrupted('interrupted');
                if (attempt >= maxAttempts) {
                    throw new SourceApiError(`${label} could not be reached at ${new URL(url).origin} (${error.message}) after ` +
                        `${attempt} attempts. Check the URL and the network, then run export again: it resumes.`, 0);
                }
                this.counts.retried++;
                await this.wait(backoff);
                backoff = Math.min(backoff * 2, this.maxWait());
                continue;
            }
            this.noteRateLimit(response.headers);
            if (response.status === 429) {
                this.counts.rateLimited++;
                await response.body?.cancel();
                if (attempt >= maxAttempts)
                    throw new SourceApiError(`${label} kept answering 429 (rate limited) for ${method} ${pathOnly(path)} after ${attempt} attempts. ` +
                        'Run export again later: it resumes where it stopped.', 429);
                await this.wait(this.retryAfterMs(response.headers) ?? backoff);
                backoff = Math.min(backoff * 2, this.maxWait());
                continue;
            }
            if (response.status === 401 && !request.anonymous && this.options.token && !refreshed) {
                // An access token can expire during a long export: get a fresh one once.
                await response.body?.cancel();
                refreshed = true;
                await this.options.token(true);
                continue;
            }
            if (TRANSIENT.has(response.status) && !request.accept?.includes(response.status) && attempt < maxAttempts) {
                await response.body?.cancel();
                this.counts.retried++;
                await this.wait(this.retryAfterMs(response.headers) ?? backoff);
                backoff = Math.min(backoff * 2, this.maxWait());
                continue;
            }
            if (response.ok || request.accept?.includes(response.status))
                return response;
            const detail = await errorDetail(response);
            await response.body?.cancel().catch(() => undefined);
            throw new SourceApiError(explain(label, response.status, `${method} ${pathOnly(path)}`, detail), response.status);
        }
    }
    url(path, query) {
        const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.options.baseUrl + path);
        for (const [key, value] of Object.entries(query ?? {}))
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        return url.toString();
    }
    /** Retry-After in seconds (or an HTTP date); else X-RateLimit-Reset (epoch seconds). */
    retryAfterMs(headers) {
        const retryAfter = headers.get('retry-after');
        if (retryAfter !== null) {
            const seconds = Number(retryAfter);
            const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
            if (Number.isFinite(ms))
                return Math.min(Math.max(ms, 0), this.maxWait());
        }
        const reset = Number(headers.get('x-ratelimit-reset'));
        if (headers.has('x-ratelimit-reset') && Number.isFinite(reset))
            return Math.min(Math.max(reset * 1000 - Date.now(), 0), this.maxWait());
        return undefined;
    }
    /** X-RateLimit-Remaining 0: the next request would be refused, so wait for the reset first. */
    noteRateLimit(headers) {
        if (headers.get('x-ratelimit-remaining') !== '0')
            return;
        const reset = Number(headers.get('x-ratelimit-reset'));
        if (Number.isFinite(reset) && reset > 0)
            this.notBefore = Math.min(reset * 1000, Date.now() + this.maxWait());
    }
    maxWait() {
        return this.options.maxWaitMs ?? 60_000;
    }
    async wait(ms) {
        if (ms <= 0)
            return;
        const sleep = this.options.sleep ?? abortableSleep;
        await sleep(ms, this.options.signal);
        if (this.options.signal?.aborted)
            throw new ExportInterrupted('interrupted');
    }
}
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** A path without its query string: queries can hold checkpoint ids, never needed in messages. */
function pathOnly(path) {
    const withoutQuery = path.split('?')[0] ?? path;
    return /^https?:\/\//.test(withoutQuery) ? new URL(withoutQuery).pathname : withoutQuery;
}
/** The API's own words, from the error shapes Auth0 and Clerk use; never a token. */
async function errorDetail(response) {
    let text;
    try {
        text = (await response.text()).slice(0, 2000);
    }
    catch {
        return '';
    }
    try {
        const body = JSON.parse(text);
        const errors = Array.isArray(body.errors) ? body.errors : [];
        const first = errors[0];
        const message = first?.long_message ?? first?.message ?? body.message ?? body.error_description ?? body.error;
        return typeof message === 'string' ? message.slice(0, 300) : '';
    }
    catch {
        return '';
    }
}
function explain(label, status, what, detail) {
    const said = detail ? `: "${detail}"` : '';
    if (status === 401)
        return `${label} refused the credentials (HTTP 401${said}) for ${what}. Check them, then run export again.`;
    if (status === 403)
        return `${label} refused ${what} (HTTP 403${said}). The credentials lack a permission (scope) this needs; grant it and run export again.`;
    return `${label} answered ${what} with HTTP ${status}${said}. Run export again to resume; if it persists, check the API's status.`;
}

;// CONCATENATED MODULE: ./build/export/files.js








/** The confirmed records of a spool, one at a time. */
async function* spoolRecords(spool) {
    if (spool.state.bytes === 0)
        return;
    const lines = (0,external_node_readline_.createInterface)({
        input: (0,external_node_fs_.createReadStream)(spool.path, { start: 0, end: spool.state.bytes - 1 }),
        crlfDelay: Infinity,
    });
    for await (const line of lines)
        if (line !== '')
            yield JSON.parse(line);
}
/**
 * Writes `path` whole or not at all: into `path.tmp`, renamed when complete, so an interrupted
 * run never leaves a half file where `import` would read it.
 */
async function writeFileAtomically(path, chunks) {
    const temp = `${path}.tmp`;
    await (0,external_node_stream_promises_.pipeline)(chunks, (0,external_node_fs_.createWriteStream)(temp));
    await (0,promises_.rename)(temp, path);
}
/**
 * Downloads `url` into `target` as the server sent it. Node's http client, not fetch: fetch
 * undoes a Content-Encoding: gzip, and the export must stay byte for byte what Auth0 wrote.
 * A non-200 answer writes nothing and returns its status (an expired link is a 403).
 */
function downloadRaw(url, target, signal) {
    const get = url.startsWith('https:') ? external_node_https_.get : external_node_http_.get;
    return new Promise((resolve, reject) => {
        const request = get(url, { signal }, (response) => {
            const status = response.statusCode ?? 0;
            if (status !== 200) {
                response.resume();
                resolve({ status, bytes: 0 });
                return;
            }
            let bytes = 0;
            response.on('data', (chunk) => (bytes += chunk.length));
            (0,external_node_stream_promises_.pipeline)(response, (0,external_node_fs_.createWriteStream)(target)).then(() => resolve({ status, bytes }), (error) => reject(signal?.aborted ? new ExportInterrupted('interrupted') : error));
        });
        request.on('error', (error) => reject(signal?.aborted ? new ExportInterrupted('interrupted') : error));
    });
}
/** Lines of a gzipped NDJSON file that hold something: the number of users in an Auth0 export. */
async function countGzipLines(path) {
    let count = 0;
    const lines = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(path).pipe((0,external_node_zlib_.createGunzip)()), crlfDelay: Infinity });
    for await (const line of lines)
        if (line.trim() !== '')
            count++;
    return count;
}

;// CONCATENATED MODULE: ./build/export/auth0.js





// Auth0: users through the Management API's bulk export job (POST /api/v2/jobs/users-exports,
// poll GET /api/v2/jobs/{id}, download its `location`, a gzipped NDJSON file, before the link
// expires); organizations through GET /api/v2/organizations and each one's members with
// `fields=user_id,roles` (checkpoint paging: `take` and `from`/`next`, the only way past 1,000
// members). Written as users.ndjson.gz (Auth0's bytes) and organizations.json (the format
// `import --organizations` reads).
/** Every field src/sources/auth0 maps. JSON format: whole objects (identities, metadata) export as is. */
const AUTH0_EXPORT_FIELDS = [
    'user_id',
    'email',
    'email_verified',
    'given_name',
    'family_name',
    'name',
    'nickname',
    'blocked',
    'multifactor',
    'identities',
    'app_metadata',
    'user_metadata',
    'created_at',
    'last_login',
];
const AUTH0_USERS_FILE = 'users.ndjson.gz';
const ORGANIZATIONS_FILE = 'organizations.json';
/** Checkpoint paging takes at most 100 a page. */
const PAGE = 100;
function auth0Credentials(env) {
    const domain = env.AUTH0_DOMAIN?.trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
    const apiUrl = env.AUTH0_API_URL?.trim().replace(/\/+$/, '');
    if (!domain && !apiUrl)
        throw new types/* UsageError */.eb('export --source auth0 needs AUTH0_DOMAIN (your tenant, like acme.eu.auth0.com) in the environment.');
    const baseUrl = apiUrl || `https://${domain}`;
    const audience = `${domain ? `https://${domain}` : baseUrl}/api/v2/`;
    const managementToken = env.AUTH0_MANAGEMENT_TOKEN?.trim() || undefined;
    const clientId = env.AUTH0_CLIENT_ID?.trim() || undefined;
    const clientSecret = env.AUTH0_CLIENT_SECRET?.trim() || undefined;
    if (!managementToken && !(clientId && clientSecret)) {
        throw new types/* UsageError */.eb('export --source auth0 needs AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (a machine-to-machine application ' +
            'authorized for the Management API with read:users, read:organizations, read:organization_members, ' +
            'read:organization_member_roles) or AUTH0_MANAGEMENT_TOKEN.');
    }
    return { baseUrl, audience, managementToken, clientId, clientSecret };
}
/** A Management API token: the one given, or one from the client credentials grant, kept until refused. */
function tokenSource(credentials, context) {
    let current = credentials.managementToken;
    const auth = new SourceApi({
        baseUrl: credentials.baseUrl,
        label: 'Auth0 (token endpoint)',
        signal: context.signal,
        maxAttempts: 6,
    });
    return async (refresh) => {
        if (current && !(refresh && !credentials.managementToken))
            return current;
        const answer = await auth.json('/oauth/token', {
            method: 'POST',
            body: {
                grant_type: 'client_credentials',
                client_id: credentials.clientId,
                client_secret: credentials.clientSecret,
                audience: credentials.audience,
            },
            accept: [401, 403],
        });
        if (answer.status !== 200 || !answer.body?.access_token) {
            throw new SourceApiError(`Auth0 refused the client credentials (HTTP ${answer.status}). Check AUTH0_CLIENT_ID and ` +
                `AUTH0_CLIENT_SECRET, and that the application is authorized for the Management API (${credentials.audience}).`, answer.status);
        }
        current = answer.body.access_token;
        context.onSecret?.(current);
        return current;
    };
}
async function exportAuth0(context, checkpoint) {
    const credentials = auth0Credentials(context.env);
    const api = new SourceApi({
        baseUrl: credentials.baseUrl,
        label: 'Auth0 Management API',
        token: tokenSource(credentials, context),
        signal: context.signal,
    });
    const usersPath = (0,external_node_path_.join)(checkpoint.outDir, AUTH0_USERS_FILE);
    const users = await exportUsers(api, checkpoint, usersPath, context);
    const organizations = await exportOrganizations(api, checkpoint, context);
    return {
        files: { users: usersPath, organizations: organizations.path },
        counts: { users, organizations: organizations.count, memberships: organizations.members },
        requests: api.counts,
    };
}
async function exportUsers(api, checkpoint, usersPath, context) {
    const progress = checkpoint.state.progress;
    if (progress.usersCount !== undefined) {
        context.log.info(`Users: ${progress.usersCount} exported earlier (kept from the checkpoint).`);
        return progress.usersCount;
    }
    const part = checkpoint.partPath('users.ndjson.gz.part');
    let expiredLinks = 0;
    for (;;) {
        if (!progress.usersJob) {
            const created = await api.json('/api/v2/jobs/users-exports', {
                method: 'POST',
                body: { format: 'json', fields: AUTH0_EXPORT_FIELDS.map((name) => ({ name })) },
            });
            progress.usersJob = created.body.id;
            await checkpoint.save();
            context.log.info('Users: Auth0 export job created; waiting for Auth0 to write the file.');
        }
        const job = await waitForJob(api, progress.usersJob, context);
        if (!job) {
            // Auth0 forgets jobs after a while: a job from an old checkpoint is created again.
            delete progress.usersJob;
            await checkpoint.save();
            continue;
        }
        const download = await downloadRaw(job.location, part, context.signal).catch((error) => {
            // A connection cut mid-file is retried like an expired link: with a fresh link.
            if (error instanceof ExportInterrupted)
                throw error;
            return { status: 0, bytes: 0 };
        });
        if (download.status !== 200) {
            await (0,promises_.rm)(part, { force: true });
            // The link is short-lived: a fresh GET of the job signs a new one; after a few, a new job.
            if (++expiredLinks % 3 === 0)
                delete progress.usersJob;
            await checkpoint.save();
            if (expiredLinks > 9)
                throw new SourceApiError(`The export file's download kept failing (${download.status ? `HTTP ${download.status}` : 'connection lost'}). ` +
                    'Run export again.', download.status);
            continue;
        }
        const count = await countGzipLines(part).catch(() => {
            throw new SourceApiError('The file Auth0 wrote is not a gzipped NDJSON export. Run export again; if it persists, export from the dashboard (User Import / Export extension).', 0);
        });
        await (0,promises_.rename)(part, usersPath);
        progress.usersCount = count;
        delete progress.usersJob;
        await checkpoint.save();
        context.log.info(`Users: ${count} exported (${download.bytes} bytes, as Auth0 wrote them).`);
        return count;
    }
}
/** Polls the job until completed, with backoff; undefined when Auth0 no longer knows it. */
async function waitForJob(api, id, context) {
    let delay = context.pollMs ?? 1000;
    let polls = 0;
    for (;;) {
        const answer = await api.json(`/api/v2/jobs/${encodeURIComponent(id)}`, {
            accept: [404],
        });
        if (answer.status === 404)
            return undefined;
        const job = answer.body;
        if (job.status === 'completed') {
            if (!job.location)
                throw new SourceApiError('Auth0 says the export job completed but gives no file location. Run export again.', 200);
            return job;
        }
        if (job.status === 'failed' || job.status === 'cancelled') {
            throw new SourceApiError(`Auth0's export job ended as ${job.status}. Run export again; it starts a new job.`, 200);
        }
        if (++polls % 10 === 0)
            context.log.progress(`Users: Auth0 is still writing the export (${job.status}).`);
        await abortableSleep(delay, context.signal);
        delay = Math.min(Math.round(delay * 1.5), context.maxPollMs ?? 30_000);
    }
}
async function exportOrganizations(api, checkpoint, context) {
    const list = await checkpoint.spool('organizations');
    while (!list.state.done) {
        const page = await api.json('/api/v2/organizations', {
            query: { take: PAGE, from: list.state.cursor },
        });
        const organizations = (page.body.organizations ?? []).map(({ id, name, display_name, metadata }) => ({
            id,
            name,
            display_name,
            metadata: metadata ?? {},
        }));
        await list.append(organizations, page.body.next || undefined);
    }
    const total = list.state.count;
    context.log.info(`Organizations: ${total} to export with their members.`);
    let index = 0;
    let members = 0;
    for await (const organization of spoolRecords(list)) {
        const spool = await checkpoint.spool(`members-${index}`);
        while (!spool.state.done) {
            const page = await api.json(`/api/v2/organizations/${encodeURIComponent(organization.id)}/members`, {
                query: {
                    take: PAGE,
                    from: spool.state.cursor,
                    fields: 'user_id,roles',
                    include_fields: true,
                },
            });
            const records = (page.body.members ?? []).map((m) => ({
                user_id: m.user_id,
                roles: (m.roles ?? []).map((r) => ({ id: r.id, name: r.name })),
            }));
            await spool.append(records, page.body.next || undefined);
        }
        members += spool.state.count;
        index++;
        if (index % 25 === 0 || index === total)
            context.log.progress(`Organizations: ${index} of ${total} read, ${members} members.`);
    }
    const path = (0,external_node_path_.join)(checkpoint.outDir, ORGANIZATIONS_FILE);
    await writeFileAtomically(path, organizationsFile(checkpoint, list));
    context.log.info(`Organizations: ${total} exported with ${members} members.`);
    return { path, count: total, members };
}
/** `{"organizations":[{…, "members":[…]}, …]}`, one organization and one member a line. */
async function* organizationsFile(checkpoint, list) {
    yield '{"organizations":[\n';
    let index = 0;
    for await (const organization of spoolRecords(list)) {
        const head = JSON.stringify({ ...organization, members: [] });
        yield `${index === 0 ? '' : ',\n'}${head.slice(0, -2)}`;
        let first = true;
        for await (const member of spoolRecords(await checkpoint.spool(`members-${index}`))) {
            yield `${first ? '\n' : ',\n'}  ${JSON.stringify(member)}`;
            first = false;
        }
        yield ']}';
        index++;
    }
    yield '\n]}\n';
}

;// CONCATENATED MODULE: ./build/export/checkpoint.js



// An export's own checkpoint: a small JSON state file in --out plus "spools", append-only
// files of one JSON record a line, each with a cursor (a page's `next`, or an offset). A page is
// appended and flushed first, and the state (file length, count, cursor) saved after it, by an
// atomic rename. A kill between the two leaves bytes past the recorded length: on resume they
// are cut off and the page is fetched again, so nothing is written twice and nothing is lost.
const STATE_FILE = 'export-state.json';
const PARTS_DIR = '.export-parts';
class ExportCheckpoint {
    outDir;
    state;
    resumed;
    constructor(outDir, state, 
    /** True when the run continues an interrupted one. */
    resumed) {
        this.outDir = outDir;
        this.state = state;
        this.resumed = resumed;
    }
    static async open(outDir, source) {
        await (0,promises_.mkdir)((0,external_node_path_.join)(outDir, PARTS_DIR), { recursive: true });
        const path = (0,external_node_path_.join)(outDir, STATE_FILE);
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch {
            text = undefined;
        }
        if (text !== undefined) {
            let state;
            try {
                state = JSON.parse(text);
            }
            catch {
                throw new types/* UsageError */.eb(`${path}: the export checkpoint is damaged (not JSON). Delete it to start the export over.`);
            }
            if (state.version !== 1 || typeof state.spools !== 'object' || state.spools === null) {
                throw new types/* UsageError */.eb(`${path}: this is not an export checkpoint this version can read. Delete it to start the export over.`);
            }
            if (state.source !== source) {
                throw new types/* UsageError */.eb(`${path}: ${outDir} holds an unfinished ${state.source} export; use another --out, or delete ${STATE_FILE} there to start over.`);
            }
            if (!state.complete)
                return new ExportCheckpoint(outDir, state, true);
            // A finished export is fetched again from the start: the source may have changed since.
            await (0,promises_.rm)((0,external_node_path_.join)(outDir, PARTS_DIR), { recursive: true, force: true });
            await (0,promises_.mkdir)((0,external_node_path_.join)(outDir, PARTS_DIR), { recursive: true });
        }
        const state = {
            version: 1,
            source,
            startedAt: new Date().toISOString(),
            progress: {},
            spools: {},
            complete: false,
        };
        const checkpoint = new ExportCheckpoint(outDir, state, false);
        await checkpoint.save();
        return checkpoint;
    }
    partPath(name) {
        return (0,external_node_path_.join)(this.outDir, PARTS_DIR, name);
    }
    async save() {
        const path = (0,external_node_path_.join)(this.outDir, STATE_FILE);
        const temp = `${path}.tmp`;
        await (0,promises_.writeFile)(temp, `${JSON.stringify(this.state, null, 2)}\n`);
        await (0,promises_.rename)(temp, path);
    }
    /** A spool by name, cut back to its confirmed length. */
    async spool(name) {
        const state = (this.state.spools[name] ??= { bytes: 0, count: 0, done: false });
        const path = this.partPath(`${name}.ndjson`);
        const handle = await (0,promises_.open)(path, 'a');
        await handle.close();
        await (0,promises_.truncate)(path, state.bytes);
        return new Spool(path, state, this);
    }
    async finish() {
        this.state.complete = true;
        await this.save();
        await (0,promises_.rm)((0,external_node_path_.join)(this.outDir, PARTS_DIR), { recursive: true, force: true });
    }
}
class Spool {
    path;
    state;
    checkpoint;
    constructor(path, state, checkpoint) {
        this.path = path;
        this.state = state;
        this.checkpoint = checkpoint;
    }
    /** Appends one page of records, then records the cursor of the next page (none: the last page). */
    async append(records, next) {
        const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
        if (text !== '') {
            const handle = await (0,promises_.open)(this.path, 'r+');
            try {
                await handle.write(text, this.state.bytes);
                await handle.sync();
            }
            finally {
                await handle.close();
            }
        }
        this.state.bytes += Buffer.byteLength(text);
        this.state.count += records.length;
        if (next === undefined) {
            delete this.state.cursor;
            this.state.done = true;
        }
        else {
            this.state.cursor = next;
        }
        await this.checkpoint.save();
    }
}

;// CONCATENATED MODULE: ./build/export/clerk.js




// Clerk: the Backend API with offset paging (`limit` ≤ 500, `offset`), oldest first so records
// created during the export land at the end instead of shifting the pages already read.
// GET /v1/users answers a bare array; /v1/organizations and /v1/organizations/{id}/memberships
// answer `{data, total_count}`. Written as users.json (Backend API user objects, which
// src/sources/clerk reads) and organizations.json (`{"organizations":[{…, memberships}]}`).
// The Backend API never returns password digests: passwords come from the dashboard CSV.
const CLERK_USERS_FILE = 'users.json';
const CLERK_ORGANIZATIONS_FILE = 'organizations.json';
const clerk_PAGE = 500;
function clerkCredentials(env) {
    const secretKey = env.CLERK_SECRET_KEY?.trim();
    if (!secretKey)
        throw new types/* UsageError */.eb('export --source clerk needs CLERK_SECRET_KEY (sk_live_… or sk_test_…, from the Clerk dashboard, API keys) in the environment.');
    const baseUrl = (env.CLERK_API_URL?.trim() || 'https://api.clerk.com').replace(/\/+$/, '');
    return { baseUrl, secretKey };
}
async function exportClerk(context, checkpoint) {
    const { baseUrl, secretKey } = clerkCredentials(context.env);
    const api = new SourceApi({
        baseUrl,
        label: 'Clerk Backend API',
        token: async () => secretKey,
        signal: context.signal,
    });
    const users = await checkpoint.spool('users');
    await pageByOffset(users, async (offset) => {
        const page = await api.json('/v1/users', { query: { limit: clerk_PAGE, offset, order_by: '+created_at' } });
        return Array.isArray(page.body) ? page.body : [];
    });
    context.log.info(`Users: ${users.state.count} exported (the Backend API gives no password digests).`);
    const usersPath = (0,external_node_path_.join)(checkpoint.outDir, CLERK_USERS_FILE);
    await writeFileAtomically(usersPath, jsonArray(spoolRecords(users)));
    const organizations = await checkpoint.spool('organizations');
    await pageByOffset(organizations, async (offset) => {
        const page = await api.json('/v1/organizations', {
            query: { limit: clerk_PAGE, offset, order_by: '+created_at' },
        });
        return (page.body.data ?? []).map(({ id, name, slug, public_metadata, private_metadata, created_at }) => ({
            id,
            name,
            slug,
            public_metadata,
            private_metadata,
            created_at,
        }));
    });
    const total = organizations.state.count;
    context.log.info(`Organizations: ${total} to export with their memberships.`);
    let index = 0;
    let memberships = 0;
    for await (const organization of spoolRecords(organizations)) {
        const spool = await checkpoint.spool(`memberships-${index}`);
        await pageByOffset(spool, async (offset) => {
            const page = await api.json(`/v1/organizations/${encodeURIComponent(organization.id)}/memberships`, {
                query: { limit: clerk_PAGE, offset, order_by: '+created_at' },
            });
            return (page.body.data ?? []).map((m) => ({
                id: m.id,
                role: m.role,
                public_user_data: { user_id: m.public_user_data?.user_id },
            }));
        });
        memberships += spool.state.count;
        const domains = await checkpoint.spool(`domains-${index}`);
        await pageByOffset(domains, async (offset) => {
            const page = await api.json(`/v1/organizations/${encodeURIComponent(organization.id)}/domains`, {
                query: { limit: clerk_PAGE, offset, verified: true },
            });
            return (page.body.data ?? []).map((d) => ({ name: d.name }));
        });
        index++;
        if (index % 25 === 0 || index === total)
            context.log.progress(`Organizations: ${index} of ${total} read, ${memberships} memberships.`);
    }
    const organizationsPath = (0,external_node_path_.join)(checkpoint.outDir, CLERK_ORGANIZATIONS_FILE);
    await writeFileAtomically(organizationsPath, clerk_organizationsFile(checkpoint, organizations));
    context.log.info(`Organizations: ${total} exported with ${memberships} memberships.`);
    return {
        files: { users: usersPath, organizations: organizationsPath },
        counts: { users: users.state.count, organizations: total, memberships },
        requests: api.counts,
    };
}
/** Offset paging: a short page is the last one. The cursor is the next offset. */
async function pageByOffset(spool, fetchPage) {
    while (!spool.state.done) {
        const offset = typeof spool.state.cursor === 'number' ? spool.state.cursor : 0;
        const records = await fetchPage(offset);
        await spool.append(records, records.length < clerk_PAGE ? undefined : offset + records.length);
    }
}
async function* jsonArray(records) {
    yield '[';
    let first = true;
    for await (const record of records) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
        first = false;
    }
    yield '\n]\n';
}
async function* clerk_organizationsFile(checkpoint, list) {
    yield '{"organizations":[\n';
    let index = 0;
    for await (const organization of spoolRecords(list)) {
        const domains = [];
        for await (const domain of spoolRecords(await checkpoint.spool(`domains-${index}`)))
            domains.push(domain);
        const head = JSON.stringify({ ...organization, domains, memberships: [] });
        yield `${index === 0 ? '' : ',\n'}${head.slice(0, -2)}`;
        let first = true;
        for await (const membership of spoolRecords(await checkpoint.spool(`memberships-${index}`))) {
            yield `${first ? '\n' : ',\n'}  ${JSON.stringify(membership)}`;
            first = false;
        }
        yield ']}';
        index++;
    }
    yield '\n]}\n';
}

;// CONCATENATED MODULE: ./build/export/index.js





const EXPORT_SOURCES = (/* unused pure expression or super */ null && (['auth0', 'clerk']));
function parseExportSource(value) {
    if (value === 'auth0' || value === 'clerk')
        return value;
    throw new types/* UsageError */.eb(`export reads from auth0 or clerk, not "${value ?? ''}". Other sources have their own export tools; see "Getting the exports" in the README.`);
}
/**
 * Fetches the exports of `source` into `outDir`, resuming the checkpoint there when an earlier
 * run was interrupted. Returns the paths `import` takes and the counts.
 */
async function runExport(source, outDir, context) {
    // Missing credentials stop the run before anything is written to --out.
    if (source === 'auth0')
        auth0Credentials(context.env);
    else
        clerkCredentials(context.env);
    const checkpoint = await ExportCheckpoint.open(outDir, source);
    if (checkpoint.resumed)
        context.log.info(`Resuming the ${source} export from its checkpoint in ${outDir}.`);
    const result = source === 'auth0' ? await exportAuth0(context, checkpoint) : await exportClerk(context, checkpoint);
    await checkpoint.finish();
    const { requests, rateLimited, retried } = result.requests;
    context.log.info(`${requests} requests to ${source === 'auth0' ? 'Auth0' : 'Clerk'}, ${rateLimited} rate limited (waited as told), ${retried} retried.`);
    return result;
}

;// CONCATENATED MODULE: ./build/cli/export-command.js



/**
 * `migrate-to-workos export --source auth0|clerk --out DIR`: fetches the source's exports
 * through its API into DIR, resuming DIR's checkpoint after an interruption. Credentials only
 * from the environment. Prints the files to pass to `import`.
 */
async function runExportCommand(args, io) {
    if (!args.out)
        throw new types/* UsageError */.eb(`export needs --out DIR: where the export files (and the export's checkpoint) go.`);
    const source = parseExportSource(args.source);
    const controller = new AbortController();
    let signalName;
    const onInt = () => {
        signalName = 'SIGINT';
        controller.abort();
    };
    const onTerm = () => {
        signalName = 'SIGTERM';
        controller.abort();
    };
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    try {
        const result = await runExport(source, args.out, {
            env: io.env,
            log: streamLogger(io.stderr),
            signal: controller.signal,
        });
        const { users, organizations, memberships } = result.counts;
        io.stdout.write(`Exported ${users} users, ${organizations} organizations, ${memberships} memberships into ${args.out}\n`);
        io.stdout.write(`Next: migrate-to-workos plan --source ${source} --users ${result.files.users} --organizations ${result.files.organizations}\n`);
        if (source === 'clerk')
            io.stdout.write('Clerk gives no password digests through its API: add the dashboard CSV export to move passwords.\n');
        if (source === 'auth0')
            io.stdout.write('Auth0 gives no password hashes through its API: ask Auth0 support for them and pass --passwords.\n');
        return 0;
    }
    catch (error) {
        if (error instanceof ExportInterrupted || controller.signal.aborted) {
            io.stderr.write(`Export interrupted; run the same command again to resume from the checkpoint in ${args.out}.\n`);
            return signalName === 'SIGTERM' ? 143 : 130;
        }
        throw error;
    }
    finally {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
    }
}

;// CONCATENATED MODULE: ./build/cli/main.js



















/** Runs one CLI command and returns the exit code (0, 1, 2, 130 or 143, as in the README's table). */
async function runCli(argv, io = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin }) {
    try {
        const args = (0,cli_args/* parseCliArgs */.hT)(argv);
        switch (args.command) {
            case 'help':
                io.stdout.write(`${(0,cli_args/* helpText */.BK)(args.helpTopic)}\n`);
                return 0;
            case 'emulator':
                return await serveEmulator(args, io);
            case 'demo':
                return await runDemo(io);
            case 'export':
                return await runExportCommand(args, io);
            default:
                return await runMode(args, io);
        }
    }
    catch (error) {
        if (error instanceof types/* UsageError */.eb) {
            io.stderr.write(`error: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}
async function runMode(args, io) {
    const mode = args.command === 'import' || args.command === 'verify' || args.command === 'rollback' || args.command === 'cutover'
        ? args.command
        : 'plan';
    if (mode === 'import' || (mode === 'rollback' && args.confirm))
        await confirmProduction(io.env.WORKOS_API_KEY, args.confirmProduction, io);
    if (mode === 'rollback')
        return runRollbackCommand(args, io);
    if (!args.users)
        throw new types/* UsageError */.eb(`${args.command} needs --users FILE (the user export). Run migrate-to-workos ${args.command} --help.`);
    // Encrypted files, env:NAME and artifact:NAME become files in a private temp dir, removed at the end.
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'migrate-to-workos-'));
    const sources = await resolveSourceFiles({ users: args.users, passwords: args.passwords, organizations: args.organizations, hashConfig: args.hashConfig }, { tempDir, env: io.env, passphrase: io.env.MIGRATE_TO_WORKOS_PASSPHRASE }).catch(async (error) => {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        throw error;
    });
    // Ctrl-C / SIGTERM: stop taking records, let in-flight writes land in the journal, report; twice: exit now.
    const interruption = onInterrupt({
        exitOnSecond: true,
        onFirst: (signal) => io.stderr.write(`\n${signal}: stopping after the writes in flight (again to quit at once)…\n`),
    });
    try {
        const options = {
            mode,
            source: parseSourceKind(args.source),
            files: sources.files,
            fileLabels: sources.labels,
            config: await loadMappingConfig(args.config),
            stateDir: args.state,
            outDir: args.out,
            // A dry run uses a key when there is one (to check role slugs) and never needs it.
            target: mode === 'plan' && !io.env.WORKOS_API_KEY
                ? undefined
                : { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
            rateLimit: args.rateLimit,
            concurrency: args.concurrency,
            maxRecords: args.maxRecords,
            timeBudgetMs: args.timeBudgetMs,
            includePii: args.includePii,
            force: args.force,
            prune: args.prune,
            pruneLimit: args.pruneLimit,
            portalLinks: args.portalLinks,
            loginProbes: args.loginProbes ? await loginProbesFrom(args.loginProbes, io.env) : undefined,
            log: streamLogger(io.stderr),
            signal: interruption.signal,
        };
        const result = await runMigration(options);
        io.stdout.write(renderSummaryText(result.summary));
        if (result.files)
            io.stdout.write(`Reports in ${args.out}\n`);
        if (result.summary.fatal)
            io.stderr.write(`error: ${result.summary.fatal}\n`);
        if (interruption.received) {
            const s = result.summary;
            const pending = s.users.pending + s.organizations.pending + s.memberships.pending;
            const resume = args.state
                ? 'Run the same command again to go on from the checkpoint.'
                : 'Run it again with --state DIR to keep a checkpoint; without one every record is looked up again.';
            io.stderr.write(`${describeInterruption(interruption.received, pending, resume)}\n`);
            return interruption.exitCode;
        }
        return (0,exit_code/* recordExitCode */.n)(result.summary, args.failOn);
    }
    finally {
        interruption.dispose();
        await sources.cleanup();
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
    }
}
/** rollback reads no export: the checkpoint says what the migration created. */
async function runRollbackCommand(args, io) {
    const interruption = onInterrupt({
        exitOnSecond: true,
        onFirst: (signal) => io.stderr.write(`\n${signal}: stopping after the deletes in flight (again to quit at once)…\n`),
    });
    try {
        const result = await runMigration({
            mode: 'rollback',
            source: parseSourceKind(args.source),
            files: { users: '' },
            stateDir: args.state,
            outDir: args.out,
            target: io.env.WORKOS_API_KEY || args.confirm
                ? { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL }
                : undefined,
            rateLimit: args.rateLimit,
            concurrency: args.concurrency,
            confirm: args.confirm,
            log: streamLogger(io.stderr),
            signal: interruption.signal,
        });
        io.stdout.write(renderSummaryText(result.summary));
        if (result.files)
            io.stdout.write(`Reports in ${args.out}\n`);
        if (interruption.received) {
            io.stderr.write(`${describeInterruption(interruption.received, 0, 'Run rollback --confirm again: it goes on from the checkpoint.')}\n`);
            return interruption.exitCode;
        }
        return (0,exit_code/* recordExitCode */.n)(result.summary, args.failOn);
    }
    finally {
        interruption.dispose();
    }
}
/**
 * An sk_live_ key imports into production only with --confirm-production, or a typed "yes" when a
 * person is at a terminal; a script or CI job without the flag stops here, before any write.
 */
async function confirmProduction(apiKey, confirmed, io) {
    if (!apiKey?.startsWith('sk_live_') || confirmed)
        return;
    const refusal = 'WORKOS_API_KEY is a production key (sk_live_). To import into production pass --confirm-production.';
    if (!io.stdin?.isTTY || !io.stderr.isTTY)
        throw new types/* UsageError */.eb(refusal);
    const prompt = (0,external_node_readline_promises_.createInterface)({ input: io.stdin, output: io.stderr });
    try {
        const answer = await prompt.question('WORKOS_API_KEY is a production key (sk_live_). Import into production? Type yes to go on: ');
        if (answer.trim().toLowerCase() !== 'yes')
            throw new types/* UsageError */.eb('Not confirmed: nothing was written. Pass --confirm-production to skip the question.');
    }
    finally {
        prompt.close();
    }
}
async function loginProbesFrom(path, env) {
    const clientId = env.WORKOS_CLIENT_ID;
    if (!clientId)
        throw new types/* UsageError */.eb('--login-probes needs WORKOS_CLIENT_ID (the client id of the WorkOS environment, client_…).');
    let text;
    await (0,file_kind/* assertNotSpecialFile */.JO)(path, 'the login probes file');
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        throw new types/* UsageError */.eb(`${path}: cannot read the login probes file. Check the --login-probes path.`);
    }
    return { clientId, probes: parseLoginProbes(text, path), label: path };
}
async function serveEmulator(args, io) {
    const emulator = await startEmulator({ host: args.host, port: args.port ?? 0 });
    io.stdout.write(`WorkOS stand-in listening on ${emulator.url}\nUse it with: WORKOS_API_URL=${emulator.url} WORKOS_API_KEY=sk_test_local\n`);
    const interruption = onInterrupt();
    await new Promise((done) => interruption.signal.addEventListener('abort', () => done(), { once: true }));
    interruption.dispose();
    await emulator.close();
    return 0;
}
/** The project's own files (examples/), found from the bundle's location: dist/cli/ → root. */
function projectRoot() {
    return (0,external_node_path_.resolve)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', '..');
}
async function runDemo(io) {
    const examples = (0,external_node_path_.join)(projectRoot(), 'examples');
    const emulator = await startEmulator();
    const log = streamLogger(io.stderr);
    const state = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'migrate-to-workos-demo-'));
    try {
        io.stdout.write(`Local WorkOS stand-in: ${emulator.url} (500 writes / 10 s, like WorkOS)\n\n`);
        const target = { apiKey: 'sk_test_demo', apiUrl: emulator.url };
        const runs = [
            [
                'Auth0: bulk user export, password hashes, organizations',
                {
                    mode: 'import',
                    source: 'auth0',
                    files: {
                        users: (0,external_node_path_.join)(examples, 'auth0', 'users.ndjson'),
                        passwords: (0,external_node_path_.join)(examples, 'auth0', 'passwords.ndjson'),
                        organizations: (0,external_node_path_.join)(examples, 'auth0', 'organizations.json'),
                    },
                    stateDir: (0,external_node_path_.join)(state, 'auth0'),
                    outDir: (0,external_node_path_.join)(state, 'auth0-report'),
                    target,
                    log,
                },
            ],
            [
                'Clerk: dashboard CSV, organizations',
                {
                    mode: 'import',
                    source: 'clerk',
                    files: {
                        users: (0,external_node_path_.join)(examples, 'clerk', 'users.csv'),
                        organizations: (0,external_node_path_.join)(examples, 'clerk', 'organizations.json'),
                    },
                    config: await loadMappingConfig((0,external_node_path_.join)(examples, 'mapping.yml')),
                    stateDir: (0,external_node_path_.join)(state, 'clerk'),
                    outDir: (0,external_node_path_.join)(state, 'clerk-report'),
                    target,
                    log,
                },
            ],
            ...[
                [
                    'firebase',
                    'Firebase: auth:export JSON with the project hash parameters',
                    {
                        users: (0,external_node_path_.join)(examples, 'firebase', 'users.json'),
                        hashConfig: (0,external_node_path_.join)(examples, 'firebase', 'hash-config.json'),
                    },
                ],
                [
                    'cognito',
                    'Cognito: list-users JSON (no hashes: password-reset.csv)',
                    { users: (0,external_node_path_.join)(examples, 'cognito', 'users.json') },
                ],
                ['supabase', 'Supabase: auth.users CSV', { users: (0,external_node_path_.join)(examples, 'supabase', 'users.csv') }],
                [
                    'csv',
                    'Generic CSV (WorkOS migrations CLI columns), organizations and roles',
                    { users: (0,external_node_path_.join)(examples, 'csv', 'users.csv') },
                ],
            ].map(([source, title, files]) => [
                title,
                {
                    mode: 'import',
                    source,
                    files,
                    stateDir: (0,external_node_path_.join)(state, source),
                    outDir: (0,external_node_path_.join)(state, `${source}-report`),
                    target,
                    log,
                },
            ]),
        ];
        let consistent = true;
        for (const [title, options] of runs) {
            const first = await runMigration(options);
            io.stdout.write(`== ${title}\n${renderSummaryText(first.summary)}\n`);
            const again = await runMigration(options);
            const u = again.summary.users;
            io.stdout.write(`Imported again from the checkpoint: ${u.created} created, ${u.updated} updated, ${u.unchanged} unchanged, ${again.summary.requests?.writes ?? 0} writes.\n\n`);
            const found = first.summary.workos;
            consistent &&=
                !!found &&
                    found.users.missing === 0 &&
                    found.organizations.missing === 0 &&
                    found.memberships.missing === 0 &&
                    u.created === 0;
        }
        const held = emulator.snapshot();
        io.stdout.write(`The stand-in now holds ${held.users.length} users, ${held.organizations.length} organizations, ${held.memberships.length} memberships.\n`);
        io.stdout.write(`Reports (summary.md, errors.jsonl, id-map.csv, reenroll.csv, password-reset.csv) are in ${state}\n`);
        return consistent ? 0 : 1;
    }
    finally {
        await emulator.close();
    }
}


/***/ })

};
