import { describe, expect, it } from 'vitest';
import { runSoak } from '../soak/soak.js';

// CI's share of `npm run soak`: 20 SIGKILL-and-resume trials under lost answers, 5xx,
// connection resets and answers past the request timeout. The full soak runs 100.

describe('the soak, 20 trials', () => {
  it('ends every trial with each exported user in WorkOS exactly once', async () => {
    const result = await runSoak({ trials: 20, users: 40, seed: 2026 });
    expect(result).toMatchObject({ duplicates: 0, lost: 0, unexpected: 0, mismatches: 0, unfinished: 0 });
    // Only worth something if runs were really killed mid-import and faults really happened.
    expect(result.kills).toBeGreaterThanOrEqual(20);
    expect(result.faults.afterCommitFailure + result.faults.serverError + result.faults.drop).toBeGreaterThan(0);
  }, 900_000);
});
