import { decodeBase64IgnorePadding, encodeBase64NoPadding } from '@oslojs/encoding';

/** scrypt's cost: N = 2^log2N, block size r, parallelism p. Memory is 128 · N · r bytes. */
export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt floor, in the variant that needs 32 MiB (N=2^15, r=8, p=3), so it fits a Worker's
 * 128 MB next to everything else; N=2^17, p=1 would need 128 MiB on its own.
 */
export const PRODUCTION_SCRYPT: ScryptCost = { log2N: 15, r: 8, p: 3 };

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

// Hashes come from our own database, but a bound still keeps a corrupted row from exhausting memory.
const MAX_LOG2N = 20;
const MAX_R = 32;
const MAX_P = 16;

export interface ParsedHash {
  cost: ScryptCost;
  salt: Uint8Array;
  key: Uint8Array;
}

/** `$scrypt$ln=15,r=8,p=3$<salt>$<key>`: the PHC string layout, base64 without padding. */
export function formatHash(cost: ScryptCost, salt: Uint8Array, key: Uint8Array): string {
  return `$scrypt$ln=${cost.log2N},r=${cost.r},p=${cost.p}$${encodeBase64NoPadding(salt)}$${encodeBase64NoPadding(key)}`;
}

export function parseHash(text: string): ParsedHash | undefined {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(text);
  if (!match) return undefined;
  const [, ln, r, p, salt, key] = match;
  const cost = { log2N: Number(ln), r: Number(r), p: Number(p) };
  if (cost.log2N < 1 || cost.log2N > MAX_LOG2N || cost.r < 1 || cost.r > MAX_R || cost.p < 1 || cost.p > MAX_P) return undefined;
  try {
    return { cost, salt: decodeBase64IgnorePadding(salt!), key: decodeBase64IgnorePadding(key!) };
  } catch {
    return undefined;
  }
}

/** NFKC first, so the same password typed on different keyboards and platforms hashes the same. */
export function passwordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize('NFKC'));
}
