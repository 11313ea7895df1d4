import { z } from 'zod';

// The HTTP API of courses, API tokens and lab preview (docs/api.md), shared by the API and the web client:
// the routes validate request bodies with these schemas, the OpenAPI document is generated from them, and
// the web client takes its request and response types from here, so none of the three keeps its own copy.

/** What an API token may be used for; the owner's own role and course memberships still bound it. */
export const API_TOKEN_SCOPES = ['courses:read', 'courses:write', 'grades:read', 'enrollments:write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

const title = z.string().trim().min(1).max(200);
const description = z.string().max(5000);

export const courseBody = z.object({ title, description: description.optional() }).strict();
export const coursePatchBody = courseBody.partial().strict();

export const memberBody = z
  .object({ email: z.string().trim().min(3).max(254), role: z.enum(['learner', 'instructor']).default('learner') })
  .strict();

/** `accept`, `refuse`, or a penalty in percent of the score per started day late. */
export const latePolicy = z.union([z.enum(['accept', 'refuse']), z.object({ penaltyPercentPerDay: z.number().gt(0).max(100) }).strict()]);
export type LatePolicyBody = z.infer<typeof latePolicy>;

const when = z.iso.datetime({ offset: true }).nullable();
// Lab ids are checked against the registry; exam ids only for their shape until exams land.
const refId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are 1–64 lower-case letters, digits and dashes');

export const assignmentBody = z
  .object({
    kind: z.enum(['lab', 'exam']),
    refId,
    title: title.optional(),
    opensAt: when.default(null),
    dueAt: when.default(null),
    latePolicy: latePolicy.default('accept'),
  })
  .strict();
export const assignmentPatchBody = z
  .object({ title, opensAt: when, dueAt: when, latePolicy })
  .partial()
  .strict();

/** Tokens live at most a year: a forgotten token should not work forever. */
export const MAX_TOKEN_DAYS = 365;
export const tokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1).max(API_TOKEN_SCOPES.length),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS),
  })
  .strict();

/** Lab texts up to 128 KB: the largest lab in the repository is a fraction of that. */
export const MAX_LAB_PREVIEW_CHARS = 128 * 1024;
export const labPreviewBody = z
  .object({ text: z.string().max(MAX_LAB_PREVIEW_CHARS), seed: z.string().min(1).max(100).default('preview') })
  .strict();

export const startAttemptBody = z.object({ assignmentId: z.string().min(1).max(64).optional() }).strict();

export type CourseBody = z.input<typeof courseBody>;
export type CoursePatchBody = z.input<typeof coursePatchBody>;
export type MemberBody = z.input<typeof memberBody>;
export type AssignmentBody = z.input<typeof assignmentBody>;
export type AssignmentPatchBody = z.input<typeof assignmentPatchBody>;
export type TokenBody = z.input<typeof tokenBody>;
export type LabPreviewBody = z.input<typeof labPreviewBody>;

export type CourseRole = 'learner' | 'instructor';

export interface CourseView {
  id: string;
  title: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  /** The caller's role in the course (admins read every course as instructors). */
  role: CourseRole;
}

export interface AssignmentView {
  id: string;
  courseId: string;
  kind: 'lab' | 'exam';
  refId: string;
  title: string;
  opensAt: string | null;
  dueAt: string | null;
  latePolicy: LatePolicyBody;
  createdAt: string;
  updatedAt: string;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: CourseRole;
  enrolledAt: string;
}

/** One learner's standing on one assignment. */
export interface GradebookCell {
  assignmentId: string;
  attempts: number;
  /** The best submission's score (0–1) after the late policy; null without a counted submission. */
  bestScore: number | null;
  /** Some attempt passed every check. */
  completed: boolean;
  /** The best score came from a submission after the due date. */
  late: boolean;
  /** From each attempt's start to its last change, summed. */
  timeSpentMs: number;
}

export interface GradebookView {
  assignments: AssignmentView[];
  rows: { learner: { userId: string; email: string; name: string }; cells: GradebookCell[] }[];
}

export interface LearnerAssignmentView extends AssignmentView, Omit<GradebookCell, 'assignmentId' | 'timeSpentMs'> {
  courseTitle: string;
  /** `upcoming` before `opensAt`, `open`, `overdue` past `dueAt` while late work is taken, `closed` past it when refused. */
  state: 'upcoming' | 'open' | 'overdue' | 'closed';
  /** The newest attempt made for it, to carry on with; null before the first. */
  latestAttemptId: string | null;
}

export interface CheckFailures {
  id: string;
  title: string;
  /** Submissions in which the check did not pass (failed or could not be decided). */
  failed: number;
  submissions: number;
}

export interface WrongAnswerCluster {
  /** The checks every submission of the cluster failed, sorted: the cluster's key. */
  failingChecks: string[];
  submissions: number;
  attempts: number;
  /** The latest submission's answers, as an example of the mistake. */
  example: { submissionId: string; answers: Record<string, string> };
}

export interface LabAnalytics {
  submissions: number;
  checks: CheckFailures[];
  /** Failed checks carrying each misconception tag, over all submissions. */
  misconceptions: { tag: string; count: number }[];
  wrongAnswers: WrongAnswerCluster[];
}

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
