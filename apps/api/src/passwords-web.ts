import { scryptAsync } from '@noble/hashes/scrypt.js';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Passwords } from './deps.ts';
import { formatHash, KEY_BYTES, parseHash, passwordBytes, PRODUCTION_SCRYPT, SALT_BYTES, type ScryptCost } from './password-hash-format.ts';

function derive(password: Uint8Array, salt: Uint8Array, cost: ScryptCost, dkLen: number): Promise<Uint8Array> {
  return scryptAsync(password, salt, { N: 2 ** cost.log2N, r: cost.r, p: cost.p, dkLen });
}

/** Pure-JS scrypt for workerd, which has no scrypt in WebCrypto; same hash strings as the Node one. */
export function createWebPasswords(cost: ScryptCost = PRODUCTION_SCRYPT): Passwords {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      return formatHash(cost, salt, await derive(passwordBytes(password), salt, cost, KEY_BYTES));
    },
    async verify(password, hash) {
      const parsed = parseHash(hash);
      if (!parsed) return false;
      return constantTimeEqual(await derive(passwordBytes(password), parsed.salt, parsed.cost, parsed.key.length), parsed.key);
    },
  };
}
