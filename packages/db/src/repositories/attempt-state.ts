import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { attempts, type AttemptRow } from '../schema.ts';

/**
 * An attempt by id alone, for callers that authenticate some other way than a session (the AWS wire
 * endpoint checks a signature made with the attempt's own credentials).
 */
export async function findAttemptById(db: Db, id: string): Promise<AttemptRow | undefined> {
  return db.query.attempts.findFirst({ where: eq(attempts.id, id) });
}

export interface AttemptStateWrite {
  id: string;
  /** The version the new state was computed from; the write happens only if the attempt is still at it. */
  expectedVersion: number;
  state: unknown;
  updatedAt: number;
}

/**
 * Replaces an attempt's emulated account and moves it to the next version, only if it is still at
 * `expectedVersion`. False means someone else wrote first: the caller recomputes from the new state.
 */
export async function writeAttemptState(db: Db, write: AttemptStateWrite): Promise<boolean> {
  const updated = await db
    .update(attempts)
    .set({ state: write.state, version: write.expectedVersion + 1, updatedAt: write.updatedAt })
    .where(and(eq(attempts.id, write.id), eq(attempts.version, write.expectedVersion)))
    .returning({ version: attempts.version });
  return updated.length === 1;
}
