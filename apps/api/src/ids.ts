import type { Clock, Ids } from './deps.ts';

// Crockford's base32, as ULID specifies: no I, L, O, U.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_BYTES = 10;

export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** ULIDs: 48 bits of milliseconds then 80 random bits, 26 characters that sort by time. */
export function createUlids(clock: Clock, randomBytes: RandomBytes = cryptoRandomBytes): Ids {
  return {
    next() {
      let time = clock.now();
      let head = '';
      for (let i = 0; i < TIME_CHARS; i++) {
        head = ALPHABET[time % 32] + head;
        time = Math.floor(time / 32);
      }
      return head + encodeRandom(randomBytes(RANDOM_BYTES));
    },
  };
}

function encodeRandom(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
    }
  }
  return out;
}
