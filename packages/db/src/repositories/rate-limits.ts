import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateLimits } from '../schema.ts';

/** At most `limit` requests per key in each window of `windowMs`. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one request for `key` and says whether it is within the rule, in a single upsert so concurrent
 * requests (from many Worker isolates) all count. A request after the window has passed starts a new one.
 * Refused requests count too: retrying early does not help.
 */
export async function takeRateLimit(db: Db, key: string, now: number, rule: RateLimitRule): Promise<RateLimitResult> {
  const t = rateLimits;
  const windowOver = sql`${t.windowStartedAt} <= ${now - rule.windowMs}`;
  const [row] = await db
    .insert(t)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        count: sql`case when ${windowOver} then 1 else ${t.count} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then ${now} else ${t.windowStartedAt} end`,
      },
    })
    .returning();
  if (!row) throw new Error(`counting a request for \`${key}\` returned no row`);
  return row.count <= rule.limit ? { allowed: true } : { allowed: false, retryAfterMs: row.windowStartedAt + rule.windowMs - now };
}

/** Forgets counters whose window began before `before`: a key's next request starts a new window anyway. */
export async function pruneRateLimits(db: Db, before: number): Promise<number> {
  return (await db.delete(rateLimits).where(lt(rateLimits.windowStartedAt, before)).returning({ key: rateLimits.key })).length;
}
