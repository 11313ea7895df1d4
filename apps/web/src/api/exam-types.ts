import type { ExamItemAnswer, ExamResult, ExamSettings, LearnerItemView, LearnerPaperView, RegradeDiff } from '@skylab/lab-engine';

export type { ExamItemAnswer, ExamResult, LearnerItemView, LearnerPaperView } from '@skylab/lab-engine';

export type ExamSessionStatus = 'active' | 'submitted' | 'timed-out';

/** A session in a list (docs/api.md, Exams). */
export interface ExamSessionSummary {
  id: string;
  examId: string;
  status: ExamSessionStatus;
  startedAt: string;
  deadline: string;
  submittedAt: string | null;
  extensionMinutes: number;
}

/** `GET /api/exams`: an exam with its settings, whether it can be started now and your own sessions. */
export interface ExamSummary {
  id: string;
  title: string;
  description: string;
  settings: ExamSettings;
  passPercent: number;
  itemCount: number;
  availability: 'upcoming' | 'open' | 'closed';
  attemptsUsed: number;
  attemptsLeft: number;
  sessions: ExamSessionSummary[];
}

export interface SavedAnswer {
  value: ExamItemAnswer;
  /** What the next save of the item sends as `If-Match`. */
  version: number;
  savedAt: string;
}

/** `GET /api/exam-sessions/:id`: the paper (no key before release), the saved answers, the server's clock. */
export interface ExamSession extends ExamSessionSummary {
  version: number;
  serverNow: string;
  released: boolean;
  paper: LearnerPaperView;
  answers: Record<string, SavedAnswer>;
}

export interface ExamResultView {
  sessionId: string;
  gradedAt: string;
  result: ExamResult;
  regrades: { kind: 'void' | 'regrade'; reason: string; createdAt: string; changes: RegradeDiff }[];
}

export type ExamItem = LearnerItemView;
