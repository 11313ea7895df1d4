import type { AccountState } from '@skylab/emulator';
import { grade, type AccountChange, type Answers, type Grade, type Lab, type LabPreview } from '@skylab/lab-engine';
import type { Finding } from '@skylab/validation';
import { accountCtx, expectedAccount, freshAccount, installAnswers, liveAccountDrift, nextLiveAccount, type AttemptAccount, type NextLiveAccount } from './attempt-account.ts';
import { ApiError } from './errors.ts';
import { previewLab, type LabPreviewJob } from './lab-preview.ts';
import type { LabRegistry, RegisteredLab } from './lab-registry.ts';

// The CPU-heavy part of the attempt routes (provision, grade, the live account and its drift) behind one
// seam: in process where there are no threads (workerd, `app.request()` tests), in a worker pool on Node so
// a burst of submissions does not hold up every other request. Jobs are plain data both ways and name
// their lab by id and content hash rather than carrying it, so they cross a thread boundary cheaply.

/** A lab as a job names it: its id and the content hash of the text the server loaded (`RegisteredLab.version`). */
export interface LabRef {
  id: string;
  version: string;
}

export function labRef(registered: RegisteredLab): LabRef {
  return { id: registered.lab.id, version: registered.version };
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
  /** A lab text's findings, its rendering for a seed and its self-test; nothing stored. */
  previewLab(job: LabPreviewJob): Promise<LabPreview>;
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
  const registered = labs.get(ref.id);
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
    previewLab: async (job) => previewLab(job),
  };
}
