import { takeRateLimit, type AttemptRow } from '@skylab/db';
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
 * Counts the submission against the attempt's rate (`submissionRate`), kept in the database because
 * Workers keep no memory: past it, 429 with `Retry-After` in seconds.
 */
export async function assertSubmissionRate(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, attemptId: string): Promise<void> {
  const rule = deps.config.submissionRate;
  const taken = await takeRateLimit(deps.db, `submit:${attemptId}`, deps.clock.now(), rule);
  if (taken.allowed) return;
  const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
  throw new ApiError(
    429,
    'too_many_submissions',
    `this attempt takes at most ${rule.limit} submissions in ${Math.round(rule.windowMs / 1000)} seconds: try again in ${seconds} seconds`,
    undefined,
    { 'Retry-After': String(seconds) },
  );
}
