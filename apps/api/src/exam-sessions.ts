import {
  closeExamSession,
  findExamResult,
  findExamSession,
  listClosedExamSessions,
  listExamAnswers,
  listVoidedExamItems,
  replaceExamResult,
  storeExamResult,
  type ExamRegradeKind,
  type ExamResultRow,
  type ExamSessionRow,
} from '@skylab/db';
import { feedbackReleased, regradeDiff, type Exam, type ExamAnswers, type ExamResult, type Paper, type RegradeDiff } from '@skylab/lab-engine';
import type { AppDeps } from './deps.ts';
import { queueExamScore } from './lti/exam-launch.ts';
import { emitExamSubmitted } from './webhooks/emit.ts';
import { labRef, type LabRef } from './grader.ts';

// An exam session's life on the server: the deadline, lazy expiry, grading and regrading. Nothing runs on a
// timer (a Worker has none between requests): a session past its deadline is closed as `timed-out` by the
// next request that reads it, and graded with the answers saved up to the deadline (the database refused
// every later write).

const MINUTE = 60_000;

export type ExamAvailability = 'upcoming' | 'open' | 'closed';

/** The exam's window in epoch milliseconds; an end left out is open. */
export function examWindow(settings: Exam['settings']): { opens?: number; closes?: number } {
  const { opens, closes } = settings.availability;
  return { ...(opens ? { opens: Date.parse(opens) } : {}), ...(closes ? { closes: Date.parse(closes) } : {}) };
}

export function examAvailability(settings: Exam['settings'], now: number): ExamAvailability {
  const { opens, closes } = examWindow(settings);
  if (opens !== undefined && now < opens) return 'upcoming';
  if (closes !== undefined && now >= closes) return 'closed';
  return 'open';
}

/** The time limit from the start, cut at the window's close: no attempt runs past it (an extension may). */
export function examDeadline(settings: Exam['settings'], startedAt: number): number {
  const { closes } = examWindow(settings);
  const limit = startedAt + settings.timeLimitMinutes * MINUTE;
  return closes === undefined ? limit : Math.min(limit, closes);
}

export const sessionPaper = (session: ExamSessionRow) => session.paper as Paper;

/** Whether the session's learner may see its key, rationale and result now, per its paper's frozen settings. */
export function resultReleased(session: ExamSessionRow, now: number): boolean {
  return feedbackReleased(sessionPaper(session).settings, { submitted: session.status !== 'active', now });
}

/** The labs named by `ids`, at the versions the server has them now (a missing lab grades as an error). */
function labRefs(deps: AppDeps, ids: Set<string>): LabRef[] {
  return [...ids].flatMap((id) => {
    const registered = deps.labs.get(id);
    return registered ? [labRef(registered)] : [];
  });
}

/** Draws a learner's paper from the exam with `seed`, in the grading pool on Node (hands-on items provision labs). */
export function drawExamSessionPaper(deps: AppDeps, exam: Exam, seed: string): Promise<Paper> {
  const labIds = new Set(exam.sections.flatMap((section) => section.pools.flatMap((pool) => pool.items.flatMap((item) => (item.kind === 'hands-on' ? [item.lab] : [])))));
  return deps.grading.drawExam({ exam, seed, labs: labRefs(deps, labIds) });
}

/** Grades a closed session's saved answers with the exam's voided items, in the grading pool on Node. */
export async function gradeExamSession(deps: AppDeps, session: ExamSessionRow, voided?: string[]): Promise<ExamResult> {
  const paper = sessionPaper(session);
  const answers: ExamAnswers = Object.fromEntries((await listExamAnswers(deps.db, session.id)).map((row) => [row.itemId, row.value])) as ExamAnswers;
  const voidedIds = voided ?? (await listVoidedExamItems(deps.db, session.examId)).map((row) => row.itemId);
  const labIds = new Set(paper.sections.flatMap((section) => section.items.flatMap((item) => (item.kind === 'hands-on' ? [item.lab.id] : []))));
  return deps.grading.gradeExam({ paper, answers, voided: voidedIds, labs: labRefs(deps, labIds), startedAt: session.startedAt, region: deps.config.region });
}

export interface SettledSession {
  session: ExamSessionRow;
  /** Present once the session is closed and graded. */
  result?: ExamResultRow;
}

/**
 * The session as it stands now: closed as `timed-out` if its deadline passed, and graded once closed (also
 * when an earlier request closed it and failed before its grade was stored).
 */
export async function settleExamSession(deps: AppDeps, first: ExamSessionRow): Promise<SettledSession> {
  let session = first;
  const now = deps.clock.now();
  if (session.status === 'active') {
    if (now <= session.deadline) return { session };
    session = (await closeExamSession(deps.db, { id: session.id, status: 'timed-out', now })) ?? (await findExamSession(deps.db, session.id)) ?? session;
    // An extension landed first: the session is open again.
    if (session.status === 'active') return { session };
  }
  const stored = await findExamResult(deps.db, session.id);
  if (stored) return { session, result: stored };
  const result = await gradeExamSession(deps, session);
  const graded = await storeExamResult(deps.db, { sessionId: session.id, result, score: result.percent / 100, passed: result.passed, gradedAt: now });
  // Once per session, by the request whose grade was stored; the caller schedules the delivery.
  if (graded.created) {
    await emitExamSubmitted(deps, { examId: session.examId, sessionId: session.id, userId: session.userId, status: session.status, score: graded.row.score, passed: graded.row.passed });
    // like a lab's score, through the outbox to the LMS line item the exam was launched from
    await queueExamScore(deps, session, graded.row);
  }
  return { session, result: graded.row };
}

export interface RegradeRequest {
  examId: string;
  kind: ExamRegradeKind;
  actorId: string;
  reason: string;
}

export interface SessionRegrade {
  sessionId: string;
  diff: RegradeDiff;
}

/**
 * Grades every closed session of the exam again (after a void, or a fixed check in a lab) and replaces each
 * result whose grade changed, with a record of the change, who made it, when and why. One session at a time:
 * a regrade is rare and must not crowd out learners' grading.
 */
export async function regradeExam(deps: AppDeps, request: RegradeRequest): Promise<SessionRegrade[]> {
  const voided = (await listVoidedExamItems(deps.db, request.examId)).map((row) => row.itemId);
  const changed: SessionRegrade[] = [];
  for (const closed of await listClosedExamSessions(deps.db, request.examId)) {
    const { session, result } = await settleExamSession(deps, closed);
    if (!result) continue;
    const after = await gradeExamSession(deps, session, voided);
    const diff = regradeDiff(result.result as ExamResult, after);
    if (diff.changed.length === 0) continue;
    const now = deps.clock.now();
    await replaceExamResult(deps.db, {
      result: { result: after, score: after.percent / 100, passed: after.passed, gradedAt: now },
      regrade: { id: deps.ids.next(), sessionId: session.id, examId: request.examId, kind: request.kind, actorId: request.actorId, reason: request.reason, changes: diff, createdAt: now },
    });
    await queueExamScore(deps, session, { score: after.percent / 100 });
    changed.push({ sessionId: session.id, diff });
  }
  return changed;
}
