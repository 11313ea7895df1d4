import { and, eq, isNull } from 'drizzle-orm';
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

export interface AccessKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The attempt's root access key, given to it first if it has none: an attempt from before keys were stored
 * gets one on first use. Of two concurrent callers the first write wins and both get the stored key.
 */
export async function ensureAttemptAccessKey(db: Db, attempt: AttemptRow, key: AccessKeyPair): Promise<AccessKeyPair> {
  const stored = (row: AttemptRow | undefined) =>
    row?.awsAccessKeyId && row.awsSecretAccessKey ? { accessKeyId: row.awsAccessKeyId, secretAccessKey: row.awsSecretAccessKey } : undefined;
  const existing = stored(attempt);
  if (existing) return existing;
  const [updated] = await db
    .update(attempts)
    .set({ awsAccessKeyId: key.accessKeyId, awsSecretAccessKey: key.secretAccessKey })
    .where(and(eq(attempts.id, attempt.id), isNull(attempts.awsAccessKeyId)))
    .returning();
  const written = stored(updated ?? (await findAttemptById(db, attempt.id)));
  if (!written) throw new Error(`the attempt \`${attempt.id}\` disappeared while getting its access key`);
  return written;
}

export type AttemptWriteResult = { ok: true; attempt: AttemptRow } | { ok: false; reason: 'version_conflict' };

/**
 * Closes an attempt and moves it to its next version, only if it is still at the version `attempt` was
 * read at: a submission graded against that version then fails its own guarded write.
 */
export async function closeAttempt(db: Db, attempt: AttemptRow, closedAt: number): Promise<AttemptWriteResult> {
  if (attempt.closedAt !== null) return { ok: true, attempt };
  const [updated] = await db
    .update(attempts)
    .set({ closedAt, version: attempt.version + 1, updatedAt: closedAt })
    .where(and(eq(attempts.id, attempt.id), eq(attempts.version, attempt.version)))
    .returning();
  return updated ? { ok: true, attempt: updated } : { ok: false, reason: 'version_conflict' };
}
