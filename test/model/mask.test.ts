import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetSecretsForTests,
  registerSecret,
  registerSecretsFromEnvironment,
  scrubJson,
  scrubText,
  scrubValue,
} from '../../src/model/mask.js';

// C0 but LF and tab, DEL, C1, bidi marks and overrides, and the Unicode line breaks.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

afterEach(() => forgetSecretsForTests());

describe('scrubValue', () => {
  it('masks a WorkOS error body that echoes the request, whether the key was registered or not', () => {
    const body =
      'WorkOS rejected the record (400 bad_request): Could not create user (request authorized as Bearer sk_test_a1B2c3D4e5)';
    expect(scrubValue(body)).not.toMatch(/a1B2c3D4e5/);
    expect(scrubValue(body)).toContain('Bearer [secret]');
    // Put together here: no string in the repository looks like a live key.
    const live = ['sk', 'live', 'Zz9Yy8Xx7'].join('_');
    expect(scrubValue(`key ${live}`)).toBe('key sk_live_[secret]');
    expect(scrubValue('(authorization: bearer sk_test_Q1w2E3r4)')).toBe('(authorization: bearer [secret])');
    expect(scrubValue(`token ghs_${'a1B2'.repeat(9)} refused`)).toBe('token [secret] refused');
    // Ordinary words stay.
    expect(scrubValue('the bearer of the basic plan')).toBe('the bearer of the basic plan');

    registerSecret('sk_test_a1B2c3D4e5');
    expect(scrubValue(`req_000001 ${'sk_test_a1B2c3D4e5'}`)).toBe('req_000001 [secret]');
  });

  it('masks registered secrets of any shape, also URL-encoded and Base64 as an error body may quote them', () => {
    registerSecretsFromEnvironment({
      MIGRATE_TO_WORKOS_PASSPHRASE: 'correct horse/battery',
      AUTH0_CLIENT_SECRET: 'auth0-client-secret-value',
      CLERK_SECRET_KEY: 'clerk+secret=key',
    });
    const text = [
      'pass correct horse/battery',
      'client_secret=auth0-client-secret-value',
      encodeURIComponent('correct horse/battery'),
      Buffer.from('clerk+secret=key').toString('base64'),
    ].join(' ');
    const scrubbed = scrubValue(text);
    expect(scrubbed).not.toMatch(/horse|auth0-client|clerk\+secret/);
    expect(scrubbed).not.toContain(Buffer.from('clerk+secret=key').toString('base64'));
  });

  it('masks emails, inside source ids too, unless the reports may keep them', () => {
    expect(scrubValue('user samlp|acme|ann@corp.example not found')).toBe(
      'user samlp|acme|a***@corp.example not found',
    );
    expect(scrubValue('ann@corp.example', { keepEmails: true })).toBe('ann@corp.example');
  });

  it('masks password hashes', () => {
    expect(scrubValue('bad $2b$10$abcdefghijklmnopqrstuv')).toBe('bad [hash]');
  });

  it('puts a value on one line with no control characters', () => {
    expect(scrubValue('google\n::warning::x')).toBe('google ::warning::x');
    expect(scrubValue('a\u001b[31mred\u0000\u202eevil\r\n')).toBe('a\ufffd[31mred\ufffd\ufffdevil ');
  });

  it('property: no output holds a registered secret or a control character, whatever the input', () => {
    const secret = fc.string({ minLength: 4, maxLength: 12, unit: 'grapheme-ascii' });
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('\n', '\r', '\u001b', '\u0000', '\u202e', '\u0085', '@', 'sk_test_', 'Bearer ', '[secret]'),
    );
    fc.assert(
      fc.property(
        fc.array(secret, { minLength: 1, maxLength: 3 }),
        fc.array(piece, { maxLength: 12 }),
        (secrets, pieces) => {
          forgetSecretsForTests();
          for (const s of secrets) registerSecret(s);
          const registered = secrets.filter((s) => s.trim().length >= 4).map((s) => s.trim());
          // Secrets placed in the input, whole and next to each other.
          const input = pieces.flatMap((p, i) => [p, registered[i % Math.max(registered.length, 1)] ?? '']).join('');
          for (const keepEmails of [false, true]) {
            const value = scrubValue(input, { keepEmails });
            const text = scrubText(input, { keepEmails });
            expect(value).not.toMatch(CONTROL);
            expect(value).not.toContain('\n');
            expect(text).not.toMatch(CONTROL);
            for (const s of registered) {
              expect(value).not.toContain(s);
              expect(text).not.toContain(s);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('scrubText', () => {
  it('keeps our line breaks but no line can start a workflow command', () => {
    const out = scrubText('social sign-in: 1 google\n::warning::x\n  ##[error]y\nok');
    expect(out.split('\n').filter((line) => /^\s*(::|##\[)/.test(line))).toEqual([]);
    expect(out.split('\n')).toHaveLength(4);
  });
});

describe('scrubJson', () => {
  it('scrubs keys and values and keeps prototype names as plain keys', () => {
    const counts = Object.assign(Object.create(null) as Record<string, number>, {
      constructor: 1,
      ['__proto__']: 2,
      'x\n::warning::y': 3,
    });
    const json = JSON.parse(JSON.stringify(scrubJson({ social: counts, fatal: 'Bearer abc.def' }))) as {
      social: Record<string, number>;
      fatal: string;
    };
    expect(Object.keys(json.social)).toEqual(['constructor', '__proto__', 'x ::warning::y']);
    expect(json.fatal).toBe('Bearer [secret]');
  });

  it('adds up the counts of two names that scrub alike', () => {
    const counts = { 'a\nb': 1, 'a b': 2 };
    expect(JSON.stringify(scrubJson(counts))).toBe('{"a b":3}');
  });
});
