import { randomBytes } from 'node:crypto';

// Crockford base32, the ULID alphabet: ids sort as strings in the order they were made, which is
// what lets list cursors work by id the way WorkOS's do.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const RANDOM_BITS = 80n;

/** Makes `user_01…`-style ids that strictly increase, even within one millisecond. */
export class IdGenerator {
  private lastTime = 0;
  private lastRandom = 0n;

  constructor(private readonly now: () => number = Date.now) {}

  next(prefix: string): string {
    let time = this.now();
    if (time <= this.lastTime) {
      time = this.lastTime;
      this.lastRandom = (this.lastRandom + 1n) & ((1n << RANDOM_BITS) - 1n);
    } else {
      this.lastTime = time;
      // Leave headroom so a burst within one millisecond never wraps around.
      this.lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 8n;
    }
    return `${prefix}_${encode(BigInt(time), TIME_CHARS)}${encode(this.lastRandom, RANDOM_CHARS)}`;
  }
}

function encode(value: bigint, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(rest & 31n)]! + out;
    rest >>= 5n;
  }
  return out;
}
