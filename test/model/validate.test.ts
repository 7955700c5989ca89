import { describe, expect, it } from 'vitest';
import { maskEmail } from '../../src/model/mask.js';
import fc from 'fast-check';
import { checkMetadata, emailShapeProblem, isPlainAsciiEmail, normalizeEmail } from '../../src/model/validate.js';

describe('normalizeEmail', () => {
  it('accepts ordinary addresses and trims them, keeping their case', () => {
    for (const email of [
      'ada@example.com',
      'Ada.Lovelace+tag@Example.co.uk',
      "o'brien@example.org",
      'user@xn--bcher-kva.example',
      'jürgen@münchen.example',
    ]) {
      expect(normalizeEmail(`  ${email}\t`)).toEqual({ ok: true, email });
    }
  });

  it('tells a missing email from a malformed one, and never quotes it', () => {
    expect(normalizeEmail(undefined)).toMatchObject({ ok: false, code: 'missing_email' });
    expect(normalizeEmail(null)).toMatchObject({ ok: false, code: 'missing_email' });
    expect(normalizeEmail('   ')).toMatchObject({ ok: false, code: 'missing_email' });
    expect(normalizeEmail(42)).toMatchObject({
      ok: false,
      code: 'invalid_email',
      message: 'The email must be a string, not a number.',
    });
    const bad = [
      'plainaddress',
      '@example.com',
      'someone@',
      'some one@example.com',
      'someone@example',
      'someone@@example.com',
      'some..one@example.com',
      '.someone@example.com',
      'someone@-example.com',
      'someone@example.c',
      'someone@exa_mple.com',
      '<someone@example.com>',
      `${'a'.repeat(65)}@example.com`,
      `someone@${'a'.repeat(320)}.com`,
    ];
    for (const email of bad) {
      const result = normalizeEmail(email);
      expect(result, email).toMatchObject({ ok: false, code: 'invalid_email' });
      if (!result.ok) expect(result.message).not.toContain(email.slice(0, 5));
    }
  });
});

describe('checkMetadata', () => {
  it('turns numbers, booleans and small objects into text and leaves out nulls', () => {
    expect(
      checkMetadata({ plan: 'pro', seats: 12, trial: false, tags: ['a', 'b'], prefs: { theme: 'dark' }, gone: null }),
    ).toEqual({
      ok: true,
      metadata: { plan: 'pro', seats: '12', trial: 'false', tags: '["a","b"]', prefs: '{"theme":"dark"}' },
    });
  });

  it('refuses what WorkOS would refuse instead of truncating it', () => {
    const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(checkMetadata(fiftyOne)).toMatchObject({ ok: false, field: 'metadata', code: 'metadata_too_many_keys' });
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(checkMetadata(fifty).ok).toBe(true);

    expect(checkMetadata({ ['k'.repeat(41)]: 'v' })).toMatchObject({ ok: false, code: 'metadata_key_too_long' });
    expect(checkMetadata({ ['k'.repeat(40)]: 'v' }).ok).toBe(true);

    const long = checkMetadata({ bio: 'é'.repeat(601) });
    expect(long).toMatchObject({ ok: false, field: 'metadata.bio', code: 'metadata_value_too_long' });
    if (!long.ok) expect(long.message).not.toContain('éé');
    expect(checkMetadata({ bio: 'é'.repeat(600) }).ok).toBe(true);
    expect(checkMetadata({ big: { list: 'x'.repeat(600) } })).toMatchObject({
      ok: false,
      code: 'metadata_value_too_long',
    });
    expect(checkMetadata({ n: Number.NaN })).toMatchObject({ ok: false, code: 'metadata_invalid_value' });
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('jane.doe@acme.com')).toBe('j***@acme.com');
    expect(maskEmail(' Émile@example.org ')).toBe('É***@example.org');
    expect(maskEmail('not an email')).toBe('***');
  });
});

describe('the plain ASCII email check', () => {
  it('never accepts an address the full checks refuse', () => {
    // Mostly well-formed pieces with a few odd characters, so that both answers come up often.
    const unit = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'Z', '0', 'x', 'n') },
      { weight: 1, arbitrary: fc.constantFrom('.', '-', '_', '+', '@', ' ', 'é', '"', '(', '\\', '!', '~', '\u00a0') },
    );
    const piece = (maxLength: number) => fc.string({ unit, minLength: 0, maxLength });
    const address = fc.oneof(
      fc.string({ unit, maxLength: 30 }),
      fc
        .tuple(
          fc.array(piece(24), { minLength: 1, maxLength: 4 }),
          fc.array(piece(8), { minLength: 1, maxLength: 3 }),
          fc.constantFrom('com', 'c', 'xn--p1ai', 'c0m', 'uk', '', 'ÉÉ'),
        )
        .map(([local, domain, tld]) => `${local.join('.')}@${domain.join('.')}.${tld}`),
    );
    let accepted = 0;
    fc.assert(
      fc.property(address, (email) => {
        if (!isPlainAsciiEmail(email)) return;
        accepted++;
        expect(emailShapeProblem(email)).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('accepts ordinary addresses', () => {
    for (const email of ['ada@example.com', 'Ada.Lovelace+tag@Example.co.uk', "o'brien@example.org", 'a-b@x-1.io']) {
      expect(isPlainAsciiEmail(email)).toBe(true);
    }
    expect(isPlainAsciiEmail(`${'a'.repeat(65)}@example.com`)).toBe(false);
  });
});
