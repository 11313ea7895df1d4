import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { examAnswers, type ExamAnswerRow } from '../schema.ts';

export interface ExamAnswerWrite {
  sessionId: string;
  itemId: string;
  value: unknown;
  /** The version the client last saw: 0 for an item it never saved. */
  expectedVersion: number;
  /** The server's time now: the write lands only while the session is active and this is not past its deadline. */
  savedAt: number;
}

export type ExamAnswerWriteResult = { ok: true; answer: ExamAnswerRow } | { ok: false };

// The session's state is checked inside the write itself, so an autosave racing with a submit, a timeout or
// the deadline is ordered by the database: it lands before answering ends or not at all.
const SESSION_OPEN = `exists (select 1 from exam_sessions where id = ? and status = 'active' and deadline >= ?)`;

/**
 * Saves one item's answer, only if the stored one is still at `expectedVersion` and the session still takes
 * answers. `{ ok: false }` says neither which: the caller re-reads the session to tell a late write from a
 * stale one.
 */
export async function saveExamAnswer(db: Db, write: ExamAnswerWrite): Promise<ExamAnswerWriteResult> {
  const value = JSON.stringify(write.value);
  const version = write.expectedVersion + 1;
  const statement =
    write.expectedVersion === 0
      ? {
          sql: `insert into exam_answers (session_id, item_id, value, saved_at, version) select ?, ?, ?, ?, 1 where ${SESSION_OPEN} on conflict do nothing`,
          args: [write.sessionId, write.itemId, value, write.savedAt, write.sessionId, write.savedAt],
        }
      : {
          sql: `update exam_answers set value = ?, saved_at = ?, version = ? where session_id = ? and item_id = ? and version = ? and ${SESSION_OPEN}`,
          args: [value, write.savedAt, version, write.sessionId, write.itemId, write.expectedVersion, write.sessionId, write.savedAt],
        };
  const result = await db.$client.execute(statement);
  if (result.rowsAffected !== 1) return { ok: false };
  return { ok: true, answer: { sessionId: write.sessionId, itemId: write.itemId, value: write.value, savedAt: write.savedAt, version } };
}

export async function findExamAnswer(db: Db, sessionId: string, itemId: string): Promise<ExamAnswerRow | undefined> {
  return db.query.examAnswers.findFirst({ where: and(eq(examAnswers.sessionId, sessionId), eq(examAnswers.itemId, itemId)) });
}

export async function listExamAnswers(db: Db, sessionId: string): Promise<ExamAnswerRow[]> {
  return db.select().from(examAnswers).where(eq(examAnswers.sessionId, sessionId)).orderBy(asc(examAnswers.itemId));
}
