import type { AttemptRow, SubmissionRow } from '@skylab/db';
import { restoreAccountState, type AccountState, type Ctx } from '@skylab/emulator';
import { accountDrift, applyAnswers, provision, type AccountChange, type Answers, type AppliedAnswers, type Lab, type Provisioned } from '@skylab/lab-engine';
import type { AccountDriftView } from '@skylab/validation';
import { engineCtx, pinnedClock } from './engine-ctx.ts';
import type { RegisteredLab } from './lab-registry.ts';

// An attempt has two accounts. The graded one is never stored: every submission is graded on a fresh
// provision of the lab (same seed, so the same variant) plus its answers, so nothing the learner does
// through the attempt's AWS endpoint can change a grade (DESIGN §3, grading integrity). The live one is
// the account the AWS endpoint serves; it receives the answers too, so the learner sees them there, and
// where it differs from what it should be the learner is told what they changed.

/**
 * What the account computations read of an attempt and its last submission: plain data, so a grading
 * job carries it to a worker thread as it is (`structuredClone`).
 */
export interface AttemptAccount {
  seed: string;
  params: Record<string, string>;
  /** When the attempt started: its account is provisioned at this time. */
  createdAt: number;
  version: number;
  /** The live account snapshot, as stored. */
  state: unknown;
  /** The answers of the last stored submission, installed at the version and time it was graded. */
  last?: { answers: Answers; attemptVersion: number; createdAt: number };
  /** The region of every emulated account (`AppConfig.region`). */
  region: string;
}

export function attemptAccount(attempt: AttemptRow, submissions: SubmissionRow[], config: { region: string }): AttemptAccount {
  const last = submissions.at(-1);
  return {
    seed: attempt.seed,
    params: attempt.params,
    createdAt: attempt.createdAt,
    version: attempt.version,
    state: attempt.state,
    ...(last ? { last: { answers: last.answers, attemptVersion: last.attemptVersion, createdAt: last.createdAt } } : {}),
    region: config.region,
  };
}

/** The emulator context of step `step` of the attempt, its clock stopped at `time`. */
export function accountCtx(account: AttemptAccount, time: number, step: number): Ctx {
  return engineCtx(pinnedClock({ config: { region: account.region } }, time), account.seed, step);
}

/** The lab's account as the attempt started with it: provisioned from its seed, at the time it started. */
export function freshAccount(lab: Lab, account: AttemptAccount): Provisioned {
  return provision(lab, account.seed, accountCtx(account, account.createdAt, 0));
}

/** Answers installed in `into` as the submission graded at attempt version `step`, at `time`, installs them. */
export function installAnswers(lab: Lab, account: AttemptAccount, into: Provisioned, answers: Answers, step: number, time: number): AppliedAnswers {
  return applyAnswers(lab, into, answers, accountCtx(account, time, step));
}

/** What the live account should be: the fresh account with the answers of the last stored submission installed. */
export function expectedAccount(lab: Lab, account: AttemptAccount, fresh: Provisioned): AccountState {
  const { last } = account;
  if (!last) return fresh.state;
  return installAnswers(lab, account, fresh, last.answers, last.attemptVersion, last.createdAt).state;
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
export function nextLiveAccount(lab: Lab, account: AttemptAccount, fresh: Provisioned, submitted: { answers: Answers; expected: AccountState; time: number }): NextLiveAccount {
  const live = restoreAccountState(account.state);
  if (accountDrift(expectedAccount(lab, account, fresh), live).length === 0) return { state: submitted.expected, drift: [] };
  const onLive = installAnswers(lab, account, { params: account.params, state: live }, submitted.answers, account.version, submitted.time);
  const state = onLive.ok ? onLive.state : live;
  return { state, drift: accountDrift(submitted.expected, state) };
}

/** How an attempt's live account differs from what it should be now. */
export function liveAccountDrift(lab: Lab, account: AttemptAccount): AccountChange[] {
  return accountDrift(expectedAccount(lab, account, freshAccount(lab, account)), restoreAccountState(account.state));
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
