import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE, type JournalEntry } from '../../src/checkpoint/journal.js';
import { UsageError } from '../../src/model/types.js';
import { tempDirForFile } from '../support/temp-dir.js';

const identity = { source: 'auth0', fingerprint: 'f1' };

describe('Journal', () => {
  it('replays what earlier runs confirmed', () => {
    const dir = tempDirForFile('journal-');
    const first = Journal.open(dir, identity);
    first.record({ entity: 'user', source_id: 'auth0|1', workos_id: 'user_1', status: 'created', input_digest: 'd1' });
    first.close();
    const second = Journal.open(dir, identity);
    expect(second.get('user', 'auth0|1')?.workos_id).toBe('user_1');
    expect(second.appendedCount).toBe(0);
    second.close();
  });

  it('ignores a last line torn by a kill mid-write', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    j.record({ entity: 'user', source_id: 'auth0|1', workos_id: 'user_1', status: 'created', input_digest: 'd1' });
    j.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"entity":"user","source_id":"auth0|2","wor');
    const again = Journal.open(dir, identity);
    expect(again.size).toBe(1);
    again.close();
  });

  it('cuts a torn last line before appending, so the journal still opens two appends later', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    j.record(entry(1));
    j.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"entity":"user","source_id":"auth0|2","wor');
    for (const n of [3, 4]) {
      const again = Journal.open(dir, identity);
      again.record(entry(n));
      again.close();
    }
    const last = Journal.open(dir, identity);
    expect([...last.entries()].map((e) => e.source_id)).toEqual(['auth0|1', 'auth0|3', 'auth0|4']);
    last.close();
  });

  it('cut at any byte of its last lines, keeps every complete entry, invents none, and appends cleanly', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    for (const n of [1, 2, 3]) j.record(entry(n));
    j.close();
    const path = join(dir, JOURNAL_FILE);
    const full = readFileSync(path);
    const lines = full.toString('utf8').split('\n');
    const lastThreeStart = full.length - Buffer.byteLength(lines.slice(-4).join('\n'));
    for (let cut = lastThreeStart; cut <= full.length; cut++) {
      writeFileSync(path, full);
      truncateSync(path, cut);
      const kept = full.subarray(0, cut).toString('utf8');
      // Complete entries are the lines the cut left whole (a line whose break was cut still holds all its JSON).
      const whole = kept
        .split('\n')
        .slice(1)
        .filter((l) => l.endsWith('}'))
        .map((l) => (JSON.parse(l) as JournalEntry).source_id);
      const opened = Journal.open(dir, identity);
      expect(
        [...opened.entries()].map((e) => e.source_id),
        `cut at ${cut}`,
      ).toEqual(whole);
      opened.record(entry(9));
      opened.close();
      const reopened = Journal.open(dir, identity);
      expect(
        [...reopened.entries()].map((e) => e.source_id),
        `cut at ${cut}, then appended`,
      ).toEqual([...whole, 'auth0|9']);
      reopened.close();
    }
  });

  it('still calls a broken line in the middle damage', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    j.record(entry(1));
    j.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"entity":"us\n' + JSON.stringify(entry(2)) + '\n');
    expect(() => Journal.open(dir, identity)).toThrow(/line 3 is not valid JSON/);
  });

  it('replays a journal larger than one read chunk, line by line', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    for (let n = 0; n < 20_000; n++) j.record(entry(n));
    j.close();
    expect(readFileSync(join(dir, JOURNAL_FILE)).length).toBeGreaterThan(1 << 20);
    const again = Journal.open(dir, identity, { readOnly: true });
    expect(again.size).toBe(20_000);
    expect(again.get('user', 'auth0|19999')?.workos_id).toBe('user_19999');
  });

  it('refuses a checkpoint from another source unless forced', () => {
    const dir = tempDirForFile('journal-');
    Journal.open(dir, identity).close();
    expect(() => Journal.open(dir, { source: 'clerk', fingerprint: 'f1' })).toThrow(UsageError);
    expect(() => Journal.open(dir, { source: 'clerk', fingerprint: 'f1' }, { force: true }).close()).not.toThrow();
  });

  it('holds no email or name', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    j.record({ entity: 'user', source_id: 'auth0|1', workos_id: 'user_1', status: 'created', input_digest: 'd1' });
    j.close();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).not.toMatch(/@/);
  });

  it('keeps a source id that carries an email only as a digest, and still finds it', () => {
    const dir = tempDirForFile('journal-');
    const j = Journal.open(dir, identity);
    j.record({
      entity: 'user',
      source_id: 'samlp|acme|ann@acme.example',
      workos_id: 'user_9',
      status: 'created',
      input_digest: 'd9',
    });
    j.close();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).not.toContain('ann@acme');
    const again = Journal.open(dir, identity);
    expect(again.get('user', 'samlp|acme|ann@acme.example')?.workos_id).toBe('user_9');
    again.close();
  });

  it('in a dry run reads without creating a file', () => {
    const dir = join(tempDirForFile('journal-'), 'state');
    Journal.open(dir, identity, { readOnly: true });
    expect(() => readFileSync(join(dir, JOURNAL_FILE))).toThrow();
  });
});

function entry(n: number): JournalEntry {
  return { entity: 'user', source_id: `auth0|${n}`, workos_id: `user_${n}`, status: 'created', input_digest: `d${n}` };
}
