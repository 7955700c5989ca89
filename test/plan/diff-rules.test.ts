import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/checkpoint/journal.js';
import { emptyLiveIndex, metadataDigest, type LiveUser } from '../../src/model/live-state.js';
import type { PlannedUser } from '../../src/model/planned.js';
import { deletableRemovals, diffMigration, keptBecause, type JournalView } from '../../src/plan/diff.js';
import { passwordDigest } from '../../src/model/digest.js';

// The diff's two safety rules, record by record: what prune may delete (only what the journal
// says this migration created), and when the export's password hash is sent (never after a
// WorkOS sign-in, unless forced; never to a user the migration claimed).

const HASH = { type: 'bcrypt' as const, hash: `$2b$10$${'a'.repeat(53)}` };

function planned(sourceId: string, email: string): PlannedUser {
  return {
    sourceId,
    mergedSourceIds: [],
    input: { email, emailVerified: true, externalId: sourceId, password: HASH },
    digest: `digest-${sourceId}`,
    location: { file: 'users.ndjson', line: 1 },
    passwordGap: 'none',
    mfaFactors: [],
    socialProviders: [],
  };
}

function live(id: string, externalId: string | null, email: string, signedIn = false): LiveUser {
  return {
    id,
    externalId,
    emailKey: email,
    emailVerified: true,
    firstName: null,
    lastName: null,
    metadataDigest: metadataDigest(undefined),
    signedIn,
  };
}

function journalOf(entries: JournalEntry[]): JournalView {
  const byId = new Map(entries.map((e) => [`${e.entity}:${e.source_id}`, e]));
  return { get: (entity, id) => byId.get(`${entity}:${id}`), entries: () => byId.values() };
}

const entry = (sourceId: string, workosId: string, extra: Partial<JournalEntry>): JournalEntry => ({
  entity: 'user',
  source_id: sourceId,
  workos_id: workosId,
  status: 'updated',
  input_digest: 'x',
  ...extra,
});

function diff(users: PlannedUser[], liveUsers: LiveUser[], journal?: JournalView, forcePasswords = false) {
  const index = emptyLiveIndex();
  for (const u of liveUsers) index.users.add(u);
  const imported = new Set(users.flatMap((u) => [u.sourceId, ...u.mergedSourceIds]));
  return diffMigration({
    users,
    importsUser: (id) => imported.has(id),
    organizations: [],
    memberships: [],
    live: index,
    journal,
    passwordsFromJournal: true,
    notImported: { users: new Set(), organizations: new Set() },
    skippedUsers: new Set(),
    managesOrganizations: false,
    ownsExternalId: (_, id) => id.startsWith('auth0|'),
    forcePasswords,
  });
}

describe('keptBecause: prune and rollback delete only what the journal says this migration created', () => {
  it('deletes a record created by this migration, kept across later updates', () => {
    expect(keptBecause(entry('auth0|1', 'user_1', { status: 'created' }), 'user_1')).toBeUndefined();
    expect(keptBecause(entry('auth0|1', 'user_1', { status: 'updated', created: true }), 'user_1')).toBeUndefined();
  });

  it('keeps a claimed user, and whatever the journal cannot prove it created', () => {
    expect(keptBecause(entry('auth0|1', 'user_1', { claimed: true }), 'user_1')).toBe('existed_before');
    expect(keptBecause(undefined, 'user_1')).toBe('not_created_by_this_checkpoint');
    expect(keptBecause(entry('auth0|1', 'user_1', { status: 'updated' }), 'user_1')).toBe(
      'not_created_by_this_checkpoint',
    );
    // Another WorkOS user under the same external id (deleted and made again since).
    expect(keptBecause(entry('auth0|1', 'user_1', { status: 'created' }), 'user_2')).toBe(
      'not_created_by_this_checkpoint',
    );
  });

  it('lists removals without a journal, and deletes none of them', () => {
    const d = diff([], [live('user_1', 'auth0|1', 'a@x.test')]);
    expect(d.removals).toEqual([
      expect.objectContaining({ externalId: 'auth0|1', keptBecause: 'not_created_by_this_checkpoint' }),
    ]);
    expect(deletableRemovals(d.removals)).toEqual([]);
  });
});

describe('passwords: WorkOS credentials win after sign-in', () => {
  const user = planned('auth0|1', 'a@x.test');

  it('sends a hash not recorded as sent to a user who never signed in', () => {
    expect([...diff([user], [live('user_1', 'auth0|1', 'a@x.test')]).users][0]).toMatchObject({ sendPassword: true });
  });

  it('keeps the password of a user who signed in to WorkOS, with or without a journal', () => {
    const signedIn = [live('user_1', 'auth0|1', 'a@x.test', true)];
    const journal = journalOf([entry('auth0|1', 'user_1', { status: 'created', password_digest: 'old' })]);
    for (const j of [undefined, journal]) {
      const change = [...diff([user], signedIn, j).users][0]!;
      expect(change).toMatchObject({ sendPassword: false, passwordNotSent: 'kept_signed_in', action: 'unchanged' });
    }
  });

  it('sends it anyway with forcePasswords, and says it overwrites a signed-in user', () => {
    const change = [...diff([user], [live('user_1', 'auth0|1', 'a@x.test', true)], undefined, true).users][0]!;
    expect(change).toMatchObject({ sendPassword: true, overwritesSignedIn: true, fields: ['password'] });
  });

  it('never sends a hash the journal records as sent, and keeps a claimed user’s own password', () => {
    const found = [live('user_1', 'auth0|1', 'a@x.test')];
    const sent = journalOf([entry('auth0|1', 'user_1', { password_digest: passwordDigest(HASH) })]);
    expect([...diff([user], found, sent).users][0]).toMatchObject({ passwordNotSent: 'recorded_earlier' });
    const claimed = journalOf([entry('auth0|1', 'user_1', { claimed: true })]);
    expect([...diff([user], found, claimed).users][0]).toMatchObject({
      sendPassword: false,
      passwordNotSent: 'kept_existing',
    });
  });
});
