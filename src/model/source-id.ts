import { createHash } from 'node:crypto';

/**
 * How a source id is written in the journal. Some ids carry an email (Auth0's SAML ids look
 * like `samlp|acme|ann@acme.com`); those are kept as a digest, so the journal, and the
 * checkpoint artifact made of it, holds no email (DESIGN §3).
 */
export function journalSourceId(sourceId: string): string {
  return sourceId.includes('@') ? `sha256:${createHash('sha256').update(sourceId).digest('hex')}` : sourceId;
}
