export { StateStoreError, type StateStore } from './state-store.js';
export { localStateStore } from './local.js';
export { artifactStateStore, type ArtifactStateStoreOptions } from './artifact.js';
export { branchStateStore, type BranchStateStoreOptions } from './branch.js';
