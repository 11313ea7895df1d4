import fc from 'fast-check';
import { expect, it } from 'vitest';

it('gives property tests a fixed seed in CI and a fresh one elsewhere, unless FC_SEED names one', () => {
  const expected = process.env.FC_SEED ?? (process.env.CI ? '20261123' : undefined);
  expect(fc.readConfigureGlobal().seed).toBe(expected === undefined ? undefined : Number(expected));
});
