import { describe, expect, it } from 'vitest';
import { badCsvRow, fieldAt } from '../../src/sources/user-items.js';

describe('badCsvRow', () => {
  it('is the user error of a row that could not be read, at its line and column', () => {
    expect(badCsvRow('users.csv', { line: 9, column: 3, message: 'The row has 4 cells; the header has 5.' })).toEqual({
      kind: 'problem',
      problem: {
        entity: 'user',
        location: { file: 'users.csv', line: 9, column: 3 },
        code: 'invalid_csv_row',
        message: 'The row has 4 cells; the header has 5.',
        severity: 'error',
      },
    });
  });

  it('names no column when the reader knows none', () => {
    const item = badCsvRow('users.csv', { line: 2, message: 'Unclosed quote.' });
    expect(item.kind === 'problem' && item.problem.location).toEqual({ file: 'users.csv', line: 2 });
  });
});

describe('fieldAt', () => {
  const at = { file: 'users.csv', line: 3 };
  const columnOf = (field: string) => ({ email: 2, role_slugs: 7 })[field];

  it('adds the column the CSV header gives the field', () => {
    expect(fieldAt(at, columnOf, 'role_slugs')).toEqual({ file: 'users.csv', line: 3, column: 7 });
  });

  it('keeps the line alone for a field the header does not name, or a JSON record', () => {
    expect(fieldAt(at, columnOf, 'org_name')).toBe(at);
    expect(fieldAt(at, () => undefined, 'email')).toBe(at);
  });
});
