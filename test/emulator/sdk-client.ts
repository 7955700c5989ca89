import { WorkOS } from '@workos-inc/node';
import type { Emulator } from '../../src/emulator/server.js';

/** The real SDK pointed at the stand-in, with its own retries off (as the engine runs it). */
export function sdkFor(
  emulator: Emulator,
  options: { key?: string; timeout?: number; clientId?: string } = {},
): WorkOS {
  return new WorkOS(options.key ?? 'sk_test_emulator', {
    apiHostname: emulator.host,
    port: emulator.port,
    https: false,
    maxRetries: 0,
    clientId: options.clientId ?? 'client_emulator',
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
