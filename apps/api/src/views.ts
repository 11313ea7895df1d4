import type { AttemptRow, SubmissionRow, UserRow } from '@skylab/db';
import { renderLab, type Grade, type LabView } from '@skylab/lab-engine';
import type { Finding } from '@skylab/validation';
import type { RegisteredLab } from './lab-registry.ts';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRow['role'];
}

export interface SubmissionView {
  id: string;
  createdAt: string;
  answers: Record<string, string>;
  grade: Grade;
  findings: Finding[];
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
  return { id: row.id, createdAt: iso(row.createdAt), answers: row.answers, grade: row.grade as Grade, findings: row.findings as Finding[] };
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
    // Each accepted submission bumps the version once (the guarded write), so no count query is needed.
    submissionCount: row.version - 1,
  };
}

export function attemptView(row: AttemptRow, registered: RegisteredLab | undefined, submissions: SubmissionRow[]): AttemptView {
  return {
    ...attemptSummaryView(row),
    params: row.params,
    lab: registered ? renderLab(registered.lab, row.params) : null,
    submissions: submissions.map(submissionView),
  };
}
