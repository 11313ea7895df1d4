import type { LearnerItemView } from '@skylab/validation';

// The exam answers' types, inferred from the API's schemas (`@skylab/validation`, src/api); see `types.ts`.

export type {
  ExamItemAnswer,
  ExamResult,
  ExamResultView,
  ExamSessionSummaryView as ExamSessionSummary,
  ExamSessionView as ExamSession,
  ExamSummaryView as ExamSummary,
  LearnerItemView,
  LearnerPaperView,
  SavedAnswer,
} from '@skylab/validation';

export type ExamItem = LearnerItemView;
