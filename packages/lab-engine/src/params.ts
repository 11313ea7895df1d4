import type { Lab } from '@skylab/validation';
import { seededRandom } from './prng.ts';

/**
 * Draws every param of a lab from a seed. Each param has its own stream (seeded by the seed and the
 * param's name), so adding a param to a lab does not change the values of the others.
 */
export function resolveParams(lab: Lab, seed: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(lab.params)) {
    const next = seededRandom(`${seed}\u0000${name}`);
    const pick = (count: number) => Math.min(count - 1, Math.floor(next() * count));
    switch (param.kind) {
      case 'account-id':
        // No leading zero, so the id never looks like a shorter number to a learner or a YAML reader.
        params[name] = String(1 + pick(9)) + Array.from({ length: 11 }, () => String(pick(10))).join('');
        break;
      case 'choice':
        params[name] = param.values[pick(param.values.length)] ?? '';
        break;
      case 'integer':
        params[name] = String(param.min + pick(param.max - param.min + 1));
        break;
    }
  }
  return params;
}

/** Stand-ins for a lab shown before an attempt exists: `<accountId>` for `{{ accountId }}`. */
export function placeholderParams(lab: Lab): Record<string, string> {
  return Object.fromEntries(Object.keys(lab.params).map((name) => [name, `<${name}>`]));
}
