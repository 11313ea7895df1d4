import type { Exam, ExamAnswers, ExamItemAnswer, ExamSettings, Exhibit, Finding, Lab } from '@skylab/validation';
import type { Ctx } from '@skylab/emulator';
import type { TaskView } from '../types.ts';

// The plain-JSON shapes of exams (issue 13). A paper is frozen when an attempt starts: it embeds everything
// needed to show and grade it later, so editing the exam or a lab never changes what a learner was asked.

/** Finds a loaded lab by id; `undefined` when there is none. */
export type LabLookup = (id: string) => Lab | undefined;

/** The result of loading an exam: the exam when it has no errors, and every finding with line and column. */
export interface ExamLoad {
  exam?: Exam;
  findings: Finding[];
}

/** What the learner sees of an option, step or target. */
export interface PaperEntry {
  id: string;
  text: string;
}

/** The fields every paper item has. */
interface PaperItemBase {
  id: string;
  section: string;
  domain: string;
  points: number;
}

/** The fields of a scenario question on a paper. */
interface PaperQuestionBase extends PaperItemBase {
  stem: string;
  exhibits: Exhibit[];
  learnMore: string;
  /** Why each option, step or prompt is where it is, by its id: shown only once feedback is released. */
  rationale: Record<string, string>;
}

/** A single-choice, multiple-choice or which-wins question; `options` in this paper's order. */
export interface PaperChoiceItem extends PaperQuestionBase {
  kind: 'single-choice' | 'multiple-choice' | 'which-wins';
  partialCredit: 'all-or-nothing' | 'per-option';
  options: PaperEntry[];
  /** The correct option ids. */
  key: string[];
}

/** An ordering item; `steps` shuffled for this paper. */
export interface PaperOrderingItem extends PaperQuestionBase {
  kind: 'ordering';
  partialCredit: 'all-or-nothing' | 'per-position';
  steps: PaperEntry[];
  /** The step ids in their correct order. */
  key: string[];
}

/** A matching item; `targets` shuffled for this paper. */
export interface PaperMatchingItem extends PaperQuestionBase {
  kind: 'matching';
  partialCredit: 'all-or-nothing' | 'per-pair';
  prompts: PaperEntry[];
  targets: PaperEntry[];
  /** The target id of each prompt id. */
  key: Record<string, string>;
}

/** A lab task in the variant drawn for this paper. */
export interface PaperHandsOnItem extends PaperItemBase {
  kind: 'hands-on';
  partialCredit: 'scaled-checks';
  lab: { id: string; title: string; description: string; hash: string };
  /** The task as the learner sees it, with this paper's params filled in (a quiz task's questions without their key). */
  task: TaskView;
  /** The seed the lab variant is provisioned from (its params are drawn from it). */
  seed: string;
  params: Record<string, string>;
}

/** One item of a frozen paper. */
export type PaperItem = PaperChoiceItem | PaperOrderingItem | PaperMatchingItem | PaperHandsOnItem;

/** A learner's frozen paper: plain JSON, stored when the attempt starts. */
export interface Paper {
  examId: string;
  examHash: string;
  title: string;
  seed: string;
  settings: ExamSettings;
  passPercent: number;
  domainMeetsPercent: number;
  domains: { id: string; title: string }[];
  sections: { id: string; title: string; items: PaperItem[] }[];
}

/** What a learner sees of a choice item; `key` and `rationale` only once released. */
export interface LearnerChoiceView extends Omit<PaperChoiceItem, 'key' | 'rationale' | 'learnMore'> {
  key?: string[];
  rationale?: Record<string, string>;
  learnMore?: string;
}

/** What a learner sees of an ordering item. */
export interface LearnerOrderingView extends Omit<PaperOrderingItem, 'key' | 'rationale' | 'learnMore'> {
  key?: string[];
  rationale?: Record<string, string>;
  learnMore?: string;
}

/** What a learner sees of a matching item. */
export interface LearnerMatchingView extends Omit<PaperMatchingItem, 'key' | 'rationale' | 'learnMore'> {
  key?: Record<string, string>;
  rationale?: Record<string, string>;
  learnMore?: string;
}

/** What a learner sees of a hands-on item: the task, never the lab's checks or solution. */
export type LearnerHandsOnView = Omit<PaperHandsOnItem, 'seed' | 'params' | 'lab'> & { lab: { id: string; title: string; description: string } };

/** One item as the learner sees it. */
export type LearnerItemView = LearnerChoiceView | LearnerOrderingView | LearnerMatchingView | LearnerHandsOnView;

/** A paper as the learner sees it: no key, rationale or check before release. */
export interface LearnerPaperView {
  examId: string;
  title: string;
  settings: ExamSettings;
  passPercent: number;
  domains: { id: string; title: string }[];
  released: boolean;
  sections: { id: string; title: string; items: LearnerItemView[] }[];
}

/** How one hands-on check went, as the released result shows it. */
export interface HandsOnCheck {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'error';
  points: number;
  maxPoints: number;
  message: string;
}

/** The grade of one item. */
export interface ItemResult {
  id: string;
  kind: PaperItem['kind'];
  domain: string;
  points: number;
  maxPoints: number;
  /** `correct` full points, `partial` some, `incorrect` none of an answered item, `unanswered`, `voided` (out of the total), `error` (a hands-on lab or check could not be run: it earns nothing, an instructor regrades once fixed). */
  status: 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'voided' | 'error';
  /** Why, for `error` and for a refused hands-on answer. */
  message?: string;
  /** A hands-on item's checks for its task, and the hash of the lab they came from. */
  checks?: HandsOnCheck[];
  labHash?: string;
  /** A refused hands-on answer's findings, placed in the answer. */
  findings?: Finding[];
}

/** A domain's share of the result, with the AWS score report's band. */
export interface DomainResult {
  id: string;
  title: string;
  points: number;
  maxPoints: number;
  /** points / maxPoints in percent; 0 when the domain has no points left. */
  percent: number;
  band: 'meets' | 'needs-improvement';
}

/** A graded paper. */
export interface ExamResult {
  examId: string;
  examHash: string;
  points: number;
  maxPoints: number;
  percent: number;
  passed: boolean;
  passPercent: number;
  items: ItemResult[];
  domains: DomainResult[];
  voided: string[];
}

/** What grading needs besides the paper and answers. */
export interface GradePaperOptions {
  labs: LabLookup;
  ctx: Ctx;
  /** Item ids removed from the total for everyone. */
  voided?: readonly string[];
}

/** One item whose grade changed in a regrade. */
export interface RegradeChange {
  id: string;
  before: { points: number; maxPoints: number; status: ItemResult['status'] };
  after: { points: number; maxPoints: number; status: ItemResult['status'] };
}

/** What changed between two grades of the same paper. */
export interface RegradeDiff {
  changed: RegradeChange[];
  before: { points: number; maxPoints: number; percent: number; passed: boolean };
  after: { points: number; maxPoints: number; percent: number; passed: boolean };
}

export type { Exam, ExamAnswers, ExamItemAnswer, ExamSettings };
