import type { ExamAnswerRow, ExamRegradeRow, ExamResultRow, ExamSessionRow } from '@skylab/db';
import { learnerView, type RegradeDiff } from '@skylab/lab-engine';
import type { ExamItemAnswer, ExamResult, ExamResultView, ExamSessionSummaryView, ExamSessionView, ExamSummaryView } from '@skylab/validation';
import type { RegisteredExam } from './exam-registry.ts';
import { examAvailability, sessionPaper } from './exam-sessions.ts';
import { iso } from './views.ts';

// Typed by the answer schemas of `@skylab/validation` (src/api), which the OpenAPI document is generated from.

export function examSessionSummaryView(row: ExamSessionRow): ExamSessionSummaryView {
  return {
    id: row.id,
    examId: row.examId,
    status: row.status,
    startedAt: iso(row.startedAt),
    deadline: iso(row.deadline),
    submittedAt: row.submittedAt === null ? null : iso(row.submittedAt),
    extensionMinutes: row.extensionMinutes,
  };
}

export function examSummaryView(registered: RegisteredExam, sessions: ExamSessionRow[], now: number): ExamSummaryView {
  const { exam } = registered;
  const own = sessions.filter((session) => session.examId === exam.id);
  return {
    id: exam.id,
    title: exam.title,
    description: exam.description,
    settings: exam.settings,
    passPercent: exam.passPercent,
    itemCount: exam.sections.reduce((sum, section) => sum + section.pools.reduce((drawn, pool) => drawn + pool.draw, 0), 0),
    availability: examAvailability(exam.settings, now),
    attemptsUsed: own.length,
    attemptsLeft: Math.max(0, exam.settings.attemptsAllowed - own.length),
    sessions: own.map(examSessionSummaryView),
  };
}

export function examSessionView(row: ExamSessionRow, answers: ExamAnswerRow[], released: boolean, now: number): ExamSessionView {
  return {
    ...examSessionSummaryView(row),
    version: row.version,
    serverNow: iso(now),
    released,
    paper: learnerView(sessionPaper(row), { released }),
    answers: Object.fromEntries(answers.map((answer) => [answer.itemId, { value: answer.value as ExamItemAnswer, version: answer.version, savedAt: iso(answer.savedAt) }])),
  };
}

export function examResultView(row: ExamResultRow, regrades: ExamRegradeRow[]): ExamResultView {
  return {
    sessionId: row.sessionId,
    gradedAt: iso(row.gradedAt),
    result: row.result as ExamResult,
    regrades: regrades.map((regrade) => ({ kind: regrade.kind, reason: regrade.reason, createdAt: iso(regrade.createdAt), changes: regrade.changes as RegradeDiff })),
  };
}
