import { auth0Provider } from './auth0.js';
import { clerkProvider } from './clerk.js';
import { cognitoProvider } from './cognito.js';
import { firebaseProvider } from './firebase.js';
import type { LegacyConfig, LegacyProvider } from './provider.js';
import { supabaseProvider } from './supabase.js';

export type * from './provider.js';

export function legacyProvider(config: LegacyConfig): LegacyProvider {
  switch (config.provider) {
    case 'auth0':
      return auth0Provider(config);
    case 'cognito':
      return cognitoProvider(config);
    case 'firebase':
      return firebaseProvider(config);
    case 'clerk':
      return clerkProvider(config);
    case 'supabase':
      return supabaseProvider(config);
    default:
      throw new TypeError(`legacy.provider must be auth0, cognito, firebase, clerk or supabase.`);
  }
}
