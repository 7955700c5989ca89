import { describe, expect, it } from 'vitest';
import { ALLOCATOR_SETTINGS, allocatorEnvironment } from '../../src/compact/allocator.js';

describe('allocatorEnvironment', () => {
  it('adds the allocator settings on Linux when the process does not run under them', () => {
    const env = allocatorEnvironment({ PATH: '/bin' }, 'linux', true);
    expect(env).toEqual({ PATH: '/bin', ...ALLOCATOR_SETTINGS });
  });

  it('starts nothing again once they are set: the restarted process goes on', () => {
    expect(allocatorEnvironment({ ...ALLOCATOR_SETTINGS }, 'linux', true)).toBeUndefined();
  });

  it('keeps a setting the user made and adds only the missing one', () => {
    const env = allocatorEnvironment({ MALLOC_ARENA_MAX: '8' }, 'linux', true);
    expect(env).toMatchObject({ MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: ALLOCATOR_SETTINGS.MALLOC_MMAP_THRESHOLD_ });
  });

  it('does nothing off Linux or without process.execve', () => {
    expect(allocatorEnvironment({}, 'darwin', true)).toBeUndefined();
    expect(allocatorEnvironment({}, 'win32', true)).toBeUndefined();
    expect(allocatorEnvironment({}, 'linux', false)).toBeUndefined();
  });
});
