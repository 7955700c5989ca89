import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecretsForTests, registerTokenSecret, scrubJson, scrubText, scrubValue } from '../../src/model/mask.js';

// TOTP secrets come by the thousand: the scrubber holds them in a set and masks each one where
// it stands as a token, in any case, the way an API error body or a URI would quote it.

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

afterEach(() => forgetSecretsForTests());

describe('registerTokenSecret', () => {
  it('masks a registered secret wherever it stands as a token, in any case', () => {
    registerTokenSecret(SECRET);
    expect(scrubValue(`{"totp_secret":"${SECRET}"}`)).toBe('{"totp_secret":"[secret]"}');
    expect(scrubValue(`otpauth://totp/A:b?secret=${SECRET.toLowerCase()}&issuer=A`)).toBe(
      'otpauth://totp/A:b?secret=[secret]&issuer=A',
    );
    expect(scrubText(`line one\nrefused ${SECRET}.`)).toBe('line one\nrefused [secret].');
    expect(JSON.stringify(scrubJson({ message: `bad ${SECRET}` }))).toBe('{"message":"bad [secret]"}');
  });

  it('takes a secret as authenticator apps show it (lower case, groups of four, padding)', () => {
    registerTokenSecret('jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp');
    expect(scrubValue(`got ${SECRET}`)).toBe('got [secret]');
  });

  it('leaves other text alone, and scales to many secrets', () => {
    for (let i = 0; i < 100_000; i++) registerTokenSecret(`SECRET${i.toString().padStart(10, 'A')}`);
    registerTokenSecret(SECRET);
    const started = Date.now();
    for (let i = 0; i < 10_000; i++) scrubValue(`user_2lBrunoCastillo000000002 has ${SECRET} and more words here`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(scrubValue('user_2lBrunoCastillo000000002 is fine')).toBe('user_2lBrunoCastillo000000002 is fine');
  });
});
