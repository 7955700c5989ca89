import { type LegacyProvider, type SupabaseLegacy } from './provider.js';
export declare function supabaseProvider(config: SupabaseLegacy): LegacyProvider;
