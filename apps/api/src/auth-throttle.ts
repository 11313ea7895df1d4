import { clearFailures, releaseAttempt, reserveAttempt, settleFailure, type ThrottleReservation, type ThrottleSlot } from '@skylab/db';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';

type ThrottleDeps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** A password check that holds its throttle slots; it must be settled with the check's outcome. */
export interface PasswordAttempt {
  settle(valid: boolean): Promise<void>;
}

/**
 * The keys a password check counts on (OWASP Authentication Cheat Sheet, "Account Lockout"): the account from
 * this address (the tight limit, so an attacker's address is locked out and the owner's devices are not), the
 * account from anywhere (a ceiling against guessing spread over many addresses) and the address over all
 * accounts (against one client probing many accounts; high enough for a classroom behind one NAT).
 */
function passwordSlots(deps: ThrottleDeps, email: string, address: string): { accountIp: ThrottleSlot; others: ThrottleSlot[] } {
  const rules = deps.config.signInThrottle;
  return {
    accountIp: { key: `account-ip:${email}|${address}`, rule: rules.accountIp },
    others: [
      { key: `account:${email}`, rule: rules.account },
      { key: `ip:${address}`, rule: rules.ip },
    ],
  };
}

async function reserve(deps: ThrottleDeps, slots: ThrottleSlot[], reason: string): Promise<ThrottleReservation[]> {
  const now = deps.clock.now();
  const result = await reserveAttempt(deps.db, slots, now);
  if (result.granted) return result.reservations;
  const seconds = Math.ceil((result.retryAt - now) / 1000);
  throw new ApiError(429, 'too_many_attempts', `${reason}: try again in ${seconds} seconds`, undefined, { 'Retry-After': String(seconds) });
}

/**
 * Counts the attempt before the slow hash runs, so parallel guesses cannot all be checked before the first
 * one is counted (429 while a key is locked or full). A failure keeps its count; a success forgives this
 * address's failures on the account and gives the wider keys their slot back, without forgiving what other
 * addresses built up there.
 */
export async function beginPasswordAttempt(deps: ThrottleDeps, email: string, address: string): Promise<PasswordAttempt> {
  const { accountIp, others } = passwordSlots(deps, email, address);
  const reservations = await reserve(deps, [accountIp, ...others], 'too many failed sign-ins');
  return {
    async settle(valid) {
      if (!valid) return settleFailure(deps.db, reservations, deps.clock.now());
      await clearFailures(deps.db, accountIp.key);
      await releaseAttempt(
        deps.db,
        reservations.filter((r) => r.key !== accountIp.key),
      );
    },
  };
}

/**
 * Every sign-up costs a slow hash, so one address may create only so many accounts an hour: otherwise a
 * script could burn the server's CPU (or a Worker's CPU budget) and fill the users table. Counted before
 * the hash, refused or not.
 */
export async function reserveSignUp(deps: ThrottleDeps, address: string): Promise<void> {
  await reserve(deps, [{ key: `sign-up:${address}`, rule: deps.config.signUpThrottle }], 'too many new accounts from this address');
}
