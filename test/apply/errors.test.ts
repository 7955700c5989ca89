import { BadRequestException, GenericServerException, RateLimitExceededException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { classifyWorkOSError } from '../../src/workos/errors.js';

describe('classifyWorkOSError', () => {
  it('finds a taken email inside user_creation_error details', () => {
    const error = new BadRequestException({
      code: 'user_creation_error',
      errors: [{ code: 'email_not_available', message: 'taken' }],
      message: 'Could not create user.',
      requestID: 'r1',
    });
    expect(classifyWorkOSError(error)).toMatchObject({ kind: 'conflict', code: 'email_not_available' });
  });
  it('finds a taken external id at the top level', () => {
    const error = new GenericServerException(400, 'taken', { code: 'external_id_already_used' }, 'r2');
    expect(classifyWorkOSError(error)).toMatchObject({ kind: 'conflict', code: 'external_id_already_used' });
  });
  it('turns Retry-After seconds into milliseconds', () => {
    expect(classifyWorkOSError(new RateLimitExceededException('slow down', 'r3', 7))).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
  });
  it('treats a network error and a 502 as transient, a 422 as a rejection', () => {
    expect(classifyWorkOSError(new Error('fetch failed')).kind).toBe('transient');
    expect(classifyWorkOSError(new GenericServerException(502, 'bad gateway', {}, 'r4')).kind).toBe('transient');
    expect(
      classifyWorkOSError(new GenericServerException(400, 'nope', { code: 'invalid_password_hash' }, 'r5')),
    ).toMatchObject({ kind: 'rejected', code: 'invalid_password_hash' });
  });
  it('names why there was no answer from the cause chain the SDK wraps around fetch', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('Unexpected error: TypeError: fetch failed', {
      cause: new TypeError('fetch failed', { cause: refused }),
    });
    expect(classifyWorkOSError(wrapped)).toMatchObject({
      kind: 'transient',
      connection: 'connection refused (ECONNREFUSED)',
    });
    const dns = new Error('Unexpected error: TypeError: fetch failed', {
      cause: new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) }),
    });
    expect(classifyWorkOSError(dns)).toMatchObject({
      kind: 'transient',
      connection: 'host name not found in DNS (ENOTFOUND)',
    });
  });
  it("reads a proxy's HTML 502 page (the SDK's ParseError, wrapped) as a transient 502", () => {
    const parse = Object.assign(new Error('Unexpected token <'), { name: 'ParseError', status: 500, rawStatus: 502 });
    expect(classifyWorkOSError(new Error('Unexpected error: ParseError', { cause: parse }))).toMatchObject({
      kind: 'transient',
      status: 502,
    });
  });
  it('never takes an error of our own code for a WorkOS failure', () => {
    expect(classifyWorkOSError(new TypeError("Cannot read properties of undefined (reading 'id')")).kind).toBe(
      'internal',
    );
    expect(classifyWorkOSError(new RangeError('Invalid array length')).kind).toBe('internal');
  });
});
