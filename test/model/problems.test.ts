import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { wrongFieldType } from '../../src/model/problems.js';

const text = z.string().nullish();
const Schema = z.looseObject({
  id: text,
  verified: z.boolean().nullish(),
  active: z.boolean().nullish(),
  domains: z.array(z.union([z.string(), z.looseObject({ name: text })])).nullish(),
  identities: z.array(z.looseObject({ provider: text, isSocial: z.boolean().nullish() })).nullish(),
  meta: z.union([z.string(), z.number()]).nullish(),
});
const EXPECTATIONS = { verified: 'true or false (or yes/no)', domains: 'an array of domain names' };

function wrong(record: Record<string, unknown>, originalKeys?: ReadonlyMap<string, string>) {
  const parsed = Schema.safeParse(record);
  if (parsed.success) throw new Error('the record was expected to fail its schema');
  return wrongFieldType(parsed.error.issues[0]!, record, EXPECTATIONS, originalKeys);
}

describe('wrongFieldType', () => {
  it("uses the source's words for the field itself, and says what it held", () => {
    expect(wrong({ verified: 'yes' })).toEqual({
      field: 'verified',
      message: 'The field verified must be true or false (or yes/no), not a string.',
    });
  });

  it("falls back to zod's expected type, in words", () => {
    expect(wrong({ id: 7 }).message).toBe('The field id must be a string, not a number.');
    expect(wrong({ active: 'no' }).message).toBe('The field active must be true or false, not a string.');
    expect(wrong({ identities: 'none' }).message).toBe('The field identities must be an array, not a string.');
  });

  it('names a nested field as people write it, with its own expected type', () => {
    expect(wrong({ identities: [{ provider: 'github' }, 5] })).toEqual({
      field: 'identities[1]',
      message: 'The field identities[1] must be an object, not a number.',
    });
    expect(wrong({ identities: [{ isSocial: 'no' }] }).field).toBe('identities[0].isSocial');
  });

  it('uses the nearest field above that the source has words for when zod names no type (a union)', () => {
    expect(wrong({ domains: ['a.com', 5] })).toEqual({
      field: 'domains[1]',
      message: 'The field domains[1] must be an array of domain names, not a number.',
    });
    expect(wrong({ meta: true }).message).toBe('The field meta must be a different type, not a boolean.');
  });

  it('names the first key as the file spelled it', () => {
    expect(wrong({ verified: 'yes' }, new Map([['verified', 'Email Verified']])).field).toBe('Email Verified');
  });

  it('finds no inherited word for a field named like an Object method', () => {
    const parsed = z.looseObject({ constructor: text }).safeParse({ constructor: 5 });
    expect(wrongFieldType(parsed.error!.issues[0]!, { constructor: 5 }, {}).message).toBe(
      'The field constructor must be a string, not a number.',
    );
  });
});
