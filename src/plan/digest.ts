import { createHash } from 'node:crypto';

/**
 * A short digest of what we send for a record, so a rerun can tell "already done" from
 * "changed since". Keys are sorted so the same input always digests the same.
 */
export function inputDigest(input: unknown): string {
  return createHash('sha256').update(stableJson(input)).digest('hex').slice(0, 20);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
