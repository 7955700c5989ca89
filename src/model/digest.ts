import { createHash } from 'node:crypto';
import { stableJson } from './stable-json.js';
import type { PasswordHash } from './types.js';

/**
 * A short digest of what we send for a record, so a rerun can tell "already done" from
 * "changed since". Keys are sorted so the same input always digests the same.
 */
export function inputDigest(input: unknown): string {
  return createHash('sha256').update(stableJson(input)).digest('hex').slice(0, 20);
}

/** What the journal keeps of a hash it sent: a digest, never the hash. */
export function passwordDigest(password: PasswordHash): string {
  return inputDigest(password);
}
