import { type CognitoLegacy, type LegacyProvider } from './provider.js';
export declare function secretHash(clientSecret: string, username: string, clientId: string): string;
export declare function cognitoProvider(config: CognitoLegacy): LegacyProvider;
