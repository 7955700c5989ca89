import { type FirebaseLegacy, type LegacyProvider } from './provider.js';
export declare function firebaseProvider(config: FirebaseLegacy): LegacyProvider;
