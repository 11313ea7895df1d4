import { seededRandom } from '../prng.ts';

/** Joins the parts of a stream name with NUL, which no id contains, so `a` + `b-c` and `a-b` + `c` never collide. */
export function stream(...parts: string[]): string {
  return parts.join('\u0000');
}

/** A Fisher–Yates shuffle of a copy of `values` from the seeded stream `seed`: the same seed, the same order. */
export function seededShuffle<T>(values: readonly T[], seed: string): T[] {
  const next = seededRandom(seed);
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(next() * (i + 1)));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A shuffle that never shows the authored order when the authored order is the key (ordering steps): a
 * shuffle that happens to be the identity is rotated by one, so the display never gives the answer away.
 */
export function shuffleAway<T>(values: readonly T[], seed: string): T[] {
  const out = seededShuffle(values, seed);
  const identity = out.every((value, i) => value === values[i]);
  return identity && out.length > 1 ? [...out.slice(1), out[0] as T] : out;
}
