import type { Clock, Ids } from './deps.ts';

// Crockford's base32, as ULID specifies: no I, L, O, U.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_BYTES = 10;

export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/**
 * ULIDs: 48 bits of milliseconds then 80 random bits, 26 characters that sort by time. Within one
 * millisecond the random part counts up (the spec's monotonic mode), so ids from one generator also
 * sort in the order they were made.
 */
export function createUlids(clock: Clock, randomBytes: RandomBytes = cryptoRandomBytes): Ids {
  let lastTime = -1;
  let random: Uint8Array = new Uint8Array(RANDOM_BYTES);
  return {
    next() {
      const now = clock.now();
      if (now === lastTime) increment(random);
      else random = randomBytes(RANDOM_BYTES);
      lastTime = now;
      let time = now;
      let head = '';
      for (let i = 0; i < TIME_CHARS; i++) {
        head = ALPHABET[time % 32] + head;
        time = Math.floor(time / 32);
      }
      return head + encodeRandom(random);
    },
  };
}

/** Adds one to a big-endian number; 2^80 ids in one millisecond will not happen, so overflow just wraps. */
function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i--) {
    bytes[i] = (bytes[i]! + 1) & 0xff;
    if (bytes[i] !== 0) return;
  }
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
