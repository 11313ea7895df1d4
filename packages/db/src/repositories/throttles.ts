import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signInThrottles, type SignInThrottleRow } from '../schema.ts';

/** `maxFailures` failures within `windowMs` lock the key for `lockMs`. */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export async function findThrottles(db: Db, keys: string[]): Promise<SignInThrottleRow[]> {
  return db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
}

/**
 * Counts one failure in a single upsert, so concurrent failures (from many Worker isolates) all count.
 * A failure after the window has passed starts a new window.
 */
export async function recordFailure(db: Db, key: string, now: number, rule: ThrottleRule): Promise<SignInThrottleRow> {
  const t = signInThrottles;
  const windowOver = sql`${t.windowStartedAt} <= ${now - rule.windowMs}`;
  const failures = sql`case when ${windowOver} then 1 else ${t.failures} + 1 end`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: rule.maxFailures <= 1 ? now + rule.lockMs : null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${windowOver} then ${now} else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${rule.maxFailures} then ${now + rule.lockMs} else ${t.lockedUntil} end`,
      },
    })
    .returning();
  if (!row) throw new Error(`recording a sign-in failure for \`${key}\` returned no row`);
  return row;
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
