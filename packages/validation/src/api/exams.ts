import { z } from 'zod';
import { examItemAnswerSchema } from '../exam/answers.ts';
import { exhibitSchema } from '../exam/items.ts';
import { examSettingsSchema } from '../exam/schema.ts';
import { findingSchema, isoTime } from './common.ts';
import { taskView } from './labs.ts';

// Exams (docs/api.md, Exams): papers as the learner sees them, sessions, results and regrades.

const entry = z.strictObject({ id: z.string(), text: z.string() });
const itemBase = { id: z.string(), section: z.string(), domain: z.string(), points: z.number() };
/** Key, rationale and documentation link are sent only once feedback is released. */
const question = { ...itemBase, stem: z.string(), exhibits: z.array(exhibitSchema), rationale: z.record(z.string(), z.string()).optional(), learnMore: z.string().optional() };

export const learnerItemView = z.discriminatedUnion('kind', [
  z.strictObject({ ...question, kind: z.enum(['single-choice', 'multiple-choice', 'which-wins']), partialCredit: z.enum(['all-or-nothing', 'per-option']), options: z.array(entry), key: z.array(z.string()).optional() }),
  z.strictObject({ ...question, kind: z.literal('ordering'), partialCredit: z.enum(['all-or-nothing', 'per-position']), steps: z.array(entry), key: z.array(z.string()).optional() }),
  z.strictObject({
    ...question,
    kind: z.literal('matching'),
    partialCredit: z.enum(['all-or-nothing', 'per-pair']),
    prompts: z.array(entry),
    targets: z.array(entry),
    key: z.record(z.string(), z.string()).optional(),
  }),
  z.strictObject({ ...itemBase, kind: z.literal('hands-on'), partialCredit: z.literal('scaled-checks'), task: taskView, lab: z.strictObject({ id: z.string(), title: z.string(), description: z.string() }) }),
]);

/** A paper as the learner sees it: no key, rationale or check before release. */
export const learnerPaperView = z.strictObject({
  examId: z.string(),
  title: z.string(),
  settings: examSettingsSchema,
  passPercent: z.number(),
  domains: z.array(z.strictObject({ id: z.string(), title: z.string() })),
  released: z.boolean(),
  sections: z.array(z.strictObject({ id: z.string(), title: z.string(), items: z.array(learnerItemView) })),
});

const itemStatus = z.enum(['correct', 'partial', 'incorrect', 'unanswered', 'voided', 'error']);

/** A graded paper. */
export const examResult = z.strictObject({
  examId: z.string(),
  examHash: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  passed: z.boolean(),
  passPercent: z.number(),
  items: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['single-choice', 'multiple-choice', 'which-wins', 'ordering', 'matching', 'hands-on']),
      domain: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      status: itemStatus,
      message: z.string().optional(),
      checks: z
        .array(z.strictObject({ id: z.string(), title: z.string(), status: z.enum(['pass', 'fail', 'error']), points: z.number(), maxPoints: z.number(), message: z.string() }))
        .optional(),
      labHash: z.string().optional(),
      findings: z.array(findingSchema).optional(),
    }),
  ),
  domains: z.array(
    z.strictObject({ id: z.string(), title: z.string(), points: z.number(), maxPoints: z.number(), percent: z.number(), band: z.enum(['meets', 'needs-improvement']) }),
  ),
  voided: z.array(z.string()),
});

const total = z.strictObject({ points: z.number(), maxPoints: z.number(), percent: z.number(), passed: z.boolean() });
const itemGrade = z.strictObject({ points: z.number(), maxPoints: z.number(), status: itemStatus });

/** What changed between two grades of the same paper. */
export const regradeDiff = z.strictObject({ changed: z.array(z.strictObject({ id: z.string(), before: itemGrade, after: itemGrade })), before: total, after: total });

/** A session in a list: where it stands, never its paper. */
export const examSessionSummaryView = z.strictObject({
  id: z.string(),
  examId: z.string(),
  status: z.enum(['active', 'submitted', 'timed-out']),
  startedAt: isoTime,
  deadline: isoTime,
  submittedAt: isoTime.nullable(),
  extensionMinutes: z.number().int(),
});

