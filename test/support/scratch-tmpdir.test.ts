import { describe, expect, it } from 'vitest';
import { leftBehind } from './scratch-tmpdir.js';

describe('the check that the run leaves /tmp as it found it', () => {
  it('names what is new, and not what went or what was there', () => {
    expect(leftBehind(new Set(['kept', 'gone']), ['kept', 'story-auth0-a1B2c3', 'export.ndjson'])).toEqual([
      'export.ndjson',
      'story-auth0-a1B2c3',
    ]);
  });

  it("leaves another run's own scratch folder to that run", () => {
    expect(leftBehind(new Set(), ['migrate-to-workos-tests-Q1w2E3'])).toEqual([]);
  });
});
