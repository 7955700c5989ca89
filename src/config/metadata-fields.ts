import { emptyRecord } from '../model/lookup.js';

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
export function pickMetadataFields(
  source: Record<string, unknown>,
  map: Record<string, string>,
  secretFields: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const picked = emptyRecord<unknown>();
  for (const [key, path] of Object.entries(map)) {
    const first = path.split('.')[0]!;
    if (secretFields.has(path) || secretFields.has(first)) continue;
    const value = valueAtPath(source, path);
    if (value !== undefined && value !== null && value !== '') picked[key] = value;
  }
  return picked;
}

export function valueAtPath(source: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(source, path)) return source[path];
  let current: unknown = source;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
