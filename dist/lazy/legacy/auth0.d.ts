import { type Auth0Legacy, type LegacyProvider } from './provider.js';
export declare function auth0Provider(config: Auth0Legacy): LegacyProvider;
