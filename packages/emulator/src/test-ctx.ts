import type { Ctx } from './ctx.ts';

/** A deterministic context for tests: a fixed clock and counting ids. */
export function testCtx(region = 'us-east-1'): Ctx {
  let n = 0;
  return {
    clock: { now: () => Date.UTC(2026, 0, 1) },
    ids: { next: (prefix) => `${prefix}${String(++n).padStart(17, '0')}` },
    accountId: '111122223333',
    region,
  };
}
