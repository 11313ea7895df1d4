import type { Finding, Lab, LabTrackId } from '@skylab/validation';
import type { CheckVisual } from './visuals/types.ts';
import type { AccountState, Ctx } from '@skylab/emulator';

/** When a check's result is shown to the learner. */
export type Visibility = 'immediately' | 'after-submission' | 'after-due-date';

/** The outcome of one check, per DESIGN §4. */
export interface CheckResult {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'error';
  points: number;
  maxPoints: number;
  message: string;
  explanation: string;
  visibility: Visibility;
  misconceptions: string[];
  /** The decision as data the report draws (the rule walk as a table, the path as a diagram), for the checks that have one. */
  visual?: CheckVisual;
}

/** A graded submission, per DESIGN §4. `score` is points / maxPoints in 0..1. */
export interface Grade {
  score: number;
  points: number;
  maxPoints: number;
  checks: CheckResult[];
  unsupported: string[];
  /**
   * Points taken off `points` for the paid hints revealed before grading; never more than the checks earned,
   * so `points` stays at or above 0. Absent in grades stored before hints cost points: read it as 0.
   */
  hintPenalty?: number;
  /** The paid hints revealed before grading and what each costs; absent in grades stored before hints cost points. */
  revealedHints?: RevealedHint[];
}

/** A paid hint the learner revealed, by its position in the lab's `hints`, and the points it costs. */
export interface RevealedHint {
  index: number;
  cost: number;
}

/** What grading needs besides the answers: the paid hints the learner revealed, by index into the lab's `hints`. */
export interface GradeOptions {
  revealedHints?: readonly number[];
}

/** What the catalogue shows about a lab before an attempt starts. */
export interface LabSummary {
  id: string;
  title: string;
  summary: string;
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  estimatedMinutes: number;
  tags: string[];
  /** The catalogue track (`LAB_TRACKS` of `@skylab/validation`). */
  track: LabTrackId;
}

/** A task as the learner sees it, with the attempt's params filled in. */
export interface TaskView {
  id: string;
  kind: string;
  title: string;
  prompt: string;
  starter: string;
  language: 'json' | 'yaml' | 'text';
  /** A `quiz` task's questions, without which options are correct: the answer is `{ answers: { <question id>: [<option id>] } }`. */
  questions?: QuizQuestionView[];
  /** Set when the task is done with the AWS CLI: what is read from the account at submit, and the call that puts it there. */
  liveAccount?: { what: string; command: string };
}

/** A quiz question as the learner sees it, its options in the attempt's order. */
export interface QuizQuestionView {
  id: string;
  text: string;
  multiple: boolean;
  options: { id: string; text: string }[];
}

/** A hint as the learner sees it: the text only when it is free or revealed; costly hints are revealed on request. */
export interface HintView {
  index: number;
  cost: number;
  text?: string;
  /** Whether `text` is shown: free hints always are, paid ones once revealed. */
  revealed: boolean;
}

/** A lab as the learner sees it: summary, rendered description, tasks and hints (free and revealed ones with their text). */
export interface LabView extends LabSummary {
  description: string;
  tasks: TaskView[];
  hints: HintView[];
  /** The lab's services that the attempt's AWS endpoint answers (signing names); empty: no CLI panel. */
  awsEndpointServices: string[];
}

/** The per-attempt variant: seeded params and the provisioned emulated account. */
export interface Provisioned {
  params: Record<string, string>;
  state: AccountState;
}

/** Learner answers keyed by task id (the text they typed). */
export type Answers = Record<string, string>;

/** The result of grading: a grade, or findings when the answers could not be graded. */
export type GradeOutcome =
  | { ok: true; grade: Grade; state: AccountState; findings: Finding[] }
  | { ok: false; findings: Finding[] };

/** One graded run of the self-test: the solution or a known-wrong answer, for one seed. */
export interface SelfTestRun {
  /** `solution`, or the wrong answer's id. */
  subject: string;
  seed: string;
  ok: boolean;
  score?: number;
  /** Ids of the checks that did not pass. */
  failedChecks: string[];
  /** For a wrong answer: the checks it declares it fails. */
  expectedFailedChecks?: string[];
  /** What is wrong, in plain words; empty when `ok`. */
  problems: string[];
  findings: Finding[];
}

/** One mutant of the solution and what the lab's checks made of it. */
export interface MutantRun {
  task: string;
  description: string;
  /** `killed`: a check worth points failed; `equivalent`: it behaves as the solution; `refused`: not gradable; `survived`: it behaves differently and still scores 100%. */
  status: 'killed' | 'survived' | 'equivalent' | 'refused';
  /** The checks that failed it. */
  killedBy: string[];
  /** For a survivor: the start of the comparison that shows how it differs from the solution. */
  difference?: string;
}

/** The result of running a lab's own tests: the solution scores 100%, each wrong answer fails exactly what it declares, no mutant survives. */
export interface SelfTestReport {
  labId: string;
  ok: boolean;
  runs: SelfTestRun[];
  /** The solution's mutants on the first seed's variant. */
  mutants: MutantRun[];
}

export type { AccountState, Ctx, Lab };
