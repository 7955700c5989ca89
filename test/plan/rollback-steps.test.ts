import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/checkpoint/journal.js';
import { countRollback, rollbackSteps } from '../../src/plan/rollback-steps.js';

const entry = (e: Partial<JournalEntry> & Pick<JournalEntry, 'entity' | 'source_id'>): JournalEntry => ({
  workos_id: `wid_${e.source_id}`,
  status: 'created',
  input_digest: 'd',
  ...e,
});

describe('rollback steps from the journal', () => {
  const entries: JournalEntry[] = [
    entry({ entity: 'user', source_id: 'auth0|a' }),
    entry({ entity: 'factor', source_id: 'auth0|a' }),
    entry({ entity: 'membership', source_id: 'org_1:auth0|a' }),
    entry({ entity: 'user', source_id: 'auth0|b', status: 'updated', claimed: true }),
  ];

  it('gives a TOTP factor its own step (its rollback.csv row) but counts it apart from the records', () => {
    const steps = [...rollbackSteps(entries)];
    expect(steps.map((s) => `${s.entry.entity}:${s.action}`)).toEqual([
      'user:delete',
      'factor:delete',
      'membership:delete',
      'user:keep_claimed',
    ]);
    expect(countRollback(steps)).toEqual({
      deletes: { users: 1, organizations: 0, memberships: 1 },
      kept: { existed_before: 1, not_created_by_this_checkpoint: 0 },
    });
  });
});
