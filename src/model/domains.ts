// An organization's domains keep the source's verification (DESIGN §5): a domain the source
// verified is `verified` in WorkOS, others `pending`. WorkOS's own verification wins over the
// export: a domain WorkOS holds verified (verified there since) is never sent back as pending.

export interface DomainState {
  domain: string;
  state: 'verified' | 'pending';
}

/** What to send as `domain_data`: the export's domains, each with its state. */
export function domainData(
  input: { domains: readonly string[]; verifiedDomains?: readonly string[] },
  liveVerified: ReadonlySet<string> = new Set(),
): DomainState[] {
  const verified = new Set(input.verifiedDomains ?? []);
  return input.domains.map((domain) => ({
    domain,
    state: verified.has(domain) || liveVerified.has(domain) ? 'verified' : 'pending',
  }));
}

/**
 * Drift: WorkOS holds other domains than the export, or a domain the export verified is not
 * verified there. `live` as the live index keeps them: lower-cased, sorted, comma-joined.
 */
export function domainsDiffer(
  input: { domains: readonly string[]; verifiedDomains?: readonly string[] },
  live: { domains: string; verifiedDomains?: string },
): boolean {
  if (live.domains !== [...input.domains].sort().join(',')) return true;
  const liveVerified = new Set(live.verifiedDomains ? live.verifiedDomains.split(',') : []);
  return (input.verifiedDomains ?? []).some((d) => !liveVerified.has(d));
}
