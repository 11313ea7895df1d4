import { z } from 'zod';
import { attemptSummaryView, submissionView } from './attempts.ts';
import { isoTime } from './common.ts';

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

/** A lab text published to a course: validated and self-tested again by the server. */
export const courseLabBody = z.object({ text: z.string().min(1).max(MAX_LAB_PREVIEW_CHARS) }).strict();

export const startAttemptBody = z.object({ assignmentId: z.string().min(1).max(64).optional() }).strict();

export type CourseBody = z.input<typeof courseBody>;
export type CoursePatchBody = z.input<typeof coursePatchBody>;
export type MemberBody = z.input<typeof memberBody>;
export type AssignmentBody = z.input<typeof assignmentBody>;
export type AssignmentPatchBody = z.input<typeof assignmentPatchBody>;
export type TokenBody = z.input<typeof tokenBody>;
export type LabPreviewBody = z.input<typeof labPreviewBody>;
export type CourseLabBody = z.input<typeof courseLabBody>;

const courseRole = z.enum(['learner', 'instructor']);
export type CourseRole = z.infer<typeof courseRole>;

/** A course; `role` is the caller's in it (admins read every course as instructors). */
export const courseView = z.strictObject({ id: z.string(), title: z.string(), description: z.string(), createdAt: isoTime, updatedAt: isoTime, role: courseRole });

export const assignmentView = z.strictObject({
  id: z.string(),
  courseId: z.string(),
  kind: z.enum(['lab', 'exam']),
  refId: z.string(),
  title: z.string(),
  opensAt: isoTime.nullable(),
  dueAt: isoTime.nullable(),
  latePolicy,
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const memberView = z.strictObject({ userId: z.string(), email: z.string(), name: z.string(), role: courseRole, enrolledAt: isoTime });

/**
 * One learner's standing on one assignment: `bestScore` is the best submission's score (0–1) after the late
 * policy, null without a counted submission; `late` when it came after the due date; `timeSpentMs` sums each
 * attempt's start to its last change.
 */
export const gradebookCell = z.strictObject({
  assignmentId: z.string(),
  attempts: z.number().int(),
  bestScore: z.number().nullable(),
  completed: z.boolean(),
  late: z.boolean(),
  timeSpentMs: z.number(),
});

/** `GET /api/courses/:courseId/gradebook`: learners × assignments. */
export const gradebookView = z.strictObject({
  assignments: z.array(assignmentView),
  rows: z.array(z.strictObject({ learner: z.strictObject({ userId: z.string(), email: z.string(), name: z.string() }), cells: z.array(gradebookCell) })),
});

/**
 * An assignment due in one of the learner's courses. `state`: `upcoming` before `opensAt`, `open`, `overdue`
 * past `dueAt` while late work is taken, `closed` past it when refused; `latestAttemptId` null before the first.
 */
export const learnerAssignmentView = assignmentView.extend({
  ...gradebookCell.omit({ assignmentId: true, timeSpentMs: true }).shape,
  courseTitle: z.string(),
  state: z.enum(['upcoming', 'open', 'overdue', 'closed']),
  latestAttemptId: z.string().nullable(),
});

/** A check of a lab and in how many submissions it did not pass (failed or could not be decided). */
export const checkFailures = z.strictObject({ id: z.string(), title: z.string(), failed: z.number().int(), submissions: z.number().int() });

/** Submissions failing the same checks (`failingChecks`, sorted: the key), with the latest one's answers as an example. */
const wrongAnswerCluster = z.strictObject({
  failingChecks: z.array(z.string()),
  submissions: z.number().int(),
  attempts: z.number().int(),
  example: z.strictObject({ submissionId: z.string(), answers: z.record(z.string(), z.string()) }),
});

/** Which checks and misconceptions fail most in a lab; `misconceptions` counts failed checks carrying each tag. */
export const labAnalytics = z.strictObject({
  submissions: z.number().int(),
  checks: z.array(checkFailures),
  misconceptions: z.array(z.strictObject({ tag: z.string(), count: z.number().int() })),
  wrongAnswers: z.array(wrongAnswerCluster),
});

export const apiTokenView = z.strictObject({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)),
  createdAt: isoTime,
  expiresAt: isoTime,
  revokedAt: isoTime.nullable(),
  lastUsedAt: isoTime.nullable(),
});

