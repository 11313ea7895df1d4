import type { AttemptRow } from '@skylab/db';
import type { AppDeps } from './deps.ts';
import { queueAttemptScore } from './lti/scores.ts';
import { emitWebhook } from './webhooks/emit.ts';

/**
 * What follows a change of an attempt's grade (a graded submission, a regrade, closing): its score for the
 * LMS it was launched from, `grade.changed` when its best score moved, `attempt.completed` when it just
 * completed. Everything is queued; the caller then calls `scheduleDeliveries`.
 */
export async function attemptGradeChanged(deps: AppDeps, before: AttemptRow, after: AttemptRow): Promise<void> {
  await queueAttemptScore(deps, after);
  const data = { attemptId: after.id, userId: after.userId, labId: after.labId, courseId: after.courseId, score: after.bestScore, status: after.status };
  if (after.bestScore !== before.bestScore) await emitWebhook(deps, 'grade.changed', { ...data, previousScore: before.bestScore });
  if (after.status === 'completed' && before.status !== 'completed') await emitWebhook(deps, 'attempt.completed', data);
}