/** An exam with its settings, whether it can be started now and the caller's own sessions. */
export const examSummaryView = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  settings: examSettingsSchema,
  passPercent: z.number(),
  itemCount: z.number().int(),
  availability: z.enum(['upcoming', 'open', 'closed']),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int(),
  sessions: z.array(examSessionSummaryView),
});

/** A saved answer; `version` is what the next autosave of the item sends as `If-Match`. */
export const savedAnswer = z.strictObject({ value: examItemAnswerSchema, version: z.number().int(), savedAt: isoTime });

/** A session as its learner sees it; the client counts down from `deadline − serverNow`, for display only. */
export const examSessionView = examSessionSummaryView.extend({
  version: z.number().int(),
  serverNow: isoTime,
  released: z.boolean(),
  paper: learnerPaperView,
  answers: z.record(z.string(), savedAnswer),
});

export const examResultView = z.strictObject({
  sessionId: z.string(),
  gradedAt: isoTime,
  result: examResult,
  regrades: z.array(z.strictObject({ kind: z.enum(['void', 'regrade']), reason: z.string(), createdAt: isoTime, changes: regradeDiff })),
});

const regraded = z.array(z.strictObject({ sessionId: z.string(), diff: regradeDiff }));

/** `GET /api/exams`. */
export const examListResponse = z.strictObject({ exams: z.array(examSummaryView) });
/** `POST /api/exams/:id/sessions`, `GET /api/exam-sessions/:id`. */
export const examSessionResponse = z.strictObject({ session: examSessionView });
/** `GET /api/exams/:id/sessions`. */
export const examSessionListResponse = z.strictObject({
  sessions: z.array(examSessionSummaryView.extend({ learner: z.strictObject({ id: z.string(), email: z.string(), name: z.string() }) })),
});
/** `POST /api/exams/:id/void-items`. */
export const voidItemResponse = z.strictObject({ voided: z.string(), regraded });
/** `POST /api/exams/:id/regrade`. */
export const regradeResponse = z.strictObject({ regraded });
/** `PUT /api/exam-sessions/:id/answers/:itemId`. */
export const savedAnswerResponse = z.strictObject({ answer: savedAnswer.extend({ itemId: z.string() }) });
/** `POST /api/exam-sessions/:id/submit`: the result only when it is released on submission. */
export const examSubmitResponse = z.strictObject({ session: examSessionView, result: examResultView.nullable() });
/** `GET /api/exam-sessions/:id/result`. */
export const examResultResponse = z.strictObject({ result: examResultView });
/** `POST /api/exam-sessions/:id/extensions`. */
export const examExtensionResponse = z.strictObject({ session: examSessionSummaryView });

export type LearnerItemView = z.infer<typeof learnerItemView>;
export type LearnerPaperView = z.infer<typeof learnerPaperView>;
export type ExamResult = z.infer<typeof examResult>;
export type RegradeDiff = z.infer<typeof regradeDiff>;
export type ExamSessionSummaryView = z.infer<typeof examSessionSummaryView>;
export type ExamSummaryView = z.infer<typeof examSummaryView>;
export type SavedAnswer = z.infer<typeof savedAnswer>;
export type ExamSessionView = z.infer<typeof examSessionView>;
export type ExamResultView = z.infer<typeof examResultView>;
export type ExamSubmitResponse = z.infer<typeof examSubmitResponse>;
export type ExamListResponse = z.infer<typeof examListResponse>;
export type ExamSessionResponse = z.infer<typeof examSessionResponse>;
export type ExamSessionListResponse = z.infer<typeof examSessionListResponse>;
export type VoidItemResponse = z.infer<typeof voidItemResponse>;
export type RegradeResponse = z.infer<typeof regradeResponse>;
export type SavedAnswerResponse = z.infer<typeof savedAnswerResponse>;
export type ExamResultResponse = z.infer<typeof examResultResponse>;
export type ExamExtensionResponse = z.infer<typeof examExtensionResponse>;
