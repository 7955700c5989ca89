import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../src/checkpoint/journal.js';
import { UsageError } from '../../src/model/types.js';

const identity = { source: 'auth0', fingerprint: 'f1' };

describe('Journal', () => {
  it('replays what earlier runs confirmed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const first = Journal.open(dir, identity);
    first.record({ entity: 'user', source_id: 'auth0|1', workos_id: 'user_1', status: 'created', input_digest: 'd1' });
    first.close();
    const second = Journal.open(dir, identity);
    expect(second.get('user', 'auth0|1')?.workos_id).toBe('user_1');
    expect(second.appendedCount).toBe(0);
    second.close();
  });

  it('ignores a last line torn by a kill mid-write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const j = Journal.open(dir, identity);
    j.record({ entity: 'user', source_id: 'auth0|1', workos_id: 'user_1', status: 'created', input_digest: 'd1' });
    j.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"entity":"user","source_id":"auth0|2","wor');
    const again = Journal.open(dir, identity);
    expect(again.size).toBe(1);
    again.close();
  });

  it('refuses a checkpoint from another source unless forced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    Journal.open(dir, identity).close();
    expect(() => Journal.open(dir, { source: 'clerk', fingerprint: 'f1' })).toThrow(UsageError);
    expect(() => Journal.open(dir, { source: 'clerk', fingerprint: 'f1' }, { force: true }).close()).not.toThrow();
  });

  it('holds no email or name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const j = Journal.open(dir, identity);
    j.record({ entity: 'user', source_id: 'auth0|1', workos_id: 'user_1', status: 'created', input_digest: 'd1' });
    j.close();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).not.toMatch(/@/);
  });

  it('keeps a source id that carries an email only as a digest, and still finds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const j = Journal.open(dir, identity);
    j.record({ entity: 'user', source_id: 'samlp|acme|ann@acme.example', workos_id: 'user_9', status: 'created', input_digest: 'd9' });
    j.close();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).not.toContain('ann@acme');
    const again = Journal.open(dir, identity);
    expect(again.get('user', 'samlp|acme|ann@acme.example')?.workos_id).toBe('user_9');
    again.close();
  });

  it('in a dry run reads without creating a file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'journal-')), 'state');
    Journal.open(dir, identity, { readOnly: true });
    expect(() => readFileSync(join(dir, JOURNAL_FILE))).toThrow();
  });
});
