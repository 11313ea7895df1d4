import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { examRegrades, examResults, examVoidedItems, type ExamRegradeKind, type ExamRegradeRow, type ExamResultRow, type ExamVoidedItemRow } from '../schema.ts';

export type NewExamResult = typeof examResults.$inferInsert;

/**
 * Stores a closed session's first result. Two readers may grade a timed-out session at once (the expiry is
 * lazy); both computed the same deterministic result, the first write stays and both get it back.
 */
export async function saveExamResult(db: Db, result: NewExamResult): Promise<ExamResultRow> {
  return (await storeExamResult(db, result)).row;
}

/** As `saveExamResult`, and whether this call is the one that stored it (the session's first grade: `exam.submitted` fires once). */
export async function storeExamResult(db: Db, result: NewExamResult): Promise<{ row: ExamResultRow; created: boolean }> {
  const inserted = await db.insert(examResults).values(result).onConflictDoNothing({ target: examResults.sessionId }).returning({ sessionId: examResults.sessionId });
  const stored = await findExamResult(db, result.sessionId);
  if (!stored) throw new Error(`the result of exam session \`${result.sessionId}\` disappeared after it was written`);
  return { row: stored, created: inserted.length > 0 };
}

export async function findExamResult(db: Db, sessionId: string): Promise<ExamResultRow | undefined> {
  return db.query.examResults.findFirst({ where: eq(examResults.sessionId, sessionId) });
}

export async function listExamResults(db: Db, sessionIds: readonly string[]): Promise<ExamResultRow[]> {
  if (sessionIds.length === 0) return [];
  return db.select().from(examResults).where(inArray(examResults.sessionId, [...sessionIds]));
}

export interface ExamResultReplacement {
  result: Omit<NewExamResult, 'sessionId'>;
  regrade: { id: string; sessionId: string; examId: string; kind: ExamRegradeKind; actorId: string; reason: string; changes: unknown; createdAt: number };
}

/** Replaces a session's result and records what changed, who did it, when and why, in one atomic batch. */
export async function replaceExamResult(db: Db, replacement: ExamResultReplacement): Promise<void> {
  const { result, regrade } = replacement;
  await db.batch([db.update(examResults).set(result).where(eq(examResults.sessionId, regrade.sessionId)), db.insert(examRegrades).values(regrade)]);
}

export async function listExamRegrades(db: Db, sessionId: string): Promise<ExamRegradeRow[]> {
  return db.select().from(examRegrades).where(eq(examRegrades.sessionId, sessionId)).orderBy(asc(examRegrades.createdAt), asc(examRegrades.id));
}

export type NewExamVoidedItem = typeof examVoidedItems.$inferInsert;

/** Voids an item of an exam; false when it was voided already (the first reason stays). */
export async function voidExamItem(db: Db, voided: NewExamVoidedItem): Promise<boolean> {
  const rows = await db.insert(examVoidedItems).values(voided).onConflictDoNothing().returning({ itemId: examVoidedItems.itemId });
  return rows.length === 1;
}

export async function listVoidedExamItems(db: Db, examId: string): Promise<ExamVoidedItemRow[]> {
  return db.select().from(examVoidedItems).where(eq(examVoidedItems.examId, examId)).orderBy(asc(examVoidedItems.itemId));
}

export async function isExamItemVoided(db: Db, examId: string, itemId: string): Promise<boolean> {
  const row = await db.query.examVoidedItems.findFirst({ where: and(eq(examVoidedItems.examId, examId), eq(examVoidedItems.itemId, itemId)) });
  return row !== undefined;
}
