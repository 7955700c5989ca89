import { describe, expect, it } from 'vitest';
import type { EntityWriter } from '../../src/apply/apply-record.js';
import { WorkOSCaller } from '../../src/workos/workos-caller.js';
import type { PlannedOrganization } from '../../src/model/planned.js';
import type { Outcome } from '../../src/model/outcome.js';
import type { OrganizationChange } from '../../src/model/changes.js';
import { runPhase } from '../../src/apply/apply-diff.js';
import { silentLogger } from '../../src/report/logger.js';
import { OutcomeStream } from '../../src/report/outcome-stream.js';

// More outcomes than a call's arguments may hold: 200,000 spread into push() overflowed the
// stack after every user was written (RangeError: Maximum call stack size exceeded).
const WRITES = 160_000;
const SETTLED = 40_000;

function* changes(): Generator<OrganizationChange> {
  for (let i = 0; i < WRITES + SETTLED; i++) {
    const record: PlannedOrganization = {
      sourceId: `org_${i}`,
      input: { name: `Org ${i}`, externalId: `org_${i}`, domains: [], metadata: {} },
      digest: `d${i}`,
      location: { file: 'organizations.json', line: i + 1 },
    };
    yield i < WRITES
      ? { entity: 'organization', record, action: 'create', fields: [] }
      : { entity: 'organization', record, action: 'unchanged', workosId: `org_live_${i}`, fields: [] };
  }
}

/** Creates answer at once, in memory: the phase loop, not the network, is under test. */
const instantWriter: EntityWriter<PlannedOrganization> = {
  entity: 'organization',
  create: async (o) => `org_made_${o.sourceId}`,
  update: async (id) => id,
  find: async () => undefined,
  delete: async () => {},
};

describe('an import phase at scale', () => {
  it('takes 200,000 outcomes one at a time: counted, none gathered, nothing spread', async () => {
    const stream = new OutcomeStream(undefined, [], false);
    let seen = 0;
    const caller = new WorkOSCaller(undefined, undefined, { initialLatencyMs: 1 });
    const result = await runPhase(
      'organizations',
      { [Symbol.iterator]: changes },
      instantWriter,
      (c) => ({ record: c.record, action: 'create', sendPassword: false }),
      { caller },
      { concurrency: 100 },
      silentLogger,
      (outcome: Outcome) => {
        seen++;
        stream.add(outcome);
      },
    );
    expect(result).toEqual({ processed: WRITES, stoppedBy: undefined, unreachable: undefined });
    expect(seen).toBe(WRITES + SETTLED);
    expect(stream.counts.organization).toEqual({
      created: WRITES,
      updated: 0,
      unchanged: SETTLED,
      failed: 0,
      pending: 0,
    });
  }, 120_000);

  it('stops at --max-records: the rest of the phase is pending, counted, not written', async () => {
    const stream = new OutcomeStream(undefined, [], false);
    const caller = new WorkOSCaller(undefined, undefined, { initialLatencyMs: 1 });
    const result = await runPhase(
      'organizations',
      { [Symbol.iterator]: changes },
      instantWriter,
      (c) => ({ record: c.record, action: 'create', sendPassword: false }),
      { caller },
      { concurrency: 100, maxRecords: 25_000 },
      silentLogger,
      (outcome) => stream.add(outcome),
    );
    expect(result.processed).toBe(25_000);
    expect(result.stoppedBy).toBe('max-records');
    expect(stream.counts.organization).toEqual({
      created: 25_000,
      updated: 0,
      unchanged: SETTLED,
      failed: 0,
      pending: WRITES - 25_000,
    });
  }, 120_000);
});
