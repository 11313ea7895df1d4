import type { AccountState } from '@skylab/emulator';
import { drawPaper, grade, gradePaper, type AccountChange, type Answers, type Exam, type ExamAnswers, type ExamResult, type Grade, type Lab, type LabPreview, type Paper } from '@skylab/lab-engine';
import type { Finding } from '@skylab/validation';
import { accountCtx, expectedAccount, freshAccount, installAnswers, liveAccountDrift, nextLiveAccount, type AttemptAccount, type NextLiveAccount } from './attempt-account.ts';
import { engineCtx, pinnedClock } from './engine-ctx.ts';
import { ApiError } from './errors.ts';
import { previewLab, type LabPreviewJob } from './lab-preview.ts';
import type { LabRegistry, RegisteredLab } from './lab-registry.ts';
import { labFromSource } from './lab-source-cache.ts';

// The CPU-heavy part of the attempt routes (provision, grade, the live account and its drift) behind one
// seam: in process where there are no threads (workerd, `app.request()` tests), in a worker pool on Node so
// a burst of submissions does not hold up every other request. Jobs are plain data both ways and name
// their lab by id and content hash rather than carrying it, so they cross a thread boundary cheaply.

/** A lab as a job names it: its id and the content hash of the text the server loaded (`RegisteredLab.version`). */
export interface LabRef {
  id: string;
  version: string;
  /** The text of a lab published to a course, which a grading thread did not load at start. */
  source?: string;
}

export function labRef(registered: RegisteredLab): LabRef {
  return { id: registered.lab.id, version: registered.version, ...(registered.source === undefined ? {} : { source: registered.source }) };
}

export interface AccountJob {
  lab: LabRef;
  account: AttemptAccount;
}

export interface SubmissionJob extends AccountJob {
  answers: Answers;
  /** When the submission is graded: its answers are installed at this time. */
  time: number;
  /** The paid hints revealed at the attempt's version, by index into the lab's `hints`. */
  revealedHints: number[];
}

/** A grade and the live account after it, or findings when the answers could not be graded. */
export type SubmissionGrading = { ok: true; grade: Grade; findings: Finding[]; live: NextLiveAccount } | { ok: false; findings: Finding[] };

export interface Grader {
  /** Grades the answers on a fresh provision of the lab and installs them in the live account too. */
  grade(job: SubmissionJob): Promise<SubmissionGrading>;
  /** The account a reset writes back: the fresh one with the last submission's answers. */
  resetAccount(job: AccountJob): Promise<AccountState>;
  /** How the live account differs from what it should be. */
  drift(job: AccountJob): Promise<AccountChange[]>;
  /** Grades an exam session's frozen paper (its hands-on items provision and grade labs: CPU-bound). */
  gradeExam(job: ExamGradingJob): Promise<ExamResult>;
  /** Draws a learner's paper (its hands-on items provision their lab's variant: CPU-bound too). */
  drawExam(job: PaperJob): Promise<Paper>;
  /** A lab text's findings, its rendering for a seed and its self-test; nothing stored. */
  previewLab(job: LabPreviewJob): Promise<LabPreview>;
}

/** A paper to draw: the exam itself (plain JSON) and the labs its hands-on items name, by id and hash. */
export interface PaperJob {
  exam: Exam;
  seed: string;
  labs: LabRef[];
}

/** The labs a job names, each exactly at the version it names, as the engine looks them up. */
function jobLabs(labs: LabRegistry, refs: readonly LabRef[]): (id: string) => Lab | undefined {
  const resolved = new Map(refs.map((ref) => [ref.id, resolveLab(labs, ref)]));
  return (id) => resolved.get(id);
}

export function drawExamPaper(labs: LabRegistry, job: PaperJob): Paper {
  return drawPaper(job.exam, { seed: job.seed, labs: jobLabs(labs, job.labs) });
}

/** An exam paper to grade, as plain data: the labs it draws on are named by id and content hash. */
export interface ExamGradingJob {
  paper: Paper;
  answers: ExamAnswers;
  /** Items voided for everyone: out of every total. */
  voided: string[];
  /** The labs the paper's hands-on items name, at the versions the server has them (a regrade uses fixed checks). */
  labs: LabRef[];
  /** When the session started: its hands-on accounts are provisioned as of then, so a regrade rebuilds them exactly. */
  startedAt: number;
  region: string;
}

/** Grades a paper with the labs the job names, each exactly at the version it names. */
export function gradeExamPaper(labs: LabRegistry, job: ExamGradingJob): ExamResult {
  const ctx = engineCtx(pinnedClock({ config: { region: job.region } }, job.startedAt), job.paper.seed, 0);
  return gradePaper(job.paper, job.answers, { labs: jobLabs(labs, job.labs), ctx, voided: job.voided });
}

/** Graded on a fresh provision, never on the live account the learner can change over the AWS API. */
export function gradeSubmission(lab: Lab, job: SubmissionJob): SubmissionGrading {
  const { account, answers, time } = job;
  const fresh = freshAccount(lab, account);
  const outcome = grade(lab, fresh, answers, accountCtx(account, time, account.version), { revealedHints: job.revealedHints });
  if (!outcome.ok) return { ok: false, findings: outcome.findings };
  const expected = installAnswers(lab, account, fresh, answers, account.version, time).state;
  const live = nextLiveAccount(lab, account, fresh, { answers, expected, time });
  return { ok: true, grade: outcome.grade, findings: outcome.findings, live };
}

export function resetAccountState(lab: Lab, job: AccountJob): AccountState {
  return expectedAccount(lab, job.account, freshAccount(lab, job.account));
}

export function liveDrift(lab: Lab, job: AccountJob): AccountChange[] {
  return liveAccountDrift(lab, job.account);
}

/**
 * Grading with another text of the lab than the server shows would grade against checks nobody sees:
 * refused until the server is restarted and loads the labs again.
 */
export class LabChanged extends ApiError {
  constructor(message: string) {
    super(503, 'lab_changed', message);
    this.name = 'LabChanged';
  }
}

const short = (version: string) => version.slice(0, 12);

/** The lab a job names, exactly the version it names. */
export function resolveLab(labs: LabRegistry, ref: LabRef): Lab {
  const registered = ref.source === undefined ? labs.get(ref.id) : labFromSource(ref.source, labs.misconceptions()).registered;
  if (registered?.version === ref.version) return registered.lab;
  const found = registered ? `version \`${short(registered.version)}\`` : 'none';
  throw new LabChanged(`the lab \`${ref.id}\` changed since the server started (it shows version \`${short(ref.version)}\`, grading has ${found}): restart the server so it grades the lab it shows`);
}

/** Grades on the calling thread: for runtimes without worker threads, and for tests. */
export function createInProcessGrader(labs: LabRegistry): Grader {
  return {
    grade: async (job) => gradeSubmission(resolveLab(labs, job.lab), job),
    resetAccount: async (job) => resetAccountState(resolveLab(labs, job.lab), job),
    drift: async (job) => liveDrift(resolveLab(labs, job.lab), job),
    gradeExam: async (job) => gradeExamPaper(labs, job),
    drawExam: async (job) => drawExamPaper(labs, job),
    previewLab: async (job) => previewLab(job),
  };
}
