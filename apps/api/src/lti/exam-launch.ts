import { findLtiExamLink, insertLtiScore, upsertLtiExamLink, type ExamResultRow, type ExamSessionRow, type UserRow } from '@skylab/db';
import type { Paper } from '@skylab/lab-engine';
import type { ExamSettings } from '@skylab/validation';
import type { AppDeps } from '../deps.ts';
import type { RegisteredExam } from '../exam-registry.ts';
import { CLAIM } from './claims.ts';
import { SCORE_MAXIMUM, type AgsScore } from './scores.ts';
import type { VerifiedLaunch } from './verify-launch.ts';

/** Records the line item an exam was launched from, so the sessions the learner submits are scored there. */
export async function launchExam(deps: AppDeps, launch: VerifiedLaunch, user: UserRow, registered: RegisteredExam): Promise<void> {
  await upsertLtiExamLink(deps.db, {
    userId: user.id,
    examId: registered.exam.id,
    platformId: launch.platform.id,
    subject: launch.claims.sub,
    lineItemUrl: launch.claims[CLAIM.agsEndpoint]?.lineitem ?? null,
    createdAt: deps.clock.now(),
  });
}

/**
 * The session's score for the platform, and when to send it: released as Skylab releases it to the learner.
 * `after-submit` sends the grade at once; `after-close` holds it in the outbox until the exam closes; `never`
 * tells the platform the exam was taken (Completed) but never the grade (Pending, no score; AGS 2.0 §3.4.6:
 * a score without `scoreGiven` is valid while grading is not FullyGraded).
 */
export function examScore(settings: ExamSettings, result: Pick<ExamResultRow, 'score'>, subject: string, now: number): { score: AgsScore; sendAt: number } {
  const timestamp = new Date(now).toISOString();
  if (settings.feedbackRelease === 'never') return { score: { userId: subject, activityProgress: 'Completed', gradingProgress: 'Pending', timestamp }, sendAt: now };
  const closes = settings.availability.closes;
  const sendAt = settings.feedbackRelease === 'after-close' && closes !== undefined ? Math.max(now, Date.parse(closes)) : now;
  const score: AgsScore = {
    userId: subject,
    scoreGiven: Math.round(result.score * SCORE_MAXIMUM * 100) / 100,
    scoreMaximum: SCORE_MAXIMUM,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
    timestamp,
  };
  return { score, sendAt };
}

/**
 * Queues a graded session's score for the line item its exam was launched from (at submit or time-out, and
 * again after a regrade changed it); a newer score for the same line item replaces one still waiting. True
 * when a score was queued.
 */
export async function queueExamScore(deps: AppDeps, session: ExamSessionRow, result: Pick<ExamResultRow, 'score'>): Promise<boolean> {
  const link = await findLtiExamLink(deps.db, session.userId, session.examId);
  if (!link?.lineItemUrl) return false;
  const now = deps.clock.now();
  const { score, sendAt } = examScore((session.paper as Paper).settings, result, link.subject, now);
  await insertLtiScore(deps.db, { id: deps.ids.next(), platformId: link.platformId, lineItemUrl: link.lineItemUrl, subject: link.subject, score: { ...score }, status: 'pending', nextTryAt: sendAt, createdAt: now });
  return true;
}
