import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAZY_METADATA_KEY } from '../../src/lazy/marks.js';
import { cli, COGNITO, shown, tempDir } from './story-support.js';
import { startSourceStory, type SourceStory } from './source-story.js';

// A lazy import into an environment where one user already existed, then rolled back: the users
// the migration created go, and the one that stays loses the mark the import gave it.

const sub = (n: number) => `0b1e4c2a-000${n}-4a6f-9c55-7d1e2f30000${n}`;

let story: SourceStory;

beforeAll(async () => {
  story = await startSourceStory('lazy-rollback', ['--source', 'cognito', '--users', COGNITO.users]);
  story.emulator.seedUser({ email: 'kofi.mensah@example.com', email_verified: true });
});
afterAll(async () => story?.emulator.close());

describe('rollback after import --lazy-passwords', () => {
  it('clears the mark on the user that existed before, and deletes the users it created', async () => {
    const first = await story.importRun('first', ['--state', story.state, '--lazy-passwords']);
    expect(first.run.code, shown(first.run)).toBe(0);
    const kofi = () => story.emulator.snapshot().users.find((u) => u.email === 'kofi.mensah@example.com')!;
    expect(kofi().metadata[LAZY_METADATA_KEY]).toBe('pending');

    const out = tempDir('lazy-rollback');
    const done = await cli([
      'rollback',
      '--state',
      story.state,
      '--out',
      out,
      '--api-url',
      story.emulator.url,
      '--confirm',
    ]);
    expect(done.code, shown(done)).toBe(0);
    expect(story.emulator.snapshot().users.map((u) => u.email)).toEqual(['kofi.mensah@example.com']);
    expect(kofi().metadata).toEqual({});
    expect(kofi().external_id).toBe(sub(1));
  });
});
