import { describe, expect, it } from 'vitest';
import { clearFailures, findThrottles, releaseAttempt, reserveAttempt, settleFailure, type ThrottleRule, type ThrottleSlot } from '../src/index.ts';
import { openDb } from './open-db.ts';

const rule: ThrottleRule = { maxFailures: 3, windowMs: 1000, lockMs: 5000, maxLockMs: 20_000 };
const slot = (key: string, r: ThrottleRule = rule): ThrottleSlot => ({ key, rule: r });

/** Reserves and fails one attempt on `slots` at `now`; false when the reservation was refused. */
async function fail(db: Awaited<ReturnType<typeof openDb>>, slots: ThrottleSlot[], now: number): Promise<boolean> {
  const result = await reserveAttempt(db, slots, now);
  if (result.granted) await settleFailure(db, result.reservations, now);
  return result.granted;
}

describe.each(['memory', 'file'] as const)('attempt throttles (%s)', (kind) => {
  it('grants attempts while the key has room, and a failure that fills it locks it', async () => {
    const db = await openDb(kind);
    for (const now of [0, 10, 20]) expect(await fail(db, [slot('k')], now)).toBe(true);
    expect(await findThrottles(db, ['k'])).toEqual([{ key: 'k', failures: 3, windowStartedAt: 0, lockedUntil: 5020, lockouts: 1 }]);
    expect(await reserveAttempt(db, [slot('k')], 30)).toEqual({ granted: false, retryAt: 5020 });
  });

  it('counts attempts in flight, so parallel attempts beyond the limit are refused before any settles', async () => {
    const db = await openDb(kind);
    const results = await Promise.all(Array.from({ length: 10 }, () => reserveAttempt(db, [slot('k')], 0)));
    expect(results.filter((r) => r.granted)).toHaveLength(3);
    expect(results.find((r) => !r.granted)).toEqual({ granted: false, retryAt: 1000 });
  });

  it('doubles each lock in a row up to the rule\'s ceiling, and forgets them after a quiet day', async () => {
    const db = await openDb(kind);
    const lockAt = async (start: number) => {
      for (let i = 0; i < 3; i++) expect(await fail(db, [slot('k')], start)).toBe(true);
      return (await findThrottles(db, ['k']))[0]!.lockedUntil! - start;
    };
    const locks = [];
    let now = 0;
    for (let i = 0; i < 4; i++) {
      const lock = await lockAt(now);
      locks.push(lock);
      now += lock;
    }
    expect(locks).toEqual([5000, 10_000, 20_000, 20_000]);
    expect(await lockAt(now + 24 * 60 * 60 * 1000)).toBe(5000);
  });

  it('refuses on any full key, gives the others their slot back, and names the latest time a key frees up', async () => {
    const db = await openDb(kind);
    const wide = { ...rule, maxFailures: 100 };
    for (let i = 0; i < 3; i++) await fail(db, [slot('narrow')], 0);
    expect(await reserveAttempt(db, [slot('wide', wide), slot('narrow')], 100)).toEqual({ granted: false, retryAt: 5000 });
    expect(await findThrottles(db, ['wide'])).toMatchObject([{ failures: 0 }]);
  });

  it('releases a success within its own window only, and starts a new window once the old one has passed', async () => {
    const db = await openDb(kind);
    const first = await reserveAttempt(db, [slot('k')], 0);
    const second = await reserveAttempt(db, [slot('k')], 10);
    if (!first.granted || !second.granted) throw new Error('expected both to be granted');
    await releaseAttempt(db, first.reservations);
    expect(await findThrottles(db, ['k'])).toMatchObject([{ failures: 1, windowStartedAt: 0 }]);
    await reserveAttempt(db, [slot('k')], 1000);
    await releaseAttempt(db, second.reservations);
    expect(await findThrottles(db, ['k'])).toMatchObject([{ failures: 1, windowStartedAt: 1000 }]);
  });

  it('forgets a key when cleared', async () => {
    const db = await openDb(kind);
    await fail(db, [slot('k')], 0);
    await clearFailures(db, 'k');
    expect(await findThrottles(db, ['k'])).toEqual([]);
  });
});
