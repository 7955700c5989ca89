import { describe, expect, it } from 'vitest';
import { StringMap } from '../../src/compact/string-map.js';

describe('StringMap', () => {
  it('gives back the newest value of each key, and nothing for a key never set', () => {
    const map = new StringMap();
    for (let i = 0; i < 5000; i++) map.set(`auth0|${i}`, `user_${i}`);
    map.set('auth0|7', 'user_again');
    expect(map.size).toBe(5000);
    expect(map.get('auth0|4999')).toBe('user_4999');
    expect(map.get('auth0|7')).toBe('user_again');
    expect(map.get('auth0|5000')).toBeUndefined();
    expect(map.set('ümlaut|1', '')).toBe(map);
    expect(map.get('ümlaut|1')).toBe('');
    expect(map.has('ümlaut|1')).toBe(true);
  });
});
