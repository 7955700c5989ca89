// WorkOS's published API description (the @workos/openapi-spec package) as a checker of one
// exchange with the stand-in: the route and method exist, every query parameter is declared and
// of its type, the body is the operation's request schema, and a route's answer is the schema of
// its status. The spec's objects are read as closed: a field it does not describe is a finding,
// in a request or in an answer, so neither the engine nor the stand-in can drift from WorkOS
// unnoticed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** What the checker needs of an exchange (the stand-in's ApiExchange is one). */
export interface Exchange {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  response: { status: number; body?: unknown };
  /** Only a route's answers are checked; the key check, limits and injected faults are not routes. */
  routeAnswered: boolean;
}

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface SpecDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface SpecPath {
  template: string;
  regex: RegExp;
  literalSegments: number;
  operations: Record<string, Operation>;
}

/**
 * What WorkOS's API does that its published description does not list (yet). Each is added to
 * the description before the checks, so everything else stays strict, and each says why. One
 * that no longer matches the description, or that the description now has, fails the checker's
 * start: remove it then. (A difference matches only where the description still lacks it.)
 */
export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    what: 'a membership lists its roles in `roles` (all of them; `role` is the first)',
    why:
      'WorkOS sends it for multiple roles per membership; @workos-inc/node deserializes it and the ' +
      'engine reads it (src/workos/live-index.ts)',
    matches: (schema) => constOf(schema, 'object') === 'organization_membership' && !hasProperty(schema, 'roles'),
    patch: (schema) =>
      addProperty(schema, 'roles', { type: 'array', items: { $ref: '#/components/schemas/SlimRole' } }),
  },
  {
    what: "`password_hash_type` 'ssha256'",
    why: 'WorkOS imports SSHA-256 hashes (shared WorkOS facts of this project); the enum lists ssha only',
    matches: (schema) =>
      enumOf(schema, 'password_hash_type')?.includes('ssha') === true &&
      !enumOf(schema, 'password_hash_type')?.includes('ssha256'),
    patch: (schema) => {
      // Create and update share one list (a YAML alias): add it once.
      const values = enumOf(schema, 'password_hash_type')!;
      if (!values.includes('ssha256')) values.push('ssha256');
    },
  },
  {
    what: 'the 403 organization_selection_required of authenticate carries what the user chooses from',
    why:
      "WorkOS's AuthKit answers it with `pending_authentication_token`, `user` and `organizations`, " +
      'which a client needs to finish the sign-in; the description lists only code and message',
    matches: (schema) =>
      constOf(schema, 'code') === 'organization_selection_required' &&
      !hasProperty(schema, 'pending_authentication_token'),
    patch: (schema) => {
      addProperty(schema, 'pending_authentication_token', { type: 'string' });
      addProperty(schema, 'user', { $ref: '#/components/schemas/UserlandUser' });
      addProperty(schema, 'organizations', {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, name: { type: 'string' } },
          required: ['id', 'name'],
        },
      });
    },
  },
  {
    what: 'a 404 names the missing entity: `code` entity_not_found and `entity_id`',
    why: 'WorkOS answers a missing entity so; the description of most 404s lists only message',
    matches: (schema, at) =>
      at.endsWith(' 404') && Object.keys((schema.properties as object | undefined) ?? {}).join() === 'message',
    patch: (schema) => {
      addProperty(schema, 'code', { type: 'string', const: 'entity_not_found' });
      addProperty(schema, 'entity_id', { type: 'string' });
    },
  },
];

interface KnownDifference {
  what: string;
  why: string;
  /** `at`: `components/<name>`, or `<METHOD> <path> <status>` or `<METHOD> <path> request`. */
  matches(schema: Schema, at: string): boolean;
  patch(schema: Schema): void;
}

function hasProperty(schema: Schema, property: string): boolean {
  return Object.hasOwn((schema.properties as object | undefined) ?? {}, property);
}

function constOf(schema: Schema, property: string): unknown {
  return (schema.properties as Record<string, Schema> | undefined)?.[property]?.const;
}

function enumOf(schema: Schema, property: string): unknown[] | undefined {
  return (schema.properties as Record<string, Schema> | undefined)?.[property]?.enum as unknown[] | undefined;
}

function addProperty(schema: Schema, name: string, definition: Schema): void {
  const properties = schema.properties as Record<string, Schema>;
  if (name in properties) throw new Error(`the description has ${name} already`);
  properties[name] = definition;
}

/** Every schema of the description (components, request bodies, answers) with where it is. */
function* everySchema(document: SpecDocument): Generator<{ schema: Schema; at: string }> {
  for (const [name, schema] of Object.entries(document.components.schemas)) yield* nested(schema, `components/${name}`);
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      for (const content of Object.values(operation.requestBody?.content ?? {}))
        if (content.schema) yield* nested(content.schema, `${label} request`);
      for (const [status, response] of Object.entries(operation.responses ?? {}))
        for (const content of Object.values(response.content ?? {}))
          if (content.schema) yield* nested(content.schema, `${label} ${status}`);
    }
}

