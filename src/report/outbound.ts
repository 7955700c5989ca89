import { registerSecret, scrubJson, scrubText } from '../model/mask.js';

// The one door out for what `inventory` and `watch` write or print (files, job summary, log
// lines): it forwards to the project's scrubber (model/mask.ts), which masks known secrets,
// key- and token-shaped text, hashes, and emails unless include-pii, and strips control characters.

export interface OutboundPolicy {
  includePii: boolean;
  /** Values never to show, whatever carries them (tokens learned during the run). */
  secrets?: readonly string[];
}

/** Text this program composed: markdown, a headline, a message. */
export function outboundText(text: string, policy: OutboundPolicy): string {
  for (const secret of policy.secrets ?? []) registerSecret(secret);
  return scrubText(text, { keepEmails: policy.includePii });
}

/** A JSON report (inventory.json, watch.json): every string and key scrubbed, pretty-printed. */
export function outboundJson(value: unknown, policy: OutboundPolicy): string {
  for (const secret of policy.secrets ?? []) registerSecret(secret);
  return `${JSON.stringify(scrubJson(value, { keepEmails: policy.includePii }), null, 2)}\n`;
}
