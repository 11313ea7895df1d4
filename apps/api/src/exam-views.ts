import type { ExamAnswerRow, ExamRegradeRow, ExamResultRow, ExamSessionRow } from '@skylab/db';
import { learnerView, type ExamResult, type LearnerPaperView, type RegradeDiff } from '@skylab/lab-engine';
import type { RegisteredExam } from './exam-registry.ts';
import { examAvailability, sessionPaper, type ExamAvailability } from './exam-sessions.ts';
import { iso } from './views.ts';

/** A session in a list: where it stands, never its paper. */
export interface ExamSessionSummaryView {
  id: string;
  examId: string;
  status: ExamSessionRow['status'];
  startedAt: string;
  deadline: string;
  submittedAt: string | null;
  extensionMinutes: number;
}

/** An exam in the list: its settings, whether it can be started now, and the learner's own sessions of it. */
export interface ExamSummaryView {
  id: string;
  title: string;
  description: string;
  settings: RegisteredExam['exam']['settings'];
  passPercent: number;
  itemCount: number;
  availability: ExamAvailability;
  attemptsUsed: number;
  attemptsLeft: number;
  sessions: ExamSessionSummaryView[];
}

export interface ExamAnswerView {
  value: unknown;
  /** What the next autosave of this item sends as `If-Match`. */
  version: number;
  savedAt: string;
}

/** A session as its learner sees it: the paper without keys until released, the saved answers and the server's times. */
export interface ExamSessionView extends ExamSessionSummaryView {
  version: number;
  /** The server's clock when it answered: the client counts down from `deadline − serverNow`, for display only. */
  serverNow: string;
  released: boolean;
  paper: LearnerPaperView;
  answers: Record<string, ExamAnswerView>;
}

export interface ExamRegradeView {
  kind: ExamRegradeRow['kind'];
  reason: string;
  createdAt: string;
  changes: RegradeDiff;
}

export interface ExamResultView {
  sessionId: string;
  gradedAt: string;
  result: ExamResult;
  regrades: ExamRegradeView[];
}

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
    answers: Object.fromEntries(answers.map((answer) => [answer.itemId, { value: answer.value, version: answer.version, savedAt: iso(answer.savedAt) }])),
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
