import type { LegacyConfig, LegacyProvider } from './provider.js';
export type * from './provider.js';
export declare function legacyProvider(config: LegacyConfig): LegacyProvider;
