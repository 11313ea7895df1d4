/** The lab engine's result and view types (DESIGN §4). */
export type {
  Answers,
  CheckResult,
  Grade,
  GradeOptions,
  GradeOutcome,
  HintView,
  Lab,
  LabSummary,
  LabView,
  MutantRun,
  Provisioned,
  RevealedHint,
  SelfTestReport,
  SelfTestRun,
  TaskView,
  Visibility,
} from './types.ts';
/** A check's decision as data the report draws: the listener's rule walk, the network path and where it is blocked. */
export type { AlbRuleWalkVisual, AsgTimelinePoint, AsgTimelineVisual, CheckVisual, ExposureCell, ExposureMatrixVisual, ExposureTier, IamDecisionVisual, IamLayer, IamStatementVisual, NetworkBlock, NetworkHop, NetworkPathVisual, RuleWalkCondition, RuleWalkRow } from './visuals/types.ts';
/** Loads a lab from YAML text into a validated lab or findings with line and column. */
export { loadLab, type LoadLabOptions } from './load-lab.ts';
/** Loads the misconception catalogue (`labs/misconceptions.yaml`) into a map by id, with findings at line and column. */
export { loadMisconceptions, type MisconceptionCatalogue } from './load-misconceptions.ts';
/** The catalogue summary of a lab, and the lab as a learner sees it (params filled in). */
export { summarize, renderLab } from './view.ts';
/** Draws an attempt's params from its seed and builds its initial account; the context of its account (its account id). */
export { attemptCtx, provision } from './provision.ts';
/** Grades answers against a provisioned attempt, with per-check messages and explanations. */
export { grade } from './grade.ts';
/** Runs a lab's solution, known-wrong answers and the solution's mutants, and reports whether they score as they must. */
export { selfTest, SELF_TEST_SEEDS } from './self-test.ts';
/** Grades the mutants of a lab's solution: each that changes behaviour must fail a check. */
export { mutationTest } from './mutation-test.ts';
/** An author error found while provisioning a lab. */
export { LabError } from './lab-error.ts';
/** The params an attempt gets from its seed. */
export { resolveParams } from './params.ts';
/** A seeded pseudo-random generator and a string hash, deterministic on every runtime. */
export { seededRandom, hashString } from './prng.ts';
/** Installs answers in a copy of an account as grading does, without running the checks. */
export { applyAnswers, type AppliedAnswers } from './apply-answers.ts';
/** How an attempt's live account differs from what it should be, in AWS terms for the learner. */
export { accountDrift, type AccountChange } from './account-drift.ts';
/** Tasks answered from the live account: which they are, what they read, and the answers read at submit. */
export { isLiveAccountTask, liveAccountSource, withLiveAnswers } from './live-answers.ts';
/** The read-only console's view of an account (no secrets), in the shapes of the API's answer schema. */
export { accountView } from './account-view.ts';
/** Exams: load and validate, draw a frozen per-learner paper, the learner's view of it, grade and regrade. */
export { loadExam, examHash, labHash, drawPaper, learnerView, readItemAnswer, gradePaper, regradeDiff, feedbackReleased, keyAnswers, examSelfTest, EXAM_TEST_SEEDS, type ExamTestReport, type ExamTestRun } from './exam/index.ts';
/** The plain-JSON shapes of exams, papers, answers and results. */
export type {
  DomainResult,
  Exam,
  ExamAnswers,
  ExamItemAnswer,
  ExamLoad,
  ExamResult,
  ExamSettings,
  GradePaperOptions,
  HandsOnCheck,
  ItemResult,
  LabLookup,
  LearnerItemView,
  LearnerPaperView,
  Paper,
  PaperEntry,
  PaperItem,
  RegradeChange,
  RegradeDiff,
} from './exam/types.ts';
/** A lab text's findings, its learner view for a seed and its self-test, for authors before they publish. */
export { previewLab, type LabPreview } from './preview-lab.ts';
