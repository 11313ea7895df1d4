import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Passwords } from './deps.ts';
import { formatHash, KEY_BYTES, parseHash, passwordBytes, PRODUCTION_SCRYPT, SALT_BYTES, type ScryptCost } from './password-hash-format.ts';

function derive(password: Uint8Array, salt: Uint8Array, cost: ScryptCost, length: number): Promise<Uint8Array> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) => {
    // Node refuses anything above 32 MiB by default; allow the cost's own need with room to spare.
    scrypt(password, salt, length, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key)),
    );
  });
}

/** Native scrypt on Node's thread pool, so hashing does not block the event loop. */
export function createNodePasswords(cost: ScryptCost = PRODUCTION_SCRYPT): Passwords {
  return {
    async hash(password) {
      const salt = new Uint8Array(randomBytes(SALT_BYTES));
      return formatHash(cost, salt, await derive(passwordBytes(password), salt, cost, KEY_BYTES));
    },
    async verify(password, hash) {
      const parsed = parseHash(hash);
      if (!parsed) return false;
      const key = await derive(passwordBytes(password), parsed.salt, parsed.cost, parsed.key.length);
      return timingSafeEqual(key, parsed.key);
    },
  };
}
