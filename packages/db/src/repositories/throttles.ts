import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signInThrottles, type SignInThrottleRow } from '../schema.ts';

/**
 * `maxFailures` attempts within `windowMs` fill a key. A failure that fills it locks the key for `lockMs`,
 * doubling with each lock in a row up to `maxLockMs` (OWASP Authentication Cheat Sheet, "Account Lockout":
 * exponential lockout). Without `maxLockMs` every lock lasts `lockMs`.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs?: number;
}

/** One counter to reserve an attempt on, and the rule it follows. */
export interface ThrottleSlot {
  key: string;
  rule: ThrottleRule;
}

/** A granted slot: the window it was counted in, so releasing it never touches a later window. */
export interface ThrottleReservation extends ThrottleSlot {
  windowStartedAt: number;
}

export type ReservationResult = { granted: true; reservations: ThrottleReservation[] } | { granted: false; retryAt: number };

// A key quiet for a day forgets its past locks, so one bad morning does not double next month's lock.
const FORGET_LOCKOUTS_MS = 24 * 60 * 60 * 1000;
// 2^20 locks in a row already exceed any sane `maxLockMs`; the cap keeps the shift inside 64 bits.
const MAX_DOUBLINGS = 20;

export async function findThrottles(db: Db, keys: string[]): Promise<SignInThrottleRow[]> {
  return db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
}

/**
 * Counts one attempt on the key in a single UPSERT, and only if the key is neither locked nor full: the
 * statement's `where` decides, so concurrent attempts (from many Worker isolates) can never all pass a
 * check made before any of them is counted. No row back means refused.
 */
function reserveOne(db: Db, { key, rule }: ThrottleSlot, now: number) {
  const t = signInThrottles;
  const windowOver = sql`${t.windowStartedAt} <= ${now - rule.windowMs}`;
  const quiet = sql`coalesce(${t.lockedUntil}, ${t.windowStartedAt}) <= ${now - FORGET_LOCKOUTS_MS}`;
  return db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: null, lockouts: 0 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${windowOver} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then ${now} else ${t.windowStartedAt} end`,
        lockouts: sql`case when ${quiet} then 0 else ${t.lockouts} end`,
      },
      setWhere: sql`(${t.lockedUntil} is null or ${t.lockedUntil} <= ${now}) and (${windowOver} or ${t.failures} < ${rule.maxFailures})`,
    })
    .returning({ windowStartedAt: t.windowStartedAt });
}

/**
 * Reserves one attempt on every slot, in one atomic batch (one round trip to a libSQL server). Granted only
 * when every slot had room; otherwise the slots that were counted are released again and the answer says
 * when the tightest refusing key frees up.
 */
export async function reserveAttempt(db: Db, slots: ThrottleSlot[], now: number): Promise<ReservationResult> {
  const [first, ...rest] = slots.map((slot) => reserveOne(db, slot, now));
  if (!first) return { granted: true, reservations: [] };
  const results = await db.batch([first, ...rest]);
  const reservations = slots.flatMap((slot, i) => results[i]!.map((row) => ({ ...slot, windowStartedAt: row.windowStartedAt })));
  if (reservations.length === slots.length) return { granted: true, reservations };
  await releaseAttempt(db, reservations);
  const refused = slots.filter((slot) => !reservations.some((r) => r.key === slot.key));
  const rows = await findThrottles(db, refused.map((slot) => slot.key));
  const retryAt = Math.max(now + 1000, ...rows.map((row) => freeAt(row, refused.find((slot) => slot.key === row.key)!.rule)));
  return { granted: false, retryAt };
}

/** When a key takes attempts again: after its lock, and after its window if that is full. */
function freeAt(row: SignInThrottleRow, rule: ThrottleRule): number {
  return Math.max(row.lockedUntil ?? 0, row.failures >= rule.maxFailures ? row.windowStartedAt + rule.windowMs : 0);
}

/** Gives reserved attempts back (a sign-in that succeeded is no failure), within the window they were counted in. */
export async function releaseAttempt(db: Db, reservations: ThrottleReservation[]): Promise<void> {
  const t = signInThrottles;
  const [first, ...rest] = reservations.map((r) =>
    db
      .update(t)
      .set({ failures: sql`max(${t.failures} - 1, 0)` })
      .where(and(eq(t.key, r.key), eq(t.windowStartedAt, r.windowStartedAt))),
  );
  if (first) await db.batch([first, ...rest]);
}

/**
 * Settles reserved attempts as failures: they stay counted, and a key they filled is locked, each lock in a
 * row twice as long as the last (up to the rule's `maxLockMs`). Only the first failure to fill a key locks
 * it; the others find it locked already.
 */
export async function settleFailure(db: Db, reservations: ThrottleReservation[], now: number): Promise<void> {
  const t = signInThrottles;
  const [first, ...rest] = reservations.map(({ key, rule, windowStartedAt }) => {
    const doubled = sql`${rule.lockMs} * (1 << min(${t.lockouts}, ${MAX_DOUBLINGS}))`;
    return db
      .update(t)
      .set({ lockedUntil: sql`${now} + min(${doubled}, ${rule.maxLockMs ?? rule.lockMs})`, lockouts: sql`${t.lockouts} + 1` })
      .where(and(eq(t.key, key), eq(t.windowStartedAt, windowStartedAt), gte(t.failures, rule.maxFailures), or(isNull(t.lockedUntil), lte(t.lockedUntil, now))));
  });
  if (first) await db.batch([first, ...rest]);
}

/** Forgets a key altogether: its failures and its locks in a row. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
