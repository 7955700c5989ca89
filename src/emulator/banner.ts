import { ADMIN_PREFIX } from './admin.js';

/** The key and client id the `emulator` command prints; the stand-in accepts any of their kind. */
export const STAND_IN_API_KEY = 'sk_test_local';
export const STAND_IN_CLIENT_ID = 'client_local';

/**
 * What `migrate-to-workos emulator` prints when it starts: everything needed to point a command
 * at it, and where its controls are, so no one has to find them in a 404 or the source.
 */
export function standInBanner(url: string): string {
  return [
    `WorkOS stand-in listening on ${url}`,
    `Use it with: WORKOS_API_URL=${url} WORKOS_API_KEY=${STAND_IN_API_KEY} WORKOS_CLIENT_ID=${STAND_IN_CLIENT_ID}`,
    '  (any key starting sk_test_ or sk_live_ works, and any client id)',
    `Controls, no key needed: ${url}${ADMIN_PREFIX}… (state, stats, reset, users, roles, connections, webhook_endpoints, faults),`,
    '  documented in docs/emulator.md of migrate-to-workos. Ctrl-C stops it; nothing is kept.',
    '',
  ].join('\n');
}
