import type { Finding, Lab } from '@skylab/validation';
import type { Exam, ExamAnswers, ExamItemAnswer, ExamLoad, ExamResult, ExamSettings, GradePaperOptions, LabLookup, LearnerPaperView, Paper, RegradeDiff } from './types.ts';

const TODO = 'not implemented yet';

/** Loads an exam from YAML text: schema, keys and cross-references to the labs, findings with line and column. */
export function loadExam(_text: string, _opts: { file?: string; labs: LabLookup }): ExamLoad {
  throw new Error(TODO);
}

/** A stable content hash (SHA-256, hex) of an exam. */
export function examHash(_exam: Exam): string {
  throw new Error(TODO);
}

/** A stable content hash (SHA-256, hex) of a lab. */
export function labHash(_lab: Lab): string {
  throw new Error(TODO);
}

/** Draws a learner's frozen paper from the exam with a seed: the same seed always gives the same paper. */
export function drawPaper(_exam: Exam, _opts: { seed: string; labs: LabLookup }): Paper {
  throw new Error(TODO);
}

/** A paper as the learner sees it: keys, rationale and links only once `released`. */
export function learnerView(_paper: Paper, _opts: { released: boolean }): LearnerPaperView {
  throw new Error(TODO);
}

/** Checks one autosaved answer against its item on the paper: unknown items, options, steps or targets are findings. */
export function readItemAnswer(_paper: Paper, _itemId: string, _answer: unknown): { answer?: ExamItemAnswer; findings: Finding[] } {
  throw new Error(TODO);
}

/** Grades a paper deterministically: per item, per domain, pass or fail; voided items count for no one. */
export function gradePaper(_paper: Paper, _answers: ExamAnswers, _opts: GradePaperOptions): ExamResult {
  throw new Error(TODO);
}

/** Which items' grades changed between two grades of the same paper. */
export function regradeDiff(_before: ExamResult, _after: ExamResult): RegradeDiff {
  throw new Error(TODO);
}

/** Whether results are released: `after-submit` once submitted, `after-close` once the window has closed (`now` in ms). */
export function feedbackReleased(_settings: ExamSettings, _state: { submitted: boolean; now: number }): boolean {
  throw new Error(TODO);
}
