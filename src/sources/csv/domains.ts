import { DOMAIN_NAME } from '../organization-files.js';

// The generic CSV's `domains` column: an organization's domains, each with its state after a
// colon (`example.com:verified|example.org`), separated by `|` or `,`. A domain without a state,
// or with `pending`, is created pending; `verified` keeps the source's verification.

export interface CsvDomains {
  domains: string[];
  verifiedDomains: string[];
  /** The first entry that is not `domain[:verified|pending]`, for the message. */
  invalid?: string;
}

export function csvDomains(value: string | undefined): CsvDomains {
  const result: CsvDomains = { domains: [], verifiedDomains: [] };
  for (const entry of (value ?? '').split(/[|,]/)) {
    const text = entry.trim();
    if (text === '') continue;
    const cut = text.lastIndexOf(':');
    const domain = (cut < 0 ? text : text.slice(0, cut)).trim().toLowerCase();
    const state =
      cut < 0
        ? 'pending'
        : text
            .slice(cut + 1)
            .trim()
            .toLowerCase();
    if (!DOMAIN_NAME.test(domain) || (state !== 'verified' && state !== 'pending')) {
      result.invalid ??= text;
      continue;
    }
    result.domains.push(domain);
    if (state === 'verified') result.verifiedDomains.push(domain);
  }
  return result;
}
