import type { ListOrder, PageRequest } from './ordered-ids.js';
import { invalidParameters, type FieldError, type Metadata } from './wire.js';

// Reading request bodies and queries against the API's schema. Schema breaches (missing or
// mistyped fields, limits in the OpenAPI description) are collected and answered together as
// 422 invalid_request_parameters, as WorkOS's validation layer does.

// The OpenAPI description's limits for users and organizations.
const METADATA_MAX_KEYS = 50;
const METADATA_MAX_KEY_LENGTH = 40;
const METADATA_MAX_VALUE_LENGTH = 600;
const EXTERNAL_ID_MAX_LENGTH = 128;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export class BodyFields {
  private readonly errors: FieldError[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  /** True when the field was sent (JSON null counts as sent; the SDK drops undefined fields). */
  has(field: string): boolean {
    return this.body[field] !== undefined;
  }

  raw(field: string): unknown {
    return this.body[field];
  }

  fail(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }

  requiredString(field: string): string {
    const value = this.body[field];
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(field, `${field}_string_required`, `${label(field)} must be a non-empty string.`);
      return '';
    }
    return value;
  }

  /** undefined when absent; null when sent as null. */
  nullableString(field: string): string | null | undefined {
    const value = this.body[field];
    if (value === undefined || value === null || typeof value === 'string') return value;
    this.fail(field, `${field}_must_be_string`, `${label(field)} must be a string.`);
    return undefined;
  }

  optionalString(field: string): string | undefined {
    const value = this.nullableString(field);
    return value === null ? undefined : value;
  }

  optionalBoolean(field: string): boolean | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.fail(field, `${field}_must_be_boolean`, `${label(field)} must be a boolean.`);
    return undefined;
  }

  optionalStringArray(field: string): string[] | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '')) return value as string[];
    this.fail(field, `${field}_must_be_string_array`, `${label(field)} must be an array of non-empty strings.`);
    return undefined;
  }

  requiredEmail(field: string): string {
    const value = this.requiredString(field);
    if (value !== '' && !EMAIL_SHAPE.test(value))
      this.fail(field, 'email_invalid', `${label(field)} must be a valid email address.`);
    return value;
  }

  optionalEmail(field: string): string | undefined {
    return this.has(field) ? this.requiredEmail(field) : undefined;
  }

  externalId(field = 'external_id'): string | null | undefined {
    const value = this.nullableString(field);
    if (typeof value !== 'string') return value;
    if (value === '' || value.length > EXTERNAL_ID_MAX_LENGTH || !/^[\x00-\x7F]+$/.test(value)) {
      this.fail(field, 'external_id_invalid', `External ID must be 1 to ${EXTERNAL_ID_MAX_LENGTH} ASCII characters.`);
      return undefined;
    }
    return value;
  }

  /** undefined when absent; null (sent as null) clears the metadata. */
  metadata(field = 'metadata'): Metadata | null | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return value;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.fail(field, 'metadata_must_be_object', 'Metadata must be an object of string values.');
      return undefined;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const before = this.errors.length;
    if (entries.length > METADATA_MAX_KEYS)
      this.fail(field, 'metadata_too_many_keys', `Metadata can hold at most ${METADATA_MAX_KEYS} keys.`);
    for (const [key, entry] of entries) {
      if (key.length > METADATA_MAX_KEY_LENGTH)
        this.fail(
          `${field}.${key.slice(0, METADATA_MAX_KEY_LENGTH)}…`,
          'metadata_key_too_long',
          `Metadata keys can be at most ${METADATA_MAX_KEY_LENGTH} characters.`,
        );
      if (typeof entry !== 'string')
        this.fail(`${field}.${key}`, 'metadata_value_must_be_string', 'Metadata values must be strings.');
      else if (entry.length > METADATA_MAX_VALUE_LENGTH)
        this.fail(
          `${field}.${key}`,
          'metadata_value_too_long',
          `Metadata values can be at most ${METADATA_MAX_VALUE_LENGTH} characters.`,
        );
    }
    return this.errors.length === before ? (value as Metadata) : undefined;
  }

  /** Throws the collected schema breaches as one 422. */
  done(): void {
    if (this.errors.length > 0) throw invalidParameters(this.errors);
  }
}

/** `limit`, `order`, `before`, `after` of a list request, with the API's defaults and bounds. */
export function pageRequest(query: URLSearchParams): PageRequest {
  const errors: FieldError[] = [];
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
  if (errors.length > 0) throw invalidParameters(errors);
  return {
    limit,
    order: order as ListOrder,
    after: query.get('after') || undefined,
    before: query.get('before') || undefined,
  };
}

/** A query array, sent either comma-separated (the SDK's form) or as repeated `name[]`. */
export function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
}

function label(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
