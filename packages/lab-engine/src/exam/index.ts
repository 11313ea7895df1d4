/** Loads an exam from YAML text: schema, keys and cross-references to the labs, findings with line and column. */
export { loadExam } from './load-exam.ts';
/** Stable content hashes (SHA-256, hex) of an exam and of a lab; a learner's frozen paper drawn from an exam with a seed. */
export { examHash, labHash, drawPaper } from './draw-paper.ts';
/** A paper as the learner sees it: keys, rationale and links only once released. */
export { learnerView } from './learner-view.ts';
/** Checks one autosaved answer against its item on the paper. */
export { readItemAnswer } from './item-answer.ts';
/** Grades a paper deterministically: per item, per domain, pass or fail; voided items count for no one. */
export { gradePaper } from './grade-paper.ts';
/** Which items' grades changed between two grades of the same paper. */
export { regradeDiff } from './regrade-diff.ts';
/** Whether results are released, per the exam's `feedbackRelease`. */
export { feedbackReleased } from './release.ts';
/** The answers the key gives for a paper (each hands-on item: its lab's solution in the paper's variant). */
export { keyAnswers } from './key-answers.ts';
/** An exam's own test: every item's key scores full marks, each drawn paper 100% with its key and 0 empty. */
export { examSelfTest, EXAM_TEST_SEEDS, type ExamTestReport, type ExamTestRun } from './self-test.ts';
