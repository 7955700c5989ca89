import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/model/stable-json.js';
import { inputDigest } from '../../src/model/digest.js';

// Journals and checkpoints written by earlier versions hold these digests: a rerun compares
// them to tell "already done" from "changed since". They were computed by the first
// implementation (Object.entries, filter, sort, map, join; createHash) and must never change.
const PINNED: [string, unknown, string][] = [
  [
    'a plain user',
    {
      email: 'user0@synthetic.example.com',
      emailVerified: false,
      firstName: 'Given0',
      lastName: 'Family0',
      externalId: 'auth0|000000000000000000000000',
      metadata: undefined,
      password: { type: 'bcrypt', hash: '$2b$10$..KTahov29ELSZgnu18DKRYfmt07CJQXelsz65IPWdkry5AHOVcjq' },
    },
    '81b0fb263b827fd8f8aa',
  ],
  [
    'a user without names or password',
    {
      email: 'a@example.com',
      emailVerified: true,
      firstName: undefined,
      lastName: undefined,
      externalId: 'google-oauth2|1',
      metadata: undefined,
      password: undefined,
    },
    '10fa1c73dcb483c05dc6',
  ],
  [
    'a user with metadata',
    {
      email: 'Ünï@exämple.com',
      emailVerified: true,
      firstName: 'Zoë "Z"',
      externalId: 'auth0|x',
      metadata: { plan: 'pro', Zeta: '1', alpha: 'a\nb', é: '\u2028', '10': 'n', '2': 'm' },
    },
    '321e7b8ab088f9a89d66',
  ],
  [
    'an organization',
    { name: 'Acme', externalId: 'org_1', domains: ['acme.com', 'acme.io'], metadata: { tier: 'gold' } },
    'c84be584d11921a22a4d',
  ],
  ['roles', { roles: ['admin', 'member'] }, 'a681e7b05322f9364aac'],
  ['a password', { type: 'bcrypt', hash: '$2a$12$abcdefghijklmnopqrstuu' }, '69a53ae40f0a834f74fa'],
  [
    'nested values',
    { b: [1, 2.5, -0, 1e21, null, true, { y: [], x: {} }], a: '\ud800', c: 'tab\there' },
    '8a5dc3edcbb215031b55',
  ],
];

/** The first implementation, kept here as the reference the fast one must match byte for byte. */
function referenceStableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceStableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceStableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('inputDigest', () => {
  it.each(PINNED)('keeps the digest of %s', (_, input, digest) => {
    expect(inputDigest(input)).toBe(digest);
  });
});

describe('stableJson', () => {
  it('writes what the first implementation wrote, for any value', () => {
    const odd = fc.constantFrom(undefined, () => 1, Symbol('s'), new Date(0), -0, Number.NaN);
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.jsonValue({ maxDepth: 1 }), odd),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 5 }),
        fc.array(tie('node'), { maxLength: 3 }).map((items) => {
          const sparse = [...items];
          sparse.length += 2;
          return sparse;
        }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(stableJson(v)).toBe(referenceStableJson(v));
      }),
      { numRuns: 2000 },
    );
  });
});
