import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE } from '../../../src/checkpoint/journal.js';
import { localStateStore } from '../../../src/checkpoint/stores/index.js';
import { tempDirForFile } from '../../support/temp-dir.js';

describe('local state store', () => {
  it('treats the directory as the state: restores what is there and leaves the files as they are', async () => {
    const dir = join(tempDirForFile('local-store-'), 'state');
    const store = localStateStore();
    expect(await store.restore(dir)).toEqual({ restored: false });

    const journal = Journal.open(dir, { source: 'clerk', fingerprint: 'f' });
    journal.record({ entity: 'user', source_id: 'user_1', workos_id: 'user_01', status: 'created', input_digest: 'd' });
    journal.close();
    const before = readFileSync(join(dir, JOURNAL_FILE), 'utf8');
    expect(await store.save(dir)).toEqual({ saved: true, name: dir, reason: 'the local directory is the state' });
    expect(await store.restore(dir)).toEqual({ restored: true, from: `local directory ${dir}` });
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toBe(before);
  });
});
