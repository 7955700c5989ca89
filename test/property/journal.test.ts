import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE, type JournalEntry } from '../../src/checkpoint/journal.js';
import { tempDirForFile } from '../support/temp-dir.js';

// A kill can cut the journal at any byte. Whatever the cut, replay holds every entry whose
// line was written whole and nothing else, and the next run appends cleanly after it.

const identity = { source: 'auth0', fingerprint: 'f' };
const entry = fc.record({
  entity: fc.constantFrom('user' as const, 'organization' as const, 'membership' as const),
  source_id: fc.string({ unit: fc.constantFrom('a', 'ü', '|', '😀', '"', '\\', '1'), minLength: 1, maxLength: 8 }),
  workos_id: fc.string({ unit: fc.constantFrom('u', 's', 'e', 'r', '_', '9'), minLength: 1, maxLength: 6 }),
  status: fc.constantFrom('created' as const, 'updated' as const, 'unchanged' as const),
  input_digest: fc.string({ unit: fc.constantFrom('0', '7', 'a', 'f'), minLength: 4, maxLength: 8 }),
});

/** What replay must hold after a cut: the newest entry per key among the lines left whole. */
function expectedAfterCut(bytes: Buffer, cut: number): Map<string, JournalEntry> {
  const kept = bytes.subarray(0, cut).toString('utf8').split('\n').slice(1);
  const map = new Map<string, JournalEntry>();
  for (const line of kept) {
    let value: JournalEntry;
    try {
      value = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    map.set(`${value.entity}\u0000${value.source_id}`, value);
  }
  return map;
}

describe('journal replay after a cut at any byte', () => {
  it('keeps every complete entry, invents none, and appends cleanly after the cut', () => {
    const base = tempDirForFile('property-journal-');
    let n = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.nat(), entry, (entries, cutSeed, next) => {
        const dir = join(base, `j${n++}`);
        const journal = Journal.open(dir, identity);
        for (const e of entries) journal.record(e);
        journal.close();
        const path = join(dir, JOURNAL_FILE);
        const bytes = readFileSync(path);
        const cut = cutSeed % (bytes.length + 1);
        truncateSync(path, cut);

        const expected = expectedAfterCut(bytes, cut);
        const replayed = Journal.open(dir, identity);
        expect(new Map([...replayed.entries()].map((e) => [`${e.entity}\u0000${e.source_id}`, e]))).toEqual(expected);
        replayed.record(next);
        replayed.close();

        const again = Journal.open(dir, identity, { readOnly: true });
        expected.set(`${next.entity}\u0000${next.source_id}`, next);
        expect(new Map([...again.entries()].map((e) => [`${e.entity}\u0000${e.source_id}`, e]))).toEqual(expected);
        // Every line of the repaired file is whole JSON: the cut left no glued line behind.
        for (const line of readFileSync(path, 'utf8')
          .split('\n')
          .filter((l) => l !== ''))
          expect(() => JSON.parse(line)).not.toThrow();
      }),
      { numRuns: 150 },
    );
    writeFileSync(join(base, 'done'), '');
  });
});
