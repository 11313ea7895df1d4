import type { Ctx } from '@skylab/emulator';

/** A deterministic context for tests: a fixed clock and counting ids. */
export function testCtx(accountId = '111122223333'): Ctx {
  let n = 0;
  return {
    clock: { now: () => Date.UTC(2026, 0, 1) },
    ids: { next: (prefix) => `${prefix}${String(++n).padStart(17, '0')}` },
    accountId,
    region: 'us-east-1',
  };
}
