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

/**
 * PBKDF2-HMAC-SHA256, the hash WebCrypto has natively. `rounds` chained runs of `iterations` each, every
 * run salted with the previous run's output, cost `rounds × iterations` iterations per guess: Cloudflare
 * Workers refuse more than 100,000 iterations in one call (cloudflare/workerd#1346), OWASP's Password Storage
 * Cheat Sheet asks for 600,000. With `rounds` 1 it is plain PBKDF2.
 */
export interface Pbkdf2Cost {
  iterations: number;
  rounds: number;
}

export const PRODUCTION_PBKDF2: Pbkdf2Cost = { iterations: 100_000, rounds: 6 };

// The same bounds for PBKDF2: one run within what Workers accept, a total of at most 2,000,000 iterations.
const MAX_ITERATIONS = 100_000;
const MAX_ROUNDS = 20;

export type ParsedHash =
  | { algorithm: 'scrypt'; cost: ScryptCost; salt: Uint8Array; key: Uint8Array }
  | { algorithm: 'pbkdf2-sha256'; cost: Pbkdf2Cost; salt: Uint8Array; key: Uint8Array };

export type HashAlgorithm = ParsedHash['algorithm'];

const encode = encodeBase64NoPadding;

/** `$scrypt$ln=15,r=8,p=3$<salt>$<key>`: the PHC string layout, base64 without padding. */
export function formatHash(cost: ScryptCost, salt: Uint8Array, key: Uint8Array): string {
  return `$scrypt$ln=${cost.log2N},r=${cost.r},p=${cost.p}$${encode(salt)}$${encode(key)}`;
}

/** `$pbkdf2-sha256$i=100000,n=6$<salt>$<key>`, the same layout. */
export function formatPbkdf2Hash(cost: Pbkdf2Cost, salt: Uint8Array, key: Uint8Array): string {
  return `$pbkdf2-sha256$i=${cost.iterations},n=${cost.rounds}$${encode(salt)}$${encode(key)}`;
}

const inRange = (value: number, max: number) => value >= 1 && value <= max;

export function parseHash(text: string): ParsedHash | undefined {
  const scrypt = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(text);
  if (scrypt) {
    const cost = { log2N: Number(scrypt[1]), r: Number(scrypt[2]), p: Number(scrypt[3]) };
    if (!inRange(cost.log2N, MAX_LOG2N) || !inRange(cost.r, MAX_R) || !inRange(cost.p, MAX_P)) return undefined;
    return withBytes({ algorithm: 'scrypt', cost }, scrypt[4]!, scrypt[5]!);
  }
  const pbkdf2 = /^\$pbkdf2-sha256\$i=(\d{1,6}),n=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(text);
  if (pbkdf2) {
    const cost = { iterations: Number(pbkdf2[1]), rounds: Number(pbkdf2[2]) };
    if (!inRange(cost.iterations, MAX_ITERATIONS) || !inRange(cost.rounds, MAX_ROUNDS)) return undefined;
    return withBytes({ algorithm: 'pbkdf2-sha256', cost }, pbkdf2[3]!, pbkdf2[4]!);
  }
  return undefined;
}

function withBytes<T extends Omit<ParsedHash, 'salt' | 'key'>>(head: T, salt: string, key: string): (T & { salt: Uint8Array; key: Uint8Array }) | undefined {
  try {
    return { ...head, salt: decodeBase64IgnorePadding(salt), key: decodeBase64IgnorePadding(key) };
  } catch {
    return undefined;
  }
}

/** NFKC first, so the same password typed on different keyboards and platforms hashes the same. */
export function passwordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize('NFKC'));
}
