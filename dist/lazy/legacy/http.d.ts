import { LazyMigrationError } from '../errors.js';
import { type JsonAnswer } from '../json-answer.js';
export type LegacyAnswer = JsonAnswer;
export declare function postJson(provider: string, url: string, init: {
    headers?: Record<string, string>;
    body: unknown;
    timeoutMs: number;
    contentType?: string;
}): Promise<LegacyAnswer>;
/** The failure for an answer that is neither a yes nor a clear no. */
export declare function legacyFailure(provider: string, answer: LegacyAnswer, code?: string): LazyMigrationError;
/** The claims of a JWT the provider just issued to us over TLS (read only to bind the account, not trusted further). */
export declare function jwtClaims(token: unknown): Record<string, unknown> | undefined;
export declare function field(value: unknown, key: string): unknown;
/** The provider accepted the password but wants a second step this library cannot take. */
export declare function legacyChallenge(provider: string): LazyMigrationError;
