import type { AttemptRow, SubmissionRow, UserRow } from '@skylab/db';
import { renderLab, type Grade, type Lab, type Visibility } from '@skylab/lab-engine';
import type { AccountDriftView, AttemptSummaryView, AttemptView, Finding, GradeView, SubmissionView, User } from '@skylab/validation';
import type { RegisteredLab } from './lab-registry.ts';

// The views are typed by the answer schemas of `@skylab/validation` (src/api): what the OpenAPI document
// says a route answers is what the compiler holds these functions to.

/**
 * For each visibility: `true` when such checks are shown in full, or the notice a withheld check shows
 * instead (DESIGN §8: check feedback released per the check's visibility).
 */
export type FeedbackRelease = Record<Visibility, true | string>;

/**
 * A grade is only ever shown for a submission, so `after-submission` feedback is always out; `after-due-date`
 * feedback waits for the due date of the assignment the attempt was made for (forever without one).
 */
export const SUBMISSION_RELEASE: FeedbackRelease = { immediately: true, 'after-submission': true, 'after-due-date': 'feedback released after the due date' };

/** Past the due date of the attempt's assignment: every check in full. */
export const PAST_DUE_RELEASE: FeedbackRelease = { immediately: true, 'after-submission': true, 'after-due-date': true };

const ON_CLOSE_NOTICE = 'feedback released when you close the attempt';

/** A lab with `feedback.checks: on-close`, before the attempt is closed: no check is shown, whatever its visibility. */
export const BEFORE_CLOSE_RELEASE: FeedbackRelease = { immediately: ON_CLOSE_NOTICE, 'after-submission': ON_CLOSE_NOTICE, 'after-due-date': ON_CLOSE_NOTICE };

/**
 * What the attempt's learner may see of its grades now. A withdrawn lab's feedback rule is unknown, so
 * its open attempts withhold like `on-close` ones (closing releases them): feedback is never shown early.
 */
export function feedbackRelease(lab: Lab | undefined, attempt: Pick<AttemptRow, 'closedAt'>, pastDue = false): FeedbackRelease {
  const released = pastDue ? PAST_DUE_RELEASE : SUBMISSION_RELEASE;
  if (attempt.closedAt !== null) return released;
  return lab === undefined || lab.feedback.checks === 'on-close' ? BEFORE_CLOSE_RELEASE : released;
}

/**
 * The stored grade as the learner may see it under `release`. The stored grade stays complete, so a later
 * release needs no regrade; grades stored before hints cost points read as having no penalty.
 */
export function gradeView(grade: Grade, release: FeedbackRelease = SUBMISSION_RELEASE): GradeView {
  return {
    ...grade,
    hintPenalty: grade.hintPenalty ?? 0,
    revealedHints: grade.revealedHints ?? [],
    checks: grade.checks.map((check) => {
      const shown = release[check.visibility];
      return shown === true ? check : { id: check.id, title: check.title, maxPoints: check.maxPoints, visibility: check.visibility, withheld: true, notice: shown };
    }),
  };
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function userView(user: UserRow): User {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function submissionView(row: SubmissionRow, release: FeedbackRelease): SubmissionView {
  return { id: row.id, createdAt: iso(row.createdAt), answers: row.answers, grade: gradeView(row.grade as Grade, release), findings: row.findings as Finding[] };
}

export function attemptSummaryView(
  row: Pick<AttemptRow, 'id' | 'labId' | 'version' | 'status' | 'bestScore' | 'createdAt' | 'updatedAt' | 'submissionCount' | 'closedAt' | 'assignmentId'>,
): AttemptSummaryView {
  return {
    id: row.id,
    labId: row.labId,
    version: row.version,
    status: row.status,
    bestScore: row.bestScore,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    submissionCount: row.submissionCount,
    closedAt: row.closedAt === null ? null : iso(row.closedAt),
    assignmentId: row.assignmentId,
  };
}

/** The attempt its learner may see: grades as released now, and how its live account drifted (`accountDriftView`). */
export function attemptView(row: AttemptRow, registered: RegisteredLab | undefined, submissions: SubmissionRow[], accountDrift: AccountDriftView | null, pastDue = false): AttemptView {
  const release = feedbackRelease(registered?.lab, row, pastDue);
  return {
    ...attemptSummaryView(row),
    params: row.params,
    lab: registered ? renderLab(registered.lab, row.params, row.revealedHints) : null,
    submissions: submissions.map((submission) => submissionView(submission, release)),
    maxSubmissions: registered?.lab.maxSubmissions ?? null,
    checkFeedback: registered?.lab.feedback.checks ?? 'on-close',
    accountDrift,
  };
}
