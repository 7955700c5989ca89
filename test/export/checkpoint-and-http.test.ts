import { appendFileSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportCheckpoint } from '../../src/export/checkpoint.js';
import { spoolRecords } from '../../src/export/files.js';
import { SourceApi } from '../../src/export/http.js';
import { serveStandIn, type Answer, type StandInServer } from '../../src/emulator/source-stand-in.js';
import { tempDir } from './export-support.js';

describe('the export checkpoint', () => {
  it('cuts off a page that was written but not confirmed when the process died', async () => {
    const out = tempDir('spool');
    const first = await ExportCheckpoint.open(out, 'clerk');
    const spool = await first.spool('users');
    await spool.append([{ id: 'a' }, { id: 'b' }], 2);
    // A kill after the page reached the file and before the state was saved.
    appendFileSync(spool.path, '{"id":"c"}\n{"id":"d"}\n');

    const resumed = await ExportCheckpoint.open(out, 'clerk');
    expect(resumed.resumed).toBe(true);
    const again = await resumed.spool('users');
    expect(again.state).toMatchObject({ count: 2, cursor: 2, done: false });
    await again.append([{ id: 'c' }, { id: 'd' }], undefined);
    const records: unknown[] = [];
    for await (const record of spoolRecords(again)) records.push(record);
    expect(records).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
  });

  it('refuses to resume another source’s export in the same directory', async () => {
    const out = tempDir('spool-other');
    await ExportCheckpoint.open(out, 'auth0');
    await expect(ExportCheckpoint.open(out, 'clerk')).rejects.toThrow(/holds an unfinished auth0 export/);
  });

  it('starts over after a finished export', async () => {
    const out = tempDir('spool-done');
    const done = await ExportCheckpoint.open(out, 'auth0');
    await (await done.spool('organizations')).append([{ id: 'x' }], undefined);
    await done.finish();
    const next = await ExportCheckpoint.open(out, 'auth0');
    expect(next.resumed).toBe(false);
    expect(JSON.parse(readFileSync(`${out}/export-state.json`, 'utf8')).spools).toEqual({});
  });
});

describe('the source API client', () => {
  let server: StandInServer | undefined;
  afterEach(async () => server?.close());

  async function serve(answers: Answer[]): Promise<{ url: string; times: number[]; auth: (string | undefined)[] }> {
    const times: number[] = [];
    const auth: (string | undefined)[] = [];
    server = await serveStandIn((call) => {
      times.push(Date.now());
      auth.push(call.headers.authorization);
      return answers.shift() ?? { status: 200, body: { ok: true } };
    });
    return { url: server.url, times, auth };
  }

  it('waits Retry-After after a 429 and until X-RateLimit-Reset when the bucket is empty', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    const { url, times } = await serve([
      { status: 429, body: {}, headers: { 'retry-after': '1' } },
      { status: 200, body: { n: 1 }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } },
      { status: 200, body: { n: 2 } },
    ]);
    const api = new SourceApi({ baseUrl: url, label: 'Test API' });
    expect((await api.json('/a')).body).toEqual({ n: 1 });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect((await api.json('/b')).body).toEqual({ n: 2 });
    expect(times[2]!).toBeGreaterThanOrEqual(reset * 1000 - 50);
    expect(api.counts).toMatchObject({ requests: 3, rateLimited: 1 });
  });

  it('retries a 503, and gets a fresh token once after a 401', async () => {
    const { url, auth } = await serve([
      { status: 503, body: {} },
      { status: 401, body: { message: 'Expired token' } },
    ]);
    let issued = 0;
    const api = new SourceApi({
      baseUrl: url,
      label: 'Test API',
      token: async (refresh) => `t${refresh ? ++issued : issued}`,
    });
    expect((await api.json('/c')).status).toBe(200);
    expect(auth).toEqual(['Bearer t0', 'Bearer t0', 'Bearer t1']);
    expect(api.counts.retried).toBe(1);
  });

  it('backs off with jitter under a doubling ceiling when the server names no wait', async () => {
    const { url } = await serve([
      { status: 503, body: {} },
      { status: 429, body: {} },
      { status: 502, body: {} },
    ]);
    const waits: number[] = [];
    const api = new SourceApi({
      baseUrl: url,
      label: 'Test API',
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect((await api.json('/d')).status).toBe(200);
    expect(waits).toEqual([250, 500, 1000]);
    expect(api.counts).toMatchObject({ requests: 4, rateLimited: 1, retried: 2 });
  });

  it('names the API, the status and the next step, never the token, when refused', async () => {
    const { url } = await serve([
      { status: 403, body: { message: 'Insufficient scope, expected any of: read:users' } },
    ]);
    const api = new SourceApi({ baseUrl: url, label: 'Auth0 Management API', token: async () => 'secret-token-value' });
    const error = await api.json('/api/v2/jobs/users-exports?x=1', { method: 'POST', body: {} }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      /Auth0 Management API refused POST \/api\/v2\/jobs\/users-exports \(HTTP 403: "Insufficient scope.*grant it/,
    );
    expect((error as Error).message).not.toContain('secret-token-value');
  });
});
