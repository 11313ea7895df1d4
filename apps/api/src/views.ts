import type { AttemptRow, SubmissionRow, UserRow } from '@skylab/db';
import { renderLab, type CheckResult, type Grade, type LabView, type RevealedHint, type Visibility } from '@skylab/lab-engine';
import type { Finding } from '@skylab/validation';
import type { RegisteredLab } from './lab-registry.ts';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRow['role'];
}

/** A check whose feedback is not released yet: what it is and what it is worth, never how it went. */
export interface WithheldCheckView {
  id: string;
  title: string;
  maxPoints: number;
  visibility: Visibility;
  withheld: true;
  notice: string;
}

/** A grade as the learner may see it now: released checks in full, the others as placeholders. */
export interface GradeView extends Omit<Grade, 'checks' | 'hintPenalty' | 'revealedHints'> {
  checks: (CheckResult | WithheldCheckView)[];
  hintPenalty: number;
  revealedHints: RevealedHint[];
}

export interface SubmissionView {
  id: string;
  createdAt: string;
  answers: Record<string, string>;
  grade: GradeView;
  findings: Finding[];
}

/** Which visibilities are released to the learner (DESIGN §8: check feedback released per the check's visibility). */
export type FeedbackRelease = Record<Visibility, boolean>;

/**
 * A grade is only ever shown for a submission, so `after-submission` feedback is always out; nothing has a
 * due date yet (courses bring them), so `after-due-date` feedback stays withheld.
 */
export const SUBMISSION_RELEASE: FeedbackRelease = { immediately: true, 'after-submission': true, 'after-due-date': false };

const WITHHELD_NOTICE: Record<Visibility, string> = {
  immediately: 'feedback released immediately',
  'after-submission': 'feedback released after you submit',
  'after-due-date': 'feedback released after the due date',
};

/**
 * The stored grade as the learner may see it under `release`. The stored grade stays complete, so a later
 * release needs no regrade; grades stored before hints cost points read as having no penalty.
 */
export function gradeView(grade: Grade, release: FeedbackRelease = SUBMISSION_RELEASE): GradeView {
  return {
    ...grade,
    hintPenalty: grade.hintPenalty ?? 0,
    revealedHints: grade.revealedHints ?? [],
    checks: grade.checks.map((check) =>
      release[check.visibility]
        ? check
        : { id: check.id, title: check.title, maxPoints: check.maxPoints, visibility: check.visibility, withheld: true, notice: WITHHELD_NOTICE[check.visibility] },
    ),
  };
}

/** An attempt in a list: no params, no submissions, no rendered lab. */
export interface AttemptSummaryView {
  id: string;
  labId: string;
  version: number;
  status: AttemptRow['status'];
  bestScore: number | null;
  createdAt: string;
  updatedAt: string;
  submissionCount: number;
}

export interface AttemptView extends AttemptSummaryView {
  params: Record<string, string>;
  /** Rendered with this attempt's params; `null` once the lab has been removed from the server. */
  lab: LabView | null;
  submissions: SubmissionView[];
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function userView(user: UserRow): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function submissionView(row: SubmissionRow): SubmissionView {
  return { id: row.id, createdAt: iso(row.createdAt), answers: row.answers, grade: gradeView(row.grade as Grade), findings: row.findings as Finding[] };
}

export function attemptSummaryView(row: AttemptRow): AttemptSummaryView {
  return {
    id: row.id,
    labId: row.labId,
    version: row.version,
    status: row.status,
    bestScore: row.bestScore,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    submissionCount: row.submissionCount,
  };
}

export function attemptView(row: AttemptRow, registered: RegisteredLab | undefined, submissions: SubmissionRow[]): AttemptView {
  return {
    ...attemptSummaryView(row),
    params: row.params,
    lab: registered ? renderLab(registered.lab, row.params, row.revealedHints) : null,
    submissions: submissions.map(submissionView),
  };
}
