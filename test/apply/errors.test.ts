import { BadRequestException, GenericServerException, RateLimitExceededException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { classifyWorkOSError } from '../../src/workos/errors.js';

describe('classifyWorkOSError', () => {
  it('finds a taken email inside user_creation_error details', () => {
    const error = new BadRequestException({ code: 'user_creation_error', errors: [{ code: 'email_not_available', message: 'taken' }], message: 'Could not create user.', requestID: 'r1' });
    expect(classifyWorkOSError(error)).toMatchObject({ kind: 'conflict', code: 'email_not_available' });
  });
  it('finds a taken external id at the top level', () => {
    const error = new GenericServerException(400, 'taken', { code: 'external_id_already_used' }, 'r2');
    expect(classifyWorkOSError(error)).toMatchObject({ kind: 'conflict', code: 'external_id_already_used' });
  });
  it('turns Retry-After seconds into milliseconds', () => {
    expect(classifyWorkOSError(new RateLimitExceededException('slow down', 'r3', 7))).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 });
  });
  it('treats a network error and a 502 as transient, a 422 as a rejection', () => {
    expect(classifyWorkOSError(new Error('fetch failed')).kind).toBe('transient');
    expect(classifyWorkOSError(new GenericServerException(502, 'bad gateway', {}, 'r4')).kind).toBe('transient');
    expect(classifyWorkOSError(new GenericServerException(400, 'nope', { code: 'invalid_password_hash' }, 'r5'))).toMatchObject({ kind: 'rejected', code: 'invalid_password_hash' });
  });
});