function* nested(schema: unknown, at: string): Generator<{ schema: Schema; at: string }> {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || '$ref' in schema) return;
  const s = schema as Schema;
  yield { schema: s, at };
  for (const property of Object.values((s.properties as Record<string, unknown> | undefined) ?? {}))
    yield* nested(property, at);
  yield* nested(s.items, at);
  for (const part of [
    ...((s.allOf as unknown[]) ?? []),
    ...((s.oneOf as unknown[]) ?? []),
    ...((s.anyOf as unknown[]) ?? []),
  ])
    yield* nested(part, at);
}

const SPEC_ID = 'workos-openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export const SPEC_FILE = createRequire(import.meta.url).resolve('@workos/openapi-spec/spec');

export class WorkOSSpec {
  private readonly paths: SpecPath[];
  private readonly ajv: Ajv2020;
  /** Query strings are strings: numbers and booleans are read as the parameter's type. */
  private readonly queryAjv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(file = SPEC_FILE) {
    const document = readDescription(file);
    for (const difference of KNOWN_DIFFERENCES) {
      // A schema the YAML repeats by alias is one object: patch it once.
      const found = new Set(
        [...everySchema(document)]
          .filter(({ schema, at }) => difference.matches(schema, at))
          .map(({ schema }) => schema),
      );
      if (found.size === 0) throw new Error(`WorkOS's spec no longer has what this differs in: ${difference.what}`);
      for (const schema of found) difference.patch(schema);
    }
    for (const schema of Object.values(document.components.schemas))
      closeObjects(schema, false, document.components.schemas);
    for (const operations of Object.values(document.paths))
      for (const operation of Object.values(operations)) {
        for (const content of Object.values(operation.requestBody?.content ?? {}))
          if (content.schema) closeObjects(content.schema, false, document.components.schemas);
        for (const response of Object.values(operation.responses ?? {}))
          for (const content of Object.values(response.content ?? {}))
            if (content.schema) closeObjects(content.schema, false, document.components.schemas);
      }
    this.paths = Object.entries(document.paths).map(([template, operations]) => ({
      template,
      regex: new RegExp(
        `^${template
          .split('/')
          .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
          .join('/')}/?$`,
      ),
      literalSegments: template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length,
      operations: Object.fromEntries(
        Object.entries(operations).filter(([method]) => METHODS.includes(method)),
      ) as Record<string, Operation>,
    }));
    this.ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: true });
    addFormats.default(this.ajv);
    this.ajv.addSchema(document as unknown as Schema, SPEC_ID);
    this.queryAjv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: 'array' });
    addFormats.default(this.queryAjv);
    this.queryAjv.addSchema(document as unknown as Schema, SPEC_ID);
  }

  /** What in the exchange WorkOS's description does not allow; empty when it all fits. */
  check(exchange: Exchange): string[] {
    const method = exchange.method.toLowerCase();
    const matching = this.paths
      .filter((path) => path.regex.test(exchange.path))
      .sort((a, b) => b.literalSegments - a.literalSegments);
    const path = matching.find((candidate) => candidate.operations[method]);
    const route = `${exchange.method} ${exchange.path}`;
    if (!path) {
      return [
        matching.length === 0
          ? `${route}: the path is not in WorkOS's API`
          : `${route}: WorkOS's ${matching[0]!.template} has no ${exchange.method}`,
      ];
    }
    const operation = path.operations[method]!;
    const name = `${exchange.method} ${path.template}`;
    const pointer = `#/paths/${escapePointer(path.template)}/${method}`;
    return [
      ...this.checkQuery(name, pointer, operation, exchange.query),
      ...this.checkRequestBody(name, pointer, operation, exchange.body),
      ...(exchange.routeAnswered ? this.checkResponse(name, pointer, operation, exchange.response) : []),
    ];
  }

  private checkQuery(name: string, pointer: string, operation: Operation, query: URLSearchParams): string[] {
    const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
    const problems: string[] = [];
    const values: Record<string, string | string[]> = {};
    for (const key of new Set(query.keys())) {
      const all = query.getAll(key);
      values[key] = all.length === 1 ? all[0]! : all;
      if (!declared.some((parameter) => parameter.name === key))
        problems.push(`${name}: query parameter ${key} is not in WorkOS's API`);
    }
    const properties: Record<string, Schema> = {};
    for (const parameter of declared) {
      const at = (operation.parameters ?? []).indexOf(parameter);
      properties[parameter.name] = { $ref: `${SPEC_ID}${pointer}/parameters/${at}/schema` };
    }
    const required = declared.filter((parameter) => parameter.required).map((parameter) => parameter.name);
    const key = `${pointer}/query`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.queryAjv.compile({ type: 'object', properties, required });
      this.compiled.set(key, validate);
    }
    if (!validate(values)) problems.push(...describe(`${name}: query`, validate.errors));
    return problems;
  }

  private checkRequestBody(name: string, pointer: string, operation: Operation, raw: string): string[] {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (raw === '') {
      return operation.requestBody?.required ? [`${name}: the request has no body; WorkOS requires one`] : [];
    }
    if (!schema) return [`${name}: the request has a body; WorkOS's API takes none`];
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return [`${name}: the request body is not JSON`];
    }
    const validate = this.validator(`${pointer}/requestBody/content/application~1json/schema`);
    return validate(body) ? [] : describe(`${name}: request body`, validate.errors);
  }

  private checkResponse(
    name: string,
    pointer: string,
    operation: Operation,
    response: { status: number; body?: unknown },
  ): string[] {
    const responses = operation.responses ?? {};
    const status = String(response.status);
    const key = [status, `${status[0]}XX`, 'default'].find((candidate) => responses[candidate]);
    if (key === undefined) return [`${name}: the answer's status ${status} is not in WorkOS's API for this route`];
    const schema = responses[key]!.content?.['application/json']?.schema;
    if (!schema) {
      return response.body === undefined || responses[key]!.content !== undefined
        ? []
        : [`${name}: the ${status} answer has a body; WorkOS's answers ${status} without one`];
    }
    if (response.body === undefined) return [`${name}: the ${status} answer has no body; WorkOS's has one`];
    const validate = this.validator(`${pointer}/responses/${key}/content/application~1json/schema`);
    return validate(response.body) ? [] : describe(`${name}: ${status} answer`, validate.errors);
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate;
  }
}

