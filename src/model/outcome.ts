import type { Entity, SourceLocation } from './types.js';

export type OutcomeStatus = 'created' | 'updated' | 'unchanged' | 'failed' | 'pending';

/** How one planned record ended in this run. Every planned record gets exactly one. */
export interface Outcome {
  entity: Entity;
  sourceId: string;
  status: OutcomeStatus;
  workosId?: string;
  /** Set when status is failed: what went wrong, in words a person can act on. */
  failure?: { code: string; message: string; requestId?: string };
  location: SourceLocation;
}

/** Outcomes by entity and status: what the summary counts. */
export type OutcomeCounts = Record<'user' | 'organization' | 'membership', Record<OutcomeStatus, number>>;

export function emptyOutcomeCounts(): OutcomeCounts {
  const none = (): Record<OutcomeStatus, number> => ({ created: 0, updated: 0, unchanged: 0, failed: 0, pending: 0 });
  return { user: none(), organization: none(), membership: none() };
}
