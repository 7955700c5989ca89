import { describe, expect, it } from 'vitest';
import { readJsonAnswer } from '../../src/lazy/json-answer.js';

describe('readJsonAnswer', () => {
  it('reads the status and the JSON body', async () => {
    const response = new Response('{"code":"invalid_credentials"}', { status: 400 });
    expect(await readJsonAnswer(response)).toEqual({ status: 400, body: { code: 'invalid_credentials' } });
  });

  it('takes an empty or non-JSON body as no body, for the caller to judge by status', async () => {
    expect(await readJsonAnswer(new Response('', { status: 200 }))).toEqual({ status: 200, body: undefined });
    expect(await readJsonAnswer(new Response('<html>Bad gateway</html>', { status: 502 }))).toEqual({
      status: 502,
      body: undefined,
    });
  });

  it('keeps a Retry-After in seconds, and only a positive one', async () => {
    const limited = new Response('{}', { status: 429, headers: { 'retry-after': '30' } });
    expect(await readJsonAnswer(limited)).toEqual({ status: 429, body: {}, retryAfter: 30 });
    const odd = new Response('{}', { status: 429, headers: { 'retry-after': 'soon' } });
    expect((await readJsonAnswer(odd)).retryAfter).toBeUndefined();
  });
});
