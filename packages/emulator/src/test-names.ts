import fc from 'fast-check';

/**
 * Names a plain object answers from its prototype: every property of `Object.prototype` (`__proto__`,
 * `constructor`, `toString`, `hasOwnProperty`, `valueOf` …) and a few more that JavaScript treats specially.
 */
export const HOSTILE_NAMES: readonly string[] = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'length', 'name', 'then'];

/**
 * Names of 1 to `max` characters from `charClass` (a regular expression class such as `[\w+=,.@-]`): the
 * hostile names it allows, in their case and lower-cased, and random ones.
 */
export function nameArbitrary(charClass: string, max: number): fc.Arbitrary<string> {
  const pattern = new RegExp(`^${charClass}{1,${max}}$`);
  const hostile = [...new Set(HOSTILE_NAMES.flatMap((n) => [n, n.toLowerCase()]))].filter((n) => pattern.test(n));
  return fc.oneof(fc.constantFrom(...hostile), fc.stringMatching(pattern));
}