/** `GET /api/me/assignments`. */
export const learnerAssignmentsResponse = z.strictObject({ assignments: z.array(learnerAssignmentView) });
/** A lab published to a course; `version` is the SHA-256 of its text, the version attempts record. */
export const courseLabView = z.strictObject({ id: z.string(), title: z.string(), courseId: z.string(), version: z.string(), authorId: z.string(), publishedAt: isoTime });
/** `GET /api/courses/:courseId/labs`. */
export const courseLabListResponse = z.strictObject({ labs: z.array(courseLabView) });
/** `POST /api/courses/:courseId/labs`. */
export const courseLabResponse = z.strictObject({ lab: courseLabView });
/** `GET /api/courses`. */
export const courseListResponse = z.strictObject({ courses: z.array(courseView) });
/** `POST`, `PATCH /api/courses/:courseId`. */
export const courseResponse = z.strictObject({ course: courseView });
/** `GET /api/courses/:courseId`. */
export const courseDetailResponse = z.strictObject({ course: courseView, assignments: z.array(assignmentView) });
/** `GET /api/courses/:courseId/members`. */
export const memberListResponse = z.strictObject({ members: z.array(memberView) });
/** `POST /api/courses/:courseId/members`. */
export const memberResponse = z.strictObject({ member: memberView });
/** `POST`, `PATCH /api/courses/:courseId/assignments…`. */
export const assignmentResponse = z.strictObject({ assignment: assignmentView });
/** `GET /api/courses/:courseId/learners/:userId/attempts`: every grade in full, whatever the checks' visibility. */
export const learnerHistoryResponse = z.strictObject({
  learner: memberView,
  attempts: z.array(attemptSummaryView.extend({ labTitle: z.string(), submissions: z.array(submissionView) })),
});
/** `GET /api/courses/:courseId/analytics/:labId`. */
export const labAnalyticsResponse = labAnalytics.extend({ labId: z.string(), title: z.string() });
/** `GET /api/tokens`. */
export const tokenListResponse = z.strictObject({ tokens: z.array(apiTokenView) });
/** `POST /api/tokens`: the plaintext, shown this once. */
export const tokenCreatedResponse = z.strictObject({ token: apiTokenView, plaintext: z.string() });

export type CourseView = z.infer<typeof courseView>;
export type AssignmentView = z.infer<typeof assignmentView>;
export type MemberView = z.infer<typeof memberView>;
export type GradebookCell = z.infer<typeof gradebookCell>;
export type GradebookView = z.infer<typeof gradebookView>;
export type LearnerAssignmentView = z.infer<typeof learnerAssignmentView>;
export type LabAnalytics = z.infer<typeof labAnalytics>;
export type CheckFailures = z.infer<typeof checkFailures>;
export type ApiTokenView = z.infer<typeof apiTokenView>;
export type CourseDetailResponse = z.infer<typeof courseDetailResponse>;
export type LearnerHistoryResponse = z.infer<typeof learnerHistoryResponse>;
export type LabAnalyticsResponse = z.infer<typeof labAnalyticsResponse>;
export type TokenCreatedResponse = z.infer<typeof tokenCreatedResponse>;
export type LearnerAssignmentsResponse = z.infer<typeof learnerAssignmentsResponse>;
export type CourseListResponse = z.infer<typeof courseListResponse>;
export type CourseLabView = z.infer<typeof courseLabView>;
export type CourseLabListResponse = z.infer<typeof courseLabListResponse>;
export type CourseLabResponse = z.infer<typeof courseLabResponse>;
export type CourseResponse = z.infer<typeof courseResponse>;
export type MemberListResponse = z.infer<typeof memberListResponse>;
export type MemberResponse = z.infer<typeof memberResponse>;
export type AssignmentResponse = z.infer<typeof assignmentResponse>;
export type TokenListResponse = z.infer<typeof tokenListResponse>;
