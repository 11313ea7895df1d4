import { sha256 } from '@oslojs/crypto/sha2';
import type { Clock } from '../../src/deps.ts';
import type { RandomBytes } from '../../src/ids.ts';

/** 2026-01-05T09:00:00Z: a fixed instant so ids, expiries and timestamps are the same on every run. */
export const FIXED_NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface TestClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function fixedClock(start: number = FIXED_NOW): TestClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

/** Bytes from SHA-256 of `seed/counter`: reproducible, and different on every call. */
export function seededRandomBytes(seed: string): RandomBytes {
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let filled = 0; filled < length; filled += 32) {
      out.set(sha256(new TextEncoder().encode(`${seed}/${counter++}`)).subarray(0, length - filled), filled);
    }
    return out;
  };
}
