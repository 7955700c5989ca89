import { describe, expect, it } from 'vitest';
import { decideHealth, SignInTally } from '../../src/watch/health.js';
import { renderWatchMarkdown, watchHeadline, watchReport } from '../../src/watch/render.js';
import type { AuthenticationEventRecord } from '../../src/workos/events.js';

// watch.md is the job summary of the scheduled watch: pinned, so a reviewer sees every change.

const at = '2026-03-10T11:00:00.000Z';
const event = (method: string, succeeded: boolean, errorCode?: string): AuthenticationEventRecord => ({
  id: 'event_1',
  name: `authentication.${method}_${succeeded ? 'succeeded' : 'failed'}`,
  method,
  succeeded,
  createdAt: at,
  ...(errorCode ? { errorCode } : {}),
});

describe('watch.md', () => {
  const tally = new SignInTally();
  for (let i = 0; i < 12; i++)
    tally.add({ event: event('password', i > 0, 'invalid_credentials'), organizations: ['org_a'] });
  for (let i = 0; i < 10; i++)
    tally.add({ event: event('sso', i < 3, 'sso_connection_inactive'), organizations: ['org_b'] });
  tally.add({ event: event('mfa', true), organizations: ['org_a'] });
  tally.add({
    event: event('password', false, 'invalid_credentials'),
    user: { id: 'user_1', externalId: 'auth0|abc', lastSignInAt: null },
    organizations: [],
  });
  const names: Record<string, string> = { org_a: 'Acme | Corp', org_b: 'Globex' };
  const organization = (id: string) => ({ id, name: names[id]!, externalId: `ext_${id}` });
  const policy = { failAbove: 20, minAttempts: 10 };
  const report = watchReport({
    window: { since: new Date('2026-03-09T12:00:00Z'), until: new Date('2026-03-10T12:00:00Z') },
    policy,
    tally,
    alerts: decideHealth(tally, policy, organization),
    organization,
    events: 24,
    includePii: false,
  });

  it('names the organizations above the threshold and what to check', () => {
    expect(renderWatchMarkdown(report)).toMatchSnapshot();
    expect(watchHeadline(report)).toBe(
      'Sign-in health: ALERT, above 20 % failed: all sign-ins 39.1 %; Globex 70 %. 23 sign-ins, 9 failed (39.1 %), 2 organizations.',
    );
    expect(report.steps).toEqual({ mfa: 1 });
  });
});
