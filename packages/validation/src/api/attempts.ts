import { z } from 'zod';
import { findingSchema, isoTime } from './common.ts';
import { hintView, labView } from './labs.ts';
import { checkVisual } from './visuals.ts';

// Attempts, their submissions and grades (docs/api.md, Attempts): request schemas and answers.

export const versionBody = z.object({ version: z.number().int().min(1) });
export const submissionBody = versionBody.extend({ answers: z.record(z.string(), z.string()) });
export type SubmissionBody = z.input<typeof submissionBody>;

const visibility = z.enum(['immediately', 'after-submission', 'after-due-date']);

/** The outcome of one check (DESIGN §4). */
export const checkResult = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'error']),
  points: z.number(),
  maxPoints: z.number(),
  message: z.string(),
  explanation: z.string(),
  visibility,
  misconceptions: z.array(z.string()),
  visual: checkVisual.optional(),
});

/** A check whose feedback is not released yet: what it is worth, never how it went. */
export const withheldCheck = z.strictObject({ id: z.string(), title: z.string(), maxPoints: z.number(), visibility, withheld: z.literal(true), notice: z.string() });

/** A paid hint revealed before grading, by its index in the lab's hints, and what it cost. */
export const revealedHint = z.strictObject({ index: z.number().int(), cost: z.number() });

/** A grade as the learner may see it now: withheld checks as placeholders, and what revealed hints cost. */
export const gradeView = z.strictObject({
  score: z.number(),
  points: z.number(),
  maxPoints: z.number(),
  checks: z.array(z.union([checkResult, withheldCheck])),
  unsupported: z.array(z.string()),
  hintPenalty: z.number(),
  revealedHints: z.array(revealedHint),
});

export const submissionView = z.strictObject({ id: z.string(), createdAt: isoTime, answers: z.record(z.string(), z.string()), grade: gradeView, findings: z.array(findingSchema) });

/** An attempt in a list. `closedAt` is null while it takes submissions; `assignmentId` null for practice. */
export const attemptSummaryView = z.strictObject({
  id: z.string(),
  labId: z.string(),
  version: z.number().int(),
  status: z.enum(['in-progress', 'completed']),
  bestScore: z.number().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  submissionCount: z.number().int(),
  closedAt: isoTime.nullable(),
  assignmentId: z.string().nullable(),
});

/** How the attempt's live AWS account differs from what it should be (it never affects a grade). */
export const accountDriftView = z.strictObject({
  message: z.string(),
  changes: z.array(z.strictObject({ kind: z.enum(['created', 'deleted', 'changed']), path: z.array(z.string()), message: z.string() })),
});

/** An attempt as its learner sees it; `lab` is null once the lab has been withdrawn from the server. */
export const attemptView = attemptSummaryView.extend({
  params: z.record(z.string(), z.string()),
  lab: labView.nullable(),
  submissions: z.array(submissionView),
  maxSubmissions: z.number().int().nullable(),
  checkFeedback: z.enum(['immediately', 'on-close']),
  accountDrift: accountDriftView.nullable(),
});

/** The root credentials of an attempt's emulated AWS account; `endpoint` is absolute. */
export const awsCredentials = z.strictObject({ accessKeyId: z.string(), secretAccessKey: z.string(), region: z.string(), endpoint: z.string(), accountId: z.string() });

/** `GET /api/labs/:id/attempts`. */
export const attemptListResponse = z.strictObject({ attempts: z.array(attemptSummaryView) });
/** `POST /api/labs/:id/attempts`, `GET /api/attempts/:id`, `…/account/reset`, `…/close`. */
export const attemptResponse = z.strictObject({ attempt: attemptView });
/** `POST /api/attempts/:id/hints/:index`. */
export const hintResponse = z.strictObject({ hint: hintView, attempt: attemptView });
/** `POST /api/attempts/:id/submissions`. */
export const submissionResponse = z.strictObject({ submission: submissionView, attempt: attemptView });
/** `GET /api/attempts/:id/aws-credentials`. */
export const awsCredentialsResponse = z.strictObject({ credentials: awsCredentials });
/** `POST /api/validate`. */
export const findingsResponse = z.strictObject({ findings: z.array(findingSchema) });

export type CheckResult = z.infer<typeof checkResult>;
export type WithheldCheck = z.infer<typeof withheldCheck>;
export type RevealedHint = z.infer<typeof revealedHint>;
export type GradeView = z.infer<typeof gradeView>;
export type SubmissionView = z.infer<typeof submissionView>;
export type AttemptSummaryView = z.infer<typeof attemptSummaryView>;
export type AccountDriftView = z.infer<typeof accountDriftView>;
export type AttemptView = z.infer<typeof attemptView>;
export type AwsCredentials = z.infer<typeof awsCredentials>;
export type AttemptResponse = z.infer<typeof attemptResponse>;
export type HintResponse = z.infer<typeof hintResponse>;
export type SubmissionResponse = z.infer<typeof submissionResponse>;
export type AttemptListResponse = z.infer<typeof attemptListResponse>;
export type AwsCredentialsResponse = z.infer<typeof awsCredentialsResponse>;
export type FindingsResponse = z.infer<typeof findingsResponse>;
