import type { Passwords } from './deps.ts';
import {
  formatHash,
  formatPbkdf2Hash,
  KEY_BYTES,
  parseHash,
  passwordBytes,
  PRODUCTION_PBKDF2,
  PRODUCTION_SCRYPT,
  SALT_BYTES,
  type HashAlgorithm,
  type ParsedHash,
  type Pbkdf2Cost,
  type ScryptCost,
} from './password-hash-format.ts';

/** What a runtime brings: its randomness, its two key derivations and a constant-time compare. */
export interface HashPrimitives {
  randomBytes(length: number): Uint8Array;
  scrypt(password: Uint8Array, salt: Uint8Array, cost: ScryptCost, length: number): Promise<Uint8Array>;
  pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array>;
  equal(a: Uint8Array, b: Uint8Array): boolean;
}

/** The costs new hashes are made at; tests lower them. */
export interface HashCosts {
  scrypt: ScryptCost;
  pbkdf2: Pbkdf2Cost;
}

export const PRODUCTION_COSTS: HashCosts = { scrypt: PRODUCTION_SCRYPT, pbkdf2: PRODUCTION_PBKDF2 };

/** A hash without its key: what deriving needs. Distributes over the formats, so each keeps its own cost. */
type Head = ParsedHash extends infer Format ? (Format extends ParsedHash ? Omit<Format, 'key'> : never) : never;

async function derive(primitives: HashPrimitives, password: Uint8Array, head: Head, length: number): Promise<Uint8Array> {
  if (head.algorithm === 'scrypt') return primitives.scrypt(password, head.salt, head.cost, length);
  let key = head.salt;
  for (let round = 0; round < head.cost.rounds; round++) key = await primitives.pbkdf2Sha256(password, key, head.cost.iterations, length);
  return key;
}

const sameCost = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Hashes in the runtime's `preferred` format and verifies both formats, so a database written by Node serves
 * a Worker and back. `needsRehash` names a verified hash worth replacing: another format or another cost.
 */
export function createPasswords(primitives: HashPrimitives, preferred: HashAlgorithm, costs: HashCosts): Passwords {
  const preferredHead = (): Head =>
    preferred === 'scrypt'
      ? { algorithm: 'scrypt', cost: costs.scrypt, salt: primitives.randomBytes(SALT_BYTES) }
      : { algorithm: 'pbkdf2-sha256', cost: costs.pbkdf2, salt: primitives.randomBytes(SALT_BYTES) };
  return {
    async hash(password) {
      const head = preferredHead();
      const key = await derive(primitives, passwordBytes(password), head, KEY_BYTES);
      return head.algorithm === 'scrypt' ? formatHash(head.cost, head.salt, key) : formatPbkdf2Hash(head.cost, head.salt, key);
    },
    async verify(password, hash) {
      const parsed = parseHash(hash);
      if (!parsed) return false;
      const key = await derive(primitives, passwordBytes(password), parsed, parsed.key.length);
      return key.length === parsed.key.length && primitives.equal(key, parsed.key);
    },
    needsRehash(hash) {
      const parsed = parseHash(hash);
      if (!parsed) return false;
      return parsed.algorithm !== preferred || !sameCost(parsed.cost, parsed.algorithm === 'scrypt' ? costs.scrypt : costs.pbkdf2);
    },
  };
}
