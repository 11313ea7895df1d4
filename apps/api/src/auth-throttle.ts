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

/** 429 with `Retry-After` while any of the keys is locked. */
async function assertUnlocked(deps: ThrottleDeps, keys: string[], reason: string): Promise<void> {
  const now = deps.clock.now();
  const lockedUntil = Math.max(0, ...(await findThrottles(deps.db, keys)).map((row) => row.lockedUntil ?? 0));
  if (lockedUntil <= now) return;
  const seconds = Math.ceil((lockedUntil - now) / 1000);
  throw new ApiError(429, 'too_many_attempts', `${reason}: try again in ${seconds} seconds`, undefined, { 'Retry-After': String(seconds) });
}

/** Refuses a sign-in while either the account or the address is locked. */
export function assertNotThrottled(deps: ThrottleDeps, keys: ThrottleKeys): Promise<void> {
  return assertUnlocked(deps, [keys.account, keys.ip], 'too many failed sign-ins');
}

const signUpKey = (ip: string | undefined) => `sign-up:${ip ?? 'unknown'}`;

/**
 * Every sign-up costs a memory-hard hash, so one address may create only so many accounts an hour:
 * otherwise a script could burn the server's CPU (or a Worker's CPU budget) and fill the users table.
 */
export function assertSignUpAllowed(deps: ThrottleDeps, ip: string | undefined): Promise<void> {
  return assertUnlocked(deps, [signUpKey(ip)], 'too many new accounts from this address');
}

export async function recordSignUp(deps: ThrottleDeps, ip: string | undefined): Promise<void> {
  await recordFailure(deps.db, signUpKey(ip), deps.clock.now(), deps.config.signUpThrottle);
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
