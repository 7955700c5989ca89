import { maskEmailsInText } from '../github/annotations.js';

// The one door out for what `inventory` and `watch` write or print (files, job summary, log
// lines): known secrets masked, emails masked unless include-pii, control characters stripped.
// When the project's single scrubber lands, this function forwards to it.

export interface OutboundPolicy {
  includePii: boolean;
  /** Values never to show, whatever carries them (tokens learned during the run). */
  secrets?: readonly string[];
}

// Control characters other than tab and newline: a terminal or a summary must not act on them.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g;

export function outboundText(text: string, policy: OutboundPolicy): string {
  let out = text.replace(CONTROL, '');
  for (const secret of policy.secrets ?? []) if (secret.length >= 6) out = out.split(secret).join('***');
  return policy.includePii ? out : maskEmailsInText(out);
}
