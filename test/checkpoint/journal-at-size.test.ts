import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from '../../src/checkpoint/journal.js';

// The journal of a 50,000-user import with a membership each (about 13 MB of entries): they are
// kept in a temporary file past the first chunk, so most lookups here read a row back from the disk.
const USERS = 50_000;
const identity = { source: 'auth0', fingerprint: 'f1' };
const dir = mkdtempSync(join(tmpdir(), 'journal-at-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (i: number): JournalEntry => ({
  entity: 'user',
  source_id: `auth0|${i.toString(16).padStart(24, '0')}`,
  workos_id: `user_${i}`,
  status: 'created',
  input_digest: `in${i}`,
  password_digest: `pw${i}`,
});
const membership = (i: number): JournalEntry => ({
  entity: 'membership',
  source_id: `org_${i % 4}:auth0|${i.toString(16).padStart(24, '0')}`,
  workos_id: `om_${i}`,
  status: 'created',
  input_digest: `m${i}`,
});

describe(`a journal of ${USERS} users and ${USERS} memberships`, () => {
  it('gives back every entry, the newest of a record written again, in any order, before and after reopening', () => {
    const journal = Journal.open(dir, identity);
    for (let i = 0; i < USERS; i++) journal.record(user(i));
    for (let i = 0; i < USERS; i++) journal.record(membership(i));
    // Every hundredth user deleted since (a rollback under way): its newest entry counts.
    for (let i = 0; i < USERS; i += 100) journal.record({ ...user(i), status: 'deleted' });
    const check = (j: Journal) => {
      expect(j.size).toBe(2 * USERS);
      // Out of order: every 7919th record, from the end backwards.
      for (let i = USERS - 1; i >= 0; i -= 7919) {
        expect(j.get('user', user(i).source_id)).toEqual({
          ...user(i),
          ...(i % 100 === 0 ? { status: 'deleted', created: true } : {}),
        });
        expect(j.get('membership', membership(i).source_id)).toEqual(membership(i));
      }
      expect(j.get('user', 'auth0|nobody')).toBeUndefined();
      let n = 0;
      let deleted = 0;
      const outOfOrder: string[] = [];
      for (const entry of j.entries()) {
        const i = n % USERS;
        if (entry.source_id !== (n < USERS ? user(i) : membership(i)).source_id) outOfOrder.push(entry.source_id);
        if (entry.status === 'deleted') deleted++;
        n++;
      }
      expect([n, deleted, outOfOrder.slice(0, 3)]).toEqual([2 * USERS, USERS / 100, []]);
    };
    check(journal);
    journal.close();
    const reopened = Journal.open(dir, identity, { readOnly: true });
    check(reopened);
    reopened.close();
  });
});
