import type { RecordProblem } from './types.js';

// The live check's answer (reconcile/ works it out; the summary reports it).

/** What WorkOS holds against what the exports say, per entity. */
export interface FoundCounts {
  expected: number;
  /** Held by WorkOS (as planned or not). */
  found: number;
  missing: number;
  /** Found, but some field differs from the export (or a hash was never sent). */
  mismatched: number;
  /** Records of this migration that WorkOS holds and the export no longer has (removals). */
  unexpected: number;
}

export interface Reconciliation {
  users: FoundCounts;
  organizations: FoundCounts;
  memberships: FoundCounts;
  /** One per missing or mismatched record, for errors.jsonl and the summary. */
  drift: RecordProblem[];
}
