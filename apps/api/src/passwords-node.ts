import { pbkdf2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Passwords } from './deps.ts';
import { createPasswords, PRODUCTION_COSTS, type HashCosts, type HashPrimitives } from './password-hasher.ts';

const nodePrimitives: HashPrimitives = {
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
  scrypt: (password, salt, cost, length) => {
    const N = 2 ** cost.log2N;
    return new Promise((resolve, reject) => {
      // Node refuses anything above 32 MiB by default; allow the cost's own need with room to spare.
      scrypt(password, salt, length, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }, (error, key) =>
        error ? reject(error) : resolve(new Uint8Array(key)),
      );
    });
  },
  pbkdf2Sha256: (password, salt, iterations, length) =>
    new Promise((resolve, reject) => {
      pbkdf2(password, salt, iterations, length, 'sha256', (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))));
    }),
  equal: (a, b) => timingSafeEqual(a, b),
};

/**
 * Native scrypt on Node's thread pool (so hashing does not block the event loop), the memory-hard choice
 * where it is cheap; PBKDF2 hashes a Worker wrote verify too and are rehashed at the next sign-in.
 */
export function createNodePasswords(costs: HashCosts = PRODUCTION_COSTS): Passwords {
  return createPasswords(nodePrimitives, 'scrypt', costs);
}
