import { clearFailures, findThrottles, recordFailure } from '@skylab/db';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';

type ThrottleDeps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

export interface ThrottleKeys {
  account: string;
  ip: string;
}

export function throttleKeys(email: string, ip: string | undefined): ThrottleKeys {
  return { account: `account:${email}`, ip: `ip:${ip ?? 'unknown'}` };
}

/** 429 with `Retry-After` while either the account or the address is locked. */
export async function assertNotThrottled(deps: ThrottleDeps, keys: ThrottleKeys): Promise<void> {
  const now = deps.clock.now();
  const lockedUntil = Math.max(0, ...(await findThrottles(deps.db, [keys.account, keys.ip])).map((row) => row.lockedUntil ?? 0));
  if (lockedUntil <= now) return;
  const seconds = Math.ceil((lockedUntil - now) / 1000);
  throw new ApiError(429, 'too_many_attempts', `too many failed sign-ins: try again in ${seconds} seconds`, undefined, {
    'Retry-After': String(seconds),
  });
}

export async function recordSignInFailure(deps: ThrottleDeps, keys: ThrottleKeys): Promise<void> {
  const now = deps.clock.now();
  const rules = deps.config.signInThrottle;
  await Promise.all([recordFailure(deps.db, keys.account, now, rules.account), recordFailure(deps.db, keys.ip, now, rules.ip)]);
}

/** A correct password forgives the account's failures; the address keeps its count, or one client could probe many accounts. */
export async function recordSignInSuccess(deps: ThrottleDeps, keys: ThrottleKeys): Promise<void> {
  await clearFailures(deps.db, keys.account);
}
