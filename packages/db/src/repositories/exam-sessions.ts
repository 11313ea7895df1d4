import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { examSessions, users, type ExamSessionRow, type ExamSessionStatus } from '../schema.ts';

export type NewExamSession = Omit<typeof examSessions.$inferInsert, 'status' | 'version' | 'submittedAt' | 'extensionMinutes'>;

export type ExamSessionStart = { ok: true; session: ExamSessionRow } | { ok: false; reason: 'active_session' | 'no_attempts_left' };

/**
 * Starts a session only if the learner has no active one (the partial unique index decides, so two
 * concurrent starts never both land) and has sat the exam fewer than `attemptsAllowed` times, counted in
 * the same statement.
 */
export async function startExamSession(db: Db, session: NewExamSession, attemptsAllowed: number): Promise<ExamSessionStart> {
  const inserted = await db.$client.execute({
    sql: `insert into exam_sessions (id, user_id, exam_id, exam_hash, paper, started_at, deadline, extension_minutes, status, version)
          select ?, ?, ?, ?, ?, ?, ?, 0, 'active', 1
          where (select count(*) from exam_sessions where user_id = ? and exam_id = ?) < ?
          on conflict do nothing`,
    args: [session.id, session.userId, session.examId, session.examHash, JSON.stringify(session.paper), session.startedAt, session.deadline, session.userId, session.examId, attemptsAllowed],
  });
  if (inserted.rowsAffected === 1) {
    const row = await findExamSession(db, session.id);
    if (row) return { ok: true, session: row };
  }
  return { ok: false, reason: (await findActiveExamSession(db, session.userId)) ? 'active_session' : 'no_attempts_left' };
}

export async function findExamSession(db: Db, id: string): Promise<ExamSessionRow | undefined> {
  return db.query.examSessions.findFirst({ where: eq(examSessions.id, id) });
}

/** A session only if `userId` sat it: callers answer "not found" either way, so nobody learns it exists. */
export async function findUserExamSession(db: Db, id: string, userId: string): Promise<ExamSessionRow | undefined> {
  return db.query.examSessions.findFirst({ where: and(eq(examSessions.id, id), eq(examSessions.userId, userId)) });
}

export async function findActiveExamSession(db: Db, userId: string): Promise<ExamSessionRow | undefined> {
  return db.query.examSessions.findFirst({ where: and(eq(examSessions.userId, userId), eq(examSessions.status, 'active')) });
}

/** A learner's sessions of every exam, newest first (served by the user/exam/started index). */
export async function listUserExamSessions(db: Db, userId: string): Promise<ExamSessionRow[]> {
  return db.select().from(examSessions).where(eq(examSessions.userId, userId)).orderBy(desc(examSessions.startedAt), desc(examSessions.id));
}

/** The sessions of an exam that are no longer answered, oldest first: the ones a void or a regrade grades again. */
export async function listClosedExamSessions(db: Db, examId: string): Promise<ExamSessionRow[]> {
  return db
    .select()
    .from(examSessions)
    .where(and(eq(examSessions.examId, examId), ne(examSessions.status, 'active')))
    .orderBy(asc(examSessions.startedAt), asc(examSessions.id));
}

export interface ExamSessionClose {
  id: string;
  /** `submitted` when the learner submits (refused past the deadline), `timed-out` once the deadline passed. */
  status: Exclude<ExamSessionStatus, 'active'>;
  /** The server's time now; a timed-out session records its deadline as the time answering ended. */
  now: number;
}

/**
 * Ends answering, only while the session is active and on the right side of its deadline, judged in the
 * statement itself: an extension or a late autosave racing with it is ordered by the database, never lost.
 * `undefined` when the session was not in that state (closed already, or the other side of the deadline).
 */
export async function closeExamSession(db: Db, close: ExamSessionClose): Promise<ExamSessionRow | undefined> {
  const onTime = close.status === 'submitted' ? sql`${examSessions.deadline} >= ${close.now}` : sql`${examSessions.deadline} < ${close.now}`;
  const [row] = await db
    .update(examSessions)
    .set({
      status: close.status,
      submittedAt: close.status === 'submitted' ? close.now : sql`${examSessions.deadline}`,
      version: sql`${examSessions.version} + 1`,
    })
    .where(and(eq(examSessions.id, close.id), eq(examSessions.status, 'active'), onTime))
    .returning();
  return row;
}

/**
 * Moves an active session's deadline `minutes` later (an instructor's extension for one learner). A session
 * whose deadline passed but that nobody has read since (so it is still active) is extended too: the answers it
 * saved before the deadline are all there. `undefined` when the session is no longer active.
 */
export async function extendExamSession(db: Db, id: string, minutes: number): Promise<ExamSessionRow | undefined> {
  const [row] = await db
    .update(examSessions)
    .set({
      deadline: sql`${examSessions.deadline} + ${minutes * 60_000}`,
      extensionMinutes: sql`${examSessions.extensionMinutes} + ${minutes}`,
      version: sql`${examSessions.version} + 1`,
    })
    .where(and(eq(examSessions.id, id), eq(examSessions.status, 'active')))
    .returning();
  return row;
}

export interface ExamSessionWithLearner extends ExamSessionRow {
  email: string;
  name: string;
}

/** Every session of an exam with its learner, newest first, for the instructor's view (served by the exam/status index). */
export async function listExamSessionsWithLearners(db: Db, examId: string): Promise<ExamSessionWithLearner[]> {
  const rows = await db
    .select({ session: examSessions, email: users.email, name: users.name })
    .from(examSessions)
    .innerJoin(users, eq(users.id, examSessions.userId))
    .where(eq(examSessions.examId, examId))
    .orderBy(desc(examSessions.startedAt), desc(examSessions.id));
  return rows.map((row) => ({ ...row.session, email: row.email, name: row.name }));
}
