import { describe, expect, it } from 'vitest';
import { leftBehind, notRemovedByTests } from './scratch-tmpdir.js';

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

describe("the check that tests remove what they make in the run's TMPDIR", () => {
  it('names every folder or file a test left', () => {
    expect(notRemovedByTests(['journal-a1B2c3', 'tsx-0', 'export.ndjson'])).toEqual([
      'export.ndjson',
      'journal-a1B2c3',
      'tsx-0',
    ]);
  });

  it('lets pass only the temporary folders of a CLI or action killed with SIGKILL', () => {
    expect(
      notRemovedByTests([
        'migrate-to-workos-a1B2c3',
        'migrate-to-workos-state-d4E5f6',
        'migrate-to-workos-download-g7H8i9',
        'migrate-to-workos-demo-j1K2l3',
        'migrate-to-workos-state-leftover',
      ]),
    ).toEqual(['migrate-to-workos-demo-j1K2l3', 'migrate-to-workos-state-leftover']);
  });
});
