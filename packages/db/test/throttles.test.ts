import { describe, expect, it } from 'vitest';
import { clearFailures, findThrottles, recordFailure } from '../src/index.ts';
import { openDb } from './open-db.ts';

const rule = { maxFailures: 3, windowMs: 1000, lockMs: 5000 };

describe.each(['memory', 'file'] as const)('sign-in throttles (%s)', (kind) => {
  it('locks a key once it reaches the limit inside the window', async () => {
    const db = await openDb(kind);
    expect(await recordFailure(db, 'account:a', 0, rule)).toMatchObject({ failures: 1, lockedUntil: null });
    expect(await recordFailure(db, 'account:a', 10, rule)).toMatchObject({ failures: 2, lockedUntil: null });
    expect(await recordFailure(db, 'account:a', 20, rule)).toMatchObject({ failures: 3, lockedUntil: 5020 });
    expect(await findThrottles(db, ['account:a', 'ip:x'])).toHaveLength(1);
  });

  it('starts a new window once the old one has passed', async () => {
    const db = await openDb(kind);
    await recordFailure(db, 'ip:x', 0, rule);
    await recordFailure(db, 'ip:x', 10, rule);
    expect(await recordFailure(db, 'ip:x', 1010, rule)).toMatchObject({ failures: 1, windowStartedAt: 1010, lockedUntil: null });
  });

  it('counts concurrent failures without losing any', async () => {
    const db = await openDb(kind);
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordFailure(db, 'ip:y', i, { ...rule, maxFailures: 100 })));
    expect((await findThrottles(db, ['ip:y']))[0]?.failures).toBe(10);
  });

  it('forgets a key on success', async () => {
    const db = await openDb(kind);
    await recordFailure(db, 'account:a', 0, rule);
    await clearFailures(db, 'account:a');
    expect(await findThrottles(db, ['account:a'])).toEqual([]);
  });
});
