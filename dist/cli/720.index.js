export const id = 720;
export const ids = [720,264];
export const modules = {

/***/ 76720:
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
    /**
     * Refuse the request 400 with an error body (and request id) that quote its Authorization
     * header, as a verbose API or a proxy in between may: what the reports must never repeat.
     */
    echoHeadersRate: rate.optional(),
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
        const echo = this.first('echoHeadersRate', method, path) ?? 0;
        if (drop + serverError + timeout + afterCommit + echo === 0)
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
        if (draw < drop + serverError + timeout + afterCommit + echo)
            return { kind: 'echoHeaders' };
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
            case 'POST /webhook_endpoints':
                return { status: 201, body: emulator.seedWebhookEndpoint(parseJson(rawBody)) };
            case 'GET /connections':
                return { status: 200, body: emulator.connections() };
            case 'POST /events': {
                const { event, data, created_at } = parseJson(rawBody);
                if (typeof event !== 'string' || event === '')
                    throw new Error('an event needs a name (event)');
                if (created_at !== undefined && (typeof created_at !== 'string' || !Number.isFinite(Date.parse(created_at))))
                    throw new Error('created_at must be an ISO 8601 time');
                const payload = typeof data === 'object' && data !== null ? data : {};
                return { status: 201, body: emulator.recordEvent(event, payload, created_at) };
            }
            case 'GET /events':
                return { status: 200, body: emulator.events() };
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
                        message: `No stand-in control ${method} ${path}. There are GET /_emulator/state, GET /_emulator/stats, PUT /_emulator/faults, POST /_emulator/reset, POST /_emulator/users, POST /_emulator/roles, POST /_emulator/connections, GET /_emulator/connections, POST /_emulator/webhook_endpoints, POST /_emulator/events and GET /_emulator/events.`,
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

;// CONCATENATED MODULE: ./build/emulator/banner.js

/** The key and client id the `emulator` command prints; the stand-in accepts any of their kind. */
const STAND_IN_API_KEY = 'sk_test_local';
const STAND_IN_CLIENT_ID = 'client_local';
/**
 * What `migrate-to-workos emulator` prints when it starts: everything needed to point a command
 * at it, and where its controls are, so no one has to find them in a 404 or the source.
 */
function standInBanner(url) {
    return [
        `WorkOS stand-in listening on ${url}`,
        `Use it with: WORKOS_API_URL=${url} WORKOS_API_KEY=${STAND_IN_API_KEY} WORKOS_CLIENT_ID=${STAND_IN_CLIENT_ID}`,
        '  (any key starting sk_test_ or sk_live_ works, and any client id)',
        `Controls, no key needed: ${url}${ADMIN_PREFIX}… (state, stats, reset, users, roles, connections, webhook_endpoints, faults),`,
        '  documented in docs/emulator.md of migrate-to-workos. Ctrl-C stops it; nothing is kept.',
        '',
    ].join('\n');
}

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
    /**
     * Ids removed but still in `ids` (in their sorted place), taken out at the next read: a
     * rollback's million deletes, each a splice of a million-entry array, took the stand-in most
     * of an hour.
     */
    removed = new Set();
    constructor(sorted = []) {
        this.ids = sorted;
    }
    static of(unsorted) {
        return new OrderedIds([...unsorted].sort(compare));
    }
    get size() {
        return this.ids.length - this.removed.size;
    }
    add(id) {
        if (this.removed.delete(id))
            return;
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
        if (this.removed.has(id))
            return;
        const at = lowerBound(this.ids, id);
        if (this.ids[at] === id)
            this.removed.add(id);
    }
    all() {
        return this.current();
    }
    clear() {
        this.ids = [];
        this.removed.clear();
    }
    /** The ids without the removed ones (taken out now, in one pass). */
    current() {
        if (this.removed.size > 0) {
            this.ids = this.ids.filter((id) => !this.removed.has(id));
            this.removed.clear();
        }
        return this.ids;
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
        const ids = this.current();
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
const CONNECTION_STATES = ['requires_type', 'draft', 'active', 'validating', 'inactive', 'deleting'];

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
            // Deprecated in favour of `state`, but WorkOS still sends it (required in its description).
            status: state === 'active' ? 'linked' : 'unlinked',
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

;// CONCATENATED MODULE: ./build/emulator/totp.js

// RFC 6238 TOTP with the parameters WorkOS uses for developer-provided secrets: HMAC-SHA-1,
// 6 digits, a 30-second step. The stand-in checks codes with it the way WorkOS does, so a test
// that computes a code from a source's secret proves the secret arrived intact.
const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** The bytes of a Base32 text (RFC 4648; case, spaces and padding ignored), or undefined if it is not Base32. */
function decodeBase32(text) {
    const clean = text.replace(/[\s=]/g, '').toUpperCase();
    const bytes = [];
    let bits = 0;
    let value = 0;
    for (const c of clean) {
        const index = BASE32_ALPHABET.indexOf(c);
        if (index < 0)
            return undefined;
        value = (value << 5) | index;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.push((value >>> bits) & 0xff);
        }
    }
    return Buffer.from(bytes);
}
/** The code of `key` for the time step holding `atMs`. */
function totpCode(key, atMs) {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / STEP_SECONDS)));
    const mac = (0,external_node_crypto_.createHmac)('sha1', key).update(counter).digest();
    const offset = mac[mac.length - 1] & 0x0f;
    const binary = mac.readUInt32BE(offset) & 0x7fffffff;
    return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}
/** Whether `code` is the code of `key` now, or one step before or after (clocks drift). */
function verifyTotp(key, code, nowMs) {
    if (!/^\d{6}$/.test(code))
        return false;
    return [-1, 0, 1].some((step) => {
        const expected = Buffer.from(totpCode(key, nowMs + step * STEP_SECONDS * 1000));
        return (0,external_node_crypto_.timingSafeEqual)(expected, Buffer.from(code));
    });
}

;// CONCATENATED MODULE: ./build/emulator/factors.js





const DEFAULT_ISSUER = 'WorkOS';
// A 1×1 PNG: the stand-in does not draw QR codes, but the answer has the field WorkOS sends.
const QR_PLACEHOLDER = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
class FactorStore {
    users;
    now;
    ids = new IdGenerator();
    factors = new Map();
    byUser = new Map();
    challenges = new Map();
    constructor(users, now = Date.now) {
        this.users = users;
        this.now = now;
    }
    reset() {
        this.factors = new Map();
        this.byUser = new Map();
        this.challenges = new Map();
    }
    /** `POST /user_management/users/{id}/auth_factors`: the factor (with its secret, this once) and a first challenge. */
    enroll(userId, input) {
        const owner = this.users.getUser(userId);
        const secret = input.secret?.replace(/[\s=]/g, '').toUpperCase() ?? base32((0,external_node_crypto_.randomBytes)(20));
        const stamp = new Date(this.now()).toISOString();
        const factor = {
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
        if (!mine)
            this.byUser.set(userId, (mine = new OrderedIds()));
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
    list(userId, page) {
        this.users.getUser(userId);
        return listPage(this.byUser.get(userId) ?? new OrderedIds(), page, (id) => wire(this.factor(id)));
    }
    get(id) {
        return wire(this.factor(id));
    }
    /** `DELETE /auth/factors/{id}`. */
    delete(id) {
        const factor = this.factor(id);
        this.factors.delete(id);
        this.byUser.get(factor.user_id)?.remove(id);
    }
    /** `POST /auth/factors/{id}/challenge`: TOTP challenges have no code and do not expire. */
    challenge(factorId) {
        this.factor(factorId);
        const stamp = new Date(this.now()).toISOString();
        const challenge = {
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
    verify(challengeId, code) {
        const held = this.challenges.get(challengeId);
        if (!held)
            throw new ApiError(404, { message: `Authentication Challenge not found: '${challengeId}'.` });
        if (held.verified)
            throw badRequest('authentication_challenge_previously_verified', 'The challenge has already been verified.');
        const factor = this.factor(held.authentication_factor_id);
        const key = decodeBase32(factor.secret);
        const valid = key !== undefined && verifyTotp(key, code, this.now());
        if (valid)
            held.verified = true;
        const { verified: _verified, ...challenge } = held;
        return { challenge, valid };
    }
    /** A user's factors with their secrets, for test assertions. */
    ofUser(userId) {
        return (this.byUser.get(userId)?.all() ?? []).map((id) => structuredClone(this.factor(id)));
    }
    factor(id) {
        const factor = this.factors.get(id);
        // A factor of a deleted user goes with it.
        if (!factor || !this.userExists(factor.user_id))
            throw new ApiError(404, { message: `Authentication Factor not found: '${id}'.` });
        return factor;
    }
    userExists(userId) {
        try {
            this.users.getUser(userId);
            return true;
        }
        catch {
            return false;
        }
    }
}
function wire(factor) {
    const { secret: _secret, ...rest } = factor;
    return structuredClone(rest);
}
/** RFC 4648 Base32 without padding, as authenticator apps and WorkOS show TOTP secrets. */
function base32(bytes) {
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
    if (bits > 0)
        out += alphabet[(value << (5 - bits)) & 31];
    return out;
}

;// CONCATENATED MODULE: ./build/emulator/events.js


/**
 * The newest events kept. WorkOS keeps 30 days; the stand-in keeps a count, so a benchmark that
 * writes a million users holds a bounded log beside them.
 */
const MAX_EVENTS = 50_000;
class EventLog {
    ids = new IdGenerator();
    /** Oldest first; ids increase along it, so it is already in list order. */
    events = [];
    record(event, data, createdAt) {
        const id = this.ids.next('event');
        const wire = {
            object: 'event',
            id,
            event,
            data: structuredClone(data),
            created_at: createdAt ?? new Date().toISOString(),
        };
        this.events.push(wire);
        if (this.events.length > MAX_EVENTS * 1.1)
            this.events = this.events.slice(-MAX_EVENTS);
        return structuredClone(wire);
    }
    list(filter, page) {
        const names = filter.events ? new Set(filter.events) : undefined;
        const byId = new Map();
        const matching = this.events.filter((event) => {
            const at = Date.parse(event.created_at);
            return ((names === undefined || names.has(event.event)) &&
                (filter.rangeStart === undefined || at >= filter.rangeStart) &&
                (filter.rangeEnd === undefined || at < filter.rangeEnd) &&
                (filter.organizationId === undefined || organizationOf(event) === filter.organizationId));
        });
        for (const event of matching)
            byId.set(event.id, event);
        return listPage(new OrderedIds(matching.map((e) => e.id)), page, (id) => structuredClone(byId.get(id)));
    }
    all() {
        return structuredClone(this.events);
    }
    reset() {
        this.events = [];
    }
}
/** The organization an event concerns, where its payload names one. */
function organizationOf(event) {
    const data = event.data;
    if (typeof data.organization_id === 'string')
        return data.organization_id;
    const sso = data.sso;
    if (typeof sso?.organization_id === 'string')
        return sso.organization_id;
    if (data.object === 'organization' && typeof data.id === 'string')
        return data.id;
    return undefined;
}
/**
 * The event a committed write emits, from its route and answer: `user.created`, `user.updated`,
 * `user.deleted`, and the same for organizations and organization memberships. Deletes answer
 * without a body, so the caller passes the entity as it was before.
 */
function writeEvent(method, pattern, body, before) {
    const resource = WRITE_RESOURCES[pattern.replace(/\/:id$/, '')];
    if (resource === undefined)
        return undefined;
    const verb = method === 'POST' ? 'created' : method === 'PUT' ? 'updated' : method === 'DELETE' ? 'deleted' : '';
    if (verb === '')
        return undefined;
    const data = verb === 'deleted' ? before : body;
    if (data === undefined || typeof data !== 'object')
        return undefined;
    // Membership answers embed the user; the event payload is the membership alone.
    const { user: _user, ...payload } = data;
    return { event: `${resource}.${verb}`, data: payload };
}
const WRITE_RESOURCES = {
    '/user_management/users': 'user',
    '/organizations': 'organization',
    '/user_management/organization_memberships': 'organization_membership',
};

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
/** Base64 as PHC strings carry it: the standard alphabet (url-safe text is rewritten), no padding. */
function unpadded(base64) {
    return base64.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}
/**
 * A Firebase user's password as WorkOS's Firebase guide builds it: a PHC string with the
 * project's signer key and salt separator as `sk` and `ss`, its rounds and mem_cost as `r` and
 * `m`, then the user's salt and hash, every base64 value without padding. The one form every
 * source sends (Firebase exports and Clerk's `scrypt_firebase` digests alike).
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

;// CONCATENATED MODULE: ./build/workos/buckets.js
// WorkOS counts requests in separate rate-limit buckets (WorkOS docs, "Rate limits"): AuthKit's
// user management per environment, one general bucket per API key, and exceptions such as
// Delete Organization. Each bucket gets its own pacer, so a burst of organization writes never
// eats into the user writes' window, and each runs at its own limit.
const BUCKETS = [
    'userManagementWrites',
    'userManagementReads',
    'general',
    'organizationDelete',
];
/** WorkOS's documented limits: the defaults. */
const WORKOS_BUCKET_LIMITS = {
    /** `/user_management/*` writes, per environment. */
    userManagementWrites: { requests: 500, windowMs: 10_000 },
    /** `/user_management/*` reads, per environment. */
    userManagementReads: { requests: 1_000, windowMs: 10_000 },
    /** Everything else (organizations, authorization roles and permissions, connections, webhook endpoints, events), per API key. */
    general: { requests: 6_000, windowMs: 60_000 },
    /** `DELETE /organizations/{id}`, per API key. */
    organizationDelete: { requests: 50, windowMs: 60_000 },
};
/** What a person reads in a message: "user-management writes". */
const BUCKET_NAMES = {
    userManagementWrites: 'user-management writes',
    userManagementReads: 'user-management reads',
    general: 'other requests (per API key)',
    organizationDelete: 'organization deletes',
};
/**
 * The bucket WorkOS counts a request in, from its method and path (`/user_management/users`,
 * with or without a query string). A GET (or HEAD) under `/user_management/` is a read, any other
 * method there a write (`POST /user_management/authenticate` too, and enrolling a user's factor,
 * `POST /user_management/users/{id}/auth_factors`); deleting one organization has its own limit;
 * the rest share the per-key bucket, the MFA API's `/auth/factors/…` and `/auth/challenges/…` too.
 */
function bucketOf(method, path) {
    const verb = method.toUpperCase();
    const segments = path
        .split('?', 1)[0]
        .split('/')
        .filter((s) => s !== '');
    if (segments[0] === 'user_management')
        return verb === 'GET' || verb === 'HEAD' ? 'userManagementReads' : 'userManagementWrites';
    if (verb === 'DELETE' && segments[0] === 'organizations' && segments.length === 2)
        return 'organizationDelete';
    return 'general';
}
/** Writes or reads per second, for people: "50/s". */
function perSecond(limit) {
    return limit.requests / (limit.windowMs / 1000);
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
            // The event payload as the OpenAPI description has it for `authentication.password_*`.
            const signIn = (status, userId, error) => options.events?.record(`authentication.password_${status}`, {
                type: 'password',
                status,
                ip_address: typeof body.ip_address === 'string' ? body.ip_address : null,
                user_agent: typeof body.user_agent === 'string' ? body.user_agent : null,
                user_id: userId,
                email: body.email,
                ...(error ? { error } : {}),
            });
            // WorkOS answers 400 (not 401) and names the email; the stand-in leaves the email out.
            if (user === undefined) {
                signIn('failed', store.userIdByEmail(body.email) ?? null, {
                    code: 'invalid_credentials',
                    message: 'Invalid credentials.',
                });
                throw badRequest('invalid_credentials', 'Invalid credentials.');
            }
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
            signIn('succeeded', user.id);
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

;// CONCATENATED MODULE: ./build/emulator/routes/events.js


/**
 * `GET /events` as WorkOS's OpenAPI description has it: `events` (comma-separated, the SDK's
 * form; `events[]` too), `range_start` / `range_end` (ISO 8601), `organization_id`, and the usual
 * `limit` (1–100), `order`, `after` / `before` cursors. The description's 422 example names
 * `events` as required, so a request without it is refused here the same way.
 */
function eventRoutes(log) {
    return [
        {
            method: 'GET',
            pattern: '/events',
            handle({ query }) {
                const page = pageRequest(query);
                const errors = [];
                const events = queryList(query, 'events');
                if (events === undefined)
                    errors.push({ field: 'events', code: 'required', message: 'Events is required.' });
                const rangeStart = isoTime(query, 'range_start', errors);
                const rangeEnd = isoTime(query, 'range_end', errors);
                if (errors.length > 0)
                    throw invalidParameters(errors);
                const list = log.list({ events, rangeStart, rangeEnd, organizationId: query.get('organization_id') || undefined }, page);
                // The events list's cursor is `after` alone (EventList in the description).
                return { status: 200, body: { ...list, list_metadata: { after: list.list_metadata.after } } };
            },
        },
    ];
}
function isoTime(query, name, errors) {
    const text = query.get(name);
    if (text === null || text === '')
        return undefined;
    const at = Date.parse(text);
    if (!Number.isFinite(at)) {
        errors.push({ field: name, code: `${name}_invalid`, message: `${name} must be an ISO 8601 date.` });
        return undefined;
    }
    return at;
}

;// CONCATENATED MODULE: ./build/emulator/routes/factors.js


// The MFA endpoints a migration and a sign-in need, as the WorkOS OpenAPI spec describes them:
// enroll (with `totp_secret`) and list per user, delete, challenge and verify per factor.
function factorRoutes(factors) {
    return [
        {
            method: 'POST',
            pattern: '/user_management/users/:id/auth_factors',
            handle({ params, body }) {
                const fields = new BodyFields(body);
                const type = fields.requiredString('type');
                if (type !== '' && type !== 'totp')
                    fields.fail('type', 'type_invalid', 'Type must be totp.');
                const secret = fields.optionalString('totp_secret');
                // The spec: Base32, for SHA-1 codes of 6 digits every 30 s. The message never quotes the secret.
                if (secret !== undefined && (secret.trim() === '' || decodeBase32(secret) === undefined))
                    fields.fail('totp_secret', 'totp_secret_invalid', 'Totp secret must be a Base32-encoded string.');
                const issuer = fields.optionalString('totp_issuer');
                const user = fields.optionalString('totp_user');
                fields.done();
                return {
                    status: 201,
                    body: factors.enroll(params.id, {
                        ...(secret !== undefined ? { secret } : {}),
                        ...(issuer !== undefined ? { issuer } : {}),
                        ...(user !== undefined ? { user } : {}),
                    }),
                };
            },
        },
        {
            method: 'GET',
            pattern: '/user_management/users/:id/auth_factors',
            handle: ({ params, query }) => ({ status: 200, body: factors.list(params.id, pageRequest(query)) }),
        },
        {
            method: 'GET',
            pattern: '/auth/factors/:id',
            handle: ({ params }) => ({ status: 200, body: factors.get(params.id) }),
        },
        {
            method: 'DELETE',
            pattern: '/auth/factors/:id',
            handle({ params }) {
                factors.delete(params.id);
                return { status: 204 };
            },
        },
        {
            method: 'POST',
            pattern: '/auth/factors/:id/challenge',
            handle: ({ params }) => ({ status: 201, body: factors.challenge(params.id) }),
        },
        {
            method: 'POST',
            pattern: '/auth/challenges/:id/verify',
            handle({ params, body }) {
                const fields = new BodyFields(body);
                const code = fields.requiredString('code');
                fields.done();
                return { status: 201, body: factors.verify(params.id, code) };
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
// Environment roles are made and given permissions; WorkOS's API has no call that deletes one.
function roleRoutes(store) {
    return [
        {
            method: 'GET',
            pattern: '/authorization/roles',
            handle: () => ({ status: 200, body: { object: 'list', data: store.listRoles() } }),
        },
        {
            method: 'POST',
            pattern: '/authorization/roles',
            handle({ body }) {
                const fields = new BodyFields(body);
                const slug = fields.requiredString('slug');
                const name = fields.requiredString('name');
                const description = fields.nullableString('description');
                fields.optionalString('resource_type_slug');
                fields.done();
                return { status: 201, body: store.createRole({ slug, name, description }) };
            },
        },
        {
            method: 'PUT',
            pattern: '/authorization/roles/:slug/permissions',
            handle({ params, body }) {
                const fields = new BodyFields(body);
                const permissions = fields.optionalStringArray('permissions');
                if (permissions === undefined)
                    fields.fail('permissions', 'required', 'permissions is required.');
                fields.done();
                return { status: 200, body: store.setRolePermissions(params.slug, permissions ?? []) };
            },
        },
        {
            method: 'GET',
            pattern: '/authorization/permissions',
            handle: ({ query }) => ({ status: 200, body: store.listPermissions(pageRequest(query)) }),
        },
        {
            method: 'POST',
            pattern: '/authorization/permissions',
            handle({ body }) {
                const fields = new BodyFields(body);
                const slug = fields.requiredString('slug');
                const name = fields.requiredString('name');
                const description = fields.nullableString('description');
                fields.optionalString('resource_type_slug');
                fields.done();
                return { status: 201, body: store.createPermission({ slug, name, description }) };
            },
        },
        {
            method: 'DELETE',
            pattern: '/authorization/permissions/:slug',
            handle({ params }) {
                store.deletePermission(params.slug);
                return { status: 204 };
            },
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

;// CONCATENATED MODULE: ./build/emulator/routes/webhooks.js

function webhookRoutes(endpoints) {
    return [
        {
            method: 'GET',
            pattern: '/webhook_endpoints',
            handle: ({ query }) => ({ status: 200, body: endpoints.list(pageRequest(query)) }),
        },
    ];
}

;// CONCATENATED MODULE: ./build/emulator/webhooks.js


class WebhookEndpointStore {
    ids = new IdGenerator();
    endpoints = new Map();
    reset() {
        this.endpoints = new Map();
    }
    seed(input) {
        const status = input.status ?? 'enabled';
        if (status !== 'enabled' && status !== 'disabled')
            throw new Error('status must be enabled or disabled');
        const events = input.events ?? ['user.created', 'organization.created', 'organization_membership.created'];
        if (!Array.isArray(events) || !events.every((e) => typeof e === 'string' && e !== ''))
            throw new Error('events must be an array of event names');
        const now = new Date().toISOString();
        const id = this.ids.next('we');
        const endpoint = {
            object: 'webhook_endpoint',
            id,
            endpoint_url: input.endpoint_url ?? 'https://example.com/webhooks',
            secret: `whsec_${id}`,
            status,
            events: [...events],
            created_at: now,
            updated_at: now,
        };
        this.endpoints.set(id, endpoint);
        return structuredClone(endpoint);
    }
    list(page) {
        return listPage(OrderedIds.of(this.endpoints.keys()), page, (id) => structuredClone(this.endpoints.get(id)));
    }
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
    /** The id of the user with this email (any case), if there is one. */
    userIdByEmail(email) {
        return this.state.usersByEmail.get(email.toLowerCase());
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
    /** POST /authorization/roles: 409 role_slug_conflict for a slug the environment has. */
    createRole(input) {
        if (!/^[a-z0-9_-]{1,48}$/.test(input.slug))
            throw new ApiError(400, {
                code: 'bad_request',
                message: 'The slug can only contain lowercase letters, numbers, hyphens, and underscores.',
            });
        if (this.state.roles.has(input.slug))
            throw new ApiError(409, {
                code: 'role_slug_conflict',
                message: `A role with slug '${input.slug}' already exists.`,
            });
        this.defineRole(input.slug, input.name);
        const role = this.state.roles.get(input.slug);
        role.description = input.description ?? null;
        return copy(role);
    }
    /** PUT /authorization/roles/{slug}/permissions: replaces the role's permissions; each must exist. */
    setRolePermissions(slug, permissions) {
        const role = this.state.roles.get(slug);
        if (!role)
            throw new ApiError(404, { message: `Role not found: '${slug}'.` });
        const unknown = permissions.find((p) => !this.state.permissions.has(p));
        if (unknown !== undefined)
            throw new ApiError(422, { message: `Permission not found: '${unknown}'.` });
        role.permissions = [...new Set(permissions)];
        role.updated_at = this.timestamp();
        return copy(role);
    }
    /** POST /authorization/permissions: 409 permission_slug_conflict for a slug the environment has. */
    createPermission(input) {
        if (!/^[a-z0-9\-_:.*]{1,48}$/.test(input.slug))
            throw new ApiError(400, {
                code: 'bad_request',
                message: 'The slug must be lowercase and contain only letters, numbers, hyphens, underscores, colons, periods, and asterisks.',
            });
        if (this.state.permissions.has(input.slug))
            throw new ApiError(409, {
                code: 'permission_slug_conflict',
                message: `A permission with slug '${input.slug}' already exists.`,
            });
        const now = this.timestamp();
        const permission = {
            object: 'permission',
            id: this.ids.next('perm'),
            slug: input.slug,
            name: input.name,
            description: input.description ?? null,
            resource_type_slug: 'organization',
            system: false,
            created_at: now,
            updated_at: now,
        };
        this.state.permissions.set(input.slug, permission);
        return copy(permission);
    }
    listPermissions(page) {
        const order = OrderedIds.of([...this.state.permissions.values()].map((p) => p.id));
        const bySlugId = new Map([...this.state.permissions.values()].map((p) => [p.id, p]));
        return listPage(order, page, (id) => copy(bySlugId.get(id)));
    }
    /** DELETE /authorization/permissions/{slug}: the roles that held it lose it. */
    deletePermission(slug) {
        if (!this.state.permissions.delete(slug))
            throw new ApiError(404, { message: `Permission not found: '${slug}'.` });
        for (const role of this.state.roles.values())
            role.permissions = role.permissions.filter((p) => p !== slug);
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
        permissions: new Map(),
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
            faults: { serverError: 0, afterCommitFailure: 0, timeout: 0, drop: 0, rateLimitStorm: 0, echoHeaders: 0 },
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



























const exchangeObservers = new Set();
/**
 * Calls `observer` with every API exchange of every stand-in in this process, until the returned
 * function is called (the test suite checks them against WorkOS's published API description).
 */
function observeApiExchanges(observer) {
    exchangeObservers.add(observer);
    return () => exchangeObservers.delete(observer);
}
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_WRITE_LIMIT = { requests: 500, windowMs: 10_000 };
async function startEmulator(options = {}) {
    const host = options.host ?? '127.0.0.1';
    const store = new EmulatorStore({ duplicateEmailStyle: options.duplicateEmailError ?? 'user_creation_error' });
    const faults = new FaultInjector(options.seed ?? (0,external_node_crypto_.randomInt)(2 ** 31));
    const windowFor = (limit) => (limit ? new SlidingWindowLimiter(limit) : undefined);
    const limiters = {
        userManagementWrites: windowFor(options.writeLimit ?? DEFAULT_WRITE_LIMIT),
        userManagementReads: windowFor(options.readLimit),
        general: windowFor(options.generalLimit),
        organizationDelete: windowFor(options.organizationDeleteLimit),
    };
    const connections = new ConnectionStore(store);
    const factors = new FactorStore(store);
    const webhookEndpoints = new WebhookEndpointStore();
    const stats = new StatsCounter();
    const ids = new IdGenerator();
    const events = new EventLog();
    let url = '';
    const tokens = new AccessTokenIssuer(() => url);
    const routes = new RouteTable([
        ...userRoutes(store),
        ...organizationRoutes(store),
        ...membershipRoutes(store),
        ...roleRoutes(store),
        ...connectionRoutes(connections),
        ...webhookRoutes(webhookEndpoints),
        ...portalRoutes(store, () => url),
        ...eventRoutes(events),
        ...factorRoutes(factors),
        authenticateRoute(store, { clientId: options.clientId, tokens, ids, events }),
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
        const answer = async (response, headers = {}, routeAnswered = false) => {
            await wait(latency / 2);
            if (closed || res.destroyed)
                return;
            stats.answered(routeKey, response.status);
            for (const observe of exchangeObservers)
                observe({ method, path, query: requestUrl.searchParams, body: rawBody, response, routeAnswered });
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
        const retryAfter = limiters[bucketOf(method, path)]?.take() ?? 0;
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
            case 'echoHeaders': {
                stats.fault('echoHeaders');
                const authorization = req.headers.authorization ?? '';
                return answer({
                    status: 400,
                    body: {
                        code: 'bad_request',
                        message: `Could not carry out ${method} ${path} (request authorized as ${authorization})`,
                    },
                }, { 'X-Request-ID': `${requestId}-${authorization.replace(/\s+/g, '-')}` });
            }
            case 'none':
                return answer(await carryOut(), {}, matched !== undefined);
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
                const before = method === 'DELETE' ? entityBefore(matched.route.pattern, matched.params.id) : undefined;
                const response = await matched.route.handle({ params: matched.params, query: requestUrl.searchParams, body });
                if (isWrite && response.status < 300) {
                    stats.committed();
                    const emitted = writeEvent(method, matched.route.pattern, response.body, before);
                    if (emitted)
                        events.record(emitted.event, emitted.data);
                }
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
    /** The entity a delete removes, for its `*.deleted` event. */
    const entityBefore = (pattern, id) => {
        if (id === undefined)
            return undefined;
        try {
            if (pattern === '/user_management/users/:id')
                return { ...store.getUser(id) };
            if (pattern === '/organizations/:id')
                return { ...store.getOrganization(id) };
            if (pattern === '/user_management/organization_memberships/:id')
                return { ...store.getMembership(id) };
        }
        catch {
            // Not there: the route answers 404 and no event is recorded.
        }
        return undefined;
    };
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
            factors.reset();
            webhookEndpoints.reset();
            events.reset();
            stats.reset();
            faults.reset();
            for (const limiter of Object.values(limiters))
                limiter?.reset();
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
        seedWebhookEndpoint: (endpoint) => webhookEndpoints.seed(endpoint),
        connections: () => connections.all(),
        factorsOf: (userId) => factors.ofUser(userId),
        passwordOf: (userId) => store.credentialOf(userId),
        recordEvent: (event, data, createdAt) => events.record(event, data, createdAt),
        events: () => events.all(),
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

// EXTERNAL MODULE: ./build/model/types.js
var types = __webpack_require__(13803);
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
async function artifactFile(location, tempDir, source) {
    const dir = await privateDir(tempDir);
    const key = `${dir}\0${location.name}`;
    let download = downloads.get(key);
    if (!download) {
        download = downloadInto(location, dir, source);
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
async function listFiles(root) {
    const entries = await (0,promises_.readdir)(root, { withFileTypes: true, recursive: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => (0,external_node_path_.relative)(root, (0,external_node_path_.join)(entry.parentPath, entry.name)).split(external_node_path_.sep).join('/'))
        .sort();
}
async function downloadInto(location, dir, source) {
    if (!source)
        throw new types/* UsageError */.eb(artifactNeedsGitHub(location));
    const downloaded = await source.download(location, dir);
    await restrictTree(downloaded.dir);
    return { dir: downloaded.dir, files: await listFiles(downloaded.dir), from: downloaded.from };
}
/** Neither a job's runtime token nor a GitHub token: nowhere to read an artifact from. */
function artifactNeedsGitHub(location) {
    return `${location.label}: reading an artifact needs GitHub Actions or a GitHub token, repository and run id; run it in a workflow or download the artifact and give its path.`;
}

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

;// CONCATENATED MODULE: ./build/github/artifact-download.js





/**
 * `artifact:` inputs from GitHub: an artifact of this run (the job's runtime token), else with
 * `github` the newest one of that name from a run this repository trusts.
 */
function gitHubArtifacts(github) {
    return { download: (location, dir) => downloadNewest(location, dir, github) };
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
            throw new types/* UsageError */.eb(artifactNeedsGitHub(location));
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
    return { dir: target, from: `artifact "${location.name}" of run ${found.runId}` };
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

;// CONCATENATED MODULE: ./build/config/lazy-passwords.js
/**
 * `--lazy-passwords` (action input `lazy-passwords`) is the config's policies.lazyPasswords, so
 * the planner and the checkpoint's config fingerprint see one setting whichever way it was given.
 */
function withLazyPasswords(config, lazyPasswords) {
    return lazyPasswords ? { ...config, policies: { ...config.policies, lazyPasswords: true } } : config;
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./build/io/file-kind.js



/**
 * What a path is when it is not a regular file (`a directory`, `a named pipe (FIFO)`), or
 * undefined for a regular file. Reading a FIFO blocks until something writes to it, and a
 * device like /dev/zero never ends: both would hang a run, so inputs must be regular files.
 */
function notRegularFile(info) {
    if (info.isFile())
        return undefined;
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    return 'a special file';
}
/** Refuses a path that exists but is not a regular file, before anything opens it (opening a FIFO would block). */
async function assertNotSpecialFile(path, what) {
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        // Missing or unreadable: the caller's own read says so.
        return;
    }
    const kind = notRegularFile(info);
    if (kind)
        throw new types/* UsageError */.eb(`${path}: ${what} is ${kind}, not a file; name the file itself.`);
}
/**
 * About how many records of `bytesPerRecord` a file holds, from its size (0 when it cannot be
 * read): enough to size an index up front so it need not grow a million records long. A gzip
 * file is measured by the size it unpacks to.
 */
function estimatedRecords(path, bytesPerRecord) {
    return Math.ceil(contentBytes(path) / bytesPerRecord);
}
/** How many bytes of text a file holds: its size, or for gzip what it unpacks to; 0 when it cannot be read. */
function contentBytes(path) {
    try {
        return unpackedSize(path);
    }
    catch {
        return 0;
    }
}
/**
 * A file's size, or for gzip the size its trailer records (the unpacked size modulo 4 GiB, of
 * the last member); where that is below the packed size it wrapped, and a typical ratio of 8
 * for JSON is assumed.
 */
function unpackedSize(path) {
    const size = (0,external_node_fs_.statSync)(path).size;
    if (size < 18)
        return size;
    const file = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const head = Buffer.alloc(2);
        (0,external_node_fs_.readSync)(file, head, 0, 2, 0);
        if (head[0] !== 0x1f || head[1] !== 0x8b)
            return size;
        const trailer = Buffer.alloc(4);
        (0,external_node_fs_.readSync)(file, trailer, 0, 4, size - 4);
        const recorded = trailer.readUInt32LE(0);
        return recorded >= size ? recorded : size * 8;
    }
    finally {
        (0,external_node_fs_.closeSync)(file);
    }
}

// EXTERNAL MODULE: ./build/model/validate.js
var validate = __webpack_require__(40962);
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
const metadataMap = schemas/* record */.g1P(schemas/* string */.YjP().max(validate/* METADATA_LIMITS */.D$.maxKeyLength, {
    error: `is longer than ${validate/* METADATA_LIMITS */.D$.maxKeyLength} characters, the WorkOS limit for a metadata key`,
}), fieldPath, { error: 'must be a mapping of WorkOS metadata key to source field path' })
    .refine((map) => Object.keys(map).length <= validate/* METADATA_LIMITS */.D$.maxKeys, {
    error: `maps more than ${validate/* METADATA_LIMITS */.D$.maxKeys} keys, the WorkOS limit for metadata`,
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
        // No default written in: a config without the key keeps the fingerprint it had before
        // the key existed, so journals made then still resume (absent means import-verified).
        unverifiedDuplicates: schemas/* enum */.k5n(['import-verified', 'import-neither'], { error: 'must be import-verified or import-neither' })
            .optional(),
        // A Cognito file whose last page still carries a pagination token holds some of the pool
        // only. Refused unless the team says it is meant to be part (absent means refuse).
        partialExports: schemas/* enum */.k5n(['refuse', 'import'], { error: 'must be refuse or import' }).optional(),
        // Cognito users who never confirmed their sign-up (UserStatus UNCONFIRMED): absent means skip.
        unconfirmedUsers: schemas/* enum */.k5n(['skip', 'import'], { error: 'must be skip or import' }).optional(),
        // import --lazy-passwords: users without an importable hash are marked pending for the
        // lazy migration library instead of a reset (absent means off, the fingerprint unchanged).
        lazyPasswords: schemas/* boolean */.zMY({ error: 'must be true or false' }).optional(),
        // Roles the export uses and the environment lacks: created before the memberships
        // (absent means create), or reported as unknown_role with their memberships (report).
        missingRoles: schemas/* enum */.k5n(['create', 'report'], { error: 'must be create or report' }).optional(),
        // WorkOS users are keyed by email: a user without one cannot be imported, only reported.
        usersWithoutEmail: schemas/* literal */.euz('report', { error: 'must be report (users without an email cannot be imported)' })
            .default('report'),
    }, {
        error: 'must be a mapping with blockedUsers, unverifiedEmails, unverifiedDuplicates, unconfirmedUsers, partialExports, lazyPasswords, missingRoles and/or usersWithoutEmail',
    })
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
        const kind = notRegularFile(info);
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
    const prototypeKey = prototypeKeyPath(value);
    if (prototypeKey) {
        throw new types/* UsageError */.eb(`${file}${lineOf(doc, lineCounter, prototypeKey, true)}: ${prototypeKey.join('.')} is not a usable key: ` +
            '__proto__ names the prototype of every object in JavaScript, so it cannot be a role, metadata key or setting; rename it.');
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
/**
 * The path of the first `__proto__` key anywhere in the config. The parser keeps it as an own
 * key, but the schema's records drop it silently and a plain object would take it for its
 * prototype: it is refused with its line instead.
 */
function prototypeKeyPath(value, path = []) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    for (const [key, item] of Object.entries(value)) {
        const here = [...path, key];
        if (!Array.isArray(value) && key === '__proto__')
            return here;
        const found = prototypeKeyPath(item, here);
        if (found)
            return found;
    }
    return undefined;
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
        return 'blockedUsers, unverifiedEmails, unverifiedDuplicates, unconfirmedUsers, partialExports, missingRoles or usersWithoutEmail';
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
// EXTERNAL MODULE: ./build/model/mask.js
var mask = __webpack_require__(94264);
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
        problems.push(`${plural(e.unreviewedRemovals, 'record')} of this migration gone from the export (removals.csv): ` +
            `import with --prune (prune: true) deletes ${e.unreviewedRemovals === 1 ? 'it, or put it' : 'them, or put them'} back in the export`);
    }
    // A plain import repairs what is missing or different; removals go only with prune (said above).
    const next = off.length > 0 || e.conflicts > 0 ? 'Run import, then cutover again.' : 'Then run cutover again.';
    if (problems.length > 0)
        return { name: 'reconciled', ok: false, detail: `${problems.join('; ')}. ${next}` };
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
            notChecked: true,
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
    const unverified = organizations.filter((o) => (o.unverifiedDomains?.length ?? 0) > 0);
    const awaiting = organizations.filter((o) => o.awaitingFirstSignIn);
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
    if (unverified.length > 0) {
        const names = unverified.slice(0, 5).map((o) => `${o.externalId} (${o.unverifiedDomains.join(', ')})`);
        const more = unverified.length > 5 ? ` and ${unverified.length - 5} more` : '';
        problems.push(`${plural(unverified.length, 'organization')} with enterprise sign-in ${unverified.length === 1 ? 'has' : 'have'} a domain WorkOS does not hold verified: ` +
            `${names.join(', ')}${more}. SSO routes only verified domains: verify them in WorkOS (Admin Portal, intent domain_verification), or import them as verified if the source verified them`);
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
    // Distinct people: a user in two organizations is one user.
    const users = e.sso.users ?? organizations.reduce((n, o) => n + o.users, 0);
    const warning = awaiting.length > 0
        ? ` Warning: for ${awaiting.map((o) => o.externalId).join(', ')} that connection is validating: imported into WorkOS, awaiting its first sign-in (it becomes active then); watch that first sign-in.`
        : '';
    return {
        name: 'enterprise-sso',
        ok: true,
        ...(awaiting.length > 0 ? { warning: true } : {}),
        detail: (organizations.length === 1
            ? `The organization with enterprise sign-in (${plural(users, 'user')}) has an active SSO connection in WorkOS.`
            : `All ${organizations.length} organizations with enterprise sign-in (${plural(users, 'user')}) have an active SSO connection in WorkOS.`) +
            warning,
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

// EXTERNAL MODULE: ./build/model/user-tally.js
var user_tally = __webpack_require__(27444);
;// CONCATENATED MODULE: ./build/model/source-id.js

/**
 * How a source id is written in the journal. Some ids carry an email (Auth0's SAML ids look
 * like `samlp|acme|ann@acme.com`); those are kept as a digest, so the journal, and the
 * checkpoint artifact made of it, holds no email (DESIGN §3).
 */
function journalSourceId(sourceId) {
    return sourceId.includes('@') ? `sha256:${(0,external_node_crypto_.createHash)('sha256').update(sourceId).digest('hex')}` : sourceId;
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

;// CONCATENATED MODULE: ./build/report/escape.js

// Text from an export is hostile until proven otherwise: it lands in markdown that GitHub
// renders (job summary, PR comment) and in CSV files people open in spreadsheets. Both escape
// what the scrubber (model/mask.ts) left: secrets, emails and control characters are gone first.
// Only what changes meaning in the middle of a line: emphasis, code, links, tables, strikethrough.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]|~]/g;
/**
 * Escapes text for a markdown table cell or paragraph: no HTML, no links, no mentions. Markdown
 * is read by everyone who can see the run, so emails are always masked here.
 */
function escapeMarkdown(text) {
    return ((0,mask/* scrubValue */.HJ)(text)
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
 * Cuts markdown to at most `max` characters at a line end and closes every `<details>` fold the
 * cut left open, so the rest of the page (the cut note, GitHub's own footer) is not swallowed by
 * a fold that never ends.
 */
function truncateMarkdown(text, max) {
    if (text.length <= max)
        return text;
    const close = '\n\n</details>';
    let cut = text.slice(0, Math.max(0, max));
    for (;;) {
        const lineEnd = cut.lastIndexOf('\n');
        if (lineEnd > 0)
            cut = cut.slice(0, lineEnd);
        const open = openFolds(cut);
        const ending = `\n…${close.repeat(open)}`;
        if (cut.length + ending.length <= max)
            return cut + ending;
        if (cut.length === 0)
            return '';
        cut = cut.slice(0, Math.max(0, max - ending.length));
    }
}
function openFolds(text) {
    const opened = text.match(/<details>/g)?.length ?? 0;
    const closed = text.match(/<\/details>/g)?.length ?? 0;
    return Math.max(0, opened - closed);
}
/**
 * One field of a CSV file people open (RFC 4180 quoting), scrubbed. A leading = + - @ or tab
 * would make a spreadsheet run it as a formula, so such a field gets a leading apostrophe.
 */
function csvField(value, options = {}) {
    let text = value === undefined ? '' : (0,mask/* scrubValue */.HJ)(String(value), options);
    if (/^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return quoteCsv(text);
}
/** A row of a CSV file people open: every field scrubbed and guarded against formulas. */
function csvRow(values, options = {}) {
    return values.map((value) => csvField(value, options)).join(',') + '\n';
}
/**
 * A row of a CSV file programs load (id-map.csv): each value exactly as it is, only quoted. An
 * application rewrites its foreign keys from it, so a formula guard would corrupt a Firebase uid
 * such as `-Mx1…`.
 */
function exactCsvRow(values) {
    return values.map((value) => quoteCsv(value === undefined ? '' : String(value))).join(',') + '\n';
}
function quoteCsv(text) {
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

;// CONCATENATED MODULE: ./build/report/people.js





/**
 * Whether a read-only check was given what it needs to speak of passwords: an Auth0 export keeps
 * its hashes in a separate file, and without it every user looks passwordless (a reset list of
 * everyone). Other sources carry their hashes (or none) in the user file.
 */
function passwordsNotRead(source, files) {
    return source === 'auth0' && files.passwords === undefined;
}
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
        if (!(0,user_tally/* needsPasswordReset */.og)(user) || isLazy(user))
            continue;
        const reason = user.passwordGap === 'unsupported' ? 'hash_not_importable' : 'no_password_hash';
        yield csvRow(includePii ? [reason, user.sourceId, user.input.email] : [reason, journalSourceId(user.sourceId)], {
            keepEmails: includePii,
        });
    }
}
/** Marked pending by `import --lazy-passwords`: the first sign-in moves the password, no reset needed. */
function isLazy(user) {
    return lazyMarkOf(user.input.metadata) !== undefined;
}
/**
 * lazy.csv: `source_id` of the users marked pending for a lazy migration (plus
 * `email` only with include-pii); a source id that holds an email is written as its digest.
 */
function* lazyRows(users, includePii) {
    yield csvRow(includePii ? ['source_id', 'email'] : ['source_id']);
    for (const user of users) {
        if (!isLazy(user))
            continue;
        yield csvRow(includePii ? [user.sourceId, user.input.email] : [journalSourceId(user.sourceId)], {
            keepEmails: includePii,
        });
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
        socialProviders: (0,user_tally/* namedCounts */.CF)(tally.social),
    };
}


;// CONCATENATED MODULE: ./build/cutover/render.js


// cutover.json, cutover.md (job summary and PR comment) and sso-setup.csv. Portal links are
// secrets: only sso-setup.csv holds them; the markdown and the JSON never do.
/** cutover.json: `{go, checks: [{name, ok, detail}]}`. */
function renderCutoverJson(decision) {
    return (JSON.stringify((0,mask/* scrubJson */.Kl)({ go: decision.go, checks: decision.checks.map(({ name, ok, detail }) => ({ name, ok, detail })) }), null, 2) + '\n');
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
        out.push(`| ${check.name} | ${check.notChecked ? '➖ not checked' : check.ok ? (check.warning ? '⚠️ pass, see detail' : '✅ pass') : '❌ fail'} | ${escapeMarkdown(truncate((0,mask/* scrubValue */.HJ)(check.detail), 1000))} |`);
    }
    const lacking = evidence.sso.organizations.filter((o) => !o.activeConnection);
    if (lacking.length > 0) {
        out.push('', '### Organizations that need an SSO connection', '');
        out.push('Their members signed in through an enterprise connection; they can sign in to WorkOS only once it has an active one.', '');
        // Five short columns fit a 1,000 px page; the WorkOS ids and every domain are in sso-setup.csv.
        out.push('| Organization | Users | Sign-in in the source | Domains | In WorkOS |', '| --- | ---: | --- | --- | --- |');
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
    return (0,mask.scrubText)(out.join('\n') + '\n');
}
function organizationRow(org) {
    const connections = org.workosId === undefined
        ? 'no organization yet'
        : org.workosConnections.length === 0
            ? 'no connection'
            : org.workosConnections.map((c) => `${c.type} (${c.state})`).join(', ');
    const cells = [
        org.externalId,
        String(org.users),
        org.connectionTypes.join(', '),
        shortList(org.domains, 2) || '—',
        connections,
    ];
    return `| ${cells.map((c) => escapeMarkdown(truncate((0,mask/* scrubValue */.HJ)(c), 40))).join(' | ')} |`;
}
/** The first `n` items and how many more: a long list would widen its column past the page. */
function shortList(items, n) {
    return items.length > n ? `${items.slice(0, n).join(', ')} +${items.length - n}` : items.join(', ');
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
        const row = csvRow([
            org.externalId,
            org.workosId ?? '',
            org.connectionTypes.join('|'),
            org.users,
            org.domains.join('|'),
        ]);
        // The one place a portal link is written: the scrubber would mask it (it is a registered secret).
        out += withLinks ? `${row.slice(0, -1)},${exactCsvRow([org.portalLink ?? ''])}` : row;
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
 * Groups enterprise users by the organization whose connection they sign in with: the one
 * holding the most of that connection's users (all of them on a tie). Acme's Okta users who
 * are also members of a partner organization make Acme need SSO, not the partner (its IT admin
 * gets no setup link for a connection that is not theirs). Pure: the plan's users, organizations
 * and memberships in, organizations in export order out.
 */
function enterpriseMembers(input) {
    const enterprise = new Map();
    for (const user of input.users)
        if (user.enterpriseConnection)
            enterprise.set(user.sourceId, user.enterpriseConnection);
    // Gone through twice, never gathered: a million memberships are mostly of users without SSO.
    const memberships = {
        *[Symbol.iterator]() {
            for (const m of input.memberships)
                if (enterprise.has(m.userSourceId))
                    yield m;
        },
    };
    const owners = connectionOwners(memberships, enterprise);
    const byOrganization = new Map();
    const inSomeOrganization = new Set();
    const counted = new Set();
    for (const m of memberships) {
        const connection = enterprise.get(m.userSourceId);
        inSomeOrganization.add(m.userSourceId);
        if (!owners.get(connection.connection)?.has(m.organizationSourceId))
            continue;
        counted.add(m.userSourceId);
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
    const usersWithoutOrganization = (0,user_tally/* namedCounts */.CF)();
    for (const [userId, connection] of enterprise) {
        if (!inSomeOrganization.has(userId))
            usersWithoutOrganization[connection.connection] = (usersWithoutOrganization[connection.connection] ?? 0) + 1;
    }
    return { organizations, users: counted.size, usersWithoutOrganization };
}
/** For each source connection, the organizations holding the most of its users (several on a tie). */
function connectionOwners(memberships, enterprise) {
    const counts = new Map();
    for (const m of memberships) {
        const connection = enterprise.get(m.userSourceId).connection;
        let byOrg = counts.get(connection);
        if (!byOrg)
            counts.set(connection, (byOrg = new Map()));
        byOrg.set(m.organizationSourceId, (byOrg.get(m.organizationSourceId) ?? 0) + 1);
    }
    const owners = new Map();
    for (const [connection, byOrg] of counts) {
        const most = Math.max(...byOrg.values());
        owners.set(connection, new Set([...byOrg].filter(([, n]) => n === most).map(([org]) => org)));
    }
    return owners;
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
        const active = connections.some((c) => c.state === 'active');
        const validating = connections.some((c) => c.state === 'validating');
        const activeConnection = active || validating;
        const unverifiedDomains = org.workosId !== undefined && reader.domainsOf && org.domains.length > 0
            ? notVerified(org.domains, await reader.domainsOf(org.workosId))
            : [];
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
            ...(validating && !active ? { awaitingFirstSignIn: true } : {}),
            ...(unverifiedDomains.length > 0 ? { unverifiedDomains } : {}),
            ...(portalLink !== undefined ? { portalLink } : {}),
        });
    }
    return {
        organizations,
        ...(members.users !== undefined ? { users: members.users } : {}),
        usersWithoutOrganization: (0,user_tally/* namedCounts */.CF)(members.usersWithoutOrganization),
        portalLinks: options.portalLinks,
    };
}
/** The export's domains WorkOS lacks or holds other than verified. */
function notVerified(domains, held) {
    const verified = new Set(held.filter((d) => d.state === 'verified').map((d) => d.domain.toLowerCase()));
    return domains.filter((d) => !verified.has(d.toLowerCase()));
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
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
    await (0,promises_.writeFile)(files.summaryJson, JSON.stringify((0,mask/* scrubJson */.Kl)(content.summary, { keepEmails: pii }), null, 2) + '\n');
    await (0,promises_.writeFile)(files.summaryMd, content.markdown);
    // A row at a time: at a million users each of these files is tens of megabytes.
    if (content.streamed) {
        await writeLines(files.errors, errorRecords(content.problems, [], pii));
        await appendFileTo(files.errors, content.streamed.failures);
        await (0,promises_.rm)(content.streamed.failures, { force: true });
        await (0,promises_.rename)(content.streamed.idMap, files.idMap);
    }
    else {
        await writeLines(files.errors, errorRecords(content.problems, content.outcomes, pii));
        await writeLines(files.idMap, idMapRows(content.outcomes, content.merges));
    }
    await writeLines(files.reenroll, reenrollRows(content.users.withMfa(), pii));
    // A run without the password file knows nothing of who needs a reset: no list rather than a false one.
    if (!content.summary.passwords.notChecked)
        await writeLines(files.passwordReset, passwordResetRows(content.users.needingPasswordReset(), pii));
    const all = Object.values(files).filter((f) => f !== files.passwordReset || !content.summary.passwords.notChecked);
    // Users marked for a lazy migration (import --lazy-passwords) are listed here, not in password-reset.csv.
    if (content.users.tally.lazyPending > 0) {
        const lazy = (0,external_node_path_.join)(dir, 'lazy.csv');
        await writeLines(lazy, lazyRows(content.users.needingPasswordReset(), pii));
        all.push(lazy);
    }
    for (const [name, text] of Object.entries(content.extraFiles ?? {})) {
        const path = (0,external_node_path_.join)(dir, name);
        await (0,promises_.writeFile)(path, text);
        all.push(path);
    }
    for (const name of content.writtenFiles ?? [])
        all.push((0,external_node_path_.join)(dir, name));
    return { ...files, all };
}
async function appendFileTo(path, from) {
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(from), (0,external_node_fs_.createWriteStream)(path, { flags: 'a' }));
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
    // A message that quotes its record's id quotes it as source_id does (a digest without include-pii).
    const message = (text, sourceId) => sourceId === undefined || includePii ? text : text.split(sourceId).join(reportedId(sourceId, false));
    const scrub = { keepEmails: includePii };
    for (const p of problems) {
        yield (0,mask/* scrubbedJsonLine */.hv)({
            entity: p.entity,
            source_id: id(p.sourceId),
            file: p.location.file,
            line: p.location.line,
            ...(p.location.column ? { column: p.location.column } : {}),
            ...(p.field ? { field: p.field } : {}),
            severity: p.severity,
            code: p.code,
            message: message(p.message, p.sourceId),
        }, scrub);
    }
    for (const o of outcomes)
        if (o.status === 'failed')
            yield failureLine(o, includePii);
}
/** A failed write's errors.jsonl line (a message that quotes its record's id quotes it as source_id does). */
function failureLine(o, includePii) {
    const message = o.failure?.message ?? 'failed';
    return (0,mask/* scrubbedJsonLine */.hv)({
        entity: o.entity,
        source_id: reportedId(o.sourceId, includePii),
        file: o.location.file,
        line: o.location.line,
        severity: 'error',
        code: o.failure?.code ?? 'failed',
        message: includePii ? message : message.split(o.sourceId).join(reportedId(o.sourceId, false)),
        ...(o.failure?.requestId ? { request_id: o.failure.requestId } : {}),
    }, { keepEmails: includePii });
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
    yield idMapHeader();
    for (const o of outcomes)
        yield* idMapLines(o, merged);
}
function idMapHeader() {
    return exactCsvRow(['entity', 'source_id', 'workos_id', 'status']);
}
/** An outcome's id-map rows: its own, and a user's merged duplicates under the same WorkOS id. */
function* idMapLines(o, merged) {
    if (!o.workosId)
        return;
    yield exactCsvRow([o.entity, o.sourceId, o.workosId, o.status]);
    if (o.entity === 'user')
        for (const other of merged.get(o.sourceId) ?? [])
            yield exactCsvRow([o.entity, other, o.workosId, 'merged']);
}
function reenrollCsv(users, includePii) {
    return [...reenrollRows(users, includePii)].join('');
}
/** reenrollCsv a row at a time (the header first). */
function* reenrollRows(users, includePii) {
    yield csvRow(includePii ? ['factor', 'source_id', 'email'] : ['factor', 'source_id']);
    for (const { user, factor } of (0,report_summary/* reenrollments */.PZ)(users)) {
        yield csvRow(includePii ? [factor, user.sourceId, user.input.email] : [factor, reportedId(user.sourceId, false)], {
            keepEmails: includePii,
        });
    }
}
/**
 * changes.jsonl, a line at a time: what an import would do (or did), record by record, field
 * names only, never values.
 */
function* changesLines(diff, includePii) {
    const scrub = { keepEmails: includePii };
    for (const changes of [diff.users, diff.organizations, diff.memberships]) {
        for (const change of changes) {
            if (change.action === 'unchanged')
                continue;
            yield (0,mask/* scrubbedJsonLine */.hv)({
                entity: change.entity,
                action: change.action,
                external_id: reportedId(change.record.sourceId, includePii),
                ...(change.workosId ? { workos_id: change.workosId } : {}),
                fields: change.fields,
            }, scrub);
        }
    }
    for (const r of diff.removals) {
        yield (0,mask/* scrubbedJsonLine */.hv)({
            entity: r.entity,
            action: 'remove',
            external_id: reportedId(r.externalId, includePii),
            workos_id: r.workosId,
            fields: [],
        }, scrub);
    }
}
function removalsCsv(removals, includePii) {
    // kept_because: empty when --prune deletes it; else why it stays (existed_before, not_created_by_this_checkpoint).
    let text = csvRow(['entity', 'external_id', 'workos_id', 'reason', 'kept_because']);
    for (const r of removals)
        text += csvRow([r.entity, reportedId(r.externalId, includePii), r.workosId, r.reason, r.keptBecause ?? ''], {
            keepEmails: includePii,
        });
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
            stream.write(`${(0,mask.scrubText)(m)}\n`);
        },
        warn: (m) => {
            endLine();
            stream.write(`warning: ${(0,mask.scrubText)(m)}\n`);
        },
        progress: (m) => {
            if (live) {
                // The only control sequence written: ours, after the message was scrubbed of any.
                stream.write(`\r\x1b[2K${(0,mask.scrubText)(m).replace(/\n/g, ' ')}`);
                lineOpen = true;
            }
            else {
                stream.write(`${(0,mask.scrubText)(m)}\n`);
            }
        },
        group: async (title, body) => {
            endLine();
            stream.write(`${(0,mask.scrubText)(title)}\n`);
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
/** An organization's domains with their state (`verified`, `pending`, …). */
async function organizationDomains(workos, read, organizationId) {
    const org = await read(() => workos.organizations.getOrganization(organizationId));
    return org.domains.map((d) => ({ domain: d.domain, state: String(d.state) }));
}
/** The reads above for one client and one pacing: what the cutover's SSO check reads through. */
function connectionsReader(workos, read) {
    return {
        connectionsOf: (organizationId) => listOrganizationConnections(workos, read, organizationId),
        ssoPortalLink: (organizationId) => generateSsoPortalLink(workos, read, organizationId),
        domainsOf: (organizationId) => organizationDomains(workos, read, organizationId),
    };
}

;// CONCATENATED MODULE: ./build/reconcile/reconcile.js
/**
 * The live check: a diff taken from a fresh read of WorkOS, seen as found / missing /
 * mismatched. "Complete" in a report rests on this, never on the journal. Counts only: the
 * changes are worked out as they are counted (a million users and memberships are never held).
 */
function reconcile(diff, options = {}) {
    const drift = [];
    /** A dry run's records WorkOS does not hold yet, counted per entity (see missingLine). */
    const missing = new Map();
    const count = (changes, entity) => {
        const c = { expected: changes.length, found: 0, missing: 0, mismatched: 0, unexpected: 0 };
        for (const change of changes) {
            const problem = driftOf(change);
            if (problem?.code === 'missing_in_workos' && options.missingAsPlanned)
                missing.set(problem.entity, (missing.get(problem.entity) ?? 0) + 1);
            else if (problem)
                drift.push(problem);
            if (change.action === 'create') {
                c.missing++;
                continue;
            }
            c.found++;
            if (change.action === 'update' || (change.action === 'conflict' && change.fields.length > 0))
                c.mismatched++;
        }
        c.unexpected = diff.removals.filter((r) => r.entity === entity).length;
        return c;
    };
    const counts = {
        users: count(diff.users, 'user'),
        organizations: count(diff.organizations, 'organization'),
        memberships: count(diff.memberships, 'membership'),
    };
    for (const [entity, n] of missing)
        drift.push(missingLine(entity, n));
    return { ...counts, drift };
}
/**
 * The planned records WorkOS holds (cutover's rollback coverage), worked out from the diff on
 * each pass rather than kept (a million users and memberships would be two million map keys);
 * the few organizations' WorkOS ids are kept, to be looked up.
 */
class FoundRecords {
    diff;
    organizations = new Map();
    constructor(diff) {
        this.diff = diff;
        for (const change of diff.organizations)
            if (change.action !== 'create' && change.workosId)
                this.organizations.set(change.record.sourceId, change.workosId);
    }
    /** The WorkOS id of a planned organization WorkOS holds. */
    organization(sourceId) {
        return this.organizations.get(sourceId);
    }
    *[Symbol.iterator]() {
        const changes = [
            this.diff.users,
            this.diff.organizations,
            this.diff.memberships,
        ];
        for (const entityChanges of changes)
            for (const change of entityChanges)
                if (change.action !== 'create' && change.workosId)
                    yield { entity: change.entity, sourceId: change.record.sourceId, workosId: change.workosId };
    }
}
/**
 * What each planned record is in WorkOS now, for the reports of a read-only check (verify,
 * cutover): unchanged when WorkOS holds it as planned, pending when an import would write it.
 * One at a time, in the order the phases write them: give each to an OutcomeStream, never to an array.
 */
function* liveOutcomes(diff) {
    const changes = [diff.users, diff.organizations, diff.memberships];
    for (const entityChanges of changes)
        for (const change of entityChanges) {
            const inStep = change.action === 'unchanged' || (change.action === 'conflict' && change.fields.length === 0);
            yield {
                entity: change.entity,
                sourceId: change.record.sourceId,
                location: change.record.location,
                status: inStep ? 'unchanged' : 'pending',
                ...(change.workosId ? { workosId: change.workosId } : {}),
            };
        }
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
/**
 * A dry run's view of records WorkOS does not hold yet (`reconcile(diff, { missingAsPlanned:
 * true })`): creating them is the plan itself (the changes table and changes.jsonl list each),
 * not drift. One line per entity instead of one per record, counted as the diff goes by: a
 * first plan of a million users against an empty environment neither buries the problems that
 * need a person nor holds two million of them.
 */
function missingLine(entity, count) {
    const noun = `${NOUN[entity]}${count === 1 ? '' : 's'}`;
    return {
        entity,
        location: { file: 'WorkOS', line: 0 },
        code: 'missing_in_workos',
        message: `WorkOS does not hold ${count} planned ${noun} yet: an import creates ${count === 1 ? 'it' : 'them'} (each is in changes.jsonl).`,
        severity: 'warning',
    };
}

;// CONCATENATED MODULE: ./build/plan/diff-outcomes.js
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
/** Chunks of a StringColumn looked up by key rather than read in order (indexes, maps). */
const LOOKUP_CHUNK_BYTES = 512 * 1024;
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
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Past this many chunks waiting for the disk, a spill waits for its own write. */
const MAX_CHUNKS_WRITING = 3;
const unclosedFiles = new FinalizationRegistry((fd) => {
    try {
        (0,external_node_fs_.closeSync)(fd);
    }
    catch {
        // Closed already.
    }
});
/**
 * An append-only list of strings kept as UTF-8 bytes: about one byte per character and no
 * per-string object (a JS string costs its characters plus a header, and the collector's time).
 * Full chunks are spilled to a temporary file, so a million rows cost the process only their
 * offsets; the file is unlinked as soon as it is opened, so nothing is left behind, even after
 * a kill. Reads in order are served a window at a time; a read out of order reads just its row.
 */
class StringColumn {
    chunkBytes;
    /** The rows not spilled yet: they start at file offset `spilled`. */
    chunk;
    used = 0;
    spilled = 0;
    file;
    /** A window of the file read whole (for reads in order), and where it starts. */
    window;
    windowStart = 0;
    windowBytes = 0;
    lastRead = -2;
    lastText;
    /**
     * Chunks handed to the file but not yet written (the write runs on libuv's thread pool while
     * the export is parsed here), by file offset; their rows are read from memory meanwhile.
     */
    writing = new Map();
    writeError;
    /** A chunk whose write is done, to be filled again (at most one). */
    spare = [];
    /**
     * Where each row starts in the file. Rows lie end to end, so a row ends where the next one
     * starts (the last where the bytes written so far end): no length is kept, 4 bytes a row less.
     */
    offsetOf = new NumberColumn(Float64Array);
    /**
     * `chunkBytes`: how much is gathered before each write, and read ahead in order. A column read
     * mostly out of order (an index's rows, looked up by key) needs less than one read in order.
     */
    constructor(chunkBytes = CHUNK_BYTES) {
        this.chunkBytes = chunkBytes;
        this.chunk = Buffer.allocUnsafe(chunkBytes);
    }
    get length() {
        return this.offsetOf.length;
    }
    push(text) {
        // Room for the worst case (3 bytes a UTF-16 unit) saves measuring the string first.
        const room = text.length * 3;
        if (this.used + room > this.chunkBytes)
            this.spill();
        if (room > this.chunkBytes) {
            // Larger than a chunk (a record near the input limit): straight to the file.
            const bytes = Buffer.from(text, 'utf8');
            (0,external_node_fs_.writeSync)(this.openFile(), bytes, 0, bytes.length, this.spilled);
            const row = this.offsetOf.push(this.spilled);
            this.spilled += bytes.length;
            return row;
        }
        const row = this.offsetOf.push(this.spilled + this.used);
        this.used += this.chunk.write(text, this.used, 'utf8');
        return row;
    }
    get(index) {
        // A row read twice in a row (a KeyIndex compares a candidate's key, then its row is read): once.
        if (index === this.lastRead && this.lastText !== undefined)
            return this.lastText;
        this.lastText = this.read(index);
        return this.lastText;
    }
    read(index) {
        const offset = this.offsetOf.get(index);
        const end = index + 1 < this.offsetOf.length ? this.offsetOf.get(index + 1) : this.spilled + this.used;
        const bytes = end - offset;
        // Only the next row reads a window ahead: a lookup in any order reads just its row.
        const inOrder = index === this.lastRead + 1;
        this.lastRead = index;
        // An empty row has no bytes to find (its offset may be where no window or chunk is).
        if (bytes === 0)
            return '';
        if (offset >= this.spilled) {
            const start = offset - this.spilled;
            return this.chunk.toString('utf8', start, start + bytes);
        }
        for (const [at, chunk] of this.writing) {
            if (offset >= at && offset < at + chunk.length)
                return chunk.toString('utf8', offset - at, offset - at + bytes);
        }
        if (!this.inWindow(offset, bytes) && inOrder && bytes <= this.chunkBytes) {
            this.window ??= Buffer.allocUnsafe(this.chunkBytes);
            this.windowStart = offset;
            this.windowBytes = (0,external_node_fs_.readSync)(this.file, this.window, 0, Math.min(this.chunkBytes, this.spilled - offset), offset);
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
                // Written: one chunk is kept to fill again (a fresh one would pay its page faults
                // again); more would only be held once the column stops growing.
                if (this.spare.length === 0 && !this.closed)
                    this.spare.push(chunk);
                if (this.closed && this.writing.size === 0)
                    this.closeFile();
            });
            this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(this.chunkBytes);
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
        unclosedFiles.unregister(this);
        (0,external_node_fs_.closeSync)(this.file);
        this.file = undefined;
        if (this.removeOnClose !== undefined)
            (0,external_node_fs_.rmSync)(this.removeOnClose, { force: true });
    }
    openFile() {
        if (this.file === undefined) {
            const path = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `migrate-to-workos-${process.pid}-${(0,external_node_crypto_.randomUUID)()}.rows`);
            this.file = (0,external_node_fs_.openSync)(path, 'w+', 0o600);
            // A column let go of without close() (a live index read and diffed) frees its disk space when collected.
            unclosedFiles.register(this, this.file, this);
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
    /** Each record's entries, newest last, and which is whose (see EntryRows). */
    rows = new EntryRows();
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
                // Stored ids are already in journal form.
                if (isEntry(entry))
                    this.rows.set(entry);
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
        return this.rows.get(entity, journalSourceId(sourceId));
    }
    /** Every entry the journal holds (the newest per record), in the order first recorded. */
    entries() {
        return this.rows.entries();
    }
    /** Records a confirmed write. Synchronous on purpose: the line is on disk before we go on. */
    record(entry) {
        const previous = this.get(entry.entity, entry.source_id);
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
        this.rows.set(stored);
        this.writeText(JSON.stringify(stored));
        this.appended++;
    }
    /** Entries appended by this process (0 means this run changed nothing in the checkpoint). */
    get appendedCount() {
        return this.appended;
    }
    get size() {
        return this.rows.size;
    }
    close() {
        if (this.fd !== undefined)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = undefined;
    }
    writeLine(value) {
        this.writeText(JSON.stringify(value));
    }
    writeText(line) {
        if (this.fd === undefined)
            throw new Error('journal is closed');
        (0,external_node_fs_.writeSync)(this.fd, line + '\n');
    }
}
/** The migration created this WorkOS record (so rollback may delete it). */
function madeByMigration(entry) {
    return entry.status === 'created' || entry.created === true;
}
/**
 * The journal's entries, read once: each as a JSON array of its values (no field names), in
 * UTF-8 bytes in a temporary file (a StringColumn), found by entity and source id through a
 * KeyIndex. At a million users and a million memberships a Map of JSON lines is about 300 bytes
 * an entry, the rows in memory 140; this keeps about 30 in memory (offsets and index slots).
 * A record written again gets a new row; its first row says where its newest is (the order of
 * entries() stays the order first recorded).
 */
class EntryRows {
    values = new StringColumn(LOOKUP_CHUNK_BYTES);
    /** Per row: for a record's first row, the row of its newest entry; for later rows, -1. */
    newest = new NumberColumn(Int32Array);
    firstRows = new KeyIndex((row) => keyOfValues(this.valuesOf(row)));
    records = 0;
    get size() {
        return this.records;
    }
    /** `entry` (its source id in journal form) becomes its record's newest. */
    set(entry) {
        const row = this.values.push(JSON.stringify(valuesOf(entry)));
        const first = this.firstRows.addIfAbsent(entryKey(entry.entity, entry.source_id), row);
        if (first < 0) {
            this.newest.push(row);
            this.records++;
        }
        else {
            this.newest.push(-1);
            this.newest.set(first, row);
        }
    }
    get(entity, journalId) {
        const first = this.firstRows.first(entryKey(entity, journalId));
        return first < 0 ? undefined : entryOf(this.valuesOf(this.newest.get(first)));
    }
    *entries() {
        for (let row = 0; row < this.newest.length; row++) {
            const newest = this.newest.get(row);
            if (newest >= 0)
                yield entryOf(this.valuesOf(newest));
        }
    }
    valuesOf(row) {
        return JSON.parse(this.values.get(row));
    }
}
function valuesOf(e) {
    const flags = (e.created ? 1 : 0) | (e.claimed ? 2 : 0);
    return [e.entity, e.source_id, e.workos_id, e.status, e.input_digest ?? null, e.password_digest ?? null, flags];
}
function entryOf([entity, source_id, workos_id, status, inputDigest, passwordDigest, flags,]) {
    // An entry without a digest (written by hand, or by an older version) stays without one.
    const entry = { entity, source_id, workos_id, status };
    if (inputDigest !== null)
        entry.input_digest = inputDigest;
    if (passwordDigest !== null)
        entry.password_digest = passwordDigest;
    if (flags & 1)
        entry.created = true;
    if (flags & 2)
        entry.claimed = true;
    return entry;
}
function keyOfValues(values) {
    return entryKey(values[0], values[1]);
}
function entryKey(entity, journalId) {
    return `${entity}\u0000${journalId}`;
}
function isEntry(value) {
    const entry = value;
    return (typeof entry === 'object' &&
        entry !== null &&
        typeof entry.source_id === 'string' &&
        typeof entry.workos_id === 'string');
}
const journal_CHUNK_BYTES = 1 << 20;
/** The lines of a file, read in chunks so that no string ever holds more than one line. */
function* readLines(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const buffer = Buffer.alloc(journal_CHUNK_BYTES);
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

;// CONCATENATED MODULE: ./build/model/live-state.js
// What WorkOS holds, as the diff needs it: read in pages by workos/live-index.ts, compared by
// plan/diff.ts. Kept compact on purpose (no full user objects): at a million users the index
// must fit beside the plan, so each user is its ids, its email key, names and a metadata digest.





/**
 * WorkOS users, one packed string each (its fields joined by a separator no field holds), as
 * UTF-8 bytes in a temporary file (a StringColumn), found by external id and by email key
 * through two KeyIndexes over the same rows; decoded on lookup. About 40 bytes a user in memory
 * (offsets and index slots), where the rows in memory took 120 and two Maps of strings 250:
 * what lets a million users fit beside the plan and the checkpoint.
 */
class LiveUsers {
    packed = new StringColumn(LOOKUP_CHUNK_BYTES);
    byExternal = new KeyIndex((row) => fieldOf(this.packed.get(row), EXTERNAL_ID));
    byEmailKey = new KeyIndex((row) => fieldOf(this.packed.get(row), EMAIL_KEY));
    emails = 0;
    /** A user read again (same external id or email) takes the place of the one read before. */
    add(user) {
        const row = this.packed.push([
            user.id,
            user.externalId ?? '',
            user.emailKey,
            user.emailVerified ? '1' : '0',
            user.firstName ?? NONE,
            user.lastName ?? NONE,
            user.metadataDigest,
            user.signedIn ? '1' : '0',
        ].join(SEP));
        if (user.externalId)
            this.byExternal.replace(user.externalId, row);
        if (this.byEmailKey.first(user.emailKey) < 0)
            this.emails++;
        this.byEmailKey.replace(user.emailKey, row);
    }
    byExternalId(externalId) {
        const row = this.byExternal.first(externalId);
        return row < 0 ? undefined : unpack(this.packed.get(row));
    }
    byEmail(emailKey) {
        const row = this.byEmailKey.first(emailKey);
        return row < 0 ? undefined : unpack(this.packed.get(row));
    }
    /** Users that carry an external id (the only ones that can belong to a migration), in the order read. */
    *withExternalId() {
        for (let row = 0; row < this.packed.length; row++) {
            const externalId = fieldOf(this.packed.get(row), EXTERNAL_ID);
            if (externalId !== '' && this.byExternal.first(externalId) === row)
                yield unpack(this.packed.get(row));
        }
    }
    /** Every user (emails are unique in WorkOS, so one entry each). */
    get size() {
        return this.emails;
    }
}
const EXTERNAL_ID = 1;
const EMAIL_KEY = 2;
function fieldOf(packed, field) {
    return packed.split(SEP, field + 1)[field];
}
// Unit and record separators: control characters that no id, email or name from WorkOS holds.
const SEP = '\u001f';
const NONE = '\u001e';
function unpack(packed) {
    const [id, externalId, emailKey, verified, firstName, lastName, metadataDigest, signedIn] = packed.split(SEP);
    return {
        id,
        externalId: externalId === '' ? null : externalId,
        emailKey,
        emailVerified: verified === '1',
        firstName: firstName === NONE ? null : firstName,
        lastName: lastName === NONE ? null : lastName,
        metadataDigest,
        signedIn: signedIn === '1',
    };
}
/**
 * WorkOS memberships by `<organization id>:<user id>`, each one packed string of UTF-8 bytes in
 * a temporary file (a StringColumn), found through a KeyIndex: about 30 bytes a membership in
 * memory, where the rows in memory took 130 and a Map of objects 270 (a million memberships are
 * read back after an import).
 */
class LiveMemberships {
    packed = new StringColumn(LOOKUP_CHUNK_BYTES);
    /** Per row: 1 while it is its key's membership, 0 once another took its place. */
    current = new NumberColumn(Uint8Array);
    rows = new KeyIndex((row) => keyOfPacked(this.packed.get(row)));
    count = 0;
    /** `key` is liveMembershipKey(m.organizationId, m.userId). */
    set(key, m) {
        const row = this.packed.push([m.organizationId, m.userId, m.id, m.roles].join(SEP));
        this.current.push(1);
        const before = this.rows.first(key);
        if (before < 0)
            this.count++;
        else
            this.current.set(before, 0);
        this.rows.replace(key, row);
    }
    get(key) {
        const row = this.rows.first(key);
        return row < 0 ? undefined : unpackMembership(this.packed.get(row));
    }
    *values() {
        for (let row = 0; row < this.current.length; row++)
            if (this.current.get(row) === 1)
                yield unpackMembership(this.packed.get(row));
    }
    /**
     * The memberships whose keys `keys` does not give: one byte a membership marks the rest (a
     * set of a million membership ids took 40 MB and a temporary file).
     */
    *valuesNotIn(keys) {
        const given = new Uint8Array(this.current.length);
        for (const key of keys) {
            const row = this.rows.first(key);
            if (row >= 0)
                given[row] = 1;
        }
        for (let row = 0; row < this.current.length; row++)
            if (this.current.get(row) === 1 && given[row] === 0)
                yield unpackMembership(this.packed.get(row));
    }
    get size() {
        return this.count;
    }
}
function unpackMembership(packed) {
    const [organizationId, userId, id, roles] = packed.split(SEP);
    return { id, organizationId, userId, roles };
}
function keyOfPacked(packed) {
    const [organizationId, userId] = packed.split(SEP, 2);
    return liveMembershipKey(organizationId, userId);
}
function emptyLiveIndex() {
    return {
        users: new LiveUsers(),
        organizationsByExternalId: new Map(),
        organizationsById: new Map(),
        memberships: new LiveMemberships(),
        membershipsReadFor: new Set(),
        reads: 0,
        lazy: { pending: 0, moved: 0 },
    };
}
function liveMembershipKey(organizationId, userId) {
    return `${organizationId}:${userId}`;
}
/** Metadata compared by digest: equal maps digest alike whatever their key order; none is `{}`. */
function metadataDigest(metadata) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(stableJson(withLazyMarkAsOne(metadata ?? {})))
        .digest('base64url')
        .slice(0, 16);
}
function sortedJoined(values) {
    return [...new Set(values)].sort().join(',');
}
/**
 * A WorkOS user's metadata as the diff compares it: the digest of everything but the lazy
 * migration's mark, with `+` in front when WorkOS holds a mark (base64url never starts with `+`).
 */
function userMetadataDigest(metadata) {
    const held = metadata ?? {};
    return (lazyMarkOf(held) === undefined ? '' : '+') + metadataDigest(withoutLazyMark(held));
}
/**
 * Whether a user's metadata in WorkOS differs from what the plan sends. The lazy mark is the lazy
 * migration's: a plan that marks (`--lazy-passwords`) adds it where WorkOS lacks it, `pending`
 * and `moved` are one value, and a plan that does not mark leaves a mark WorkOS holds alone, so
 * an import run without the flag between lazy ones cannot undo the lazy migration.
 */
function userMetadataDiffers(liveDigest, wanted) {
    const liveMarked = liveDigest.startsWith('+');
    if ((liveMarked ? liveDigest.slice(1) : liveDigest) !== metadataDigest(withoutLazyMark(wanted ?? {})))
        return true;
    return lazyMarkOf(wanted ?? {}) !== undefined && !liveMarked;
}
function withoutLazyMark(metadata) {
    if (lazyMarkOf(metadata) === undefined)
        return metadata;
    const { [LAZY_METADATA_KEY]: _mark, ...rest } = metadata;
    return rest;
}
/**
 * The lazy migration's mark moves from `pending` to `moved` in WorkOS when the user signs in;
 * the plan always says `pending`. Both are one value here, so a moved user is not drift to repair.
 */
function withLazyMarkAsOne(metadata) {
    return lazyMarkOf(metadata) === undefined ? metadata : { ...metadata, [LAZY_METADATA_KEY]: 'marked' };
}

;// CONCATENATED MODULE: ./build/compact/string-map.js


/**
 * A string → string map for a million entries (source id → WorkOS id and the like): keys and
 * values as UTF-8 bytes in temporary files (StringColumns), found through a KeyIndex. About 40
 * bytes an entry in memory (offsets and index slots), where the text in memory took about 100
 * and a Map of strings about 170: an import holds several of these at a million users.
 */
class StringMap {
    keys = new StringColumn(LOOKUP_CHUNK_BYTES);
    values = new StringColumn(LOOKUP_CHUNK_BYTES);
    rows = new KeyIndex((row) => this.keys.get(row));
    count = 0;
    /** Sets `key` to `value` (a key set again keeps only the newest value). */
    set(key, value) {
        const row = this.keys.push(key);
        this.values.push(value);
        if (this.rows.first(key) < 0)
            this.count++;
        this.rows.replace(key, row);
        return this;
    }
    get(key) {
        const row = this.rows.first(key);
        return row < 0 ? undefined : this.values.get(row);
    }
    has(key) {
        return this.rows.first(key) >= 0;
    }
    get size() {
        return this.count;
    }
}

;// CONCATENATED MODULE: ./build/model/digest.js


/**
 * A short digest of what we send for a record, so a rerun can tell "already done" from
 * "changed since". Keys are sorted so the same input always digests the same.
 */
function inputDigest(input) {
    return (0,external_node_crypto_.createHash)('sha256').update(stableJson(input)).digest('hex').slice(0, 20);
}
/** What the journal keeps of a hash it sent: a digest, never the hash. */
function digest_passwordDigest(password) {
    return inputDigest(password);
}

;// CONCATENATED MODULE: ./build/model/domains.js
// An organization's domains keep the source's verification (DESIGN §5): a domain the source
// verified is `verified` in WorkOS, others `pending`. WorkOS's own verification wins over the
// export: a domain WorkOS holds verified (verified there since) is never sent back as pending.
/** What to send as `domain_data`: the export's domains, each with its state. */
function domainData(input, liveVerified = new Set()) {
    const verified = new Set(input.verifiedDomains ?? []);
    return input.domains.map((domain) => ({
        domain,
        state: verified.has(domain) || liveVerified.has(domain) ? 'verified' : 'pending',
    }));
}
/**
 * Drift: WorkOS holds other domains than the export, or a domain the export verified is not
 * verified there. `live` as the live index keeps them: lower-cased, sorted, comma-joined.
 */
function domainsDiffer(input, live) {
    if (live.domains !== [...input.domains].sort().join(','))
        return true;
    const liveVerified = new Set(live.verifiedDomains ? live.verifiedDomains.split(',') : []);
    return (input.verifiedDomains ?? []).some((d) => !liveVerified.has(d));
}

;// CONCATENATED MODULE: ./build/plan/diff.js





/**
 * The users' changes as a sequence that diffs each planned user when it is reached: the diff is
 * pure, so a pass gives the same changes as long as the journal has not changed since (take
 * what a run needs from them before it writes). At a million users an array of changes, each
 * holding its decoded user, is about a gigabyte.
 */
class UserChanges {
    input;
    length;
    constructor(input, 
    /** How many planned users there are (one change each). */
    length) {
        this.input = input;
        this.length = length;
    }
    *[Symbol.iterator]() {
        for (const user of this.input.users)
            yield diffUser(user, this.input);
    }
    filter(wanted) {
        const found = [];
        for (const change of this)
            if (wanted(change))
                found.push(change);
        return found;
    }
}
/**
 * The memberships' changes as a sequence that diffs each planned membership when it is reached
 * (see UserChanges): the planned memberships are columns, and so stay.
 */
class MembershipChanges {
    memberships;
    live;
    userIds;
    orgIds;
    constructor(memberships, live, userIds, orgIds) {
        this.memberships = memberships;
        this.live = live;
        this.userIds = userIds;
        this.orgIds = orgIds;
    }
    /** How many planned memberships there are (one change each). */
    get length() {
        return this.memberships.length;
    }
    *[Symbol.iterator]() {
        for (const m of this.memberships)
            yield diffMembership(m, this.live, this.userIds, this.orgIds);
    }
}
function diffMigration(input) {
    const given = input.users.length;
    const users = new UserChanges(input, given ?? [...input.users].length);
    const userIds = new StringMap();
    for (const change of users)
        if (change.workosId)
            userIds.set(change.record.sourceId, change.workosId);
    const organizations = input.organizations.map((o) => diffOrganization(o, input.live));
    const orgIds = new Map();
    for (const change of organizations)
        if (change.workosId)
            orgIds.set(change.record.sourceId, change.workosId);
    const memberships = new MembershipChanges(input.memberships, input.live, userIds, orgIds);
    return {
        users,
        organizations,
        memberships,
        removals: findRemovals(input, users, userIds, orgIds),
        workosUserIds: userIds,
    };
}
function diffUser(user, input) {
    const base = { entity: 'user', record: user };
    const { live } = input;
    const wanted = user.input;
    const emailKey = wanted.email.toLowerCase();
    const byExternalId = live.users.byExternalId(user.sourceId);
    const byEmail = live.users.byEmail(emailKey);
    if (wanted.externalId === undefined) {
        const keyedByEmail = diffEmailKeyedUser(user, byEmail, input);
        if (keyedByEmail)
            return keyedByEmail;
    }
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
        ...(password.overwritesSignedIn ? { overwritesSignedIn: true } : {}),
    };
}
/**
 * A user the source has no id for (keyed by email, sent without an external id) is found in
 * WorkOS by email: a user there without an external id (or with the key an earlier version of
 * this tool wrote as one) is the one. It is ours when the journal says this migration made or
 * claimed it; otherwise it was there before, keeps its password, and an update claims it.
 * Undefined when the email is free or held by another system's user (the usual create or conflict).
 */
function diffEmailKeyedUser(user, byEmail, input) {
    if (!byEmail || (byEmail.externalId !== null && byEmail.externalId !== user.sourceId))
        return undefined;
    const base = { entity: 'user', record: user, workosId: byEmail.id };
    const fields = userFieldChanges(byEmail, user);
    const entry = input.journal?.get('user', user.sourceId);
    const ours = byEmail.externalId === user.sourceId ||
        (entry !== undefined && entry.status !== 'deleted' && entry.workos_id === byEmail.id);
    if (!ours) {
        const action = fields.length > 0 ? 'update' : 'unchanged';
        return { ...base, action, fields, sendPassword: false, claim: action === 'update', ...keptPassword(user) };
    }
    const password = passwordDecision(user, byEmail, input);
    if (password.send)
        fields.push('password');
    return {
        ...base,
        action: fields.length > 0 ? 'update' : 'unchanged',
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
        (entry.password_digest === digest_passwordDigest(password) || entry.input_digest === user.digest);
    if (recorded)
        return { send: false, notSent: 'recorded_earlier' };
    if (!input.passwordsFromJournal)
        return { send: false, notSent: 'unknown' };
    // Claimed by this migration: the user was in WorkOS before and keeps the password set there.
    if (entry?.claimed && entry.status !== 'deleted' && entry.workos_id === found.id)
        return { send: false, notSent: 'kept_existing' };
    // WorkOS never returns hashes, so without the journal a hash "not recorded" looks unsent; after
    // a WorkOS sign-in, whatever the journal holds, the password there is the one that counts.
    if (found.signedIn) {
        if (!input.forcePasswords)
            return { send: false, notSent: 'kept_signed_in' };
        return { send: true, overwritesSignedIn: true };
    }
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
    if (userMetadataDiffers(found.metadataDigest, wanted.metadata))
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
    if (domainsDiffer(org.input, found))
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
 * Why a removal must stay: undefined only when the journal records that this migration created
 * this very WorkOS record (same WorkOS id, not deleted since) and did not merely claim it.
 */
function keptBecause(entry, workosId) {
    if (entry !== undefined && entry.status !== 'deleted' && entry.workos_id === workosId) {
        if (entry.claimed)
            return 'existed_before';
        if (madeByMigration(entry))
            return undefined;
    }
    return 'not_created_by_this_checkpoint';
}
/** The removals prune may delete: what the journal says this migration created. */
function deletableRemovals(removals) {
    return removals.filter((r) => r.keptBecause === undefined);
}
/**
 * Records of this migration that WorkOS holds and the export no longer has: users and
 * organizations with an external id this migration made or claimed (the journal says so) or
 * that this source gives out, and memberships of such users in the export's organizations.
 * Each says whether prune may delete it (`keptBecause`).
 */
function findRemovals(input, users, userIds, orgIds) {
    const { live, journal } = input;
    const journaled = (entity, id) => {
        const entry = journal?.get(entity, id);
        return entry !== undefined && entry.status !== 'deleted';
    };
    const ours = (entity, id) => journaled(entity, id) || input.ownsExternalId(entity, id);
    const kept = (entity, id, workosId) => {
        const reason = keptBecause(journal?.get(entity, id), workosId);
        return reason ? { keptBecause: reason } : {};
    };
    const removals = userRemovals(input, ours, kept);
    /** Users prune deletes: WorkOS deletes their memberships with them. */
    const deletedUserIds = new Set(removals.filter((r) => !r.keptBecause).map((r) => r.workosId));
    if (!input.managesOrganizations)
        return removals;
    const exportedOrgs = new Set(input.organizations.map((o) => o.sourceId));
    for (const found of live.organizationsByExternalId.values()) {
        const id = found.externalId;
        if (exportedOrgs.has(id) || input.notImported.organizations.has(id) || !ours('organization', id))
            continue;
        removals.push({
            entity: 'organization',
            externalId: id,
            workosId: found.id,
            reason: 'not_in_export',
            ...kept('organization', id, found.id),
        });
    }
    // A member dropped from an organization that stays: the membership goes, the user stays.
    const orgSourceIds = new Map();
    for (const o of input.organizations) {
        const found = live.organizationsByExternalId.get(o.sourceId);
        if (found)
            orgSourceIds.set(found.id, o.sourceId);
    }
    // WorkOS memberships the plan does not have (few, mostly): only these are looked up further.
    const dropped = [];
    for (const m of live.memberships.valuesNotIn(plannedMembershipKeys(input, userIds, orgIds))) {
        const orgSourceId = orgSourceIds.get(m.organizationId);
        if (!orgSourceId || deletedUserIds.has(m.userId))
            continue;
        dropped.push({ m, orgSourceId });
    }
    if (dropped.length === 0)
        return removals;
    // The dropped members' source ids: one more pass over the users, kept for these few only.
    const droppedUsers = new Map(dropped.map((d) => [d.m.userId, undefined]));
    for (const u of users)
        if (u.workosId && droppedUsers.has(u.workosId))
            droppedUsers.set(u.workosId, u.record.sourceId);
    for (const d of dropped)
        d.userSourceId = droppedUsers.get(d.m.userId);
    /** Of those, the ones the journal says this migration created, by WorkOS id. */
    const droppedIds = new Set(dropped.map((d) => d.m.id));
    const createdMemberships = new Map();
    for (const entry of journal?.entries() ?? []) {
        if (entry.entity === 'membership' &&
            droppedIds.has(entry.workos_id) &&
            entry.status !== 'deleted' &&
            madeByMigration(entry))
            createdMemberships.set(entry.workos_id, entry);
    }
    for (const { m, orgSourceId, userSourceId } of dropped) {
        const created = createdMemberships.get(m.id);
        // Only memberships of users this export brings (or that the journal says we added).
        if (!userSourceId && !created)
            continue;
        removals.push({
            entity: 'membership',
            // The journal's own id when it has one, so the delete is journaled against the same line.
            externalId: created?.source_id ?? `${orgSourceId}:${userSourceId}`,
            workosId: m.id,
            reason: 'member_removed',
            ...(created ? {} : { keptBecause: 'not_created_by_this_checkpoint' }),
        });
    }
    return removals;
}
/**
 * The live-membership keys (organization id, user id in WorkOS) of the planned memberships
 * whose user and organization WorkOS holds: what diffMembership looks up.
 */
function* plannedMembershipKeys(input, userIds, orgIds) {
    for (const m of input.memberships) {
        const userId = userIds.get(m.userSourceId);
        const organizationId = orgIds.get(m.organizationSourceId);
        if (userId && organizationId)
            yield liveMembershipKey(organizationId, userId);
    }
}
/** WorkOS users of this migration that the export no longer has. */
function userRemovals(input, ours, kept) {
    const removals = [];
    for (const found of input.live.users.withExternalId()) {
        const id = found.externalId;
        if (input.importsUser(id) || input.notImported.users.has(id))
            continue;
        const reason = input.skippedUsers.has(id)
            ? 'skipped_by_policy'
            : ours('user', id)
                ? 'not_in_export'
                : undefined;
        if (!reason)
            continue;
        removals.push({ entity: 'user', externalId: id, workosId: found.id, reason, ...kept('user', id, found.id) });
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
/**
 * What the diff knows of hashes it will not send: recorded as sent earlier, kept by users who
 * were there before, kept by users who signed in to WorkOS; and the signed-in users whose
 * password `--force-passwords` replaces. One pass: the user changes are worked out as it goes.
 */
function passwordMemory(diff) {
    const memory = { recordedEarlier: 0, keptExisting: 0, keptSignedIn: 0, overwritesSignedIn: 0 };
    for (const c of diff.users) {
        if (c.passwordNotSent === 'recorded_earlier')
            memory.recordedEarlier++;
        else if (c.passwordNotSent === 'kept_existing')
            memory.keptExisting++;
        else if (c.passwordNotSent === 'kept_signed_in')
            memory.keptSignedIn++;
        if (c.overwritesSignedIn)
            memory.overwritesSignedIn++;
    }
    return memory;
}

;// CONCATENATED MODULE: ./build/workos/webhooks.js
/** The environment's enabled webhook endpoints (GET /webhook_endpoints, every page). */
async function listEnabledWebhookEndpoints(workos) {
    const first = await workos.webhooks.listWebhookEndpoints({ limit: 100 });
    const all = await first.autoPagination();
    return all.filter((e) => e.status === 'enabled').map((e) => ({ id: e.id, events: [...e.events] }));
}

;// CONCATENATED MODULE: ./build/plan/webhooks.js


/** The events the writes cause, by WorkOS event name. */
function plannedEvents(w) {
    return {
        'user.created': w.users.create,
        'user.updated': w.users.update,
        'organization.created': w.organizations.create,
        'organization.updated': w.organizations.update,
        'organization_membership.created': w.memberships.create,
        'organization_membership.updated': w.memberships.update,
        'role.created': w.roles,
        'permission.created': w.permissions,
    };
}
/** Deliveries per endpoint subscription: an endpoint gets only the events it subscribes to. */
function forecastWebhooks(endpoints, events) {
    let deliveries = 0;
    let reached = 0;
    for (const endpoint of endpoints) {
        const subscribed = new Set(endpoint.events);
        let mine = 0;
        for (const [name, n] of Object.entries(events))
            if (subscribed.has(name) || subscribed.has('*'))
                mine += n;
        deliveries += mine;
        if (mine > 0)
            reached++;
    }
    const listed = Object.fromEntries(Object.entries(events).filter(([, n]) => n > 0));
    return { endpoints: reached, deliveries, events: listed };
}
/**
 * Reads the enabled endpoints and forecasts this run's deliveries; `undefined` when none is
 * enabled (nothing to say) or the list cannot be read (`warn` says so; the run goes on).
 * `writes` is only worked out when an endpoint is enabled: counting a million users' changes
 * again costs a pass.
 */
async function readWebhookForecast(workos, read, writes, warn) {
    let endpoints;
    try {
        endpoints = await read(() => listEnabledWebhookEndpoints(workos));
    }
    catch (error) {
        // WorkOS unreachable (a UsageError): the run stops as it would on any read.
        if (error instanceof types/* UsageError */.eb)
            throw error;
        warn(`Could not list the environment's webhook endpoints (${error instanceof Error ? error.message : String(error)}); if any is enabled, the import's writes send it an event each.`);
        return undefined;
    }
    if (endpoints.length === 0)
        return undefined;
    return forecastWebhooks(endpoints, plannedEvents(writes()));
}
/** The writes a diff plans, with the roles and permissions to create. */
function plannedWrites(counts, roles) {
    return { ...counts, roles: roles?.create.length ?? 0, permissions: roles?.createPermissions.length ?? 0 };
}

;// CONCATENATED MODULE: ./build/report/environment-markdown.js
// What the run does to the environment beyond its records: the roles it creates and the
// webhooks its writes set off (README: "Webhooks during an import").
/** Said before the counts: a bulk import fires an event per write at every subscribed endpoint. */
function webhooksSection(s) {
    const w = s.webhooks;
    if (!w || w.endpoints === 0 || w.deliveries === 0)
        return '';
    const events = Object.entries(w.events)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `${n} \`${name}\``)
        .join(', ');
    const verb = s.mode === 'plan' ? 'would send' : 'sends';
    return (`> [!WARNING]\n> This import ${verb} about ${w.deliveries} webhook deliveries to ${w.endpoints} enabled endpoint(s) (${events}). ` +
        'Pause delivery in the WorkOS dashboard (Webhooks: disable the endpoint) during the import, or make sure the receiver can take the load; see "Webhooks during an import" in the README.');
}
/** import: the environment roles made before the memberships. */
function rolesLine(s) {
    const r = s.roles;
    if (!r || r.created + r.existing + r.failed + r.permissionsCreated === 0)
        return '';
    return (`Roles: ${r.created} created in the environment with ${r.permissionsCreated} new permission(s)` +
        (r.existing > 0 ? `, ${r.existing} found there already` : '') +
        (r.failed > 0 ? `, ${r.failed} could not be created (see the problems)` : '') +
        '.');
}
/** The Roles row of the "Would change" table. */
function rolesChangeRow(s) {
    const c = s.changes?.roles;
    return c && c.create + c.unchanged > 0
        ? [`| Roles | ${c.create} | ${c.update} | ${c.unchanged} | ${c.remove} | ${c.conflict} |`]
        : [];
}
/** The log line said before any write (the same warning as the job summary's). */
function webhookWarning(w, mode) {
    const events = Object.entries(w.events)
        .map(([name, n]) => `${n} ${name}`)
        .join(', ');
    return (`${mode === 'plan' ? 'An import now would send' : 'This import sends'} about ${w.deliveries} webhook deliveries to ${w.endpoints} enabled endpoint(s) (${events}). ` +
        'Pause delivery in the WorkOS dashboard (disable the endpoint) during the import if the receiver cannot take them; see "Webhooks during an import" in the README.');
}

;// CONCATENATED MODULE: ./build/workos/rate-limiter.js
/**
 * The schedule of one rate-limit bucket, without timers: when the next request may go, what was
 * sent, what a 429 changes. Pure (the clock is passed in), so a simulation can drive it.
 *
 * Requests are spaced evenly at just under the limit (`SHARE` of it), and besides the spacing no
 * window (`pacingWindow`) ever holds more than that share of the limit's requests by our own
 * count: slots that come due together after a stalled event loop are caught up only as far as
 * the spare share covers. Evenly spaced requests fill a sliding window and a fixed one alike, so
 * either model of the server's count sees at most the share; the rest (2 %) absorbs requests
 * bunched on their way. (WorkOS does not say which model it uses; the stand-in's is sliding.)
 *
 * A 429 that gets through anyway is a small cut (5 % of the rate, climbing back within a fifth of
 * a window) and a pause of two slots, not a halving and not a whole Retry-After: the window it
 * overflowed frees a slot at the next spacing. Each 429 also lowers where the climb ends by half
 * a percent (to 97 % of the share at most, back over 429-free windows), so a jittery path gets a
 * little more room. The third 429 in a row, each within a window of the last, means someone else
 * uses the bucket too: a 20 % cut, and Retry-After is waited out. The 429s of requests sent
 * before a cut belong to the overload it answered and change nothing more.
 */
class WindowPacing {
    limit;
    /** Requests one window may hold by our count: the share of the limit. */
    budget;
    /** Send times of the requests still inside the window, oldest first (a ring of `budget`). */
    sent = [];
    sentHead = 0;
    nextSlotAt = -Infinity;
    pausedUntil = -Infinity;
    /** The rate's share after the last cut (1: not cut); it climbs back from `climbFrom`. */
    cutShare = 1;
    climbFrom = -Infinity;
    lastCutAt = -Infinity;
    ceilingAtCut = 1;
    /** Cuts in a row, each within a window of the one before. */
    streak = 0;
    /** The window counted in: the limit's, or one second of it (see `pacingWindow`). */
    window;
    constructor(limit) {
        this.limit = limit;
        if (!(limit.requests > 0) || !(limit.windowMs > 0))
            throw new RangeError('a rate limit needs requests > 0 and a window > 0');
        this.window = pacingWindow(limit);
        this.budget = Math.max(1, Math.floor(this.window.requests * SHARE));
    }
    /** Milliseconds from `now` until the next request may be sent (0: now). */
    delay(now) {
        return Math.max(0, this.nextSlotAt - now, this.pausedUntil - now, this.windowWait(now));
    }
    /** A request goes now: it takes the next slot. */
    send(now) {
        // Timers fire late, and a busy machine stalls: slots missed meanwhile are caught up, but only
        // as many as the limit's spare share covers (2 % of its window, at least two slots), so a
        // stall's backlog is spread out instead of sent at once into a window with no room for it.
        const interval = this.intervalMs(now);
        const catchUpMs = Math.max(CATCH_UP_SLOTS * interval, CATCH_UP_SHARE * this.limit.windowMs);
        this.nextSlotAt = Math.max(this.nextSlotAt, now - catchUpMs) + interval;
        if (this.budget > MAX_COUNTED)
            return;
        if (this.sent.length < this.budget)
            this.sent.push(now);
        else {
            this.sent[this.sentHead] = now;
            this.sentHead = (this.sentHead + 1) % this.budget;
        }
    }
    /** WorkOS answered 429 to a request sent at `sentAt`. */
    rateLimited(now, sentAt, retryAfterMs) {
        if (sentAt < this.lastCutAt)
            return;
        this.streak = now - this.lastCutAt < this.window.windowMs ? this.streak + 1 : 1;
        const crowded = this.streak >= CROWDED_STREAK;
        // Crowded, the server's window is full of someone else's requests: wait until it says.
        const pause = crowded ? Math.max(retryAfterMs, 0) : PAUSE_SLOTS * this.intervalMs(now);
        this.cutShare = Math.max(MIN_SHARE, this.share(now) * (crowded ? CROWDED_CUT : CUT));
        // Each 429 also lowers where the climb ends a little: requests that bunch on their way (a
        // busy machine, a jittery network) need more room than the 2 % left by default.
        this.ceilingAtCut = Math.max(MIN_CEILING, this.ceiling(now) - CEILING_STEP);
        this.lastCutAt = now;
        this.pausedUntil = Math.max(this.pausedUntil, now + pause);
        this.climbFrom = this.pausedUntil;
        // Slots handed out before the 429 do not survive it.
        this.nextSlotAt = Math.max(this.nextSlotAt, this.pausedUntil);
    }
    /** Requests per second now: just under the limit, or less while climbing back from a 429. */
    ratePerSecond(now) {
        return (this.budget * this.share(now) * 1000) / this.window.windowMs;
    }
    /** Share of the budget allowed now (1 but for a while after a 429). */
    share(now) {
        const ceiling = this.ceiling(now);
        if (this.cutShare >= ceiling)
            return ceiling;
        const climbed = Math.max(0, now - this.climbFrom) / this.window.windowMs;
        return Math.min(ceiling, this.cutShare + CLIMB_PER_WINDOW * climbed);
    }
    /** Where the climb after a 429 ends: a little lower after each, back to 1 over 429-free windows. */
    ceiling(now) {
        if (this.ceilingAtCut >= 1)
            return 1;
        const windows = Math.max(0, now - this.lastCutAt) / this.window.windowMs;
        return Math.min(1, this.ceilingAtCut + CEILING_CLIMB_PER_WINDOW * windows);
    }
    intervalMs(now) {
        return this.window.windowMs / (this.budget * this.share(now));
    }
    /** Until the request `budget` sends ago has left the window (one ms past: clocks tick in whole ms). */
    windowWait(now) {
        if (this.sent.length < this.budget || this.budget > MAX_COUNTED)
            return 0;
        return Math.max(0, this.sent[this.sentHead] + this.window.windowMs + 1 - now);
    }
}
/**
 * The window the pacer counts in. Evenly spaced requests fill a 10 s window and each of its
 * seconds alike, so a limit of 500 per 10 s is paced as 50 per second: the same rate, no burst
 * into a shorter window the server may count in (the stand-in in tests: 100 per 1 s), and the
 * catch-up after a stall stays within a second's spare share. A limit too small for that (50 per
 * 60 s) is paced in its own window.
 */
function pacingWindow(limit) {
    if (limit.windowMs <= 1000)
        return limit;
    const perSecond = (limit.requests * 1000) / limit.windowMs;
    return perSecond >= MIN_REQUESTS_PER_SECOND_WINDOW ? { requests: perSecond, windowMs: 1000 } : limit;
}
/** A second's share is paced on its own from this many requests a second (rounding costs at most 2 %). */
const MIN_REQUESTS_PER_SECOND_WINDOW = 50;
/**
 * Limits above this many requests a window are not WorkOS's (a stand-in raised out of the way):
 * spacing alone paces them, without a log of a million send times.
 */
const MAX_COUNTED = 100_000;
/** Of the limit, what is scheduled: 2 % is left for requests bunched on their way. */
const SHARE = 0.98;
const CATCH_UP_SLOTS = 2;
const CATCH_UP_SHARE = 1 - SHARE;
/** A 429: the rate drops by 5 % for a moment, after a pause of two slots. */
const CUT = 0.95;
const PAUSE_SLOTS = 2;
/** The third cut in a row, each within a window of the last: someone else uses the bucket too. */
const CROWDED_STREAK = 3;
const CROWDED_CUT = 0.8;
/** Never below this share, so a run under a noisy neighbour still moves. */
const MIN_SHARE = 0.1;
/** Back from a cut within a fifth of a window; from a crowded one within a window. */
const CLIMB_PER_WINDOW = 0.25;
/** Each 429 lowers the ceiling by half a percent, to 97 % of the budget at most (95 % of the limit), … */
const CEILING_STEP = 0.005;
const MIN_CEILING = 0.97;
/** …and 20 windows without one bring it back by a percent. */
const CEILING_CLIMB_PER_WINDOW = 0.0005;
/**
 * One bucket's pacer for the whole process: every request of the bucket waits its turn here, in
 * the order it came. A single timer serves the queue, so the pace holds with any number waiting.
 */
class RateLimiter {
    now;
    pacing;
    queue = [];
    queueHead = 0;
    timer;
    closed;
    constructor(limit, now = Date.now) {
        this.now = now;
        this.pacing = new WindowPacing(limit);
    }
    /** Resolves, with the time it was let go, when the caller may send one request. */
    acquire() {
        if (this.closed)
            return Promise.reject(this.closed);
        return new Promise((resolve, reject) => {
            this.queue.push({ resolve, reject });
            if (this.timer === undefined)
                this.pump();
        });
    }
    /** WorkOS answered 429 to the request let go at `sentAt`. */
    rateLimited(sentAt, retryAfterMs) {
        this.pacing.rateLimited(this.now(), sentAt, retryAfterMs);
    }
    /** Requests per second now. */
    currentRate() {
        return this.pacing.ratePerSecond(this.now());
    }
    /** Everyone waiting, and everyone who comes later, gets `error`. */
    close(error) {
        this.closed = error;
        if (this.timer !== undefined)
            clearTimeout(this.timer);
        this.timer = undefined;
        const waiting = this.queue.splice(this.queueHead);
        this.queue.length = 0;
        this.queueHead = 0;
        for (const w of waiting)
            w.reject(error);
    }
    pump() {
        this.timer = undefined;
        while (this.queueHead < this.queue.length) {
            const now = this.now();
            const wait = this.pacing.delay(now);
            if (wait > 0) {
                this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
                return;
            }
            this.pacing.send(now);
            const next = this.queue[this.queueHead];
            this.queue[this.queueHead++] = undefined;
            next.resolve(now);
            // A queue that never empties (a long run at the limit) drops what it served now and then.
            if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
                this.queue.splice(0, this.queueHead);
                this.queueHead = 0;
            }
        }
        this.queue.length = 0;
        this.queueHead = 0;
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./build/workos/paced-fetch.js


/** Weights of a new latency sample: a slower answer counts at once, a faster one only gradually. */
const LATENCY_RISE = 0.3;
const LATENCY_FALL = 0.05;
/**
 * The HTTP layer under the SDK: every request WorkOS gets waits for its bucket's pacer first
 * (the bucket read off its method and path, so a list that pages through 40 pages is paced
 * page by page), and a 429 slows that bucket alone. One per process: all SDK clients of a run
 * share it. The request's timeout starts when it is sent, not while it waits its turn.
 */
class PacedTransport {
    limiters;
    /** 429s that came through here: the caller knows its retry is paced already. */
    rateLimitedAnswers = 0;
    latency;
    lastWriteBucket = 'userManagementWrites';
    send;
    now;
    constructor(limits = {}, options = {}) {
        this.now = options.now ?? Date.now;
        this.send = options.send ?? globalThis.fetch;
        this.latency = options.initialLatencyMs ?? 500;
        const limiters = {};
        for (const bucket of BUCKETS)
            limiters[bucket] = new RateLimiter(limits[bucket] ?? WORKOS_BUCKET_LIMITS[bucket], this.now);
        this.limiters = limiters;
    }
    /** The `fetch` for the SDK (`fetchFn`); `timeoutMs` counts from the moment a request is sent. */
    fetchFor(timeoutMs) {
        return (input, init) => this.paced(input, init, timeoutMs);
    }
    /** Estimate of the time a request takes once sent (its wait for a slot not included). */
    get latencyMs() {
        return this.latency;
    }
    set latencyMs(ms) {
        this.latency = ms;
    }
    /** Writes per second now in the bucket the last write went to (users, then organizations…). */
    writeRate() {
        return this.limiters[this.lastWriteBucket].currentRate();
    }
    /** Every request waiting for a slot, and every later one, fails with `error` (WorkOS is gone). */
    close(error) {
        for (const bucket of BUCKETS)
            this.limiters[bucket].close(error);
    }
    async paced(input, init, timeoutMs) {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        const bucket = bucketOf(method, url.pathname);
        if (bucket !== 'userManagementReads')
            this.lastWriteBucket = bucket;
        const limiter = this.limiters[bucket];
        const sentAt = await limiter.acquire();
        const response = await this.sendWithTimeout(input, init, timeoutMs);
        const sample = this.now() - sentAt;
        this.latency += (sample - this.latency) * (sample > this.latency ? LATENCY_RISE : LATENCY_FALL);
        if (response.status === 429) {
            this.rateLimitedAnswers++;
            limiter.rateLimited(sentAt, retryAfterMs(response.headers.get('Retry-After'), this.now()));
        }
        return response;
    }
    /**
     * Sends, and reads the answer's body, within `timeoutMs`; the answer comes back with its body
     * in memory (WorkOS's answers are a page at most). Its timer is cleared as soon as the body is
     * in: at thousands of requests a second, timers left to run out their minute (AbortSignal.timeout)
     * held tens of megabytes of signals, timers and listeners.
     */
    async sendWithTimeout(input, init, timeoutMs) {
        // Aborted while it waited for its slot: not sent at all.
        init?.signal?.throwIfAborted();
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort(new RequestTimeoutError(timeoutMs));
        }, timeoutMs);
        // The caller's own signal (the SDK's) aborts this request too; its listener goes with the request.
        const outer = init?.signal ?? undefined;
        const abortFromOuter = () => controller.abort(outer?.reason);
        outer?.addEventListener('abort', abortFromOuter, { once: true });
        try {
            const answer = await this.send(input, { ...init, signal: controller.signal });
            const body = BODILESS_STATUSES.has(answer.status) ? null : await answer.arrayBuffer();
            return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
        }
        catch (error) {
            if (timedOut)
                throw new RequestTimeoutError(timeoutMs);
            throw error;
        }
        finally {
            clearTimeout(timer);
            outer?.removeEventListener('abort', abortFromOuter);
        }
    }
}
/** Statuses whose answers have no body (a Response with one refuses to be made). */
const BODILESS_STATUSES = new Set([101, 204, 205, 304]);
/** No answer within the timeout: a 408 like the SDK's own, so it is handled as transient (ambiguous for a create). */
class RequestTimeoutError extends Error {
    status = 408;
    constructor(timeoutMs) {
        super(`Request timeout after ${timeoutMs}ms`);
    }
}
/** `Retry-After` in seconds or as an HTTP date; 1 s when absent or unreadable. */
function retryAfterMs(header, now) {
    if (header === null || header.trim() === '')
        return 1000;
    const seconds = Number(header);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const at = Date.parse(header);
    return Number.isFinite(at) ? Math.max(0, at - now) : 1000;
}

;// CONCATENATED MODULE: ./build/workos/pacing-defaults.js

/**
 * How fast the engine talks to WorkOS when no flag says otherwise: at WorkOS's documented limits.
 *
 * The settings name a limit, not a pace: each bucket's pacer schedules just under the limit it
 * is told (98 %, spaced evenly), so 50 writes/s sends 49 a second, 490 of the 500 a 10 s window
 * allows; the rest absorbs requests bunched on their way. A second client on the same
 * environment is shared with, not fought: a 429 slows the bucket a little and it climbs back
 * within a window.
 *
 * Only the user-management buckets have settings (`--rate-limit`, `--read-rate-limit`); the
 * per-key bucket (organizations, roles, connections) and organization deletes run at WorkOS's
 * documented limits.
 *
 * `concurrency` is only a ceiling: the requests in flight are sized from the measured latency
 * (Little's law), so the limit is reached from 20 ms to 1 s per request.
 */
const DEFAULT_PACING = {
    /** User-management writes per second (`--rate-limit`): WorkOS's 500 per 10 s. */
    rateLimit: 50,
    /** User-management reads per second (`--read-rate-limit`): WorkOS's 1,000 per 10 s. */
    readRateLimit: 100,
    /** The most records in flight at once (`--concurrency`): a ceiling, not the pace. */
    concurrency: 100,
};
/** WorkOS's documented user-management limits, per environment (WorkOS docs, "Rate limits"). */
const WORKOS_LIMITS = {
    writes: WORKOS_BUCKET_LIMITS.userManagementWrites,
    reads: WORKOS_BUCKET_LIMITS.userManagementReads,
};
/**
 * The buckets' limits from the settings: writes and reads per second, counted per second. The
 * same rate as WorkOS's 10 s window, paced so that every second of it holds its share too: a
 * server counting in shorter windows (the stand-in in tests: 100 per 1 s) sees no burst either,
 * and a stall's backlog is caught up by no more than a second's spare 2 %.
 */
function pacingLimits(settings) {
    // Below 50 a second, whole requests a second round off too much (9 of 10 is 0.9): WorkOS's 10 s.
    const perSecond = (requests) => requests >= 50 ? { requests, windowMs: 1000 } : { requests: requests * 10, windowMs: 10_000 };
    return {
        userManagementWrites: perSecond(settings.rateLimit ?? DEFAULT_PACING.rateLimit),
        userManagementReads: perSecond(settings.readRateLimit ?? DEFAULT_PACING.readRateLimit),
    };
}

;// CONCATENATED MODULE: ./build/model/backoff.js
/**
 * "Full jitter" exponential backoff: a random wait under a ceiling that doubles with each
 * attempt, so clients that failed together do not come back in step.
 */
function jitteredBackoff(attempt, backoff, random = Math.random) {
    const ceiling = Math.min(backoff.maxBackoffMs, backoff.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(random() * ceiling);
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
        const { code, message, cause, name } = current;
        if (typeof code === 'string' && code in CONNECTION_CODES)
            return `${CONNECTION_CODES[code]} (${code})`;
        // The paced transport's timeout, when it ends a body that was still arriving.
        if (name === 'TimeoutError')
            return 'no answer in time';
        // Undici's own failure, as opposed to a TypeError from our code.
        if (typeof message === 'string' && /fetch failed|other side closed|socket hang up/.test(message))
            sawFetchFailed = true;
        current = cause;
    }
    return sawFetchFailed ? 'no answer (fetch failed)' : undefined;
}

;// CONCATENATED MODULE: ./build/workos/workos-caller.js





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
/**
 * Every call to WorkOS goes through here: each of its requests paced by its bucket's pacer (the
 * transport under the SDK, `createWorkOS(target, caller.transport)`), a 429 waited out there and
 * the call repeated, transient failures retried with jittered backoff where repeating the request
 * is safe, and a circuit breaker that stops the run when WorkOS is gone.
 */
class WorkOSCaller {
    policy;
    counters = { reads: 0, writes: 0, rateLimited: 0, transient: 0 };
    transport;
    failureStreak = 0;
    failureStreakSince = 0;
    unreachable;
    /**
     * Whoever waits now, told if WorkOS becomes unreachable. Not a race against one promise that
     * never settles: each race would leave its reaction on it for good (a million requests, a
     * million closures and promises held to the end of the run).
     */
    waiting = new Set();
    options;
    /** @param transport the paced HTTP layer the SDK client sends through (one per process). */
    constructor(transport = new PacedTransport(), policy = DEFAULT_RETRY_POLICY, options = {}) {
        this.policy = policy;
        this.options = options;
        this.transport = transport;
        if (options.initialLatencyMs !== undefined)
            transport.latencyMs = options.initialLatencyMs;
    }
    read(request) {
        return this.send('reads', request, true);
    }
    /** A write that is safe to repeat (PUT, DELETE). */
    idempotentWrite(request) {
        return this.send('writes', request, true);
    }
    /** A create: a transient failure becomes an AmbiguousWriteError for the caller to resolve. */
    create(request) {
        return this.send('writes', request, false);
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
        return this.transport.latencyMs;
    }
    /**
     * How many records should be in flight to keep the bucket being written busy (Little's law:
     * rate × time per record, with headroom). A record takes one write and its share of the reads.
     * Pass it to the work queue as `StageLimits.inFlight`; `--concurrency` caps it.
     */
    inFlightTarget() {
        const { reads, writes } = this.counters;
        const requestsPerWrite = 1 + Math.min(3, writes > 0 ? reads / writes : 0);
        const secondsPerRecord = (this.transport.latencyMs / 1000) * requestsPerWrite * IN_FLIGHT_HEADROOM + IN_FLIGHT_SPARE_SECONDS;
        return Math.ceil(this.transport.writeRate() * secondsPerRecord) + 1;
    }
    async send(counter, request, repeatable) {
        let transientAttempts = 0;
        let rateLimitedAttempts = 0;
        for (;;) {
            if (this.unreachable)
                throw this.unreachable;
            const pacedBefore = this.transport.rateLimitedAnswers;
            try {
                // The request waits for its slot inside (the transport), so it is counted when it returns.
                const result = await this.wait(request());
                this.sent(counter);
                this.answered();
                return result;
            }
            catch (error) {
                if (this.unreachable)
                    throw this.unreachable;
                this.sent(counter);
                const failure = classifyWorkOSError(error);
                if (failure.kind === 'internal')
                    throw error;
                if (failure.kind === 'transient')
                    this.failed(failure);
                else
                    this.answered();
                if (failure.kind === 'rate_limited') {
                    this.counters.rateLimited++;
                    // A 429 means the request was not carried out, so repeating it is always safe. Its
                    // bucket's pacer has slowed down and spaces the repeat; a client that does not send
                    // through the transport (none in the engine) waits the answer's Retry-After here.
                    if (this.transport.rateLimitedAnswers === pacedBefore)
                        await this.wait(sleep(failure.retryAfterMs));
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
        return new Promise((resolve, reject) => {
            this.waiting.add(reject);
            promise.then((value) => {
                this.waiting.delete(reject);
                resolve(value);
            }, (error) => {
                this.waiting.delete(reject);
                reject(error);
            });
        });
    }
    /** WorkOS answered (anything but a 5xx): it is reachable. */
    answered() {
        this.failureStreak = 0;
    }
    sent(counter) {
        this.counters[counter]++;
        if (counter === 'writes') {
            const at = Date.now();
            this.counters.lastWriteAt = at;
            this.counters.firstWriteAt ??= at;
        }
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
        // Everyone waiting hears it now (those waiting for a slot too); every later call gets it from `unreachable`.
        for (const reject of this.waiting)
            reject(this.unreachable);
        this.waiting.clear();
        this.transport.close(this.unreachable);
    }
}

;// CONCATENATED MODULE: ./build/plan/factors.js

function emptyFactorPlan() {
    return { factors: [], problems: [] };
}
function planTotpFactors(records, users) {
    const plan = emptyFactorPlan();
    const taken = new Map();
    for (const record of records) {
        const owner = users.ownerOf(record.userSourceId);
        if (owner === undefined)
            continue;
        const first = taken.get(owner);
        if (first) {
            plan.problems.push(secondSecret(record, first));
            continue;
        }
        const factor = {
            userSourceId: owner,
            secret: record.secret,
            digest: totpSecretDigest(record.secret),
            location: record.location,
        };
        taken.set(owner, factor);
        plan.factors.push(factor);
    }
    return plan;
}
/** The digest the journal keeps of a secret. */
function totpSecretDigest(secret) {
    return inputDigest({ totp: secret });
}
function secondSecret(record, first) {
    const merged = first.userSourceId !== record.userSourceId;
    return {
        entity: 'user',
        sourceId: record.userSourceId,
        location: record.location,
        field: record.field,
        code: 'second_totp_secret',
        message: `${merged ? `This user merges into ${first.userSourceId}, which` : 'The user'} already has a TOTP secret (${first.location.file}:${first.location.line}); WorkOS gets that one only. An authenticator set up with this one stops working: tell the user to enroll again.`,
        severity: 'warning',
    };
}
/** Nothing written yet: each factor is to enroll. */
function factorsToEnroll(plan) {
    const n = plan.factors.length;
    return { total: n, enrolled: 0, unchanged: 0, failed: 0, pending: n };
}
/**
 * A dry run without a key: a factor the checkpoint records as enrolled with the same secret is
 * unchanged; the rest would be enrolled.
 */
function factorsFromJournal(plan, journal) {
    const counts = factorsToEnroll(plan);
    for (const factor of plan.factors) {
        const entry = journal?.get('factor', factor.userSourceId);
        if (entry && entry.status !== 'deleted' && entry.input_digest === factor.digest) {
            counts.unchanged++;
            counts.pending--;
        }
    }
    return counts;
}
/**
 * With a key (plan, verify): WorkOS says. A user the diff would create has no factor yet; a user
 * WorkOS holds is asked for its TOTP factors (`hasTotp`: a read each). `pending` is what an
 * import would enroll.
 */
async function factorsInWorkOS(plan, diffUsers, hasTotp, concurrency) {
    const counts = factorsToEnroll(plan);
    if (plan.factors.length === 0)
        return counts;
    const wanted = new Set(plan.factors.map((f) => f.userSourceId));
    const existing = [];
    for (const c of diffUsers)
        if (c.workosId && wanted.has(c.record.sourceId))
            existing.push(c.workosId);
    // The reads are paced by whoever `hasTotp` calls through; this only keeps a few in flight.
    let next = 0;
    const worker = async () => {
        while (next < existing.length) {
            if (await hasTotp(existing[next++])) {
                counts.unchanged++;
                counts.pending--;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, existing.length)) }, worker));
    return counts;
}

;// CONCATENATED MODULE: ./build/plan/memberships.js




// A million memberships as objects (key, roles array, digest, location each) are several hundred
// megabytes; as columns they are about 50 bytes each in memory (the user ids and where they are
// in the export in temporary files, where in memory they took 70 more). Organizations, files and role sets are few:
// each is held once and a membership holds its number. A membership is made an object only when
// it is reached, and let go after.
const NO_COLUMN = -1;
/** The planned memberships, in columns; one per organization and WorkOS user (merged users share one). */
class PlannedMemberships {
    organizationIds = [];
    organizationNumbers = new Map();
    files = [];
    fileNumbers = new Map();
    roleSets = [];
    roleSetNumbers = new Map();
    organizationOf = new NumberColumn(Int32Array);
    userOf = new StringColumn(LOOKUP_CHUNK_BYTES);
    roleSetOf = new NumberColumn(Int32Array);
    fileOf = new NumberColumn(Int32Array);
    lineOf = new NumberColumn(Int32Array);
    columnOf = new NumberColumn(Int32Array);
    /** Where each member's user id is in its record (`members[3].user_id`), or '' (the export's list keeps it for its problems). */
    userFieldOf = new StringColumn(LOOKUP_CHUNK_BYTES);
    /** Absent when the list keeps every membership it is given (the export's, as read). */
    byKey;
    /** `merge: false` keeps every membership added, even a second one of the same organization and user. */
    constructor(options = {}) {
        if (options.merge !== false)
            this.byKey = new KeyIndex((row) => this.keyOf(row));
    }
    /** The planned memberships given, in their order (a test's list, or the ones that pass a check). */
    static of(memberships) {
        const list = new PlannedMemberships();
        for (const m of memberships)
            list.add(m.organizationSourceId, m.userSourceId, m.roles, m.location);
        return list;
    }
    get length() {
        return this.organizationOf.length;
    }
    /**
     * Adds a membership; one the list already has (two source users merged into one) gets the
     * roles of both and keeps its first location.
     */
    add(organizationSourceId, userSourceId, roles, location, userField) {
        const row = this.length;
        const first = this.byKey?.addIfAbsent((0,types/* membershipKey */.UB)(organizationSourceId, userSourceId), row) ?? -1;
        if (first >= 0) {
            const merged = [...this.roleSets[this.roleSetOf.get(first)].roles, ...roles];
            this.roleSetOf.set(first, this.roleSetNumber(merged));
            return;
        }
        this.organizationOf.push(numberOf(organizationSourceId, this.organizationIds, this.organizationNumbers));
        this.userOf.push(userSourceId);
        this.roleSetOf.push(this.roleSetNumber(roles));
        this.fileOf.push(numberOf(location.file, this.files, this.fileNumbers));
        this.lineOf.push(location.line);
        this.columnOf.push(location.column ?? NO_COLUMN);
        this.userFieldOf.push(userField ?? '');
    }
    /** The membership in `row` (0 to length - 1), as a new object. */
    get(row) {
        const organizationSourceId = this.organizationIds[this.organizationOf.get(row)];
        const userSourceId = this.userOf.get(row);
        const { roles, digest } = this.roleSets[this.roleSetOf.get(row)];
        const column = this.columnOf.get(row);
        const location = { file: this.files[this.fileOf.get(row)], line: this.lineOf.get(row) };
        if (column !== NO_COLUMN)
            location.column = column;
        const userField = this.userFieldOf.get(row);
        return {
            sourceId: (0,types/* membershipKey */.UB)(organizationSourceId, userSourceId),
            organizationSourceId,
            userSourceId,
            roles: [...roles],
            digest,
            location,
            ...(userField ? { userField } : {}),
        };
    }
    *[Symbol.iterator]() {
        for (let row = 0; row < this.length; row++)
            yield this.get(row);
    }
    map(each) {
        return Array.from(this, each);
    }
    keyOf(row) {
        return (0,types/* membershipKey */.UB)(this.organizationIds[this.organizationOf.get(row)], this.userOf.get(row));
    }
    roleSetNumber(roles) {
        const sorted = [...new Set(roles)].sort();
        const key = sorted.join('\n');
        let n = this.roleSetNumbers.get(key);
        if (n === undefined) {
            n = this.roleSets.push({ roles: sorted, digest: inputDigest({ roles: sorted }) }) - 1;
            this.roleSetNumbers.set(key, n);
        }
        return n;
    }
}
function numberOf(value, values, numbers) {
    let n = numbers.get(value);
    if (n === undefined) {
        n = values.push(value) - 1;
        numbers.set(value, n);
    }
    return n;
}

;// CONCATENATED MODULE: ./build/model/email-key.js

// A user whose export gives no id (a generic CSV row without external_id) is keyed by its email
// instead: in the plan, the journal and the reports, as a digest, so no address is written there.
// The key is ours, never the customer's: it is not sent to WorkOS as the external id, and such
// a user is found in WorkOS by email.
const EMAIL_KEY_PREFIX = 'email-sha256:';
/** `email-sha256:` and 40 hex digits of the SHA-256 of the lower-cased email. */
function emailKey(email) {
    return `${EMAIL_KEY_PREFIX}${(0,external_node_crypto_.createHash)('sha256').update(email.toLowerCase()).digest('hex').slice(0, 40)}`;
}
/** True for a source id made by `emailKey`: the source had no id for that user. */
function isEmailKey(sourceId) {
    return sourceId.startsWith(EMAIL_KEY_PREFIX);
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

// EXTERNAL MODULE: ./build/model/user-plan.js
var user_plan = __webpack_require__(58723);
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
    lazyPasswords;
    planned = 0;
    /** The counts the summary and the cutover report need, kept as records are added. */
    tally;
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
    constructor(expectedUsers, lazyPasswords = false) {
        this.lazyPasswords = lazyPasswords;
        this.tally = new user_tally/* UserTally */.g3(lazyPasswords);
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
    /** @internal Takes a row planned as a user of its own back out: it is not imported after all. */
    exclude(row) {
        this.tally.add(alone(this.record(row)), -1);
        this.parts.set(row, SKIPPED);
        this.flags.set(row, 0);
        this.planned--;
    }
    /** @internal Turns rows that share an email into one user, kept where the first row was. */
    merge(rows) {
        const records = rows.map((row) => this.record(row));
        for (const record of records)
            this.tally.add(alone(record), -1);
        const merged = mergeGroup(records, this.lazyPasswords);
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
        return mergeGroup([decodeRecord(this.rows.get(row), this.files)], this.lazyPasswords);
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
        this.users = new PlannedUsers(expectedUsers, policies.lazyPasswords === true);
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
            const owners = this.mergeable(rows);
            if (owners.length < 2)
                continue;
            const merged = this.users.merge(owners);
            merges.push({ sourceId: merged.sourceId, mergedSourceIds: merged.mergedSourceIds, location: merged.location });
        }
        return { users: this.users, invalid: this.invalid, merges };
    }
    /**
     * The rows of one email that may become one user. Whoever signed up with an address and
     * never verified it may not own it (Auth0 database sign-ups need no verification by
     * default): merged into the verified owner, that account's password would sign in to the
     * owner's WorkOS user. So an unverified record merges only when nothing in its group is
     * verified (no owner to take over); beside a verified one it is left out, for a person.
     */
    mergeable(rows) {
        const records = rows.map((row) => this.users.record(row));
        const verified = rows.filter((_, i) => records[i].emailVerified);
        if (verified.length === 0 || verified.length === rows.length)
            return rows;
        const pair = {
            verified: records.find((r) => r.emailVerified),
            unverified: records.find((r) => !r.emailVerified),
        };
        const neither = this.policies.unverifiedDuplicates === 'import-neither';
        rows.forEach((row, i) => {
            const record = records[i];
            if (record.emailVerified && !neither)
                return;
            this.users.exclude(row);
            this.invalid.push(mergeConflict(record, pair, neither));
        });
        return neither ? [] : verified;
    }
}
/** Why a record of an email with verified and unverified records (`pair`: one of each) is left out. */
function mergeConflict(record, pair, neither) {
    const { verified: owner, unverified } = pair;
    const message = record.emailVerified
        ? `This verified user shares its email with unverified account ${unverified.sourceId} (${at(unverified)}); policies.unverifiedDuplicates is import-neither, so neither is imported. Find out who owns each account, remove or fix the wrong one in the export, and import again.`
        : `This account's email is not verified, and verified user ${owner.sourceId} (${at(owner)}) has the same email, so it is not merged into that user or imported${neither ? '' : "; the verified user is imported without this account's password"}. It may belong to someone else who signed up with that address: do not give it the verified user's account until the owner confirms it is theirs.`;
    return {
        entity: 'user',
        sourceId: record.sourceId,
        location: record.location,
        field: 'email_verified',
        code: user_plan/* MERGE_UNVERIFIED */.d,
        message,
        severity: 'skip',
    };
}
function at(record) {
    return `${record.location.file}:${record.location.line}`;
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
/**
 * The user with a password keeps the external id (it is the one that can sign in as before).
 * The planner merges only records that are all verified or all unverified, so that one also
 * says whether the email is verified.
 */
function mergeGroup(group, lazyPasswords) {
    const input = userInput(group);
    const user = plannedUser(group, input, '');
    // The user the lazy migration library will move: never one who brings an importable hash.
    if (lazyPasswords && (0,user_tally/* needsPasswordReset */.og)(user))
        input.metadata = { ...input.metadata, [LAZY_METADATA_KEY]: LAZY_PENDING };
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
        // The record that supplies the credential and the external id vouches for the address, no other.
        emailVerified: winner.emailVerified,
        firstName,
        lastName,
        // A key of ours (the source had no id) is never written as the customer's external id.
        ...(isEmailKey(winner.sourceId) ? {} : { externalId: winner.sourceId }),
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
    return (user.mfaFactors.length > 0 ? HAS_MFA : 0) | ((0,user_tally/* needsPasswordReset */.og)(user) ? NEEDS_RESET : 0);
}

;// CONCATENATED MODULE: ./build/plan/organizations.js




/** A membership of a user the policies leave out: skipped with its user, never a failure. */
const USER_SKIPPED = 'user_skipped';
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
        const domains = [...new Set(org.domains.map((d) => d.toLowerCase()))].sort();
        const verified = new Set((org.verifiedDomains ?? []).map((d) => d.toLowerCase()));
        const verifiedDomains = domains.filter((d) => verified.has(d));
        const input = {
            name: org.name,
            externalId: org.sourceId,
            domains,
            ...(verifiedDomains.length > 0 ? { verifiedDomains } : {}),
            metadata: Object.keys(org.metadata).length > 0 ? org.metadata : undefined,
        };
        planned.set(org.sourceId, { sourceId: org.sourceId, input, digest: inputDigest(input), location: org.location });
    }
    const skippedUsers = new Set(users.invalid.map((p) => p.sourceId).filter((id) => id !== undefined));
    // Users left out of a merge for a person to decide: their memberships wait with them.
    const conflicted = new Set(users.invalid.filter((p) => p.code === user_plan/* MERGE_UNVERIFIED */.d).map((p) => p.sourceId));
    // Users left out by policy (blocked, unconfirmed, …): a deliberate skip, and so are their memberships.
    const byPolicy = new Set(users.invalid.filter((p) => p.severity === 'skip').map((p) => p.sourceId));
    const plannedMemberships = new PlannedMemberships();
    for (const m of memberships) {
        const key = (0,types/* membershipKey */.UB)(m.organizationSourceId, m.userSourceId);
        const base = { entity: 'membership', sourceId: key, location: m.location, severity: 'error' };
        // The line may be the organization's: the member's place in it points at the membership itself.
        const userField = m.userField ?? 'user_id';
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
        if (!userSourceId && conflicted.has(m.userSourceId)) {
            invalid.push({
                ...base,
                field: userField,
                code: user_plan/* MERGE_UNVERIFIED */.d,
                message: `User ${m.userSourceId} is not imported until a person decides who owns its email (see that user's merge_unverified problem), so neither is this membership.`,
                severity: 'skip',
            });
            continue;
        }
        if (!userSourceId && byPolicy.has(m.userSourceId)) {
            invalid.push({
                ...base,
                field: userField,
                code: USER_SKIPPED,
                message: `User ${m.userSourceId} is skipped by policy (see that user's problem), so is this membership.`,
                severity: 'skip',
            });
            continue;
        }
        if (!userSourceId) {
            const skipped = skippedUsers.has(m.userSourceId);
            invalid.push({
                ...base,
                field: userField,
                code: skipped ? 'user_not_imported' : 'unknown_user',
                message: skipped
                    ? `User ${m.userSourceId} is not imported (see that user's problem), so neither is this membership.`
                    : `User ${m.userSourceId} is not in the user export. Export that user too, or remove the membership.`,
            });
            continue;
        }
        // Two source users merged into one can both belong to an organization: one membership, all roles.
        plannedMemberships.add(m.organizationSourceId, userSourceId, m.roles, m.location);
    }
    return { organizations: [...planned.values()], memberships: plannedMemberships, invalid };
}
/** Memberships naming a role the WorkOS environment does not have: errors before any write. */
function checkMembershipRoles(memberships, knownRoles) {
    const valid = new PlannedMemberships();
    const invalid = [];
    for (const m of memberships) {
        const unknown = m.roles.filter((r) => !knownRoles.has(r));
        if (unknown.length === 0) {
            valid.add(m.organizationSourceId, m.userSourceId, m.roles, m.location);
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
                message: `Signing in as ${(0,mask/* maskEmail */.vA)(probe.email)} failed (${code}). Check that the user was imported with its password hash.`,
                severity: 'error',
            });
        }
    }
    return { tried: probes.length, succeeded, failed: probes.length - succeeded, problems };
}

;// CONCATENATED MODULE: ./build/model/outcome.js
function emptyOutcomeCounts() {
    const none = () => ({ created: 0, updated: 0, unchanged: 0, failed: 0, pending: 0 });
    return { user: none(), organization: none(), membership: none() };
}

;// CONCATENATED MODULE: ./build/report/outcome-stream.js




/** Failed outcomes kept whole for summary.md and the result (the rest are in errors.jsonl only). */
const FAILURES_KEPT = 1000;
/** About this much text is gathered before each write. */
const outcome_stream_WRITE_BYTES = 1024 * 1024;
/** One report file written as rows come in, a megabyte at a time, under a name that says it is not whole yet. */
class LineSink {
    path;
    fd;
    pending = '';
    constructor(path) {
        this.path = path;
        this.fd = (0,external_node_fs_.openSync)(path, 'w');
    }
    write(text) {
        this.pending += text;
        if (this.pending.length >= outcome_stream_WRITE_BYTES)
            this.flush();
    }
    close() {
        this.flush();
        (0,external_node_fs_.closeSync)(this.fd);
    }
    flush() {
        if (this.pending.length > 0)
            (0,external_node_fs_.writeSync)(this.fd, this.pending);
        this.pending = '';
    }
}
/**
 * How every planned record ended, taken as it happens: counted, its id-map row and (failed) its
 * errors.jsonl line written to a part file in the report directory. At a million users an
 * outcome is never kept past its own record; only the first failures are, for summary.md.
 */
class OutcomeStream {
    includePii;
    counts = emptyOutcomeCounts();
    /** The first FAILURES_KEPT failed outcomes, whole. */
    failures = [];
    failedCount = 0;
    idMap;
    errors;
    merged;
    finished = false;
    /** Without a directory only counts (and the first failures) are kept. */
    constructor(dir, merges, includePii) {
        this.includePii = includePii;
        this.merged = new Map(merges.map((m) => [m.sourceId, m.mergedSourceIds]));
        if (dir === undefined)
            return;
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        this.idMap = new LineSink((0,external_node_path_.join)(dir, 'id-map.csv.part'));
        this.idMap.write(idMapHeader());
        this.errors = new LineSink((0,external_node_path_.join)(dir, 'errors.jsonl.part'));
    }
    add(outcome) {
        if (outcome.entity === 'password')
            return;
        this.counts[outcome.entity][outcome.status]++;
        if (outcome.workosId)
            for (const line of idMapLines(outcome, this.merged))
                this.idMap?.write(line);
        if (outcome.status !== 'failed')
            return;
        this.failedCount++;
        if (this.failures.length < FAILURES_KEPT)
            this.failures.push(outcome);
        this.errors?.write(failureLine(outcome, this.includePii));
    }
    /** Failed outcomes in all (more than `failures` holds when many failed). */
    get failed() {
        return this.failedCount;
    }
    /** The part files, closed: the report writer joins them into id-map.csv and errors.jsonl. */
    finish() {
        if (!this.idMap || !this.errors)
            return undefined;
        if (!this.finished) {
            this.idMap.close();
            this.errors.close();
            this.finished = true;
        }
        return { idMap: this.idMap.path, failures: this.errors.path };
    }
    /** Removes the part files (a run that ends without reports). */
    discard() {
        const parts = this.finish();
        if (parts)
            for (const path of Object.values(parts))
                (0,external_node_fs_.rmSync)(path, { force: true });
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./build/io/limits.js
const DEFAULT_INPUT_LIMITS = Object.freeze({
    decompressedBytes: 16 * 1024 ** 3,
    lineLength: 8 * 1024 ** 2,
    recordLength: 8 * 1024 ** 2,
    depth: 64,
});
/** The config key of each limit, for messages that say how to raise it. */
const LIMIT_KEYS = Object.freeze({
    decompressedBytes: 'limits.decompressedBytes',
    lineLength: 'limits.lineLength',
    recordLength: 'limits.recordLength',
    depth: 'limits.depth',
});
let active = { ...DEFAULT_INPUT_LIMITS };
/** The limits the readers apply. One process runs one migration, so they are set once per run. */
function inputLimits() {
    return active;
}
/** Sets the limits for the readers (missing ones take the default); returns a function that restores the previous ones. */
function setInputLimits(limits = {}) {
    const previous = active;
    active = { ...DEFAULT_INPUT_LIMITS, ...limits };
    return () => {
        active = previous;
    };
}
/** How to raise a limit, for the end of a message. */
function raiseHint(limit) {
    return `raise ${LIMIT_KEYS[limit]} in the config (--config) if the file is genuine`;
}
/**
 * How deeply `value` nests, counting each object or array as one level, without recursion (a
 * record nested 100,000 levels deep must not overflow the stack). Stops counting at `stopAt`.
 */
function nestingDepth(value, stopAt = Number.POSITIVE_INFINITY) {
    let deepest = 0;
    const stack = [[value, 1]];
    while (stack.length > 0) {
        const [item, depth] = stack.pop();
        if (typeof item !== 'object' || item === null)
            continue;
        if (depth > deepest)
            deepest = depth;
        if (deepest > stopAt)
            return deepest;
        for (const child of Array.isArray(item) ? item : Object.values(item)) {
            if (typeof child === 'object' && child !== null)
                stack.push([child, depth + 1]);
        }
    }
    return deepest;
}

;// CONCATENATED MODULE: ./build/io/byte-stream.js







const GZIP_MAGIC = [0x1f, 0x8b];
const READ_AHEAD_BYTES = 1024 * 1024;
const bytesReadListeners = new Set();
/** Read progress (bytes/s, ETA from the file size) without threading a callback through every reader. */
function watchBytesRead(listener) {
    bytesReadListeners.add(listener);
    return () => bytesReadListeners.delete(listener);
}
/** Tells the listeners of a chunk read (here, or by a worker thread on this thread's behalf). */
function reportBytesRead(path, bytes, fileSize) {
    for (const listener of bytesReadListeners)
        listener(path, bytes, fileSize);
}
/**
 * The bytes of an export file, gunzipped when they are gzip. Gzip is recognised by its magic
 * bytes, not by the name: Auth0 export jobs hand out `.json.gz` files that people rename, and
 * a `.gz` that was already unpacked by a browser keeps its name.
 *
 * Every failure, at open time or later while reading, is a `UsageError` naming the file.
 */
async function openByteStream(path, options = {}) {
    let handle;
    try {
        // Checked before opening: opening a FIFO for reading blocks until something writes to it.
        const kind = notRegularFile(await (0,promises_.stat)(path));
        if (kind)
            throw new types/* UsageError */.eb(`${path}: is ${kind}, not a file; name the export file itself (save a stream to a file first).`);
        handle = await (0,promises_.open)(path, 'r');
    }
    catch (error) {
        throw error instanceof types/* UsageError */.eb ? error : openError(path, error);
    }
    let gzip = false;
    let size = 0;
    try {
        const info = await handle.stat();
        size = info.size;
        if (info.isDirectory())
            throw new types/* UsageError */.eb(`${path}: is a directory, not a file; name the export file itself.`);
        if (info.isFile()) {
            if (info.size === 0)
                throw new types/* UsageError */.eb(`${path}: the file is empty; export the data again or check the path.`);
            const magic = Buffer.alloc(GZIP_MAGIC.length);
            const { bytesRead } = await handle.read(magic, 0, magic.length, 0);
            gzip = bytesRead === GZIP_MAGIC.length && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1];
        }
    }
    catch (error) {
        await handle.close();
        throw error instanceof types/* UsageError */.eb ? error : openError(path, error);
    }
    // 64 KB reads (the default): larger buffers and the strings decoded from them (over 128 KB)
    // each get fresh pages, and on a VM touching fresh pages costs more than the extra reads.
    const file = handle.createReadStream({
        start: 0,
        ...(options.chunkBytes ? { highWaterMark: options.chunkBytes } : {}),
    });
    if (bytesReadListeners.size > 0)
        file.on('data', (chunk) => reportBytesRead(path, chunk.length, size));
    // Room for a megabyte of read-ahead: the file (and gunzip) keep working on libuv's threads
    // while the reader parses, instead of starting each 64 KB read only once the last is used.
    const out = new external_node_stream_.PassThrough({ highWaterMark: READ_AHEAD_BYTES });
    // Errors of the inner streams are replaced by one the user can act on; the consumer sees
    // only `out`, and closing it early (a `break` in `for await`) releases the file.
    file.on('error', (error) => out.destroy(readError(path, error)));
    out.on('close', () => file.destroy());
    if (gzip) {
        // Output in 64 KB pieces, not zlib's 16 KB: a quarter of the trips to libuv's threads (each
        // a wake-up, costly on a VM). Not larger: a decoded piece of over 128 KB is a string V8
        // gives fresh pages of its own, and touching fresh pages is what costs most there.
        const gunzip = (0,external_node_zlib_.createGunzip)({ chunkSize: 64 * 1024 });
        gunzip.on('error', (error) => out.destroy(gzipError(path, error)));
        // A few kilobytes of gzip can unpack to terabytes: stop at the limit, not at a full disk or heap.
        const { decompressedBytes } = inputLimits();
        let unpacked = 0;
        gunzip.on('data', (chunk) => {
            unpacked += chunk.length;
            if (unpacked > decompressedBytes && !out.destroyed) {
                out.destroy(new types/* UsageError */.eb(`${path}: the gzip data unpacks to more than ${decompressedBytes} bytes, the limit; ${raiseHint('decompressedBytes')}.`));
            }
        });
        out.on('close', () => gunzip.destroy());
        file.pipe(gunzip).pipe(asUtf8(path, out)).pipe(out);
    }
    else {
        file.pipe(asUtf8(path, out)).pipe(out);
    }
    return out;
}
/**
 * Excel and PowerShell save "Unicode" text as UTF-16 with a byte order mark: that is turned
 * into UTF-8 here, so every reader sees the same text (and the same line numbers). UTF-16
 * without a mark cannot be told apart reliably from binary, so it is named and refused.
 */
function asUtf8(path, out) {
    let decoder;
    let decided = false;
    let head = Buffer.alloc(0);
    const transform = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            if (decided)
                return callback(null, decoder ? Buffer.from(decoder.decode(chunk, { stream: true })) : chunk);
            head = Buffer.concat([head, chunk]);
            if (head.length < 4)
                return callback();
            try {
                decide();
            }
            catch (error) {
                return callback(error);
            }
            callback(null, decoder ? Buffer.from(decoder.decode(head, { stream: true })) : head);
        },
        flush(callback) {
            if (!decided && head.length > 0) {
                try {
                    decide();
                }
                catch (error) {
                    return callback(error);
                }
                return callback(null, decoder ? Buffer.from(decoder.decode(head)) : head);
            }
            if (decoder)
                return callback(null, Buffer.from(decoder.decode()));
            callback();
        },
    });
    transform.on('error', (error) => out.destroy(error instanceof types/* UsageError */.eb ? error : readError(path, error)));
    out.on('close', () => transform.destroy());
    return transform;
    function decide() {
        decided = true;
        if (head[0] === 0xff && head[1] === 0xfe)
            decoder = new external_node_util_.TextDecoder('utf-16le');
        else if (head[0] === 0xfe && head[1] === 0xff)
            decoder = new external_node_util_.TextDecoder('utf-16be');
        else if (head.length >= 4 &&
            ((head[0] !== 0 && head[1] === 0 && head[3] === 0) || (head[0] === 0 && head[2] === 0 && head[1] !== 0))) {
            throw new types/* UsageError */.eb(`${path}: the text is UTF-16 without a byte order mark; save the file as UTF-8 and run again.`);
        }
    }
}
function errorCode(error) {
    return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
function openError(path, error) {
    switch (errorCode(error)) {
        case 'ENOENT':
            return new types/* UsageError */.eb(`${path}: file not found; check the path (relative paths start at the working directory).`);
        case 'EACCES':
        case 'EPERM':
            return new types/* UsageError */.eb(`${path}: permission denied; make the file readable by this user.`);
        case 'EISDIR':
            return new types/* UsageError */.eb(`${path}: is a directory, not a file; name the export file itself.`);
        default:
            return readError(path, error);
    }
}
function readError(path, error) {
    const code = errorCode(error);
    if (code === 'EISDIR')
        return openError(path, error);
    return new types/* UsageError */.eb(`${path}: the file cannot be read (${code ?? 'unknown error'}); check that it is a readable export file.`);
}
function gzipError(path, error) {
    if (error instanceof types/* UsageError */.eb)
        return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new types/* UsageError */.eb(`${path}: the gzip data is corrupt or truncated (${detail}); download or export the file again.`);
}
/**
 * The first `chars` characters of a file as text (gunzipped when it is gzip), to tell formats
 * apart before reading the whole file. A UTF-8 byte order mark is dropped.
 */
async function readTextHead(path, chars = 4096) {
    const stream = await openByteStream(path);
    try {
        stream.setEncoding('utf8');
        let head = '';
        for await (const chunk of stream) {
            head += chunk;
            if (head.length >= chars)
                break;
        }
        return head.replace(/^\uFEFF/, '');
    }
    finally {
        stream.destroy();
    }
}

;// CONCATENATED MODULE: ./build/report/progress.js

/** How often a status line is printed: redrawn often in a terminal, a plain line now and then in CI logs. */
function defaultInterval(log) {
    return log.live ? 500 : 10_000;
}
/**
 * Rate, done/total and ETA of a long phase (writing, reconciling, planning). In a terminal the
 * line is redrawn as a bar; in an Actions log it is a plain line every few seconds (no escape codes).
 */
class ProgressMeter {
    log;
    label;
    total;
    done = 0;
    lastShown = 0;
    startedAt = Date.now();
    intervalMs;
    constructor(log, label, total, intervalMs) {
        this.log = log;
        this.label = label;
        this.total = total;
        this.intervalMs = intervalMs ?? defaultInterval(log);
    }
    tick(count = 1) {
        this.done += count;
        const now = Date.now();
        if (now - this.lastShown >= this.intervalMs || this.done === this.total) {
            this.lastShown = now;
            this.log.progress(this.describe(now));
        }
    }
    describe(now = Date.now()) {
        const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
        const rate = this.done / seconds;
        const left = this.total - this.done;
        const eta = rate > 0 ? formatDuration(left / rate) : '?';
        const share = this.total > 0 ? this.done / this.total : 1;
        const counts = `${this.done}/${this.total} (${Math.floor(share * 100)}%), ${rate.toFixed(1)}/s, ETA ${eta}`;
        return this.log.live ? `${this.label} ${bar(share)} ${counts}` : `${this.label}: ${counts}`;
    }
}
/**
 * Progress of reading the exports: bytes and records per second, and an ETA from the size of the
 * files opened so far (a gzipped file counts its compressed bytes, as its size does).
 */
class ReadProgress {
    log;
    label;
    files = new Map();
    records = 0;
    lastShown = 0;
    startedAt = Date.now();
    intervalMs;
    unwatch;
    /** Starts listening to every export file opened from now on, until `done()`. */
    constructor(log, label = 'Reading', intervalMs) {
        this.log = log;
        this.label = label;
        this.intervalMs = intervalMs ?? defaultInterval(log);
        this.unwatch = watchBytesRead((path, bytes, size) => this.bytes(path, bytes, size));
    }
    /** A record was read (map and validate count it once each). */
    record(count = 1) {
        this.records += count;
        this.maybeShow();
    }
    /** Stops listening and prints the closing line. */
    done() {
        this.unwatch();
        if (this.records > 0 || this.files.size > 0)
            this.log.progress(this.describe());
    }
    describe(now = Date.now()) {
        let read = 0;
        let size = 0;
        for (const f of this.files.values()) {
            read += f.read;
            size += Math.max(f.size, f.read);
        }
        const seconds = Math.max(0.001, (now - this.startedAt) / 1000);
        const bytesPerSecond = read / seconds;
        const share = size > 0 ? read / size : 0;
        const eta = bytesPerSecond > 0 && read < size
            ? formatDuration((size - read) / bytesPerSecond)
            : read >= size && size > 0
                ? '0s'
                : '?';
        const text = `${formatBytes(read)} of ${formatBytes(size)} (${Math.floor(share * 100)}%), ${formatBytes(bytesPerSecond)}/s, ` +
            `${this.records} records (${Math.round(this.records / seconds)}/s), ETA ${eta}`;
        return this.log.live ? `${this.label} ${bar(share)} ${text}` : `${this.label}: ${text}`;
    }
    bytes(path, bytes, size) {
        const file = this.files.get(path) ?? { read: 0, size };
        file.read += bytes;
        this.files.set(path, file);
        this.maybeShow();
    }
    maybeShow() {
        const now = Date.now();
        if (now - this.lastShown < this.intervalMs)
            return;
        // The first line waits one interval: a small export is read before it would be worth showing.
        if (this.lastShown === 0) {
            this.lastShown = now;
            return;
        }
        this.lastShown = now;
        this.log.progress(this.describe(now));
    }
}
const BAR_WIDTH = 24;
/** A plain ASCII bar (no escape codes: the logger decides how a line is redrawn). */
function bar(share) {
    const filled = Math.round(Math.min(1, Math.max(0, share)) * BAR_WIDTH);
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    if (bytes < 1024 ** 2)
        return `${(bytes / 1024).toFixed(1)} KB`;
    if (bytes < 1024 ** 3)
        return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
    return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
function formatDuration(seconds) {
    const s = Math.round(seconds);
    if (s < 60)
        return `${s}s`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
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
        const file = await artifactFile(location, ctx.tempDir, ctx.artifacts);
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
    const kind = notRegularFile(info);
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
    // What needs a person first (drift, failures, removals, what to do next), then the counts,
    // then the export's own problems, which repeat every run, folded away.
    const { urgent, rest } = splitProblems(problems, summary.mode);
    const examples = options.examplesPerCode ?? 5;
    const parts = [
        `## WorkOS migration: ${summary.mode} (${escapeMarkdown(summary.source)})`,
        headline(summary),
        webhooksSection(summary),
        problemSection(urgent, examples, '### Problems that need a look now'),
        removalsLine(summary),
        peopleWork(summary),
        summary.mode === 'rollback' ? rollbackSection(summary) : countsTable(summary),
        rolesLine(summary),
        changesSection(summary),
        foundSection(summary),
        folded(problemSection(rest, examples, ''), `Problems in the export: ${rest.length} (invalid, skipped, warnings)`),
        requestsLine(summary),
    ].filter((p) => p !== '');
    const text = (0,mask.scrubText)(parts.join('\n\n') + '\n');
    const max = options.maxChars;
    if (max === undefined || text.length <= max)
        return text;
    const note = `\n\n${options.truncatedNote ?? '_Cut to fit. The full list is in errors.jsonl in the report artifact._'}\n`;
    return truncateMarkdown(text, max - note.length) + note;
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
                `${sumChanges(c, 'remove') > 0 ? `; ${listed(pick('remove'))} of this migration ${isAre(sumChanges(c, 'remove'))} gone from the export (removed only with --prune)` : ''}.` +
                `${conflicts > 0 ? ` **${conflicts} conflict(s)** need a person (see Problems).` : ''}${notImported}`);
        }
        case 'verify':
            if (s.complete)
                return `**In step.** WorkOS holds every planned record as planned.${notImported}`;
            return verifyHeadline(s);
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
                : `**Rollback incomplete.** Deleted ${listed(d)}; ${s.warnings > 0 ? 'some deletes failed (see Problems)' : 'it stopped before the last delete'}: run rollback --confirm again.`;
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
                // A failed write leaves its record missing or different in the read-back: that is the
                // failure already said, not a change made during the run.
                const unexplained = missing + mismatched - failed;
                if (failed === 0)
                    bits.push(`**Not complete:** read back, WorkOS lacks ${missing} planned record(s) and ${mismatched} differ (changed during the run?); run import again.`);
                else if (unexplained > 0)
                    bits.push(`**Not complete:** read back, ${unexplained} record(s) besides the failed ones are missing or differ in WorkOS (changed during the run?); run import again.`);
            }
            return bits.join(' ') + notImported;
        }
    }
}
/** verify's drift: the counts of the table below it, and for each kind of trouble the step that clears it. */
function verifyHeadline(s) {
    const w = s.workos;
    const missing = w ? w.users.missing + w.organizations.missing + w.memberships.missing : 0;
    const mismatched = w ? w.users.mismatched + w.organizations.mismatched + w.memberships.mismatched : 0;
    const failedLogins = s.logins?.failed ?? 0;
    const parts = [];
    if (missing + mismatched > 0)
        parts.push(`**Drift.** WorkOS lacks ${missing} planned record${missing === 1 ? '' : 's'} and ${mismatched} differ${mismatched === 1 ? 's' : ''} from the export: run import to repair ${missing + mismatched === 1 ? 'it' : 'them'} (see Problems).`);
    if (failedLogins > 0)
        parts.push(`**${failedLogins} test sign-in${failedLogins === 1 ? '' : 's'} failed** (see Problems): check ${failedLogins === 1 ? "that account's" : "those accounts'"} password and sign-in method in WorkOS.`);
    const failed = (0,report_summary/* sumOver */.Ch)(s, 'failed');
    if (parts.length === 0)
        parts.push(`**Not in step.** ${(0,report_summary/* sumOver */.Ch)(s, 'pending') + failed} record(s) need a look (see Problems).`);
    return parts.join(' ');
}
function isAre(n) {
    return n === 1 ? 'is' : 'are';
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
    return `${title}${header}\n${rows.join('\n')}${merged}\n\n${passwordLine(s)}${factorLine(s)}`;
}
/** TOTP factors that move with their secrets, when the export has any. */
function factorLine(s) {
    const f = s.factors;
    if (!f)
        return '';
    const parts = [
        s.mode === 'plan' ? `${f.pending} to enroll` : `${f.enrolled} enrolled`,
        `${f.unchanged} already in WorkOS`,
        ...(s.mode !== 'plan' && f.pending > 0 ? [`${f.pending} pending`] : []),
        ...(f.failed > 0 ? [`${f.failed} failed`] : []),
    ];
    return `\n\nTOTP factors moved with their secrets: ${f.total} (${parts.join(', ')}).`;
}
function passwordLine(s) {
    const pw = s.passwords;
    if (pw.notChecked)
        return 'Passwords: not checked. This run had no password file (--passwords); give it one to check hashes and who needs a reset.';
    const bad = pw.invalid > 0 ? `, **${pw.invalid} invalid password row(s)** (see Problems)` : '';
    return `Passwords: ${passwordParts(s).join(', ')}${bad}.`;
}
/**
 * What the run knows of the export's hashes, in words: "sent in this run" only from an import,
 * "would be sent" only from a dry run with a key, "not sent" only from an import (a read-only
 * check cannot tell a hash never sent from one sent by a run the checkpoint does not record).
 */
function passwordParts(s) {
    const pw = s.passwords;
    const parts = [`${pw.withHash} with a hash`];
    if (s.mode === 'import')
        parts.push(`${pw.sent} sent in this run`);
    if (pw.recordedEarlier > 0)
        parts.push(`${pw.recordedEarlier} recorded as sent earlier`);
    if (pw.keptExisting > 0)
        parts.push(`${pw.keptExisting} kept by users who were in WorkOS before`);
    if (pw.keptSignedIn > 0)
        parts.push(`${pw.keptSignedIn} kept, signed in to WorkOS`);
    if (s.mode === 'plan' && s.changes)
        parts.push(`${pw.notSent} would be sent`);
    else if (s.mode === 'import' && pw.notSent > 0)
        parts.push(`${pw.notSent} not sent yet`);
    parts.push(`${pw.missing} users without a password`, `${pw.unsupported} with a hash WorkOS cannot verify`);
    return parts;
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
    rows.push(...rolesChangeRow(s));
    return `### Would change\n| | Create | Update | Unchanged | Remove | Conflict |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}\n\nEach record and the fields that differ are in changes.jsonl.`;
}
function removalsLine(s) {
    if (!s.removals || s.mode === 'rollback' || s.mode === 'plan')
        return '';
    const total = s.removals.users + s.removals.organizations + s.removals.memberships;
    const why = 'they existed in WorkOS before the migration or this checkpoint did not create them (kept_because in removals.csv)';
    const k = s.removalsKept;
    if (s.deleted)
        return `Pruned: deleted ${listed(s.deleted)} of this migration that the export no longer has.${k ? ` Kept ${listed(k)}: ${why}.` : ''}`;
    const kept = k ? ` Prune never deletes ${listed(k)} of them: ${why}.` : '';
    if (total === 0)
        return '';
    return `**Removals:** ${listed(s.removals)} of this migration ${isAre(total)} in WorkOS but no longer in the export (removals.csv). ${total === 1 ? 'It keeps' : 'They keep'} access until an import with --prune (prune: true) deletes ${total === 1 ? 'it' : 'them'}.${kept}`;
}
function rollbackSection(s) {
    const planned = s.removals ?? { users: 0, organizations: 0, memberships: 0 };
    const d = s.deleted;
    const rows = ENTITY_ROWS.map(([label, key]) => `| ${label} | ${planned[key]} | ${d ? d[key] : 0} |`);
    const factors = d?.factors
        ? `\n\nTOTP factors the migration enrolled, deleted now: ${d.factors} (also on users that stay).`
        : '';
    return `| | Created by the migration | Deleted now |\n|---|---:|---:|\n${rows.join('\n')}${factors}\n\nUsers that were in WorkOS before the migration are never deleted; fields the migration updated are not reverted (rollback.csv lists both).`;
}
function peopleWork(s) {
    const lines = [];
    const mfa = Object.entries(s.mfa).filter(([, n]) => (n ?? 0) > 0);
    if (mfa.length > 0) {
        lines.push(`- **Re-enroll MFA**: ${mfa.map(([f, n]) => `${n} ${escapeMarkdown(f)}`).join(', ')}. These factors cannot move (TOTP moves only with a valid secret); these users set MFA up again (reenroll.csv).`);
    }
    const statuses = Object.entries(s.sourceStatuses ?? {});
    if (statuses.length > 0) {
        lines.push(`- **Source statuses**: ${statuses.map(([status, n]) => `${n} ${escapeMarkdown(status)}`).join(', ')}. Each is named in errors.jsonl with what it means.`);
    }
    const social = Object.entries(s.social);
    if (social.length > 0) {
        lines.push(`- **Social sign-in**: ${social.map(([p, n]) => `${n} ${escapeMarkdown(p)}`).join(', ')}. Configure these providers in WorkOS; users link by email on first sign-in.`);
    }
    const conflicts = s.users.mergeConflicts ?? 0;
    if (conflicts > 0) {
        lines.push(`- **Merge conflicts**: ${conflicts} source user(s) are not imported because an unverified account shares its email with a verified user (errors.jsonl, code \`merge_unverified\`). The unverified account may belong to someone else: confirm who owns the email before giving that account access.`);
    }
    if (s.passwords.reset > 0) {
        lines.push(`- **Password reset**: ${s.passwords.reset} user(s) arrive without a password WorkOS can verify and have no social or enterprise sign-in: send them a password reset or Magic Auth (password-reset.csv).`);
    }
    if (s.lazy) {
        lines.push(`- **Lazy migration**: ${s.lazy.moved} user(s) moved their password at a first sign-in, ${s.lazy.pending} still pending (keep the old provider up until they have moved, or send them a reset or Magic Auth).`);
    }
    return lines.length > 0 ? `### Needs people\n${lines.join('\n')}` : '';
}
/** Problems about WorkOS or this run's writes: drift, failed writes, failed sign-ins, conflicts. */
const URGENT_CODES = new Set([
    'missing_in_workos',
    'mismatch',
    'email_conflict',
    'login_failed',
    'email_held_by_other',
]);
function splitProblems(problems, mode) {
    const urgent = [];
    const rest = [];
    // A rollback reads no export: its only problems are deletes that failed.
    for (const p of problems)
        (mode === 'rollback' || p.failed === true || URGENT_CODES.has(p.code) ? urgent : rest).push(p);
    return { urgent, rest };
}
/** A long section behind a `<details>` fold (GitHub renders markdown inside it after a blank line). */
function folded(section, summary) {
    if (section === '')
        return '';
    return `<details><summary>${escapeMarkdown(summary)}</summary>\n\n${section}\n\n</details>`;
}
function problemSection(problems, examplesPerCode, heading = '### Problems') {
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
        const lines = identicalLines(group);
        const examples = lines
            .slice(0, examplesPerCode)
            .map(({ text, count }) => `  - ${text}${count > 1 ? ` (×${count})` : ''}`);
        const rest = lines.slice(examplesPerCode).reduce((n, l) => n + l.count, 0);
        const more = rest > 0 ? [`  - … and ${rest} more`] : [];
        return [title, ...examples, ...more].join('\n');
    });
    return heading === '' ? sections.join('\n') : `${heading}\n${sections.join('\n')}`;
}
/**
 * The example lines of one problem code: where, whose (the source id, as the journal writes it:
 * a digest when it holds an email) and what; identical lines once, with their count.
 */
function identicalLines(group) {
    const lines = new Map();
    for (const p of group) {
        const who = p.sourceId !== undefined ? ` (${journalSourceId(p.sourceId)})` : '';
        const text = `${escapeMarkdown(where(p) + who)}: ${escapeMarkdown(truncate((0,mask/* scrubValue */.HJ)(p.message), 300))}`;
        lines.set(text, (lines.get(text) ?? 0) + 1);
    }
    return [...lines].map(([text, count]) => ({ text, count }));
}
/** Inside backticks markdown escapes are shown literally: keep the text, drop what could end the span. */
function codeSpan(text) {
    return `\`${(0,mask/* scrubValue */.HJ)(text).replace(/`/g, '')}\``;
}
function where(p) {
    const column = p.location.column ? `:${p.location.column}` : '';
    const field = p.field ? ` ${p.field}` : '';
    // A problem about WorkOS itself (line 0) has no line to point at.
    return `${p.location.file}${p.location.line > 0 ? `:${p.location.line}` : ''}${column}${field}`;
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

// EXTERNAL MODULE: ./build/model/lookup.js
var lookup = __webpack_require__(70722);
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
    const picked = (0,lookup/* emptyRecord */.F)();
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
/**
 * A Clerk permission key (`org:invoices:create`, `org:sys_memberships:manage`) as a WorkOS
 * permission slug: without `org:`, then as permissionSlug.
 */
function clerkPermissionSlug(key) {
    const trimmed = key.trim();
    return permissionSlug(trimmed.startsWith('org:') ? trimmed.slice('org:'.length) : trimmed);
}
/**
 * A source permission (Auth0 `read:invoices`) as a WorkOS permission slug: lower-cased, every
 * run of characters WorkOS refuses (it takes letters, digits, `-`, `_`, `:`, `.` and `*`)
 * turned into `-`. Undefined when nothing is left.
 */
function permissionSlug(key) {
    const slug = key
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9\-_:.*]+/g, '-');
    return slug === '' ? undefined : slug;
}
/**
 * A role's display name when the source gives none (a Clerk membership without `role_name`,
 * a CSV `role_slugs` entry): the key's words capitalized (`billing_manager` → `Billing Manager`).
 */
function roleNameFromKey(key) {
    const bare = key.startsWith('org:') ? key.slice('org:'.length) : key;
    return bare
        .split(/[\s_\-:]+/)
        .filter((w) => w !== '')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ');
}

// EXTERNAL MODULE: ./build/model/problems.js
var model_problems = __webpack_require__(20076);
;// CONCATENATED MODULE: ./build/io/export-shape.js
// Which export a file looks like, from its CSV header or its first JSON record: when a file is
// given as one source (or one file kind) and looks like another, the run stops with a sentence
// that names the flag to use, instead of dropping columns or failing every record.
const has = (names, ...columns) => columns.every((c) => names.has(c));
/** The export a CSV header belongs to, when it is one of the known ones. */
function csvHeaderShape(columns) {
    const names = new Set(columns.map((c) => c.trim().toLowerCase()));
    if (has(names, 'encrypted_password') || has(names, 'raw_user_meta_data') || has(names, 'email_confirmed_at', 'aud'))
        return { source: 'supabase', kind: 'users', what: "a dump of Supabase's auth.users" };
    if (has(names, 'primary_email_address') ||
        has(names, 'verified_email_addresses') ||
        has(names, 'id', 'email_addresses', 'password_hasher'))
        return { source: 'clerk', kind: 'users', what: "Clerk's dashboard user export" };
    if (has(names, 'password_hash_type') || has(names, 'org_external_id'))
        return { source: 'csv', kind: 'users', what: "the WorkOS migrations CLI's CSV" };
    return undefined;
}
/** The export a JSON record belongs to (the first of the file), when it is one of the known ones. */
function jsonRecordShape(record) {
    if (typeof record !== 'object' || record === null || Array.isArray(record))
        return undefined;
    const r = record;
    const is = (key) => r[key] !== undefined && r[key] !== null;
    if (is('passwordHash') && !is('user_id') && !is('localId') && (is('_id') || is('tenant') || is('_ID')))
        return { source: 'auth0', kind: 'passwords', what: "Auth0's password-hash export" };
    if (is('user_id') && (is('identities') || is('email')))
        return { source: 'auth0', kind: 'users', what: 'an Auth0 user export' };
    if (is('localId'))
        return { source: 'firebase', kind: 'users', what: 'a Firebase auth:export' };
    if (is('Username') && (is('Attributes') || is('UserAttributes')))
        return { source: 'cognito', kind: 'users', what: 'AWS Cognito list-users output' };
    if (is('aud') && (is('encrypted_password') || is('raw_user_meta_data') || is('raw_app_meta_data')))
        return { source: 'supabase', kind: 'users', what: "Supabase's auth.users" };
    if (typeof r.id === 'string' && r.id.startsWith('user_') && (is('email_addresses') || is('primary_email_address_id')))
        return { source: 'clerk', kind: 'users', what: 'a Clerk user export' };
    return undefined;
}
/** The export a top-level object is, from the key that holds its records (`Users`: Cognito's list-users). */
function wrapperShape(keys) {
    if (keys.includes('Users'))
        return { source: 'cognito', kind: 'users', what: 'AWS Cognito list-users output' };
    return undefined;
}
/**
 * The sentence for a file given as `given` (source, and file kind) that looks like `shape`, or
 * undefined when it is what it was given as.
 */
function misplacedExport(path, given, shape) {
    if (!shape || (shape.source === given.source && shape.kind === given.kind))
        return undefined;
    if (shape.source === given.source && shape.kind === 'passwords')
        return `${path}: this is ${shape.what}, not its user export; give it as --passwords FILE and the user export as --users FILE.`;
    const flag = shape.kind === 'passwords' ? '--passwords' : '--users';
    return `${path}: this looks like ${shape.what}, not a ${given.source} export; run with --source ${shape.source} (${flag} ${path}).`;
}

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
    const { depth } = inputLimits();
    // Mapping walks records (metadata maps, digests); a record nested past the limit is refused here, whole.
    if (!fewerOpeningBrackets(text, depth) && nestingDepth(value, depth) > depth) {
        return {
            ok: false,
            line: start.line,
            message: `The record is nested more than ${depth} levels deep; ${raiseHint('depth')}.`,
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
/** The longest value of a wrapper's other fields that is kept (pagination tokens run to a few hundred). */
const MAX_KEPT_VALUE = 4096;
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
    onWrapperEnd;
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
    maxLength = inputLimits().recordLength;
    elementLine = 0;
    elementColumn = 0;
    key = '';
    objectLine = 0;
    foundArray = false;
    keyMissing = false;
    missingArrayAt;
    /**
     * The other keys of the wrapper object being read (a page's `PaginationToken`, `total`), each
     * with its value's JSON text when that is short (a number, a token), else ''.
     */
    objectFields = new Map();
    /** The text of the skipped value being read, while it is short enough to keep; undefined past that. */
    skippedText;
    /**
     * `onWrapperEnd` sees the other fields of each wrapper object as it closes: a reader tells
     * from them whether a page says more pages follow.
     */
    constructor(arrayKey, onWrapperEnd) {
        this.arrayKey = arrayKey;
        this.onWrapperEnd = onWrapperEnd;
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
    /** The top-level keys of the object `objectWithoutArray` points at, to say what it is instead. */
    get keysWithoutArray() {
        return [...this.objectFields.keys()];
    }
    /** True once the input ended its structure, or broke it beyond recovery. */
    get stopped() {
        return this.state === 'stopped';
    }
    push(chunk) {
        const out = [];
        let captureFrom = this.state === 'element' || this.state === 'object-key' ? 0 : -1;
        let skipFrom = this.state === 'object-skip-value' ? 0 : -1;
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
                        this.keepSkipped(chunk.slice(skipFrom, i));
                        skipFrom = -1;
                        this.objectFields.set(this.key, this.skippedText?.trim() ?? '');
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
                    this.skippedText = '';
                    skipFrom = i;
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
        if (skipFrom >= 0 && this.state === 'object-skip-value')
            this.keepSkipped(chunk.slice(skipFrom));
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
        this.objectFields = new Map();
    }
    /** Keeps text of a skipped value up to a short length: enough for a count or a token. */
    keepSkipped(part) {
        if (this.skippedText === undefined)
            return;
        this.skippedText = this.skippedText.length + part.length > MAX_KEPT_VALUE ? undefined : this.skippedText + part;
    }
    objectEnded(_out) {
        if (this.foundArray) {
            this.onWrapperEnd?.(this.objectFields);
            return;
        }
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
                message: `The element has ${length} characters, more than the limit of ${this.maxLength}; ${raiseHint('recordLength')}.`,
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
    const stream = await openByteStream(path, options);
    try {
        stream.setEncoding('utf8');
        const chunks = stream[Symbol.asyncIterator]();
        const head = await json_records_readHead(chunks);
        const first = head.trimStart().charAt(0);
        if (first === '')
            throw new types/* UsageError */.eb(`${path}: the file holds no records, only blank space; export the data again or check the path.`);
        if (first === '[' || (first === '{' && options.arrayKey !== undefined)) {
            const scanner = new JsonElementScanner(options.arrayKey, options.onWrapperEnd);
            yield* scanElements(scanner, prepend(head, chunks));
            if (scanner.objectWithoutArray !== undefined) {
                // One pretty-printed record is not an export, whichever source: the same answer as for NDJSON below.
                const shape = wrapperShape(scanner.keysWithoutArray);
                throw new types/* UsageError */.eb(shape
                    ? `${path}: this looks like ${shape.what}, not what was asked for (its records are not under "${options.arrayKey}"); run with --source ${shape.source}.`
                    : `${path}: line ${scanner.objectWithoutArray}: the object that starts here has no "${options.arrayKey}" array; give the array, or one object per line (NDJSON).`);
            }
            if (!scanner.isNdjson)
                return;
            // The first object was an ordinary one-line record without the key: plain NDJSON.
            stream.destroy();
            yield* readNdjson(path, await openByteStream(path, options));
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
    const { lineLength } = inputLimits();
    for await (const lines of splitLineBatches(chunks, lineLength)) {
        const batch = [];
        for (const { text, line, tooLong } of lines) {
            if (tooLong !== undefined) {
                first = false;
                batch.push({
                    ok: false,
                    line,
                    message: `The line has ${tooLong} characters, more than the limit of ${lineLength}; ${raiseHint('lineLength')}.`,
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

;// CONCATENATED MODULE: ./build/sources/json-objects.js



/**
 * The objects of a JSON file (an array, NDJSON, or objects wrapping the array under
 * `options.arrayKey`), with a problem in their place for each record that is not JSON or not an object.
 */
async function* readJsonObjects(path, entity, options = {}) {
    let firstObject = options.firstObject;
    for await (const record of readJsonRecords(path, options)) {
        const item = jsonObjectOf(record, path, entity);
        if (firstObject && item.kind === 'object') {
            firstObject(item.raw);
            firstObject = undefined;
        }
        yield item;
    }
}
/** One record of a JSON file as the object it must be, or the problem that takes its place. */
function jsonObjectOf(record, path, entity) {
    const location = { file: path, line: record.line };
    if (!record.ok) {
        const at = record.column !== undefined ? { ...location, column: record.column } : location;
        return { kind: 'problem', problem: (0,model_problems/* recordError */.Eq)(entity, at, undefined, 'invalid_json', record.message) };
    }
    const value = record.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        const noun = entity === 'password' ? 'password row' : entity;
        const message = `Each ${noun} must be a JSON object; this record is ${(0,validate/* describeType */.MF)(value)}.`;
        return { kind: 'problem', problem: (0,model_problems/* recordError */.Eq)(entity, location, undefined, 'invalid_record', message) };
    }
    return { kind: 'object', raw: value, location };
}

;// CONCATENATED MODULE: ./build/sources/organization-files.js



// Organization files, the same for every source: reading their objects, and reporting an
// organization or a member that cannot be imported (each counted once, with its line).
const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
function organizationProblem(location, sourceId, code, message, field) {
    return { kind: 'problem', problem: (0,model_problems/* recordError */.Eq)('organization', location, sourceId, code, message, field) };
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
/** The organization's error, then one error for each of its members: none can be imported. */
function* invalidOrganization(location, sourceId, code, message, field, members, list) {
    yield organizationProblem(location, sourceId, code, message, field);
    for (const [i, entry] of members.entries()) {
        yield membershipProblem(location, sourceId, list.userIdOf(entry), 'organization_not_imported', `The ${list.noun} belongs to an organization that is not imported (see that organization's problem).`, `${list.field}[${i}]`);
    }
}
/**
 * The organization objects of a JSON file (an array, NDJSON, or an object wrapping the array
 * under `arrayKey`), with a problem in their place for each line that is not JSON or not an object.
 */
async function* readOrganizationObjects(path, arrayKey) {
    for await (const item of readJsonObjects(path, 'organization', { arrayKey })) {
        if (item.kind !== 'object') {
            yield item;
            continue;
        }
        const id = typeof item.raw.id === 'string' && item.raw.id.trim() ? item.raw.id.trim() : undefined;
        yield id ? { ...item, id } : item;
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
    // A role's permissions, when exported (GET /api/v2/roles/{id}/permissions): names or objects.
    roles: schemas/* array */.YOg(schemas/* union */.KCZ([
        schemas/* string */.YjP(),
        schemas/* looseObject */._H3({
            id: organizations_text,
            name: organizations_text,
            permissions: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* looseObject */._H3({ permission_name: organizations_text })])).nullish(),
        }),
    ]))
        .nullish(),
});
const AUTH0_MEMBERS = {
    field: 'members',
    noun: 'member',
    userIdOf: (entry) => {
        const parsed = Auth0MemberSchema.safeParse(entry);
        return parsed.success ? parsed.data.user_id?.trim() || undefined : undefined;
    },
};
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
            const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], raw, FIELD_EXPECTATIONS);
            yield* invalidOrganization(location, id, 'invalid_field_type', message, field, Array.isArray(raw.members) ? raw.members : [], AUTH0_MEMBERS);
            continue;
        }
        const org = parsed.data;
        const members = org.members ?? [];
        if (!id) {
            yield* invalidOrganization(location, undefined, 'missing_organization_id', 'The organization has no id; it becomes the WorkOS external id, so it is required.', 'id', members, AUTH0_MEMBERS);
            continue;
        }
        const slug = org.name?.trim();
        const name = org.display_name?.trim() || slug;
        if (!name) {
            yield* invalidOrganization(location, id, 'missing_name', 'The organization has neither display_name nor name; WorkOS requires a name.', 'display_name', members, AUTH0_MEMBERS);
            continue;
        }
        const domains = metadataDomains(org.metadata?.domains);
        if (!domains.ok) {
            yield* invalidOrganization(location, id, 'invalid_domain', domains.message, 'metadata.domains', members, AUTH0_MEMBERS);
            continue;
        }
        const metadata = (0,validate/* checkMetadata */.sI)({
            ...(slug ? { auth0_name: slug } : {}),
            ...pickMetadataFields(raw, config.metadata.organizations),
        });
        if (!metadata.ok) {
            yield* invalidOrganization(location, id, metadata.code, metadata.message, metadata.field, members, AUTH0_MEMBERS);
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
            membershipProblem(location, organizationSourceId, undefined, 'invalid_membership', `The member must be an object with a user_id and optional roles; this one is ${(0,validate/* describeType */.MF)(entry)} or has a field of the wrong type.`, field),
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
    const roleDetails = [];
    for (const [r, role] of (parsed.data.roles ?? []).entries()) {
        const source = typeof role === 'string'
            ? { name: role }
            : { ...(role.id ? { id: role.id } : {}), ...(role.name ? { name: role.name } : {}) };
        const mapped = mapAuth0Role(source, config);
        if (mapped.slug !== undefined) {
            roles.add(mapped.slug);
            const permissions = typeof role === 'string' ? [] : (role.permissions ?? []);
            roleDetails.push({
                slug: mapped.slug,
                name: source.name?.trim() || mapped.slug,
                permissions: [
                    ...new Set(permissions
                        .map((p) => permissionSlug(typeof p === 'string' ? p : (p.permission_name ?? '')))
                        .filter((p) => p !== undefined)),
                ].sort(),
            });
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
    const record = {
        organizationSourceId,
        userSourceId,
        roles: [...roles],
        ...(roleDetails.length > 0 ? { roleDetails } : {}),
        location,
        userField: `${field}.user_id`,
    };
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
            message: `metadata.domains must be an array of domain names or one comma-separated string, not ${(0,validate/* describeType */.MF)(value)}.`,
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

;// CONCATENATED MODULE: ./build/sources/user-items.js



// What the Firebase, Cognito, Supabase and CSV user readers share: reporting a user that cannot
// be imported, splitting a display name, and reading the loosely typed values exports write.
/**
 * Stops the run when the first record of a JSON user file looks like another source's export
 * or another kind of file (Auth0's password file given as --users), naming the flag to use.
 */
function checkFirstRecord(path, source, raw) {
    const message = misplacedExport(path, { source, kind: 'users' }, jsonRecordShape(raw));
    if (message)
        throw new types/* UsageError */.eb(message);
}
/** A user that is not imported, as an item. */
function userProblem(location, sourceId, code, message, field) {
    return { kind: 'problem', problem: (0,model_problems/* recordError */.Eq)('user', location, sourceId, code, message, field) };
}
/** A CSV row the reader could not split into the header's columns, as the user it held: not imported. */
function badCsvRow(path, row) {
    const location = {
        file: path,
        line: row.line,
        ...(row.column !== undefined ? { column: row.column } : {}),
    };
    return userProblem(location, undefined, 'invalid_csv_row', row.message);
}
/** Where a field of a record is: its column too when the record is a CSV row whose header names it. */
function fieldAt(location, columnOf, field) {
    const column = columnOf(field);
    return column === undefined ? location : { ...location, column };
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
    const value = (0,lookup/* emptyRecord */.F)();
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
    const canonical = (0,lookup/* ownValue */.e)(LEGACY_ALIASES, lower) ?? lower.replace(/ /g, '_');
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

;// CONCATENATED MODULE: ./build/sources/auth0/map-user.js




/**
 * One Auth0 user as a canonical record: password not joined yet (`passwordGap: 'missing'`),
 * metadata empty until a metadata map picks fields (personal data stays out by default).
 */
function mapAuth0User(raw, location) {
    const read = readAuth0User(raw, location);
    if (!read.ok)
        return read;
    const { user, originalKeys } = read;
    const label = (field) => originalKeys.get(field) ?? field;
    const userId = user.user_id?.trim();
    if (!userId) {
        return problem(location, undefined, 'missing_user_id', `The user has no ${label('user_id')}; it becomes the WorkOS external id, so it is required.`, label('user_id'));
    }
    const email = (0,validate/* normalizeEmail */.e0)(user.email);
    if (!email.ok)
        return problem(location, userId, email.code, email.message, label('email'));
    const record = {
        sourceId: userId,
        email: email.email,
        emailVerified: user.email_verified ?? false,
        ...names(user, email.email),
        passwordGap: 'missing',
        metadata: {},
        mfaFactors: mergeFactors(mfaFactors(user.multifactor), guardianFactors(user.guardian_authenticators)),
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
    const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], value, AUTH0_FIELD_EXPECTATIONS, originalKeys);
    const sourceIdGuess = typeof value.user_id === 'string' ? value.user_id : undefined;
    return {
        ok: false,
        problem: (0,model_problems/* recordError */.Eq)('user', location, sourceIdGuess, 'invalid_field_type', message, field),
    };
}
function problem(location, sourceId, code, message, field) {
    return { ok: false, problem: (0,model_problems/* recordError */.Eq)('user', location, sourceId, code, message, field) };
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
    authenticator: 'totp',
    otp: 'totp',
    totp: 'totp',
    guardian: 'push',
    'push-notification': 'push',
    email: 'email',
    'webauthn-roaming': 'webauthn',
    passkey: 'webauthn',
    'webauthn-platform': 'webauthn',
};
function mfaFactors(multifactor) {
    if (multifactor === undefined || multifactor === null)
        return [];
    const names = typeof multifactor === 'string' ? [multifactor] : multifactor;
    const factors = names.map((name) => (0,lookup/* ownValue */.e)(MFA_FACTORS, name.trim().toLowerCase()) ?? 'other');
    return [...new Set(factors)];
}
/**
 * Enrolled authenticators as the Management API lists them (`guardian_authenticators`, or the
 * `enrollments`/`authentication-methods` entries people save into a user): `{type, confirmed}`,
 * older ones `{auth_method}`. Unconfirmed enrollments and non-factors (recovery codes, the
 * password itself) are not factors to re-enroll. Anything unreadable is none.
 */
function guardianFactors(value) {
    if (!Array.isArray(value))
        return [];
    const factors = [];
    for (const entry of value) {
        if (typeof entry !== 'object' || entry === null)
            continue;
        const { type, auth_method: method, confirmed } = entry;
        const name = typeof type === 'string' ? type : typeof method === 'string' ? method : undefined;
        if (name === undefined || confirmed === false || confirmed === 'false')
            continue;
        const key = name.trim().toLowerCase();
        if (NOT_FACTORS.has(key))
            continue;
        addOnce(factors, (0,lookup/* ownValue */.e)(MFA_FACTORS, key) ?? 'other');
    }
    return factors;
}
const NOT_FACTORS = new Set(['recovery-code', 'password', 'email-verification']);
function mergeFactors(a, b) {
    const all = [...a];
    for (const factor of b)
        addOnce(all, factor);
    return all;
}
/** Strategies whose user ids mark a social login even when the export has no `identities`. */
const SOCIAL_PREFIXES = ['google-oauth2', 'github', 'facebook', 'apple', 'windowslive', 'linkedin', 'twitter'];
/** Identity providers that are not a social sign-in: Auth0's own database and passwordless. */
const NOT_SOCIAL_PROVIDERS = new Set(['auth0', 'email', 'sms']);
/**
 * Social providers from `identities[]`: `isSocial` when the export writes it; the Management
 * API's user profile leaves it out of linked identities, so then the provider decides (any that
 * is neither Auth0's own database or passwordless nor an enterprise strategy).
 */
function socialProviders(user, userId) {
    const providers = [];
    for (const identity of user.identities ?? []) {
        const provider = identity.provider?.trim();
        if (!provider)
            continue;
        const social = identity.isSocial ??
            (!NOT_SOCIAL_PROVIDERS.has(provider.toLowerCase()) &&
                !AUTH0_ENTERPRISE_STRATEGIES.includes(provider.toLowerCase()));
        if (social)
            addOnce(providers, provider);
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
    const fields = (0,lookup/* emptyRecord */.F)();
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















/** What a password row's field must hold, for messages about a wrong type (the rest are text). */
const PASSWORD_ROW_EXPECTATIONS = {
    _id: 'a string or {"$oid": "…"}',
    password_set_date: 'a date (text, a number or {"$date": …})',
};
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
    /** 1 when the row says its account's email is not verified. */
    unverified;
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
        this.unverified = parts ? NumberColumn.fromParts(Uint8Array, parts.unverified) : new NumberColumn(Uint8Array);
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
            unverified: this.unverified.toParts(),
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
        this.unverified.push(row.unverified ? 1 : 0);
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
            const unjoined = this.emailIndex()
                .rows(query.email.toLowerCase())
                .filter((r) => this.settled.get(r) === 0);
            // The hash of an account that never verified this email (a sign-up with someone else's
            // address) must not become a verified user's password: it stays for its own account.
            const candidates = query.emailVerified ? unjoined.filter((r) => this.unverified.get(r) === 0) : unjoined;
            for (const r of unjoined)
                if (!candidates.includes(r))
                    problems.push(this.unverifiedRowWarning(query.userId, r));
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
    unverifiedRowWarning(userId, row) {
        return {
            entity: 'password',
            sourceId: userId,
            location: { file: this.file, line: this.lines.get(row) },
            field: 'email_verified',
            code: 'password_row_unverified',
            message: "This password row has the verified user's email but says email_verified false: it may be someone else's sign-up with that address, so it is not joined to the verified user by email.",
            severity: 'warning',
        };
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
    const index = new Auth0PasswordIndex(path, estimatedRecords(path, 250));
    const problems = [];
    const report = (line, code, message, extra = {}) => problems.push({ entity: 'password', location: { file: path, line }, code, message, severity: 'error', ...extra });
    for await (const item of readJsonRecords(path)) {
        const object = jsonObjectOf(item, path, 'password');
        if (object.kind !== 'object') {
            if (object.kind === 'problem')
                problems.push(object.problem);
            continue;
        }
        const parsed = parseAuth0PasswordRow(normalizePasswordRowKeys(object.raw));
        if (!parsed.success) {
            const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], object.raw, PASSWORD_ROW_EXPECTATIONS);
            report(item.line, 'invalid_field_type', message, { field });
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
            unverified: row.email_verified === false || row.email_verified === 'false',
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
    if (script === undefined || contentBytes(path) < WORKER_MIN_BYTES)
        return tracked(loadAuth0Passwords(path), () => { });
    const input = { path, limits: { ...inputLimits() } };
    const worker = new external_node_worker_threads_.Worker(script, { workerData: input });
    const result = new Promise((resolve, reject) => {
        worker.on('message', (message) => {
            if (message.kind === 'read')
                reportBytesRead(message.file, message.bytes, message.size);
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
        const pages = new ApiPages();
        let first = true;
        // `users`: a Management API page (`GET /api/v2/users?include_totals=true`) holds them there.
        for await (const batch of readJsonRecordBatches(file, { arrayKey: 'users', onWrapperEnd: (f) => pages.add(f) })) {
            if (first) {
                const record = batch.find((item) => item.ok);
                if (record?.ok) {
                    first = false;
                    checkFirstRecord(file, 'auth0', record.value);
                }
            }
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
        const partial = pages.missing();
        if (partial && options.partialExports !== 'import') {
            throw new types/* UsageError */.eb(`${file}: this Management API page holds ${partial} of the tenant's users, so the file is part of the export; ` +
                'export every user with the users-exports job (or migrate-to-workos export --source auth0), ' +
                'or set policies.partialExports: import in the config if this part is meant (never with --prune).');
        }
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
        const object = jsonObjectOf(item, file, 'user');
        if (object.kind !== 'object') {
            items.push({ item: object });
            continue;
        }
        const mapped = mapAuth0User(object.raw, object.location);
        if (!mapped.ok) {
            items.push({
                item: { kind: 'problem', problem: mapped.problem },
                ...(mapped.problem.sourceId ? { settle: mapped.problem.sourceId } : {}),
            });
            continue;
        }
        const record = mapped.record;
        if (metadataMap) {
            const metadata = (0,validate/* checkMetadata */.sI)(pickMetadataFields(auth0MetadataFields(mapped.user), metadataMap));
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
                emailVerified: record.emailVerified,
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
/**
 * The pages of `GET /api/v2/users` saved as they came (`{"start":0,"limit":50,"length":50,
 * "users":[…],"total":120}`, or with checkpoint paging `{"users":[…],"next":"…"}`), one after
 * another: whether they hold every user the totals speak of.
 */
class ApiPages {
    from = Number.POSITIVE_INFINITY;
    to = 0;
    total;
    more = false;
    add(fields) {
        const number = (key) => {
            const value = Number(fields.get(key));
            return fields.has(key) && Number.isInteger(value) && value >= 0 ? value : undefined;
        };
        const next = fields.get('next');
        this.more = next !== undefined && next !== '' && next !== 'null' && next !== '""';
        const start = number('start');
        const length = number('length');
        const total = number('total');
        if (start === undefined || length === undefined || total === undefined)
            return;
        // `start` is the index of the page's first user, `length` how many it holds.
        this.from = Math.min(this.from, start);
        this.to = Math.max(this.to, start + length);
        this.total = total;
    }
    /** "users 51–100 of 120" when some are missing, else undefined. */
    missing() {
        if (this.more)
            return 'one page';
        if (this.total === undefined || (this.from === 0 && this.to >= this.total))
            return undefined;
        return `users ${this.from + 1}–${this.to} of ${this.total}`;
    }
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
    // Backend API domain objects carry `verification: {status: "verified" | "unverified", …}`.
    domains: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* looseObject */._H3({ name: clerk_organizations_text, verification: schemas/* looseObject */._H3({ status: clerk_organizations_text }).nullish() })]))
        .nullish(),
    memberships: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish(),
});
const ClerkMembershipSchema = schemas/* looseObject */._H3({
    role: clerk_organizations_text,
    role_name: clerk_organizations_text,
    permissions: schemas/* array */.YOg(schemas/* string */.YjP()).nullish(),
    user_id: clerk_organizations_text,
    public_user_data: schemas/* looseObject */._H3({ user_id: clerk_organizations_text }).nullish(),
});
const CLERK_MEMBERSHIPS = { field: 'memberships', noun: 'membership', userIdOf: memberUserId };
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
            const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], raw, organizations_FIELD_EXPECTATIONS);
            yield* invalidOrganization(location, guessedId, 'invalid_field_type', message, field, membersOf(raw), CLERK_MEMBERSHIPS);
            continue;
        }
        const org = parsed.data;
        const members = org.memberships ?? [];
        if (!guessedId) {
            yield* invalidOrganization(location, undefined, 'missing_organization_id', 'The organization has no id; it becomes the WorkOS external id, so it is required.', 'id', members, CLERK_MEMBERSHIPS);
            continue;
        }
        const name = org.name?.trim();
        if (!name) {
            yield* invalidOrganization(location, guessedId, 'missing_name', 'The organization has no name; WorkOS requires one.', 'name', members, CLERK_MEMBERSHIPS);
            continue;
        }
        const domains = domainNames((org.domains ?? []).map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? ''))));
        if (!domains.ok) {
            yield* invalidOrganization(location, guessedId, 'invalid_domain', `Domain ${domains.index + 1} of the organization is not a domain name (like example.com).`, `domains[${domains.index}]`, members, CLERK_MEMBERSHIPS);
            continue;
        }
        // A plain string is a name only: nothing says Clerk verified it.
        const verifiedDomains = (org.domains ?? [])
            .filter((entry) => typeof entry !== 'string' && entry.verification?.status === 'verified')
            .map((entry) => (typeof entry === 'string' ? entry : (entry.name ?? '')).trim().toLowerCase());
        const slug = org.slug?.trim();
        const metadata = (0,validate/* checkMetadata */.sI)({
            ...(slug ? { clerk_slug: slug } : {}),
            ...pickMetadataFields(raw, config.metadata.organizations),
        });
        if (!metadata.ok) {
            yield* invalidOrganization(location, guessedId, metadata.code, metadata.message, metadata.field, members, CLERK_MEMBERSHIPS);
            continue;
        }
        yield {
            kind: 'organization',
            record: {
                sourceId: guessedId,
                name,
                domains: domains.domains,
                ...(verifiedDomains.length > 0 ? { verifiedDomains } : {}),
                metadata: metadata.metadata,
                location,
            },
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
            membershipProblem(location, organizationSourceId, undefined, 'invalid_membership', `The membership must be an object with a role and public_user_data.user_id; this one is ${(0,validate/* describeType */.MF)(entry)} or has a field of the wrong type.`, field),
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
        ...(mapped.slug && role
            ? {
                roleDetails: [
                    {
                        slug: mapped.slug,
                        name: parsed.data.role_name?.trim() || roleNameFromKey(role),
                        permissions: [
                            ...new Set((parsed.data.permissions ?? []).map(clerkPermissionSlug).filter((p) => p !== undefined)),
                        ].sort(),
                    },
                ],
            }
            : {}),
        location,
        userField: `${field}.${parsed.data.public_user_data?.user_id !== undefined ? 'public_user_data.user_id' : 'user_id'}`,
    };
    items.push({ kind: 'membership', record });
    return items;
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
    const match = /"(organizations|data)"\s*:\s*\[/.exec(await readTextHead(path));
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
    const state = options.columns
        ? { header: [...options.columns.names], minimumWidth: options.columns.minimum }
        : {};
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
    const stream = await openByteStream(path, options);
    const { lineLength } = inputLimits();
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
            const fits = state.minimumWidth === undefined
                ? cells.length === header.length
                : cells.length >= state.minimumWidth && cells.length <= header.length;
            if (!fits) {
                yield {
                    ok: false,
                    line,
                    column: Math.min(cells.length, header.length) + 1,
                    message: state.minimumWidth === undefined
                        ? describeWidth(cells.length, header.length)
                        : `The row has ${cells.length} cells; rows of this file have ${state.minimumWidth} to ${header.length}, so a cell holds an unquoted comma or the row is cut short.`,
                };
                continue;
            }
            const row = Object.create(null);
            header.forEach((name, i) => {
                row[name] = cells[i] ?? '';
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
            return `The row has more than ${lineLength} characters, the limit (an unclosed quote can cause this); ${raiseHint('lineLength')}.`;
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

;// CONCATENATED MODULE: ./build/sources/totp-secret.js

// A TOTP secret as sources export it, checked before it goes anywhere near WorkOS: WorkOS takes
// `totp_secret` as Base32 (RFC 4648) for SHA-1 codes of 6 digits every 30 s, the authenticator
// apps' default. Authenticator apps show secrets in groups of four, in either case, sometimes
// padded with `=`: those forms are the same secret and are accepted. Messages say what is wrong
// by position and length only; they never quote the secret or a character of it.
/** The shortest secret accepted: 16 Base32 characters, 80 bits (RFC 4226 asks for at least 128). */
const MIN_SECRET_CHARACTERS = 16;
// Longer than any authenticator app makes (RFC 6238's longest example key is 64 bytes: 103 characters).
const MAX_SECRET_CHARACTERS = 128;
const BASE32 = /^[A-Z2-7]*$/;
// A Base32 text ends after a whole number of bytes: 0, 2, 4, 5 or 7 characters past the last group of 8.
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);
/**
 * The secret in the form WorkOS is sent (upper case, no spaces or padding), or what is wrong
 * with it, in words that hold none of it.
 */
function checkTotpSecret(raw) {
    const secret = raw.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
    if (secret === '')
        return { ok: false, problem: 'it is blank' };
    const bad = [...secret].findIndex((c) => !BASE32.test(c));
    if (bad >= 0)
        return {
            ok: false,
            problem: `character ${bad + 1} is not Base32 (only the letters A–Z and the digits 2–7 are)`,
        };
    if (secret.length < MIN_SECRET_CHARACTERS)
        return {
            ok: false,
            problem: `it has ${secret.length} characters; at least ${MIN_SECRET_CHARACTERS} (80 bits) are needed`,
        };
    if (secret.length > MAX_SECRET_CHARACTERS)
        return { ok: false, problem: `it has ${secret.length} characters, more than ${MAX_SECRET_CHARACTERS}` };
    if (IMPOSSIBLE_REMAINDERS.has(secret.length % 8))
        return { ok: false, problem: `its length (${secret.length} characters) is not a whole number of bytes in Base32` };
    return { ok: true, secret };
}
/**
 * A user's exported secret as items: a `factor` that moves, or a warning that the user must
 * enroll again (the user is imported either way). `moved` says which, for the user's
 * `mfaFactors` (a TOTP factor that does not move is one to re-enroll). The secret is registered
 * with the scrubber first, valid or not: nothing printed afterwards can show it.
 */
function totpSecretItems(source) {
    (0,mask/* registerTokenSecret */.LT)(source.raw);
    const check = checkTotpSecret(source.raw);
    if (check.ok) {
        (0,mask/* registerTokenSecret */.LT)(check.secret);
        const record = {
            userSourceId: source.userSourceId,
            secret: check.secret,
            location: source.location,
            field: source.field,
        };
        return { moved: true, items: [{ kind: 'factor', record }] };
    }
    return { moved: false, items: [{ kind: 'problem', problem: invalidTotpSecret(source, check.problem) }] };
}
/** The code of a TOTP secret that cannot move: its user is imported and enrolls again. */
const INVALID_TOTP_SECRET = 'invalid_totp_secret';
function invalidTotpSecret(source, problem) {
    return {
        entity: 'user',
        sourceId: source.userSourceId,
        location: source.location,
        field: source.field,
        code: INVALID_TOTP_SECRET,
        message: `The TOTP secret cannot be moved: ${problem}. The user is imported without it and enrolls MFA again (reenroll.csv).`,
        severity: 'warning',
    };
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
        case 'argon2':
            // The hasher named without its variant: the digest's PHC id says which.
            if (!/^\$argon2(?:id|i|d)\$/.test(value))
                return malformed('an argon2 digest is a PHC string starting $argon2id$, $argon2i$ or $argon2d$');
            return converted('argon2', value);
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
            const why = (0,lookup/* ownValue */.e)(NO_WORKOS_EQUIVALENT, name);
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
 * cost>`. That is everything WorkOS's firebase-scrypt type needs, sent in the one form WorkOS's
 * Firebase guide documents (the Firebase source sends the same):
 * `$firebase-scrypt$sk=…,ss=…,r=…,m=…$<salt>$<hash>`, base64 unpadded.
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
    return converted('firebase-scrypt', formatFirebaseScryptHash({
        hash,
        salt,
        signerKey,
        saltSeparator,
        rounds: Number(rounds),
        memCost: Number(memoryCost),
    }));
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
/** A CSV row as `ClerkUserFields`. The TOTP secret is taken out and blanked in the row. */
function clerkCsvUser(row) {
    const totpSecret = textOrUndefined(row.totp_secret);
    const hasTotp = totpSecret !== undefined;
    const passwordDigest = textOrUndefined(row.password_digest);
    const passwordHasher = textOrUndefined(row.password_hasher);
    const fields = (0,lookup/* emptyRecord */.F)();
    for (const key in row) {
        if (CLERK_SECRET_FIELDS.has(key))
            row[key] = '';
        // The older dashboard CSV writes the metadata objects as JSON text: `public_metadata.plan` maps.
        else if (key.endsWith('_metadata'))
            fields[key] = jsonObjectOrText(row[key]);
        else
            fields[key] = row[key];
    }
    const verified = splitList(row.verified_email_addresses);
    const unverified = splitList(row.unverified_email_addresses);
    // The older dashboard CSV has one `email_addresses` column (`a|b`), saying neither which is
    // primary nor which is verified: the first is the best guess, and none counts as verified.
    const listed = new Set([...verified, ...unverified]);
    const other = splitList(row.email_addresses).filter((address) => !listed.has(address));
    const primary = textOrUndefined(row.primary_email_address) ??
        (verified.length === 0 && unverified.length === 0 ? other[0] : undefined);
    return {
        id: textOrUndefined(row.id),
        firstName: textOrUndefined(row.first_name),
        lastName: textOrUndefined(row.last_name),
        primaryEmail: primary,
        verifiedEmails: verified,
        unverifiedEmails: unverified,
        otherEmails: other,
        emailField: primary === undefined && verified.length > 0
            ? 'verified_email_addresses'
            : primary === undefined && unverified.length > 0
                ? 'unverified_email_addresses'
                : row.primary_email_address === undefined && row.email_addresses !== undefined
                    ? 'email_addresses'
                    : 'primary_email_address',
        hasTotp,
        ...(totpSecret !== undefined ? { totpSecret } : {}),
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
/** A JSON object written as text in a cell; other text stays as it is. */
function jsonObjectOrText(value) {
    const trimmed = value?.trim();
    if (!trimmed?.startsWith('{'))
        return value;
    try {
        const parsed = JSON.parse(trimmed);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : value;
    }
    catch {
        return value;
    }
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
    const totpSecret = textOrUndefined(user.totp_secret);
    const hasTotp = totpSecret !== undefined || user.totp_enabled === true;
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
        ...(totpSecret !== undefined ? { totpSecret } : {}),
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
    const at = (field) => fieldAt(location, columnOf, field);
    const error = (code, message, field, sourceId = user.id) => [
        userProblem(at(field), sourceId, code, message, field),
    ];
    if (user.id === undefined)
        return error('missing_user_id', 'The user has no id; it becomes the WorkOS external id, so it is required.', 'id');
    const primary = user.primaryEmail ?? user.verifiedEmails[0] ?? user.unverifiedEmails[0] ?? user.otherEmails[0];
    const email = (0,validate/* normalizeEmail */.e0)(primary);
    if (!email.ok) {
        const message = email.code === 'missing_email'
            ? 'The user has no email address (primary, verified or unverified); WorkOS requires one.'
            : email.message;
        return error(email.code, message, user.emailField);
    }
    const metadata = (0,validate/* checkMetadata */.sI)(pickMetadataFields(user.fields, config.metadata.users, CLERK_SECRET_FIELDS));
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
    // A TOTP secret that is valid moves; a malformed one, or TOTP without its secret, means re-enrolling.
    const totp = user.totpSecret !== undefined
        ? totpSecretItems({
            userSourceId: user.id,
            raw: user.totpSecret,
            location: at('totp_secret'),
            field: 'totp_secret',
        })
        : { moved: false, items: [] };
    const mfaFactors = [];
    if (user.hasTotp && !totp.moved)
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
    return [
        ...notes.map((problem) => ({ kind: 'problem', problem })),
        ...totp.items,
        { kind: 'user', record },
    ];
}
function clerkPassword(user, at, note) {
    const digest = user.passwordDigest;
    if (digest === undefined)
        return { gap: 'missing' };
    // Clerk hashes new passwords with bcrypt; a digest exported without its hasher's name is
    // taken as bcrypt (or argon2) only when it looks like one.
    const hasher = user.passwordHasher ??
        (/^\$2[aby]\$/.test(digest) ? 'bcrypt' : /^\$argon2(?:id|i|d)\$/.test(digest) ? 'argon2' : '');
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
    const first = (await readTextHead(path)).trimStart().charAt(0);
    if (first === '')
        throw new types/* UsageError */.eb(`${path}: the file holds only blank space; export the users again or check the path.`);
    return first === '[' || first === '{' ? 'json' : 'csv';
}
async function* readCsvUsers(path, config) {
    let columns;
    const columnOf = (field) => columns?.get(field);
    for await (const item of readCsvRecords(path)) {
        if (!item.ok) {
            yield badCsvRow(path, item);
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
    // `email_addresses` alone: the older dashboard CSV.
    const emailColumns = [
        'primary_email_address',
        'verified_email_addresses',
        'unverified_email_addresses',
        'email_addresses',
    ];
    if (columns.includes('id') && emailColumns.some((c) => columns.includes(c)))
        return;
    const misplaced = misplacedExport(path, { source: 'clerk', kind: 'users' }, csvHeaderShape(columns));
    if (misplaced)
        throw new types/* UsageError */.eb(misplaced);
    throw new types/* UsageError */.eb(`${path}: this CSV is not a Clerk user export: its header needs an id column and at least one of ${emailColumns.join(', ')}. Export the users from the Clerk dashboard again.`);
}
const noColumn = () => undefined;
async function* readJsonUsers(path, config) {
    // Clerk's Backend API pages (`{"data":[…],"total_count":n}`), as for organizations, or a `{"users":[…]}` wrapper.
    const arrayKey = /"(users|data)"\s*:\s*\[/.exec(await readTextHead(path))?.[1] ?? 'users';
    const firstObject = (raw) => checkFirstRecord(path, 'clerk', raw);
    for await (const item of readJsonObjects(path, 'user', { arrayKey, firstObject })) {
        if (item.kind !== 'object') {
            yield item;
            continue;
        }
        const { raw, location } = item;
        const parsed = ClerkJsonUserSchema.safeParse(raw);
        if (!parsed.success) {
            const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], raw, CLERK_JSON_FIELD_EXPECTATIONS);
            const sourceId = typeof raw.id === 'string' ? raw.id : undefined;
            for (const secret of CLERK_SECRET_FIELDS)
                delete raw[secret];
            yield userProblem(location, sourceId, 'invalid_field_type', message, field);
            continue;
        }
        yield* mapClerkUser(clerkJsonUser(parsed.data, raw), location, noColumn, config);
    }
}

;// CONCATENATED MODULE: ./build/sources/cognito/map-user.js







// One user of `aws cognito-idp list-users`: `{Username, Attributes:[{Name, Value}], Enabled,
// UserStatus, MFAOptions, UserCreateDate, …}`. Every value in Attributes is a string, booleans
// included (`"email_verified": "true"`). Cognito never exports password hashes.
const map_user_text = schemas/* string */.YjP().nullish();
const CognitoUserSchema = schemas/* looseObject */._H3({
    Username: map_user_text,
    Attributes: schemas/* array */.YOg(schemas/* looseObject */._H3({ Name: schemas/* string */.YjP(), Value: schemas/* string */.YjP().nullish() })).nullish(),
    // `aws cognito-idp admin-get-user` writes the same list as UserAttributes.
    UserAttributes: schemas/* array */.YOg(schemas/* looseObject */._H3({ Name: schemas/* string */.YjP(), Value: schemas/* string */.YjP().nullish() })).nullish(),
    UserMFASettingList: schemas/* array */.YOg(schemas/* string */.YjP()).nullish(),
    Enabled: schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* string */.YjP()]).nullish(),
    UserStatus: map_user_text,
    MFAOptions: schemas/* array */.YOg(schemas/* looseObject */._H3({ DeliveryMedium: map_user_text })).nullish(),
});
const map_user_FIELD_EXPECTATIONS = {
    Attributes: 'an array of {Name, Value} objects with string values',
    UserAttributes: 'an array of {Name, Value} objects with string values',
    UserMFASettingList: 'an array of MFA setting names',
    Enabled: 'true or false',
    MFAOptions: 'an array of {DeliveryMedium, AttributeName} objects',
};
const MFA_SETTINGS = { SMS_MFA: 'sms', SOFTWARE_TOKEN_MFA: 'totp', EMAIL_OTP: 'email' };
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
        const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], raw, map_user_FIELD_EXPECTATIONS);
        return [userProblem(location, undefined, 'invalid_field_type', message, at(field))];
    }
    const user = parsed.data;
    const attributes = new Map();
    const listed = user.Attributes ?? user.UserAttributes;
    for (const { Name, Value } of listed ?? [])
        if (typeof Value === 'string')
            attributes.set(Name, Value);
    // Fields name the list as the file does: `Attributes.sub` (list-users), `UserAttributes.sub` (admin-get-user).
    const list = user.Attributes == null && user.UserAttributes != null ? 'UserAttributes' : 'Attributes';
    const sub = textOf(attributes.get('sub'));
    if (!sub)
        return [
            userProblem(location, undefined, 'missing_user_id', 'The user has no sub attribute; it becomes the WorkOS external id, so it is required.', at(`${list}.sub`)),
        ];
    const email = (0,validate/* normalizeEmail */.e0)(attributes.get('email'));
    if (!email.ok) {
        const phoneOnly = email.code === 'missing_email' && attributes.has('phone_number');
        const message = phoneOnly
            ? 'The user has a phone number and no email; WorkOS users need an email, so ask them for one and add them later.'
            : email.message;
        return [userProblem(location, sub, email.code, message, at(`${list}.email`))];
    }
    const status = textOf(user.UserStatus)?.toUpperCase();
    const verified = flagOf(attributes.get('email_verified'));
    if (verified === 'invalid')
        return [
            userProblem(location, sub, 'invalid_field_type', 'The attribute email_verified must be "true" or "false".', at(`${list}.email_verified`)),
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
        if (key !== 'Attributes' && key !== 'UserAttributes' && typeof value !== 'object')
            fields[key] = value;
    const metadata = (0,validate/* checkMetadata */.sI)(pickMetadataFields(fields, config.metadata.users));
    if (!metadata.ok)
        return [userProblem(location, sub, metadata.code, metadata.message, at(metadata.field))];
    const items = [];
    if (status !== undefined && status in STATUS_NOTES) {
        const skip = status === 'UNCONFIRMED' && config.policies.unconfirmedUsers !== 'import';
        items.push(userNote({
            entity: 'user',
            sourceId: sub,
            location,
            field: at('UserStatus'),
            code: sourceStatusCode(status),
            message: skip
                ? `${STATUS_NOTES[status]}; skipped (policies.unconfirmedUsers: import brings them, with their email unverified).`
                : `${STATUS_NOTES[status]}.`,
            severity: skip ? 'skip' : 'warning',
        }));
        if (skip)
            return items;
    }
    const social = new Set();
    for (const identity of identities(attributes.get('identities'))) {
        if (SSO_PROVIDER_TYPES.has(identity.type.toUpperCase())) {
            items.push(userNote({
                entity: 'user',
                sourceId: sub,
                location,
                field: at(`${list}.identities`),
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
    // admin-get-user's list of enabled MFA: SMS_MFA, SOFTWARE_TOKEN_MFA (an authenticator app), EMAIL_OTP.
    for (const setting of user.UserMFASettingList ?? [])
        mfaFactors.add((0,lookup/* ownValue */.e)(MFA_SETTINGS, setting.trim().toUpperCase()) ?? 'other');
    const given = textOf(attributes.get('given_name'));
    const family = textOf(attributes.get('family_name'));
    const names = given || family
        ? { ...(given ? { firstName: given } : {}), ...(family ? { lastName: family } : {}) }
        : splitDisplayName(attributes.get('name'));
    items.push(userItem({
        sourceId: sub,
        idField: `${list}.sub`,
        email: email.email,
        // An unconfirmed sign-up proved nothing, whatever email_verified says.
        emailVerified: status === 'UNCONFIRMED' ? false : (verified ?? false),
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
/**
 * Cognito statuses worth a word, with what they mean for the user in WorkOS. Every user comes
 * without a password (Cognito exports none), so each sets one in WorkOS; these say more.
 */
const STATUS_NOTES = {
    UNCONFIRMED: 'The user never confirmed their sign-up in Cognito (UserStatus UNCONFIRMED)',
    FORCE_CHANGE_PASSWORD: 'The user was created by an administrator and never signed in to Cognito (UserStatus FORCE_CHANGE_PASSWORD); they are imported and set a password in WorkOS',
    RESET_REQUIRED: 'Cognito required this user to reset their password (UserStatus RESET_REQUIRED); they are imported and set a new one in WorkOS',
    COMPROMISED: 'Cognito marked this user compromised (UserStatus COMPROMISED); they are imported and set a new password in WorkOS, and may deserve a look',
};
/** The problem code that names a source status (`status_force_change_password`); the summary counts them. */
function sourceStatusCode(status) {
    return `${model_problems/* SOURCE_STATUS_PREFIX */.QF}${status.toLowerCase()}`;
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
 * (`{"Users":[…]}`, which is what the CLI writes when it follows the pages for you), several
 * pages one after another or as an array of pages, or NDJSON of users (`jq -c '.Users[]'`). AWS
 * has no CSV user export. Users inside an array of pages point at their page's line, with the
 * field naming the entry (`Users[3]`).
 *
 * A file whose last page still carries a pagination token (`PaginationToken` from the API,
 * `NextToken` from the CLI's `--max-items`) is part of the pool: imported as the whole, every
 * user on the missing pages would look removed. It is refused once read (nothing is planned
 * before the whole export is read) unless `policies.partialExports` is `import`.
 */
async function* readCognitoUsers(options) {
    let lastPageContinues = false;
    const onPage = (fields) => {
        lastPageContinues = [...PAGE_TOKENS].some((key) => fields.has(key) && fields.get(key) !== 'null');
    };
    for await (const item of readJsonObjects(options.usersPath, 'user', {
        arrayKey: 'Users',
        onWrapperEnd: onPage,
        firstObject: (raw) => checkFirstRecord(options.usersPath, 'cognito', raw),
    })) {
        if (item.kind !== 'object') {
            yield item;
            continue;
        }
        const { raw, location } = item;
        if (raw.Username === undefined && raw.Attributes === undefined && 'Users' in raw) {
            // One page of an array of pages.
            onPage(new Map(Object.entries(raw).flatMap(([key, value]) => typeof value === 'string' && value !== '' ? [[key, value]] : [])));
            if (!Array.isArray(raw.Users)) {
                yield userProblem(location, undefined, 'invalid_field_type', `The field Users must be an array of users, not ${(0,validate/* describeType */.MF)(raw.Users)}.`, 'Users');
                continue;
            }
            for (const [i, user] of raw.Users.entries()) {
                if (typeof user !== 'object' || user === null || Array.isArray(user)) {
                    yield userProblem(location, undefined, 'invalid_record', `Each user must be a JSON object; this one is ${(0,validate/* describeType */.MF)(user)}.`, `Users[${i}]`);
                }
                else
                    yield* mapCognitoUser(user, location, options.config, `Users[${i}].`);
            }
            continue;
        }
        yield* mapCognitoUser(raw, location, options.config);
    }
    if (lastPageContinues && options.config.policies.partialExports !== 'import') {
        throw new types/* UsageError */.eb(`${options.usersPath}: the last page of this list-users output has a pagination token, so the file holds part of the user pool; ` +
            'export the whole pool with `aws cognito-idp list-users --user-pool-id <pool> > users.json` (without --max-items: the CLI then follows every page), ' +
            'or set policies.partialExports: import in the config if this part is meant (never with --prune).');
    }
}
/** Keys of a page that say more pages follow: the API's and the AWS CLI's (with `--max-items`). */
const PAGE_TOKENS = new Set(['PaginationToken', 'NextToken']);

;// CONCATENATED MODULE: ./build/sources/csv/domains.js

function csvDomains(value) {
    const result = { domains: [], verifiedDomains: [] };
    for (const entry of (value ?? '').split(/[|,]/)) {
        const text = entry.trim();
        if (text === '')
            continue;
        const cut = text.lastIndexOf(':');
        const domain = (cut < 0 ? text : text.slice(0, cut)).trim().toLowerCase();
        const state = cut < 0
            ? 'pending'
            : text
                .slice(cut + 1)
                .trim()
                .toLowerCase();
        if (!DOMAIN_NAME.test(domain) || (state !== 'verified' && state !== 'pending')) {
            result.invalid ??= text;
            continue;
        }
        result.domains.push(domain);
        if (state === 'verified')
            result.verifiedDomains.push(domain);
    }
    return result;
}

;// CONCATENATED MODULE: ./build/sources/csv/map-row.js







// One row of the generic CSV of the WorkOS migrations CLI (workos/workos-migrations, its README's
// "CSV Format"): email, first_name, last_name, email_verified, password_hash, password_hash_type,
// external_id, metadata, org_id, org_external_id, org_name, role_slugs, and the plaintext
// password column its importer also reads. A user in several organizations has one row per
// organization, the user's columns repeated.
/** Columns never copied to metadata and blanked as soon as they are read. */
const CSV_SECRET_COLUMNS = new Set(['password', 'password_hash', 'totp_secret']);
function mapCsvRow(row, location, ctx) {
    const secrets = { password: row.password, hash: row.password_hash, totp: row.totp_secret };
    for (const key of CSV_SECRET_COLUMNS)
        if (key in row)
            row[key] = '';
    const at = (field) => fieldAt(location, ctx.columnOf, field);
    const organization = organizationPart(row, ctx.config);
    const email = (0,validate/* normalizeEmail */.e0)(textOf(row.email));
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
    const metadata = (0,validate/* checkMetadata */.sI)({
        ...given,
        ...pickMetadataFields(row, ctx.config.metadata.users, CSV_SECRET_COLUMNS),
    });
    if (!metadata.ok)
        return fail(metadata.code, metadata.message, 'metadata');
    const items = [];
    const password = csvPassword(secrets, textOf(row.password_hash_type), sourceId, at, items);
    // A TOTP secret moves with the user; one that is malformed means enrolling again.
    const totpSecret = textOf(secrets.totp);
    const totp = totpSecret === undefined
        ? undefined
        : totpSecretItems({
            userSourceId: sourceId,
            raw: totpSecret,
            location: at('totp_secret'),
            field: 'totp_secret',
        });
    if (totp)
        items.push(...totp.items);
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
        mfaFactors: totp && !totp.moved ? ['totp'] : [],
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
            yield badCsvRow(path, item);
            continue;
        }
        if (!columns) {
            const names = Object.keys(item.row);
            if (!names.includes('email')) {
                throw new types/* UsageError */.eb(`${path}: this CSV has no email column. The generic CSV has the WorkOS migrations CLI's columns: ${COLUMN_LIST}.`);
            }
            const misplaced = misplacedExport(path, { source: 'csv', kind: 'users' }, csvHeaderShape(names));
            if (misplaced)
                throw new types/* UsageError */.eb(misplaced);
            columns = new Map(names.map((name, i) => [name, i + 1]));
            const unread = unreadColumns(names, options.config);
            if (unread.length > 0)
                yield userNote({
                    entity: 'user',
                    location: { file: path, line: 1 },
                    field: unread[0],
                    code: 'unread_columns',
                    message: unreadColumnsMessage(unread),
                });
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
        const at = fieldAt(location, columnOf, field);
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
            const domains = csvDomains(item.row.domains);
            if (domains.invalid !== undefined)
                yield {
                    kind: 'problem',
                    problem: {
                        entity: 'organization',
                        sourceId: org.externalId,
                        location,
                        field: 'domains',
                        code: 'invalid_domain',
                        message: `A domains entry is not a domain with an optional state (example.com:verified or example.com:pending); the organization is imported without it.`,
                        severity: 'warning',
                    },
                };
            yield {
                kind: 'organization',
                record: {
                    sourceId: org.externalId,
                    name: org.name,
                    domains: domains.domains,
                    ...(domains.verifiedDomains.length > 0 ? { verifiedDomains: domains.verifiedDomains } : {}),
                    metadata: {},
                    location,
                },
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
/** The columns this reader takes (the WorkOS migrations CLI's, plus its plaintext `password`). */
const COLUMNS = [
    'email',
    'first_name',
    'last_name',
    'email_verified',
    'password_hash',
    'password_hash_type',
    'external_id',
    'metadata',
    'org_id',
    'org_external_id',
    'org_name',
    'role_slugs',
    'domains',
    // The WorkOS migrations tool's TOTP column: the user's Base32 secret, enrolled as a factor.
    'totp_secret',
];
/** As the messages name them (the plaintext `password` column is read, but never recommended). */
const COLUMN_LIST = COLUMNS.join(', ');
const GENERIC_CSV_COLUMNS = new Set([...COLUMNS, 'password']);
/** What a column that is not read was probably meant to be: names other exports use. */
const LIKELY_MEANT = {
    id: 'external_id',
    user_id: 'external_id',
    uid: 'external_id',
    organization_id: 'org_external_id',
    organization: 'org_name',
    organization_name: 'org_name',
    org: 'org_name',
    role: 'role_slugs',
    roles: 'role_slugs',
    given_name: 'first_name',
    family_name: 'last_name',
    verified: 'email_verified',
    hash: 'password_hash',
};
/**
 * Columns neither this reader nor the config's metadata map reads: a header that names the id
 * `id` instead of `external_id` would otherwise import every user without one, and no word.
 */
function unreadColumns(names, config) {
    const mapped = new Set(Object.values(config.metadata.users).map((path) => path.split('.')[0]));
    return names.filter((name) => name !== '' && !GENERIC_CSV_COLUMNS.has(name) && !mapped.has(name));
}
function unreadColumnsMessage(unread) {
    const hints = unread
        .filter((name) => Object.hasOwn(LIKELY_MEANT, name))
        .map((name) => `${name} → ${LIKELY_MEANT[name]}`);
    return (`Column${unread.length > 1 ? 's' : ''} ${unread.join(', ')} ${unread.length > 1 ? 'are' : 'is'} not read: the generic CSV takes ${COLUMN_LIST}. ` +
        (hints.length > 0 ? `Rename ${hints.join(', ')}; ` : '') +
        'to keep a column as user metadata, map it in the config (metadata.users).');
}

;// CONCATENATED MODULE: ./build/sources/firebase/csv-users.js


// `firebase auth:export users.csv` (the format follows the file name): one user a line, no
// header row, the columns by position as Firebase's auth:import documentation lists them. Newer
// firebase-tools add `disabled` and `customAttributes` at the end.
const PROVIDERS = ['google.com', 'facebook.com', 'twitter.com', 'github.com'];
const FIREBASE_CSV_COLUMNS = [
    'uid',
    'email',
    'email_verified',
    'password_hash',
    'password_salt',
    'name',
    'photo_url',
    ...PROVIDERS.flatMap((provider) => [
        `${provider}:id`,
        `${provider}:email`,
        `${provider}:display_name`,
        `${provider}:photo_url`,
    ]),
    'user_creation_time',
    'last_sign_in_time',
    'phone_number',
    'disabled',
    'custom_attributes',
];
/** The 23 columns of the oldest writers (up to GitHub's photo URL). */
const MINIMUM_COLUMNS = 23;
/**
 * The rows of a Firebase CSV export, each as the JSON export's user object (`localId`,
 * `passwordHash`, `providerUserInfo`, …), so one mapping serves both. A first row that names
 * the columns (`UID,Email,…`, added by hand) is passed over.
 */
async function* readFirebaseCsvRows(path) {
    for await (const item of readCsvRecords(path, {
        columns: { names: FIREBASE_CSV_COLUMNS, minimum: MINIMUM_COLUMNS },
    })) {
        if (!item.ok) {
            yield badCsvRow(path, item);
            continue;
        }
        const location = { file: path, line: item.line };
        const row = item.row;
        if (item.line === 1 && /^(uid|localid)$/i.test(row.uid.trim()))
            continue;
        yield { kind: 'object', raw: firebaseUserOfRow(row), location };
    }
}
function firebaseUserOfRow(row) {
    const cell = (name) => (row[name] === '' ? undefined : row[name]);
    const providerUserInfo = PROVIDERS.filter((provider) => cell(`${provider}:id`) !== undefined).map((provider) => ({
        providerId: provider,
    }));
    if (cell('password_hash') !== undefined)
        providerUserInfo.unshift({ providerId: 'password' });
    if (cell('phone_number') !== undefined)
        providerUserInfo.push({ providerId: 'phone' });
    const raw = {
        localId: row.uid,
        email: cell('email'),
        emailVerified: cell('email_verified'),
        passwordHash: cell('password_hash'),
        salt: cell('password_salt'),
        displayName: cell('name'),
        phoneNumber: cell('phone_number'),
        disabled: cell('disabled'),
        customAttributes: cell('custom_attributes'),
        createdAt: cell('user_creation_time'),
        lastSignedInAt: cell('last_sign_in_time'),
        providerUserInfo,
    };
    for (const key of Object.keys(raw))
        if (raw[key] === undefined)
            delete raw[key];
    return raw;
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
/** How the Firebase Auth Emulator writes a password (with the password itself in it). */
const EMULATOR_HASH_PREFIX = 'fakeHash:';
/** Standard or url-safe base64, padded or not: what auth:export writes for hashes and salts. */
const FIREBASE_BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Firebase provider ids that are not a social sign-in. */
const NOT_SOCIAL = new Set(['password', 'phone', 'emailLink', 'anonymous']);
/** One Firebase user as canonical items: notes first, then the user; or one error. */
function mapFirebaseUser(raw, location, ctx) {
    const guessedId = typeof raw.localId === 'string' ? raw.localId.trim() || undefined : undefined;
    const parsed = FirebaseUserSchema.safeParse(raw);
    if (!parsed.success) {
        const { field, message } = (0,model_problems/* wrongFieldType */.cU)(parsed.error.issues[0], raw, firebase_map_user_FIELD_EXPECTATIONS);
        return [userProblem(location, guessedId, 'invalid_field_type', message, field)];
    }
    const user = parsed.data;
    const id = textOf(user.localId);
    if (!id)
        return [
            userProblem(location, undefined, 'missing_user_id', 'The user has no localId; it becomes the WorkOS external id, so it is required.', 'localId'),
        ];
    const providers = (user.providerUserInfo ?? []).map((p) => textOf(p.providerId)).filter((p) => !!p);
    const email = (0,validate/* normalizeEmail */.e0)(user.email);
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
    const metadata = (0,validate/* checkMetadata */.sI)(pickMetadataFields(fields, ctx.config.metadata.users, SECRET_FIELDS));
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
    const note = (code, message, severity) => {
        items.push(userNote({
            entity: 'password',
            sourceId: id,
            location,
            field: 'passwordHash',
            code,
            message: `${message} The user is imported without a password.`,
            severity,
        }));
        return { gap: 'unsupported' };
    };
    // The Auth Emulator keeps `fakeHash:salt=…:password=<the password itself>`: test data with
    // no hash to carry and no hash parameters to ask for. Never quoted.
    if (hash.startsWith(EMULATOR_HASH_PREFIX))
        return note('emulator_password', "The passwordHash is the Firebase Auth Emulator's placeholder (fakeHash:…), not a hash; an emulator export has no password WorkOS can verify.", 'warning');
    if (!ctx.hashConfig) {
        throw new types/* UsageError */.eb(`${location.file}:${location.line}: the export holds password hashes, and they need the project's hash parameters: ` +
            'give them with --hash-config FILE (the hash-config input), or as hashConfig in the mapping config ' +
            '(Firebase console: Authentication → Users → ⋮ → Password hash parameters).');
    }
    const invalid = (message) => note('invalid_password_hash', message, 'error');
    if (!salt)
        return invalid('The user has a passwordHash but no salt; Firebase exports both.');
    // Said in the export's own terms: the PHC string built below is ours, not the user's field.
    for (const [field, value] of [
        ['passwordHash', hash],
        ['salt', salt],
    ]) {
        if (!FIREBASE_BASE64.test(value))
            return invalid(`The ${field} is not base64, as firebase auth:export writes it; export the users again.`);
    }
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
 * Every user of a `firebase auth:export` file as canonical items, one at a time: JSON
 * (`{"users":[…]}`, a bare array or NDJSON), the CSV `auth:export users.csv` writes (no header,
 * columns by position), or the Auth Emulator's `accounts.json` (its `fakeHash:` passwords are
 * not hashes). Gzipped or not; the format is told by the first character, not the name.
 * Password hashes become firebase-scrypt PHC strings with the project's hash parameters.
 * Disabled users are yielded with `blocked: true`; the planner applies the policy.
 */
async function* readFirebaseUsers(options) {
    const hashConfig = await firebaseHashConfig(options);
    const ctx = { config: options.config, ...(hashConfig ? { hashConfig } : {}) };
    const first = (await readTextHead(options.usersPath)).trimStart().charAt(0);
    if (first !== '' && first !== '{' && first !== '[') {
        for await (const row of readFirebaseCsvRows(options.usersPath)) {
            if (row.kind !== 'object')
                yield row;
            else
                yield* mapFirebaseUser(row.raw, row.location, ctx);
        }
        return;
    }
    for await (const item of readJsonObjects(options.usersPath, 'user', {
        arrayKey: 'users',
        firstObject: (raw) => checkFirstRecord(options.usersPath, 'firebase', raw),
    })) {
        if (item.kind !== 'object')
            yield item;
        else
            yield* mapFirebaseUser(item.raw, item.location, ctx);
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
    const at = (field) => fieldAt(location, ctx.columnOf, field);
    const problem = (sourceId, code, message, field) => [
        userProblem(at(field), sourceId, code, message, field),
    ];
    const id = textOf(row.id);
    if (!id)
        return problem(undefined, 'missing_user_id', 'The user has no id; it becomes the WorkOS external id, so it is required.', 'id');
    const email = (0,validate/* normalizeEmail */.e0)(typeof row.email === 'string' && row.email.trim() === '' ? undefined : row.email);
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
            return problem(id, 'invalid_field_type', `The field ${field} must hold a JSON object, not ${(0,validate/* describeType */.MF)(row[field])}.`, field);
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
    const metadata = (0,validate/* checkMetadata */.sI)(pickMetadataFields(row, ctx.config.metadata.users, SUPABASE_SECRET_FIELDS));
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
    const first = (await readTextHead(path)).trimStart().charAt(0);
    if (first === '')
        throw new types/* UsageError */.eb(`${path}: the file holds only blank space; dump auth.users again or check the path.`);
    if (first === '[' || first === '{') {
        const firstObject = (raw) => checkFirstRecord(path, 'supabase', raw);
        for await (const item of readJsonObjects(path, 'user', { arrayKey: 'users', firstObject })) {
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
            yield badCsvRow(path, item);
            continue;
        }
        if (!columns) {
            const names = Object.keys(item.row);
            const misplaced = misplacedExport(path, { source: 'supabase', kind: 'users' }, csvHeaderShape(names));
            if (misplaced)
                throw new types/* UsageError */.eb(misplaced);
            if (!names.includes('id') || !names.includes('email')) {
                throw new types/* UsageError */.eb(`${path}: this CSV is not a dump of auth.users: its header needs the id and email columns. Dump it with \\copy (select * from auth.users) to 'users.csv' csv header.`);
            }
            columns = new Map(names.map((name, i) => [name, i + 1]));
        }
        const known = columns;
        yield* mapSupabaseUser(item.row, { file: path, line: item.line }, { config: options.config, columnOf: (field) => known.get(field), now });
    }
}

;// CONCATENATED MODULE: ./build/sources/mfa-file.js







/** Reads the MFA file of `source` into factors by user id. */
async function readMfaFile(source, path) {
    const byUser = new Map();
    const add = (userId, factor) => {
        const list = byUser.get(userId);
        if (list)
            list.push(factor);
        else
            byUser.set(userId, [factor]);
    };
    for await (const row of readRows(path)) {
        const userId = textOf(row.value.user_id);
        if (userId === undefined)
            continue;
        const at = (field) => ({ file: path, line: row.line, ...row.columnOf(field) });
        if (source === 'auth0') {
            const type = textOf(row.value.type)?.toLowerCase();
            const secret = textOf(row.value.otp_secret);
            (0,mask/* registerTokenSecret */.LT)(secret);
            if (type === 'otp' || type === 'totp')
                add(userId, { factor: 'totp', ...(secret ? { secret } : {}), location: at('otp_secret'), field: 'otp_secret' });
            else if (type === 'sms' || type === 'phone')
                add(userId, { factor: 'sms', location: at('type'), field: 'type' });
            continue;
        }
        const type = textOf(row.value.factor_type)?.toLowerCase();
        const secret = textOf(row.value.secret);
        (0,mask/* registerTokenSecret */.LT)(secret);
        const verified = textOf(row.value.status)?.toLowerCase() === 'verified';
        if (type === 'totp') {
            add(userId, {
                factor: 'totp',
                ...(secret ? { secret } : {}),
                ...(verified ? {} : { notMoved: 'the factor was never verified (status is not verified)' }),
                location: at('secret'),
                field: 'secret',
            });
        }
        else if (type === 'phone' || type === 'sms')
            add(userId, { factor: 'sms', location: at('factor_type'), field: 'factor_type' });
        else if (type === 'webauthn')
            add(userId, { factor: 'webauthn', location: at('factor_type'), field: 'factor_type' });
        else if (type !== undefined)
            add(userId, { factor: 'other', location: at('factor_type'), field: 'factor_type' });
    }
    return byUser;
}
/**
 * The source's batches with the MFA file joined in: each user with factors there gets them (a
 * TOTP factor that moves as a `factor` item, the rest in `mfaFactors` to re-enroll), before the
 * user's item. Factors of users the export does not have are reported at the end.
 */
async function* joinMfaFile(batches, factors, mfaPath) {
    for await (const batch of batches) {
        const out = [];
        for (const item of batch) {
            const mine = item.kind === 'user' ? factors.get(item.record.sourceId) : undefined;
            if (item.kind !== 'user' || !mine) {
                out.push(item);
                continue;
            }
            factors.delete(item.record.sourceId);
            const record = item.record;
            const reenroll = new Set(record.mfaFactors);
            let moved = false;
            for (const factor of mine) {
                if (factor.factor !== 'totp') {
                    reenroll.add(factor.factor);
                    continue;
                }
                if (factor.secret === undefined || factor.notMoved !== undefined || moved) {
                    if (factor.secret !== undefined && factor.notMoved !== undefined)
                        out.push(note(record.sourceId, factor, `The TOTP factor cannot be moved: ${factor.notMoved}.`));
                    if (!moved)
                        reenroll.add('totp');
                    continue;
                }
                const result = totpSecretItems({
                    userSourceId: record.sourceId,
                    raw: factor.secret,
                    location: factor.location,
                    field: factor.field,
                });
                out.push(...result.items);
                moved = result.moved;
                if (moved)
                    reenroll.delete('totp');
                else
                    reenroll.add('totp');
            }
            out.push({ kind: 'user', record: { ...record, mfaFactors: [...reenroll] } });
        }
        yield out;
    }
    const orphans = [];
    for (const [userId, list] of factors)
        orphans.push({
            kind: 'problem',
            problem: {
                entity: 'user',
                sourceId: userId,
                location: list[0]?.location ?? { file: mfaPath, line: 0 },
                field: 'user_id',
                code: 'mfa_user_not_found',
                message: 'The MFA file has factors for a user the user export does not have; they are not imported. Export both files at the same time.',
                severity: 'warning',
            },
        });
    if (orphans.length > 0)
        yield orphans;
}
function note(sourceId, factor, message) {
    const problem = {
        entity: 'user',
        sourceId,
        location: factor.location,
        field: factor.field,
        code: 'totp_not_moved',
        message: `${message} The user enrolls MFA again (reenroll.csv).`,
        severity: 'warning',
    };
    return { kind: 'problem', problem };
}
/** The rows of a CSV or JSON (array or NDJSON) file; rows that cannot be read stop the run with their line. */
async function* readRows(path) {
    const first = (await readTextHead(path)).trimStart().charAt(0);
    if (first === '')
        throw new types/* UsageError */.eb(`${path}: the MFA file holds only blank space; export it again or check the path.`);
    if (first === '[' || first === '{') {
        for await (const item of readJsonRecords(path)) {
            if (!item.ok)
                throw new types/* UsageError */.eb(`${path}:${item.line}: ${item.message} Export the MFA file again.`);
            if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value))
                throw new types/* UsageError */.eb(`${path}:${item.line}: each MFA record must be a JSON object.`);
            yield { value: item.value, line: item.line, columnOf: () => ({}) };
        }
        return;
    }
    let columns;
    for await (const item of readCsvRecords(path)) {
        if (!item.ok)
            throw new types/* UsageError */.eb(`${path}:${item.line}: ${item.message} Export the MFA file again.`);
        columns ??= new Map(Object.keys(item.row).map((name, i) => [name, i + 1]));
        const known = columns;
        yield {
            value: item.row,
            line: item.line,
            columnOf: (field) => (known.has(field) ? { column: known.get(field) } : {}),
        };
    }
}

// EXTERNAL MODULE: ./build/model/source-kinds.js
var source_kinds = __webpack_require__(77183);
;// CONCATENATED MODULE: ./build/sources/index.js












/**
 * Every record of the source's files, mapped to canonical records, in batches: a million users
 * should not be a million steps of an async generator.
 */
async function* readSourceBatches(kind, files, config) {
    if (files.mfa) {
        if (kind !== 'auth0' && kind !== 'supabase')
            throw new types/* UsageError */.eb(`--mfa is for Auth0 (the MFA export from Auth0 support) and Supabase (a dump of auth.mfa_factors): ${kind} exports carry TOTP secrets, if any, in the user file.`);
        const factors = await readMfaFile(kind, files.mfa);
        yield* joinMfaFile(readSourceBatches(kind, { ...files, mfa: undefined }, config), factors, files.mfa);
        return;
    }
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
                ...(config.policies.partialExports ? { partialExports: config.policies.partialExports } : {}),
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
    if (source_kinds/* SOURCE_KINDS */.s.includes(value))
        return value;
    throw new types/* UsageError */.eb(`Unknown source "${value}". Use one of: ${source_kinds/* SOURCE_KINDS */.s.join(', ')}.`);
}
/** Collects a source's items. */
function collectSourceRecords(items, options) {
    return collectSourceBatches(inBatches(items), options);
}
/** Collects a source's items, given in batches. */
async function collectSourceBatches(batches, { onLocation, onUser, onMembership } = {}) {
    const records = { users: [], organizations: [], memberships: [], factors: [], problems: [] };
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
            else if (item.kind === 'factor')
                records.factors.push(item.record);
            else if (item.kind === 'membership') {
                if (onMembership)
                    onMembership(item.record);
                else
                    records.memberships.push(item.record);
            }
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
 * must slow every worker of its bucket, not just the one that saw it.
 *
 * With `transport` (the engine's: `caller.transport`) every request waits for its bucket's pacer
 * and its timeout counts from when it is sent; the SDK's own timer, which would count the wait
 * too, is pushed out of the way.
 */
function createWorkOS(target, transport) {
    const url = parseApiUrl(target.apiUrl ?? DEFAULT_API_URL);
    const timeoutMs = target.timeoutMs ?? requestTimeoutFromEnv() ?? 30_000;
    return new node_lib/* WorkOS */.s6(target.apiKey.trim(), {
        apiHostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        https: url.protocol === 'https:',
        maxRetries: 0,
        timeout: transport ? LONGEST_TIMER_MS : timeoutMs,
        ...(transport ? { fetchFn: transport.fetchFor(timeoutMs) } : {}),
    });
}
/** The longest delay a Node timer takes (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
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

;// CONCATENATED MODULE: ./build/workos/factors.js
/** Every factor of a WorkOS user (a user has a few: one page of 100 is all of them, but the cursor is followed). */
async function listUserFactors(workos, userId) {
    const page = await workos.multiFactorAuth.listUserAuthFactors({ userId, limit: 100 });
    const all = await page.autoPagination();
    return all.map((f) => ({ id: f.id, type: f.type }));
}
/** Enrolls a TOTP factor with the source's secret; returns its id. */
async function enrollTotpFactor(workos, userId, secret, issuer) {
    const answer = await workos.multiFactorAuth.createUserAuthFactor({
        userId,
        type: 'totp',
        totpSecret: secret,
        ...(issuer ? { totpIssuer: issuer } : {}),
    });
    return answer.authenticationFactor.id;
}
/** Deletes a factor (`DELETE /auth/factors/{id}`). */
async function deleteFactor(workos, factorId) {
    await workos.multiFactorAuth.deleteFactor(factorId);
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
        metadataDigest: userMetadataDigest(user.metadata),
        signedIn: user.lastSignInAt !== null && user.lastSignInAt !== undefined,
    };
}
function liveOrganization(org) {
    return {
        id: org.id,
        externalId: org.externalId ?? null,
        name: org.name,
        domains: sortedJoined(org.domains.map((d) => d.domain.toLowerCase())),
        verifiedDomains: sortedJoined(org.domains.filter((d) => d.state === 'verified').map((d) => d.domain.toLowerCase())),
        metadataDigest: metadataDigest(org.metadata),
    };
}
function liveMembership(m) {
    const slugs = m.roles?.map((r) => r.slug) ?? (m.role ? [m.role.slug] : []);
    return { id: m.id, organizationId: m.organizationId, userId: m.userId, roles: sortedJoined(slugs) };
}
function addUser(index, user) {
    index.users.add(liveUser(user));
    const mark = lazyMarkOf(user.metadata);
    if (mark !== undefined)
        index.lazy[mark === 'moved' ? 'moved' : 'pending']++;
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

;// CONCATENATED MODULE: ./build/model/role-plan.js
// The roles a run creates, as the plan works them out (plan/roles.ts) and apply/roles.ts creates them.
/** Role and permission names: at most 48 characters in WorkOS. */
const NAME_LIMIT = 48;
/** A permission's name when the source gives none: its slug (WorkOS needs a name, at most 48 long). */
function permissionName(slug) {
    return slug.slice(0, NAME_LIMIT);
}

;// CONCATENATED MODULE: ./build/plan/roles.js



// Roles the export's memberships name and the WorkOS environment lacks: created before the
// memberships, with the source's name and permissions (DESIGN §5), unless the config's
// policies.missingRoles says report (then their memberships are unknown_role, as before).
/** WorkOS takes a role slug of lower-case letters, digits, `-` and `_`, at most 48 long. */
const ROLE_SLUG = /^[a-z0-9_-]{1,48}$/;
/**
 * The source's roles as the memberships describe them, one per slug: the first name seen, and
 * every permission any membership lists for it (Clerk lists them per membership).
 */
class SourceRoles {
    roles = new Map();
    add(membership) {
        for (const role of membership.roleDetails ?? []) {
            let known = this.roles.get(role.slug);
            if (known === undefined)
                this.roles.set(role.slug, (known = { name: role.name, permissions: new Set() }));
            for (const permission of role.permissions)
                known.permissions.add(permission);
        }
    }
    get(slug) {
        const known = this.roles.get(slug);
        return known && { slug, name: known.name, permissions: [...known.permissions].sort() };
    }
}
/**
 * The roles to create: those `used` names that the environment lacks and WorkOS would take as a
 * slug. A role the source does not describe (a CSV `role_slugs` entry) gets a name from its slug
 * and no permissions.
 */
function planRoles(used, source, environment) {
    const create = [];
    const permissions = new Set();
    let unchanged = 0;
    for (const slug of [...new Set(used)].sort()) {
        if (environment.roles.has(slug)) {
            unchanged++;
            continue;
        }
        if (!creatableRoleSlug(slug))
            continue;
        const role = source.get(slug) ?? { slug, name: nameFromSlug(slug), permissions: [] };
        const planned = { slug, name: role.name.slice(0, NAME_LIMIT), permissions: role.permissions };
        create.push({ ...planned, digest: inputDigest(planned) });
        for (const p of role.permissions)
            if (!environment.permissions.has(p))
                permissions.add(p);
    }
    return { create, createPermissions: [...permissions].sort(), unchanged };
}
function creatableRoleSlug(slug) {
    return ROLE_SLUG.test(slug);
}
function nameFromSlug(slug) {
    return slug
        .split(/[_-]+/)
        .filter((w) => w !== '')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ');
}
/** The "Would change" counts of the roles (changes.roles in summary.json); none without a plan. */
function roleChanges(plan) {
    if (!plan)
        return undefined;
    return { create: plan.create.length, update: 0, unchanged: plan.unchanged, remove: 0, conflict: 0 };
}

;// CONCATENATED MODULE: ./build/workos/roles.js
/** The environment's role slugs (organization roles extend these per organization). */
async function listRoleSlugs(workos) {
    const roles = await workos.authorization.listEnvironmentRoles();
    return new Set(roles.data.map((r) => r.slug));
}
/** The environment's roles with their permission slugs, by role slug. */
async function listRolePermissions(workos) {
    const roles = await workos.authorization.listEnvironmentRoles();
    return new Map(roles.data.map((r) => [r.slug, r.permissions]));
}
/** Every permission slug of the environment (a few pages at most). */
async function listPermissionSlugs(workos) {
    const first = await workos.authorization.listPermissions({ limit: 100 });
    const all = await first.autoPagination();
    return new Set(all.map((p) => p.slug));
}
async function createRole(workos, role) {
    const created = await workos.authorization.createEnvironmentRole({ slug: role.slug, name: role.name });
    return created.id;
}
async function setRolePermissions(workos, slug, permissions) {
    await workos.authorization.setEnvironmentRolePermissions(slug, { permissions });
}
async function createPermission(workos, permission) {
    const created = await workos.authorization.createPermission(permission);
    return created.id;
}
async function deletePermission(workos, slug) {
    await workos.authorization.deletePermission(slug);
}

;// CONCATENATED MODULE: ./build/plan/environment-roles.js


/**
 * Reads the environment's roles (and, when a role to create has permissions, its permissions)
 * and plans the roles to create. `known` is what a membership may name: the environment's roles
 * and those about to be created. With `policies.missingRoles: report` nothing is planned.
 */
async function readEnvironmentRoles(workos, read, used, source, missingRoles = 'create') {
    const roles = await read(() => listRolePermissions(workos));
    const known = new Set(roles.keys());
    if (missingRoles === 'report')
        return { known };
    const slugs = new Set();
    for (const m of used)
        for (const role of m.roles)
            slugs.add(role);
    const needsPermissions = [...slugs].some((slug) => !known.has(slug) && (source.get(slug)?.permissions.length ?? 0) > 0);
    const permissions = needsPermissions ? await read(() => listPermissionSlugs(workos)) : new Set();
    const plan = planRoles(slugs, source, { roles: known, permissions });
    for (const role of plan.create)
        known.add(role.slug);
    return { known, plan };
}

;// CONCATENATED MODULE: ./build/modes/pipeline.js
// What every mode shares: read the exports, plan, connect, read WorkOS, diff, report. Each mode
// (plan.ts, import.ts, verify.ts, rollback.ts) is one function over these steps.





































/** The options every export-reading mode shares, from the settings. */
function exportRunOptions(settings, resolved) {
    return {
        source: settings.source,
        files: resolved.files,
        fileLabels: resolved.fileLabels,
        config: resolved.config,
        stateDir: settings.stateDir,
        outDir: settings.outDir,
        includePii: settings.includePii,
        target: settings.target,
        readRateLimit: settings.readRateLimit,
        force: settings.force,
        forcePasswords: settings.forcePasswords,
        log: resolved.log,
        signal: resolved.signal,
    };
}
const DEFAULTS = DEFAULT_PACING;
/** Reads and plans the exports; connects (checking the key's shape first) when there is a key. */
async function prepareRun(mode, options) {
    const log = options.log ?? silentLogger;
    // Connecting checks the key's shape: a wrong key fails in a second, not after reading a million-user export.
    const caller = newCaller(options);
    const workos = options.target ? connect(options.target, caller) : undefined;
    const config = options.config ?? DEFAULT_MAPPING_CONFIG;
    // Before anything is read or written: --out and --state must be directories (or not exist yet).
    checkRunDirectories({ state: options.stateDir, out: options.outDir });
    setInputLimits(config.limits);
    // Sized from the export (about 500 bytes a user), so its indexes need not grow a million users long.
    const planner = new UserPlanner(config.policies, estimatedRecords(options.files.users, 500));
    const memberships = new PlannedMemberships({ merge: false });
    const sourceRoles = new SourceRoles();
    const records = await log.group(`Reading the ${options.source} export`, () => readAll(options, config, planner, memberships, sourceRoles, log));
    const users = planner.finish();
    const organizations = planOrganizations(records.organizations, memberships, users);
    const plan = { users, organizations, factors: planTotpFactors(records.factors, users.users) };
    log.info(describePlan(plan, records.problems));
    const run = {
        mode,
        options,
        log,
        config,
        identity: { source: options.source, fingerprint: configFingerprint(config) },
        plan,
        problems: [...records.problems, ...users.invalid, ...organizations.invalid, ...plan.factors.problems],
        // An organizations file, or organizations in the user file itself (the generic CSV).
        managesOrganizations: options.files.organizations !== undefined || organizations.organizations.length > 0,
        workos,
        caller,
        started: Date.now(),
    };
    if (workos && plan.organizations.memberships.length > 0)
        await checkRoles(run, workos, sourceRoles);
    return run;
}
/** A run that reads no export (rollback): the checkpoint says what to do. */
function prepareEmptyRun(mode, options) {
    const config = options.config ?? DEFAULT_MAPPING_CONFIG;
    checkRunDirectories({ state: options.stateDir, out: options.outDir });
    const caller = newCaller(options);
    return {
        mode,
        options,
        log: options.log ?? silentLogger,
        config,
        identity: { source: options.source, fingerprint: configFingerprint(config) },
        plan: {
            users: { users: new PlannedUsers(), invalid: [], merges: [] },
            organizations: { organizations: [], memberships: new PlannedMemberships(), invalid: [] },
            factors: emptyFactorPlan(),
        },
        problems: [],
        managesOrganizations: false,
        workos: options.target ? connect(options.target, caller) : undefined,
        caller,
        started: Date.now(),
    };
}
function newCaller(options) {
    return new WorkOSCaller(new PacedTransport(pacingLimits(options)), undefined, {
        apiUrl: options.target?.apiUrl ?? DEFAULT_API_URL,
    });
}
/** Unknown roles are found before any write (a dry run with a key finds them too). */
async function checkRoles(run, workos, sourceRoles) {
    const roles = await readEnvironmentRoles(workos, (request) => run.caller.read(request), run.plan.organizations.memberships, sourceRoles, run.config.policies.missingRoles).catch((error) => {
        run.log.warn(`Could not list the environment's roles (${error.message}); role slugs are not checked before writing.`);
        return undefined;
    });
    if (!roles)
        return;
    run.plan.roles = roles.plan;
    const checked = checkMembershipRoles(run.plan.organizations.memberships, roles.known);
    run.plan.organizations = { ...run.plan.organizations, memberships: checked.valid };
    for (const problem of checked.invalid)
        run.problems.push(problem);
}
function requireWorkOS(run) {
    if (!run.workos)
        throw new types/* UsageError */.eb(`${run.mode} needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).`);
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
    const plannedUsers = run.plan.users.users;
    return diffMigration({
        users: plannedUsers,
        importsUser: (sourceId) => plannedUsers.ownerOf(sourceId) !== undefined,
        organizations: run.plan.organizations.organizations,
        memberships: run.plan.organizations.memberships,
        live,
        journal,
        passwordsFromJournal,
        notImported: { users: notImported('user'), organizations: notImported('organization') },
        skippedUsers: new Set(run.problems.filter((p) => p.entity === 'user' && p.severity === 'skip' && p.sourceId).map((p) => p.sourceId)),
        managesOrganizations: run.managesOrganizations,
        ownsExternalId: (entity, id) => sourceOwnsExternalId(run.options.source, entity, id),
        forcePasswords: run.options.forcePasswords,
    });
}
/**
 * changes.jsonl, a line at a time, into the report directory before anything is written to
 * WorkOS (plan, import); the names of the files written, for finishRun's `writtenFiles`.
 */
async function writeChangesFile(run, diff) {
    const { outDir, includePii } = run.options;
    if (!outDir)
        return [];
    await (0,promises_.mkdir)(outDir, { recursive: true });
    await writeLines((0,external_node_path_.join)(outDir, 'changes.jsonl'), changesLines(diff, includePii ?? false));
    return ['changes.jsonl'];
}
/** TOTP factors an import would enroll now: WorkOS is read for the users it holds (plan, verify). */
function factorChanges(run, workos, diff) {
    return factorsInWorkOS(run.plan.factors, diff.users, async (userId) => (await run.caller.read(() => listUserFactors(workos, userId))).some((f) => f.type === 'totp'), DEFAULTS.concurrency);
}
/** `--force-passwords` replaces passwords people may have changed in WorkOS: say how many, before any write. */
function warnForcedPasswords(run, diff) {
    const forced = passwordMemory(diff).overwritesSignedIn;
    if (forced === 0)
        return;
    run.log.warn(`--force-passwords: ${forced} user(s) who have signed in to WorkOS get the export's password hash, replacing the password they use in WorkOS now.`);
}
/** Removals prune never deletes, by entity; undefined when there are none. */
function keptRemovalCounts(removals) {
    const kept = removals?.filter((r) => r.keptBecause !== undefined) ?? [];
    return kept.length > 0 ? removalCounts(kept) : undefined;
}

/**
 * The read-only check verify and cutover share: WorkOS read and diffed (hashes count only with
 * a checkpoint: WorkOS never returns them, so only the journal knows), then the test sign-ins.
 */
async function checkLive(run, workos, journal, probes) {
    const live = await readWorkOS(run, workos);
    const diff = diffRun(run, live, journal, journal !== undefined);
    const lazy = live.lazy.pending + live.lazy.moved > 0 ? { ...live.lazy } : undefined;
    const logins = probes
        ? await run.log.group(`Signing in ${probes.probes.length} test account(s)`, () => runLoginProbes(workos, run.caller, probes.clientId, probes.probes, probes.label))
        : undefined;
    return { diff, reconciliation: reconcile(diff), ...(logins ? { logins } : {}), ...(lazy ? { lazy } : {}) };
}
/** Builds the summary and writes the reports: the last step of every mode. */
async function finishRun(run, report) {
    const { options } = run;
    const elapsedSeconds = (Date.now() - run.started) / 1000;
    const c = run.caller.counters;
    const problems = [...report.problems, ...(report.reconciliation?.drift ?? []), ...(report.logins?.problems ?? [])];
    const r = report.reconciliation;
    // Every outcome goes through one stream: counted, and its report rows written a file at a time.
    const outcomes = report.streamed ?? outcomeStream(run);
    for (const o of report.streamed ? [] : report.outcomes)
        outcomes.add(o);
    const summary = (0,report_summary/* buildSummary */.fR)({
        mode: run.mode,
        source: options.source,
        plan: run.plan.users,
        problems,
        outcomes: [],
        outcomeCounts: outcomes.counts,
        pendingNotListed: report.pendingNotListed,
        stoppedBy: report.stoppedBy,
        workos: r && { users: r.users, organizations: r.organizations, memberships: r.memberships },
        changes: report.showChanges && report.diff
            ? { ...countChanges(report.diff), ...withDefined('roles', roleChanges(run.plan.roles)) }
            : undefined,
        roles: report.roles,
        webhooks: report.webhooks,
        removals: report.removals ? removalCounts(report.removals) : report.removalsCounted,
        removalsKept: keptRemovalCounts(report.removals),
        deleted: report.deleted,
        cutover: report.cutover,
        fatal: report.fatal,
        factors: report.factors,
        passwords: report.passwords,
        requests: run.workos ? { ...c, writesPerSecond: writeRate(c), elapsedSeconds } : undefined,
        processedThisRun: report.processed,
        lazy: report.lazy,
        logins: report.logins && {
            tried: report.logins.tried,
            succeeded: report.logins.succeeded,
            failed: report.logins.failed,
        },
    });
    // Failed writes are outcomes, counted once as failed; reports list them with the problems.
    const shown = [...problems, ...outcomes.failures.map(failureProblem)];
    const markdown = renderSummaryMarkdown(summary, shown, { maxChars: 1_000_000 });
    const streamed = outcomes.finish();
    const files = options.outDir && streamed
        ? await writeReportFiles(options.outDir, {
            summary,
            markdown,
            problems,
            outcomes: [],
            streamed,
            users: run.plan.users.users,
            merges: run.plan.users.merges,
            includePii: options.includePii ?? false,
            extraFiles: report.extraFiles,
            writtenFiles: report.writtenFiles,
        })
        : undefined;
    return {
        summary,
        markdown,
        problems: shown,
        outcomes: report.streamed ? outcomes.failures : report.outcomes,
        files,
        journalAppended: report.journalAppended ?? 0,
    };
}
function withDefined(key, value) {
    return value === undefined ? {} : { [key]: value };
}
/** Where a run's outcomes go: counted, and (with a report directory) written as they come. */
function outcomeStream(run) {
    return new OutcomeStream(run.options.outDir, run.plan.users.merges, run.options.includePii ?? false);
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
/** The SDK client sends through the caller's paced transport: every request waits for its bucket. */
function connect(target, caller) {
    checkApiKey(target.apiKey);
    return createWorkOS(target, caller.transport);
}
/**
 * Reads the export: users go straight into the planner (a million of them never sit in memory
 * as objects); organizations, memberships and problems are collected.
 */
async function readAll(options, config, planner, memberships, roles, log) {
    const reading = new ReadProgress(log, `Reading the ${options.source} export`);
    try {
        return await collectSourceBatches(readSourceBatches(options.source, options.files, config), {
            onLocation: (location) => {
                reading.record();
                const label = options.fileLabels?.get(location.file);
                if (label !== undefined)
                    location.file = label;
            },
            onUser: (record) => planner.add(record),
            onMembership: (m) => {
                roles.add(m);
                memberships.add(m.organizationSourceId, m.userSourceId, m.roles, m.location, m.userField);
            },
        });
    }
    catch (error) {
        throw relabelError(error, options.fileLabels);
    }
    finally {
        reading.done();
    }
}
/** "2 invalid, 1 skipped": a blocked user's memberships are skipped with it (summary.json counts them so), not invalid. */
function notBroughtOver(organizationProblems, problems) {
    const mine = [
        ...organizationProblems,
        ...problems.filter((p) => p.entity === 'organization' || p.entity === 'membership'),
    ];
    const skipped = mine.filter((p) => p.severity === 'skip').length;
    const invalid = mine.filter((p) => p.severity === 'error').length;
    return `${invalid} invalid${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
function describePlan(plan, problems) {
    const count = (entity) => problems.filter((p) => p.severity !== 'warning' && p.entity === entity).length;
    const u = plan.users;
    const o = plan.organizations;
    const conflicts = u.invalid.filter((p) => p.code === user_plan/* MERGE_UNVERIFIED */.d).length;
    return [
        `Users: ${u.users.length} to bring to WorkOS, ${u.invalid.length + count('user')} invalid or skipped, ${u.merges.length} merge(s)${conflicts > 0 ? `, ${conflicts} left out for a person (an unverified account shares a verified user's email: merge_unverified)` : ''}.`,
        ...(o.organizations.length + o.memberships.length > 0
            ? [
                `Organizations: ${o.organizations.length}; memberships: ${o.memberships.length}; ${notBroughtOver(o.invalid, problems)}.`,
            ]
            : []),
    ].join('\n');
}
/**
 * Before any write: the webhook events the diff's writes will send the environment's enabled
 * endpoints, said in the log (and returned for the summary); none without endpoints.
 */
async function pipeline_forecastWebhooks(run, workos, diff, mode) {
    const webhooks = await readWebhookForecast(workos, (request) => run.caller.read(request), () => plannedWrites(countChanges(diff), run.plan.roles), (message) => run.log.warn(message));
    if (webhooks)
        run.log.warn(webhookWarning(webhooks, mode));
    return webhooks;
}

;// CONCATENATED MODULE: ./build/modes/cutover.js


















/** cutover's options, from the settings the CLI or the action parsed. */
function cutoverOptions(settings, resolved) {
    return {
        ...exportRunOptions(settings, resolved),
        loginProbes: resolved.loginProbes,
        portalLinks: settings.portalLinks,
        onSecret: resolved.onSecret,
    };
}
async function runCutover(input) {
    const log = input.log ?? silentLogger;
    const onSecret = input.onSecret ?? (() => { });
    const members = enterpriseMembers({
        users: input.users,
        organizations: input.organizations.map((o) => ({ sourceId: o.sourceId, domains: o.input.domains })),
        memberships: input.memberships,
        workosOrganizationId: (sourceId) => input.reconciliation.found.organization(sourceId),
    });
    const reader = connectionsReader(input.workos, input.read);
    const sso = await log.group(`Checking the SSO connections of ${members.organizations.length} organization(s) with enterprise sign-in`, () => gatherSsoEvidence(members, {
        connectionsOf: reader.connectionsOf,
        domainsOf: reader.domainsOf,
        async ssoPortalLink(organizationId) {
            const link = await reader.ssoPortalLink(organizationId);
            // Masked in everything but sso-setup.csv, whose job is to hand it over.
            (0,mask/* registerSecret */.cl)(link);
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
        people: peopleEvidence(input.passwordsNotRead ? { ...input.users.tally, passwordReset: 0 } : input.users.tally, files
            ? { reenroll: 'reenroll.csv', ...(input.passwordsNotRead ? {} : { passwordReset: 'password-reset.csv' }) }
            : {}),
        rollback: rollbackCoverage({ found: input.reconciliation.found, journal: input.journal }),
    };
    const decision = decideCutover(evidence);
    const markdown = renderCutoverMarkdown(decision, evidence);
    if (input.outDir && files) {
        await (0,promises_.mkdir)(input.outDir, { recursive: true });
        await (0,promises_.writeFile)(files.cutoverJson, renderCutoverJson(decision));
        await (0,promises_.writeFile)(files.cutoverMd, markdown);
        await (0,promises_.writeFile)(files.ssoSetup, renderSsoSetupCsv(evidence));
        await writeLines(files.reenroll, reenrollRows(input.users.withMfa(), input.includePii ?? false));
        if (!input.passwordsNotRead)
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
    const run = await prepareRun('cutover', options);
    const workos = requireWorkOS(run);
    const journal = openJournal(run, 'read');
    const outcomes = outcomeStream(run);
    try {
        const { diff, reconciliation, logins, lazy } = await checkLive(run, workos, journal, options.loginProbes);
        // Counted and written as they are worked out: a million users and memberships are never held.
        for (const outcome of liveOutcomes(diff))
            outcomes.add(outcome);
        const count = (status) => outcomes.counts.user[status] + outcomes.counts.organization[status] + outcomes.counts.membership[status];
        const notRead = passwordsNotRead(options.source, options.files);
        const result = await runCutover({
            passwordsNotRead: notRead,
            source: options.source,
            users: run.plan.users.users,
            organizations: run.plan.organizations.organizations,
            memberships: run.plan.organizations.memberships,
            reconciliation: { ...reconciliation, found: new FoundRecords(diff) },
            conflicts: diff.users.filter((c) => c.action === 'conflict').length,
            // Listed, never pruned: a person decides (import --prune, or put them back in the export).
            unreviewedRemovals: diff.removals.length,
            checkpoint: { pending: count('pending'), failed: count('failed') },
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
            outcomes: [],
            streamed: outcomes,
            problems: [...run.problems, ...conflictProblems(diff)],
            reconciliation,
            diff,
            removals: diff.removals,
            logins,
            passwords: { sent: 0, ...passwordMemory(diff), ...(notRead ? { notChecked: true } : {}) },
            lazy,
            extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
            cutover: { go: result.decision.go, failing: failingChecks(result.decision) },
        });
        // The job summary and PR comment of a cutover are its checks (cutover.md).
        return { ...report, markdown: result.markdown, ...(result.secrets.length > 0 ? { secrets: result.secrets } : {}) };
    }
    catch (error) {
        outcomes.discard();
        throw error;
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
        case 'ours': {
            // Made by our own create whose answer was lost: it holds what we sent, hash included.
            if (createdByThisRun)
                return { status: 'created', workosId: existing.id, passwordSent: true };
            // Made meanwhile by another run: what it sent is not known here, so the hash goes again,
            // unless the user has signed in to WorkOS since (the password there wins).
            const send = write.sendPassword && (!existing.signedIn || write.forcePasswords === true);
            if (existing.matches && !send)
                return { status: 'unchanged', workosId: existing.id, passwordSent: false };
            return { status: 'updated', workosId: await update(send), passwordSent: send };
        }
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

;// CONCATENATED MODULE: ./build/apply/factors.js




/**
 * The import's factor stage: it watches the users phase go by, then enrolls. A factor goes only
 * to a user that phase brought to the plan (created, updated or already as planned), never to
 * one whose write failed (a failed email conflict names another person's WorkOS user); a user
 * created in this run has no factors to read first. Only the users that have a factor are
 * remembered.
 */
class TotpFactorStage {
    factors;
    wanted;
    userIds = new Map();
    createdNow = new Set();
    constructor(factors) {
        this.factors = factors;
        this.wanted = new Set(factors.map((f) => f.userSourceId));
    }
    /** Sees each outcome of the users phase. */
    noteUser(outcome) {
        if (!this.wanted.has(outcome.sourceId) || !outcome.workosId)
            return;
        if (outcome.status !== 'created' && outcome.status !== 'updated' && outcome.status !== 'unchanged')
            return;
        this.userIds.set(outcome.sourceId, outcome.workosId);
        if (outcome.status === 'created')
            this.createdNow.add(outcome.sourceId);
    }
    run(phase) {
        return applyTotpFactors(this.factors, {
            ...phase,
            userId: (id) => this.userIds.get(id),
            createdNow: (id) => this.createdNow.has(id),
        });
    }
}
/** Enrolls the planned factors of users WorkOS holds now; the others stay pending for a rerun. */
async function applyTotpFactors(factors, phase) {
    const counts = { total: factors.length, enrolled: 0, unchanged: 0, failed: 0, pending: 0 };
    const problems = [];
    let processed = 0;
    let unreachable;
    const ready = [];
    for (const factor of factors) {
        const userId = phase.userId(factor.userSourceId);
        if (userId === undefined)
            counts.pending++;
        else
            ready.push({ factor, userId });
    }
    if (ready.length === 0)
        return { counts, problems, processed };
    const tally = (result) => counts[result]++;
    let started = 0;
    const { notStarted, stoppedBy } = await phase.log.group(`Enrolling TOTP factors (${ready.length})`, () => runWorkQueue(ready, async ({ factor, userId }) => {
        started++;
        try {
            const result = await applyFactor(factor, userId, phase);
            if (result === 'enrolled')
                processed++;
            tally(result);
        }
        catch (error) {
            if (error instanceof WorkOSUnreachableError) {
                unreachable ??= error;
                tally('pending');
                throw error;
            }
            tally('failed');
            problems.push(factorFailure(factor, describeFailure(error)));
        }
    }, phase.limits).catch((error) => {
        // WorkOS stopped answering: the factors not reached wait for the next run, like every other record.
        if (!(error instanceof WorkOSUnreachableError))
            throw error;
        return { notStarted: ready.slice(started), stoppedBy: 'fatal' };
    }));
    counts.pending += notStarted.length;
    return { counts, problems, processed, ...(stoppedBy ? { stoppedBy } : {}), ...(unreachable ? { unreachable } : {}) };
}
async function applyFactor(factor, userId, phase) {
    const { caller, journal } = phase;
    if (!phase.createdNow(factor.userSourceId)) {
        const existing = await totpFactors(phase, userId);
        const entry = journal?.get('factor', factor.userSourceId);
        const ours = entry && entry.status !== 'deleted' ? existing.find((f) => f.id === entry.workos_id) : undefined;
        // The source's secret changed since this migration enrolled it: the old factor goes, the new one comes.
        if (ours && entry.input_digest !== factor.digest) {
            await caller.idempotentWrite(() => deleteFactor(phase.workos, ours.id));
            journal?.record({ ...entry, status: 'deleted' });
        }
        else if (existing.length > 0) {
            // Ours, or one this checkpoint did not enroll (the user's own, an earlier checkpoint's): it
            // stays, and only ours is journaled, so rollback never deletes a factor it did not make.
            return 'unchanged';
        }
    }
    const id = await enroll(factor, userId, phase);
    journal?.record({
        entity: 'factor',
        source_id: factor.userSourceId,
        workos_id: id,
        status: 'created',
        input_digest: factor.digest,
    });
    return 'enrolled';
}
/** A create that got no clear answer may have been carried out: look before enrolling again. */
async function enroll(factor, userId, phase) {
    const { caller } = phase;
    for (let attempt = 1;; attempt++) {
        try {
            return await caller.create(() => enrollTotpFactor(phase.workos, userId, factor.secret));
        }
        catch (error) {
            if (!(error instanceof AmbiguousWriteError) || attempt >= caller.maxTransientAttempts)
                throw error;
            await caller.backoff(attempt);
            const made = await totpFactors(phase, userId);
            if (made.length > 0)
                return made[0].id;
        }
    }
}
async function totpFactors(phase, userId) {
    const all = await phase.caller.read(() => listUserFactors(phase.workos, userId));
    return all.filter((f) => f.type === 'totp');
}
function factorFailure(factor, failure) {
    const requestId = failure.requestId ? ` (request ${failure.requestId})` : '';
    return {
        entity: 'user',
        sourceId: factor.userSourceId,
        location: factor.location,
        code: failure.code === 'failed' ? 'totp_factor_failed' : failure.code,
        message: `The TOTP factor could not be enrolled: ${failure.message}${requestId}. A rerun tries again; until then the user signs in without it.`,
        severity: 'error',
        failed: true,
    };
}
/**
 * The factors a rollback deletes: every one the journal says this migration enrolled and has not
 * deleted, whoever its user is (a claimed user stays, without the factor the migration gave it).
 */
function enrolledFactors(entries) {
    const out = [];
    for (const e of entries)
        if (e.entity === 'factor' && e.status === 'created')
            out.push({ userSourceId: e.source_id, factorId: e.workos_id });
    return out;
}
/**
 * Of the factors a rollback deletes, those whose user the rollback deletes too go with it (no
 * request of their own; `goneWithUsers` journals them once their users are gone); the others,
 * on users that stay, are deleted one by one.
 */
function factorsByOwner(factors, userIsDeleted) {
    const own = factors.filter((f) => !userIsDeleted(f.userSourceId));
    const withUser = factors.filter((f) => userIsDeleted(f.userSourceId));
    return { own, withUser };
}
/** Journals the factors whose users are gone now as deleted with them; returns how many. */
function goneWithUsers(factors, journal) {
    let gone = 0;
    for (const f of factors) {
        const entry = journal.get('factor', f.userSourceId);
        if (journal.get('user', f.userSourceId)?.status !== 'deleted' || !entry || entry.status === 'deleted')
            continue;
        journal.record({ ...entry, status: 'deleted' });
        gone++;
    }
    return gone;
}
/** Deletes enrolled factors (rollback); already gone counts as deleted. Journaled. */
async function deleteEnrolledFactors(targets, phase) {
    let deleted = 0;
    const problems = [];
    const { stoppedBy } = await runWorkQueue(targets, async ({ userSourceId, factorId }) => {
        try {
            await phase.caller.idempotentWrite(() => deleteFactor(phase.workos, factorId));
        }
        catch (error) {
            if (error instanceof WorkOSUnreachableError)
                throw error;
            if (!(error instanceof WorkOSCallError && error.failure.kind === 'not_found')) {
                problems.push({
                    entity: 'user',
                    sourceId: userSourceId,
                    location: { file: 'checkpoint', line: 0 },
                    code: 'delete_failed',
                    message: `Could not delete TOTP factor ${factorId}: ${describeFailure(error).message} Run rollback --confirm again.`,
                    severity: 'warning',
                });
                return;
            }
        }
        const entry = phase.journal?.get('factor', userSourceId);
        if (entry)
            phase.journal?.record({ ...entry, status: 'deleted' });
        deleted++;
    }, phase.limits);
    return { deleted, problems, ...(stoppedBy ? { stoppedBy } : {}) };
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


/** `liveVerified`: domains WorkOS holds verified now, never sent back as pending. */
function organizationFields(input, liveVerified) {
    return {
        name: input.name,
        externalId: input.externalId,
        metadata: input.metadata,
        ...(input.domains.length > 0
            ? {
                domainData: domainData(input, liveVerified).map(({ domain, state }) => ({
                    domain,
                    state: state === 'verified' ? node_lib/* DomainDataState */.kA.Verified : node_lib/* DomainDataState */.kA.Pending,
                })),
            }
            : {}),
    };
}
function liveDomains(org) {
    const sorted = (ds) => ds
        .map((d) => d.domain.toLowerCase())
        .sort()
        .join(',');
    return { domains: sorted(org.domains), verifiedDomains: sorted(org.domains.filter((d) => d.state === 'verified')) };
}
function organizationMatches(org, input) {
    const metadata = org.metadata ?? {};
    const wanted = input.metadata ?? {};
    return (org.name === input.name &&
        !domainsDiffer(input, liveDomains(org)) &&
        Object.keys(metadata).length === Object.keys(wanted).length &&
        Object.entries(wanted).every(([k, v]) => metadata[k] === v));
}
function organizationWriter(workos) {
    return {
        entity: 'organization',
        create: async (org) => (await workos.organizations.createOrganization(organizationFields(org.input))).id,
        async update(id, org) {
            // Only when domains go along: what WorkOS verified since the export stays verified.
            const current = org.input.domains.length > 0 ? await workos.organizations.getOrganization(id) : undefined;
            const verified = new Set(current ? liveDomains(current).verifiedDomains.split(',') : []);
            return (await workos.organizations.updateOrganization({ organization: id, ...organizationFields(org.input, verified) })).id;
        },
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
        // Without an external id of ours (a user keyed by email), whatever WorkOS holds is not ours to set.
        (input.externalId === undefined || user.externalId === input.externalId) &&
        !userMetadataDiffers(userMetadataDigest(user.metadata), input.metadata));
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
        update: async (id, user, { sendPassword }) => {
            const input = await keepingLazyMark(workos, id, user.input);
            return (await workos.userManagement.updateUser(toUpdateUserOptions(id, input, { withPassword: sendPassword })))
                .id;
        },
        delete: (id) => workos.userManagement.deleteUser(id),
        async find(user, conflictCode) {
            // A user keyed by email (no external id of ours) can only be found by its email.
            const found = conflictCode === 'email_not_available' || user.input.externalId === undefined
                ? await lookups.byEmail(user.input.email)
                : await lookups.byExternalId(user.sourceId);
            if (!found)
                return undefined;
            if (user.input.externalId === undefined && (found.externalId ?? null) === null)
                return { id: found.id, owner: 'unclaimed', matches: userMatchesInput(found, user.input) };
            if (found.externalId === user.sourceId) {
                if (found.email.toLowerCase() !== user.input.email.toLowerCase()) {
                    return {
                        id: found.id,
                        owner: 'conflict',
                        matches: false,
                        message: `WorkOS user ${found.id} has this external id and another email, which another WorkOS user holds. Resolve it in WorkOS (or delete one of them) and run again.`,
                    };
                }
                return {
                    id: found.id,
                    owner: 'ours',
                    matches: userMatchesInput(found, user.input),
                    signedIn: found.lastSignInAt !== null && found.lastSignInAt !== undefined,
                };
            }
            return { id: found.id, owner: found.externalId ? 'other' : 'unclaimed', matches: false };
        },
    };
}
/**
 * Metadata is sent whole, and the lazy migration's mark in WorkOS is not the export's to undo: a
 * user who moved since holds `moved` (never set back to `pending`), and an import without
 * --lazy-passwords keeps a mark it finds (only --lazy-finish and rollback clear marks).
 */
async function keepingLazyMark(workos, id, input) {
    if (input.metadata === undefined)
        return input;
    const planned = lazyMarkOf(input.metadata);
    if (planned !== undefined && planned !== LAZY_PENDING)
        return input;
    const current = lazyMarkOf((await workos.userManagement.getUser(id)).metadata);
    const keep = current === LAZY_MOVED || (planned === undefined && current !== undefined);
    return keep ? { ...input, metadata: { ...input.metadata, [LAZY_METADATA_KEY]: current } } : input;
}

;// CONCATENATED MODULE: ./build/apply/apply-diff.js












/**
 * Users, then organizations, then memberships (which need both), then the TOTP factors (which
 * need their users), under one stage budget. Each outcome goes to `outcomes` as it happens; what
 * the memberships and factors need of the users and organizations (their WorkOS ids, whether
 * they failed) is kept as it goes by.
 */
async function applyDiff(workos, diff, ctx, options) {
    const { limits: budget, outcomes } = options;
    const deadline = budget.timeBudgetMs !== undefined ? Date.now() + budget.timeBudgetMs : undefined;
    let processed = 0;
    let stoppedBy;
    let unreachable;
    const limits = () => ({
        concurrency: budget.concurrency ?? DEFAULT_PACING.concurrency,
        // The limiter paces; in flight is whatever reaches its rate at the measured latency.
        inFlight: () => ctx.caller.inFlightTarget(),
        maxRecords: stoppedBy
            ? 0
            : budget.maxRecords !== undefined
                ? Math.max(0, budget.maxRecords - processed)
                : undefined,
        deadline,
        signal: budget.signal,
    });
    const phase = async (label, changes, writer, toWrite, sink) => {
        const result = await runPhase(label, changes, writer, toWrite, ctx, limits(), options.log, sink);
        processed += result.processed;
        stoppedBy ??= result.stoppedBy;
        unreachable ??= result.unreachable;
    };
    const ids = new WorkOSIdsSoFar(diff.workosUserIds);
    const factorStage = new TotpFactorStage(options.factors ?? []);
    let sent = 0;
    await phase('users', diff.users, userWriter(workos), (c) => userWrite(c, options.forcePasswords), (outcome, change) => {
        outcomes(outcome);
        ids.take(outcome);
        factorStage.noteUser(outcome);
        if (change.record.input.password &&
            (outcome.status === 'created' || (outcome.status === 'updated' && change.sendPassword)))
            sent++;
    });
    const writeOf = (c) => ({
        record: c.record,
        action: writeAction(c),
        workosId: c.workosId,
        sendPassword: false,
    });
    await phase('organizations', diff.organizations, organizationWriter(workos), writeOf, (outcome) => {
        outcomes(outcome);
        ids.take(outcome);
    });
    const ready = membershipsReady(diff.memberships, ids, outcomes);
    await phase('memberships', ready, membershipWriter(workos, ids), writeOf, (outcome) => outcomes(outcome));
    // After their users exist: the TOTP factors that move with their secrets.
    const factors = await factorStage.run({ workos, ...ctx, limits: limits(), log: options.log });
    processed += factors.processed;
    stoppedBy ??= factors.stoppedBy;
    unreachable ??= factors.unreachable;
    return { stoppedBy, processed, passwordsSent: sent, factors, unreachable };
}
/** Writes go to the queue this many at a time, so that only a batch of changes is held. */
const WRITE_BATCH = 10_000;
/**
 * One phase: the changes that need no request are settled at once, the rest written under
 * `limits`, a batch at a time; every outcome goes to `sink` with its change, as it happens.
 * `changes` is gone through twice (to count the writes, then to make them): user changes are
 * worked out on each pass, never held all at once.
 */
async function runPhase(label, changes, writer, toWrite, ctx, limits, log, sink) {
    let writes = 0;
    for (const change of changes)
        if (needsWrite(change))
            writes++;
    const meter = writes > 0 ? new ProgressMeter(log, label, Math.min(writes, limits.maxRecords ?? Infinity)) : undefined;
    let processed = 0;
    let stoppedBy;
    let unreachable;
    let batch = [];
    const flush = async () => {
        const maxRecords = limits.maxRecords === undefined ? undefined : Math.max(0, limits.maxRecords - processed);
        const result = await writeBatch(batch, writer, toWrite, ctx, { ...limits, maxRecords }, sink, meter);
        batch = [];
        processed += result.processed;
        stoppedBy ??= result.stoppedBy;
        unreachable ??= result.unreachable;
    };
    for (const change of changes) {
        const done = settled(change);
        if (done?.status === 'unchanged' && done.workosId && ctx.journal)
            followMovedRecord(ctx.journal, change, done.workosId);
        if (done)
            sink(done, change);
        else if (stoppedBy)
            sink(pendingOutcome(writer.entity, change), change);
        else {
            batch.push(change);
            if (batch.length >= WRITE_BATCH)
                await flush();
        }
    }
    if (batch.length > 0)
        await flush();
    return { stoppedBy, processed, unreachable };
}
async function writeBatch(writes, writer, toWrite, ctx, limits, sink, meter) {
    let unreachable;
    // Writes start in order: those begun are the first `begun`; those in flight are few.
    let begun = 0;
    const inFlight = new Set();
    const { notStarted, stoppedBy } = await runWorkQueue(writes, async (change) => {
        begun++;
        inFlight.add(change);
        const outcome = await applyWrite(toWrite(change), writer, ctx);
        inFlight.delete(change);
        // A bad key fails every record alike: stop and say so once.
        if (outcome.failure?.code === 'unauthorized')
            throw new FatalRunError(outcome.failure.message);
        sink(outcome, change);
        meter?.tick();
    }, limits).catch((error) => {
        if (error instanceof FatalRunError)
            throw new types/* UsageError */.eb(error.message);
        // WorkOS stopped answering: what was written stands (journaled); the rest waits for a rerun.
        if (error instanceof WorkOSUnreachableError) {
            unreachable = error;
            // Those whose request failed get no outcome from the queue: they are pending, like the rest.
            return { notStarted: [...inFlight, ...writes.slice(begun)], stoppedBy: 'fatal' };
        }
        throw error;
    });
    for (const change of notStarted)
        sink(pendingOutcome(writer.entity, change), change);
    return { stoppedBy, processed: writes.length - notStarted.length, unreachable };
}
function writeAction(change) {
    return change.action === 'update' && change.workosId ? 'update' : 'create';
}
function userWrite(change, forcePasswords = false) {
    const password = change.record.input.password;
    return {
        record: change.record,
        action: writeAction(change),
        workosId: change.workosId,
        sendPassword: change.sendPassword,
        claim: change.claim,
        ...(password ? { passwordDigest: digest_passwordDigest(password) } : {}),
        ...(forcePasswords ? { forcePasswords } : {}),
    };
}
/**
 * A record WorkOS holds as planned that the journal does not know under that id (made outside
 * this checkpoint, e.g. by an import without --state, or deleted and made again): the journal
 * follows WorkOS, so rollback and cutover name the record WorkOS holds, as one this checkpoint
 * did not create.
 */
function followMovedRecord(journal, change, workosId) {
    const entry = journal.get(change.entity, change.record.sourceId);
    if (entry && entry.status !== 'deleted' && entry.workos_id === workosId)
        return;
    journal.record({
        entity: change.entity,
        source_id: change.record.sourceId,
        workos_id: workosId,
        status: 'unchanged',
        input_digest: change.record.digest,
    });
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
/** Creates and updates; everything else is settled without a request. */
function needsWrite(change) {
    return change.action === 'create' || change.action === 'update';
}
function pendingOutcome(entity, change) {
    return { entity, sourceId: change.record.sourceId, status: 'pending', location: change.record.location };
}
/**
 * The WorkOS ids of users and organizations as their outcomes go by, for the memberships; and
 * which of them failed. A user is kept only where its outcome says other than the diff did
 * (created now, or without an id): a rerun of a million unchanged users keeps none.
 */
class WorkOSIdsSoFar {
    found;
    /** A million users: their ids as bytes outside the collector's heap ('' for an outcome without one). */
    users = new StringMap();
    organizations = new Map();
    failedUsers = new Set();
    failedOrganizations = new Set();
    constructor(found) {
        this.found = found;
    }
    take(o) {
        if (o.entity !== 'user' && o.entity !== 'organization')
            return;
        if (o.status === 'failed')
            (o.entity === 'user' ? this.failedUsers : this.failedOrganizations).add(o.sourceId);
        if (o.entity === 'organization') {
            if (o.workosId)
                this.organizations.set(o.sourceId, o.workosId);
        }
        else if ((o.workosId ?? '') !== (this.found.get(o.sourceId) ?? ''))
            this.users.set(o.sourceId, o.workosId ?? '');
    }
    user = (sourceId) => {
        const taken = this.users.get(sourceId);
        return (taken ?? this.found.get(sourceId)) || undefined;
    };
    organization = (sourceId) => this.organizations.get(sourceId);
    failed(m) {
        return this.failedUsers.has(m.userSourceId) || this.failedOrganizations.has(m.organizationSourceId);
    }
}
/**
 * A membership waits for its user and organization: pending if they are, failed if they failed
 * (told to `blocked` now); the ready ones are worked out again on each pass, like the changes.
 */
function membershipsReady(changes, ids, blocked) {
    const ready = (m) => ids.user(m.userSourceId) && ids.organization(m.organizationSourceId);
    for (const change of changes) {
        const m = change.record;
        if (ready(m))
            continue;
        const base = { entity: 'membership', sourceId: m.sourceId, location: m.location };
        blocked(ids.failed(m)
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
    return {
        *[Symbol.iterator]() {
            for (const change of changes)
                if (ready(change.record))
                    yield change;
        },
    };
}

;// CONCATENATED MODULE: ./build/apply/deletes.js



/** Memberships first, then users, then organizations; each delete journaled (a rerun skips what is gone). */
async function deleteAll(workos, targets, ctx, limits) {
    const deleted = { users: 0, organizations: 0, memberships: 0 };
    const failed = [];
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
            const outcome = await applyDelete({ entity, sourceId: t.externalId, workosId: t.workosId, location: { file: 'WorkOS', line: 0 } }, remove[entity], 
            // Organization deletes have their own WorkOS limit: the caller's transport paces that bucket.
            { caller: ctx.caller, journal: ctx.journal });
            if (outcome.status === 'failed')
                failed.push(outcome);
            else
                deleted[`${entity}s`]++;
        }, { concurrency: limits.concurrency ?? DEFAULT_PACING.concurrency, signal: limits.signal });
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

;// CONCATENATED MODULE: ./build/apply/roles.js



/**
 * Creates the planned permissions, then the planned roles with their permissions, one at a time
 * (a handful of requests in the general per-key bucket), each journaled as created so rollback
 * knows them. Runs before the memberships that name the roles. A write whose answer is lost is
 * settled by reading the environment: whatever holds the slug then is taken as there.
 */
async function createPlannedRoles(workos, caller, plan, journal) {
    const result = { created: 0, permissionsCreated: 0, existing: 0, failed: 0, problems: [] };
    for (const slug of plan.createPermissions) {
        const made = await createOrFind(() => caller.create(() => createPermission(workos, { slug, name: permissionName(slug) })), async () => (await caller.read(() => listPermissionSlugs(workos))).has(slug));
        if (made.id !== undefined) {
            result.permissionsCreated++;
            journal?.record({
                entity: 'permission',
                source_id: slug,
                workos_id: made.id,
                status: 'created',
                input_digest: slug,
            });
        }
        else if (made.error)
            result.problems.push(roles_problem(slug, 'permission_not_created', made.error));
    }
    for (const role of plan.create) {
        const made = await createOrFind(() => caller.create(() => createRole(workos, role)), async () => (await caller.read(() => listRoleSlugs(workos))).has(role.slug));
        if (made.error) {
            result.failed++;
            result.problems.push(roles_problem(role.slug, 'role_not_created', made.error));
            continue;
        }
        if (made.id !== undefined) {
            result.created++;
            journal?.record({
                entity: 'role',
                source_id: role.slug,
                workos_id: made.id,
                status: 'created',
                input_digest: role.digest,
            });
        }
        else
            result.existing++;
        if (role.permissions.length === 0)
            continue;
        try {
            await caller.idempotentWrite(() => setRolePermissions(workos, role.slug, role.permissions));
        }
        catch (error) {
            if (error instanceof WorkOSUnreachableError)
                throw error;
            result.problems.push(roles_problem(role.slug, 'role_permissions_not_set', roles_messageOf(error)));
        }
    }
    return result;
}
/** A create, or (when it was refused or its answer lost) whether the slug exists now. */
async function createOrFind(create, exists) {
    try {
        return { id: await create() };
    }
    catch (error) {
        if (error instanceof WorkOSUnreachableError)
            throw error;
        if (await exists())
            return {};
        return { error: roles_messageOf(error) };
    }
}
function roles_messageOf(error) {
    if (error instanceof WorkOSCallError)
        return 'message' in error.failure ? error.failure.message : error.failure.kind;
    return error instanceof Error ? error.message : String(error);
}
function roles_problem(slug, code, message) {
    return {
        entity: 'membership',
        location: { file: 'WorkOS', line: 0 },
        field: 'roles',
        code,
        message: `Could not create ${code.startsWith('permission') ? 'permission' : 'role'} ${slug} in WorkOS (${message}); memberships naming it fail until it exists. Run import again, or create it in WorkOS.`,
        severity: 'warning',
    };
}

;// CONCATENATED MODULE: ./build/modes/import.js









/** import's options, from the settings the CLI or the action parsed. */
function importOptions(settings, resolved) {
    return {
        ...exportRunOptions(settings, resolved),
        rateLimit: settings.rateLimit,
        concurrency: settings.concurrency,
        maxRecords: settings.maxRecords,
        timeBudgetMs: settings.timeBudgetMs,
        prune: settings.prune,
        pruneLimit: settings.pruneLimit,
    };
}
/**
 * `import`: read WorkOS, diff, write the difference, then read WorkOS again to say what it holds.
 * WorkOS is the truth; the journal only remembers hashes sent and what this migration made.
 */
async function runImport(options) {
    const run = await prepareRun('import', options);
    const workos = requireWorkOS(run);
    const journal = openJournal(run, 'write');
    // WorkOS unreachable before or while writing: the reports are still written, then exit 2.
    return importWith(run, options, workos, journal)
        .catch(whenUnreachable(run))
        .finally(() => journal?.close());
}
async function importWith(run, options, workos, journal) {
    const outcomes = outcomeStream(run);
    try {
        return await importStreaming(run, options, workos, journal, outcomes);
    }
    catch (error) {
        outcomes.discard();
        throw error;
    }
}
async function importStreaming(run, options, workos, journal, outcomes) {
    if (options.prune && run.config.policies.partialExports === 'import')
        throw new types/* UsageError */.eb('--prune cannot run with policies.partialExports: import: with part of the export, every user left out would look removed. Nothing was written; prune from a whole export, without that policy.');
    const pii = options.includePii ?? false;
    let diff = diffRun(run, await readWorkOS(run, workos), journal, true);
    warnForcedPasswords(run, diff);
    // What the first diff says is taken now, so that it can go before WorkOS is read back.
    const first = diff.removals;
    // Only what this checkpoint records as created is ever deleted; the rest is listed, and said.
    const toPrune = deletableRemovals(first);
    if (options.prune)
        explainKeptRemovals(run, first);
    // Before any write: a truncated export must stop the run, not half of it.
    if (options.prune)
        checkPruneLimit(run, toPrune, options.pruneLimit);
    const problems = [...run.problems, ...conflictProblems(diff)];
    const writtenFiles = await writeChangesFile(run, diff);
    const ctx = { caller: run.caller, journal };
    const environment = await prepareEnvironment(run, workos, diff, journal);
    problems.push(...environment.problems);
    // Before any write: the user changes are worked out again on each pass, from the journal as it is then.
    const memory = passwordMemory(diff);
    const applied = await applyDiff(workos, diff, ctx, {
        limits: options,
        forcePasswords: options.forcePasswords,
        log: run.log,
        outcomes: (outcome) => outcomes.add(outcome),
        factors: run.plan.factors.factors,
    });
    const passwords = {
        sent: applied.passwordsSent,
        recordedEarlier: memory.recordedEarlier,
        keptExisting: memory.keptExisting,
        keptSignedIn: memory.keptSignedIn,
    };
    // Without the read-back, or with nothing written, the first diff stands for what WorkOS
    // holds; otherwise it goes now.
    let after = options.reconcileAfterImport === false || applied.processed === 0 ? diff : undefined;
    diff = undefined;
    let deleted;
    let stoppedBy = applied.stoppedBy;
    problems.push(...applied.factors.problems);
    if (options.prune && toPrune.length > 0 && !stoppedBy) {
        const pruned = await run.log.group(`Pruning ${toPrune.length} removal(s)`, () => deleteAll(workos, toPrune, ctx, options));
        deleted = pruned.deleted;
        for (const failed of pruned.failed)
            problems.push(deleteFailureProblem(failed));
        stoppedBy ??= pruned.stoppedBy;
    }
    const wrote = applied.processed > 0 || deleted !== undefined;
    if (applied.unreachable) {
        return await finishRun(run, {
            outcomes: [],
            streamed: outcomes,
            problems,
            stoppedBy: 'unreachable',
            fatal: applied.unreachable.message,
            passwords,
            factors: applied.factors.counts,
            processed: applied.processed,
            journalAppended: journal?.appendedCount ?? 0,
            writtenFiles,
            roles: environment.roles,
            webhooks: environment.webhooks,
        });
    }
    if (stoppedBy)
        run.log.info(`Stopped by ${stoppedBy}; run again to go on from the checkpoint.`);
    else if (!wrote)
        run.log.info('Nothing to write: WorkOS already holds every record as planned.');
    // The live check: after writes WorkOS is read again; with nothing written the first read stands.
    if (!stoppedBy && wrote && options.reconcileAfterImport !== false) {
        after = undefined;
        // WorkOS never shows a hash: without a checkpoint the read-back compares fields only (a hash
        // this run just sent is not drift); with one, the journal says which hashes were sent.
        after = await run.log.group('Reading WorkOS back', async () => diffRun(run, await readWorkOS(run, workos), journal, journal !== undefined));
    }
    // Import reports counts and drift.
    const reconciliation = stoppedBy || !after ? undefined : reconcile(after);
    const removals = deleted && after ? after.removals : first;
    // The read-back (its live index) goes before the reports are written.
    after = undefined;
    if (removals.length > 0 && !options.prune) {
        const deletable = deletableRemovals(removals).length;
        run.log.info(`${removals.length} record(s) of this migration are no longer in the export (removals.csv); import with --prune deletes ` +
            (deletable === removals.length
                ? 'them.'
                : `the ${deletable} this checkpoint records as created and keeps the others (kept_because in removals.csv).`));
    }
    return await finishRun(run, {
        outcomes: [],
        streamed: outcomes,
        problems,
        stoppedBy,
        reconciliation,
        removals,
        deleted,
        passwords,
        factors: applied.factors.counts,
        processed: applied.processed,
        journalAppended: journal?.appendedCount ?? 0,
        extraFiles: { 'removals.csv': removalsCsv(removals, pii) },
        writtenFiles,
        roles: environment.roles,
        webhooks: environment.webhooks,
    });
}
/**
 * Before any record is written: say how many webhook events the writes will send, then create
 * the roles the memberships need (apply/roles.ts).
 */
async function prepareEnvironment(run, workos, diff, journal) {
    const webhooks = await pipeline_forecastWebhooks(run, workos, diff, 'import');
    const plan = run.plan.roles;
    if (!plan || plan.create.length + plan.createPermissions.length === 0)
        return { webhooks, problems: [] };
    const { problems, ...roles } = await run.log.group(`Creating ${plan.create.length} role(s)`, () => createPlannedRoles(workos, run.caller, plan, journal));
    return { webhooks, roles, problems };
}
/** A truncated export must never wipe an environment: past the limit, nothing is deleted. */
function checkPruneLimit(run, removals, pruneLimit) {
    const exportUsers = run.plan.users.users.length;
    const limit = pruneLimit ?? Math.max(1, Math.floor(exportUsers * 0.1));
    if (removals.length > limit) {
        const c = removalCounts(removals);
        throw new types/* UsageError */.eb(`--prune would delete ${removals.length} record(s) (${c.users} users, ${c.organizations} organizations, ${c.memberships} memberships), more than the prune limit of ${limit}` +
            `${pruneLimit === undefined ? " (10 % of the export's users)" : ''}. Nothing was written. Check removals.csv from a dry run (plan); if the export is whole, raise --prune-limit.`);
    }
}
/** Removals that prune lists and keeps: a user reads why nothing happened to them. */
function explainKeptRemovals(run, removals) {
    const kept = removals.filter((r) => r.keptBecause !== undefined);
    if (kept.length === 0)
        return;
    const c = removalCounts(kept);
    const existed = kept.filter((r) => r.keptBecause === 'existed_before').length;
    run.log.warn(`--prune deletes only what this checkpoint records as created; kept: ${c.users} user(s), ${c.organizations} organization(s), ${c.memberships} membership(s) ` +
        `(${existed} existed in WorkOS before the migration, ${kept.length - existed} not created by this checkpoint; kept_because in removals.csv). Delete them in WorkOS yourself if they should go.`);
}

;// CONCATENATED MODULE: ./build/modes/lazy-finish.js





/** `import --lazy-finish`'s options, from the settings the CLI parsed. */
function lazyFinishOptions(settings, resolved) {
    return { ...exportRunOptions(settings, resolved), rateLimit: settings.rateLimit };
}
async function runLazyFinish(options) {
    const run = await prepareRun('import', options);
    const workos = requireWorkOS(run);
    const includePii = options.includePii ?? false;
    try {
        const pending = [];
        let moved = 0;
        await run.log.group('Reading WorkOS users marked for a lazy migration', async () => {
            for await (const user of allPages((fn) => run.caller.read(fn), (after) => workos.userManagement.listUsers({ limit: 100, after, order: 'asc' }))) {
                const mark = lazyMarkOf(user.metadata);
                if (mark === 'pending')
                    pending.push(user);
                else if (mark === 'moved')
                    moved++;
            }
            run.log.info(`${pending.length} user(s) still pending, ${moved} moved.`);
        });
        const outcomes = [];
        const rows = [csvRow(includePii ? ['reason', 'source_id', 'email'] : ['reason', 'source_id'])];
        for (const user of pending) {
            const sourceId = user.externalId ?? user.email.toLowerCase();
            const location = { file: 'WorkOS', line: 0 };
            const { [LAZY_METADATA_KEY]: _mark, ...metadata } = user.metadata ?? {};
            try {
                // Metadata is sent whole (the user's other keys as WorkOS holds them).
                await run.caller.idempotentWrite(() => workos.userManagement.updateUser({ userId: user.id, metadata }));
                outcomes.push({ entity: 'user', sourceId, status: 'updated', workosId: user.id, location });
                rows.push(csvRow(includePii ? ['lazy_not_moved', sourceId, user.email] : ['lazy_not_moved', journalSourceId(sourceId)], { keepEmails: includePii }));
            }
            catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                outcomes.push({
                    entity: 'user',
                    sourceId,
                    status: 'failed',
                    workosId: user.id,
                    location,
                    failure: { code: 'lazy_finish_failed', message: `The lazy mark could not be cleared: ${message} Run again.` },
                });
            }
        }
        const cleared = outcomes.filter((o) => o.status === 'updated').length;
        return await finishRun(run, {
            outcomes,
            problems: [],
            lazy: { pending: pending.length - cleared, moved },
            // In place of the plan's list: the users still pending are the ones to reach now.
            extraFiles: { 'password-reset.csv': rows.join('') },
        });
    }
    catch (error) {
        return whenUnreachable(run)(error);
    }
}

;// CONCATENATED MODULE: ./build/modes/plan.js






/** A dry run's options, from the settings the CLI or the action parsed. */
function planOptions(settings, resolved) {
    return exportRunOptions(settings, resolved);
}
/**
 * `plan`: a dry run. With a key it reads WorkOS and says exactly what an import would do now
 * (create / update / remove, by record, in changes.jsonl); without one it can only say what the
 * checkpoint does not hold yet. Never writes, to WorkOS or to the checkpoint.
 */
async function runPlan(options) {
    const run = await prepareRun('plan', options);
    const journal = openJournal(run, 'read');
    if (!run.workos)
        return finishRun(run, {
            ...journalOutcomes(run, journal),
            problems: run.problems,
            factors: factorsFromJournal(run.plan.factors, journal),
        });
    const workos = run.workos;
    return planAgainst(run, workos, journal).catch(whenUnreachable(run));
}
async function planAgainst(run, workos, journal) {
    const options = run.options;
    const diff = diffRun(run, await readWorkOS(run, workos), journal, true);
    warnForcedPasswords(run, diff);
    const webhooks = await pipeline_forecastWebhooks(run, workos, diff, 'plan');
    const { recordedEarlier, keptExisting, keptSignedIn } = passwordMemory(diff);
    const pii = options.includePii ?? false;
    const factors = await factorChanges(run, workos, diff);
    // Counted and written as they are worked out, like verify's: a plan of a million users never
    // holds a million outcomes or a million lines of changes.jsonl.
    const outcomes = outcomeStream(run);
    try {
        for (const outcome of liveOutcomes(diff))
            outcomes.add(outcome);
        const writtenFiles = await writeChangesFile(run, diff);
        return await finishRun(run, {
            factors,
            outcomes: [],
            streamed: outcomes,
            problems: [...run.problems, ...conflictProblems(diff)],
            reconciliation: reconcile(diff, { missingAsPlanned: true }),
            diff,
            showChanges: true,
            webhooks,
            removals: diff.removals,
            passwords: { sent: 0, recordedEarlier, keptExisting, keptSignedIn },
            extraFiles: { 'removals.csv': removalsCsv(diff.removals, pii) },
            writtenFiles,
        });
    }
    catch (error) {
        outcomes.discard();
        throw error;
    }
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

;// CONCATENATED MODULE: ./build/apply/clear-lazy-mark.js

/**
 * `rollback --confirm`: the users it keeps (they existed before the migration) lose the lazy mark
 * the import gave them. Returns how many were cleared; a failure is the caller's problem to list.
 */
async function clearLazyMark(caller, workos, userId) {
    const user = await caller.read(() => workos.userManagement.getUser(userId));
    if (lazyMarkOf(user.metadata) === undefined)
        return false;
    const { [LAZY_METADATA_KEY]: _mark, ...metadata } = user.metadata ?? {};
    await caller.idempotentWrite(() => workos.userManagement.updateUser({ userId, metadata }));
    return true;
}

;// CONCATENATED MODULE: ./build/plan/rollback-steps.js


/**
 * Delete what this migration created; keep users it only claimed or updated (they existed
 * before; field updates are not reverted). Memberships this migration created are deleted
 * whoever their user is: a claimed user keeps the account, not the memberships the migration
 * gave it. Entries of records deleted by someone else than this migration have no step.
 */
function* rollback_steps_rollbackSteps(entries) {
    for (const entry of entries) {
        if (entry.status === 'deleted') {
            if (madeByMigration(entry))
                yield { entry, action: 'already_deleted' };
            continue;
        }
        const kept = keptBecause(entry, entry.workos_id);
        if (!kept)
            yield { entry, action: 'delete' };
        else
            yield { entry, action: entry.claimed ? 'keep_claimed' : 'keep_updated', keptBecause: kept };
    }
}
/** A step to delete, as the deletes take it. */
function deletion(step) {
    return {
        entity: step.entry.entity,
        externalId: step.entry.source_id,
        workosId: step.entry.workos_id,
        reason: 'not_in_export',
    };
}
function countRollback(steps) {
    const counts = {
        deletes: { users: 0, organizations: 0, memberships: 0 },
        kept: { existed_before: 0, not_created_by_this_checkpoint: 0 },
    };
    for (const step of steps) {
        // TOTP factors are deleted on their own, and counted as such.
        if (step.action === 'delete' && step.entry.entity !== 'factor')
            counts.deletes[`${step.entry.entity}s`]++;
        if (step.keptBecause)
            counts.kept[step.keptBecause]++;
    }
    return counts;
}

;// CONCATENATED MODULE: ./build/apply/rollback-roles.js


/** Journal entries of the records (users, organizations, memberships): what rollback.ts plans. */
function* recordEntries(entries) {
    for (const entry of entries)
        if (entry.entity !== 'role' && entry.entity !== 'permission')
            yield entry;
}
async function rollbackEnvironment(journal, target) {
    const roles = [];
    const permissions = [];
    for (const entry of journal.entries()) {
        if (entry.entity === 'role' && entry.status === 'created')
            roles.push(entry);
        if (entry.entity === 'permission')
            permissions.push(entry);
    }
    const result = {
        csv: '',
        roles: roles.map((r) => r.source_id).sort(),
        permissionsDeleted: 0,
        problems: [],
    };
    for (const role of roles)
        result.csv += csvRow(['role', role.source_id, role.workos_id, 'delete_in_dashboard', '']);
    const live = permissions.some((p) => p.status === 'created') && target ? await heldElsewhere(target, roles) : undefined;
    for (const permission of permissions) {
        const row = (action, kept = '') => (result.csv += csvRow(['permission', permission.source_id, permission.workos_id, action, kept]));
        if (permission.status === 'deleted') {
            row('already_deleted');
            continue;
        }
        if (live?.has(permission.source_id)) {
            row('keep_in_use', 'held_by_another_role');
            continue;
        }
        if (!target || live === undefined) {
            row('delete');
            continue;
        }
        try {
            await target.caller.idempotentWrite(() => deletePermission(target.workos, permission.source_id));
        }
        catch (error) {
            if (error.status !== 404) {
                result.problems.push({
                    entity: 'membership',
                    location: { file: 'checkpoint', line: 0 },
                    field: 'roles',
                    code: 'delete_failed',
                    message: `Could not delete WorkOS permission ${permission.source_id} (${error instanceof Error ? error.message : String(error)}). Run rollback --confirm again.`,
                    severity: 'warning',
                });
                row('delete');
                continue;
            }
        }
        journal.record({ ...permission, status: 'deleted' });
        result.permissionsDeleted++;
        row('deleted');
    }
    return result;
}
/** Permission slugs held by a role this checkpoint did not create. */
async function heldElsewhere(target, ours) {
    const mine = new Set(ours.map((r) => r.source_id));
    const held = new Set();
    for (const [slug, permissions] of await target.caller.read(() => listRolePermissions(target.workos)))
        if (!mine.has(slug))
            for (const p of permissions)
                held.add(p);
    return held;
}

;// CONCATENATED MODULE: ./build/modes/rollback.js















/** rollback's options, from the settings the CLI or the action parsed; it reads no export. */
function rollbackOptions(settings, shell) {
    return {
        source: settings.source,
        stateDir: settings.stateDir,
        outDir: settings.outDir,
        includePii: settings.includePii,
        target: settings.target,
        rateLimit: settings.rateLimit,
        readRateLimit: settings.readRateLimit,
        concurrency: settings.concurrency,
        confirm: settings.confirmRollback,
        log: shell.log,
        signal: shell.signal,
    };
}
/** Every step at once: for a small journal (tests); a run goes through rollbackSteps. */
function planRollback(entries, _journal) {
    return [...rollbackSteps(entries)];
}
/**
 * Deletes that WorkOS does by itself: the memberships of a user this rollback deletes (or did). Only the
 * user counts: a membership of a user who stays (claimed) is deleted on its own and journaled,
 * never left to its organization's delete, so a rollback killed before the organizations go
 * (or one whose organizations stay) leaves no membership the migration added.
 */
function goesWithItsOwner(entry, journal) {
    if (entry.entity !== 'membership')
        return false;
    const cut = entry.source_id.indexOf(':');
    if (cut < 0 || entry.source_id.startsWith('sha256:'))
        return false;
    const user = journal.get('user', entry.source_id.slice(cut + 1));
    // Deleted already (a rollback resumed): its memberships went with it.
    return user !== undefined && (user.status === 'deleted' || keptBecause(user, user.workos_id) === undefined);
}
/** A user's journal entry whose step is a delete (what main's rollback set of deleted users held). */
function userIsDeleted(user) {
    return user !== undefined && user.status !== 'deleted' && keptBecause(user, user.workos_id) === undefined;
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
    const run = prepareEmptyRun('rollback', options);
    const log = options.log ?? silentLogger;
    // The checkpoint's own source and config are the ones to undo, whatever this run was given.
    const journal = Journal.open(dir, run.identity, { force: true, readOnly: !options.confirm });
    // The steps are worked out from the journal on each pass, never listed (see rollbackSteps).
    // Roles and permissions are the environment's (rollbackEnvironment); TOTP factors have steps of their own.
    const steps = () => rollback_steps_rollbackSteps(recordEntries(journal.entries()));
    try {
        const planned = countRollback(steps());
        const counts = planned.deletes;
        // TOTP factors are deleted on their own (apply/factors.ts), before the users.
        const factors = enrolledFactors(journal.entries());
        log.info(`The checkpoint records ${counts.users} user(s), ${counts.organizations} organization(s) and ${counts.memberships} membership(s) created by this migration` +
            `; ${planned.kept.existed_before} record(s) that existed in WorkOS before the migration and ` +
            `${planned.kept.not_created_by_this_checkpoint} it did not create stay (kept_because in rollback.csv; field updates are not reverted).`);
        // Written before any delete: it says what this rollback set out to do.
        if (options.outDir) {
            await (0,promises_.mkdir)(options.outDir, { recursive: true });
            await writeLines((0,external_node_path_.join)(options.outDir, 'rollback.csv'), rollbackCsvLines(steps()));
        }
        let deleted;
        const problems = [];
        if (factors.length > 0)
            log.info(`The checkpoint records ${factors.length} TOTP factor(s) enrolled by this migration.`);
        if (options.confirm && counts.users + counts.organizations + counts.memberships + factors.length > 0) {
            if (!run.workos)
                throw new types/* UsageError */.eb('rollback --confirm needs a WorkOS API key (WORKOS_API_KEY, or the workos-api-key input).');
            const workos = run.workos;
            const limits = { concurrency: options.concurrency ?? DEFAULTS.concurrency, signal: options.signal };
            // A factor of a user this rollback deletes goes with it; the others (users that stay) are deleted first.
            const { own, withUser } = factorsByOwner(factors, (id) => userIsDeleted(journal.get('user', id)));
            const removed = await deleteEnrolledFactors(own, { workos, caller: run.caller, journal, limits });
            problems.push(...removed.problems);
            const total = { users: 0, organizations: 0, memberships: 0 };
            // WorkOS deletes a user's memberships with it: those need no request of their own.
            let requests = 0;
            for (const step of steps())
                if (step.action === 'delete' && step.entry.entity !== 'factor' && !goesWithItsOwner(step.entry, journal))
                    requests++;
            await log.group(`Deleting ${requests} record(s)`, async () => {
                // Memberships, then users, then organizations, a batch at a time.
                for (const entity of ['membership', 'user', 'organization']) {
                    for (const batch of deleteBatches(steps(), entity, journal)) {
                        const result = await deleteAll(workos, batch, { caller: run.caller, journal }, limits);
                        for (const key of ['users', 'organizations', 'memberships'])
                            total[key] += result.deleted[key];
                        for (const failed of result.failed)
                            problems.push(deleteFailureProblem(failed));
                        if (result.stoppedBy)
                            return;
                    }
                }
            });
            const factorsGone = removed.deleted + goneWithUsers(withUser, journal);
            deleted = { ...total, ...(factors.length > 0 ? { factors: factorsGone } : {}) };
            // Memberships that went with their user or organization: journaled as gone, counted as deleted.
            for (const step of steps()) {
                const entry = step.entry;
                if (step.action !== 'delete' || entry.entity !== 'membership' || !ownerGone(entry, journal))
                    continue;
                journal.record({ ...entry, status: 'deleted' });
                deleted.memberships++;
            }
        }
        else if (!options.confirm) {
            log.info('Preview only: nothing was deleted. Run rollback again with --confirm (confirm-rollback: true in the action) to delete.');
        }
        if (options.confirm && run.workos) {
            const workos = run.workos;
            // Users that stay (they existed before) lose the lazy migration's mark the import gave them.
            for (const step of steps()) {
                if (step.entry.entity !== 'user' || step.action === 'delete' || step.action === 'already_deleted')
                    continue;
                try {
                    await clearLazyMark(run.caller, workos, step.entry.workos_id);
                }
                catch (error) {
                    // Deleted in WorkOS since: no mark left to clear.
                    if (error.status === 404)
                        continue;
                    problems.push({
                        entity: 'user',
                        sourceId: step.entry.source_id,
                        location: { file: 'checkpoint', line: 0 },
                        code: 'lazy_mark_not_cleared',
                        message: `The lazy migration mark of WorkOS user ${step.entry.workos_id} could not be cleared (${error instanceof Error ? error.message : String(error)}). Run rollback --confirm again.`,
                        severity: 'error',
                    });
                }
            }
        }
        const environment = await rollbackEnvironment(journal, options.confirm && run.workos ? { workos: run.workos, caller: run.caller } : undefined);
        problems.push(...environment.problems);
        if (environment.roles.length > 0)
            log.warn(`This migration created the environment role(s) ${environment.roles.join(', ')}; WorkOS's API cannot delete an environment role: delete them in the WorkOS dashboard (Roles) once no membership uses them.`);
        // The environment's rows (roles, permissions) follow the records' in rollback.csv.
        if (options.outDir && environment.csv)
            await (0,promises_.appendFile)((0,external_node_path_.join)(options.outDir, 'rollback.csv'), environment.csv);
        // Complete or not is the summary's own reading of the deletes (summary.json, summary.md and the exit code agree).
        return await finishRun(run, {
            outcomes: [],
            problems,
            removalsCounted: counts,
            deleted: deleted ?? (options.confirm ? { users: 0, organizations: 0, memberships: 0 } : undefined),
            journalAppended: journal.appendedCount,
            writtenFiles: options.outDir ? ['rollback.csv'] : [],
        });
    }
    finally {
        journal.close();
    }
}
/** rollback.csv, a row at a time. */
function* rollbackCsvLines(steps) {
    yield csvRow(['entity', 'source_id', 'workos_id', 'action', 'kept_because']);
    for (const { entry, action, keptBecause: kept } of steps)
        yield csvRow([entry.entity, entry.source_id, entry.workos_id, action, kept ?? '']);
}
/** Deletes go to the queue this many at a time, so that only a batch of them is held. */
const DELETE_BATCH = 10_000;
/**
 * The deletes of one entity, a batch at a time, leaving out memberships that go with their user.
 * The journal changes between batches (each delete is journaled): a record deleted since the
 * pass began is already_deleted when reached, so nothing is deleted twice.
 */
function* deleteBatches(steps, entity, journal) {
    let batch = [];
    for (const step of steps) {
        if (step.action !== 'delete' || step.entry.entity !== entity || goesWithItsOwner(step.entry, journal))
            continue;
        batch.push(deletion(step));
        if (batch.length >= DELETE_BATCH) {
            yield batch;
            batch = [];
        }
    }
    if (batch.length > 0)
        yield batch;
}

;// CONCATENATED MODULE: ./build/modes/verify.js






/** verify's options, from the settings the CLI or the action parsed. */
function verifyOptions(settings, resolved) {
    return { ...exportRunOptions(settings, resolved), loginProbes: resolved.loginProbes };
}
/**
 * `verify`: no writes. Reads WorkOS and says whether it holds every planned record as planned
 * (a record missing or different is drift, and `import` repairs it), plus test sign-ins.
 */
async function runVerify(options) {
    const run = await prepareRun('verify', options);
    const workos = requireWorkOS(run);
    const journal = openJournal(run, 'read');
    const outcomes = outcomeStream(run);
    try {
        const { diff, reconciliation, logins, lazy } = await checkLive(run, workos, journal, options.loginProbes);
        // Each TOTP factor the export moves: a user without one in WorkOS is drift (`factors.pending`).
        const factors = await factorChanges(run, workos, diff);
        // Counted and written as they are worked out: a million users and memberships are never held.
        for (const outcome of liveOutcomes(diff))
            outcomes.add(outcome);
        return await finishRun(run, {
            factors,
            outcomes: [],
            streamed: outcomes,
            problems: [...run.problems, ...conflictProblems(diff)],
            reconciliation,
            diff,
            removals: diff.removals,
            passwords: {
                sent: 0,
                ...passwordMemory(diff),
                ...(passwordsNotRead(options.source, options.files) ? { notChecked: true } : {}),
            },
            logins,
            lazy,
            extraFiles: { 'removals.csv': removalsCsv(diff.removals, options.includePii ?? false) },
        });
    }
    catch (error) {
        outcomes.discard();
        return whenUnreachable(run)(error);
    }
    finally {
        journal?.close();
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
            mfa: await resolve(named.mfa),
        };
        return { files, labels, cleanup: () => cleanupInputs(ctx) };
    }
    catch (error) {
        await cleanupInputs(ctx);
        throw error;
    }
}

;// CONCATENATED MODULE: ./build/report/text.js


/** The reconciliation for a terminal: the same numbers as summary.md, as plain columns, scrubbed. */
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
    const conflicts = s.users.mergeConflicts ?? 0;
    if (conflicts > 0) {
        out.push(`${conflicts} source user(s) not imported: an unverified account shares a verified user's email; a person must check who owns it (merge_unverified in errors.jsonl)`);
    }
    const pw = s.passwords;
    if (pw.notChecked)
        out.push('passwords: not checked (no --passwords file given)');
    // The same words as summary.md: a read-only mode never claims what it did not send.
    else
        out.push(`passwords: ${passwordParts(s).join(', ')}${pw.invalid ? `, ${pw.invalid} invalid` : ''}` +
            `${pw.reset ? `; ${pw.reset} need a reset or Magic Auth (password-reset.csv)` : ''}`);
    if (s.changes) {
        for (const [name, c] of Object.entries(s.changes)) {
            out.push(`would change, ${name}: ${c.create} create, ${c.update} update, ${c.unchanged} unchanged, ${c.remove} remove, ${c.conflict} conflict`);
        }
    }
    if (s.removals && s.mode !== 'rollback') {
        const r = s.removals;
        if (r.users + r.organizations + r.memberships > 0) {
            out.push(`not in the export any more: ${entityCounts(r)} (removals.csv)${s.deleted ? '' : '; import --prune deletes them'}`);
            const k = s.removalsKept;
            if (k)
                out.push(`kept by prune: ${entityCounts(k)}: they existed in WorkOS before the migration or this checkpoint did not create them (kept_because in removals.csv)`);
        }
    }
    if (s.deleted)
        out.push(`deleted: ${entityCounts(s.deleted)}${s.deleted.factors ? `, ${s.deleted.factors} TOTP factor(s)` : ''}`);
    const f = s.factors;
    if (f)
        out.push(`TOTP factors: ${f.total} with a valid secret (${f.enrolled} enrolled, ${f.unchanged} already in WorkOS, ${f.pending} ${s.mode === 'plan' ? 'to enroll' : 'pending'}${f.failed > 0 ? `, ${f.failed} failed` : ''})`);
    const mfa = Object.entries(s.mfa).map(([f, n]) => `${n} ${(0,mask/* scrubValue */.HJ)(f)}`);
    if (mfa.length > 0)
        out.push(`re-enroll MFA: ${mfa.join(', ')}`);
    const social = Object.entries(s.social).map(([p, n]) => `${n} ${(0,mask/* scrubValue */.HJ)(p)}`);
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
    return (0,mask.scrubText)(out.join('\n') + '\n');
}
/** The markdown headline without its emphasis, for a terminal. */
function plainHeadline(s) {
    return headline(s).replace(/\*\*/g, '');
}
/** `1 user, 0 organizations, 2 memberships`: a count of each entity, its noun in the right number. */
function entityCounts(c) {
    const one = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    return [one(c.users, 'user'), one(c.organizations, 'organization'), one(c.memberships, 'membership')].join(', ');
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

// EXTERNAL MODULE: ./build/cli/args.js + 1 modules
var cli_args = __webpack_require__(16127);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
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
                await this.wait(this.backoff(attempt));
                continue;
            }
            this.noteRateLimit(response.headers);
            if (response.status === 429) {
                this.counts.rateLimited++;
                await response.body?.cancel();
                if (attempt >= maxAttempts)
                    throw new SourceApiError(`${label} kept answering 429 (rate limited) for ${method} ${pathOnly(path)} after ${attempt} attempts. ` +
                        'Run export again later: it resumes where it stopped.', 429);
                await this.wait(this.retryAfterMs(response.headers) ?? this.backoff(attempt));
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
                await this.wait(this.retryAfterMs(response.headers) ?? this.backoff(attempt));
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
    /** The wait before retrying after `attempt` when the server names no time: from 0.5 s, doubling. */
    backoff(attempt) {
        return jitteredBackoff(attempt, { baseBackoffMs: 500, maxBackoffMs: this.maxWait() }, this.options.random);
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
const EXPORT_PURPOSE = {
    command: 'export --source auth0',
    scopes: 'read:users, read:organizations, read:organization_members, read:organization_member_roles',
};
function auth0Credentials(env, purpose = EXPORT_PURPOSE) {
    const domain = env.AUTH0_DOMAIN?.trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
    const apiUrl = env.AUTH0_API_URL?.trim().replace(/\/+$/, '');
    if (!domain && !apiUrl)
        throw new types/* UsageError */.eb(`${purpose.command} needs AUTH0_DOMAIN (your tenant, like acme.eu.auth0.com) in the environment.`);
    const baseUrl = apiUrl || `https://${domain}`;
    const audience = `${domain ? `https://${domain}` : baseUrl}/api/v2/`;
    const managementToken = env.AUTH0_MANAGEMENT_TOKEN?.trim() || undefined;
    const clientId = env.AUTH0_CLIENT_ID?.trim() || undefined;
    const clientSecret = env.AUTH0_CLIENT_SECRET?.trim() || undefined;
    if (!managementToken && !(clientId && clientSecret)) {
        throw new types/* UsageError */.eb(`${purpose.command} needs AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET (a machine-to-machine application ` +
            `authorized for the Management API with ${purpose.scopes}) or AUTH0_MANAGEMENT_TOKEN.`);
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
        (0,mask/* registerSecret */.cl)(current);
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
function clerkCredentials(env, command = 'export --source clerk') {
    const secretKey = env.CLERK_SECRET_KEY?.trim();
    if (!secretKey)
        throw new types/* UsageError */.eb(`${command} needs CLERK_SECRET_KEY (sk_live_… or sk_test_…, from the Clerk dashboard, API keys) in the environment.`);
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

;// CONCATENATED MODULE: ./build/inventory/auth0-tenant.js


// Reads an Auth0 tenant's configuration through the Management API with the credentials
// `export` uses. Every object is cut down to the fields the inventory needs, picked by name:
// client secrets, rule / action / hook code, action secrets, connection options (custom database
// scripts, social client secrets) and log-stream sinks never leave this module. A kind the
// token may not read (403) or the tenant lacks (404, e.g. Rules on a new tenant) is noted as
// unread and the rest goes on.
/** The Management API read scopes the inventory uses: README "Before you start" lists them. */
const AUTH0_INVENTORY_SCOPES = [
    'read:connections',
    'read:rules',
    'read:actions',
    'read:hooks',
    'read:custom_domains',
    'read:guardian_factors',
    'read:branding',
    'read:log_streams',
    'read:clients',
    'read:resource_servers',
    'read:roles',
    'read:organizations',
];
const str = (value, fallback = '') => (typeof value === 'string' ? value : fallback);
async function readAuth0Tenant(options) {
    const credentials = auth0Credentials(options.env, {
        command: 'inventory --source auth0',
        scopes: AUTH0_INVENTORY_SCOPES.join(', '),
    });
    const api = new SourceApi({
        baseUrl: credentials.baseUrl,
        label: 'Auth0 Management API',
        token: tokenSource(credentials, { signal: options.signal, onSecret: options.onSecret }),
        signal: options.signal,
    });
    const unread = [];
    /** Every item of an offset-paged list (`page`, `per_page`, `include_totals`); undefined when unreadable. */
    const list = async (kind, path, key, scope) => {
        const items = [];
        for (let page = 0;; page++) {
            const answer = await api.json(`/api/v2/${path}`, {
                query: { page, per_page: 50, include_totals: true },
                accept: [403, 404],
            });
            if (answer.status === 403 || answer.status === 404) {
                unread.push({ kind, reason: answer.status === 403 ? 'forbidden' : 'not_found', scope });
                return undefined;
            }
            const body = answer.body;
            const batch = (Array.isArray(body) ? body : body?.[key]) ?? [];
            items.push(...batch);
            const total = Array.isArray(body) ? undefined : body?.total;
            if (batch.length < 50 || (total !== undefined && items.length >= total))
                return items;
        }
    };
    const one = async (kind, path, scope) => {
        const answer = await api.json(`/api/v2/${path}`, { accept: [403, 404] });
        if (answer.status === 403) {
            unread.push({ kind, reason: 'forbidden', scope });
            return undefined;
        }
        return answer.status === 404 ? null : answer.body;
    };
    options.log.info('Reading the Auth0 tenant configuration (read-only).');
    const connections = (await list('connection', 'connections', 'connections', 'read:connections')) ?? [];
    const rules = (await list('rule', 'rules', 'rules', 'read:rules')) ?? [];
    const hooks = (await list('hook', 'hooks', 'hooks', 'read:hooks')) ?? [];
    const clients = (await list('application', 'clients', 'clients', 'read:clients')) ?? [];
    const apis = (await list('api', 'resource-servers', 'resource_servers', 'read:resource_servers')) ?? [];
    const roles = (await list('role', 'roles', 'roles', 'read:roles')) ?? [];
    const actions = (await list('action', 'actions/actions', 'actions', 'read:actions')) ?? [];
    const boundTo = new Map();
    if (!unread.some((u) => u.kind === 'action')) {
        const triggers = (await one('action', 'actions/triggers', 'read:actions'))
            ?.triggers;
        for (const trigger of triggers ?? []) {
            const id = str(trigger.id);
            if (!id)
                continue;
            const bindings = (await list('action', `actions/triggers/${encodeURIComponent(id)}/bindings`, 'bindings', 'read:actions')) ?? [];
            for (const binding of bindings) {
                const actionId = str(binding.action?.id);
                if (actionId)
                    boundTo.set(actionId, [...(boundTo.get(actionId) ?? []), id]);
            }
        }
    }
    const customDomains = (await one('custom_domain', 'custom-domains', 'read:custom_domains'));
    const factors = (await one('mfa_factor', 'guardian/factors', 'read:guardian_factors'));
    const branding = (await one('branding', 'branding', 'read:branding'));
    const logStreams = (await one('log_stream', 'log-streams', 'read:log_streams'));
    const organizations = await countOrganizations(api, unread);
    return {
        connections: connections.map((c) => {
            const options = (c.options ?? {});
            return {
                name: str(c.name, str(c.id)),
                strategy: str(c.strategy),
                ...(Array.isArray(c.enabled_clients) ? { enabledClients: c.enabled_clients.length } : {}),
                customDatabase: options.enabledDatabaseCustomization === true,
                importMode: options.import_mode === true,
            };
        }),
        rules: rules.map((r) => ({ name: str(r.name, str(r.id)), enabled: r.enabled !== false })),
        actions: actions.map((a) => ({
            id: str(a.id),
            name: str(a.name, str(a.id)),
            triggers: Array.isArray(a.supported_triggers)
                ? a.supported_triggers.map((t) => str(t.id)).filter(Boolean)
                : [],
            boundTo: boundTo.get(str(a.id)) ?? [],
        })),
        hooks: hooks.map((h) => ({
            name: str(h.name, str(h.id)),
            triggerId: str(h.triggerId),
            enabled: h.enabled !== false,
        })),
        customDomains: (Array.isArray(customDomains) ? customDomains : []).map((d) => ({
            domain: str(d.domain),
            status: str(d.status),
        })),
        factors: (Array.isArray(factors) ? factors : []).map((f) => ({ name: str(f.name), enabled: f.enabled === true })),
        ...(branding && typeof branding === 'object'
            ? {
                branding: {
                    logo: typeof branding.logo_url === 'string' && branding.logo_url !== '',
                    colors: typeof branding.colors === 'object' && branding.colors !== null,
                    font: typeof branding.font === 'object' && branding.font !== null,
                    favicon: typeof branding.favicon_url === 'string' && branding.favicon_url !== '',
                },
            }
            : {}),
        logStreams: (Array.isArray(logStreams) ? logStreams : []).map((s) => ({
            name: str(s.name, str(s.id)),
            type: str(s.type),
            status: str(s.status),
        })),
        // The tenant-wide "All Applications" entry is a settings holder, not an application.
        clients: clients
            .filter((c) => c.global !== true)
            .map((c) => ({ name: str(c.name, str(c.client_id)), appType: str(c.app_type, 'unknown') })),
        // Auth0's own Management API is a system API of every tenant, not one of the team's.
        apis: apis.filter((a) => a.is_system !== true).map((a) => ({ name: str(a.name, str(a.identifier)) })),
        roles: roles.map((r) => ({ name: str(r.name, str(r.id)) })),
        ...(organizations !== undefined ? { organizations } : {}),
        unread,
    };
}
/** Organizations by checkpoint paging (`from`/`take`), the only paging past 1,000: a count only. */
async function countOrganizations(api, unread) {
    let count = 0;
    let from;
    for (;;) {
        const answer = await api.json('/api/v2/organizations', {
            query: { take: 100, from },
            accept: [403, 404],
        });
        if (answer.status === 403 || answer.status === 404) {
            unread.push({
                kind: 'organizations',
                reason: answer.status === 403 ? 'forbidden' : 'not_found',
                scope: 'read:organizations',
            });
            return undefined;
        }
        count += answer.body.organizations?.length ?? 0;
        if (!answer.body.next)
            return count;
        from = answer.body.next;
    }
}

;// CONCATENATED MODULE: ./build/inventory/item.js
// One dependency of the old tenant, as inventory.json lists it. The classification is the
// migration guidance's: `portable` (this tool moves it), `replaceable` (WorkOS has the feature and
// a person configures it), `redesign` (custom code or behaviour to rebuild or drop).
const CLASSIFICATIONS = (/* unused pure expression or super */ null && (['portable', 'replaceable', 'redesign']));
const DOCS_BASE = 'https://workos.com/docs';
/** WorkOS documentation pages the inventory links to, by topic. */
const WORKOS_DOCS = {
    migrations: `${DOCS_BASE}/authkit/migrations`,
    emailPassword: `${DOCS_BASE}/authkit/email-password`,
    socialLogin: `${DOCS_BASE}/authkit/social-login`,
    sso: `${DOCS_BASE}/authkit/sso`,
    magicAuth: `${DOCS_BASE}/authkit/magic-auth`,
    mfa: `${DOCS_BASE}/authkit/mfa`,
    passkeys: `${DOCS_BASE}/authkit/passkeys`,
    actions: `${DOCS_BASE}/authkit/actions`,
    jwtTemplates: `${DOCS_BASE}/authkit/jwt-templates`,
    customDomain: `${DOCS_BASE}/custom-domains/authkit`,
    branding: `${DOCS_BASE}/authkit/branding`,
    events: `${DOCS_BASE}/events`,
    connect: `${DOCS_BASE}/authkit/connect`,
    m2m: `${DOCS_BASE}/authkit/connect/m2m`,
    roles: `${DOCS_BASE}/authkit/roles-and-permissions`,
    organizations: `${DOCS_BASE}/authkit/users-organizations`,
    customEmailProviders: `${DOCS_BASE}/authkit/custom-email-providers`,
};

;// CONCATENATED MODULE: ./build/inventory/classify-auth0.js

// Each dependency of an Auth0 tenant, classified. Portable: what this tool moves (a database
// connection's users and hashes, OTP factors, roles, organizations). Replaceable: WorkOS has the
// feature and a person configures it. Redesign: custom code or behaviour (Rules, Actions, Hooks,
// a custom database's scripts) and what WorkOS does not offer (SMS).
/** Auth0 social strategies WorkOS AuthKit's Social Login offers a provider for. */
const WORKOS_SOCIAL = {
    'google-oauth2': 'Google',
    windowslive: 'Microsoft',
    github: 'GitHub',
    apple: 'Apple',
    gitlab: 'GitLab',
    linkedin: 'LinkedIn',
    slack: 'Slack',
};
/** Auth0 enterprise strategies WorkOS SSO covers with a SAML or OIDC connection per organization. */
const ENTERPRISE = new Set(['samlp', 'waad', 'adfs', 'oidc', 'okta', 'google-apps', 'pingfederate', 'office365']);
/** Enterprise strategies with no WorkOS counterpart: an on-premises directory behind a connector, an IP range. */
const ON_PREMISES = new Set(['ad', 'auth0-adldap', 'ip']);
/** Social strategies Auth0 offers; those WorkOS lacks need another sign-in method for their users. */
const OTHER_SOCIAL = new Set([
    'facebook',
    'twitter',
    'amazon',
    'bitbucket',
    'dropbox',
    'instagram',
    'paypal',
    'salesforce',
    'yahoo',
    'line',
    'discord',
    'oauth2',
    'oauth1',
]);
function classifyAuth0(tenant) {
    return [
        ...tenant.connections.map(connectionItem),
        ...tenant.rules.map((rule) => ({
            kind: 'rule',
            name: rule.name,
            enabled: rule.enabled,
            classification: 'redesign',
            replacement: 'WorkOS Actions (an endpoint of yours that allows or denies a sign-in or a registration), or code in your app after sign-in.',
            action: rule.enabled
                ? 'Read what the rule does; rebuild what still matters as an authentication Action or in your app, before cutover.'
                : 'Disabled: nothing runs today. Delete it, or note why it exists.',
            docs: WORKOS_DOCS.actions,
        })),
        ...tenant.actions.map((action) => ({
            kind: 'action',
            name: action.name,
            enabled: action.boundTo.length > 0,
            classification: 'redesign',
            detail: action.boundTo.length > 0
                ? `bound to ${action.boundTo.join(', ')}`
                : `unbound (${action.triggers.join(', ') || 'no trigger'})`,
            replacement: actionReplacement(action.boundTo.length > 0 ? action.boundTo : action.triggers),
            action: action.boundTo.length > 0
                ? 'Rebuild its logic: a WorkOS authentication or registration Action, a JWT template for custom claims, or code in your app.'
                : 'Unbound: it runs on no trigger. Nothing to move; delete it or note why it exists.',
            docs: WORKOS_DOCS.actions,
        })),
        ...tenant.hooks.map((hook) => ({
            kind: 'hook',
            name: hook.name,
            enabled: hook.enabled,
            classification: 'redesign',
            detail: hook.triggerId || undefined,
            replacement: actionReplacement([hook.triggerId]),
            action: hook.enabled
                ? 'Rebuild its logic as a WorkOS Action or in your app; Hooks are Auth0 code that does not move.'
                : 'Disabled: nothing runs today. Delete it, or note why it exists.',
            docs: WORKOS_DOCS.actions,
        })),
        ...tenant.customDomains.map((domain) => ({
            kind: 'custom_domain',
            name: domain.domain,
            enabled: domain.status === 'ready',
            classification: 'replaceable',
            detail: domain.status || undefined,
            replacement: 'An AuthKit custom domain (production environments), set up in the WorkOS dashboard with a CNAME.',
            action: 'Choose the domain AuthKit will use, add its CNAME, and update redirect URIs in your apps at cutover.',
            docs: WORKOS_DOCS.customDomain,
        })),
        ...tenant.factors.filter((f) => f.enabled).map(factorItem),
        ...(tenant.branding && Object.values(tenant.branding).some(Boolean)
            ? [
                {
                    kind: 'branding',
                    name: 'Universal Login branding',
                    enabled: true,
                    classification: 'replaceable',
                    detail: ['logo', 'colors', 'font', 'favicon'].filter((k) => tenant.branding[k]).join(', '),
                    replacement: 'AuthKit branding: logo, colours and fonts in the WorkOS dashboard.',
                    action: 'Set the logo, colours and fonts in the WorkOS dashboard (Branding).',
                    docs: WORKOS_DOCS.branding,
                },
            ]
            : []),
        ...tenant.logStreams.map((stream) => ({
            kind: 'log_stream',
            name: stream.name,
            enabled: stream.status === 'active',
            classification: 'replaceable',
            detail: [stream.type, stream.status].filter(Boolean).join(', '),
            replacement: 'WorkOS events: the Events API, webhooks, or event streaming to your log destination.',
            action: 'Send WorkOS events where this stream goes (webhook endpoint or streaming), and rebuild alerts on WorkOS event names.',
            docs: WORKOS_DOCS.events,
        })),
        ...tenant.clients.map((client) => ({
            kind: 'application',
            name: client.name,
            enabled: true,
            classification: 'replaceable',
            detail: client.appType,
            replacement: client.appType === 'non_interactive'
                ? 'A WorkOS M2M application (client credentials).'
                : 'Your app signs in through AuthKit with the environment’s client ID and redirect URIs.',
            action: client.appType === 'non_interactive'
                ? 'Create an M2M application in WorkOS and rotate the service’s credentials at cutover.'
                : 'Register its redirect URIs in WorkOS and switch its sign-in to AuthKit at cutover.',
            docs: client.appType === 'non_interactive' ? WORKOS_DOCS.m2m : WORKOS_DOCS.connect,
        })),
        ...tenant.apis.map((api) => ({
            kind: 'api',
            name: api.name,
            enabled: true,
            classification: 'replaceable',
            replacement: 'WorkOS access tokens (with a JWT template for custom claims) verified by your API.',
            action: 'Change the API to verify WorkOS access tokens (JWKS, issuer, audience); map scopes to roles and permissions.',
            docs: WORKOS_DOCS.jwtTemplates,
        })),
        ...tenant.roles.map((role) => ({
            kind: 'role',
            name: role.name,
            enabled: true,
            classification: 'portable',
            replacement: 'A WorkOS role (environment or organization role) with the same slug.',
            action: 'Moved by import: roles the export uses are created before memberships (map names in the config).',
            docs: WORKOS_DOCS.roles,
        })),
        ...(tenant.organizations
            ? [
                {
                    kind: 'organizations',
                    name: `${tenant.organizations} organization(s)`,
                    enabled: true,
                    classification: 'portable',
                    replacement: 'WorkOS organizations with memberships, roles and domains.',
                    action: 'Moved by import (export --source auth0 writes the organizations file).',
                    docs: WORKOS_DOCS.organizations,
                },
            ]
            : []),
    ];
}
function connectionItem(connection) {
    const base = {
        kind: 'connection',
        name: connection.name,
        // Auth0 says which applications use a connection; no application means nobody signs in with it.
        enabled: connection.enabledClients === undefined || connection.enabledClients > 0,
        detail: connection.strategy,
    };
    const { strategy } = connection;
    if (strategy === 'auth0' && connection.customDatabase)
        return {
            ...base,
            detail: `custom database${connection.importMode ? ', import mode' : ''}`,
            classification: 'redesign',
            replacement: connection.importMode
                ? 'Users move in bulk (this tool) or on first sign-in with the lazy migration library; the scripts do not move.'
                : 'WorkOS holds the users itself: a custom database (your scripts, your store) has no counterpart.',
            action: connection.importMode
                ? 'Export what Auth0 already imported and use import --lazy-passwords for the rest; retire the scripts.'
                : 'Export the users from your own store into a file this tool reads (CSV), import them, and retire the scripts.',
            docs: WORKOS_DOCS.migrations,
        };
    if (strategy === 'auth0')
        return {
            ...base,
            detail: 'database',
            classification: 'portable',
            replacement: 'WorkOS users with email + password (imported bcrypt hashes).',
            action: 'Moved by import: users from export --source auth0, hashes from the Auth0 support export (--passwords).',
            docs: WORKOS_DOCS.emailPassword,
        };
    if (strategy === 'email')
        return {
            ...base,
            detail: 'passwordless email',
            classification: 'replaceable',
            replacement: 'Magic Auth: a one-time code by email.',
            action: 'Turn on Magic Auth in the WorkOS dashboard; the users move with import and sign in by email code.',
            docs: WORKOS_DOCS.magicAuth,
        };
    if (strategy === 'sms')
        return {
            ...base,
            detail: 'passwordless SMS',
            classification: 'redesign',
            replacement: 'None: WorkOS has no sign-in by SMS.',
            action: 'Move these users to email (Magic Auth), a password or passkeys before cutover; users without an email cannot move.',
            docs: WORKOS_DOCS.magicAuth,
        };
    const social = WORKOS_SOCIAL[strategy];
    if (social)
        return {
            ...base,
            classification: 'replaceable',
            replacement: `AuthKit Social Login with ${social}.`,
            action: `Configure ${social} in the WorkOS dashboard with your own OAuth credentials; users link by email on first sign-in.`,
            docs: WORKOS_DOCS.socialLogin,
        };
    if (ENTERPRISE.has(strategy))
        return {
            ...base,
            classification: 'replaceable',
            replacement: 'A WorkOS SSO connection (SAML or OIDC) on the customer’s organization.',
            action: 'Set up the connection for its organization (an Admin Portal link from cutover --portal-links); the IdP admin points it at WorkOS.',
            docs: WORKOS_DOCS.sso,
        };
    if (ON_PREMISES.has(strategy))
        return {
            ...base,
            classification: 'redesign',
            replacement: 'A SAML or OIDC connection from the customer’s identity provider in front of the directory.',
            action: 'Agree with the customer on an IdP (e.g. AD FS, Entra ID) that WorkOS SSO can use; the connector does not move.',
            docs: WORKOS_DOCS.sso,
        };
    if (OTHER_SOCIAL.has(strategy) || strategy !== '')
        return {
            ...base,
            classification: 'redesign',
            replacement: 'No WorkOS provider for this strategy: its users need another way in.',
            action: 'Offer these users email + password, Magic Auth or a supported provider, and tell them before cutover.',
            docs: WORKOS_DOCS.socialLogin,
        };
    return {
        ...base,
        classification: 'redesign',
        replacement: 'Unknown strategy.',
        action: 'Check this connection by hand.',
        docs: WORKOS_DOCS.migrations,
    };
}
function factorItem(factor) {
    const base = { kind: 'mfa_factor', name: factor.name, enabled: true };
    switch (factor.name) {
        case 'otp':
            return {
                ...base,
                classification: 'portable',
                replacement: 'AuthKit MFA with TOTP authenticator apps.',
                action: 'Moved by import where the export carries the TOTP secret; the others re-enroll (reenroll.csv). Turn on MFA in WorkOS.',
                docs: WORKOS_DOCS.mfa,
            };
        case 'webauthn-roaming':
        case 'webauthn-platform':
            return {
                ...base,
                classification: 'replaceable',
                replacement: 'AuthKit passkeys.',
                action: 'Turn on passkeys in WorkOS; users register a passkey again (credentials cannot leave Auth0).',
                docs: WORKOS_DOCS.passkeys,
            };
        case 'email':
            return {
                ...base,
                classification: 'replaceable',
                replacement: 'Magic Auth or email verification codes.',
                action: 'Use TOTP for MFA in WorkOS, or Magic Auth where an email code was the point.',
                docs: WORKOS_DOCS.magicAuth,
            };
        default:
            // sms, push-notification, duo, recovery-code: no WorkOS counterpart.
            return {
                ...base,
                classification: 'redesign',
                replacement: 'None: AuthKit MFA is TOTP.',
                action: `Users with ${factor.name} enroll a TOTP app after cutover (reenroll.csv lists who had MFA); tell them beforehand.`,
                docs: WORKOS_DOCS.mfa,
            };
    }
}
/** What takes the place of code on an Auth0 trigger. */
function actionReplacement(triggers) {
    if (triggers.some((t) => t === 'post-login' || t === 'credentials-exchange'))
        return 'A WorkOS authentication Action (allow or deny), a JWT template for token claims, or app code after sign-in.';
    if (triggers.some((t) => t.includes('user-registration') || t === 'user-registration'))
        return 'A WorkOS user registration Action (allow or deny), or a user.created webhook for what runs after.';
    if (triggers.some((t) => t === 'send-phone-message'))
        return 'None: WorkOS sends no SMS.';
    return 'WorkOS Actions or webhooks (events), or code in your app.';
}

;// CONCATENATED MODULE: ./build/inventory/clerk.js



const clerk_str = (value, fallback = '') => (typeof value === 'string' ? value : fallback);
const inventory_clerk_PAGE = 500;
async function readClerkInstance(options) {
    const { baseUrl, secretKey } = clerkCredentials(options.env, 'inventory --source clerk');
    const api = new SourceApi({
        baseUrl,
        label: 'Clerk Backend API',
        token: async () => secretKey,
        signal: options.signal,
    });
    const unread = [];
    /** Every item of a `{data, total_count}` list (or a bare array); undefined when unreadable. */
    const list = async (kind, path) => {
        const items = [];
        for (let offset = 0;; offset += inventory_clerk_PAGE) {
            const answer = await api.json(`/v1/${path}`, { query: { limit: inventory_clerk_PAGE, offset }, accept: [403, 404] });
            if (answer.status === 403 || answer.status === 404) {
                unread.push({
                    kind,
                    reason: answer.status === 403 ? 'forbidden' : 'not_found',
                    scope: 'the secret key of this instance',
                });
                return undefined;
            }
            const body = answer.body;
            const batch = (Array.isArray(body) ? body : body?.data) ?? [];
            items.push(...batch);
            if (Array.isArray(body) || batch.length < inventory_clerk_PAGE)
                return items;
        }
    };
    options.log.info('Reading the Clerk instance configuration (read-only).');
    const saml = (await list('saml_connection', 'saml_connections')) ?? [];
    const roles = (await list('organization_role', 'organization_roles')) ?? [];
    const templates = (await list('jwt_template', 'jwt_templates')) ?? [];
    const domains = (await list('domain', 'domains')) ?? [];
    const oauth = (await list('oauth_application', 'oauth_applications')) ?? [];
    const settings = await api.json('/v1/instance/organization_settings', { accept: [403, 404] });
    if (settings.status !== 200)
        unread.push({
            kind: 'organization_settings',
            reason: settings.status === 403 ? 'forbidden' : 'not_found',
            scope: 'the secret key of this instance',
        });
    return {
        samlConnections: saml.map((c) => ({
            name: clerk_str(c.name, clerk_str(c.domain, clerk_str(c.id))),
            provider: clerk_str(c.provider, 'saml_custom'),
            active: c.active === true,
        })),
        organizationRoles: roles.map((r) => ({ key: clerk_str(r.key, clerk_str(r.id)), name: clerk_str(r.name, clerk_str(r.key)) })),
        ...(settings.status === 200 ? { organizationsEnabled: settings.body?.enabled === true } : {}),
        jwtTemplates: templates.map((t) => ({ name: clerk_str(t.name, clerk_str(t.id)) })),
        domains: domains.map((d) => ({ name: clerk_str(d.name, clerk_str(d.id)), satellite: d.is_satellite === true })),
        oauthApplications: oauth.map((a) => ({ name: clerk_str(a.name, clerk_str(a.id)) })),
        unread,
    };
}
function classifyClerk(instance) {
    return [
        ...instance.samlConnections.map((connection) => ({
            kind: 'connection',
            name: connection.name,
            enabled: connection.active,
            classification: 'replaceable',
            detail: connection.provider,
            replacement: 'A WorkOS SSO connection (SAML or OIDC) on the customer’s organization.',
            action: 'Set up the connection for its organization (an Admin Portal link from cutover --portal-links); the IdP admin points it at WorkOS.',
            docs: WORKOS_DOCS.sso,
        })),
        ...(instance.organizationsEnabled
            ? [
                {
                    kind: 'organizations',
                    name: 'Organizations',
                    enabled: true,
                    classification: 'portable',
                    replacement: 'WorkOS organizations with memberships, roles and domains.',
                    action: 'Moved by import (export --source clerk writes the organizations file).',
                    docs: WORKOS_DOCS.organizations,
                },
            ]
            : []),
        ...instance.organizationRoles.map((role) => ({
            kind: 'role',
            name: role.key,
            enabled: true,
            classification: 'portable',
            replacement: 'A WorkOS role; `org:admin` becomes `admin` through the role map (default: strip `org:`).',
            action: 'Moved by import: roles the memberships use are created before them (map keys in the config).',
            docs: WORKOS_DOCS.roles,
        })),
        ...instance.jwtTemplates.map((template) => ({
            kind: 'jwt_template',
            name: template.name,
            enabled: true,
            classification: 'replaceable',
            replacement: 'A WorkOS JWT template (custom claims in the access token).',
            action: 'Recreate its claims as a WorkOS JWT template; change the services that read them to WorkOS tokens.',
            docs: WORKOS_DOCS.jwtTemplates,
        })),
        ...instance.domains.map((domain) => ({
            kind: 'custom_domain',
            name: domain.name,
            enabled: true,
            classification: 'replaceable',
            ...(domain.satellite ? { detail: 'satellite' } : {}),
            replacement: 'An AuthKit custom domain (production environments), set up in the WorkOS dashboard with a CNAME.',
            action: 'Choose the domain AuthKit will use, add its CNAME, and update redirect URIs in your apps at cutover.',
            docs: WORKOS_DOCS.customDomain,
        })),
        ...instance.oauthApplications.map((application) => ({
            kind: 'application',
            name: application.name,
            enabled: true,
            classification: 'replaceable',
            detail: 'OAuth application',
            replacement: 'A WorkOS Connect OAuth application.',
            action: 'Create it in WorkOS Connect and give its owner the new client credentials at cutover.',
            docs: WORKOS_DOCS.connect,
        })),
        {
            kind: 'webhooks',
            name: 'Webhook endpoints (Svix)',
            enabled: true,
            classification: 'replaceable',
            detail: 'not listed by the Backend API: check the dashboard',
            replacement: 'WorkOS webhooks or the Events API (event names differ: user.created, organization_membership.created, …).',
            action: 'Open Webhooks in the Clerk dashboard; recreate each endpoint in WorkOS and map the event names.',
            docs: WORKOS_DOCS.events,
        },
    ];
}

;// CONCATENATED MODULE: ./build/inventory/render.js

function inventoryReport(source, items, unread) {
    const counts = { portable: 0, replaceable: 0, redesign: 0, unused: 0 };
    for (const item of items) {
        if (item.enabled)
            counts[item.classification]++;
        else
            counts.unused++;
    }
    return { source, counts, items, unread };
}
function inventoryHeadline(report) {
    const { portable, replaceable, redesign, unused } = report.counts;
    const unread = describeUnread(report.unread) !== '' ? ` Not read: ${describeUnread(report.unread)}.` : '';
    return `Inventory of the ${report.source} tenant: ${redesign} redesign, ${replaceable} replaceable, ${portable} portable, ${unused} unused.${unread}`;
}
const HEADINGS = {
    redesign: 'Redesign: custom code or behaviour WorkOS does not run',
    replaceable: 'Replaceable: WorkOS has it; a person configures it',
    portable: 'Portable: this tool moves it',
};
function renderInventoryMarkdown(report) {
    const lines = [`## Inventory of the ${escapeMarkdown(report.source)} tenant`, ''];
    const { portable, replaceable, redesign, unused } = report.counts;
    lines.push(`| Redesign | Replaceable | Portable | Unused |`, '|---:|---:|---:|---:|', `| ${redesign} | ${replaceable} | ${portable} | ${unused} |`, '');
    if (describeUnread(report.unread) !== '') {
        lines.push(`**Incomplete:** the credentials could not read ${describeUnread(report.unread)}. Grant the scope and run inventory again.`, '');
    }
    for (const classification of ['redesign', 'replaceable', 'portable']) {
        const items = report.items.filter((i) => i.enabled && i.classification === classification);
        if (items.length === 0)
            continue;
        lines.push(`### ${HEADINGS[classification]}`, '', '| Kind | Name | In WorkOS | To do |', '|---|---|---|---|');
        for (const item of items)
            lines.push(render_row(item));
        lines.push('');
    }
    const idle = report.items.filter((i) => !i.enabled);
    if (idle.length > 0) {
        lines.push('### Unused (disabled or unbound): nothing runs, nothing to move', '', '| Kind | Name | Class | Note |', '|---|---|---|---|');
        for (const item of idle)
            lines.push(`| ${render_label(item)} | ${escapeMarkdown(item.name)} | ${item.classification} | ${escapeMarkdown(item.action)} |`);
        lines.push('');
    }
    lines.push('Every item, with links to the WorkOS documentation, is in inventory.json.', '');
    return `${lines.join('\n')}\n`;
}
function render_row(item) {
    // The docs link is ours (a fixed workos.com URL), so it is not escaped like tenant data.
    return `| ${render_label(item)} | ${escapeMarkdown(item.name)} | ${escapeMarkdown(item.replacement)} | ${escapeMarkdown(item.action)} [docs](${item.docs}) |`;
}
function render_label(item) {
    const kind = item.kind.replace(/_/g, ' ');
    return item.detail ? `${kind} (${escapeMarkdown(item.detail)})` : kind;
}
/** Kinds refused for a missing scope (a 404, a kind the tenant does not have, is no gap). */
function describeUnread(unread) {
    const byKind = new Map();
    for (const u of unread)
        if (u.reason === 'forbidden')
            byKind.set(u.kind, `${u.kind} (grant ${u.scope})`);
    return [...byKind.values()].join(', ');
}

;// CONCATENATED MODULE: ./build/report/outbound.js

/** Text this program composed: markdown, a headline, a message. */
function outboundText(text, policy) {
    for (const secret of policy.secrets ?? [])
        (0,mask/* registerSecret */.cl)(secret);
    return (0,mask.scrubText)(text, { keepEmails: policy.includePii });
}
/** A JSON report (inventory.json, watch.json): every string and key scrubbed, pretty-printed. */
function outboundJson(value, policy) {
    for (const secret of policy.secrets ?? [])
        (0,mask/* registerSecret */.cl)(secret);
    return `${JSON.stringify((0,mask/* scrubJson */.Kl)(value, { keepEmails: policy.includePii }), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./build/modes/inventory.js









function parseInventorySource(value) {
    if (value === 'auth0' || value === 'clerk')
        return value;
    throw new types/* UsageError */.eb(`inventory reads auth0 or clerk, not "${value ?? ''}".`);
}
async function runInventory(options) {
    const log = options.log ?? silentLogger;
    // Tokens learned during the run are masked wherever they might surface.
    const secrets = [];
    const onSecret = (secret) => secrets.push(secret);
    let report;
    if (options.source === 'auth0') {
        const tenant = await readAuth0Tenant({ env: options.env, log, signal: options.signal, onSecret });
        report = inventoryReport('auth0', classifyAuth0(tenant), tenant.unread);
    }
    else {
        const instance = await readClerkInstance({ env: options.env, log, signal: options.signal });
        report = inventoryReport('clerk', classifyClerk(instance), instance.unread);
    }
    const policy = { includePii: false, secrets };
    const markdown = outboundText(renderInventoryMarkdown(report), policy);
    const headline = outboundText(inventoryHeadline(report), policy);
    let files;
    if (options.outDir) {
        await (0,promises_.mkdir)(options.outDir, { recursive: true });
        files = {
            inventoryJson: (0,external_node_path_.join)(options.outDir, 'inventory.json'),
            inventoryMd: (0,external_node_path_.join)(options.outDir, 'inventory.md'),
        };
        await (0,promises_.writeFile)(files.inventoryJson, outboundJson(report, policy));
        await (0,promises_.writeFile)(files.inventoryMd, markdown);
    }
    return { report, markdown, headline, ...(files ? { files } : {}) };
}

;// CONCATENATED MODULE: ./build/cli/inventory-command.js




/**
 * `migrate-to-workos inventory --source auth0|clerk --out DIR`: the old tenant's dependencies.
 * Credentials only from the environment, as for export. Exit 0, or 2 when it cannot read.
 */
async function runInventoryCommand(args, io) {
    if (!args.out)
        throw new types/* UsageError */.eb('inventory needs --out DIR: where inventory.json and inventory.md go.');
    const source = parseInventorySource(args.source);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
        const result = await runInventory({
            source,
            env: io.env,
            outDir: args.out,
            log: streamLogger(io.stderr),
            signal: controller.signal,
        });
        io.stdout.write(`${result.headline}\nReports in ${args.out} (inventory.json, inventory.md)\n`);
        return 0;
    }
    catch (error) {
        if (error instanceof ExportInterrupted) {
            io.stderr.write('Inventory interrupted; nothing was written. Run it again.\n');
            return 130;
        }
        throw error;
    }
    finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
    }
}

;// CONCATENATED MODULE: ./build/watch/health.js
class SignInTally {
    overall = { succeeded: 0, failed: 0 };
    methods = new Map();
    failureCodes = new Map();
    organizations = new Map();
    withoutOrganization = { succeeded: 0, failed: 0 };
    /** Steps inside a sign-in (mfa, email verification): counted apart, never attempts. */
    steps = new Map();
    /** Users this migration imported (an external id) that never signed in, with their failures. */
    firstSignInFailures = new Map();
    /** Failed attempts with an email WorkOS holds no user for. */
    unknownUserFailures = 0;
    add({ event, user, organizations }) {
        if (event.method === 'mfa' || event.method === 'email_verification') {
            this.steps.set(event.method, (this.steps.get(event.method) ?? 0) + 1);
            return;
        }
        const outcome = event.succeeded ? 'succeeded' : 'failed';
        this.overall[outcome]++;
        bump(this.methods, event.method)[outcome]++;
        const code = event.succeeded ? undefined : (event.errorCode ?? 'unknown');
        if (code)
            this.failureCodes.set(code, (this.failureCodes.get(code) ?? 0) + 1);
        if (organizations.length === 0)
            this.withoutOrganization[outcome]++;
        for (const id of new Set(organizations)) {
            let counts = this.organizations.get(id);
            if (!counts) {
                counts = { succeeded: 0, failed: 0, failureCodes: {} };
                this.organizations.set(id, counts);
            }
            counts[outcome]++;
            if (code)
                counts.failureCodes[code] = (counts.failureCodes[code] ?? 0) + 1;
        }
        if (!event.succeeded && !user)
            this.unknownUserFailures++;
        if (!event.succeeded && user?.externalId && user.lastSignInAt === null) {
            const entry = this.firstSignInFailures.get(user.id) ?? { user, failed: 0 };
            entry.failed++;
            if (event.email)
                entry.email = event.email;
            this.firstSignInFailures.set(user.id, entry);
        }
    }
}
function bump(map, key) {
    let counts = map.get(key);
    if (!counts) {
        counts = { succeeded: 0, failed: 0 };
        map.set(key, counts);
    }
    return counts;
}
const DEFAULT_HEALTH_POLICY = { failAbove: 20, minAttempts: 10 };
/** Percent of attempts that failed, one decimal; 0 without attempts. */
function failureShare(counts) {
    const attempts = counts.succeeded + counts.failed;
    return attempts === 0 ? 0 : Math.round((counts.failed / attempts) * 1000) / 10;
}
/** The alerts, organizations by failure share (highest first), then by name. */
function decideHealth(tally, policy, organization) {
    const alerts = [];
    const over = (counts) => counts.succeeded + counts.failed >= policy.minAttempts && exactShare(counts) > policy.failAbove;
    if (over(tally.overall))
        alerts.push(alertOf('overall', tally.overall));
    const organizations = [];
    for (const [id, counts] of tally.organizations)
        if (over(counts))
            organizations.push({ ...alertOf('organization', counts), organization: organization(id) });
    organizations.sort((a, b) => b.failureShare - a.failureShare || a.organization.name.localeCompare(b.organization.name));
    return [...alerts, ...organizations];
}
/** The share compared with the threshold, unrounded: 20.04 % is above 20. */
function exactShare(counts) {
    const attempts = counts.succeeded + counts.failed;
    return attempts === 0 ? 0 : (counts.failed / attempts) * 100;
}
function alertOf(scope, counts) {
    return {
        scope,
        attempts: counts.succeeded + counts.failed,
        failed: counts.failed,
        failureShare: failureShare(counts),
    };
}

;// CONCATENATED MODULE: ./build/watch/render.js



function countsJson(counts) {
    return {
        attempts: counts.succeeded + counts.failed,
        succeeded: counts.succeeded,
        failed: counts.failed,
        failure_share: failureShare(counts),
    };
}
/** The digest users are reported by: the same for the same source id in every run. */
function userDigest(externalId) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(externalId).digest('hex')}`;
}
function watchReport(input) {
    const { tally } = input;
    const sortedEntries = (map) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
    return {
        window: { since: input.window.since.toISOString(), until: input.window.until.toISOString() },
        policy: input.policy,
        alert: input.alerts.length > 0,
        alerts: input.alerts.map((a) => ({
            scope: a.scope,
            ...(a.organization
                ? {
                    organization: {
                        id: a.organization.id,
                        name: a.organization.name,
                        external_id: a.organization.externalId,
                    },
                }
                : {}),
            attempts: a.attempts,
            failed: a.failed,
            failure_share: a.failureShare,
        })),
        sign_ins: countsJson(tally.overall),
        methods: Object.fromEntries(sortedEntries(tally.methods).map(([k, v]) => [k, countsJson(v)])),
        failure_codes: Object.fromEntries(sortedEntries(tally.failureCodes)),
        organizations: [...tally.organizations.entries()]
            .map(([id, counts]) => {
            const organization = input.organization(id);
            return {
                id,
                name: organization.name,
                external_id: organization.externalId,
                ...countsJson(counts),
                failure_codes: counts.failureCodes,
            };
        })
            .sort((a, b) => b.failure_share - a.failure_share || a.name.localeCompare(b.name)),
        without_organization: countsJson(tally.withoutOrganization),
        steps: Object.fromEntries(sortedEntries(tally.steps)),
        unknown_user_failures: tally.unknownUserFailures,
        first_sign_in_failures: [...tally.firstSignInFailures.values()]
            .map((f) => ({
            user: userDigest(f.user.externalId ?? f.user.id),
            failed: f.failed,
            ...(input.includePii && f.email ? { email: f.email } : {}),
        }))
            .sort((a, b) => b.failed - a.failed || a.user.localeCompare(b.user)),
        events: input.events,
    };
}
const MAX_ROWS = 50;
function renderWatchMarkdown(report) {
    const lines = [];
    const s = report.sign_ins;
    const { failAbove, minAttempts } = report.policy;
    lines.push(`## Sign-in health: ${report.alert ? '🔴 alert' : '🟢 healthy'}`, '');
    lines.push(`${s.attempts} sign-in attempts from ${report.window.since} to ${report.window.until}: ` +
        `${s.succeeded} succeeded, ${s.failed} failed (${s.failure_share} %). ` +
        `Alert threshold: more than ${failAbove} % failed, overall or in an organization with at least ${minAttempts} attempts.`, '');
    if (report.alert) {
        lines.push('### Above the threshold', '');
        for (const alert of report.alerts) {
            const where = alert.scope === 'overall' ? 'All sign-ins' : `Organization **${escapeMarkdown(alert.organization.name)}**`;
            lines.push(`- ${where}: ${alert.failed} of ${alert.attempts} failed (${alert.failure_share} %)`);
        }
        lines.push('', 'Next: look at the failure codes below. `invalid_credentials` in one organization often means its ' +
            'password hashes did not move (run `verify`); `sso_*` failures mean its SSO connection needs a check ' +
            '(is it active, does the IdP point at WorkOS?). If the organization cannot sign in, roll it back to the ' +
            'old provider for now (route its sign-ins back) while you fix it; `rollback` undoes the import itself.', '');
    }
    if (report.organizations.length > 0) {
        lines.push('### By organization', '', '| Organization | Attempts | Succeeded | Failed | Failed % | Failure codes |');
        lines.push('|---|---:|---:|---:|---:|---|');
        for (const o of report.organizations.slice(0, MAX_ROWS)) {
            const codes = Object.entries(o.failure_codes)
                .map(([code, n]) => `${escapeMarkdown(code)} ${n}`)
                .join(', ');
            lines.push(`| ${escapeMarkdown(o.name)} | ${o.attempts} | ${o.succeeded} | ${o.failed} | ${o.failure_share} | ${codes} |`);
        }
        if (report.organizations.length > MAX_ROWS)
            lines.push('', `… and ${report.organizations.length - MAX_ROWS} more organizations in watch.json.`);
        const w = report.without_organization;
        if (w.attempts > 0)
            lines.push('', `Users in no organization: ${w.attempts} attempts, ${w.failed} failed (${w.failure_share} %).`);
        lines.push('');
    }
    const methods = Object.entries(report.methods);
    if (methods.length > 0) {
        lines.push('### By method', '', '| Method | Succeeded | Failed | Failed % |', '|---|---:|---:|---:|');
        for (const [method, c] of methods)
            lines.push(`| ${escapeMarkdown(method)} | ${c.succeeded} | ${c.failed} | ${c.failure_share} |`);
        lines.push('');
    }
    const codes = Object.entries(report.failure_codes);
    if (codes.length > 0) {
        lines.push('### Failure codes', '', '| Code | Failed |', '|---|---:|');
        for (const [code, n] of codes)
            lines.push(`| ${escapeMarkdown(code)} | ${n} |`);
        lines.push('');
    }
    if (report.first_sign_in_failures.length > 0) {
        lines.push(`**${report.first_sign_in_failures.length} migrated user(s)** failed to sign in and have never signed in to WorkOS ` +
            '(by source id digest in watch.json): check their password hashes and MFA re-enrollment.', '');
    }
    if (s.attempts === 0)
        lines.push('No sign-in events in this window: has sign-in moved to WorkOS yet? Is the window right?', '');
    return `${lines.join('\n')}\n`;
}
/** One line for the terminal and the log. */
function watchHeadline(report) {
    const s = report.sign_ins;
    const head = `${s.attempts} sign-ins, ${s.failed} failed (${s.failure_share} %), ${report.organizations.length} organizations.`;
    if (!report.alert)
        return `Sign-in health: healthy. ${head}`;
    const named = report.alerts.map((a) => a.scope === 'overall' ? `all sign-ins ${a.failure_share} %` : `${a.organization.name} ${a.failure_share} %`);
    return `Sign-in health: ALERT, above ${report.policy.failAbove} % failed: ${named.join('; ')}. ${head}`;
}

;// CONCATENATED MODULE: ./build/watch/window.js

const SPAN = /^\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*$/;
function parseWatchWindow(since, until, now) {
    const end = until === undefined ? now : window_isoTime('--until', until);
    const start = since === undefined ? new Date(end.getTime() - 24 * 3_600_000) : sinceTime(since, end);
    if (start.getTime() >= end.getTime())
        throw new types/* UsageError */.eb(`--since (${start.toISOString()}) must be before --until (${end.toISOString()}). Widen the window.`);
    return { since: start, until: end };
}
function sinceTime(text, end) {
    const span = SPAN.exec(text);
    if (span && (span[1] || span[2] || span[3])) {
        const minutes = (Number(span[1] ?? 0) * 24 + Number(span[2] ?? 0)) * 60 + Number(span[3] ?? 0);
        if (minutes > 0)
            return new Date(end.getTime() - minutes * 60_000);
    }
    return window_isoTime('--since', text);
}
function window_isoTime(flag, text) {
    // A date needs at least year-month-day; Date.parse alone takes "12" as a year.
    const at = /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
    if (!Number.isFinite(at))
        throw new types/* UsageError */.eb(`${flag} "${text}" is neither a span like 24h, 7d or 90m nor an ISO 8601 time like 2026-03-01T09:00:00Z.`);
    return new Date(at);
}

;// CONCATENATED MODULE: ./build/workos/events.js
// WorkOS's Events API (`GET /events`), read for sign-in health: the authentication events of a
// window, oldest first, 100 a page (the API's maximum), each page a paced read. Event names and
// payloads as WorkOS's OpenAPI description lists them: `authentication.<method>_<succeeded|failed>`
// with `data: {type, status, user_id, email, ip_address, user_agent, error?: {code, message},
// sso?: {organization_id, connection_id}}`.
/** Sign-in outcomes: the events that end an attempt to sign in, one per attempt. */
const SIGN_IN_EVENTS = [
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
];
/**
 * Steps inside a sign-in (a second factor, a verified email): counted on their own, never as
 * attempts, so a password sign-in with MFA counts once. WorkOS emits only a success for these.
 */
const SIGN_IN_STEP_EVENTS = [
    'authentication.mfa_succeeded',
    'authentication.email_verification_succeeded',
];
/** Every authentication event of the window, oldest first. */
async function* authenticationEvents(workos, read, window) {
    const events = [...SIGN_IN_EVENTS, ...SIGN_IN_STEP_EVENTS];
    let after;
    do {
        // Not the SDK's autoPagination: each page must go through `read`.
        const page = await read(() => workos.events.listEvents({
            events: events,
            rangeStart: window.rangeStart,
            rangeEnd: window.rangeEnd,
            limit: 100,
            order: 'asc',
            ...(after ? { after } : {}),
        }));
        for (const event of page.data) {
            const record = toRecord(event);
            if (record)
                yield record;
        }
        after = page.listMetadata.after ?? undefined;
    } while (after);
}
function toRecord(event) {
    const match = /^authentication\.([a-z_]+)_(succeeded|failed)$/.exec(event.event);
    if (!match)
        return undefined;
    const data = event.data ?? {};
    return {
        id: event.id,
        name: event.event,
        method: match[1],
        succeeded: match[2] === 'succeeded',
        createdAt: event.createdAt,
        ...(data.userId ? { userId: data.userId } : {}),
        ...(data.email ? { email: data.email } : {}),
        ...(data.error?.code ? { errorCode: data.error.code } : {}),
        ...(data.sso?.organizationId ? { organizationId: data.sso.organizationId } : {}),
    };
}
/** The reads `watch` makes besides the events: who signed in, and their live organizations. */
function signInDirectory(workos, read) {
    return {
        async userById(id) {
            try {
                const user = await read(() => workos.userManagement.getUser(id));
                return { id: user.id, externalId: user.externalId ?? null, lastSignInAt: user.lastSignInAt ?? null };
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
        async userByEmail(email) {
            const page = await read(() => workos.userManagement.listUsers({ email, limit: 1 }));
            const user = page.data[0];
            return user
                ? { id: user.id, externalId: user.externalId ?? null, lastSignInAt: user.lastSignInAt ?? null }
                : undefined;
        },
        /** The organization ids of the user's active memberships. */
        async organizationsOf(userId) {
            const ids = [];
            let after;
            do {
                const page = await read(() => workos.userManagement.listOrganizationMemberships({
                    userId,
                    statuses: ['active'],
                    limit: 100,
                    ...(after ? { after } : {}),
                }));
                for (const membership of page.data)
                    ids.push(membership.organizationId);
                after = page.listMetadata.after ?? undefined;
            } while (after);
            return ids;
        },
        async organization(id) {
            try {
                const organization = await read(() => workos.organizations.getOrganization(id));
                return { id: organization.id, name: organization.name, externalId: organization.externalId ?? null };
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./build/modes/watch.js











async function runWatch(options) {
    const log = options.log ?? silentLogger;
    const includePii = options.includePii ?? false;
    const window = parseWatchWindow(options.since, options.until, options.now ?? new Date());
    const policy = { ...DEFAULT_HEALTH_POLICY, ...options.policy };
    checkApiKey(options.target.apiKey);
    const caller = new WorkOSCaller(new PacedTransport(), undefined, {
        apiUrl: options.target.apiUrl ?? DEFAULT_API_URL,
    });
    const workos = createWorkOS(options.target, caller.transport);
    const read = (request) => caller.read(request);
    const directory = signInDirectory(workos, read);
    const people = new PeopleCache(directory);
    const tally = new SignInTally();
    let events = 0;
    await log.group(`Reading sign-in events from ${window.since.toISOString()} to ${window.until.toISOString()}`, async () => {
        for await (const event of authenticationEvents(workos, read, {
            rangeStart: window.since.toISOString(),
            rangeEnd: window.until.toISOString(),
        })) {
            events++;
            const user = await people.userOf(event.userId, event.email);
            const organizations = event.organizationId
                ? [event.organizationId]
                : user
                    ? await people.organizationsOf(user.id)
                    : [];
            tally.add({ event, user, organizations });
            if (events % 1000 === 0)
                log.progress(`${events} events read.`);
        }
    });
    const names = new Map();
    for (const id of tally.organizations.keys())
        names.set(id, (await directory.organization(id)) ?? { id, name: id, externalId: null });
    const organization = (id) => names.get(id) ?? { id, name: id, externalId: null };
    const alerts = decideHealth(tally, policy, organization);
    const report = watchReport({ window, policy, tally, alerts, organization, events, includePii });
    const markdown = outboundText(renderWatchMarkdown(report), { includePii });
    const headline = outboundText(watchHeadline(report), { includePii });
    let files;
    if (options.outDir) {
        await (0,promises_.mkdir)(options.outDir, { recursive: true });
        files = { watchJson: (0,external_node_path_.join)(options.outDir, 'watch.json'), watchMd: (0,external_node_path_.join)(options.outDir, 'watch.md') };
        await (0,promises_.writeFile)(files.watchJson, outboundJson(report, { includePii }));
        await (0,promises_.writeFile)(files.watchMd, markdown);
    }
    return { report, markdown, headline, exitCode: report.alert ? 1 : 0, ...(files ? { files } : {}) };
}
/** Each user and each user's memberships read once per run, however many times they sign in. */
class PeopleCache {
    directory;
    byId = new Map();
    byEmail = new Map();
    memberships = new Map();
    constructor(directory) {
        this.directory = directory;
    }
    userOf(userId, email) {
        if (userId)
            return once(this.byId, userId, () => this.directory.userById(userId));
        if (email)
            return once(this.byEmail, email.toLowerCase(), () => this.directory.userByEmail(email));
        return Promise.resolve(undefined);
    }
    organizationsOf(userId) {
        return once(this.memberships, userId, () => this.directory.organizationsOf(userId));
    }
}
function once(cache, key, load) {
    let value = cache.get(key);
    if (!value) {
        value = load();
        cache.set(key, value);
    }
    return value;
}

;// CONCATENATED MODULE: ./build/cli/watch-command.js





/**
 * `migrate-to-workos watch`: sign-in health from WorkOS's events. Exit 0 healthy, 1 alert;
 * a bad flag, a missing key or an unreachable WorkOS is a UsageError (exit 2).
 */
async function runWatchCommand(args, io) {
    const result = await runWatch({
        target: { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
        since: args.since,
        until: args.until,
        policy: {
            ...(args.failAbove !== undefined ? { failAbove: args.failAbove } : {}),
            ...(args.minAttempts !== undefined ? { minAttempts: args.minAttempts } : {}),
        },
        outDir: args.out,
        includePii: args.includePii,
        log: streamLogger(io.stderr),
    }).catch((error) => {
        // WorkOS refused the read (a key without access, a bad window): the run could not run (exit 2).
        if (error instanceof WorkOSCallError)
            throw new types/* UsageError */.eb(outboundText(`WorkOS refused to list the sign-in events: ${error.message}. Check WORKOS_API_KEY (the environment's secret key) and the window.`, { includePii: false, secrets: [io.env.WORKOS_API_KEY ?? ''] }));
        throw error;
    });
    io.stdout.write(`${result.headline}\n`);
    if (result.files)
        io.stdout.write(`Reports in ${args.out} (watch.json, watch.md)\n`);
    return result.exitCode;
}

;// CONCATENATED MODULE: ./build/cli/main.js






























/** Runs one CLI command and returns the exit code (0, 1, 2, 130 or 143, as in the README's table). */
async function runCli(argv, io = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin }) {
    // Before anything can print: these are masked in every report and line of output from here on.
    (0,mask/* registerSecretsFromEnvironment */.kc)(io.env);
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
            case 'watch':
                return await runWatchCommand(args, io);
            case 'inventory':
                return await runInventoryCommand(args, io);
            default:
                return await runMode(args, io);
        }
    }
    catch (error) {
        if (error instanceof types/* UsageError */.eb) {
            io.stderr.write(`error: ${(0,mask.scrubText)(error.message)}\n`);
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
    // parseCliArgs refused a mode without --users.
    if (!args.users)
        throw new types/* UsageError */.eb(`${args.command} needs --users, the user export: it is missing or blank.`);
    // Encrypted files, env:NAME and artifact:NAME become files in a private temp dir, removed at the end.
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'migrate-to-workos-'));
    const sources = await resolveSourceFiles({
        users: args.users,
        passwords: args.passwords,
        organizations: args.organizations,
        hashConfig: args.hashConfig,
        mfa: args.mfa,
    }, 
    // An artifact of this run, read with the job's runtime token when run inside GitHub Actions.
    { tempDir, env: io.env, passphrase: io.env.MIGRATE_TO_WORKOS_PASSPHRASE, artifacts: gitHubArtifacts(undefined) }).catch(async (error) => {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        throw error;
    });
    // Ctrl-C / SIGTERM: stop taking records, let in-flight writes land in the journal, report; twice: exit now.
    const interruption = onInterrupt({
        exitOnSecond: true,
        onFirst: (signal) => io.stderr.write(`\n${signal}: stopping after the writes in flight (again to quit at once)…\n`),
    });
    try {
        const settings = migrationSettings(args, {
            // A dry run uses a key when there is one (to check role slugs) and never needs it.
            target: mode === 'plan' && !io.env.WORKOS_API_KEY
                ? undefined
                : { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL },
        });
        const resolved = {
            files: sources.files,
            fileLabels: sources.labels,
            config: withLazyPasswords(await loadMappingConfig(args.config), args.lazyPasswords),
            loginProbes: args.loginProbes ? await loginProbesFrom(args.loginProbes, io.env) : undefined,
            log: streamLogger(io.stderr),
            signal: interruption.signal,
        };
        const result = await runExportMode(mode, args.lazyFinish, settings, resolved);
        io.stdout.write(renderSummaryText(result.summary));
        if (result.files)
            io.stdout.write(`Reports in ${args.out}\n`);
        if (result.summary.fatal)
            io.stderr.write(`error: ${(0,mask.scrubText)(result.summary.fatal)}\n`);
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
        const settings = migrationSettings(args, {
            target: io.env.WORKOS_API_KEY || args.confirm
                ? { apiKey: io.env.WORKOS_API_KEY ?? '', apiUrl: args.apiUrl ?? io.env.WORKOS_API_URL }
                : undefined,
        });
        const result = await runRollback(rollbackOptions(settings, { log: streamLogger(io.stderr), signal: interruption.signal }));
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
/** The settings of a migration run, from the parsed flags (the key comes from the environment). */
function migrationSettings(args, from) {
    return {
        source: parseSourceKind(args.source),
        stateDir: args.state,
        outDir: args.out,
        target: from.target,
        rateLimit: args.rateLimit,
        readRateLimit: args.readRateLimit,
        concurrency: args.concurrency,
        maxRecords: args.maxRecords,
        timeBudgetMs: args.timeBudgetMs,
        includePii: args.includePii,
        force: args.force,
        prune: args.prune,
        pruneLimit: args.pruneLimit,
        forcePasswords: args.forcePasswords,
        confirmRollback: args.confirm,
        portalLinks: args.portalLinks,
    };
}
/** Each mode with its own options; the modes that read an export. */
function runExportMode(mode, lazyFinish, settings, resolved) {
    switch (mode) {
        case 'plan':
            return runPlan(planOptions(settings, resolved));
        case 'import':
            return lazyFinish
                ? runLazyFinish(lazyFinishOptions(settings, resolved))
                : runImport(importOptions(settings, resolved));
        case 'verify':
            return runVerify(verifyOptions(settings, resolved));
        case 'cutover':
            return runCutoverMode(cutoverOptions(settings, resolved));
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
    await assertNotSpecialFile(path, 'the login probes file');
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        throw new types/* UsageError */.eb(`${path}: cannot read the login probes file. Check the --login-probes path.`);
    }
    const probes = parseLoginProbes(text, path);
    for (const probe of probes)
        (0,mask/* registerSecret */.cl)(probe.password);
    return { clientId, probes, label: path };
}
async function serveEmulator(args, io) {
    const emulator = await startEmulator({ host: args.host, port: args.port ?? 0 });
    io.stdout.write(standInBanner(emulator.url));
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
            const first = await runImport(options);
            io.stdout.write(`== ${title}\n${renderSummaryText(first.summary)}\n`);
            const again = await runImport(options);
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


/***/ }),

/***/ 94264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ scrubValue),
/* harmony export */   Kl: () => (/* binding */ scrubJson),
/* harmony export */   LT: () => (/* binding */ registerTokenSecret),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   hv: () => (/* binding */ scrubbedJsonLine),
/* harmony export */   kc: () => (/* binding */ registerSecretsFromEnvironment),
/* harmony export */   scrubText: () => (/* binding */ scrubText),
/* harmony export */   vA: () => (/* binding */ maskEmail)
/* harmony export */ });
/* unused harmony exports SECRET_VARIABLES, forgetSecretsForTests, maskEmailsInText */
// The one scrubber (DESIGN §3): everything that reaches a report, the job summary, a PR comment,
// an annotation, a log line or the CLI's output passes through here. It masks the secrets the run
// knows (registered once at start), anything shaped like a WorkOS key or an Authorization header
// (API error bodies can echo the request), password hashes, and emails unless the reports may
// hold them; and it keeps control characters from export data off terminals and log lines.
/** Environment variables that hold credentials, whichever command reads them. */
const SECRET_VARIABLES = [
    'WORKOS_API_KEY',
    'MIGRATE_TO_WORKOS_PASSPHRASE',
    'AUTH0_CLIENT_SECRET',
    'AUTH0_MANAGEMENT_TOKEN',
    'CLERK_SECRET_KEY',
    'GITHUB_TOKEN',
    'GH_TOKEN',
];
// Masking a two- or three-letter string everywhere would garble every report and protect nothing.
const MIN_SECRET_LENGTH = 4;
const SECRET_MASK = '[secret]';
// Longest first, so a secret that contains another is masked whole; one pattern finds them all.
let knownSecrets = [];
let secretPattern;
/**
 * Makes `value` a secret for the rest of the process: it never appears in anything this module
 * scrubs. Also its URL-encoded and Base64 forms, in which an error body may quote it.
 */
function registerSecret(value) {
    const trimmed = value?.trim();
    if (!trimmed || trimmed.length < MIN_SECRET_LENGTH)
        return;
    const forms = [trimmed, value, encodeURIComponent(trimmed), Buffer.from(trimmed).toString('base64')];
    const added = forms.filter((form) => form.length >= MIN_SECRET_LENGTH && !knownSecrets.includes(form));
    if (added.length === 0)
        return;
    knownSecrets = [...knownSecrets, ...added].sort((a, b) => b.length - a.length);
    secretPattern = new RegExp(knownSecrets.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}
// Secrets that come by the thousand (TOTP secrets, one per user): a regex alternative each would
// make every scrub slow, so they sit in a set and each run of letters and digits long enough to
// be one is looked up. They are compared in upper case without padding, the way Base32 is.
const tokenSecrets = new Set();
const MIN_TOKEN_SECRET_LENGTH = 8;
const TOKEN_CANDIDATE = /[A-Za-z0-9]{8,}/g;
/**
 * Makes `value` a secret that is masked wherever it stands as a token of its own (between
 * characters that are not letters or digits), in any case: a TOTP secret, as an API error
 * body may quote it. Cheap for a million of them, unlike registerSecret.
 */
function registerTokenSecret(value) {
    const token = value?.replace(/[\s=-]/g, '').toUpperCase();
    if (!token || token.length < MIN_TOKEN_SECRET_LENGTH || !/^[A-Z0-9]+$/.test(token))
        return;
    tokenSecrets.add(token);
}
function maskTokenSecrets(text) {
    if (tokenSecrets.size === 0)
        return text;
    return text.replace(TOKEN_CANDIDATE, (token) => (tokenSecrets.has(token.toUpperCase()) ? SECRET_MASK : token));
}
/** Registers every credential the environment holds (SECRET_VARIABLES). */
function registerSecretsFromEnvironment(env) {
    for (const name of SECRET_VARIABLES)
        registerSecret(env[name]);
}
/** Forgets every registered secret (tests only: a process keeps its secrets to the end). */
function forgetSecretsForTests() {
    knownSecrets = [];
    secretPattern = undefined;
    tokenSecrets.clear();
}
// CR, LF and the Unicode line breaks end a log line early; inside one value they become a space.
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// C0 (but tab and LF), DEL, C1, and the bidi marks and overrides that make a line read other than it is.
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const REPLACEMENT = '\ufffd';
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
// A line that starts with one of these is a workflow command to the GitHub runner.
const WORKFLOW_COMMAND = /^(\s*)(::|##\[)/;
/** One value (a name, a message, an id) on one line: no line breaks, no control characters, nothing secret. */
function scrubValue(value, options = {}) {
    const flat = ANY_CONTROL.test(value)
        ? value.replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(UNSAFE_CHARACTER, REPLACEMENT)
        : value;
    return maskSensitive(flat, options);
}
/**
 * Text this program composed (a log message, the terminal's summary, markdown): its own line
 * breaks stay, every other control character goes, and no line can be taken for a workflow command.
 */
function scrubText(text, options = {}) {
    const flat = text
        .replace(/\r\n/g, '\n')
        .replace(/[\r\u0085\u2028\u2029]/g, ' ')
        .replace(UNSAFE_CHARACTER, REPLACEMENT);
    return maskSensitive(flat, options)
        .split('\n')
        .map((line) => line.replace(WORKFLOW_COMMAND, (_all, space, command) => `${space}${command[0]}\u200b${command.slice(1)}`))
        .join('\n');
}
/** A JSON value (summary.json, a report line) with every string and every key scrubbed as a value. */
function scrubJson(value, options = {}) {
    if (typeof value === 'string')
        return scrubValue(value, options);
    if (Array.isArray(value))
        return value.map((item) => scrubJson(item, options));
    if (value === null || typeof value !== 'object')
        return value;
    // No prototype: a key such as `__proto__` from an export stays an ordinary key.
    const out = Object.create(null);
    for (const [key, item] of Object.entries(value)) {
        const name = scrubValue(key, options);
        const scrubbed = scrubJson(item, options);
        // Two names from an export that scrub alike (`a\nb`, `a b`) are one name: their counts add up.
        const earlier = out[name];
        out[name] = typeof earlier === 'number' && typeof scrubbed === 'number' ? earlier + scrubbed : scrubbed;
    }
    return out;
}
/** One JSON line of a report (errors.jsonl, changes.jsonl), scrubbed. */
function scrubbedJsonLine(value, options = {}) {
    return `${JSON.stringify(scrubJson(value, options))}\n`;
}
// The second line of defence, for a credential nobody registered: the token of an echoed
// Authorization header, WorkOS API keys, GitHub tokens.
// A bearer token's characters (RFC 6750 b64token), so a mask already made (`[secret]`) is not one.
const AUTHORIZATION_SHAPED = /\b(Bearer)\s+[A-Za-z0-9._~+/-]{6,}=*/gi;
const KEY_SHAPED = /sk_(test|live)_[A-Za-z0-9]+/g;
const GITHUB_TOKEN_SHAPED = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g;
// What any rule below could change; most values (codes, ids, our own sentences) hold none of it.
const WORTH_A_LOOK = /[@${]|sk_|bearer|gh[pousr]_|github_pat_/i;
function maskSensitive(input, options) {
    const text = maskTokenSecrets(input);
    const secrets = secretPattern;
    const holdsSecret = secrets !== undefined && text.search(secrets) >= 0;
    if (!holdsSecret && !WORTH_A_LOOK.test(text))
        return text;
    // Known secrets first: the shape rules below could cut one into pieces no longer recognized.
    let out = holdsSecret ? text.replace(secrets, SECRET_MASK) : text;
    out = out
        .replace(AUTHORIZATION_SHAPED, `$1 ${SECRET_MASK}`)
        .replace(KEY_SHAPED, `sk_$1_${SECRET_MASK}`)
        .replace(GITHUB_TOKEN_SHAPED, SECRET_MASK);
    out = maskHashes(out);
    if (!options.keepEmails)
        out = maskEmailsInText(out);
    // A mask next to other text could spell a (strange) secret again: such a secret is removed,
    // which shortens the text each time, so this ends with none left.
    while (secrets !== undefined && out.search(secrets) >= 0)
        out = out.replace(secrets, '');
    return out;
}
/**
 * An email as logs and PR comments may show it: `j***@acme.com`. Enough to tell users apart in
 * a short list, not enough to read the address. Text that is not an email becomes `***`.
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
// Runs of characters that can be part of an address; everything else separates them (`|` too:
// Auth0's `samlp|acme|ann@corp.example` keeps its prefix). One pass, no backtracking: a regex that
// looks for `local@domain.tld` directly is quadratic on a long run without an @, and messages can
// carry long values from an export.
const ADDRESS_CANDIDATE = /[^\s<>()[\]{}"',;:|=]+/g;
/** Masks every email-shaped piece of text the way logs show emails: `j***@acme.com`. */
function maskEmailsInText(text) {
    if (!text.includes('@'))
        return text;
    return text.replace(ADDRESS_CANDIDATE, (token) => (looksLikeEmail(token) ? maskEmail(token) : token));
}
function looksLikeEmail(token) {
    const at = token.lastIndexOf('@');
    if (at <= 0)
        return false;
    const domain = token.slice(at + 1);
    const dot = domain.indexOf('.');
    return dot > 0 && dot < domain.length - 1;
}
// Modular crypt format ($2b$10$…, $argon2id$…, $pbkdf2-sha256$…) and LDAP {SSHA} style hashes.
const HASH_SHAPED = /\$[A-Za-z0-9-]{1,20}\$[^\s"']{8,}|\{S?SHA(?:256|512)?\}[A-Za-z0-9+/=]{8,}/gi;
function maskHashes(text) {
    return text.includes('$') || text.includes('{') ? text.replace(HASH_SHAPED, '[hash]') : text;
}


/***/ })

};
