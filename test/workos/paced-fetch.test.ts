import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { classifyWorkOSError } from '../../src/workos/errors.js';
import { PacedTransport, RequestTimeoutError, retryAfterMs } from '../../src/workos/paced-fetch.js';

const API = 'http://127.0.0.1:9';

/** A server that answers at once: 429 for the paths in `limited`, else 200. */
function fakeSend(limited: Set<string> = new Set()): { send: typeof fetch; sent: string[] } {
  const sent: string[] = [];
  const send = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    sent.push(`${init?.method ?? 'GET'} ${path}`);
    return limited.has(path)
      ? new Response('{"message":"Too many requests"}', { status: 429, headers: { 'Retry-After': '5' } })
      : new Response('{}', { status: 200 });
  }) as typeof fetch;
  return { send, sent };
}

/** A server that never answers: the request ends only when its signal aborts it. */
const neverAnswers = ((_: unknown, init?: RequestInit) =>
  new Promise((_resolve, reject) =>
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
  )) as typeof fetch;

describe('PacedTransport', () => {
  it('paces each request in its own bucket: a full per-key bucket does not hold user writes back', async () => {
    const { send, sent } = fakeSend();
    const transport = new PacedTransport({ general: { requests: 1, windowMs: 60_000 } }, { send });
    const fetch = transport.fetchFor(1000);
    await fetch(`${API}/organizations`, { method: 'POST' });
    // The per-key bucket is spent for a minute; the second organization write waits…
    const secondOrganization = fetch(`${API}/organizations`, { method: 'POST' });
    // …while user-management writes and reads go on.
    await fetch(`${API}/user_management/users`, { method: 'POST' });
    await fetch(`${API}/user_management/users?email=a%40example.com`);
    expect(sent).toEqual(['POST /organizations', 'POST /user_management/users', 'GET /user_management/users']);
    transport.close(new Error('done'));
    await expect(secondOrganization).rejects.toThrow('done');
  });

  it('slows only the bucket a 429 came from', async () => {
    const { send } = fakeSend(new Set(['/organizations']));
    const transport = new PacedTransport({}, { send });
    const fetch = transport.fetchFor(1000);
    const answer = await fetch(`${API}/organizations`, { method: 'POST' });
    expect(answer.status).toBe(429);
    expect(transport.rateLimitedAnswers).toBe(1);
    expect(transport.limiters.general.currentRate()).toBeLessThan(98);
    expect(transport.limiters.userManagementWrites.currentRate()).toBe(49);
    expect(transport.limiters.userManagementReads.currentRate()).toBe(98);
  });

  it('times a request from when it is sent, and a timeout is a transient 408 like the SDK’s own', async () => {
    const transport = new PacedTransport({}, { send: neverAnswers });
    const error = await transport
      .fetchFor(50)(`${API}/user_management/users`, { method: 'POST' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(classifyWorkOSError(error)).toMatchObject({ kind: 'transient', status: 408 });
  });

  it('times out an answer whose body stops coming, as a 408', async () => {
    const stalled = ((_: unknown, init?: RequestInit) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":['));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    }) as typeof fetch;
    const transport = new PacedTransport({}, { send: stalled });
    const error = await transport.fetchFor(50)(`${API}/user_management/users`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it('leaves no timer and no listener behind once an answer is in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { send } = fakeSend();
      const transport = new PacedTransport({}, { send });
      const outer = new AbortController();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          transport.fetchFor(60_000)(`${API}/user_management/users`, { signal: outer.signal }),
        ),
      );
      expect(await answers[0]!.json()).toEqual({});
      expect(vi.getTimerCount()).toBe(0);
      expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes the caller’s abort on to the request', async () => {
    const transport = new PacedTransport({}, { send: neverAnswers });
    const outer = new AbortController();
    const request = transport.fetchFor(60_000)(`${API}/user_management/users`, { signal: outer.signal });
    outer.abort(new Error('stopped by the user'));
    await expect(request).rejects.toThrow('stopped by the user');
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(null, 0)).toBe(1000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
  });
});
