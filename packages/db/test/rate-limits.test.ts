import { describe, expect, it } from 'vitest';
import { pruneRateLimits, takeRateLimit } from '../src/index.ts';
import { openDb } from './open-db.ts';

const rule = { limit: 2, windowMs: 1000 };

describe.each(['memory', 'file'] as const)('rate limits (%s)', (kind) => {
  it('allows `limit` requests in a window, then says when the window ends', async () => {
    const db = await openDb(kind);
    expect(await takeRateLimit(db, 'submit:a', 0, rule)).toEqual({ allowed: true });
    expect(await takeRateLimit(db, 'submit:a', 100, rule)).toEqual({ allowed: true });
    expect(await takeRateLimit(db, 'submit:a', 400, rule)).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(await takeRateLimit(db, 'submit:b', 400, rule)).toEqual({ allowed: true });
  });

  it('starts a new window once the old one has passed', async () => {
    const db = await openDb(kind);
    for (const now of [0, 1, 2]) await takeRateLimit(db, 'submit:a', now, rule);
    expect(await takeRateLimit(db, 'submit:a', 1000, rule)).toEqual({ allowed: true });
  });

  it('counts concurrent requests without losing any', async () => {
    const db = await openDb(kind);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => takeRateLimit(db, 'submit:c', i, rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(2);
  });

  it('forgets windows that began before the cut, and a forgotten key starts afresh', async () => {
    const db = await openDb(kind);
    const rule = { limit: 1, windowMs: 1000 };
    await takeRateLimit(db, 'old', 0, rule);
    await takeRateLimit(db, 'recent', 5000, rule);
    expect(await pruneRateLimits(db, 4000)).toBe(1);
    expect(await takeRateLimit(db, 'recent', 5001, rule)).toEqual({ allowed: false, retryAfterMs: 999 });
    expect(await takeRateLimit(db, 'old', 5001, rule)).toEqual({ allowed: true });
  });
});