/**
 * The description as parsed YAML. Every end-to-end test file reads it, so the parse (about a
 * second) is kept as JSON beside the dependencies, under the hash of the YAML it came from.
 */
function readDescription(file: string): SpecDocument {
  const text = readFileSync(file, 'utf8');
  const cache = join(
    dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    '..',
    '.cache',
    'migrate-to-workos',
    `openapi-spec-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`,
  );
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as SpecDocument;
  const document = parse(text, { maxAliasCount: -1 }) as SpecDocument;
  mkdirSync(dirname(cache), { recursive: true });
  // Written whole under a temporary name, then renamed: a parallel reader sees all of it or nothing.
  const partial = `${cache}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(document));
  renameSync(partial, cache);
  return document;
}

/**
 * Marks every object the spec describes as closed (`unevaluatedProperties: false`): a field it
 * lacks is an error. Parts of an `allOf` (and the alternatives inside them) are left open, and
 * the schema holding them is closed instead, since each part describes only some of the fields.
 * The alternatives of a `oneOf` are closed one by one.
 */
function closeObjects(schema: unknown, open: boolean, components: Record<string, Schema>): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const s = schema as Schema;
  if ('$ref' in s) return;
  const holdsFields = 'properties' in s || 'allOf' in s;
  if (
    !open &&
    holdsFields &&
    !('additionalProperties' in s) &&
    !('unevaluatedProperties' in s) &&
    !('patternProperties' in s)
  )
    s.unevaluatedProperties = false;
  for (const property of Object.values((s.properties as Record<string, unknown> | undefined) ?? {}))
    closeObjects(property, false, components);
  closeObjects(s.items, false, components);
  if (typeof s.additionalProperties === 'object') closeObjects(s.additionalProperties, false, components);
  for (const part of (s.allOf as unknown[] | undefined) ?? []) closeObjects(part, true, components);
  const alternativesOpen = open || holdsFields;
  for (const alternative of [...((s.oneOf as unknown[]) ?? []), ...((s.anyOf as unknown[]) ?? [])])
    closeObjects(alternative, alternativesOpen, components);
  if (!alternativesOpen) addDiscriminator(s, components);
}

/**
 * Where every alternative of a `oneOf` names itself with a constant (an event's `event`, an
 * error's `code`), says so as an OpenAPI discriminator: a body that fits none is then reported
 * against the alternative it names, not against every one. (Only where the alternatives are
 * closed one by one: a discriminator hides which fields an alternative evaluated.)
 */
function addDiscriminator(s: Schema, components: Record<string, Schema>): void {
  const alternatives = (s.oneOf as Schema[] | undefined) ?? [];
  if (alternatives.length < 2 || 'discriminator' in s) return;
  const resolved = alternatives.map((alternative) =>
    typeof alternative.$ref === 'string'
      ? components[alternative.$ref.replace('#/components/schemas/', '')]
      : alternative,
  );
  const first = resolved[0]?.properties as Record<string, Schema> | undefined;
  const tag = Object.keys(first ?? {}).find((name) => {
    const values = resolved.map((alternative) => {
      const property = (alternative?.properties as Record<string, Schema> | undefined)?.[name];
      const required = (alternative?.required as string[] | undefined) ?? [];
      return property && 'const' in property && required.includes(name) ? property.const : undefined;
    });
    return values.every((value) => typeof value === 'string') && new Set(values).size === values.length;
  });
  if (tag !== undefined) s.discriminator = { propertyName: tag };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 8).map((error) => {
    const field = error.instancePath === '' ? '' : ` ${error.instancePath}`;
    const extra =
      'unevaluatedProperty' in error.params
        ? ` (${String(error.params.unevaluatedProperty)})`
        : 'allowedValues' in error.params
          ? ` (${JSON.stringify(error.params.allowedValues)})`
          : '';
    return `${where}${field} ${error.message}${extra}`;
  });
}
