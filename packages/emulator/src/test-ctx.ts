import { AwsError } from './errors.ts';
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

/** The AWS error code `run` throws, or undefined when it returns; anything but an `AwsError` is rethrown. */
export function awsErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error.code;
    throw error;
  }
  return undefined;
}
