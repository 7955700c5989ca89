import { type ClerkLegacy, type LegacyProvider } from './provider.js';
export declare function clerkProvider(config: ClerkLegacy): LegacyProvider;
