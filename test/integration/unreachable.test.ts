import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import { recordExitCode } from '../../src/modes/exit-code.js';
import { runImport } from '../../src/modes/import.js';
import { writeSyntheticAuth0Export } from '../support/synthetic-auth0.js';
import { tempDirForFile } from '../support/temp-dir.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const data = writeSyntheticAuth0Export(tempDirForFile('unreachable-'), 60);
const files = { users: data.usersPath, passwords: data.passwordsPath };

describe('an import when WorkOS cannot be reached', () => {
  it('stops within seconds with one sentence naming the reason (exit 2), and still writes the reports', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}`;
    const out = tempDirForFile('unreachable-out-');
    const started = Date.now();
    const result = await runImport({
      source: 'auth0',
      files,
      outDir: out,
      target: { apiKey: 'sk_test_down', apiUrl },
    });
    expect((Date.now() - started) / 1000).toBeLessThan(10);
    expect(result.summary.fatal).toMatch(
      /^WorkOS at .+ cannot be reached: connection refused \(ECONNREFUSED\) on \d+ requests in a row\. Check the API URL/,
    );
    expect(recordExitCode(result.summary)).toBe(2);
    expect(result.summary).toMatchObject({
      complete: false,
      stoppedBy: 'unreachable',
      users: { total: 60, pending: 60, failed: 0 },
    });
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/\*\*Stopped:\*\* WorkOS at .+ cannot be reached/);
  });

  it('stops the same way when the stand-in answers every request with a 5xx', async () => {
    const emulator = await startEmulator();
    emulator.setFaults({ serverErrorRate: 1 });
    try {
      const result = await runImport({
        source: 'auth0',
        files,
        target: { apiKey: 'sk_test_down', apiUrl: emulator.url },
      });
      expect(result.summary.fatal).toMatch(/cannot be reached: it answered HTTP 50[023] on \d+ requests in a row/);
      expect(recordExitCode(result.summary)).toBe(2);
      // Stopped early: far fewer requests than 60 users × 6 attempts.
      expect(emulator.stats().requests).toBeLessThan(100);
    } finally {
      await emulator.close();
    }
  });
});
