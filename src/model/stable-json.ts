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
export function stableJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // `undefined` for undefined, functions and symbols: join() wrote nothing for those.
      const item: string | undefined = stableJson(value[i]);
      if (item !== undefined) out += item;
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` on strings does.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quotedKey(key)}:${stableJson(item)}`;
  }
  return `${out}}`;
}

/** `JSON.stringify(key)`, remembered: the same few field names are quoted for every record. */
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    // Metadata keys come from the export: the cap keeps a file with many distinct ones from growing the cache.
    if (quotedKeys.size < 1024) quotedKeys.set(key, quoted);
  }
  return quoted;
}
const quotedKeys = new Map<string, string>();
