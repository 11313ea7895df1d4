import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { attempts, submissions, type AttemptRow, type AttemptStatus, type SubmissionRow } from '../schema.ts';

export type NewAttempt = typeof attempts.$inferInsert;
export type NewSubmission = typeof submissions.$inferInsert;

export async function insertAttempt(db: Db, attempt: NewAttempt): Promise<AttemptRow> {
  const [row] = await db.insert(attempts).values(attempt).returning();
  if (!row) throw new Error(`inserting attempt \`${attempt.id}\` returned no row`);
  return row;
}

/** An attempt only if `userId` owns it: callers answer "not found" either way, so nobody learns it exists. */
export async function findUserAttempt(db: Db, id: string, userId: string): Promise<AttemptRow | undefined> {
  return db.query.attempts.findFirst({ where: and(eq(attempts.id, id), eq(attempts.userId, userId)) });
}

/** A learner's attempts at one lab, newest first (served by the user/lab/created index). */
export async function listUserLabAttempts(db: Db, userId: string, labId: string): Promise<AttemptRow[]> {
  return db
    .select()
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.labId, labId)))
    .orderBy(desc(attempts.createdAt), desc(attempts.id));
}

/** Oldest first: in the order of the versions they were graded against. */
export async function listSubmissions(db: Db, attemptId: string): Promise<SubmissionRow[]> {
  return db.select().from(submissions).where(eq(submissions.attemptId, attemptId)).orderBy(asc(submissions.attemptVersion));
}

export interface HintReveal {
  attempt: AttemptRow;
  /** The hint's index in the lab's `hints`. */
  index: number;
  updatedAt: number;
}

export type HintRevealResult = { ok: true; attempt: AttemptRow } | { ok: false; reason: 'version_conflict' };

/**
 * Adds a hint to the attempt's revealed ones and moves the attempt to its next version, only if it is
 * still at the version `attempt` was read at: a submission graded against that version then fails its
 * own guarded write instead of landing without the hint's cost. A hint already revealed is no write at all.
 */
export async function recordHintReveal(db: Db, reveal: HintReveal): Promise<HintRevealResult> {
  const { attempt, index, updatedAt } = reveal;
  if (attempt.revealedHints.includes(index)) return { ok: true, attempt };
  const revealedHints = [...attempt.revealedHints, index].sort((a, b) => a - b);
  const [updated] = await db
    .update(attempts)
    .set({ revealedHints, version: attempt.version + 1, updatedAt })
    .where(and(eq(attempts.id, attempt.id), eq(attempts.version, attempt.version)))
    .returning();
  return updated ? { ok: true, attempt: updated } : { ok: false, reason: 'version_conflict' };
}

export interface SubmissionWrite {
  attempt: AttemptRow;
  /** The version the grade was computed from; the write happens only if the attempt is still at it. */
  expectedVersion: number;
  submission: Omit<NewSubmission, 'attemptId' | 'attemptVersion'>;
  /** The emulated account after the learner's answers were applied. */
  state: unknown;
  /** Every check passed: the attempt is done, even when revealed hints cost it points. */
  completed: boolean;
}

export type SubmissionWriteResult =
  | { ok: true; attempt: AttemptRow; submission: SubmissionRow }
  | { ok: false; reason: 'version_conflict' };

/**
 * Records a graded submission and moves the attempt to its next version in one atomic batch.
 * The insert runs first and only if the attempt is still at `expectedVersion`; the update is guarded
 * the same way, so of two submissions that read the same version exactly one lands (and the unique
 * index on attempt and version would refuse a second even if that logic broke). A batch (not an
 * interactive transaction) keeps this a single round trip to a libSQL server.
 */
export async function recordSubmission(db: Db, write: SubmissionWrite): Promise<SubmissionWriteResult> {
  const { attempt, expectedVersion, submission, state, completed } = write;
  const submissionRow: SubmissionRow = { ...submission, attemptId: attempt.id, attemptVersion: expectedVersion };
  const [inserted, updated] = await db.$client.batch(
    [
      {
        sql: `insert into submissions (id, attempt_id, attempt_version, answers, grade, findings, score, created_at)
              select ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from attempts where id = ? and version = ?)`,
        args: [
          submissionRow.id,
          attempt.id,
          expectedVersion,
          JSON.stringify(submissionRow.answers),
          JSON.stringify(submissionRow.grade),
          JSON.stringify(submissionRow.findings),
          submissionRow.score,
          submissionRow.createdAt,
          attempt.id,
          expectedVersion,
        ],
      },
      {
        sql: `update attempts
              set state = ?, version = version + 1, submission_count = submission_count + 1, updated_at = ?,
                  best_score = max(coalesce(best_score, 0), ?),
                  status = case when ? then 'completed' else status end
              where id = ? and version = ?
              returning version, submission_count, best_score, status, updated_at`,
        args: [
          JSON.stringify(state),
          submissionRow.createdAt,
          submissionRow.score,
          completed ? 1 : 0,
          attempt.id,
          expectedVersion,
        ],
      },
    ],
    'write',
  );
  const next = updated?.rows[0];
  if (inserted?.rowsAffected !== 1 || !next) return { ok: false, reason: 'version_conflict' };
  return {
    ok: true,
    submission: submissionRow,
    attempt: {
      ...attempt,
      state,
      version: Number(next.version),
      submissionCount: Number(next.submission_count),
      bestScore: next.best_score === null ? null : Number(next.best_score),
      status: next.status as AttemptStatus,
      updatedAt: Number(next.updated_at),
    },
  };
}
