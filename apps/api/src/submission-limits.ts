import { takeRateLimit, type AttemptRow, type RateLimitRule } from '@skylab/db';
import type { Lab } from '@skylab/lab-engine';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';

/** A closed attempt, or one that used the lab's `maxSubmissions`, takes no more submissions (409). */
export function assertAcceptsSubmissions(lab: Lab, attempt: AttemptRow): void {
  if (attempt.closedAt !== null) throw new ApiError(409, 'attempt_closed', 'this attempt is closed and takes no more submissions: start a new attempt to try again');
  const max = lab.maxSubmissions;
  if (max !== undefined && attempt.submissionCount >= max) {
    const next = lab.feedback.checks === 'on-close' ? 'close the attempt to see your feedback, or start a new attempt' : 'start a new attempt to try again';
    throw new ApiError(409, 'submission_limit_reached', `this lab allows ${max} submission${max === 1 ? '' : 's'} per attempt and you have used them all: ${next}`);
  }
}

/**
 * Counts a request against `rule` under `key`, kept in the database because Workers keep no memory: past it,
 * 429 `code` with `Retry-After` in seconds. `what` names the requests and what takes them (`submissions` …).
 */
async function assertRate(deps: Pick<AppDeps, 'db' | 'clock'>, key: string, rule: RateLimitRule, code: string, what: { requests: string; taker: string }): Promise<void> {
  const taken = await takeRateLimit(deps.db, key, deps.clock.now(), rule);
  if (taken.allowed) return;
  const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
  throw new ApiError(429, code, `${what.taker} takes at most ${rule.limit} ${what.requests} in ${Math.round(rule.windowMs / 1000)} seconds: try again in ${seconds} seconds`, undefined, {
    'Retry-After': String(seconds),
  });
}

/** Counts the submission against the attempt's rate (`submissionRate`). */
export function assertSubmissionRate(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, attemptId: string): Promise<void> {
  return assertRate(deps, `submit:${attemptId}`, deps.config.submissionRate, 'too_many_submissions', { requests: 'submissions', taker: 'this attempt' });
}

/** Counts an autosave against the exam session's rate (`examSaveRate`). */
export function assertExamSaveRate(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, sessionId: string): Promise<void> {
  return assertRate(deps, `exam-save:${sessionId}`, deps.config.examSaveRate, 'too_many_saves', { requests: 'saves', taker: 'this exam session' });
}
