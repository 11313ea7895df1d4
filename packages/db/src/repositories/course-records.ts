import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { attempts, submissions, type AttemptRow, type SubmissionRow } from '../schema.ts';

/** An attempt as a gradebook needs it: no account snapshot, no credentials. */
export type AttemptRecord = Pick<
  AttemptRow,
  'id' | 'userId' | 'labId' | 'assignmentId' | 'version' | 'status' | 'bestScore' | 'submissionCount' | 'createdAt' | 'updatedAt' | 'closedAt'
>;

const recordColumns = {
  id: attempts.id,
  userId: attempts.userId,
  labId: attempts.labId,
  assignmentId: attempts.assignmentId,
  version: attempts.version,
  status: attempts.status,
  bestScore: attempts.bestScore,
  submissionCount: attempts.submissionCount,
  createdAt: attempts.createdAt,
  updatedAt: attempts.updatedAt,
  closedAt: attempts.closedAt,
};

/** Whose assignment attempts: one course's, one learner's, or one learner's in one course. */
export interface AssignmentAttemptFilter {
  courseId?: string;
  userId?: string;
}

function assignmentAttempts(filter: AssignmentAttemptFilter) {
  return and(
    isNotNull(attempts.assignmentId),
    filter.courseId === undefined ? undefined : eq(attempts.courseId, filter.courseId),
    filter.userId === undefined ? undefined : eq(attempts.userId, filter.userId),
  );
}

/** The attempts made for assignments, oldest first. */
export async function listAssignmentAttempts(db: Db, filter: AssignmentAttemptFilter): Promise<AttemptRecord[]> {
  return db.select(recordColumns).from(attempts).where(assignmentAttempts(filter)).orderBy(asc(attempts.createdAt), asc(attempts.id));
}

export type SubmissionScore = Pick<SubmissionRow, 'attemptId' | 'score' | 'createdAt'>;

/** The score and time of every submission to those attempts: what late policies are applied to. */
export async function listAssignmentSubmissionScores(db: Db, filter: AssignmentAttemptFilter): Promise<SubmissionScore[]> {
  return db
    .select({ attemptId: submissions.attemptId, score: submissions.score, createdAt: submissions.createdAt })
    .from(submissions)
    .innerJoin(attempts, eq(attempts.id, submissions.attemptId))
    .where(assignmentAttempts(filter))
    .orderBy(asc(submissions.createdAt));
}

/** At most this many submissions feed one lab's analytics: enough to rank, bounded in memory. */
export const ANALYTICS_SUBMISSION_LIMIT = 5000;

/** The graded submissions to one lab within a course, oldest first (up to the limit), for analytics. */
export async function listCourseLabSubmissions(db: Db, courseId: string, labId: string): Promise<SubmissionRow[]> {
  const rows = await db
    .select({ submission: submissions })
    .from(submissions)
    .innerJoin(attempts, eq(attempts.id, submissions.attemptId))
    .where(and(eq(attempts.courseId, courseId), eq(attempts.labId, labId)))
    .orderBy(asc(submissions.createdAt))
    .limit(ANALYTICS_SUBMISSION_LIMIT);
  return rows.map((row) => row.submission);
}
