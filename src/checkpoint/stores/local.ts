import { listStateFiles, type StateStore } from './state-store.js';

/** The CLI's store: the state directory itself is the state, so there is nothing to move. */
export function localStateStore(): StateStore {
  return {
    description: 'local directory',
    async restore(dir) {
      const files = await listStateFiles(dir);
      return files.length > 0 ? { restored: true, from: `local directory ${dir}` } : { restored: false };
    },
    async save(dir) {
      // Journal lines reach the disk as they are written; the directory is already the saved state.
      return { saved: true, name: dir, reason: 'the local directory is the state' };
    },
  };
}
