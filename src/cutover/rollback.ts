import type { Entity } from '../model/types.js';
import type { RollbackEvidence } from './evidence.js';

/** What the journal says about one record (Journal.get's answer, narrowed). */
export interface JournalRecord {
  workos_id: string;
  status: 'created' | 'updated' | 'unchanged' | 'deleted';
  /** Made by this migration (kept across later updates of the same record). */
  created?: boolean;
}

/**
 * Whether `rollback` could undo this migration: every record of it that WorkOS holds must be in
 * the journal under the same WorkOS id. `created` counts what rollback would delete; records
 * the journal lists as updated or unchanged existed before and are left alone.
 */
export function rollbackCoverage(input: {
  /** Planned records the live diff found in WorkOS, with their WorkOS ids. */
  found: Iterable<{ entity: Entity; sourceId: string; workosId: string }>;
  /** The checkpoint journal's entry for a record; undefined when there is no journal. */
  journal: ((entity: Entity, sourceId: string) => JournalRecord | undefined) | undefined;
}): RollbackEvidence {
  let inWorkOS = 0;
  let created = 0;
  let unknown = 0;
  for (const record of input.found) {
    inWorkOS++;
    const entry = input.journal?.(record.entity, record.sourceId);
    if (entry === undefined || entry.status === 'deleted' || entry.workos_id !== record.workosId) unknown++;
    else if (entry.created === true || entry.status === 'created') created++;
  }
  return { journal: input.journal !== undefined, inWorkOS, created, unknown };
}

/** The live diff's `found` map (`<entity>:<source id>` → WorkOS id) as records. */
export function foundRecords(
  found: ReadonlyMap<string, string>,
): { entity: Entity; sourceId: string; workosId: string }[] {
  return [...found].map(([key, workosId]) => {
    const colon = key.indexOf(':');
    return { entity: key.slice(0, colon) as Entity, sourceId: key.slice(colon + 1), workosId };
  });
}
