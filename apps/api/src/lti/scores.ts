import { findLtiAttemptLink, findLtiPlatform, insertLtiScore, type AttemptRow, type LtiScoreOutboxRow } from '@skylab/db';
import type { Lab } from '@skylab/lab-engine';
import type { AppDeps } from '../deps.ts';
import { SCOPE } from './claims.ts';
import { outbound } from '../outbound/guarded-fetch.ts';
import { PlatformCallError, serviceToken } from './service-token.ts';

/** An AGS score (Assignment and Grade Services 2.0, §3.4 "Score publish service"). */
export interface AgsScore {
  userId: string;
  /** Left out, with `scoreMaximum`, while the grade is withheld (AGS 2.0 §3.4.6). */
  scoreGiven?: number;
  scoreMaximum?: number;
  activityProgress: 'InProgress' | 'Completed';
  gradingProgress: 'FullyGraded' | 'Pending';
  timestamp: string;
}

/** Points on the line item's scale: Skylab's deep links ask for a line item of 100. */
export const SCORE_MAXIMUM = 100;

/**
 * The attempt's score as the platform should record it: its best score so far, Completed once every check
 * passed or the learner closed it. A lab that withholds its checks until the attempt closes reports
 * Pending until then, so the gradebook never shows a grade before Skylab shows it to the learner.
 */
export function attemptScore(attempt: AttemptRow, lab: Lab | undefined, subject: string, now: number): AgsScore {
  const done = attempt.status === 'completed' || attempt.closedAt !== null;
  const withheld = attempt.closedAt === null && (lab === undefined || lab.feedback.checks === 'on-close');
  return {
    userId: subject,
    scoreGiven: Math.round((attempt.bestScore ?? 0) * SCORE_MAXIMUM * 100) / 100,
    scoreMaximum: SCORE_MAXIMUM,
    activityProgress: done ? 'Completed' : 'InProgress',
    gradingProgress: withheld ? 'Pending' : 'FullyGraded',
    timestamp: new Date(now).toISOString(),
  };
}

/**
 * Queues the attempt's current score for its platform if it was launched from one with a line item: after
 * every graded submission and whenever its grade changes (a regrade). True when a score was queued.
 */
export async function queueAttemptScore(deps: AppDeps, attempt: AttemptRow): Promise<boolean> {
  const link = await findLtiAttemptLink(deps.db, attempt.id);
  if (!link?.lineItemUrl) return false;
  const now = deps.clock.now();
  const score = attemptScore(attempt, deps.labs.get(attempt.labId)?.lab, link.subject, now);
  await insertLtiScore(deps.db, {
    id: deps.ids.next(),
    platformId: link.platformId,
    lineItemUrl: link.lineItemUrl,
    subject: link.subject,
    score: { ...score },
    status: 'pending',
    nextTryAt: now,
    createdAt: now,
  });
  return true;
}

/** POSTs one queued score to `<line item>/scores`; throws when the platform did not take it. */
export async function sendScore(deps: AppDeps, row: LtiScoreOutboxRow): Promise<void> {
  const platform = await findLtiPlatform(deps.db, row.platformId);
  if (!platform) throw new PlatformCallError('the platform is no longer registered');
  const token = await serviceToken(deps, platform, [SCOPE.score]);
  const response = await outbound(deps)(scoresUrl(row.lineItemUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
    body: JSON.stringify(row.score),
  });
  if (!response.ok) throw new PlatformCallError(`the score endpoint answered ${response.status}`);
}

/** `<line item>/scores`, keeping the line item URL's query (AGS §3.4: the path gets `/scores`, not the query). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
  return url.toString();
}
