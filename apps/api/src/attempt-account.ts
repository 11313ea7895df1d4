import type { AttemptRow, SubmissionRow } from '@skylab/db';
import { restoreAccountState, type AccountState } from '@skylab/emulator';
import { accountDrift, applyAnswers, provision, type AccountChange, type Answers, type AppliedAnswers, type Lab, type Provisioned } from '@skylab/lab-engine';
import type { AppDeps } from './deps.ts';
import { engineCtx, pinnedClock } from './engine-ctx.ts';
import type { RegisteredLab } from './lab-registry.ts';

// An attempt has two accounts. The graded one is never stored: every submission is graded on a fresh
// provision of the lab (same seed, so the same variant) plus its answers, so nothing the learner does
// through the attempt's AWS endpoint can change a grade (DESIGN §3, grading integrity). The live one is
// the account the AWS endpoint serves; it receives the answers too, so the learner sees them there, and
// where it differs from what it should be the learner is told what they changed.

type AccountDeps = Pick<AppDeps, 'clock' | 'config'>;

/** The lab's account as the attempt started with it: provisioned from its seed, at the time it started. */
export function freshAccount(deps: AccountDeps, lab: Lab, attempt: AttemptRow): Provisioned {
  return provision(lab, attempt.seed, engineCtx(pinnedClock(deps, attempt.createdAt), attempt.seed, 0));
}

/** Answers installed in `account` as the submission graded at attempt version `step`, at `time`, installs them. */
export function installAnswers(deps: AccountDeps, lab: Lab, attempt: AttemptRow, account: Provisioned, answers: Answers, step: number, time: number): AppliedAnswers {
  return applyAnswers(lab, account, answers, engineCtx(pinnedClock(deps, time), attempt.seed, step));
}

/** What the live account should be: the fresh account with the answers of the last stored submission installed. */
export function expectedAccount(deps: AccountDeps, lab: Lab, attempt: AttemptRow, fresh: Provisioned, submissions: SubmissionRow[]): AccountState {
  const last = submissions.at(-1);
  if (!last) return fresh.state;
  return installAnswers(deps, lab, attempt, fresh, last.answers, last.attemptVersion, last.createdAt).state;
}

export interface NextLiveAccount {
  /** The live account after the submission. */
  state: AccountState;
  /** How it still differs from what it should be (the fresh account with these answers). */
  drift: AccountChange[];
}

/**
 * The live account after a submission whose answers, installed in the fresh account, give `expected`. An
 * account the learner left as it should be becomes exactly `expected`; one they changed keeps their
 * changes and gets the answers on top, or stays as it is when the answers no longer fit it (they deleted
 * the user a policy goes to). Either way the grade is not touched: it comes from the fresh account.
 */
export function nextLiveAccount(
  deps: AccountDeps,
  lab: Lab,
  attempt: AttemptRow,
  fresh: Provisioned,
  submissions: SubmissionRow[],
  submitted: { answers: Answers; expected: AccountState; time: number },
): NextLiveAccount {
  const live = restoreAccountState(attempt.state);
  if (accountDrift(expectedAccount(deps, lab, attempt, fresh, submissions), live).length === 0) return { state: submitted.expected, drift: [] };
  const onLive = installAnswers(deps, lab, attempt, { params: attempt.params, state: live }, submitted.answers, attempt.version, submitted.time);
  const state = onLive.ok ? onLive.state : live;
  return { state, drift: accountDrift(submitted.expected, state) };
}

/** How an attempt's live account differs from what it should be now. */
export function liveAccountDrift(deps: AccountDeps, lab: Lab, attempt: AttemptRow, submissions: SubmissionRow[]): AccountChange[] {
  return accountDrift(expectedAccount(deps, lab, attempt, freshAccount(deps, lab, attempt), submissions), restoreAccountState(attempt.state));
}

/** What the learner is told when their live account differs from what it should be. */
export interface AccountDriftView {
  message: string;
  changes: AccountChange[];
}

const LISTED_CHANGES = 5;

/** The changes in one message that says they do not count and how to undo them; null when there are none. */
export function accountDriftView(changes: AccountChange[], registered: RegisteredLab | undefined, attempt: AttemptRow): AccountDriftView | null {
  if (changes.length === 0) return null;
  const listed = changes.slice(0, LISTED_CHANGES).map((change) => change.message);
  if (changes.length > LISTED_CHANGES) listed.push(`${changes.length - LISTED_CHANGES} more`);
  // A lab updated since the attempt started provisions a different account: not every difference is the learner's.
  const labUpdated = registered !== undefined && registered.version !== attempt.labVersion;
  const opening = labUpdated ? 'your account differs from the lab\'s (the lab was updated since you started, so some differences may be its own)' : 'your account differs from the lab\'s';
  return {
    message: `${opening}: ${listed.join('; ')}; this does not affect your grade, since every submission is graded on a fresh copy of the lab's account with your answers; reset the account to undo these changes`,
    changes,
  };
}
