import { type JsonRecord, type JsonRecordsOptions, readJsonRecords } from '../io/json-records.js';
import { recordError } from '../model/problems.js';
import type { SourceItem, SourceLocation } from '../model/types.js';
import { describeType } from '../model/validate.js';

// Every JSON source file holds one object per record (a user, an organization, a password
// row); a record that is not JSON, or JSON but not an object, is reported in its place with its
// line, and the reading goes on.

/** What one object of the file is. */
export type ObjectEntity = 'user' | 'organization' | 'password';

/** One object of a JSON export, with where it is. */
export interface JsonObject {
  kind: 'object';
  raw: Record<string, unknown>;
  location: SourceLocation;
}

export interface JsonObjectsOptions extends JsonRecordsOptions {
  /** Sees the first object before it is yielded: to stop at once on a file that is another export. */
  firstObject?: (raw: Record<string, unknown>) => void;
}

/**
 * The objects of a JSON file (an array, NDJSON, or objects wrapping the array under
 * `options.arrayKey`), with a problem in their place for each record that is not JSON or not an object.
 */
export async function* readJsonObjects(
  path: string,
  entity: ObjectEntity,
  options: JsonObjectsOptions = {},
): AsyncGenerator<JsonObject | SourceItem> {
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
export function jsonObjectOf(record: JsonRecord, path: string, entity: ObjectEntity): JsonObject | SourceItem {
  const location: SourceLocation = { file: path, line: record.line };
  if (!record.ok) {
    const at = record.column !== undefined ? { ...location, column: record.column } : location;
    return { kind: 'problem', problem: recordError(entity, at, undefined, 'invalid_json', record.message) };
  }
  const value = record.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const noun = entity === 'password' ? 'password row' : entity;
    const message = `Each ${noun} must be a JSON object; this record is ${describeType(value)}.`;
    return { kind: 'problem', problem: recordError(entity, location, undefined, 'invalid_record', message) };
  }
  return { kind: 'object', raw: value as Record<string, unknown>, location };
}
