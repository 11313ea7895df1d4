import { count, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { attempts } from '../schema.ts';

export interface LabProgressRow {
  labId: string;
  attempts: number;
  bestScore: number | null;
  /** Some attempt passed every check. */
  completed: boolean;
  lastActivityAt: number;
  /** Ids sort by creation time, so the greatest is the newest attempt. */
  latestAttemptId: string;
}

/** One row per lab the user has attempted (served by `attempts_user_lab_idx`). */
export async function findProgress(db: Db, userId: string): Promise<LabProgressRow[]> {
  const rows = await db
    .select({
      labId: attempts.labId,
      attempts: count(),
      bestScore: max(attempts.bestScore),
      completed: sql<number>`max(${attempts.status} = 'completed')`,
      lastActivityAt: max(attempts.updatedAt),
      latestAttemptId: max(attempts.id),
    })
    .from(attempts)
    .where(eq(attempts.userId, userId))
    .groupBy(attempts.labId)
    .orderBy(attempts.labId);
  return rows.map((row) => ({
    labId: row.labId,
    attempts: row.attempts,
    bestScore: row.bestScore,
    completed: Number(row.completed) === 1,
    lastActivityAt: row.lastActivityAt ?? 0,
    latestAttemptId: row.latestAttemptId ?? '',
  }));
}
