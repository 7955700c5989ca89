import { describe, expect, it } from 'vitest';
import { decideHealth, SignInTally } from '../../src/watch/health.js';
import { parseWatchWindow } from '../../src/watch/window.js';
import type { AuthenticationEventRecord } from '../../src/workos/events.js';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('the window watch reads', () => {
  it('takes a span back from --until, or ISO times', () => {
    expect(parseWatchWindow(undefined, undefined, NOW).since.toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(parseWatchWindow('7d', undefined, NOW).since.toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(parseWatchWindow('1d12h', '2026-03-10T00:00:00Z', NOW).since.toISOString()).toBe('2026-03-08T12:00:00.000Z');
    expect(parseWatchWindow('90m', undefined, NOW).since.toISOString()).toBe('2026-03-10T10:30:00.000Z');
    expect(parseWatchWindow('2026-03-01T09:00:00Z', undefined, NOW).since.toISOString()).toBe(
      '2026-03-01T09:00:00.000Z',
    );
  });

  it('refuses what is not a span or a time, and a window that ends before it starts', () => {
    expect(() => parseWatchWindow('yesterday', undefined, NOW)).toThrow(/--since "yesterday"/);
    expect(() => parseWatchWindow('12', undefined, NOW)).toThrow(/--since "12"/);
    expect(() => parseWatchWindow(undefined, 'soon', NOW)).toThrow(/--until "soon"/);
    expect(() => parseWatchWindow('2026-03-11T00:00:00Z', undefined, NOW)).toThrow(/must be before --until/);
  });
});

function signIn(succeeded: boolean): AuthenticationEventRecord {
  return {
    id: 'event_1',
    name: `authentication.password_${succeeded ? 'succeeded' : 'failed'}`,
    method: 'password',
    succeeded,
    createdAt: NOW.toISOString(),
    ...(succeeded ? {} : { errorCode: 'invalid_credentials' }),
  };
}

describe('the alert', () => {
  const tally = new SignInTally();
  // Acme: 2 of 10 failed (20 % exactly); Globex: 1 of 4 failed (25 %, but few attempts).
  for (let i = 0; i < 10; i++) tally.add({ event: signIn(i >= 2), organizations: ['org_acme'] });
  for (let i = 0; i < 4; i++) tally.add({ event: signIn(i >= 1), organizations: ['org_globex'] });
  const name = (id: string) => ({ id, name: id, externalId: null });

  it('is raised above the threshold, not at it', () => {
    expect(
      decideHealth(tally, { failAbove: 20, minAttempts: 4 }, name).map((a) => a.organization?.id ?? a.scope),
    ).toEqual(['overall', 'org_globex']);
    expect(
      decideHealth(tally, { failAbove: 19.9, minAttempts: 4 }, name).map((a) => a.organization?.id ?? a.scope),
    ).toEqual(['overall', 'org_globex', 'org_acme']);
  });

  it('ignores organizations (and a whole) with fewer attempts than min-attempts', () => {
    expect(
      decideHealth(tally, { failAbove: 20, minAttempts: 5 }, name).map((a) => a.organization?.id ?? a.scope),
    ).toEqual(['overall']);
    expect(decideHealth(tally, { failAbove: 20, minAttempts: 15 }, name)).toEqual([]);
  });
});
