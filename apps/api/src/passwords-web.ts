import { scryptAsync } from '@noble/hashes/scrypt.js';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Passwords } from './deps.ts';
import { createPasswords, PRODUCTION_COSTS, type HashCosts, type HashPrimitives } from './password-hasher.ts';

const webPrimitives: HashPrimitives = {
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  scrypt: (password, salt, cost, length) => scryptAsync(password, salt, { N: 2 ** cost.log2N, r: cost.r, p: cost.p, dkLen: length }),
  pbkdf2Sha256: async (password, salt, iterations, length) => {
    // copies: WebCrypto takes only views over a plain ArrayBuffer
    const key = await crypto.subtle.importKey('raw', new Uint8Array(password), 'PBKDF2', false, ['deriveBits']);
    return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, key, length * 8));
  },
  equal: constantTimeEqual,
};

/**
 * WebCrypto's native PBKDF2 for workerd, where scrypt is pure JS and costs ~0.4 s of CPU per hash; scrypt
 * hashes Node wrote verify too (through `@noble/hashes`) and are rehashed at the next sign-in.
 */
export function createWebPasswords(costs: HashCosts = PRODUCTION_COSTS): Passwords {
  return createPasswords(webPrimitives, 'pbkdf2-sha256', costs);
}
