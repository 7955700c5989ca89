import { createHash } from 'node:crypto';

// A user whose export gives no id (a generic CSV row without external_id) is keyed by its email
// instead: in the plan, the journal and the reports, as a digest, so no address is written there.
// The key is ours, never the customer's: it is not sent to WorkOS as the external id, and such
// a user is found in WorkOS by email.

const EMAIL_KEY_PREFIX = 'email-sha256:';

/** `email-sha256:` and 40 hex digits of the SHA-256 of the lower-cased email. */
export function emailKey(email: string): string {
  return `${EMAIL_KEY_PREFIX}${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 40)}`;
}

/** True for a source id made by `emailKey`: the source had no id for that user. */
export function isEmailKey(sourceId: string): boolean {
  return sourceId.startsWith(EMAIL_KEY_PREFIX);
}
