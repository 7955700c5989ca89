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
