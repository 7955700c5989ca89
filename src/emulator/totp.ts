import { createHmac, timingSafeEqual } from 'node:crypto';

// RFC 6238 TOTP with the parameters WorkOS uses for developer-provided secrets: HMAC-SHA-1,
// 6 digits, a 30-second step. The stand-in checks codes with it the way WorkOS does, so a test
// that computes a code from a source's secret proves the secret arrived intact.

const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The bytes of a Base32 text (RFC 4648; case, spaces and padding ignored), or undefined if it is not Base32. */
export function decodeBase32(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    const index = BASE32_ALPHABET.indexOf(c);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The code of `key` for the time step holding `atMs`. */
export function totpCode(key: Buffer, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / STEP_SECONDS)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** Whether `code` is the code of `key` now, or one step before or after (clocks drift). */
export function verifyTotp(key: Buffer, code: string, nowMs: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return [-1, 0, 1].some((step) => {
    const expected = Buffer.from(totpCode(key, nowMs + step * STEP_SECONDS * 1000));
    return timingSafeEqual(expected, Buffer.from(code));
  });
}
